package com.example.helloecs.stacks;

import java.util.LinkedHashMap;
import java.util.Map;

import com.example.helloecs.config.Deployment;
import com.example.helloecs.config.ReleaseConfig;
import com.example.helloecs.service.ContainerImageSpec;
import com.example.helloecs.service.WebService;
import com.example.helloecs.service.WebServiceProps;
import com.example.helloecs.service.release.ReleaseProps;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ecr.assets.Platform;
import software.amazon.awscdk.services.ecs.AssetImageProps;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.constructs.Construct;

/**
 * Short-lived: network, cluster, service and load balancer. Its synthesizer publishes the image asset into the
 * private repository (see {@link com.example.helloecs.stage.ServiceStacks}), so the task runs the image from there.
 * The image is built from {@code image.directory} (default {@code docker/}).
 */
public class ServiceStack extends Stack {
    public final WebService web;
    /** Output {@code LoadBalancerDnsName}: DNS name of the load balancer. */
    public final CfnOutput loadBalancerDnsName;
    /** Output {@code ServiceUrl}: {@code http://} plus the load balancer's DNS name (read by the pipeline's smoke test). */
    public final CfnOutput serviceUrl;
    /** Output {@code DashboardName}: the service's CloudWatch dashboard. */
    public final CfnOutput dashboardName;
    /** Output {@code DashboardUrl}: the dashboard in the CloudWatch console. */
    public final CfnOutput dashboardUrl;
    /** Output {@code AlarmTopicArn}: the topic the alarms notify (subscribe to it). */
    public final CfnOutput alarmTopicArn;

    public ServiceStack(Construct scope, String id, StackProps props, Deployment deployment, String executionRoleName) {
        super(scope, id, props);
        var config = deployment.service();
        ContainerImage image = ContainerImage.fromAsset(deployment.image().path().toString(), imageProps(deployment));
        this.web = new WebService(this, "Web", new WebServiceProps(config, image, executionRoleName,
                deployment.hardening(), releaseProps(deployment)));
        this.loadBalancerDnsName = CfnOutput.Builder.create(this, "LoadBalancerDnsName")
                .description("DNS name of the Application Load Balancer")
                .value(web.loadBalancer.getLoadBalancerDnsName())
                .build();
        this.serviceUrl = CfnOutput.Builder.create(this, "ServiceUrl")
                .description("URL of the service")
                .value(web.listeners.url)
                .build();
        this.dashboardName = CfnOutput.Builder.create(this, "DashboardName")
                .description("CloudWatch dashboard of the service")
                .value(web.release.dashboard.dashboard.getDashboardName())
                .build();
        this.dashboardUrl = CfnOutput.Builder.create(this, "DashboardUrl")
                .description("The dashboard in the CloudWatch console")
                .value(web.release.dashboard.url)
                .build();
        this.alarmTopicArn = CfnOutput.Builder.create(this, "AlarmTopicArn")
                .description("SNS topic every alarm of the service notifies")
                .value(web.release.topic.topic.getTopicArn())
                .build();
    }

    /** The release settings as the construct's props (alarm and dashboard names start with the stack name). */
    public static ReleaseProps releaseProps(Deployment deployment) {
        ReleaseConfig r = deployment.release();
        return ReleaseProps.builder()
                .strategy(r.strategy())
                .canaryPercent(r.canaryPercent())
                .linearStepPercent(r.linearStepPercent())
                .stepBakeMinutes(r.stepBakeMinutes())
                .bakeMinutes(r.bakeMinutes())
                .rollback(r.rollback())
                .errorRatePercent(r.errorRatePercent())
                .minRequests(r.minRequests())
                .latencyP99Millis(r.latencyP99Millis())
                .evaluationPeriods(r.evaluationPeriods())
                .datapointsToAlarm(r.datapoints())
                .cpuPercent(r.cpuPercent())
                .memoryPercent(r.memoryPercent())
                .alarmEmail(r.alarmEmail())
                .containerInsights(deployment.service().containerInsights())
                .build();
    }

    /** The image asset's build settings: {@code image.*} plus PORT from {@code service.containerPort}. */
    public static AssetImageProps imageProps(Deployment deployment) {
        var config = deployment.service();
        var image = deployment.image();
        Map<String, String> buildArgs = new LinkedHashMap<>(image.buildArgs());
        buildArgs.put(ContainerImageSpec.PORT_BUILD_ARG, String.valueOf(config.containerPort()));
        // The build platform always equals the task's runtime platform: an arm64 image on x86 Fargate (or the
        // reverse) fails with "exec format error".
        AssetImageProps.Builder props = AssetImageProps.builder()
                .platform(config.arm64() ? Platform.LINUX_ARM64 : Platform.LINUX_AMD64)
                .buildArgs(buildArgs);
        // Only a non-default Dockerfile is named: naming the default would change the asset hash (and the image tag).
        if (!image.defaultDockerfile()) {
            props.file(image.dockerfile());
        }
        return props.build();
    }
}
