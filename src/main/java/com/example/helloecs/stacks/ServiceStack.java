package com.example.helloecs.stacks;

import java.util.LinkedHashMap;
import java.util.Map;

import com.example.helloecs.config.Deployment;
import com.example.helloecs.service.ContainerImageSpec;
import com.example.helloecs.service.WebService;
import com.example.helloecs.service.WebServiceProps;

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

    public ServiceStack(Construct scope, String id, StackProps props, Deployment deployment, String executionRoleName) {
        super(scope, id, props);
        var config = deployment.service();
        ContainerImage image = ContainerImage.fromAsset(deployment.image().path().toString(), imageProps(deployment));
        this.web = new WebService(this, "Web", new WebServiceProps(config, image, executionRoleName,
                deployment.hardening()));
        this.loadBalancerDnsName = CfnOutput.Builder.create(this, "LoadBalancerDnsName")
                .description("DNS name of the Application Load Balancer")
                .value(web.loadBalancer.getLoadBalancerDnsName())
                .build();
        this.serviceUrl = CfnOutput.Builder.create(this, "ServiceUrl")
                .description("URL of the service")
                .value(web.listeners.url)
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
