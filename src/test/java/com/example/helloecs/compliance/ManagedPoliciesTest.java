package com.example.helloecs.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;

/** A role's grants move from its inline default policy to a managed policy, including grants made afterwards. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagedPoliciesTest {
    private Template template;
    private ManagedPolicy converted;
    private ManagedPolicy none;

    @BeforeAll
    void synth() {
        Stack stack = new Stack(new App(), "Test");
        Role role = Role.Builder.create(stack, "Role").assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com")).build();
        role.addToPrincipalPolicy(statement("logs:PutLogEvents"));
        converted = ManagedPolicies.replaceInlinePolicy(role, "test");
        role.addToPrincipalPolicy(statement("logs:CreateLogStream"));
        Role empty = Role.Builder.create(stack, "Empty").assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com")).build();
        none = ManagedPolicies.replaceInlinePolicy(empty, "test");
        template = Template.fromStack(stack);
    }

    private static PolicyStatement statement(String action) {
        return PolicyStatement.Builder.create().actions(List.of(action))
                .resources(List.of("arn:aws:logs:eu-west-1:123456789012:log-group:x")).build();
    }

    @Test
    void everyGrantIsInTheManagedPolicyAndNoInlinePolicyIsLeft() {
        assertThat(converted).isNotNull();
        assertThat(none).isNull();
        template.resourceCountIs("AWS::IAM::Policy", 0);
        template.resourceCountIs("AWS::IAM::ManagedPolicy", 1);
        template.hasResourceProperties("AWS::IAM::ManagedPolicy", Match.objectLike(Map.of(
                "Roles", List.of(Map.of("Ref", Match.stringLikeRegexp("^Role"))),
                "PolicyDocument", Match.objectLike(Map.of("Statement", List.of(
                        Match.objectLike(Map.of("Action", "logs:PutLogEvents")),
                        Match.objectLike(Map.of("Action", "logs:CreateLogStream"))))))));
    }
}
