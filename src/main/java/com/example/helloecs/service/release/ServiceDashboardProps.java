package com.example.helloecs.service.release;

import java.util.List;
import java.util.Objects;

import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;

/**
 * Props of {@link ServiceDashboard}.
 *
 * @param dashboardName     the dashboard's name (letters, digits, - and _); required
 * @param loadBalancer      source of the request, status-code and latency graphs; required
 * @param targetGroups      source of the healthy/unhealthy target graphs (one or two); required
 * @param service           source of the CPU and memory graphs; required
 * @param clusterName       Container Insights dimension of the task-count graph; required
 * @param containerInsights draw running vs desired tasks (needs Container Insights). Default: {@code true}
 * @param alarms            shown in an alarm-status widget. Default: none
 */
public record ServiceDashboardProps(String dashboardName, ApplicationLoadBalancer loadBalancer,
                                    List<ApplicationTargetGroup> targetGroups, FargateService service,
                                    String clusterName, boolean containerInsights, List<Alarm> alarms) {
    public ServiceDashboardProps {
        Objects.requireNonNull(dashboardName, "dashboardName");
        Objects.requireNonNull(loadBalancer, "loadBalancer");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(clusterName, "clusterName");
        targetGroups = List.copyOf(targetGroups);
        alarms = alarms == null ? List.of() : List.copyOf(alarms);
    }
}
