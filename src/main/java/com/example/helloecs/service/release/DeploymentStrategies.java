package com.example.helloecs.service.release;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.TrafficShiftConfig;

/**
 * Puts a {@link ReleaseStrategy} on a Fargate service's builder: the ECS-native strategy (deployment controller
 * {@code ECS}), the bake time, and the canary or linear steps. aws-cdk-lib 2.271.0 checks the ranges again when the
 * service is built (BaseService.validateCanaryConfiguration / validateLinearConfiguration).
 * ECS API reference: DeploymentConfiguration.bakeTimeInMinutes, CanaryConfiguration, LinearConfiguration.
 */
public final class DeploymentStrategies {
    private DeploymentStrategies() {
    }

    public static FargateService.Builder applyTo(FargateService.Builder builder, ReleaseProps props) {
        ReleaseStrategy strategy = props.strategy();
        builder.deploymentStrategy(strategy.ecs());
        if (!strategy.shiftsTraffic()) {
            // Rolling: no bake time property; ECS bakes from the deployment alarms' periods instead.
            return builder;
        }
        builder.bakeTime(Duration.minutes(props.bakeMinutes()));
        if (strategy == ReleaseStrategy.CANARY) {
            builder.canaryConfiguration(TrafficShiftConfig.builder()
                    .stepPercent(props.canaryPercent())
                    .stepBakeTime(Duration.minutes(props.stepBakeMinutes()))
                    .build());
        } else if (strategy == ReleaseStrategy.LINEAR) {
            builder.linearConfiguration(TrafficShiftConfig.builder()
                    .stepPercent(props.linearStepPercent())
                    .stepBakeTime(Duration.minutes(props.stepBakeMinutes()))
                    .build());
        }
        return builder;
    }
}
