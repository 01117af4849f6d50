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
 * the pipeline account: for an environment in another account, that repository's policy must also let the
 * pipeline account read images and findings (not granted by this app). With ENHANCED registry scanning, findings
 * come from Amazon Inspector, which needs {@code inspector2:ListFindings} and {@code inspector2:ListCoverage}
 * ("IAM permissions required for enhanced scanning", ECR User Guide); Inspector has no resource-level permissions
 * for them.
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
     * Its role may read that repository's images and findings and nothing else.
     */
    public static CodeBuildStep create(IFileSetProducer source, IFileSetProducer synth, Deployment deployment,
                                       String severity) {
        String repositoryArn = "arn:" + Aws.PARTITION + ":ecr:" + deployment.region() + ":" + deployment.account()
                + ":repository/" + deployment.registry().repositoryName();
        return CodeBuildStep.Builder.create(ID)
                .input(source)
                .additionalInputs(Map.of("cdk.out", synth))
                .commands(commands(deployment, severity))
                .rolePolicyStatements(statements(deployment, repositoryArn))
                .build();
    }

    static List<PolicyStatement> statements(Deployment deployment, String repositoryArn) {
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

    public static List<String> commands(Deployment deployment, String severity) {
        return List.of("./bin/hello-ecs scan findings --fail-on " + Shell.quote(severity)
                + " --env " + Shell.quote(deployment.name()) + " --cdk-out cdk.out"
                + " --registry-id " + Shell.quote(deployment.account())
                + " --repository " + Shell.quote(deployment.registry().repositoryName())
                + " --region " + Shell.quote(deployment.region()));
    }
}
