package com.example.helloecs.service.release;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroupProps;

/**
 * What {@link Release} works on: the service and its load balancer, built by the caller. All required.
 *
 * @param service            the Fargate service (built with {@link DeploymentStrategies#applyTo})
 * @param clusterName        its cluster's name
 * @param containerName      the container the load balancer sends requests to
 * @param containerPort      its port
 * @param loadBalancer       the load balancer
 * @param listener           the listener users reach (HTTPS when there is one)
 * @param primaryTargetGroup the service's target group, with no targets yet: {@link Release} registers the service
 * @param targetGroupProps   the settings the primary was built with (the alternate copies them)
 * @param containerInsights  the cluster publishes Container Insights (the running-vs-desired alarm and graph need its
 *                           task counts)
 */
public record ReleaseTargets(FargateService service, String clusterName, String containerName, int containerPort,
                             ApplicationLoadBalancer loadBalancer, ApplicationListener listener,
                             ApplicationTargetGroup primaryTargetGroup, ApplicationTargetGroupProps targetGroupProps,
                             boolean containerInsights) {
    public ReleaseTargets {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(containerName, "containerName");
        Objects.requireNonNull(loadBalancer, "loadBalancer");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(primaryTargetGroup, "primaryTargetGroup");
        Objects.requireNonNull(targetGroupProps, "targetGroupProps");
    }

    /** A Container Insights metric of the service (average per minute); {@code label} may be {@code null}. */
    public Metric insightsMetric(String name, String label) {
        return Metric.Builder.create()
                .namespace("ECS/ContainerInsights")
                .metricName(name)
                .dimensionsMap(new TreeMap<>(Map.of("ClusterName", clusterName, "ServiceName",
                        service.getServiceName())))
                .statistic("Average")
                .label(label)
                .period(ReleaseAlarms.PERIOD)
                .build();
    }
}
