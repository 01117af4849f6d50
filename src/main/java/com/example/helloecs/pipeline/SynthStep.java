package com.example.helloecs.pipeline;

import java.util.List;
import java.util.Map;

import software.amazon.awscdk.pipelines.IFileSetProducer;
import software.amazon.awscdk.pipelines.ShellStep;

/**
 * The pipeline's synth step: installs the pinned CDK CLI from package-lock.json, builds the app with Maven and
 * synthesizes it with that CLI into {@code cdk.out}.
 *
 * <p>The repository's cdk.json is the source of truth for the configuration. The {@code pipeline.*} values the
 * pipeline was deployed with are passed again with {@code -c}, so that a pipeline deployed with those keys on the
 * command line synthesizes the same pipeline (and does not remove itself on its first self-mutation).
 */
public final class SynthStep {
    /** Construct ID of the step (also the CodePipeline action name). */
    public static final String ID = "Synth";

    private SynthStep() {
    }

    /**
     * @param source  the source checkout
     * @param context context values to pass with {@code -c key=value}, in order (Default: none)
     */
    public static ShellStep create(IFileSetProducer source, Map<String, String> context) {
        return ShellStep.Builder.create(ID)
                .input(source)
                .env(Map.of("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20"))
                .commands(commands(context))
                .primaryOutputDirectory("cdk.out")
                .build();
    }

    /** The commands, in order: {@code npm ci}, the Maven build, {@code npx cdk synth} with the context flags. */
    public static List<String> commands(Map<String, String> context) {
        StringBuilder synth = new StringBuilder("npx cdk synth");
        context.forEach((key, value) -> synth.append(" -c ").append(Shell.quote(key + "=" + value)));
        return List.of("npm ci --no-audit --no-fund", "mvn -B -q -DskipTests package", synth.toString());
    }
}
