package com.example.helloecs.cli;

import java.nio.file.Path;
import java.time.Duration;

import com.example.helloecs.config.AppConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.ecr.EcrClient;

/** {@code scan findings}: an image's scan results, usable as a pipeline gate. */
@Command(name = "scan", mixinStandardHelpOptions = true, description = "ECR image scan tools.",
        subcommands = ScanCommand.Findings.class)
public final class ScanCommand extends CommandGroup {
    @Command(name = "findings", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Wait for an image's scan to finish, print counts by severity and the top findings, and "
                    + "fail when findings at or above --fail-on exist.",
                    "The image defaults to the one the service runs: its asset hash tag, read from cdk.out."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:no findings at or above --fail-on (or no --fail-on)",
                    "1:findings at or above --fail-on exist",
                    "2:error (no scan, unknown repository, no credentials, ...); nothing printed on stdout"})
    public static final class Findings extends AwsCommand {
        @Option(names = "--repository", paramLabel = "NAME",
                description = "Repository (default: registry.repositoryName of the configuration).")
        String repository;

        @Option(names = "--registry-id", paramLabel = "ACCOUNT",
                description = "Account whose registry holds the repository (default: the caller's own).")
        String registryId;

        @Option(names = "--role-arn", paramLabel = "ARN",
                description = {"Role to assume for the calls, with the caller's credentials: for a registry in "
                        + "another account, e.g. that account's CDK lookup role "
                        + "(cdk-QUALIFIER-lookup-role-ACCOUNT-REGION), which trusts the accounts given to "
                        + "`cdk bootstrap --trust` (default: none, the caller's own credentials)."})
        String roleArn;

        @Option(names = "--tag", paramLabel = "TAG",
                description = "Image tag (default: the service's image asset hash from cdk.out).")
        String tag;

        @Option(names = "--cdk-out", paramLabel = "DIR",
                description = "Cloud assembly to read the service's tag from (default: PROJECT_DIR/cdk.out).")
        Path cdkOut;

        @Option(names = "--fail-on", paramLabel = "SEVERITY",
                description = "Exit 1 when findings of this severity or worse exist: ${COMPLETION-CANDIDATES}.")
        Severity failOn;

        @Option(names = "--top", paramLabel = "N", defaultValue = "10",
                description = "How many findings to list, most severe first (default: ${DEFAULT-VALUE}).")
        int top;

        @Option(names = "--start-scan", description = "Start a basic scan first (StartImageScan).")
        boolean startScan;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
                description = "How long to wait for the scan to complete (default: ${DEFAULT-VALUE}).")
        long timeoutSeconds;

        @Option(names = "--json", description = "Print JSON instead of a table.")
        boolean json;

        public Findings() {
            this(Services.DEFAULT);
        }

        public Findings(Services services) {
            super(services);
        }

        @Override
        public Integer call() {
            AppConfig config = configOptions.config();
            String repo = repository != null ? repository : config.deployment().registry().repositoryName();
            String imageTag = tag != null ? tag : ServiceImageTag.find(
                    cdkOut != null ? cdkOut : configOptions.projectDir().resolve("cdk.out"),
                    configOptions.stageId() + "-service", repo);
            ScanResult result;
            String region = awsOptions.region(config.deployment().region());
            try (var role = roleArn == null ? null : AwsClients.assumeRole(roleArn, region, awsOptions.endpoint());
                 EcrClient ecr = services.aws().ecr(region, awsOptions.endpoint(), role)) {
                result = new ScanFindings(ecr, services.pollInterval(), Duration.ofSeconds(timeoutSeconds))
                        .fetch(registryId, repo, imageTag, startScan);
            }
            var out = spec.commandLine().getOut();
            out.print(json ? result.json(top, failOn) : result.table(top));
            int failing = failOn == null ? 0 : result.countAtLeast(failOn);
            if (failing > 0 && !json) {
                out.println("FAILED: " + failing + " finding(s) at or above " + failOn + ".");
            }
            out.flush();
            return failing > 0 ? CliErrors.GATE_FAILED : 0;
        }
    }
}
