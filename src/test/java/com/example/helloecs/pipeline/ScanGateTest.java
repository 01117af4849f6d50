package com.example.helloecs.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.example.helloecs.config.Deployment;
import com.example.helloecs.config.Json;
import com.example.helloecs.support.TestApps;

import software.amazon.awscdk.services.iam.PolicyStatement;

/** The scan gate's role: the repository's images and findings, plus Inspector's findings when scanning is ENHANCED. */
class ScanGateTest {
    private static final String REPOSITORY = "arn:aws:ecr:eu-west-1:111111111111:repository/hello-ecs";

    private static List<Object> statements(Map<String, ?> overrides) {
        Deployment deployment = TestApps.config(overrides).deployment();
        return ScanGate.statements(deployment, REPOSITORY, null).stream()
                .map(PolicyStatement::toStatementJson).map(s -> Json.MAPPER.convertValue(s, Object.class)).toList();
    }

    @Test
    void basicScanningReadsOnlyTheRepository() {
        assertThat(statements(Map.of())).containsExactly(Map.of("Effect", "Allow",
                "Action", List.of("ecr:DescribeImages", "ecr:DescribeImageScanFindings"), "Resource", REPOSITORY));
    }

    @Test
    void enhancedScanningAlsoReadsInspectorsFindings() {
        assertThat(statements(Map.of("registry.registryScanning", "ENHANCED"))).hasSize(2).last().isEqualTo(
                Map.of("Effect", "Allow", "Action", List.of("inspector2:ListFindings", "inspector2:ListCoverage"),
                        "Resource", "*"));
    }

    @Test
    void inAnotherAccountTheStepMayOnlyAssumeThatAccountsLookupRoleAndPassesIt() {
        Deployment deployment = TestApps.config(Map.of("account", "111111111111", "region", "eu-west-1"))
                .deployment();
        String role = ScanGate.readRole(deployment, "333333333333", "aws", "hnb659fds");

        assertThat(role).isEqualTo("arn:aws:iam::111111111111:role/cdk-hnb659fds-lookup-role-111111111111-eu-west-1");
        assertThat(ScanGate.readRole(deployment, "111111111111", "aws", "hnb659fds")).isNull();
        assertThat(ScanGate.statements(deployment, REPOSITORY, role)).singleElement()
                .extracting(s -> Json.MAPPER.convertValue(s.toStatementJson(), Object.class))
                .isEqualTo(Map.of("Effect", "Allow", "Action", "sts:AssumeRole", "Resource", role));
        assertThat(ScanGate.commands(deployment, "HIGH", role)).singleElement().asString()
                .endsWith(" --role-arn '" + role + "'");
        assertThat(ScanGate.commands(deployment, "HIGH", null)).singleElement().asString()
                .doesNotContain("--role-arn");
    }
}
