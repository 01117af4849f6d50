package com.example.helloecs.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.example.helloecs.config.AppConfig;
import com.example.helloecs.registry.lifecycle.DeployedPolicy;
import com.example.helloecs.registry.lifecycle.ImageRecord;
import com.example.helloecs.registry.lifecycle.LifecycleEvaluator;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.ecr.EcrClient;

/** {@code lifecycle preview}: which images the configured lifecycle policy would expire. */
@Command(name = "lifecycle", mixinStandardHelpOptions = true, description = "ECR lifecycle policy tools.",
        subcommands = LifecycleCommand.Preview.class)
public final class LifecycleCommand extends CommandGroup {
    @Command(name = "preview", mixinStandardHelpOptions = true, sortOptions = false,
            description = {
                    "Evaluate the configured lifecycle policy (byte for byte the JSON the stack deploys) against "
                            + "a repository's images and print which would expire, by rule priority.",
                    "Images: --file (output of `aws ecr describe-images --output json`), else the live repository "
                            + "(DescribeImages, evaluated locally), or --remote (ECR's own preview)."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:preview printed", "2:error (bad input, configuration, AWS); nothing printed on stdout"})
    public static final class Preview extends AwsCommand {
        static final class Source {
            @Option(names = {"-f", "--file"}, paramLabel = "FILE",
                    description = "Evaluate the images in FILE (aws ecr describe-images --output json) locally.")
            Path file;

            @Option(names = "--remote", description = "Run ECR's StartLifecyclePolicyPreview with the policy text "
                    + "and wait for GetLifecyclePolicyPreview to complete.")
            boolean remote;
        }

        @ArgGroup(exclusive = true)
        Source source = new Source();

        @Option(names = "--repository", paramLabel = "NAME",
                description = "Repository (default: registry.repositoryName of the configuration).")
        String repository;

        @Option(names = "--json", description = "Print JSON instead of a table.")
        boolean json;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
                description = "How long --remote waits for ECR's preview (default: ${DEFAULT-VALUE}).")
        long timeoutSeconds;

        public Preview() {
            this(Services.DEFAULT);
        }

        public Preview(Services services) {
            super(services);
        }

        @Override
        public Integer call() {
            AppConfig config = configOptions.config();
            DeployedPolicy policy = DeployedPolicy.of(config.deployment().registry().lifecycleRules());
            String repo = repository != null ? repository : config.deployment().registry().repositoryName();
            PreviewReport report;
            if (source.file != null) {
                report = evaluate(repo, "file " + source.file, policy, DescribeImagesFile.read(source.file));
            } else {
                try (EcrClient ecr = services.aws().ecr(awsOptions.region(config.deployment().region()),
                        awsOptions.endpoint(), null)) {
                    if (source.remote) {
                        report = new PreviewReport(repo, "ECR lifecycle policy preview", -1, policy.rules(),
                                new RemotePreview(ecr, services.pollInterval(), Duration.ofSeconds(timeoutSeconds))
                                        .run(repo, policy.text()));
                    } else {
                        report = evaluate(repo, "ECR DescribeImages", policy, EcrImages.list(ecr, repo));
                    }
                }
            }
            spec.commandLine().getOut().print(json ? report.json() : report.table());
            spec.commandLine().getOut().flush();
            return 0;
        }

        /** The report of evaluating the policy locally against {@code images}. */
        private PreviewReport evaluate(String repo, String from, DeployedPolicy policy, List<ImageRecord> images) {
            return new PreviewReport(repo, from, images.size(), policy.rules(),
                    new LifecycleEvaluator(services.clock()).evaluate(policy.rules(), images));
        }
    }
}
