package com.example.helloecs.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.example.helloecs.App;
import com.example.helloecs.config.AppConfig;
import com.example.helloecs.config.ConfigReader;
import com.example.helloecs.config.Json;
import com.example.helloecs.stage.DeploymentStacks;
import com.fasterxml.jackson.core.type.TypeReference;

import software.amazon.awscdk.AppProps;

/**
 * Shared fixtures: apps built exactly as {@link App#main} builds them, with cdk.json's context (feature flags
 * and settings) plus per-test overrides. Synthesis is slow (jsii): build once per test class.
 */
public final class TestApps {
    private TestApps() {
    }

    /** cdk.json's context, as the CDK CLI would pass it. */
    public static Map<String, Object> cdkJsonContext() {
        try {
            Map<String, Object> cdkJson = Json.MAPPER.readValue(new File("cdk.json"),
                    new TypeReference<Map<String, Object>>() { });
            @SuppressWarnings("unchecked")
            Map<String, Object> context = (Map<String, Object>) cdkJson.get("context");
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** cdk.json's context with the given keys replaced (as {@code -c key=value} would). */
    public static Map<String, Object> context(Map<String, ?> overrides) {
        Map<String, Object> context = new LinkedHashMap<>(cdkJsonContext());
        context.putAll(overrides);
        return context;
    }

    /** Reads the configuration from cdk.json plus overrides. */
    public static AppConfig config(Map<String, ?> overrides) {
        return ConfigReader.read(context(overrides));
    }

    /** A CDK app with the context set, before anything is added to it. */
    public static software.amazon.awscdk.App emptyApp(Map<String, ?> overrides) {
        return new software.amazon.awscdk.App(AppProps.builder()
                .context(context(overrides))
                .analyticsReporting(false)
                .build());
    }

    /** Builds the app as {@code cdk synth} would and returns it (not yet synthesized). */
    public static software.amazon.awscdk.App app(Map<String, ?> overrides) {
        software.amazon.awscdk.App app = emptyApp(overrides);
        App.build(app, ConfigReader.read(App.context(app)));
        return app;
    }

    /** Builds the app without a pipeline and returns the stacks {@code cdk deploy} deploys (not yet synthesized). */
    public static DeploymentStacks stacks(Map<String, ?> overrides) {
        software.amazon.awscdk.App app = emptyApp(overrides);
        return App.build(app, ConfigReader.read(App.context(app))).get(0);
    }

    /** The App the stacks belong to. */
    public static software.amazon.awscdk.App appOf(DeploymentStacks stacks) {
        return (software.amazon.awscdk.App) stacks.registry.getNode().getRoot();
    }

}
