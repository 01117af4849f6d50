package com.example.helloecs.cli;

import java.time.Clock;
import java.time.Duration;

/**
 * What commands take from outside: the AWS client factory, the clock (for sinceImagePushed) and how often waiters
 * poll. {@link #DEFAULT} is production; tests pass an emulator-bound factory, a fixed clock and a fast poll.
 */
public record Services(AwsClients aws, Clock clock, Duration pollInterval) {
    public static final Services DEFAULT = new Services(AwsClients.DEFAULT, Clock.systemUTC(), Duration.ofSeconds(5));
}
