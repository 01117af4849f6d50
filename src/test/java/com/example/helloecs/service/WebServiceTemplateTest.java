package com.example.helloecs.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.example.helloecs.support.TestApps;

import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The service stack with the default settings, environment-agnostic (as `cdk synth` builds it from cdk.json). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebServiceTemplateTest {
    private Template template;

    @BeforeAll
    void synth() {
        template = Template.fromStack(TestApps.stacks(Map.of()).service);
    }

    @Test
    void taskDefinitionMatchesTheImage() {
        template.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of(
                "Cpu", "256", "Memory", "512",
                "RequiresCompatibilities", List.of("FARGATE"),
                "RuntimePlatform", Map.of("CpuArchitecture", "X86_64", "OperatingSystemFamily", "LINUX"),
                "Volumes", List.of(Map.of("Name", WebService.RUNTIME_VOLUME)),
                "ContainerDefinitions", List.of(Match.objectLike(Map.of(
                        "User", "33:33",
                        "ReadonlyRootFilesystem", true,
                        "Environment", List.of(Map.of("Name", "TASK_VCPU", "Value", "0.25")),
                        "PortMappings", List.of(Match.objectLike(Map.of("ContainerPort", 8080))),
                        "MountPoints", List.of(Map.of("ContainerPath", "/var/run/apache2",
                                "SourceVolume", WebService.RUNTIME_VOLUME, "ReadOnly", false)),
                        "HealthCheck", Map.of("Command", List.of("CMD", "/usr/local/bin/healthcheck"),
                                "Interval", 5, "Timeout", 2, "Retries", 3, "StartPeriod", 5),
                        "LogConfiguration", Match.objectLike(Map.of("LogDriver", "awslogs")))))));
    }

    /** The Dockerfile and httpd.conf promise what the task definition assumes; a change to one must reach the other. */
    @Test
    void imageProvidesWhatTheTaskDefinitionAssumes() throws IOException {
        String dockerfile = Files.readString(Path.of(ContainerImageSpec.DIRECTORY, "Dockerfile"));
        String httpd = Files.readString(Path.of(ContainerImageSpec.DIRECTORY, "httpd.conf"));
        assertThat(dockerfile)
                .contains("\nUSER " + ContainerImageSpec.USER + "\n")
                .contains("\nVOLUME [\"" + ContainerImageSpec.RUNTIME_DIR + "\"]\n")
                .contains("ARG " + ContainerImageSpec.PORT_BUILD_ARG + "=8080\nENV PORT=${PORT}")
                .contains("HEALTHCHECK --interval=" + ContainerImageSpec.HEALTH_INTERVAL_SECONDS + "s --timeout="
                        + ContainerImageSpec.HEALTH_TIMEOUT_SECONDS + "s --start-period="
                        + ContainerImageSpec.HEALTH_START_PERIOD_SECONDS + "s --retries="
                        + ContainerImageSpec.HEALTH_RETRIES + " CMD [\"" + ContainerImageSpec.HEALTH_CHECK.get(1) + "\"]");
        assertThat(httpd).contains("\nListen ${PORT}\n")
                .contains("PidFile " + ContainerImageSpec.RUNTIME_DIR + "/")
                .contains("ServerTokens Prod").contains("ServerSignature Off").contains("TraceEnable Off")
                .contains("CustomLog /proc/self/fd/1 combined \"expr=%{REQUEST_URI} != '/health'\"")
                .contains("AllowMethods GET HEAD").doesNotContain("RewriteEngine")
                // Served from memory by mod_cache's quick handler, the query string not part of the key.
                .contains("\nCacheEnable socache /\n").contains("\nCacheIgnoreQueryString On\n");
        assertThat(Files.readString(Path.of(ContainerImageSpec.DIRECTORY, ".dockerignore"))).startsWith("#").contains("\n*\n");
        // A whole package database: stand-ins meet apache2-bin's dependencies; nothing is removed behind dpkg's back.
        assertThat(dockerfile).doesNotContain("--force-depends").doesNotContain("--force-all")
                .contains("COPY standins ").contains("apt-get check");
        assertThat(Files.readString(Path.of(ContainerImageSpec.DIRECTORY, "standins", "hello-ecs-no-perl")))
                .contains("\nProvides: perl\n").contains("\nMulti-Arch: allowed\n");
        assertThat(Files.readString(Path.of(ContainerImageSpec.DIRECTORY, "standins", "hello-ecs-no-libxml2")))
                .contains("\nProvides: libxml2 (= ");
        assertThat(Files.isExecutable(Path.of(ContainerImageSpec.DIRECTORY, "healthcheck"))).isTrue();
        // Apache starts through start-httpd, which sizes its CPU affinity from the variable the task definition sets.
        assertThat(dockerfile).contains("\nCMD [\"/usr/local/bin/start-httpd\"]\n");
        assertThat(Files.readString(Path.of(ContainerImageSpec.DIRECTORY, "start-httpd")))
                .contains("${" + ContainerImageSpec.TASK_VCPU_ENV + ":-}").contains("exec /usr/sbin/apache2 ");
        assertThat(Files.isExecutable(Path.of(ContainerImageSpec.DIRECTORY, "start-httpd"))).isTrue();
    }

    /** ECS's own bounds for a container health check (it has no start interval: that one is Docker's only). */
    @Test
    void containerHealthCheckTimingsAreWithinWhatEcsAccepts() {
        assertThat(ContainerImageSpec.HEALTH_INTERVAL_SECONDS).isBetween(5, 300);
        assertThat(ContainerImageSpec.HEALTH_TIMEOUT_SECONDS).isBetween(2, 60).isLessThan(ContainerImageSpec.HEALTH_INTERVAL_SECONDS);
        assertThat(ContainerImageSpec.HEALTH_RETRIES).isBetween(1, 10);
        assertThat(ContainerImageSpec.HEALTH_START_PERIOD_SECONDS).isBetween(0, 300);
        assertThat(ContainerImageSpec.HEALTH_START_INTERVAL_MILLIS).isPositive()
                .isLessThan(ContainerImageSpec.HEALTH_START_PERIOD_SECONDS * 1000);
    }

    @Test
    void targetGroupMakesNewTasksHealthyWithinSecondsAndDrainsQuickly() {
        template.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Map.of(
                "Port", 8080, "Protocol", "HTTP", "TargetType", "ip",
                "HealthCheckPath", "/health", "HealthCheckIntervalSeconds", 5, "HealthCheckTimeoutSeconds", 4,
                "HealthyThresholdCount", 2, "UnhealthyThresholdCount", 2,
                "Matcher", Map.of("HttpCode", "200"),
                "TargetGroupAttributes", Match.arrayWith(List.of(
                        Map.of("Key", "deregistration_delay.timeout_seconds", "Value", "10")))));
    }

    @Test
    void loadBalancerDropsInvalidHeadersAndServesHttpOnly() {
        template.hasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", Map.of(
                "Scheme", "internet-facing",
                "LoadBalancerAttributes", Match.arrayWith(List.of(
                        Map.of("Key", "routing.http.drop_invalid_header_fields.enabled", "Value", "true")))));
        template.resourceCountIs("AWS::ElasticLoadBalancingV2::Listener", 1);
        template.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of(
                "Port", 80, "Protocol", "HTTP",
                "DefaultActions", List.of(Match.objectLike(Map.of("Type", "forward")))));
        template.resourceCountIs("AWS::CertificateManager::Certificate", 0);
        template.hasOutput("ServiceUrl", Map.of("Value", Map.of("Fn::Join",
                List.of("", List.of("http://", Match.anyValue(), "/")))));
    }

    @Test
    void accessLogsWorkWithoutARegion() {
        template.hasResourceProperties("AWS::S3::Bucket", Map.of(
                "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(Map.of(
                        "ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))),
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true)));
        template.hasResource("AWS::S3::Bucket", Map.of("DeletionPolicy", "Retain"));
        Object elbAccountArn = Map.of("Fn::Join", List.of("", Match.arrayWith(List.of(Map.of("Fn::If", List.of(
                Match.stringLikeRegexp(".*RegionHasElbAccount.*"),
                Match.objectLike(Map.of("Fn::FindInMap", Match.anyValue())),
                Map.of("Ref", "AWS::AccountId")))))));
        template.hasResourceProperties("AWS::S3::BucketPolicy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(
                        Match.objectLike(Map.of("Effect", "Deny", "Action", "s3:*",
                                "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))),
                        Match.objectLike(Map.of("Sid", "LogDeliveryService", "Action", "s3:PutObject",
                                "Principal", Map.of("Service", "logdelivery.elasticloadbalancing.amazonaws.com"))),
                        // The regional ELB account, looked up at deploy time.
                        Match.objectLike(Map.of("Sid", "RegionalElbAccount",
                                "Principal", Map.of("AWS", elbAccountArn))))))));
        // eu-west-1 (opened before August 2022) writes logs as its ELB account; mx-central-1 (2025) as the service.
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Map<String, String>>> mappings =
                (Map<String, Map<String, Map<String, String>>>) template.toJSON().get("Mappings");
        Map<String, Map<String, String>> accounts = mappings.values().stream()
                .filter(m -> m.containsKey("eu-west-1")).findFirst().orElseThrow();
        assertThat(accounts.get("eu-west-1")).containsEntry("account", "156460612806");
        assertThat(accounts.get("mx-central-1")).containsEntry("account", "none");
        template.hasResource("AWS::ElasticLoadBalancingV2::LoadBalancer", Map.of(
                "DependsOn", Match.arrayWith(List.of(Match.stringLikeRegexp("AccessLogsBucketPolicy.*"))),
                "Properties", Map.of("LoadBalancerAttributes", Match.arrayWith(List.of(
                        Map.of("Key", "access_logs.s3.enabled", "Value", "true"),
                        Map.of("Key", "access_logs.s3.prefix", "Value", AccessLogs.PREFIX))))));
    }

    @Test
    void serviceRollsOutSafely() {
        template.hasResourceProperties("AWS::ECS::Service", Map.of(
                "LaunchType", "FARGATE",
                "DesiredCount", 2,
                "EnableExecuteCommand", false,
                "DeploymentConfiguration", Map.of(
                        "DeploymentCircuitBreaker", Map.of("Enable", true, "Rollback", true),
                        "MinimumHealthyPercent", 100, "MaximumPercent", 200),
                "NetworkConfiguration", Map.of("AwsvpcConfiguration", Match.objectLike(Map.of(
                        "AssignPublicIp", "ENABLED")))));
        template.hasResourceProperties("AWS::ECS::Cluster", Map.of(
                "ClusterSettings", List.of(Map.of("Name", "containerInsights", "Value", "enabled"))));
    }

    @Test
    void scalesOnCpuAndRequestCount() {
        template.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Map.of(
                "MinCapacity", 2, "MaxCapacity", 4, "ScalableDimension", "ecs:service:DesiredCount"));
        template.resourceCountIs("AWS::ApplicationAutoScaling::ScalingPolicy", 2);
        template.hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Map.of(
                "TargetTrackingScalingPolicyConfiguration", Match.objectLike(Map.of("TargetValue", 60,
                        "PredefinedMetricSpecification", Map.of("PredefinedMetricType", "ECSServiceAverageCPUUtilization")))));
        template.hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Map.of(
                "TargetTrackingScalingPolicyConfiguration", Match.objectLike(Map.of("TargetValue", 1000,
                        "PredefinedMetricSpecification", Match.objectLike(Map.of(
                                "PredefinedMetricType", "ALBRequestCountPerTarget"))))));
    }
}
