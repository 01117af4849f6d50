package com.example.helloecs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.example.helloecs.support.TestApps;

/** The profile, its egress and the compliance packs: validated like every other key, all problems together. */
class HardenedProfileValidationTest {
    private static final String CERTIFICATE = "arn:aws:acm:eu-west-1:123456789012:certificate/abc-123";

    @Test
    void hardenedWithoutCertificateOrDomainNamesBothSettings() {
        assertThatThrownBy(() -> TestApps.config(Map.of("profile", "hardened")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("service.certificateArn: got <missing>; expected a value: profile hardened "
                        + "serves HTTPS only")
                .hasMessageContaining("service.domainName with service.hostedZoneId and service.hostedZoneName");
    }

    @Test
    void unknownProfileListsTheAllowedValues() {
        assertThatThrownBy(() -> TestApps.config(Map.of("profile", "strict")))
                .hasMessageContaining("profile: got \"strict\"; expected one of default, hardened");
    }

    @Test
    void privateEgressIsValidatedAndOnlyForHardened() {
        assertThatThrownBy(() -> TestApps.config(Map.of("profile", "hardened",
                "service.certificateArn", CERTIFICATE, "service.privateEgress", "internet")))
                .hasMessageContaining("service.privateEgress: got \"internet\"; expected one of endpoints, nat");
        assertThatThrownBy(() -> TestApps.config(Map.of("service.privateEgress", "nat")))
                .hasMessageContaining("service.privateEgress: got \"nat\"; expected no value unless profile is hardened");
    }

    @Test
    void egressAndNatGatewaysMustAgree() {
        assertThatThrownBy(() -> TestApps.config(Map.of("profile", "hardened", "service.certificateArn", CERTIFICATE,
                "service.privateEgress", "nat")))
                .hasMessageContaining("service.natGateways: got 0; expected an integer from 1 to 3 with "
                        + "service.privateEgress nat");
        assertThatThrownBy(() -> TestApps.config(Map.of("profile", "hardened", "service.certificateArn", CERTIFICATE,
                "service.natGateways", 1)))
                .hasMessageContaining("service.natGateways: got 1; expected 0 with service.privateEgress endpoints");
    }

    @Test
    void hardenedKeepsAccessLogs() {
        assertThatThrownBy(() -> TestApps.config(Map.of("profile", "hardened", "service.certificateArn", CERTIFICATE,
                "service.accessLogs", false)))
                .hasMessageContaining("service.accessLogs: got false; expected true: profile hardened keeps load "
                        + "balancer access logs");
    }

    @Test
    void everyProblemIsReportedTogether() {
        assertThatThrownBy(() -> TestApps.config(Map.of("profile", "hardened", "service.privateEgress", "nat",
                "compliance.packs", List.of("NIST80053R5", "HIPAA"))))
                .hasMessageContaining("3 problems")
                .hasMessageContaining("service.certificateArn")
                .hasMessageContaining("service.natGateways: got 0")
                .hasMessageContaining("compliance.packs[1]: got \"HIPAA\"; expected one of AwsSolutions, NIST80053R5, "
                        + "PCIDSS321");
    }

    @Test
    void packsAreNotPerEnvironment() {
        assertThatThrownBy(() -> TestApps.config(Map.of("environments", Map.of("prod", Map.of(
                "settings", Map.of("compliance.packs", List.of("NIST80053R5")))))))
                .hasMessageContaining("environments.prod.settings.compliance.packs")
                .hasMessageContaining("a key other than env, environments, compliance.packs and pipeline.*");
    }

    @Test
    void defaults() {
        AppConfig plain = TestApps.config(Map.of());
        assertThat(plain.deployment().hardening()).isEqualTo(new HardeningConfig(false, false, false));
        assertThat(plain.packs()).containsExactly(CompliancePack.AwsSolutions);

        AppConfig hardened = TestApps.config(Map.of("profile", "hardened", "service.certificateArn", CERTIFICATE));
        assertThat(hardened.deployment().hardening()).isEqualTo(new HardeningConfig(true, false, true));
        assertThat(hardened.deployment().hardening().endpoints()).isTrue();
        assertThat(hardened.packs()).isEqualTo(EnumSet.allOf(CompliancePack.class));

        AppConfig chosen = TestApps.config(Map.of("profile", "hardened", "service.certificateArn", CERTIFICATE,
                "service.privateEgress", "nat", "service.natGateways", 2, "service.deletionProtection", false,
                "compliance.packs", "PCIDSS321"));
        assertThat(chosen.deployment().hardening()).isEqualTo(new HardeningConfig(true, true, false));
        assertThat(chosen.packs()).containsExactlyInAnyOrder(CompliancePack.AwsSolutions, CompliancePack.PCIDSS321);
    }
}
