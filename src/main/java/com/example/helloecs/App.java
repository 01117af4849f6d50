package com.example.helloecs;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.example.helloecs.compliance.ComplianceChecks;
import com.example.helloecs.config.AppConfig;
import com.example.helloecs.config.ConfigException;
import com.example.helloecs.config.ConfigReader;
import com.example.helloecs.config.Json;
import com.example.helloecs.config.Names;
import com.example.helloecs.pipeline.PipelineStack;
import com.example.helloecs.stage.DeploymentStacks;
import com.fasterxml.jackson.core.type.TypeReference;

import software.amazon.awscdk.AppProps;
import software.constructs.Construct;

/** Entry point of {@code cdk synth/deploy}: reads the configuration once, builds the stacks or pipeline, checks, synthesizes. */
public final class App {
    private App() {
    }

    public static void main(String[] args) {
        System.exit(run(new software.amazon.awscdk.App(AppProps.builder().build()), System.err));
    }

    /**
     * Reads and validates the configuration, builds the app, synthesizes it and checks the result.
     *
     * @return 0, or 1 when the configuration is invalid (then nothing is synthesized) or a finding is left
     */
    public static int run(software.amazon.awscdk.App app, PrintStream err) {
        AppConfig config;
        try {
            config = ConfigReader.read(context(app));
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return 1;
        }
        build(app, config);
        ComplianceChecks.addTo(app, config.packs());
        List<String> findings = ComplianceChecks.findings(app.synth());
        if (!findings.isEmpty()) {
            err.println("Synthesis failed: " + findings.size() + " unacknowledged finding(s):");
            findings.forEach(f -> err.println("  - " + f));
            return 1;
        }
        return 0;
    }

    /** Everything in the app's context (cdk.json plus {@code -c}), as plain Java values. */
    public static Map<String, Object> context(software.amazon.awscdk.App app) {
        return Json.MAPPER.convertValue(app.getNode().getAllContext(), new TypeReference<Map<String, Object>>() { });
    }

    /**
     * Adds what the configuration asks for to the app (shared with the tests): the pipeline stack
     * ({@code APPNAME-pipeline}, with one {@link com.example.helloecs.stage.DeploymentStage} per environment) when a
     * pipeline source is configured; otherwise the registry and service stacks {@code cdk deploy} deploys, at the top
     * level of the cloud assembly so that {@code cdk deploy --all} selects them.
     *
     * @return the deployments built: one per pipeline stage, or the one {@code cdk deploy} targets
     */
    public static List<DeploymentStacks> build(software.amazon.awscdk.App app, AppConfig config) {
        if (config.pipeline().isPresent()) {
            PipelineStack pipeline = new PipelineStack(app, config.appName() + "-pipeline", config.appName(),
                    config.pipeline().get(), pipelineContext(context(app)));
            return pipeline.stages.stream().map(stage -> stage.stacks).toList();
        }
        Construct deployment = new Construct(app, Names.stageId(config.appName(), config.deployment()));
        return List.of(new DeploymentStacks(deployment, config.deployment()));
    }

    /**
     * The {@code pipeline.*} context values, rendered as {@code -c} values (lists comma-separated), so the pipeline's
     * own synth reads the same pipeline configuration even when it was given on the command line.
     */
    static Map<String, String> pipelineContext(Map<String, Object> context) {
        Map<String, String> out = new TreeMap<>();
        context.forEach((key, value) -> {
            if (key.startsWith("pipeline.") && value != null) {
                out.put(key, value instanceof List<?> list
                        ? list.stream().map(String::valueOf).collect(Collectors.joining(","))
                        : String.valueOf(value));
            }
        });
        return out;
    }
}
