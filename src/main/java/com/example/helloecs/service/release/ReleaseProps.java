package com.example.helloecs.service.release;

/**
 * Props of {@link Release}: how a new revision reaches users and what stops it. Every default is a named constant
 * here (the app's settings in {@code config/Settings} use the same constants).
 *
 * @param strategy          deployment strategy. Default: {@link #DEFAULT_STRATEGY} (rolling)
 * @param canaryPercent     share of traffic the canary gets first (ECS: 0.1-100, multiples of 0.1).
 *                          Default: {@link #DEFAULT_CANARY_PERCENT}, as in ECS Express Mode
 * @param linearStepPercent share of traffic moved per linear step (ECS: 3-100, multiples of 0.1).
 *                          Default: {@link #DEFAULT_LINEAR_STEP_PERCENT} (four steps)
 * @param stepBakeMinutes   wait after the canary step or each linear step (ECS: 0-1440).
 *                          Default: {@link #DEFAULT_STEP_BAKE_MINUTES}, as in ECS Express Mode
 * @param bakeMinutes       how long blue stays up after all traffic moved, ready for an instant rollback
 *                          (ECS bakeTimeInMinutes: 0-1440; not used by rolling). Default: {@link #DEFAULT_BAKE_MINUTES}
 * @param errorRatePercent  5xx share of requests (per target group, per minute) that fails a release.
 *                          Default: {@link #DEFAULT_ERROR_RATE_PERCENT}, as in ECS Express Mode's rollback alarm
 * @param minRequests       requests a target group needs in a minute before its error rate counts, so a near-idle
 *                          service cannot trip the alarm. Default: {@link #DEFAULT_MIN_REQUESTS}
 * @param latencyP99Millis  p99 target response time that fails a release. Default: {@link #DEFAULT_LATENCY_P99_MILLIS}
 * @param evaluationPeriods one-minute periods the deployment alarms look at. Default: {@link #DEFAULT_EVALUATION_PERIODS}
 * @param datapointsToAlarm breaching periods among them that raise the alarm. Default: {@link #DEFAULT_DATAPOINTS}
 * @param rollback          roll back on a deployment alarm (else only fail the deployment). Default: {@code true}
 * @param cpuPercent        average CPU that raises the CPU alarm. Default: {@link #DEFAULT_CPU_PERCENT}
 * @param memoryPercent     average memory that raises the memory alarm. Default: {@link #DEFAULT_MEMORY_PERCENT}
 * @param alarmEmail        address subscribed to the alarm topic. Default: {@code null} (no subscription)
 * @param namePrefix        prefix of alarm and dashboard names. Default: {@code null}, the stack name
 */
public record ReleaseProps(ReleaseStrategy strategy, double canaryPercent, double linearStepPercent,
                           int stepBakeMinutes, int bakeMinutes, double errorRatePercent, int minRequests,
                           int latencyP99Millis, int evaluationPeriods, int datapointsToAlarm, boolean rollback,
                           int cpuPercent, int memoryPercent, String alarmEmail, String namePrefix) {
    public static final ReleaseStrategy DEFAULT_STRATEGY = ReleaseStrategy.ROLLING;
    public static final double DEFAULT_CANARY_PERCENT = 5.0;
    public static final double DEFAULT_LINEAR_STEP_PERCENT = 25.0;
    public static final int DEFAULT_STEP_BAKE_MINUTES = 3;
    public static final int DEFAULT_BAKE_MINUTES = 3;
    public static final double DEFAULT_ERROR_RATE_PERCENT = 1.0;
    public static final int DEFAULT_MIN_REQUESTS = 20;
    public static final int DEFAULT_LATENCY_P99_MILLIS = 1000;
    public static final int DEFAULT_EVALUATION_PERIODS = 3;
    public static final int DEFAULT_DATAPOINTS = 2;
    public static final int DEFAULT_CPU_PERCENT = 80;
    public static final int DEFAULT_MEMORY_PERCENT = 80;

    /** Everything at its default. */
    public static final ReleaseProps DEFAULTS = builder().build();

    public ReleaseProps {
        strategy = strategy == null ? DEFAULT_STRATEGY : strategy;
        if (datapointsToAlarm > evaluationPeriods) {
            throw new IllegalArgumentException("datapointsToAlarm " + datapointsToAlarm
                    + " exceeds evaluationPeriods " + evaluationPeriods);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder with every default set. */
    public static final class Builder {
        private ReleaseStrategy strategy = DEFAULT_STRATEGY;
        private double canaryPercent = DEFAULT_CANARY_PERCENT;
        private double linearStepPercent = DEFAULT_LINEAR_STEP_PERCENT;
        private int stepBakeMinutes = DEFAULT_STEP_BAKE_MINUTES;
        private int bakeMinutes = DEFAULT_BAKE_MINUTES;
        private double errorRatePercent = DEFAULT_ERROR_RATE_PERCENT;
        private int minRequests = DEFAULT_MIN_REQUESTS;
        private int latencyP99Millis = DEFAULT_LATENCY_P99_MILLIS;
        private int evaluationPeriods = DEFAULT_EVALUATION_PERIODS;
        private int datapointsToAlarm = DEFAULT_DATAPOINTS;
        private boolean rollback = true;
        private int cpuPercent = DEFAULT_CPU_PERCENT;
        private int memoryPercent = DEFAULT_MEMORY_PERCENT;
        private String alarmEmail;
        private String namePrefix;

        public Builder strategy(ReleaseStrategy v) { this.strategy = v; return this; }
        public Builder canaryPercent(double v) { this.canaryPercent = v; return this; }
        public Builder linearStepPercent(double v) { this.linearStepPercent = v; return this; }
        public Builder stepBakeMinutes(int v) { this.stepBakeMinutes = v; return this; }
        public Builder bakeMinutes(int v) { this.bakeMinutes = v; return this; }
        public Builder errorRatePercent(double v) { this.errorRatePercent = v; return this; }
        public Builder minRequests(int v) { this.minRequests = v; return this; }
        public Builder latencyP99Millis(int v) { this.latencyP99Millis = v; return this; }
        public Builder evaluationPeriods(int v) { this.evaluationPeriods = v; return this; }
        public Builder datapointsToAlarm(int v) { this.datapointsToAlarm = v; return this; }
        public Builder rollback(boolean v) { this.rollback = v; return this; }
        public Builder cpuPercent(int v) { this.cpuPercent = v; return this; }
        public Builder memoryPercent(int v) { this.memoryPercent = v; return this; }
        public Builder alarmEmail(String v) { this.alarmEmail = v; return this; }
        public Builder namePrefix(String v) { this.namePrefix = v; return this; }

        public ReleaseProps build() {
            return new ReleaseProps(strategy, canaryPercent, linearStepPercent, stepBakeMinutes, bakeMinutes,
                    errorRatePercent, minRequests, latencyP99Millis, evaluationPeriods, datapointsToAlarm, rollback,
                    cpuPercent, memoryPercent, alarmEmail, namePrefix);
        }
    }
}
