package com.example.helloecs.service.release;

/**
 * How long a release takes from the settings, without the time Fargate needs to start a task (placement, network
 * interface, image pull: not set by the app). docs/service.md ("How long a release takes") shows the same arithmetic.
 * The rolling bake is ECS's own, computed from the deployment alarms (not settable; ECS developer guide, "How
 * CloudWatch alarms detect Amazon ECS deployment failures"); it is taken as the alarms' evaluation periods x 1 minute.
 */
public final class ReleaseTimes {
    private ReleaseTimes() {
    }

    /**
     * Seconds from the new tasks' start to the end of the release.
     *
     * @param healthCheckIntervalSeconds the target group's health-check interval
     * @param healthyThreshold           successful checks before a target is healthy
     * @param deregistrationDelaySeconds draining of the old tasks
     */
    public static long seconds(ReleaseProps release, int healthCheckIntervalSeconds, int healthyThreshold,
                               int deregistrationDelaySeconds) {
        long healthy = (long) healthCheckIntervalSeconds * healthyThreshold;
        long drain = deregistrationDelaySeconds;
        long bake = release.bakeMinutes() * 60L;
        long stepBake = release.stepBakeMinutes() * 60L;
        return switch (release.strategy()) {
            case ROLLING -> healthy + drain + release.evaluationPeriods() * ReleaseAlarms.PERIOD.toSeconds().longValue();
            case BLUE_GREEN -> healthy + bake + drain;
            case CANARY -> healthy + stepBake + bake + drain;
            case LINEAR -> healthy + stepBake * (linearShifts(release.linearStepPercent()) - 1) + bake + drain;
        };
    }

    /** Traffic shifts of a linear release: 100 / step, rounded up (the last one may be smaller). */
    public static int linearShifts(double stepPercent) {
        return (int) Math.ceil(Math.round(1000.0 / stepPercent * 100) / 1000.0);
    }
}
