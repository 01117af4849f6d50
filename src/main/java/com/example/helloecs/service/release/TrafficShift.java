package com.example.helloecs.service.release;

import java.util.List;

import com.example.helloecs.compliance.Acknowledge;
import com.example.helloecs.compliance.ManagedPolicies;

import software.amazon.awscdk.services.ecs.AlternateTarget;
import software.amazon.awscdk.services.ecs.AlternateTargetProps;
import software.amazon.awscdk.services.ecs.ListenerRuleConfiguration;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListenerRule;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCondition;
import software.amazon.awscdk.services.elasticloadbalancingv2.WeightedTargetGroup;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.constructs.Construct;

/**
 * What ECS needs to move traffic in a blue/green, canary or linear deployment on an Application Load Balancer
 * (ECS developer guide, "Application Load Balancer resources for blue/green, linear, and canary deployments"):
 * an alternate target group configured like the primary, a production listener rule that forwards to both
 * (weights 100/0; ECS changes the weights during a deployment), and the infrastructure role ECS assumes to do so.
 *
 * <p>The role is aws-cdk-lib's default ({@code AlternateTarget} creates one with the AWS managed policy
 * AmazonECSInfrastructureRolePolicyForLoadBalancers, which may modify every listener, rule and target group in the
 * account) narrowed to this service: the same actions as that policy's v6 document for an ALB, on this listener,
 * this rule and these two target groups only. The Describe actions support no resource-level permission.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/AmazonECSInfrastructureRolePolicyForLoadBalancers.html
 * https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonECSInfrastructureRolePolicyForLoadBalancers.html
 */
public class TrafficShift extends Construct {
    /** The path pattern of the production rule: every request. */
    public static final String ALL_PATHS = "/*";
    /** The only rule on the listener: any priority works; 1 makes it obvious. */
    public static final int RULE_PRIORITY = 1;

    public final ApplicationTargetGroup alternateTargetGroup;
    public final ApplicationListenerRule productionRule;
    /** The infrastructure role for load balancers. */
    public final Role role;
    /** The role's grants, as a customer managed policy; the service must wait for it. */
    public final ManagedPolicy rolePolicy;
    /** Handed to the service's load balancer target. */
    public final AlternateTarget alternateTarget;

    /** @param targets the listener, the primary ("blue") target group and its settings (the alternate's too) */
    public TrafficShift(Construct scope, String id, ReleaseTargets targets) {
        super(scope, id);
        this.alternateTargetGroup = new ApplicationTargetGroup(this, "AlternateTargetGroup",
                targets.targetGroupProps());
        this.productionRule = ApplicationListenerRule.Builder.create(this, "ProductionRule")
                .listener(targets.listener())
                .priority(RULE_PRIORITY)
                .conditions(List.of(ListenerCondition.pathPatterns(List.of(ALL_PATHS))))
                .action(ListenerAction.weightedForward(List.of(
                        WeightedTargetGroup.builder().targetGroup(targets.primaryTargetGroup()).weight(100).build(),
                        WeightedTargetGroup.builder().targetGroup(alternateTargetGroup).weight(0).build())))
                .build();

        this.role = Role.Builder.create(this, "InfrastructureRole")
                .assumedBy(new ServicePrincipal("ecs.amazonaws.com"))
                .description("Lets ECS move this service's traffic between its two target groups during a deployment")
                .build();
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("ReadLoadBalancerState")
                .actions(List.of("elasticloadbalancing:DescribeListeners", "elasticloadbalancing:DescribeRules",
                        "elasticloadbalancing:DescribeTargetGroups", "elasticloadbalancing:DescribeTargetHealth"))
                .resources(List.of("*"))
                .build());
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("RegisterTasksInTheTwoTargetGroups")
                .actions(List.of("elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets"))
                .resources(List.of(targets.primaryTargetGroup().getTargetGroupArn(),
                        alternateTargetGroup.getTargetGroupArn()))
                .build());
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("ShiftWeightsOnTheProductionRule")
                .actions(List.of("elasticloadbalancing:ModifyRule"))
                .resources(List.of(productionRule.getListenerRuleArn()))
                .build());
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("ModifyTheProductionListener")
                .actions(List.of("elasticloadbalancing:ModifyListener"))
                .resources(List.of(targets.listener().getListenerArn()))
                .build());
        this.rolePolicy = ManagedPolicies.replaceInlinePolicy(role, "ECS blue/green, canary and linear deployments: "
                + "target registration and rule weights of this service only");
        Acknowledge.rule(role, "AwsSolutions-IAM5[Resource::*]", "Elastic Load Balancing's Describe actions support "
                + "no resource-level permission; every action that changes anything is scoped to this service's "
                + "listener, production rule and two target groups.");

        this.alternateTarget = new AlternateTarget("AlternateTarget", AlternateTargetProps.builder()
                .alternateTargetGroup(alternateTargetGroup)
                .productionListener(ListenerRuleConfiguration.applicationListenerRule(productionRule))
                .role(role)
                .build());
    }
}
