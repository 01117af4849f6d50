package com.example.helloecs.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.example.helloecs.config.CompliancePack;
import com.example.helloecs.support.TestApps;

import software.amazon.awscdk.App;

/**
 * cdk-nag's AWS Solutions pack and the CDK's own warnings over every kind of configuration: nothing may be left
 * unacknowledged (acknowledgements are scoped to one resource, with a reason, next to the code that causes them).
 */
class ComplianceTest {

    static Stream<Arguments> configurations() {
        return Stream.of(
                Arguments.of("default", Map.of()),
                Arguments.of("every registry and service option", Configurations.FULL),
                Arguments.of("pipeline with dev and prod", Configurations.PIPELINE),
                // The artifact key is needed for CodeBuild's encryption (AwsSolutions-CB4) in one account too.
                Arguments.of("pipeline with one environment in its own account", Configurations.SAME_ACCOUNT_PIPELINE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void hasNoUnacknowledgedFinding(String name, Map<String, ?> overrides) {
        App app = TestApps.app(overrides);
        ComplianceChecks.addTo(app, EnumSet.of(CompliancePack.AwsSolutions));
        List<String> findings = ComplianceChecks.findings(app.synth());
        assertThat(findings).as("findings for %s", name).isEmpty();
    }
}
