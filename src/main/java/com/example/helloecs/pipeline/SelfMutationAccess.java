package com.example.helloecs.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * What the self-mutation step needs beyond what CDK Pipelines gives it, so that it can deploy the registry stacks
 * the pipeline stack depends on in other accounts.
 *
 * <p>The self-mutation step runs {@code cdk -a . deploy PIPELINE-STACK --require-approval=never}, and
 * {@code cdk deploy STACK} also deploys the stacks STACK depends on unless {@code --exclusively} is given (CDK CLI,
 * {@code expandUp} in lib/cli/cli.js). CDK Pipelines lets its role assume only the bootstrap roles of the pipeline's
 * own account ({@code arn:*:iam::PIPELINE-ACCOUNT:role/*} tagged {@code aws-cdk:bootstrap-role} deploy,
 * file-publishing or image-publishing; aws-cdk-lib pipelines/lib/codepipeline/codepipeline.ts,
 * {@code selfMutateAction}). For an environment in another account this adds the deploy role (CloudFormation) and the
 * file-publishing role (the template upload) of exactly that account and region; they trust the pipeline account
 * once bootstrapped with {@code --trust PIPELINE-ACCOUNT}.
 */
public final class SelfMutationAccess {
    private SelfMutationAccess() {
    }

    /**
     * @param pipelineAccount the pipeline's account
     * @param qualifier       CDK bootstrap qualifier
     * @param environments    account and region of each registry stack the pipeline stack depends on
     * @return one statement allowing {@code sts:AssumeRole} on the roles of the environments in other accounts, or
     *         none when every environment is in the pipeline's account
     */
    public static List<PolicyStatement> statements(String pipelineAccount, String qualifier,
                                                   List<BootstrapRoles.Target> environments) {
        Set<String> roles = new LinkedHashSet<>();
        for (BootstrapRoles.Target env : environments) {
            if (!pipelineAccount.equals(env.account())) {
                roles.add(BootstrapRoles.arn(BootstrapRoles.DEPLOY, qualifier, env.account(), env.region()));
                roles.add(BootstrapRoles.arn(BootstrapRoles.FILE_PUBLISHING, qualifier, env.account(), env.region()));
            }
        }
        if (roles.isEmpty()) {
            return List.of();
        }
        return List.of(PolicyStatement.Builder.create()
                .actions(List.of("sts:AssumeRole"))
                .resources(new ArrayList<>(roles))
                .build());
    }
}
