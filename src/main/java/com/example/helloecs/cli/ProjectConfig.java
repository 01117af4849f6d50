package com.example.helloecs.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.example.helloecs.config.AppConfig;
import com.example.helloecs.config.ConfigReader;
import com.example.helloecs.config.Json;
import com.example.helloecs.config.Settings;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Reads the app configuration the way {@code cdk synth} does for the app: {@code cdk.json}'s {@code context},
 * then {@code cdk.context.json} (the CDK CLI's cached context) when present, then {@code -c key=value} options
 * (strings, as the CDK CLI passes them), then {@code --env NAME} (the {@code env} key), all through
 * {@link ConfigReader#read}. Commands other than the lifecycle and scan ones may use it too.
 */
public final class ProjectConfig {
    private ProjectConfig() {
    }

    /** The merged context map, before validation. */
    public static Map<String, Object> context(Path projectDir, Map<String, String> cliContext, String env) {
        Map<String, Object> context = new LinkedHashMap<>();
        Path cdkJson = projectDir.resolve("cdk.json");
        Map<String, Object> project = readObject(cdkJson, true);
        if (project.get("context") instanceof Map<?, ?> c) {
            c.forEach((k, v) -> context.put(String.valueOf(k), v));
        } else if (project.containsKey("context")) {
            throw new UserError(cdkJson + ": \"context\" must be a JSON object");
        }
        context.putAll(readObject(projectDir.resolve("cdk.context.json"), false));
        if (cliContext != null) {
            context.putAll(cliContext);
        }
        if (env != null) {
            context.put(Settings.ENV.key(), env);
        }
        return context;
    }

    /** The validated configuration; throws {@link com.example.helloecs.config.ConfigException} listing problems. */
    public static AppConfig read(Path projectDir, Map<String, String> cliContext, String env) {
        // No file checks: these commands read the registry and service settings, never build the image.
        return ConfigReader.read(context(projectDir, cliContext, env), null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readObject(Path file, boolean required) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            if (required) {
                throw new UserError(file + " not found: run the command from the project directory "
                        + "or pass --project-dir");
            }
            return Map.of();
        } catch (IOException e) {
            throw new UserError("cannot read " + file + ": " + e.getMessage());
        }
        try {
            Object json = Json.parse(text);
            if (!(json instanceof Map<?, ?>)) {
                throw new UserError(file + ": expected a JSON object");
            }
            return (Map<String, Object>) json;
        } catch (JsonProcessingException e) {
            throw new UserError(file + ": not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
    }
}
