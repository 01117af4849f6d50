package com.example.helloecs.service.release;

import java.util.Objects;

import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroupProps;

/**
 * Props of {@link TrafficShift}.
 *
 * @param listener           the listener users reach (HTTPS when there is one); required
 * @param primaryTargetGroup the target group the service registers with first ("blue"); required
 * @param targetGroupProps   the primary's settings, used for the alternate so both check health alike; required
 * @param rulePriority       priority of the production listener rule. Default: {@link #DEFAULT_RULE_PRIORITY}
 */
public record TrafficShiftProps(ApplicationListener listener, ApplicationTargetGroup primaryTargetGroup,
                                ApplicationTargetGroupProps targetGroupProps, Integer rulePriority) {
    /** The only rule on the listener: any priority works; 1 makes it obvious. */
    public static final int DEFAULT_RULE_PRIORITY = 1;

    public TrafficShiftProps {
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(primaryTargetGroup, "primaryTargetGroup");
        Objects.requireNonNull(targetGroupProps, "targetGroupProps");
        rulePriority = rulePriority == null ? DEFAULT_RULE_PRIORITY : rulePriority;
    }

    public TrafficShiftProps(ApplicationListener listener, ApplicationTargetGroup primaryTargetGroup,
                             ApplicationTargetGroupProps targetGroupProps) {
        this(listener, primaryTargetGroup, targetGroupProps, null);
    }
}
