package com.example.helloecs.pipeline;

import java.util.List;

import com.example.helloecs.config.Deployment;

import software.amazon.awscdk.pipelines.IFileSetProducer;
import software.amazon.awscdk.pipelines.ShellStep;

/**
 * Optional post-deployment gate (setting {@code pipeline.scanGate}, default {@code off}): fails the pipeline when
 * the deployed image's scan findings reach the configured severity.
 *
 * <p>It runs this project's {@code ./bin/hello-ecs scan findings} command, which needs the scan findings command of
 * the CLI (built on another branch); until that command exists, keep {@code pipeline.scanGate} at {@code off}.
 * The step runs with the CodeBuild role of the pipeline account: for an environment in another account that role
 * needs read access to that account's ECR findings (not granted here).
 */
public final class ScanGate {
    /** Construct ID of the step. */
    public static final String ID = "ScanGate";
    /** The value of {@code pipeline.scanGate} that disables the gate. */
    public static final String OFF = "off";

    private ScanGate() {
    }

    public static boolean enabled(String severity) {
        return severity != null && !OFF.equals(severity);
    }

    /** The step, checking the deployment's repository; the source checkout is its input (for bin/hello-ecs). */
    public static ShellStep create(IFileSetProducer source, Deployment deployment, String severity) {
        return ShellStep.Builder.create(ID)
                .input(source)
                .commands(commands(deployment, severity))
                .build();
    }

    public static List<String> commands(Deployment deployment, String severity) {
        return List.of("./bin/hello-ecs scan findings --fail-on " + Shell.quote(severity)
                + " --repository " + Shell.quote(deployment.registry().repositoryName())
                + " --region " + Shell.quote(deployment.region()));
    }
}
