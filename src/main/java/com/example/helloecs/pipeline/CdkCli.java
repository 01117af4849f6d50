package com.example.helloecs.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.example.helloecs.config.Json;

/**
 * The CDK CLI version pinned in package.json ({@code devDependencies.aws-cdk}). The synth step runs it through
 * {@code npm ci} + {@code npx}; self-mutation installs the same version (CDK Pipelines' default would be the newest
 * {@code aws-cdk@2}).
 */
public final class CdkCli {
    private CdkCli() {
    }

    /** The pinned version, read from {@code package.json} in the working directory (where the CLI runs the app). */
    public static String pinnedVersion() {
        return pinnedVersion(Path.of("package.json"));
    }

    static String pinnedVersion(Path packageJson) {
        try {
            Map<?, ?> pkg = Json.MAPPER.readValue(Files.readString(packageJson), Map.class);
            Object deps = pkg.get("devDependencies");
            Object version = deps instanceof Map<?, ?> map ? map.get("aws-cdk") : null;
            if (!(version instanceof String v) || !v.matches("\\d+\\.\\d+\\.\\d+")) {
                throw new IllegalStateException(packageJson + ": devDependencies.aws-cdk must pin an exact version "
                        + "such as 2.1148.1, got " + version);
            }
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + packageJson + " (the pinned CDK CLI version)", e);
        }
    }
}
