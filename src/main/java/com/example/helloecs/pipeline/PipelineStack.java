package com.example.helloecs.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.example.helloecs.config.Deployment;
import com.example.helloecs.config.Names;
import com.example.helloecs.config.PipelineConfig;
import com.example.helloecs.stage.DeploymentStacks;
import com.example.helloecs.stage.DeploymentStage;

import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.pipelines.AddStageOpts;
import software.amazon.awscdk.pipelines.CodeBuildOptions;
import software.amazon.awscdk.pipelines.CodePipeline;
import software.amazon.awscdk.pipelines.CodePipelineSource;
import software.amazon.awscdk.pipelines.ConnectionSourceOptions;
import software.amazon.awscdk.pipelines.ManualApprovalStep;
import software.amazon.awscdk.pipelines.ManualApprovalStepProps;
import software.amazon.awscdk.pipelines.ShellStep;
import software.amazon.awscdk.pipelines.Step;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.services.codebuild.CfnProject;
import software.amazon.awscdk.services.iam.Policy;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.s3.CfnBucket;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.IConstruct;
import software.constructs.Construct;

import com.example.helloecs.compliance.Acknowledge;
import com.example.helloecs.compliance.SourceConditions;
import com.example.helloecs.compliance.WildcardAcknowledgement;

/**
 * The CDK pipeline: source (CodeStar/CodeConnections connection), synth ({@link SynthStep}), self-mutation, the
 * Assets stage CDK Pipelines adds, then one {@link DeploymentStage} per configured environment, in order. An environment
 * with {@code approval: true} waits for a manual approval before it deploys; after each deployment the
 * {@link SmokeTest} runs, then the optional {@link ScanGate}.
 *
 * <p>Defaults: self-mutation on, with the CDK CLI version pinned in package.json; a customer-managed KMS key (with
 * rotation) for the artifact bucket and the CodeBuild projects in every case, also when every stage is in the
 * pipeline's account (without it the CodeBuild projects use the AWS-managed S3 key, AwsSolutions-CB4); Docker is
 * not enabled for synth or self-mutation, because {@code cdk synth} does not build images (the Assets stage's
 * CodeBuild projects build them and are privileged automatically).
 */
public class PipelineStack extends Stack {
    public final CodePipelineSource source;
    public final CodePipeline pipeline;
    /** The synth step; its output is the cloud assembly. */
    public final ShellStep synth;
    /** The stages deployed, in order: the same class {@code cdk deploy} uses. */
    public final List<DeploymentStage> stages;

    /**
     * @param scope         the app: the stages are created in it, next to this stack
     * @param appName       application name (prefix of the stage IDs)
     * @param config        the pipeline configuration
     * @param synthContext  {@code -c} values the synth step passes to {@code cdk synth}
     */
    public PipelineStack(Construct scope, String id, String appName, PipelineConfig config,
                         Map<String, String> synthContext) {
        super(scope, id, StackProps.builder()
                .env(Environment.builder().account(config.account()).region(config.region()).build())
                .description("CDK pipeline of " + appName + " (" + config.repository() + "@" + config.branch() + ")")
                .build());
        this.source = CodePipelineSource.connection(config.repository(), config.branch(),
                ConnectionSourceOptions.builder().connectionArn(config.connectionArn()).build());
        this.synth = SynthStep.create(source, synthContext);
        Object qualifierContext = getNode().tryGetContext(DeploymentStacks.QUALIFIER_CONTEXT);
        String qualifier = qualifierContext == null ? Names.DEFAULT_QUALIFIER : qualifierContext.toString();
        List<BootstrapRoles.Target> targets = config.stages().stream()
                .map(d -> new BootstrapRoles.Target(d.account(), d.region())).toList();
        this.pipeline = CodePipeline.Builder.create(this, "Pipeline")
                .pipelineName(appName)
                .synth(synth)
                .selfMutation(true)
                .selfMutationCodeBuildDefaults(CodeBuildOptions.builder()
                        .rolePolicy(SelfMutationAccess.statements(config.account(), qualifier, targets))
                        .build())
                .cliVersion(CdkCli.pinnedVersion())
                .crossAccountKeys(true)
                .enableKeyRotation(true)
                .build();
        List<DeploymentStage> added = new ArrayList<>();
        for (Deployment deployment : config.stages()) {
            // A sibling of this stack, not a child: construct paths (and so a few logical IDs, tags and names)
            // are then identical to `cdk deploy -c env=NAME`, so stacks deployed by hand are updated in place.
            DeploymentStage stage = new DeploymentStage(scope, Names.stageId(appName, deployment), deployment);
            // The registry stack is a top-level stack (DeploymentStage): `cdk deploy --all` and the self-mutation step
            // (`cdk deploy` of this stack, which deploys the stacks it depends on) create or update it before the
            // Assets stage pushes the image into its repository.
            addStackDependency(stage.stacks.registry, "the Assets stage publishes the image into its repository");
            pipeline.addStage(stage, AddStageOpts.builder()
                    .pre(deployment.approval() ? List.of(approval(stage)) : List.of())
                    .post(post(stage, config.scanGate(), ScanGate.readRole(deployment, config.account(),
                            getPartition(), qualifier)))
                    .build());
            added.add(stage);
        }
        this.stages = List.copyOf(added);
        pipeline.buildPipeline();
        acknowledgeGeneratedPolicies(pipeline);
        // Confused-deputy protection for the CodeBuild roles CDK Pipelines generates: only CodeBuild acting for
        // this account ("Cross-service confused deputy prevention", AWS CodeBuild User Guide,
        // https://docs.aws.amazon.com/codebuild/latest/userguide/cross-service-confused-deputy-prevention.html).
        SourceConditions.addToTrust(this, "codebuild.amazonaws.com",
                Map.of("StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID)));
    }

    /**
     * The roles CDK Pipelines generates for the pipeline, its CodeBuild steps and asset publishing get wildcards
     * only within the pipeline's own resources: object keys of its artifact bucket, KMS data-key actions on its
     * artifact key, its CodeBuild log groups and reports, and the CDK bootstrap roles it assumes.
     */
    private static void acknowledgeGeneratedPolicies(CodePipeline pipeline) {
        WildcardAcknowledgement.under(pipeline, "Generated by CDK Pipelines: its wildcards are confined to the "
                + "pipeline's artifact bucket objects and KMS key, its CodeBuild logs and reports, and the CDK "
                + "bootstrap roles of the target environments.");
        Acknowledge.cfnLintRule((CfnResource) pipeline.getPipeline().getNode().getDefaultChild(), "W3005",
                "aws-cdk-lib's CodePipeline depends on its role both by DependsOn and by GetAtt.");
        Acknowledge.rule(pipeline.getPipeline().getArtifactBucket(), "AwsSolutions-S1", "Pipeline artifact bucket: "
                + "only the pipeline's own roles read and write it, encrypted with the pipeline's KMS key; server "
                + "access logs would need a second bucket with no consumer.");
        List<IBucket> buckets = new ArrayList<>(List.of(pipeline.getPipeline().getArtifactBucket()));
        // The artifact bucket CodePipeline creates in the support stack of each other region the pipeline deploys to.
        pipeline.getPipeline().getCrossRegionSupport().values().forEach(support -> {
            Acknowledge.rule(support.getReplicationBucket(), "AwsSolutions-S1", "Regional artifact bucket of the "
                    + "pipeline (its support stack in " + support.getStack().getRegion() + "): only the pipeline's "
                    + "roles read and write it; server access logs would need a second bucket with no consumer.");
            buckets.add(support.getReplicationBucket());
        });
        for (IBucket bucket : buckets) {
            // Versioned: an artifact overwritten or deleted can be recovered (NIST/PCI S3BucketVersioningEnabled).
            if (bucket.getNode().getDefaultChild() instanceof CfnBucket cfn) {
                cfn.setVersioningConfiguration(CfnBucket.VersioningConfigurationProperty.builder()
                        .status("Enabled").build());
            }
            Acknowledge.nistAndPci(bucket, "S3BucketLoggingEnabled", "Pipeline artifact bucket: only the "
                    + "pipeline's own roles read and write it (its policy and KMS key say so); server access logs "
                    + "would need a second bucket with no consumer, and CloudTrail records the pipeline's actions.");
            Acknowledge.nistAndPci(bucket, "S3BucketReplicationEnabled", "Pipeline artifact bucket: it holds "
                    + "intermediate build artifacts that every pipeline run recreates from the source repository; "
                    + "a replica would protect nothing that cannot be rebuilt.");
        }
        // CDK Pipelines' CodeBuild projects take their source from CodePipeline artifacts: no repository URL, so no
        // credentials in one.
        for (IConstruct c : Stack.of(pipeline).getNode().findAll()) {
            if (c instanceof CfnProject project) {
                Acknowledge.rule(project, "PCI.DSS.321-CodeBuildProjectSourceRepoUrl", "The project's source is "
                        + "a CodePipeline artifact (source type CODEPIPELINE), not a GitHub or Bitbucket URL: there "
                        + "is no URL that could carry credentials.");
            }
            if (c instanceof Role role && role.getNode().tryFindChild("DefaultPolicy") instanceof Policy policy) {
                Acknowledge.nistAndPci(policy, "IAMNoInlinePolicy", "Generated by CDK Pipelines for this one role "
                        + "(" + role.getNode().getPath() + ") and rewritten with each pipeline change; a managed "
                        + "policy would be capped at 6,144 characters (IAM quotas) while the pipeline role's grows "
                        + "with each stage, and it is attached to nothing else.");
            }
        }
    }

    private static ManualApprovalStep approval(DeploymentStage stage) {
        return new ManualApprovalStep("Approve", ManualApprovalStepProps.builder()
                .comment("Deploy " + stage.getStageName() + " to " + stage.stacks.deployment.account() + "/"
                        + stage.stacks.deployment.region() + "?")
                .build());
    }

    private List<Step> post(DeploymentStage stage, String scanGate, String readRole) {
        Step smoke = SmokeTest.create(stage.stacks.service.serviceUrl);
        if (!ScanGate.enabled(scanGate)) {
            return List.of(smoke);
        }
        Step gate = ScanGate.create(source, synth, stage.stacks.deployment, scanGate, readRole);
        gate.addStepDependency(smoke);
        return List.of(smoke, gate);
    }
}
