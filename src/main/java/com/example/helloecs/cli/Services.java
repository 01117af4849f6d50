package com.example.helloecs.cli;

import java.time.Clock;
import java.time.Duration;

/**
 * What commands take from outside: the ECR client factory, the clock (for sinceImagePushed), how often waiters
 * poll, and the preflight's per-account clients. {@link #DEFAULT} is production; tests pass an emulator-bound
 * factory, a fixed clock and a fast poll.
 */
public record Services(EcrClients ecr, Clock clock, Duration pollInterval, AwsClients aws) {
    public static final Services DEFAULT = new Services(EcrClients.DEFAULT, Clock.systemUTC(), Duration.ofSeconds(5),
            AwsClients.DEFAULT);

    /** With the SDK's default clients for the preflight. */
    public Services(EcrClients ecr, Clock clock, Duration pollInterval) {
        this(ecr, clock, pollInterval, AwsClients.DEFAULT);
    }
}
