package com.example.helloecs.service.release;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.example.helloecs.compliance.Acknowledge;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.ecs.AlarmBehavior;
import software.amazon.awscdk.services.ecs.CfnService;
import software.amazon.awscdk.services.ecs.DeploymentAlarmOptions;
import software.amazon.awscdk.services.ecs.LoadBalancerTargetOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.constructs.Construct;
import software.constructs.IValidation;

/**
 * The release safety net of a load-balanced Fargate service: the deployment strategy's traffic-shifting resources
 * ({@link TrafficShift}, for all but rolling), the alarms ({@link ReleaseAlarms}) with their topic
 * ({@link AlarmTopic}), the deployment alarms on the service with rollback, and a dashboard
 * ({@link ServiceDashboard}).
 *
 * <p>aws-cdk-lib 2.271.0's {@code BaseService.enableDeploymentAlarms} drops the names of any second call
 * (it calls {@code alarmNames.concat(...)} and discards the result; aws/aws-cdk#36308, read in the 2.271.0
 * jsii bundle). So the names are given in exactly one call, and a validation fails the synthesis if the
 * service's {@code DeploymentConfiguration.Alarms} does not name every deployment alarm with rollback on.
 */
public class Release extends Construct {
    /** {@code null} for rolling. */
    public final TrafficShift trafficShift;
    /** The service's target groups: the primary, then the alternate when there is one. */
    public final List<ApplicationTargetGroup> targetGroups;
    public final AlarmTopic topic;
    public final ReleaseAlarms alarms;
    public final ServiceDashboard dashboard;
    /** Prefix of the alarm and dashboard names. */
    public final String namePrefix;

    public Release(Construct scope, String id, ReleaseProps props, ReleaseTargets targets) {
        super(scope, id);
        this.namePrefix = props.namePrefix() != null ? props.namePrefix() : Stack.of(this).getStackName();
        this.trafficShift = props.strategy().shiftsTraffic() ? new TrafficShift(this, "TrafficShift", targets) : null;
        targets.primaryTargetGroup().addTarget(targets.service().loadBalancerTarget(LoadBalancerTargetOptions.builder()
                .containerName(targets.containerName())
                .containerPort(targets.containerPort())
                .alternateTarget(trafficShift == null ? null : trafficShift.alternateTarget)
                .build()));
        List<ApplicationTargetGroup> groups = new ArrayList<>(List.of(targets.primaryTargetGroup()));
        if (trafficShift != null) {
            groups.add(trafficShift.alternateTargetGroup);
            // ECS checks the role when the service is created or updated: its permissions must exist by then.
            if (trafficShift.rolePolicy != null) {
                targets.service().getNode().addDependency(trafficShift.rolePolicy);
            }
        }
        this.targetGroups = List.copyOf(groups);

        this.topic = new AlarmTopic(this, "Topic", namePrefix, props.alarmEmail());
        this.alarms = new ReleaseAlarms(this, "Alarms", props, targets, targetGroups, topic.topic, namePrefix);
        List<String> names = alarms.deploymentAlarmNames();
        targets.service().enableDeploymentAlarms(names, DeploymentAlarmOptions.builder()
                .behavior(props.rollback() ? AlarmBehavior.ROLLBACK_ON_ALARM : AlarmBehavior.FAIL_ON_ALARM)
                .build());
        for (Alarm alarm : alarms.deploymentAlarms) {
            // The service names its alarms by fixed names, so CloudFormation sees no reference: make them exist first.
            targets.service().getNode().addDependency(alarm);
        }
        CfnService cfnService = (CfnService) targets.service().getNode().getDefaultChild();
        if (trafficShift != null) {
            Acknowledge.cfnLintRule(cfnService, "W3005", "aws-cdk-lib makes the service depend on whatever attaches "
                    + "its target group to the load balancer, here the production listener rule, which the service's "
                    + "AdvancedConfiguration also references; the extra DependsOn changes no order.");
        }
        getNode().addValidation(new IValidation() {
            @Override
            public List<String> validate() {
                return checkDeploymentAlarms(Stack.of(Release.this).resolve(cfnService.getDeploymentConfiguration()),
                        names, props.rollback());
            }
        });

        this.dashboard = new ServiceDashboard(this, "Dashboard", namePrefix, targets, targetGroups, alarms.all);
    }

    /**
     * Problems with a resolved {@code DeploymentConfiguration}: every expected alarm named, enabled, rollback as
     * wanted. Empty when all is well.
     */
    static List<String> checkDeploymentAlarms(Object resolvedConfiguration, List<String> expected, boolean rollback) {
        Map<?, ?> alarms = resolvedConfiguration instanceof Map<?, ?> dc ? (Map<?, ?>) field(dc, "alarms") : null;
        if (alarms == null) {
            return List.of("the service has no deployment alarms; expected " + expected);
        }
        List<String> problems = new ArrayList<>();
        Object named = field(alarms, "alarmNames");
        Collection<?> actual = named instanceof Collection<?> c ? c : List.of();
        for (String name : expected) {
            if (!actual.contains(name)) {
                problems.add("deployment alarm " + name + " is missing from the service's DeploymentConfiguration."
                        + "Alarms.AlarmNames " + actual + " (aws/aws-cdk#36308: enableDeploymentAlarms called twice?)");
            }
        }
        if (!Boolean.TRUE.equals(field(alarms, "enable"))) {
            problems.add("the service's deployment alarms are not enabled");
        }
        if (!Boolean.valueOf(rollback).equals(field(alarms, "rollback"))) {
            problems.add("the service's deployment alarms have Rollback " + field(alarms, "rollback")
                    + ", expected " + rollback);
        }
        return problems;
    }

    private static Object field(Map<?, ?> map, String camelCase) {
        Object v = map.get(camelCase);
        return v != null ? v : map.get(Character.toUpperCase(camelCase.charAt(0)) + camelCase.substring(1));
    }
}
