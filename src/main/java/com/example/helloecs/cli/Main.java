package com.example.helloecs.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./bin/hello-ecs}: the commands users run against this project (see README). */
@Command(name = "hello-ecs", mixinStandardHelpOptions = true,
        description = "Commands for the hello-ecs CDK app.",
        subcommands = {
                ConfigCommand.class,
                RunLocalCommand.class,
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
