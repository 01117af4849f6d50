package com.example.helloecs.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.example.helloecs.App;
import com.example.helloecs.config.ConfigReader;
import com.example.helloecs.local.CloudAssembly;
import com.example.helloecs.local.DockerCommands;
import com.example.helloecs.local.LocalTask;
import com.example.helloecs.support.TestApps;

import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * Every non-default service option at once, in a stack with a region: arm64, a bigger task, a custom port, an existing
 * certificate, Spot, ECS Exec, no Container Insights, CPU scaling off. Also synthesizes to disk, so run-local's
 * translation is checked against a real cloud assembly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebServiceOptionsTest {
    private static final String CERT = "arn:aws:acm:eu-west-1:123456789012:certificate/abcd-1234";
    private Template template;
    private LocalTask local;

    @BeforeAll
    void synth(@TempDir Path out) {
        Map<String, Object> overrides = Map.ofEntries(
                Map.entry("account", "123456789012"), Map.entry("region", "eu-west-1"),
                Map.entry("service.platform", "linux/arm64"), Map.entry("service.cpu", 1024),
                Map.entry("service.memory", 3072), Map.entry("service.containerPort", 9090),
                Map.entry("service.certificateArn", CERT), Map.entry("service.spot", true),
                Map.entry("service.enableExecuteCommand", true), Map.entry("service.containerInsights", false),
                Map.entry("service.cpuTargetPercent", 0), Map.entry("service.minCapacity", 1),
                Map.entry("service.desiredCount", 1), Map.entry("service.maxCapacity", 10));
        software.amazon.awscdk.App app = new software.amazon.awscdk.App(AppProps.builder()
                .context(TestApps.context(overrides)).outdir(out.toString()).analyticsReporting(false).build());
        template = Template.fromStack(App.build(app, ConfigReader.read(App.context(app))).get(0).service);
        app.synth();
        local = CloudAssembly.read(out, null);
    }

    @Test
    void runtimePlatformAndImageBuildPlatformAgree() {
        template.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of(
                "Cpu", "1024", "Memory", "3072",
                "RuntimePlatform", Map.of("CpuArchitecture", "ARM64", "OperatingSystemFamily", "LINUX"),
                "ContainerDefinitions", List.of(Match.objectLike(Map.of(
                        "Environment", List.of(Map.of("Name", "TASK_VCPU", "Value", "1")),
                        "PortMappings", List.of(Match.objectLike(Map.of("ContainerPort", 9090))))))));
        assertThat(local.image().platform()).isEqualTo("linux/arm64");
        assertThat(local.image().buildArgs()).containsEntry("PORT", "9090");
    }

    @Test
    void runLocalReproducesTheSynthesizedTask() {
        List<String> run = DockerCommands.run("docker", local, "web-local", 8081);
        assertThat(String.join(" ", run)).contains("--publish 127.0.0.1:8081:9090", "--platform linux/arm64",
                "--user 33:33", "--read-only", "--mount type=volume,dst=/var/run/apache2",
                "--env TASK_VCPU=1", "--health-cmd /usr/local/bin/healthcheck", "--health-interval 5s", "--memory 3072m",
                "--cpus 1");
        assertThat(local.image().directory().resolve("Dockerfile")).exists();
    }

    @Test
    void httpsWithTheGivenCertificateAndARedirectFromHttp() {
        template.resourceCountIs("AWS::ElasticLoadBalancingV2::Listener", 2);
        template.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of(
                "Port", 443, "Protocol", "HTTPS",
                "Certificates", List.of(Map.of("CertificateArn", CERT)),
                "DefaultActions", List.of(Match.objectLike(Map.of("Type", "forward")))));
        template.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of(
                "Port", 80, "Protocol", "HTTP",
                "DefaultActions", List.of(Map.of("Type", "redirect", "RedirectConfig", Map.of(
                        "Protocol", "HTTPS", "Port", "443", "StatusCode", "HTTP_301")))));
        template.hasResourceProperties("AWS::EC2::SecurityGroup", Map.of(
                "SecurityGroupIngress", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "CidrIp", "0.0.0.0/0", "FromPort", 443, "ToPort", 443))))));
        template.resourceCountIs("AWS::CertificateManager::Certificate", 0);
    }

    @Test
    void accessLogsUseCdksRegionalPolicyWhenTheRegionIsKnown() {
        // eu-west-1's ELB account writes the logs; no deploy-time lookup needed.
        Object elbAccount = Map.of("AWS", "arn:aws:iam::156460612806:root");
        template.hasResourceProperties("AWS::S3::BucketPolicy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of("Action", "s3:PutObject", "Principal", elbAccount)))))));
        assertThat(template.toJSON().toString()).doesNotContain("RegionHasElbAccount");
    }

    @Test
    void spotExecAndInsightsFollowTheConfiguration() {
        template.hasResourceProperties("AWS::ECS::Service", Map.of(
                "EnableExecuteCommand", true,
                "CapacityProviderStrategy", List.of(
                        Map.of("CapacityProvider", "FARGATE", "Base", 1, "Weight", 0),
                        Map.of("CapacityProvider", "FARGATE_SPOT", "Weight", 1))));
        template.hasResourceProperties("AWS::ECS::Service", Map.of("LaunchType", Match.absent()));
        template.hasResourceProperties("AWS::ECS::Cluster", Map.of(
                "ClusterSettings", List.of(Map.of("Name", "containerInsights", "Value", "disabled"))));
    }

    @Test
    void onlyTheConfiguredScalingPolicies() {
        template.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Map.of(
                "MinCapacity", 1, "MaxCapacity", 10));
        template.resourceCountIs("AWS::ApplicationAutoScaling::ScalingPolicy", 1);
        template.hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Map.of(
                "TargetTrackingScalingPolicyConfiguration", Match.objectLike(Map.of(
                        "PredefinedMetricSpecification", Match.objectLike(Map.of(
                                "PredefinedMetricType", "ALBRequestCountPerTarget"))))));
    }
}
