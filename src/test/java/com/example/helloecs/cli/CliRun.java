package com.example.helloecs.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;

/** Runs the CLI in-process and captures exit code, stdout and stderr. */
record CliRun(int exitCode, String out, String err) {
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    /** Fake credentials for emulators; the region and endpoint come from the command's options. */
    static final EcrClients FAKE_CREDENTIALS = (region, endpoint, credentials) -> credentials == null
            ? client(region, endpoint) : EcrClients.DEFAULT.create(region, endpoint, credentials);

    static EcrClient client(String region, URI endpoint) {
        var builder = EcrClient.builder()
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")));
        if (region != null) {
            builder.region(Region.of(region));
        }
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }

    static CliRun run(EcrClients clients, Clock clock, String... args) {
        CommandLine cli = Main.commandLine(new Services(clients, clock, Duration.ofMillis(50)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    static CliRun run(String... args) {
        return run(FAKE_CREDENTIALS, Clock.fixed(NOW, ZoneOffset.UTC), args);
    }
}
