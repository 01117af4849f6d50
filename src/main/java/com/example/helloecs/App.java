package com.example.helloecs;

import java.util.Map;

import com.example.helloecs.config.AppConfig;
import com.example.helloecs.config.ConfigException;
import com.example.helloecs.config.ConfigReader;
import com.example.helloecs.config.Json;
import com.example.helloecs.config.Names;
import com.example.helloecs.stage.ServiceStage;
import com.fasterxml.jackson.core.type.TypeReference;

import software.amazon.awscdk.AppProps;

/** Entry point of {@code cdk synth/deploy}: reads the configuration once, builds the Stage, synthesizes. */
public final class App {
    private App() {
    }

    public static void main(String[] args) {
        software.amazon.awscdk.App app = new software.amazon.awscdk.App(AppProps.builder().build());
        AppConfig config;
        try {
            config = ConfigReader.read(context(app));
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        build(app, config);
        app.synth();
    }

    /** Everything in the app's context (cdk.json plus {@code -c}), as plain Java values. */
    public static Map<String, Object> context(software.amazon.awscdk.App app) {
        return Json.MAPPER.convertValue(app.getNode().getAllContext(), new TypeReference<Map<String, Object>>() { });
    }

    /** Adds what the configuration asks for to the app (shared with the tests). */
    public static void build(software.amazon.awscdk.App app, AppConfig config) {
        new ServiceStage(app, Names.stageId(config.appName(), config.deployment()), config.deployment());
    }
}
