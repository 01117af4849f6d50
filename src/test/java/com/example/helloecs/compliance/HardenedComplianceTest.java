package com.example.helloecs.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.example.helloecs.config.CompliancePack;
import com.example.helloecs.config.ConfigReader;
import com.example.helloecs.support.TestApps;

import software.amazon.awscdk.App;

/**
 * Profile hardened passes AWS Solutions, NIST 800-53 R5 and PCI DSS 3.2.1 with nothing left unacknowledged; the
 * default profile with the two extra packs forced on leaves exactly the findings docs/profiles.md lists.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HardenedComplianceTest {
    static final Map<String, Object> HARDENED = Map.of(
            "account", "123456789012", "region", "eu-west-1", "profile", "hardened",
            "service.certificateArn", "arn:aws:acm:eu-west-1:123456789012:certificate/abc-123",
            "availability-zones:account=123456789012:region=eu-west-1",
            List.of("eu-west-1a", "eu-west-1b", "eu-west-1c"));

    /** Every optional feature on (Configurations.FULL), hardened, with NAT egress and ECS Exec. */
    static final Map<String, Object> HARDENED_FULL = full();

    private List<String> hardened;
    private List<String> hardenedFull;
    private List<String> plain;
    private List<String> hardenedPipeline;

    private static Map<String, Object> full() {
        Map<String, Object> out = new java.util.HashMap<>(Configurations.FULL);
        out.put("profile", "hardened");
        out.put("service.privateEgress", "nat");
        out.put("service.enableExecuteCommand", true);
        return Map.copyOf(out);
    }

    @BeforeAll
    void synthesize() {
        hardened = findings(HARDENED);
        hardenedFull = findings(HARDENED_FULL);
        plain = findings(Map.of("compliance.packs", List.of("NIST80053R5", "PCIDSS321")));
        hardenedPipeline = findings(hardenedPipeline());
    }

    /** Builds the app as App.run does, with the packs the configuration asks for. */
    private static List<String> findings(Map<String, Object> overrides) {
        App app = TestApps.app(overrides);
        ComplianceChecks.addTo(app, ConfigReader.read(com.example.helloecs.App.context(app)).packs());
        return ComplianceChecks.findings(app.synth());
    }

    /** The two-region, cross-account pipeline of the tests (dev, prod), hardened, packs from the profile alone. */
    private static Map<String, Object> hardenedPipeline() {
        Map<String, Object> context = new java.util.HashMap<>(
                com.example.helloecs.support.PipelineFixtures.pipelineContext());
        context.put("profile", "hardened");
        context.put("environments", ServicePrincipalConditionsTest.hardenedEnvironments());
        context.put("service.certificateArn",
                "arn:aws:acm:eu-west-1:111111111111:certificate/00000000-0000-0000-0000-000000000000");
        context.put("pipeline.scanGate", "HIGH");
        return context;
    }

    @Test
    void hardenedWithAPipelineRunsAllThreePacksAndHasNoUnacknowledgedFinding() {
        App app = TestApps.app(hardenedPipeline());
        assertThat(ConfigReader.read(com.example.helloecs.App.context(app)).packs())
                .containsExactlyInAnyOrder(CompliancePack.values());
        assertThat(hardenedPipeline).isEmpty();
    }

    @Test
    void hardenedWithAllThreePacksHasNoUnacknowledgedFinding() {
        assertThat(hardened).isEmpty();
    }

    @Test
    void hardenedWithEveryOptionalFeatureHasNoUnacknowledgedFinding() {
        assertThat(hardenedFull).isEmpty();
    }

    @Test
    void defaultProfileLeavesOnlyTheFindingsTheHardenedProfileAddresses() {
        Map<String, Integer> rules = new TreeMap<>();
        for (String finding : plain) {
            rules.merge(finding.split(" ")[1], 1, Integer::sum);
        }
        assertThat(rules).isEqualTo(new TreeMap<>(Map.ofEntries(
                Map.entry("NIST.800.53.R5-ALBHttpToHttpsRedirection", 1),
                Map.entry("NIST.800.53.R5-ALBWAFEnabled", 1),
                Map.entry("NIST.800.53.R5-CloudWatchLogGroupEncrypted", 2),
                Map.entry("NIST.800.53.R5-ELBDeletionProtectionEnabled", 1),
                Map.entry("NIST.800.53.R5-ELBv2ACMCertificateRequired", 1),
                Map.entry("NIST.800.53.R5-S3BucketLoggingEnabled", 1),
                Map.entry("NIST.800.53.R5-S3BucketReplicationEnabled", 1),
                Map.entry("NIST.800.53.R5-S3DefaultEncryptionKMS", 1),
                Map.entry("NIST.800.53.R5-VPCNoUnrestrictedRouteToIGW", 2),
                Map.entry("PCI.DSS.321-ALBHttpToHttpsRedirection", 1),
                Map.entry("PCI.DSS.321-ALBWAFEnabled", 1),
                Map.entry("PCI.DSS.321-CloudWatchLogGroupEncrypted", 2),
                Map.entry("PCI.DSS.321-ELBv2ACMCertificateRequired", 1),
                Map.entry("PCI.DSS.321-S3BucketLoggingEnabled", 1),
                Map.entry("PCI.DSS.321-S3BucketReplicationEnabled", 1),
                Map.entry("PCI.DSS.321-S3DefaultEncryptionKMS", 1),
                Map.entry("PCI.DSS.321-VPCNoUnrestrictedRouteToIGW", 2))));
        assertThat(plain).noneMatch(f -> f.contains("AwsSolutions-"));
    }
}
