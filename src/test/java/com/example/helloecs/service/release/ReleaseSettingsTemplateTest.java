package com.example.helloecs.service.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.example.helloecs.stage.DeploymentStacks;
import com.example.helloecs.support.TestApps;

import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The settings reach the service stack: the default app, and one with every release setting changed. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReleaseSettingsTemplateTest {
    private DeploymentStacks defaults;
    private Template defaultTemplate;
    private Template changed;

    @BeforeAll
    void synth() {
        defaults = TestApps.stacks(Map.of());
        defaultTemplate = Template.fromStack(defaults.service);
        changed = Template.fromStack(TestApps.stacks(Map.ofEntries(
                Map.entry("service.deploymentStrategy", "linear"),
                Map.entry("service.linearStepPercent", "12.5"),
                Map.entry("service.stepBakeMinutes", 2),
                Map.entry("service.bakeMinutes", 7),
                Map.entry("service.deploymentAlarmAction", "fail"),
                Map.entry("service.alarmErrorRatePercent", 2.5),
                Map.entry("service.alarmMinRequests", 50),
                Map.entry("service.alarmLatencyP99Millis", 250),
                Map.entry("service.alarmEvaluationPeriods", 5),
                Map.entry("service.alarmDatapoints", 4),
                Map.entry("service.alarmCpuPercent", 70),
                Map.entry("service.alarmMemoryPercent", 90),
                Map.entry("service.containerInsights", false))).service);
    }

    @Test
    void defaultAppNamesAlarmsAndDashboardAfterTheStackAndOutputsThem() {
        String stack = defaults.service.getStackName();
        defaultTemplate.hasOutput("DashboardName", Map.of("Value", Map.of("Ref", Match.anyValue())));
        defaultTemplate.hasOutput("DashboardUrl", Map.of("Value", Match.anyValue()));
        defaultTemplate.hasOutput("AlarmTopicArn", Map.of("Value", Map.of("Ref", Match.anyValue())));
        defaultTemplate.hasResourceProperties("AWS::CloudWatch::Dashboard", Map.of("DashboardName", stack));
        assertThat(defaultTemplate.findOutputs("DashboardUrl").toString())
                .contains("console.aws.amazon.com/cloudwatch/home?region=", "#dashboards/dashboard/" + stack);
        defaultTemplate.hasResourceProperties("AWS::ECS::Service", Map.of("DeploymentConfiguration",
                Match.objectLike(Map.of("Strategy", "ROLLING", "Alarms", Map.of(
                        "AlarmNames", List.of(stack + ReleaseAlarms.ERROR_RATE, stack + ReleaseAlarms.LATENCY),
                        "Enable", true, "Rollback", true)))));
        defaultTemplate.resourceCountIs("AWS::CloudWatch::Alarm", 6);
        defaultTemplate.resourceCountIs("AWS::SNS::Subscription", 0);
    }

    @Test
    void everySettingReachesTheTemplate() {
        changed.hasResourceProperties("AWS::ECS::Service", Map.of("DeploymentConfiguration", Match.objectLike(Map.of(
                "Strategy", "LINEAR",
                "BakeTimeInMinutes", 7,
                "LinearConfiguration", Map.of("StepPercent", 12.5, "StepBakeTimeInMinutes", 2),
                "Alarms", Match.objectLike(Map.of("Rollback", false))))));
        changed.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", Match.stringLikeRegexp(".*" + ReleaseAlarms.ERROR_RATE), "Threshold", 2.5,
                "EvaluationPeriods", 5, "DatapointsToAlarm", 4,
                "Metrics", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Expression", "IF(FILL(r1, 0) >= 50, 100 * FILL(e1, 0) / r1, 0)"))))));
        changed.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", Match.stringLikeRegexp(".*" + ReleaseAlarms.LATENCY), "Threshold", 0.25));
        changed.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", Match.stringLikeRegexp(".*" + ReleaseAlarms.CPU_HIGH), "Threshold", 70));
        changed.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", Match.stringLikeRegexp(".*" + ReleaseAlarms.MEMORY_HIGH), "Threshold", 90));
        // Without Container Insights there are no task counts: no running-vs-desired alarm.
        changed.resourceCountIs("AWS::CloudWatch::Alarm", 5);
        assertThat(changed.toJSON().toString()).doesNotContain("RunningTaskCount");
    }
}
