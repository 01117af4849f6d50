package com.example.helloecs.config;

import static com.example.helloecs.config.Settings.*;

import java.math.BigDecimal;

import com.example.helloecs.service.release.ReleaseStrategy;

/**
 * Settings of releases: the deployment strategy, the deployment alarms and the health alarms. Defaults:
 * {@link Settings} (from {@link com.example.helloecs.service.release.ReleaseProps}'s constants). Ranges from the ECS
 * API reference (DeploymentConfiguration.bakeTimeInMinutes, CanaryConfiguration, LinearConfiguration) and the
 * CloudFormation limit of 33 hours for a canary or linear deployment (AWS::ECS::Service CanaryConfiguration,
 * LinearConfiguration).
 */
public record ReleaseConfig(ReleaseStrategy strategy, double canaryPercent, double linearStepPercent,
                            int stepBakeMinutes, int bakeMinutes, boolean rollback, double errorRatePercent,
                            int minRequests, int latencyP99Millis, int evaluationPeriods, int datapoints,
                            int cpuPercent, int memoryPercent, String alarmEmail) {
    /** CloudFormation rejects a canary or linear deployment whose computed time exceeds 33 hours. */
    public static final int CLOUDFORMATION_LIMIT_MINUTES = 33 * 60;

    /**
     * Linear steps with a bake time after them: CloudFormation's count (100 / step - 1 when the step divides 100,
     * else floor(100 / step)); the bake is not applied after the final shift.
     */
    public static int linearBakedSteps(double stepPercent) {
        BigDecimal hundred = BigDecimal.valueOf(100);
        BigDecimal step = BigDecimal.valueOf(stepPercent);
        BigDecimal[] division = hundred.divideAndRemainder(step);
        int whole = division[0].intValue();
        return division[1].signum() == 0 ? whole - 1 : whole;
    }

    static ReleaseConfig read(Values v) {
        Problems p = v.problems();
        String strategyKey = v.string(DEPLOYMENT_STRATEGY);
        ReleaseStrategy strategy = Checks.oneOf(p, DEPLOYMENT_STRATEGY.key(), strategyKey, ReleaseStrategy.keys())
                ? ReleaseStrategy.fromKey(strategyKey) : ReleaseStrategy.ROLLING;
        boolean strategyOk = ReleaseStrategy.keys().contains(strategyKey);

        Double canary = v.decimal(CANARY_PERCENT);
        tenths(p, CANARY_PERCENT, canary, 0.1, 100);
        Double linear = v.decimal(LINEAR_STEP_PERCENT);
        tenths(p, LINEAR_STEP_PERCENT, linear, 3, 100);
        Integer stepBake = v.integer(STEP_BAKE_MINUTES);
        Checks.range(p, STEP_BAKE_MINUTES.key(), stepBake, 0, 1440);
        Integer bake = v.integer(BAKE_MINUTES);
        Checks.range(p, BAKE_MINUTES.key(), bake, 0, 1440);
        if (strategyOk) {
            onlyWith(v, CANARY_PERCENT, strategy == ReleaseStrategy.CANARY, "canary", strategyKey);
            onlyWith(v, LINEAR_STEP_PERCENT, strategy == ReleaseStrategy.LINEAR, "linear", strategyKey);
            onlyWith(v, STEP_BAKE_MINUTES, strategy == ReleaseStrategy.CANARY || strategy == ReleaseStrategy.LINEAR,
                    "canary or linear", strategyKey);
            onlyWith(v, BAKE_MINUTES, strategy.shiftsTraffic(), "canary, linear or blue-green", strategyKey);
            if (strategy.shiftsTraffic() && v.isSet(REQUESTS_PER_TARGET)) {
                Integer requests = v.integer(REQUESTS_PER_TARGET);
                if (requests != null && requests != 0) {
                    p.add(REQUESTS_PER_TARGET.key(), requests, "0 with service.deploymentStrategy " + strategyKey
                            + ": request-count scaling watches one target group, which loses its traffic on every "
                            + "release (service.cpuTargetPercent still scales)");
                }
            }
        }
        if (stepBake != null && bake != null) {
            int minutes = strategy == ReleaseStrategy.CANARY ? bake + stepBake
                    : strategy == ReleaseStrategy.LINEAR && linear != null && linear >= 3
                    ? bake + stepBake * linearBakedSteps(linear) : 0;
            if (minutes > CLOUDFORMATION_LIMIT_MINUTES) {
                p.add(BAKE_MINUTES.key(), bake, "with service.stepBakeMinutes " + stepBake + ", a deployment of at "
                        + "most 33 hours (" + CLOUDFORMATION_LIMIT_MINUTES + " minutes; this one bakes " + minutes
                        + "): CloudFormation rejects longer canary and linear deployments");
            }
        }

        String action = v.string(DEPLOYMENT_ALARM_ACTION);
        Checks.oneOf(p, DEPLOYMENT_ALARM_ACTION.key(), action, java.util.List.of("rollback", "fail"));
        Double errorRate = v.decimal(ALARM_ERROR_RATE_PERCENT);
        if (errorRate == null || errorRate < 0.1 || errorRate > 50) {
            p.add(ALARM_ERROR_RATE_PERCENT.key(), errorRate, "a number from 0.1 to 50");
        }
        Integer minRequests = v.integer(ALARM_MIN_REQUESTS);
        Checks.range(p, ALARM_MIN_REQUESTS.key(), minRequests, 1, 100_000);
        Integer latency = v.integer(ALARM_LATENCY_P99_MILLIS);
        Checks.range(p, ALARM_LATENCY_P99_MILLIS.key(), latency, 10, 60_000);
        Integer periods = v.integer(ALARM_EVALUATION_PERIODS);
        Integer datapoints = v.integer(ALARM_DATAPOINTS);
        if (Checks.range(p, ALARM_EVALUATION_PERIODS.key(), periods, 1, 10)
                & Checks.range(p, ALARM_DATAPOINTS.key(), datapoints, 1, 10) && datapoints > periods) {
            p.add(ALARM_DATAPOINTS.key(), datapoints, "at most service.alarmEvaluationPeriods (" + periods + ")");
        }
        Integer cpu = v.integer(ALARM_CPU_PERCENT);
        Checks.range(p, ALARM_CPU_PERCENT.key(), cpu, 1, 100);
        Integer memory = v.integer(ALARM_MEMORY_PERCENT);
        Checks.range(p, ALARM_MEMORY_PERCENT.key(), memory, 1, 100);
        String email = v.string(ALARM_EMAIL);
        if (email != null) {
            Checks.email(p, ALARM_EMAIL.key(), email);
        }
        int evaluation = periods == null ? 1 : periods;
        return new ReleaseConfig(strategy, orDefault(canary, CANARY_PERCENT), orDefault(linear, LINEAR_STEP_PERCENT),
                orZero(stepBake), orZero(bake), !"fail".equals(action), orDefault(errorRate, ALARM_ERROR_RATE_PERCENT),
                orZero(minRequests), orZero(latency), evaluation,
                datapoints == null ? 1 : Math.min(datapoints, evaluation), orZero(cpu), orZero(memory), email);
    }

    /** A number in [min, max] that is a whole number of tenths (ECS's "multiples of 0.1"). */
    private static void tenths(Problems p, Setting s, Double value, double min, double max) {
        if (value == null || value < min || value > max
                || BigDecimal.valueOf(value).multiply(BigDecimal.TEN).stripTrailingZeros().scale() > 0) {
            p.add(s.key(), value, "a multiple of 0.1 from " + min + " to " + max);
        }
    }

    private static void onlyWith(Values v, Setting s, boolean allowed, String strategies, String strategy) {
        if (v.isSet(s) && !allowed) {
            v.problems().add(s.key(), rawText(v, s),
                    "unset with service.deploymentStrategy " + strategy + " (it applies to " + strategies + " only)");
        }
    }

    private static Object rawText(Values v, Setting s) {
        return s.type() == SettingType.NUMBER ? v.decimal(s) : v.integer(s);
    }

    private static double orDefault(Double value, Setting s) {
        return value == null ? (Double) s.defaultValue() : value;
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
