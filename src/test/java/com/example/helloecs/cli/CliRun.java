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
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.iam.IamClient;

/** Runs the CLI in-process and captures exit code, stdout and stderr. */
record CliRun(int exitCode, String out, String err) {
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    static final AwsCredentialsProvider FAKE = StaticCredentialsProvider.create(AwsBasicCredentials.create("testing",
            "testing"));

    /** Fake credentials for emulators, unless a command passes its own; region and endpoint from the options. */
    static final AwsClients FAKE_AWS = new AwsClients() {
        @Override
        public EcrClient ecr(String region, URI endpoint, AwsCredentialsProvider credentials) {
            return AwsClients.DEFAULT.ecr(region, endpoint, credentials != null ? credentials : FAKE);
        }

        @Override
        public IamClient iam(URI endpoint, AwsCredentialsProvider credentials) {
            return AwsClients.DEFAULT.iam(endpoint, FAKE);
        }
    };

    static EcrClient client(String region, URI endpoint) {
        return FAKE_AWS.ecr(region, endpoint, null);
    }

    static CliRun run(AwsClients clients, Clock clock, String... args) {
        CommandLine cli = Main.commandLine(new Services(clients, clock, Duration.ofMillis(50)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    static CliRun run(String... args) {
        return run(FAKE_AWS, Clock.fixed(NOW, ZoneOffset.UTC), args);
    }
}
