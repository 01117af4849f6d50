package com.example.helloecs.stacks;

import static com.example.helloecs.config.Settings.*;

import java.util.LinkedHashMap;
import java.util.Map;

import com.example.helloecs.config.Deployment;
import com.example.helloecs.service.ContainerImageSpec;
import com.example.helloecs.service.WebService;
import com.example.helloecs.service.WebServiceProps;
import com.example.helloecs.service.release.ReleaseProps;
import com.example.helloecs.service.release.ReleaseStrategy;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.logs.RetentionDays;
import com.example.helloecs.config.HardeningConfig;
import com.example.helloecs.config.SettingValues;
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
    /** Output {@code ServiceUrl}: where users reach the service (read by the pipeline's smoke test). */
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
        Outputs.add(this, "LoadBalancerDnsName", "DNS name of the Application Load Balancer",
                web.loadBalancer.getLoadBalancerDnsName());
        this.serviceUrl = Outputs.add(this, "ServiceUrl", "URL of the service", web.listeners.url);
        Outputs.add(this, "DashboardName", "CloudWatch dashboard of the service",
                web.release.dashboard.dashboard.getDashboardName());
        Outputs.add(this, "DashboardUrl", "The dashboard in the CloudWatch console", web.release.dashboard.url);
        Outputs.add(this, "AlarmTopicArn", "SNS topic every alarm of the service notifies",
                web.release.topic.topic.getTopicArn());
    }


    /** The configuration of one deployment as {@link WebService}'s props. */
    static WebServiceProps webServiceProps(Deployment deployment, ContainerImage image, String executionRoleName) {
        SettingValues s = deployment.settings();
        HardeningConfig hardening = deployment.hardening();
        return WebServiceProps.builder()
                .image(image)
                .executionRoleName(executionRoleName)
                .cpu(s.get(CPU))
                .memoryLimitMiB(s.get(MEMORY))
                .cpuArchitecture(deployment.service().arm64() ? CpuArchitecture.ARM64 : CpuArchitecture.X86_64)
                .containerPort(s.get(CONTAINER_PORT))
                .enableExecuteCommand(s.get(ENABLE_EXECUTE_COMMAND))
                .desiredCount(s.get(DESIRED_COUNT))
                .minCapacity(s.get(MIN_CAPACITY))
                .maxCapacity(s.get(MAX_CAPACITY))
                .cpuTargetPercent(s.get(CPU_TARGET_PERCENT))
                .requestsPerTarget(s.get(REQUESTS_PER_TARGET))
                .spot(s.get(SPOT))
                .healthCheckPath(s.get(HEALTH_CHECK_PATH))
                .healthCheckInterval(Duration.seconds(s.get(HEALTH_CHECK_INTERVAL_SECONDS)))
                .healthCheckTimeout(Duration.seconds(s.get(HEALTH_CHECK_TIMEOUT_SECONDS)))
                .healthyThreshold(s.get(HEALTHY_THRESHOLD))
                .unhealthyThreshold(s.get(UNHEALTHY_THRESHOLD))
                .deregistrationDelay(Duration.seconds(s.get(DEREGISTRATION_DELAY_SECONDS)))
                .minHealthyPercent(s.get(MIN_HEALTHY_PERCENT))
                .maxHealthyPercent(s.get(MAX_HEALTHY_PERCENT))
                .logRetention(retention(s.get(LOG_RETENTION_DAYS)))
                .natGateways(s.get(NAT_GATEWAYS))
                .maxAzs(s.get(MAX_AZS))
                .vpcCidr(s.get(VPC_CIDR))
                .certificateArn(s.get(CERTIFICATE_ARN))
                .domainName(s.get(DOMAIN_NAME))
                .hostedZoneId(s.get(HOSTED_ZONE_ID))
                .hostedZoneName(s.get(HOSTED_ZONE_NAME))
                .accessLogs(s.get(ACCESS_LOGS))
                .containerInsights(s.get(CONTAINER_INSIGHTS))
                .hardened(hardening.hardened())
                .natEgress(hardening.natEgress())
                .deletionProtection(hardening.deletionProtection())
                .release(releaseProps(s))
                .build();
    }

    /** The release settings as props (alarm and dashboard names start with the stack name: the props' default). */
    static ReleaseProps releaseProps(SettingValues s) {
        return ReleaseProps.builder()
                .strategy(ReleaseStrategy.fromKey(s.get(DEPLOYMENT_STRATEGY)))
                .canaryPercent(s.get(CANARY_PERCENT))
                .linearStepPercent(s.get(LINEAR_STEP_PERCENT))
                .stepBakeMinutes(s.get(STEP_BAKE_MINUTES))
                .bakeMinutes(s.get(BAKE_MINUTES))
                .rollback("rollback".equals(s.get(DEPLOYMENT_ALARM_ACTION)))
                .errorRatePercent(s.get(ALARM_ERROR_RATE_PERCENT))
                .minRequests(s.get(ALARM_MIN_REQUESTS))
                .latencyP99Millis(s.get(ALARM_LATENCY_P99_MILLIS))
                .evaluationPeriods(s.get(ALARM_EVALUATION_PERIODS))
                .datapointsToAlarm(s.get(ALARM_DATAPOINTS))
                .cpuPercent(s.get(ALARM_CPU_PERCENT))
                .memoryPercent(s.get(ALARM_MEMORY_PERCENT))
                .alarmEmail(s.get(ALARM_EMAIL))
                .build();
    }

    /** Validated retention days as the CDK enum, whose constants are in the same order as the API's values. */
    static RetentionDays retention(int days) {
        return RetentionDays.values()[RETENTION_DAYS.indexOf(days)];
    }

    /** The image asset's build settings: {@code image.*} plus PORT from {@code service.containerPort}. */
    public static AssetImageProps imageProps(Deployment deployment) {
        var image = deployment.image();
        Map<String, String> buildArgs = new LinkedHashMap<>(image.buildArgs());
        buildArgs.put(ContainerImageSpec.PORT_BUILD_ARG, String.valueOf(deployment.settings().get(CONTAINER_PORT)));
        // The build platform always equals the task's runtime platform: an arm64 image on x86 Fargate (or the
        // reverse) fails with "exec format error".
        AssetImageProps.Builder props = AssetImageProps.builder()
                .platform(deployment.service().arm64() ? Platform.LINUX_ARM64 : Platform.LINUX_AMD64)
                .buildArgs(buildArgs);
        // Only a non-default Dockerfile is named: naming the default would change the asset hash (and the image tag).
        if (!image.defaultDockerfile()) {
            props.file(image.dockerfile());
        }
        return props.build();
    }
}
