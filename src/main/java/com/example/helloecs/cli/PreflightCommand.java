package com.example.helloecs.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.example.helloecs.config.AppConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code preflight}: what a first deploy would replace or collide with in the target account (read-only). */
@Command(name = "preflight", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Before a first deploy: report what in the target account the deploy would replace or collide "
                + "with. Read-only; uses the target account's credentials (the SDK's default chain).",
                "Reports: existing registry replication rules and scanning configuration (registry-wide, replaced "
                        + "when this app owns them), a repository with the app's name in the source or a destination "
                        + "region, an existing registry policy in a destination account, and a missing ECS "
                        + "service-linked role."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing collides",
                "1:one line per collision on stdout",
                "2:error (no credentials, no region, ...)"})
public final class PreflightCommand extends AwsCommand {
    @Option(names = "--account-profile", paramLabel = "ACCOUNT=PROFILE",
            description = "AWS profile for a destination account other than the caller's (repeatable); without "
                    + "one, that account is reported as not checked.")
    Map<String, String> accountProfiles = new LinkedHashMap<>();

    public PreflightCommand() {
        this(Services.DEFAULT);
    }

    public PreflightCommand(Services services) {
        super(services);
    }

    @Override
    public Integer call() {
        AppConfig config = configOptions.config();
        List<String> collisions = new Preflight(services.aws(), awsOptions.endpoint(), accountProfiles)
                .check(config.deployment().registry(), awsOptions.region(config.deployment().region()));
        PrintWriter out = spec.commandLine().getOut();
        collisions.forEach(out::println);
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        err.println(collisions.isEmpty() ? "preflight: nothing in the account collides with this deployment"
                : "preflight: " + collisions.size() + " collision(s)");
        err.flush();
        return collisions.isEmpty() ? 0 : CliErrors.GATE_FAILED;
    }
}
