package com.example.helloecs.service.release;

import java.util.Arrays;
import java.util.List;

import software.amazon.awscdk.services.ecs.DeploymentStrategy;

/**
 * How ECS replaces the running tasks with a new revision (ECS-native strategies, deployment controller {@code ECS}):
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-blue-green.html
 */
public enum ReleaseStrategy {
    /** Tasks replaced in place, bounded by minimum/maximum healthy percent; one target group. */
    ROLLING("rolling", DeploymentStrategy.ROLLING),
    /** A full green revision starts beside blue; a share of traffic first, the rest after a bake time. */
    CANARY("canary", DeploymentStrategy.CANARY),
    /** A full green revision; traffic moved in equal steps with a bake time after each. */
    LINEAR("linear", DeploymentStrategy.LINEAR),
    /** A full green revision; all traffic moved at once, blue kept for the bake time. */
    BLUE_GREEN("blue-green", DeploymentStrategy.BLUE_GREEN);

    private final String key;
    private final DeploymentStrategy ecs;

    ReleaseStrategy(String key, DeploymentStrategy ecs) {
        this.key = key;
        this.ecs = ecs;
    }

    /** The setting's spelling ({@code service.deploymentStrategy}). */
    public String key() {
        return key;
    }

    public DeploymentStrategy ecs() {
        return ecs;
    }

    /** Every strategy but rolling moves traffic between two target groups on a listener rule. */
    public boolean shiftsTraffic() {
        return this != ROLLING;
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(ReleaseStrategy::key).toList();
    }

    public static ReleaseStrategy fromKey(String key) {
        for (ReleaseStrategy s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown deployment strategy " + key + "; one of " + keys());
    }
}
