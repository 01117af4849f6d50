package com.example.helloecs.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.example.helloecs.config.Deployment;

import software.amazon.awscdk.pipelines.IFileSetProducer;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.pipelines.CodeBuildStep;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * Optional post-deployment gate (setting {@code pipeline.scanGate}, default {@code off}): fails the pipeline when
 * the deployed image's scan findings reach the configured severity.
 *
 * <p>It runs this project's {@code ./bin/hello-ecs scan findings} command against the environment's registry
 * ({@code --registry-id}: ECR reads the caller's own registry otherwise). The step runs with a CodeBuild role of
 * the pipeline account.
 * <ul>
 * <li>Same account: the role may call {@code ecr:DescribeImages} and {@code ecr:DescribeImageScanFindings} on that
 * repository; with ENHANCED registry scanning ECR returns Amazon Inspector's findings, which needs
 * {@code inspector2:ListFindings} and {@code inspector2:ListCoverage} ("IAM permissions required for enhanced
 * scanning", ECR User Guide); Inspector has no resource-level permissions for them.</li>
 * <li>Another account: an identity policy alone cannot reach another account's repository (cross-account access
 * needs the resource's policy too, IAM User Guide, "Cross-account policy evaluation logic"). Instead the step
 * assumes that account's CDK lookup role ({@code cdk-QUALIFIER-lookup-role-ACCOUNT-REGION}: {@code ReadOnlyAccess},
 * which includes those ECR and Inspector read actions, and trusts the accounts given to
 * {@code cdk bootstrap --trust}; aws-cdk-cli's bootstrap-template.yaml) with {@code --role-arn}, so the ECR and
 * Inspector calls are made in the registry's own account with that role's permissions. The step's own role may
 * assume exactly that role and nothing else.</li>
 * </ul>
 */
public final class ScanGate {
    /** Construct ID of the step. */
    public static final String ID = "ScanGate";
    private static final String ENHANCED = "ENHANCED";
    /** The value of {@code pipeline.scanGate} that disables the gate. */
    public static final String OFF = "off";

    private ScanGate() {
    }

    public static boolean enabled(String severity) {
        return severity != null && !OFF.equals(severity);
    }

    /**
     * The step, checking the image the stage runs: the source checkout is its input (for bin/hello-ecs) and the
     * synth step's cloud assembly is mounted at {@code cdk.out} (the image tag is the asset hash recorded there).
     *
     * @param readRole the role to assume to read the registry ({@link #readRole}), or {@code null} for the step's own
     */
    public static CodeBuildStep create(IFileSetProducer source, IFileSetProducer synth, Deployment deployment,
                                       String severity, String readRole) {
        String repositoryArn = "arn:" + Aws.PARTITION + ":ecr:" + deployment.region() + ":" + deployment.account()
                + ":repository/" + deployment.registry().repositoryName();
        return CodeBuildStep.Builder.create(ID)
                .input(source)
                .additionalInputs(Map.of("cdk.out", synth))
                .commands(commands(deployment, severity, readRole))
                .rolePolicyStatements(statements(deployment, repositoryArn, readRole))
                .build();
    }

    /**
     * The CDK lookup role of the registry's account when it is not the pipeline's, else {@code null}.
     *
     * @param partition the pipeline stack's partition (the same as the environments')
     */
    public static String readRole(Deployment deployment, String pipelineAccount, String partition, String qualifier) {
        if (pipelineAccount.equals(deployment.account())) {
            return null;
        }
        return "arn:" + partition + ":iam::" + deployment.account() + ":role/"
                + BootstrapRoles.name(BootstrapRoles.LOOKUP, qualifier, deployment.account(), deployment.region());
    }

    static List<PolicyStatement> statements(Deployment deployment, String repositoryArn, String readRole) {
        if (readRole != null) {
            return List.of(PolicyStatement.Builder.create()
                    .actions(List.of("sts:AssumeRole"))
                    .resources(List.of(readRole))
                    .build());
        }
        List<PolicyStatement> statements = new ArrayList<>(List.of(PolicyStatement.Builder.create()
                .actions(List.of("ecr:DescribeImages", "ecr:DescribeImageScanFindings"))
                .resources(List.of(repositoryArn))
                .build()));
        if (ENHANCED.equals(deployment.registry().registryScanning())) {
            statements.add(PolicyStatement.Builder.create()
                    .actions(List.of("inspector2:ListFindings", "inspector2:ListCoverage"))
                    .resources(List.of("*"))
                    .build());
        }
        return statements;
    }

    public static List<String> commands(Deployment deployment, String severity, String readRole) {
        return List.of("./bin/hello-ecs scan findings --fail-on " + Shell.quote(severity)
                + " --env " + Shell.quote(deployment.name()) + " --cdk-out cdk.out"
                + " --registry-id " + Shell.quote(deployment.account())
                + " --repository " + Shell.quote(deployment.registry().repositoryName())
                + " --region " + Shell.quote(deployment.region())
                + (readRole == null ? "" : " --role-arn " + Shell.quote(readRole)));
    }
}
