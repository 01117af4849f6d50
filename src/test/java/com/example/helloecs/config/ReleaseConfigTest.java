package com.example.helloecs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.example.helloecs.service.release.ReleaseStrategy;
import com.example.helloecs.support.TestApps;

/** service.deploymentStrategy and the alarm settings: values, ranges, and combinations that cannot work. */
class ReleaseConfigTest {

    private static SettingValues read(Map<String, ?> overrides) {
        return TestApps.config(overrides).deployment().settings();
    }

    @Test
    void defaultsAreRollingWithRollbackAlarms() {
        SettingValues r = read(Map.of());
        assertThat(r.get(Settings.DEPLOYMENT_STRATEGY)).isEqualTo(ReleaseStrategy.ROLLING.key());
        assertThat(r.get(Settings.DEPLOYMENT_ALARM_ACTION)).isEqualTo("rollback");
        assertThat(r.get(Settings.ALARM_ERROR_RATE_PERCENT)).isEqualTo(1.0);
        assertThat(r.get(Settings.ALARM_MIN_REQUESTS)).isEqualTo(20);
        assertThat(r.get(Settings.ALARM_LATENCY_P99_MILLIS)).isEqualTo(1000);
        assertThat(r.get(Settings.ALARM_EVALUATION_PERIODS)).isEqualTo(3);
        assertThat(r.get(Settings.ALARM_DATAPOINTS)).isEqualTo(2);
        assertThat(r.get(Settings.ALARM_EMAIL)).isNull();
    }

    @Test
    void commandLineStringsAndJsonNumbersAreRead() {
        SettingValues canary = read(Map.of("service.deploymentStrategy", "canary", "service.canaryPercent", "2.5",
                "service.stepBakeMinutes", "10", "service.bakeMinutes", 0));
        assertThat(canary.get(Settings.CANARY_PERCENT)).isEqualTo(2.5);
        assertThat(canary.get(Settings.STEP_BAKE_MINUTES)).isEqualTo(10);
        assertThat(canary.get(Settings.BAKE_MINUTES)).isZero();
        SettingValues linear = read(Map.of("service.deploymentStrategy", "linear", "service.linearStepPercent", 10));
        assertThat(linear.get(Settings.LINEAR_STEP_PERCENT)).isEqualTo(10.0);
        assertThat(read(Map.of("service.deploymentStrategy", "blue-green", "service.deploymentAlarmAction", "fail"))
                .get(Settings.DEPLOYMENT_ALARM_ACTION)).isEqualTo("fail");
    }

    @Test
    void linearStepsCountedAsCloudFormationDoes() {
        assertThat(ReleaseConfig.linearBakedSteps(25)).isEqualTo(3);
        assertThat(ReleaseConfig.linearBakedSteps(10)).isEqualTo(9);
        assertThat(ReleaseConfig.linearBakedSteps(11)).isEqualTo(9);
        assertThat(ReleaseConfig.linearBakedSteps(100)).isZero();
        assertThat(ReleaseConfig.linearBakedSteps(3)).isEqualTo(33);
    }

    static Stream<Arguments> bad() {
        return Stream.of(
                Arguments.of(Map.of("service.deploymentStrategy", "bluegreen"), "service.deploymentStrategy",
                        "one of rolling, canary, linear, blue-green"),
                Arguments.of(Map.of("service.deploymentStrategy", "canary", "service.canaryPercent", 0.05),
                        "service.canaryPercent", "a multiple of 0.1 from 0.1 to 100"),
                Arguments.of(Map.of("service.deploymentStrategy", "canary", "service.canaryPercent", "5.55"),
                        "service.canaryPercent", "a multiple of 0.1"),
                Arguments.of(Map.of("service.deploymentStrategy", "canary", "service.canaryPercent", "lots"),
                        "service.canaryPercent", "a number"),
                Arguments.of(Map.of("service.deploymentStrategy", "linear", "service.linearStepPercent", 2.9),
                        "service.linearStepPercent", "a multiple of 0.1 from 3.0 to 100"),
                Arguments.of(Map.of("service.deploymentStrategy", "canary", "service.stepBakeMinutes", 1441),
                        "service.stepBakeMinutes", "from 0 to 1440"),
                Arguments.of(Map.of("service.deploymentStrategy", "blue-green", "service.bakeMinutes", -1),
                        "service.bakeMinutes", "0"),
                // settings of another strategy
                Arguments.of(Map.of("service.canaryPercent", 10), "service.canaryPercent",
                        "unset with service.deploymentStrategy rolling (it applies to canary only)"),
                Arguments.of(Map.of("service.deploymentStrategy", "canary", "service.linearStepPercent", 10),
                        "service.linearStepPercent", "applies to linear only"),
                Arguments.of(Map.of("service.deploymentStrategy", "blue-green", "service.stepBakeMinutes", 5),
                        "service.stepBakeMinutes", "applies to canary or linear only"),
                Arguments.of(Map.of("service.bakeMinutes", 5), "service.bakeMinutes",
                        "unset with service.deploymentStrategy rolling"),
                Arguments.of(Map.of("service.deploymentStrategy", "linear", "service.requestsPerTarget", 500),
                        "service.requestsPerTarget", "0 with service.deploymentStrategy linear"),
                // CloudFormation's 33 hours
                Arguments.of(Map.of("service.deploymentStrategy", "canary", "service.stepBakeMinutes", 1440,
                        "service.bakeMinutes", 600), "service.bakeMinutes", "at most 33 hours"),
                Arguments.of(Map.of("service.deploymentStrategy", "linear", "service.linearStepPercent", 10,
                        "service.stepBakeMinutes", 240), "service.bakeMinutes", "this one bakes 2163"),
                // alarms
                Arguments.of(Map.of("service.deploymentAlarmAction", "ignore"), "service.deploymentAlarmAction",
                        "one of rollback, fail"),
                Arguments.of(Map.of("service.alarmErrorRatePercent", 0), "service.alarmErrorRatePercent",
                        "a number from 0.1 to 50"),
                Arguments.of(Map.of("service.alarmMinRequests", 0), "service.alarmMinRequests", "1"),
                Arguments.of(Map.of("service.alarmLatencyP99Millis", 5), "service.alarmLatencyP99Millis", "10"),
                Arguments.of(Map.of("service.alarmEvaluationPeriods", 2, "service.alarmDatapoints", 3),
                        "service.alarmDatapoints", "at most service.alarmEvaluationPeriods (2)"),
                Arguments.of(Map.of("service.alarmCpuPercent", 101), "service.alarmCpuPercent", "100"),
                Arguments.of(Map.of("service.alarmMemoryPercent", 0), "service.alarmMemoryPercent", "1"),
                Arguments.of(Map.of("service.alarmEmail", "ops"), "service.alarmEmail", "email"));
    }

    @ParameterizedTest
    @MethodSource("bad")
    void refusedNamingTheKey(Map<String, ?> overrides, String key, String allowed) {
        assertThatThrownBy(() -> read(overrides)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(key).hasMessageContaining(allowed);
    }

    @Test
    void allProblemsReportedTogether() {
        assertThatThrownBy(() -> read(Map.of("service.deploymentStrategy", "canary", "service.canaryPercent", 0,
                "service.alarmCpuPercent", 0, "service.linearStepPercent", 10)))
                .hasMessageContaining("service.canaryPercent").hasMessageContaining("service.alarmCpuPercent")
                .hasMessageContaining("service.linearStepPercent");
    }
}
