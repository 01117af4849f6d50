package com.example.helloecs.cli;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.example.helloecs.cost.Assumptions;
import com.example.helloecs.cost.CostModel;
import com.example.helloecs.cost.Estimate;
import com.example.helloecs.cost.Inventory;
import com.example.helloecs.cost.PriceList;
import com.example.helloecs.cost.TemplateScan;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cost}: the monthly list price of a synthesized deployment, read from its templates in cdk.out. */
@Command(name = "cost", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print the monthly list price (730 hours) of a synthesized deployment, per resource, read from "
                + "its CloudFormation templates in cdk.out (run `npx cdk synth` first, with the same -c/--env options).",
                "Prices are us-east-1 on-demand list prices from src/main/resources/pricing/us-east-1.json; nothing "
                        + "calls AWS. Usage the templates cannot tell is assumed (the options below)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:printed", "2:error (no cdk.out, unknown deployment, bad option); nothing printed on stdout"})
public final class CostCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--cdk-out", paramLabel = "DIR",
            description = "Cloud assembly to read (default: PROJECT_DIR/cdk.out).")
    Path cdkOut;

    @Option(names = "--stage", paramLabel = "NAME",
            description = "Deployment to price, as named in the assembly (default: the configured one, e.g. "
                    + "hello-ecs or hello-ecs-ENV; a plain app's stack name, e.g. anchor).")
    String stage;

    @Option(names = "--lcu", paramLabel = "N", defaultValue = Assumptions.DEFAULT_LCU,
            description = "ALB capacity units used per hour, on average (default: ${DEFAULT-VALUE}).")
    BigDecimal lcu;

    @Option(names = "--nat-gb", paramLabel = "GB", defaultValue = Assumptions.DEFAULT_NAT_GB,
            description = "GB per month processed by all NAT gateways together (default: ${DEFAULT-VALUE}).")
    BigDecimal natGb;

    @Option(names = "--log-gb", paramLabel = "GB", defaultValue = Assumptions.DEFAULT_LOG_GB,
            description = "GB per month ingested into each log group (default: ${DEFAULT-VALUE}).")
    BigDecimal logGb;

    @Option(names = "--image-mb", paramLabel = "MB", defaultValue = Assumptions.DEFAULT_IMAGE_MB,
            description = "Compressed size of one image in the registry (default: ${DEFAULT-VALUE}).")
    BigDecimal imageMb;

    @Option(names = "--images", paramLabel = "N", defaultValue = Assumptions.DEFAULT_IMAGES,
            description = "Images kept by a repository whose lifecycle policy sets no count limit "
                    + "(default: ${DEFAULT-VALUE}).")
    int images;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        Assumptions assumptions;
        try {
            assumptions = new Assumptions(lcu, natGb, logGb, imageMb, images);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        String name = stage != null ? stage : configOptions.stageId();
        Path dir = cdkOut != null ? cdkOut : configOptions.projectDir().resolve("cdk.out");
        StageTemplates found = StageTemplates.find(dir, name);
        Inventory inventory;
        try {
            inventory = TemplateScan.read(found.templates());
        } catch (IllegalArgumentException e) {
            throw new UserError("cannot price " + name + " in " + dir + ": " + e.getMessage());
        }
        Estimate estimate = CostModel.estimate(found.stage(), found.region(), inventory, PriceList.usEast1(),
                assumptions);
        var out = spec.commandLine().getOut();
        out.print(json ? estimate.json() : estimate.table());
        out.flush();
        return 0;
    }
}
