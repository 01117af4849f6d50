package com.example.helloecs.compliance;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.example.helloecs.config.CompliancePack;
import com.example.helloecs.config.Json;
import com.fasterxml.jackson.databind.JsonNode;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NIST80053R5Checks;
import io.github.cdklabs.cdknag.NagPackProps;
import io.github.cdklabs.cdknag.PCIDSS321Checks;
import software.amazon.awscdk.App;
import software.amazon.awscdk.IPolicyValidationPlugin;
import software.amazon.awscdk.Validations;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.cxapi.SynthesisMessageLevel;

/**
 * The checks every synthesis runs: cdk-nag's AWS Solutions pack (a CDK validation plugin) and the CDK's own
 * construct warnings and errors. Findings are acknowledged on the one resource they concern, with a reason
 * ({@code Validations.of(construct).acknowledge(...)}); anything left fails the synthesis.
 *
 * <p>The CDK sets a failing exit code for validation failures only inside its Node.js process, which the jsii
 * runtime of a Java app does not propagate (aws/aws-cdk#26844). So cdk.json sets
 * {@code @aws-cdk/core:failSynthOnValidationErrors} to false (the synthesis then only writes its report), and
 * {@link #findings} reads that report from the cloud assembly; {@link com.example.helloecs.App} exits non-zero.
 */
public final class ComplianceChecks {
    private static final String REPORT = "validation-report.json";

    private ComplianceChecks() {
    }

    /** Adds the AWS Solutions pack and the other packs given ({@code compliance.packs}). */
    public static void addTo(App app, Set<CompliancePack> packs) {
        NagPackProps props = NagPackProps.builder().verbose(false).build();
        List<IPolicyValidationPlugin> plugins = new ArrayList<>();
        plugins.add(new AwsSolutionsChecks(app, props));
        if (packs.contains(CompliancePack.NIST80053R5)) {
            plugins.add(new NIST80053R5Checks(app, props));
        }
        if (packs.contains(CompliancePack.PCIDSS321)) {
            plugins.add(new PCIDSS321Checks(app, props));
        }
        Validations.of(app).addPlugins(plugins.toArray(IPolicyValidationPlugin[]::new));
    }

    /** Every unacknowledged finding in a synthesized assembly: rule violations, CDK warnings and errors. */
    public static List<String> findings(CloudAssembly assembly) {
        List<String> out = new ArrayList<>(violations(new File(assembly.getDirectory(), REPORT)));
        for (CloudFormationStackArtifact stack : assembly.getStacksRecursively()) {
            for (SynthesisMessage message : stack.getMessages()) {
                if (message.getLevel() != SynthesisMessageLevel.INFO) {
                    out.add(message.getLevel().name().toLowerCase() + " " + message.getId() + ": "
                            + message.getEntry().getData());
                }
            }
        }
        return out;
    }

    private static List<String> violations(File report) {
        List<String> out = new ArrayList<>();
        if (!report.exists()) {
            return out;
        }
        try {
            for (JsonNode plugin : Json.MAPPER.readTree(report).path("pluginReports")) {
                for (JsonNode violation : plugin.path("violations")) {
                    for (JsonNode construct : violation.path("violatingConstructs")) {
                        out.add(violation.path("severity").asText() + " " + violation.path("ruleName").asText()
                                + " at " + construct.path("constructPath").asText() + ": "
                                + violation.path("description").asText());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + report, e);
        }
        return out;
    }
}
