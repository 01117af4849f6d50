package com.example.helloecs.service.release;

import java.util.List;
import java.util.Objects;

import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.sns.ITopic;

/**
 * Props of {@link ReleaseAlarms}.
 *
 * @param release      thresholds and periods (see {@link ReleaseProps}); required
 * @param service      the service whose CPU, memory and task counts are watched; required
 * @param clusterName  its cluster's name (Container Insights dimension); required
 * @param targetGroups the service's target groups: one (rolling) or two (blue/green, canary, linear); required
 * @param topic        notified on ALARM and on OK by every alarm; required
 * @param containerInsights whether the cluster publishes Container Insights task counts (else no running-vs-desired
 *                     alarm)
 * @param namePrefix   prefix of every alarm name (fixed names: the service's deployment configuration names its
 *                     alarms, and a name that referenced the alarm resource could make a dependency cycle); required
 */
public record ReleaseAlarmsProps(ReleaseProps release, FargateService service, String clusterName,
                                 List<ApplicationTargetGroup> targetGroups, ITopic topic, boolean containerInsights,
                                 String namePrefix) {
    public ReleaseAlarmsProps {
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(namePrefix, "namePrefix");
        targetGroups = List.copyOf(targetGroups);
        if (targetGroups.isEmpty() || targetGroups.size() > 2) {
            throw new IllegalArgumentException("one or two target groups, got " + targetGroups.size());
        }
    }
}
