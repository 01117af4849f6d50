package com.example.helloecs.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.example.helloecs.config.AppConfig;
import com.example.helloecs.config.Names;

import picocli.CommandLine.Option;

/** The options that select the configuration, as for {@code cdk synth}: {@code -c key=value}, {@code --env}. */
public final class ConfigOptions {
    @Option(names = {"-c", "--context"}, paramLabel = "KEY=VALUE",
            description = "Context value, as for cdk (repeatable); overrides cdk.json.")
    Map<String, String> context = new LinkedHashMap<>();

    @Option(names = "--env", paramLabel = "NAME", description = "Environment defined under `environments` in cdk.json.")
    String env;

    @Option(names = "--project-dir", paramLabel = "DIR", defaultValue = ".",
            description = "Directory holding cdk.json (default: ${DEFAULT-VALUE}).")
    Path projectDir;

    private AppConfig config;

    /** The validated configuration (read once). */
    public AppConfig config() {
        if (config == null) {
            config = ProjectConfig.read(projectDir, context, env);
        }
        return config;
    }

    public Path projectDir() {
        return projectDir;
    }

    /** The Stage's construct ID, which also prefixes its stack names. */
    public String stageId() {
        return Names.stageId(config().appName(), config().deployment());
    }
}
