package com.example.helloecs.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that calls AWS: the configuration's options, where the calls go, and the services it calls through. */
abstract class AwsCommand implements Callable<Integer> {
    final Services services;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions configOptions;

    @Mixin
    AwsOptions awsOptions;

    AwsCommand(Services services) {
        this.services = services;
    }
}
