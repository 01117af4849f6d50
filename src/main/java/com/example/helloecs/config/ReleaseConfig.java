package com.example.helloecs.config;

import static com.example.helloecs.config.Settings.*;

import java.math.BigDecimal;

import com.example.helloecs.service.release.ReleaseStrategy;

/**
 * The release settings' rules that span several keys (single values are checked by their entries in
 * {@link Settings}, group "Service: releases"): settings of one strategy refused with another, request-count
 * scaling refused with two target groups, deployment-alarm datapoints within the periods, and CloudFormation's
 * 33-hour limit for a canary or linear deployment (AWS::ECS::Service CanaryConfiguration and LinearConfiguration).
 */
public final class ReleaseConfig {
    /** CloudFormation rejects a canary or linear deployment whose computed time exceeds 33 hours. */
    public static final int CLOUDFORMATION_LIMIT_MINUTES = 33 * 60;

    private ReleaseConfig() {
    }

    /**
     * Linear steps followed by a bake time, counted as CloudFormation does: 100 / step - 1 when the step divides 100,
     * else floor(100 / step); the bake is not applied after the final shift.
     */
    public static int linearBakedSteps(double stepPercent) {
        BigDecimal[] division = BigDecimal.valueOf(100).divideAndRemainder(BigDecimal.valueOf(stepPercent));
        int whole = division[0].intValue();
        return division[1].signum() == 0 ? whole - 1 : whole;
    }

    static void read(Values v) {
        Problems p = v.problems();
        String key = v.get(DEPLOYMENT_STRATEGY);
        if (v.ok(DEPLOYMENT_STRATEGY)) {
            ReleaseStrategy strategy = ReleaseStrategy.fromKey(key);
            onlyWith(v, CANARY_PERCENT, strategy == ReleaseStrategy.CANARY, "canary", key);
            onlyWith(v, LINEAR_STEP_PERCENT, strategy == ReleaseStrategy.LINEAR, "linear", key);
            onlyWith(v, STEP_BAKE_MINUTES, strategy == ReleaseStrategy.CANARY || strategy == ReleaseStrategy.LINEAR,
                    "canary or linear", key);
            onlyWith(v, BAKE_MINUTES, strategy.shiftsTraffic(), "canary, linear or blue-green", key);
            Integer requests = v.get(REQUESTS_PER_TARGET);
            if (strategy.shiftsTraffic() && v.isSet(REQUESTS_PER_TARGET) && v.ok(REQUESTS_PER_TARGET) && requests != 0) {
                p.add(REQUESTS_PER_TARGET.key(), requests, "0 with service.deploymentStrategy " + key + ": request-count "
                        + "scaling watches one target group, which loses its traffic on every release "
                        + "(service.cpuTargetPercent still scales)");
            }
            if (v.ok(STEP_BAKE_MINUTES) && v.ok(BAKE_MINUTES) && v.ok(LINEAR_STEP_PERCENT)) {
                int bake = v.get(BAKE_MINUTES);
                int stepBake = v.get(STEP_BAKE_MINUTES);
                int minutes = strategy == ReleaseStrategy.CANARY ? bake + stepBake
                        : strategy == ReleaseStrategy.LINEAR ? bake + stepBake * linearBakedSteps(v.get(LINEAR_STEP_PERCENT))
                        : 0;
                if (minutes > CLOUDFORMATION_LIMIT_MINUTES) {
                    p.add(BAKE_MINUTES.key(), bake, "with service.stepBakeMinutes " + stepBake + ", a deployment of at "
                            + "most 33 hours (" + CLOUDFORMATION_LIMIT_MINUTES + " minutes; this one bakes " + minutes
                            + "): CloudFormation rejects longer canary and linear deployments");
                }
            }
        }
        int periods = v.get(ALARM_EVALUATION_PERIODS);
        int datapoints = v.get(ALARM_DATAPOINTS);
        if (v.ok(ALARM_EVALUATION_PERIODS) && v.ok(ALARM_DATAPOINTS) && datapoints > periods) {
            p.add(ALARM_DATAPOINTS.key(), datapoints, "at most service.alarmEvaluationPeriods (" + periods + ")");
        }
    }

    private static void onlyWith(Values v, Setting<?> s, boolean allowed, String strategies, String strategy) {
        if (v.isSet(s) && !allowed) {
            v.problems().add(s.key(), v.get(s), "unset with service.deploymentStrategy " + strategy
                    + " (it applies to " + strategies + " only)");
        }
    }
}
