package com.example.helloecs.cli;

import java.util.concurrent.Callable;

import com.example.helloecs.config.Settings;

import picocli.CommandLine.Command;

/** {@code config reference}: prints the configuration reference that docs/configuration.md embeds. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Configuration helpers.",
        subcommands = ConfigCommand.Reference.class)
public final class ConfigCommand extends CommandGroup {

    @Command(name = "reference", mixinStandardHelpOptions = true,
            description = "Print every configuration key with its type, default and allowed values (Markdown).")
    static final class Reference implements Callable<Integer> {
        @Override
        public Integer call() {
            System.out.print(Settings.referenceTable());
            return 0;
        }
    }
}
