package com.example.helloecs.stacks;

import java.util.LinkedHashMap;
import java.util.Map;

import com.example.helloecs.config.Deployment;
import com.example.helloecs.service.ContainerImageSpec;
import com.example.helloecs.service.WebService;
import com.example.helloecs.service.WebServiceProps;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.logs.RetentionDays;
import com.example.helloecs.config.HardeningConfig;
import com.example.helloecs.config.ServiceConfig;
import com.example.helloecs.config.Settings;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ecr.assets.Platform;
import software.amazon.awscdk.services.ecs.AssetImageProps;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.constructs.Construct;

/**
 * Short-lived: network, cluster, service and load balancer. Its synthesizer publishes the image asset into the
 * private repository (see {@link com.example.helloecs.stage.DeploymentStacks}), so the task runs the image from there.
 * The image is built from {@code image.directory} (default {@code docker/}).
 */
public class ServiceStack extends Stack {
    public final WebService web;
    /** Output {@code LoadBalancerDnsName}: DNS name of the load balancer. */
    public final CfnOutput loadBalancerDnsName;
    /** Output {@code ServiceUrl}: {@code http://} plus the load balancer's DNS name (read by the pipeline's smoke test). */
    public final CfnOutput serviceUrl;

    /**
     * Props of {@link ServiceStack}.
     *
     * @param stack             the stack's own props (environment, name, description, synthesizer)
     * @param deployment        the deployment's configuration; required
     * @param executionRoleName fixed name of the task execution role (the repository policy names it); required
     */
    public record Props(StackProps stack, Deployment deployment, String executionRoleName) {
    }

    public ServiceStack(Construct scope, String id, Props props) {
        super(scope, id, props.stack());
        Deployment deployment = props.deployment();
        ContainerImage image = ContainerImage.fromAsset(deployment.image().path().toString(), imageProps(deployment));
        this.web = new WebService(this, "Web", webServiceProps(deployment, image, props.executionRoleName()));
        this.loadBalancerDnsName = CfnOutput.Builder.create(this, "LoadBalancerDnsName")
                .description("DNS name of the Application Load Balancer")
                .value(web.loadBalancer.getLoadBalancerDnsName())
                .build();
        this.serviceUrl = CfnOutput.Builder.create(this, "ServiceUrl")
                .description("URL of the service")
                .value(web.listeners.url)
                .build();
    }

    /** The configuration of one deployment as {@link WebService}'s props. */
    static WebServiceProps webServiceProps(Deployment deployment, ContainerImage image, String executionRoleName) {
        ServiceConfig service = deployment.service();
        var task = service.task();
        var capacity = service.capacity();
        var health = service.healthCheck();
        var rollout = service.rollout();
        var tls = service.tls();
        HardeningConfig hardening = deployment.hardening();
        return WebServiceProps.builder()
                .image(image)
                .executionRoleName(executionRoleName)
                .cpu(task.cpu())
                .memoryLimitMiB(task.memoryMiB())
                .cpuArchitecture(task.arm64() ? CpuArchitecture.ARM64 : CpuArchitecture.X86_64)
                .containerPort(task.containerPort())
                .enableExecuteCommand(task.enableExecuteCommand())
                .desiredCount(capacity.desiredCount())
                .minCapacity(capacity.minCapacity())
                .maxCapacity(capacity.maxCapacity())
                .cpuTargetPercent(capacity.cpuTargetPercent())
                .requestsPerTarget(capacity.requestsPerTarget())
                .spot(capacity.spot())
                .healthCheckPath(health.path())
                .healthCheckInterval(Duration.seconds(health.intervalSeconds()))
                .healthCheckTimeout(Duration.seconds(health.timeoutSeconds()))
                .healthyThreshold(health.healthyThreshold())
                .unhealthyThreshold(health.unhealthyThreshold())
                .deregistrationDelay(Duration.seconds(rollout.deregistrationDelaySeconds()))
                .minHealthyPercent(rollout.minHealthyPercent())
                .maxHealthyPercent(rollout.maxHealthyPercent())
                .logRetention(retention(deployment.settings().get(Settings.LOG_RETENTION_DAYS)))
                .natGateways(service.network().natGateways())
                .maxAzs(service.network().maxAzs())
                .vpcCidr(service.network().vpcCidr())
                .certificateArn(tls.certificateArn())
                .domainName(tls.domainName())
                .hostedZoneId(tls.hostedZoneId())
                .hostedZoneName(tls.hostedZoneName())
                .accessLogs(deployment.settings().get(Settings.ACCESS_LOGS))
                .containerInsights(deployment.settings().get(Settings.CONTAINER_INSIGHTS))
                .hardened(hardening.hardened())
                .natEgress(hardening.natEgress())
                .deletionProtection(hardening.deletionProtection())
                .build();
    }

    /** Validated retention days as the CDK enum, whose constants are in the same order as the API's values. */
    static RetentionDays retention(int days) {
        return RetentionDays.values()[Settings.RETENTION_DAYS.indexOf(days)];
    }

    /** The image asset's build settings: {@code image.*} plus PORT from {@code service.containerPort}. */
    public static AssetImageProps imageProps(Deployment deployment) {
        var image = deployment.image();
        Map<String, String> buildArgs = new LinkedHashMap<>(image.buildArgs());
        buildArgs.put(ContainerImageSpec.PORT_BUILD_ARG, String.valueOf(deployment.service().task().containerPort()));
        // The build platform always equals the task's runtime platform: an arm64 image on x86 Fargate (or the
        // reverse) fails with "exec format error".
        AssetImageProps.Builder props = AssetImageProps.builder()
                .platform(deployment.service().task().arm64() ? Platform.LINUX_ARM64 : Platform.LINUX_AMD64)
                .buildArgs(buildArgs);
        // Only a non-default Dockerfile is named: naming the default would change the asset hash (and the image tag).
        if (!image.defaultDockerfile()) {
            props.file(image.dockerfile());
        }
        return props.build();
    }
}
