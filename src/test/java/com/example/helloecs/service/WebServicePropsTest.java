package com.example.helloecs.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ecs.ContainerImage;

/**
 * {@link WebService} built the way aws-cdk's own tests build a construct: in a bare stack, from its props alone (no
 * cdk.json, no configuration reader), so its documented defaults are what a template gets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebServicePropsTest {
    private Template defaults;
    private Template tuned;

    @BeforeAll
    void synth() {
        App app = new App();
        Stack bare = new Stack(app, "Bare");
        new WebService(bare, "Web", WebServiceProps.builder()
                .image(ContainerImage.fromRegistry("public.ecr.aws/docker/library/httpd:2.4"))
                .build());
        Stack other = new Stack(app, "Tuned");
        new WebService(other, "Web", WebServiceProps.builder()
                .image(ContainerImage.fromRegistry("public.ecr.aws/docker/library/httpd:2.4"))
                .executionRoleName("web-exec")
                .healthCheckInterval(Duration.seconds(30))
                .healthyThreshold(5)
                .unhealthyThreshold(3)
                .desiredCount(3)
                .maxCapacity(6)
                .natGateways(1)
                .build());
        defaults = Template.fromStack(bare);
        tuned = Template.fromStack(other);
    }

    @Test
    void defaultsAreTheDocumentedConstants() {
        defaults.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Match.objectLike(Map.of(
                "HealthCheckPath", WebServiceProps.DEFAULT_HEALTH_CHECK_PATH,
                "HealthCheckIntervalSeconds", WebServiceProps.DEFAULT_HEALTH_CHECK_INTERVAL_SECONDS,
                "HealthCheckTimeoutSeconds", WebServiceProps.DEFAULT_HEALTH_CHECK_TIMEOUT_SECONDS,
                "HealthyThresholdCount", WebServiceProps.DEFAULT_HEALTHY_THRESHOLD,
                "UnhealthyThresholdCount", WebServiceProps.DEFAULT_UNHEALTHY_THRESHOLD,
                "Port", WebServiceProps.DEFAULT_CONTAINER_PORT,
                "TargetGroupAttributes", Match.arrayWith(List.of(Map.of("Key", "deregistration_delay.timeout_seconds",
                        "Value", String.valueOf(WebServiceProps.DEFAULT_DEREGISTRATION_DELAY_SECONDS)))))));
        defaults.hasResourceProperties("AWS::ECS::Service", Match.objectLike(Map.of(
                "DesiredCount", WebServiceProps.DEFAULT_DESIRED_COUNT,
                "DeploymentConfiguration", Match.objectLike(Map.of(
                        "MinimumHealthyPercent", WebServiceProps.DEFAULT_MIN_HEALTHY_PERCENT,
                        "MaximumPercent", WebServiceProps.DEFAULT_MAX_HEALTHY_PERCENT,
                        "DeploymentCircuitBreaker", Map.of("Enable", true, "Rollback", true))))));
        defaults.hasResourceProperties("AWS::ECS::TaskDefinition", Match.objectLike(Map.of(
                "Cpu", String.valueOf(WebServiceProps.DEFAULT_CPU),
                "Memory", String.valueOf(WebServiceProps.DEFAULT_MEMORY_MIB),
                "RuntimePlatform", Map.of("CpuArchitecture", "X86_64", "OperatingSystemFamily", "LINUX"))));
        defaults.resourceCountIs("AWS::EC2::NatGateway", WebServiceProps.DEFAULT_NAT_GATEWAYS);
        defaults.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Map.of(
                "MinCapacity", WebServiceProps.DEFAULT_MIN_CAPACITY, "MaxCapacity", WebServiceProps.DEFAULT_MAX_CAPACITY,
                "ResourceId", Match.anyValue(), "RoleARN", Match.anyValue(), "ScalableDimension", Match.anyValue(),
                "ServiceNamespace", "ecs"));
        defaults.hasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", Match.objectLike(Map.of(
                "LoadBalancerAttributes", Match.arrayWith(List.of(
                        Map.of("Key", "deletion_protection.enabled", "Value", "false"))))));
        defaults.resourceCountIs("AWS::WAFv2::WebACL", 0);
        defaults.resourceCountIs("AWS::S3::Bucket", 1);
    }

    @Test
    void propsSetByNameReachTheTemplate() {
        tuned.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Match.objectLike(Map.of(
                "HealthCheckIntervalSeconds", 30, "HealthyThresholdCount", 5, "UnhealthyThresholdCount", 3)));
        tuned.hasResourceProperties("AWS::ECS::Service", Match.objectLike(Map.of("DesiredCount", 3)));
        tuned.hasResourceProperties("AWS::IAM::Role", Match.objectLike(Map.of("RoleName", "web-exec")));
        tuned.resourceCountIs("AWS::EC2::NatGateway", 1);
    }

    @Test
    void anImageIsRequired() {
        assertThatThrownBy(() -> WebServiceProps.builder().build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("image");
        assertThat(WebServiceProps.builder().image(ContainerImage.fromRegistry("x")).hardened(true).build()
                .deletionProtection()).isTrue();
    }
}
