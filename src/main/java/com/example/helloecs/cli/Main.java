package com.example.helloecs.cli;

import java.lang.reflect.Constructor;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./bin/hello-ecs}: the commands users run against this project (see docs/cli.md). */
@Command(name = "hello-ecs", mixinStandardHelpOptions = true,
        description = "Commands for the hello-ecs CDK app.",
        subcommands = {
                ConfigCommand.class,
                LifecycleCommand.class,
                ScanCommand.class,
                RunLocalCommand.class,
                CostCommand.class,
                PreflightCommand.class,
        })
public final class Main extends CommandGroup {

    public static void main(String[] args) {
        System.exit(commandLine(Services.DEFAULT).execute(args));
    }

    /** The command tree, with {@code services} handed to every command that takes them. */
    public static CommandLine commandLine(Services services) {
        return new CommandLine(new Main(), new Factory(services))
                .setExecutionExceptionHandler(new CliErrors());
    }

    /** Creates commands through a {@code (Services)} constructor when they have one. */
    private record Factory(Services services) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                Constructor<K> withServices = cls.getDeclaredConstructor(Services.class);
                return withServices.newInstance(services);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(cls);
            }
        }
    }
}
