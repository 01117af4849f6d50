package com.example.helloecs.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.example.helloecs.config.ConfigReader;
import com.example.helloecs.support.TestApps;

import software.amazon.awscdk.App;

/**
 * A traffic-shifting strategy (canary: alternate target group, production rule, infrastructure role) under profile
 * hardened passes all three cdk-nag packs with nothing unacknowledged. (CI synthesizes linear and blue-green the
 * same way: .ci/steps/20-synth.sh.)
 */
class ReleaseComplianceTest {

    @Test
    void hardenedCanaryHasNoUnacknowledgedFinding() {
        Map<String, Object> overrides = new HashMap<>(HardenedComplianceTest.HARDENED);
        overrides.put("service.deploymentStrategy", "canary");
        overrides.put("service.alarmEmail", "ops@example.com");
        App app = TestApps.app(overrides);
        ComplianceChecks.addTo(app, ConfigReader.read(com.example.helloecs.App.context(app)).packs());
        List<String> findings = ComplianceChecks.findings(app.synth());
        assertThat(findings).isEmpty();
    }
}
