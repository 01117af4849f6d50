package com.example.helloecs.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.example.helloecs.config.Deployment;
import com.example.helloecs.config.Names;
import com.example.helloecs.config.PipelineConfig;
import com.example.helloecs.stage.ServiceStage;

import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.pipelines.AddStageOpts;
import software.amazon.awscdk.pipelines.CodePipeline;
import software.amazon.awscdk.pipelines.CodePipelineSource;
import software.amazon.awscdk.pipelines.ConnectionSourceOptions;
import software.amazon.awscdk.pipelines.ManualApprovalStep;
import software.amazon.awscdk.pipelines.ManualApprovalStepProps;
import software.amazon.awscdk.pipelines.Step;
import software.constructs.Construct;

/**
 * The CDK pipeline: source (CodeStar/CodeConnections connection), synth ({@link SynthStep}), self-mutation, the
 * Assets stage CDK Pipelines adds, then one {@link ServiceStage} per configured environment, in order. An environment
 * with {@code approval: true} waits for a manual approval before it deploys; after each deployment the
 * {@link SmokeTest} runs, then the optional {@link ScanGate}.
 *
 * <p>Defaults: self-mutation on, with the CDK CLI version pinned in package.json; cross-account KMS keys (with rotation) only when a stage's account differs from the
 * pipeline's; Docker is not enabled for synth or self-mutation, because {@code cdk synth} does not build images
 * (the Assets stage's CodeBuild projects build them and are privileged automatically).
 */
public class PipelineStack extends Stack {
    public final CodePipelineSource source;
    public final CodePipeline pipeline;
    /** The stages deployed, in order: the same class {@code cdk deploy} uses. */
    public final List<ServiceStage> stages;

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
        this.pipeline = CodePipeline.Builder.create(this, "Pipeline")
                .pipelineName(appName)
                .synth(SynthStep.create(source, synthContext))
                .selfMutation(true)
                .cliVersion(CdkCli.pinnedVersion())
                .crossAccountKeys(config.crossAccount())
                .enableKeyRotation(config.crossAccount())
                .build();
        List<ServiceStage> added = new ArrayList<>();
        for (Deployment deployment : config.stages()) {
            // A sibling of this stack, not a child: construct paths (and so a few logical IDs, tags and names)
            // are then identical to `cdk deploy -c env=NAME`, so stacks deployed by hand are updated in place.
            ServiceStage stage = new ServiceStage(scope, Names.stageId(appName, deployment), deployment);
            pipeline.addStage(stage, AddStageOpts.builder()
                    .pre(deployment.approval() ? List.of(approval(stage)) : List.of())
                    .post(post(stage, config.scanGate()))
                    .build());
            added.add(stage);
        }
        this.stages = List.copyOf(added);
    }

    private static ManualApprovalStep approval(ServiceStage stage) {
        return new ManualApprovalStep("Approve", ManualApprovalStepProps.builder()
                .comment("Deploy " + stage.getStageName() + " to " + stage.deployment.account() + "/"
                        + stage.deployment.region() + "?")
                .build());
    }

    private List<Step> post(ServiceStage stage, String scanGate) {
        List<Step> steps = new ArrayList<>();
        Step smoke = SmokeTest.create(stage.service.serviceUrl);
        steps.add(smoke);
        if (ScanGate.enabled(scanGate)) {
            Step gate = ScanGate.create(source, stage.deployment, scanGate);
            gate.addStepDependency(smoke);
            steps.add(gate);
        }
        return steps;
    }
}
