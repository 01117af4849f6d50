package com.example.helloecs.service;

import com.example.helloecs.config.Settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.example.helloecs.config.ConfigException;
import com.example.helloecs.config.Problem;
import com.example.helloecs.support.TestApps;

/** Bad service settings are all reported at once, each naming the key, the value and what is allowed. */
class ServiceConfigValidationTest {

    private static List<String> problems(Map<String, ?> overrides) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> TestApps.config(overrides));
        assertThat(e).as("expected a ConfigException").isNotNull();
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void everyProblemIsReportedTogether() {
        List<String> problems = problems(Map.ofEntries(
                Map.entry("service.cpu", 256), Map.entry("service.memory", 4096),
                Map.entry("service.platform", "linux/arm"),
                Map.entry("service.containerPort", 80),
                Map.entry("service.healthCheckPath", "health"),
                Map.entry("service.healthCheckIntervalSeconds", 5), Map.entry("service.healthCheckTimeoutSeconds", 5),
                Map.entry("service.minCapacity", 3), Map.entry("service.maxCapacity", 2),
                Map.entry("service.cpuTargetPercent", 95), Map.entry("service.requestsPerTarget", -1),
                Map.entry("service.deregistrationDelaySeconds", 300)));
        assertThat(problems).containsExactlyInAnyOrder(
                "service.memory: got 4096; expected with service.cpu 256, one of [512, 1024, 2048] (Fargate's CPU/memory combinations)",
                "service.platform: got \"linux/arm\"; expected one of linux/amd64, linux/arm64",
                "service.containerPort: got 80; expected an integer from 1024 to 65535",
                "service.healthCheckPath: got \"health\"; expected an absolute URL path such as /health (max 1024 characters)",
                "service.healthCheckTimeoutSeconds: got 5; expected less than service.healthCheckIntervalSeconds (5)",
                "service.maxCapacity: got 2; expected at least service.minCapacity (3)",
                "service.cpuTargetPercent: got 95; expected 0 (off) or an integer from 10 to 90",
                "service.requestsPerTarget: got -1; expected an integer from 0 to 100000",
                "service.deregistrationDelaySeconds: got 300; expected an integer from 0 to 30");
    }

    @Test
    void cpuOutsideFargatesSizesListsTheAllowedValues() {
        assertThat(problems(Map.of("service.cpu", 300))).containsExactly(
                "service.cpu: got 300; expected one of [256, 512, 1024, 2048, 4096, 8192, 16384]");
        assertThat(problems(Map.of("service.cpu", 1024, "service.memory", 1024))).singleElement().asString()
                .contains("service.memory: got 1024", "2048 to 8192 in steps of 1024");
    }

    @Test
    void desiredCountMustLieWithinTheScalingRange() {
        assertThat(problems(Map.of("service.desiredCount", 9))).containsExactly(
                "service.desiredCount: got 9; expected from service.minCapacity (2) to service.maxCapacity (4)");
    }

    @Test
    void rolloutBoundsMustLetADeploymentStartATask() {
        assertThat(problems(Map.of("service.minHealthyPercent", 100, "service.maxHealthyPercent", 100))).containsExactly(
                "service.maxHealthyPercent: got 100; expected above service.minHealthyPercent (100) so a deployment can start a new task");
    }

    @Test
    void httpsSettingsAreCheckedTogether() {
        assertThat(problems(Map.of("service.certificateArn", "arn:aws:acm:eu-west-1:123:certificate/x",
                "service.domainName", "www.example.com", "service.hostedZoneName", "example.org")))
                .anySatisfy(p -> assertThat(p).startsWith("service.certificateArn: got"))
                .anySatisfy(p -> assertThat(p).contains("either service.domainName or service.certificateArn"))
                .anySatisfy(p -> assertThat(p).startsWith("service.hostedZoneId: got <missing>"))
                .anySatisfy(p -> assertThat(p).startsWith("service.hostedZoneName: got \"example.org\""));
    }

    @Test
    void defaultsAreValidAndFast() {
        var deployment = TestApps.config(Map.of()).deployment();
        var service = deployment.settings();
        // A new task turns healthy in the target group after healthyThreshold x interval seconds.
        assertThat(service.get(Settings.HEALTHY_THRESHOLD) * service.get(Settings.HEALTH_CHECK_INTERVAL_SECONDS)).isBetween(5, 20);
        assertThat(service.get(Settings.DEREGISTRATION_DELAY_SECONDS)).isLessThanOrEqualTo(30);
        assertThat(service.get(Settings.ENABLE_EXECUTE_COMMAND)).isFalse();
        assertThat(deployment.service().https()).isFalse();
    }
}
