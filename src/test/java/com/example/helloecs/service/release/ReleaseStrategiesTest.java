package com.example.helloecs.service.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.example.helloecs.service.WebService;
import com.example.helloecs.service.WebServiceProps;
import com.example.helloecs.support.TestApps;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ecs.ContainerImage;

/** The service built from props alone, once per strategy, in bare stacks of one app. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReleaseStrategiesTest {
    static final String PREFIX = "svc";
    private final Map<ReleaseStrategy, Template> templates = new EnumMap<>(ReleaseStrategy.class);
    private Template trap;

    @BeforeAll
    void synth() {
        var app = TestApps.emptyApp(Map.of());
        Map<ReleaseStrategy, Stack> stacks = new EnumMap<>(ReleaseStrategy.class);
        for (ReleaseStrategy strategy : ReleaseStrategy.values()) {
            Stack stack = new Stack(app, "s-" + strategy.key());
            new WebService(stack, "Web", props(ReleaseProps.builder().strategy(strategy)
                    .namePrefix(PREFIX).alarmEmail("ops@example.com").build()));
            stacks.put(strategy, stack);
        }
        // aws/aws-cdk#36308 as 2.271.0 behaves: a second enableDeploymentAlarms call is lost.
        Stack trapStack = new Stack(app, "trap");
        WebService web = new WebService(trapStack, "Web", props(ReleaseProps.builder().namePrefix(PREFIX)
                .build()));
        web.service.enableDeploymentAlarms(List.of("an-extra-alarm"));
        stacks.forEach((strategy, stack) -> templates.put(strategy, Template.fromStack(stack)));
        trap = Template.fromStack(trapStack);
    }

    private static WebServiceProps props(ReleaseProps release) {
        return WebServiceProps.builder().image(ContainerImage.fromRegistry("public.ecr.aws/docker/library/httpd:2.4"))
                .release(release).build();
    }

    private Map<String, Object> deploymentConfiguration(ReleaseStrategy strategy) {
        Map<String, Map<String, Object>> services = templates.get(strategy).findResources("AWS::ECS::Service");
        assertThat(services).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) services.values().iterator().next().get("Properties");
        @SuppressWarnings("unchecked")
        Map<String, Object> dc = (Map<String, Object>) properties.get("DeploymentConfiguration");
        return dc;
    }

    @ParameterizedTest
    @EnumSource(ReleaseStrategy.class)
    void everyStrategyHasBothDeploymentAlarmsWithRollback(ReleaseStrategy strategy) {
        assertThat(deploymentConfiguration(strategy).get("Alarms")).isEqualTo(Map.of(
                "AlarmNames", List.of(PREFIX + ReleaseAlarms.ERROR_RATE, PREFIX + ReleaseAlarms.LATENCY),
                "Enable", true, "Rollback", true));
        assertThat(deploymentConfiguration(strategy)).containsEntry("Strategy", strategy.ecs().name())
                .containsEntry("DeploymentCircuitBreaker", Map.of("Enable", true, "Rollback", true));
        templates.get(strategy).hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", PREFIX + ReleaseAlarms.ERROR_RATE, "Threshold", 1,
                "EvaluationPeriods", 3, "DatapointsToAlarm", 2, "TreatMissingData", "notBreaching"));
        templates.get(strategy).hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", PREFIX + ReleaseAlarms.LATENCY, "Threshold", 1));
    }

    @Test
    void rollingHasOneTargetGroupNoRuleNoBakeTime() {
        Template t = templates.get(ReleaseStrategy.ROLLING);
        t.resourceCountIs("AWS::ElasticLoadBalancingV2::TargetGroup", 1);
        t.resourceCountIs("AWS::ElasticLoadBalancingV2::ListenerRule", 0);
        assertThat(deploymentConfiguration(ReleaseStrategy.ROLLING)).doesNotContainKeys("BakeTimeInMinutes",
                "CanaryConfiguration", "LinearConfiguration");
        t.hasResourceProperties("AWS::ECS::Service", Map.of("LoadBalancers", List.of(Match.objectLike(Map.of(
                "AdvancedConfiguration", Match.absent())))));
        // The single group's rate, no MAX over groups.
        t.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", PREFIX + ReleaseAlarms.ERROR_RATE,
                "Metrics", Match.arrayWith(List.of(Match.objectLike(Map.of("Expression", "FILL(rate1, 0)",
                        "ReturnData", true)), Match.objectLike(Map.of(
                        "Expression", "IF(FILL(r1, 0) >= 20, 100 * FILL(e1, 0) / r1, 0)"))))));
        t.resourceCountIs("AWS::ScalingPolicy", 0);
        t.resourcePropertiesCountIs("AWS::ApplicationAutoScaling::ScalingPolicy", Map.of(
                "TargetTrackingScalingPolicyConfiguration", Match.objectLike(Map.of(
                        "PredefinedMetricSpecification", Match.objectLike(Map.of(
                                "PredefinedMetricType", "ALBRequestCountPerTarget"))))), 1);
    }

    @ParameterizedTest
    @EnumSource(value = ReleaseStrategy.class, names = {"CANARY", "LINEAR", "BLUE_GREEN"})
    void trafficShiftingStrategiesHaveAnAlternateTargetGroupAndAProductionRule(ReleaseStrategy strategy) {
        Template t = templates.get(strategy);
        t.resourceCountIs("AWS::ElasticLoadBalancingV2::TargetGroup", 2);
        String primary = logicalId(t, "AWS::ElasticLoadBalancingV2::TargetGroup", "WebTargetGroup");
        String alternate = logicalId(t, "AWS::ElasticLoadBalancingV2::TargetGroup", "AlternateTargetGroup");
        String rule = logicalId(t, "AWS::ElasticLoadBalancingV2::ListenerRule", "ProductionRule");
        String role = logicalId(t, "AWS::IAM::Role", "InfrastructureRole");
        t.hasResourceProperties("AWS::ElasticLoadBalancingV2::ListenerRule", Map.of(
                "Priority", 1,
                "Conditions", List.of(Map.of("Field", "path-pattern", "PathPatternConfig",
                        Map.of("Values", List.of("/*")))),
                "Actions", List.of(Match.objectLike(Map.of("Type", "forward", "ForwardConfig", Match.objectLike(Map.of(
                        "TargetGroups", List.of(
                                Map.of("TargetGroupArn", Map.of("Ref", primary), "Weight", 100),
                                Map.of("TargetGroupArn", Map.of("Ref", alternate), "Weight", 0)))))))));
        t.hasResourceProperties("AWS::ECS::Service", Map.of("LoadBalancers", List.of(Match.objectLike(Map.of(
                "TargetGroupArn", Map.of("Ref", primary),
                "AdvancedConfiguration", Map.of(
                        "AlternateTargetGroupArn", Map.of("Ref", alternate),
                        "ProductionListenerRule", Map.of("Ref", rule),
                        "RoleArn", Map.of("Fn::GetAtt", List.of(role, "Arn"))))))));
        assertThat(deploymentConfiguration(strategy)).containsEntry("BakeTimeInMinutes", 3);
        // Both groups' rates, the worse counts.
        t.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", PREFIX + ReleaseAlarms.ERROR_RATE,
                "Metrics", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Expression", "MAX([FILL(rate1, 0), FILL(rate2, 0)])", "ReturnData", true))))));
        // Request-count scaling is off: its one target group loses the traffic on every release.
        t.resourcePropertiesCountIs("AWS::ApplicationAutoScaling::ScalingPolicy", Map.of(
                "TargetTrackingScalingPolicyConfiguration", Match.objectLike(Map.of(
                        "PredefinedMetricSpecification", Match.objectLike(Map.of(
                                "PredefinedMetricType", "ALBRequestCountPerTarget"))))), 0);
    }

    @Test
    void canaryAndLinearSteps() {
        assertThat(deploymentConfiguration(ReleaseStrategy.CANARY)).containsEntry("CanaryConfiguration",
                Map.of("CanaryPercent", 5, "CanaryBakeTimeInMinutes", 3)).doesNotContainKey("LinearConfiguration");
        assertThat(deploymentConfiguration(ReleaseStrategy.LINEAR)).containsEntry("LinearConfiguration",
                Map.of("StepPercent", 25, "StepBakeTimeInMinutes", 3)).doesNotContainKey("CanaryConfiguration");
        assertThat(deploymentConfiguration(ReleaseStrategy.BLUE_GREEN)).doesNotContainKeys("CanaryConfiguration",
                "LinearConfiguration");
    }

    @Test
    void infrastructureRoleIsScopedToThisService() {
        Template t = templates.get(ReleaseStrategy.CANARY);
        String primary = logicalId(t, "AWS::ElasticLoadBalancingV2::TargetGroup", "WebTargetGroup");
        String alternate = logicalId(t, "AWS::ElasticLoadBalancingV2::TargetGroup", "AlternateTargetGroup");
        String rule = logicalId(t, "AWS::ElasticLoadBalancingV2::ListenerRule", "ProductionRule");
        t.hasResourceProperties("AWS::IAM::Role", Map.of(
                "AssumeRolePolicyDocument", Match.objectLike(Map.of("Statement", List.of(Match.objectLike(Map.of(
                        "Principal", Map.of("Service", "ecs.amazonaws.com")))))),
                "ManagedPolicyArns", Match.absent()));
        t.hasResourceProperties("AWS::IAM::ManagedPolicy", Map.of("PolicyDocument", Map.of(
                "Version", "2012-10-17",
                "Statement", List.of(
                        Match.objectLike(Map.of("Sid", "ReadLoadBalancerState", "Resource", "*")),
                        Match.objectLike(Map.of("Sid", "RegisterTasksInTheTwoTargetGroups",
                                "Action", List.of("elasticloadbalancing:DeregisterTargets",
                                        "elasticloadbalancing:RegisterTargets"),
                                "Resource", List.of(Map.of("Ref", alternate), Map.of("Ref", primary)))),
                        Match.objectLike(Map.of("Sid", "ShiftWeightsOnTheProductionRule",
                                "Action", "elasticloadbalancing:ModifyRule", "Resource", Map.of("Ref", rule))),
                        Match.objectLike(Map.of("Sid", "ModifyTheProductionListener",
                                "Action", "elasticloadbalancing:ModifyListener"))))));
        // No AWS managed policy anywhere for it.
        assertThat(t.toJSON().toString()).doesNotContain("AmazonECSInfrastructureRolePolicyForLoadBalancers");
    }

    @ParameterizedTest
    @EnumSource(ReleaseStrategy.class)
    void everyAlarmNotifiesTheOneTopicOnAlarmAndOk(ReleaseStrategy strategy) {
        Template t = templates.get(strategy);
        t.resourceCountIs("AWS::SNS::Topic", 1);
        String topic = logicalId(t, "AWS::SNS::Topic", "ReleaseTopic");
        Map<String, Map<String, Object>> alarms = t.findResources("AWS::CloudWatch::Alarm");
        assertThat(alarms).hasSize(6);
        for (Map<String, Object> alarm : alarms.values()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> p = (Map<String, Object>) alarm.get("Properties");
            assertThat(p.get("AlarmActions")).isEqualTo(List.of(Map.of("Ref", topic)));
            assertThat(p.get("OKActions")).isEqualTo(List.of(Map.of("Ref", topic)));
            assertThat((String) p.get("AlarmName")).startsWith(PREFIX + "-");
        }
        t.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "email",
                "Endpoint", "ops@example.com", "TopicArn", Map.of("Ref", topic)));
    }

    @Test
    void topicIsEncryptedTlsOnlyAndAdmitsOnlyThisAccountsAlarms() {
        Template t = templates.get(ReleaseStrategy.ROLLING);
        t.hasResourceProperties("AWS::SNS::Topic", Map.of("KmsMasterKeyId", Match.anyValue()));
        t.hasResourceProperties("AWS::SNS::TopicPolicy", Map.of("PolicyDocument", Match.objectLike(Map.of(
                "Statement", Match.arrayWith(List.of(
                        Match.objectLike(Map.of("Effect", "Deny", "Condition",
                                Map.of("Bool", Map.of("aws:SecureTransport", "false")))),
                        Match.objectLike(Map.of("Sid", "AllowThisServicesAlarmsToPublish", "Effect", "Allow",
                                "Principal", Map.of("Service", "cloudwatch.amazonaws.com"),
                                "Action", "sns:Publish",
                                "Condition", Map.of(
                                        "StringEquals", Map.of("aws:SourceAccount", Map.of("Ref", "AWS::AccountId")),
                                        "ArnLike", Map.of("aws:SourceArn", Map.of("Fn::Join", List.of("", List.of(
                                                "arn:", Map.of("Ref", "AWS::Partition"), ":cloudwatch:",
                                                Map.of("Ref", "AWS::Region"), ":",
                                                Map.of("Ref", "AWS::AccountId"), ":alarm:" + PREFIX + "*")))))))))))));
        t.hasResourceProperties("AWS::KMS::Key", Map.of("EnableKeyRotation", true, "KeyPolicy", Match.objectLike(Map.of(
                "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Principal", Map.of("Service", "cloudwatch.amazonaws.com"),
                        "Action", List.of("kms:Decrypt", "kms:GenerateDataKey*")))))))));
    }

    @Test
    void dashboardShowsTheServiceAndItsAlarms() {
        Template t = templates.get(ReleaseStrategy.CANARY);
        t.hasResourceProperties("AWS::CloudWatch::Dashboard", Map.of("DashboardName", PREFIX));
        String body = t.findResources("AWS::CloudWatch::Dashboard").values().iterator().next().toString();
        assertThat(body).contains("RequestCount", "HTTPCode_Target_2XX_Count", "HTTPCode_Target_4XX_Count",
                "HTTPCode_Target_5XX_Count", "p50", "p90", "p99", "HealthyHostCount", "UnHealthyHostCount",
                "RunningTaskCount", "DesiredTaskCount", "CPUUtilization", "MemoryUtilization", "\"type\":\"alarm\"",
                "WebReleaseAlarmsErrorRate", "WebReleaseAlarmsLatency", "WebReleaseAlarmsMemoryHigh");
    }

    @Test
    void secondEnableDeploymentAlarmsCallIsLostIn2271() {
        assertThat(trap.toJSON().toString()).doesNotContain("an-extra-alarm");
    }

    @Test
    void validationNamesEveryMissingAlarm() {
        Map<String, Object> config = Map.of("alarms", Map.of("alarmNames", List.of("a"), "enable", true,
                "rollback", true));
        assertThat(Release.checkDeploymentAlarms(config, List.of("a", "b"), true)).singleElement()
                .asString().contains("deployment alarm b is missing", "#36308");
        assertThat(Release.checkDeploymentAlarms(config, List.of("a"), false)).singleElement()
                .asString().contains("Rollback true, expected false");
        assertThat(Release.checkDeploymentAlarms(Map.of(), List.of("a"), true)).singleElement()
                .asString().contains("no deployment alarms");
        assertThat(Release.checkDeploymentAlarms(config, List.of("a"), true)).isEmpty();
    }

    static String logicalId(Template t, String type, String contains) {
        return t.findResources(type).keySet().stream().filter(k -> k.contains(contains)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " with " + contains + " in "
                        + t.findResources(type).keySet()));
    }
}
