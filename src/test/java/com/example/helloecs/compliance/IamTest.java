package com.example.helloecs.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.example.helloecs.config.Json;
import com.example.helloecs.stage.DeploymentStacks;
import com.example.helloecs.support.TestApps;
import com.fasterxml.jackson.databind.JsonNode;

import software.amazon.awscdk.assertions.Template;

/** Least privilege across the app's own stacks, with every optional feature on. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IamTest {
    /** Actions that have no resource-level permission in IAM, so {@code "Resource": "*"} is the narrowest form. */
    private static final Set<String> NO_RESOURCE_TYPE = Set.of(
            "ecr:GetAuthorizationToken",
            "ecr:CreateRepositoryCreationTemplate", "ecr:UpdateRepositoryCreationTemplate",
            "ecr:DeleteRepositoryCreationTemplate", "ecr:DescribeRepositoryCreationTemplates",
            "ecr:PutRegistryScanningConfiguration");

    /** Inline and customer managed policies (the roles' grants are written as managed policies). */
    private static final Set<String> POLICY_TYPES = Set.of("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy");

    private JsonNode registry;
    private JsonNode service;

    @BeforeAll
    void synthesize() {
        DeploymentStacks stage = TestApps.stacks(Configurations.FULL);
        registry = Json.MAPPER.valueToTree(Template.fromStack(stage.registry).toJSON());
        service = Json.MAPPER.valueToTree(Template.fromStack(stage.service).toJSON());
    }

    @Test
    void noStatementGrantsAWildcardActionAndResourceStarOnlyWhereIamHasNoResourceType() {
        List<String> offending = new ArrayList<>();
        for (JsonNode template : List.of(registry, service)) {
            template.path("Resources").fields().forEachRemaining(r -> {
                if (!POLICY_TYPES.contains(r.getValue().path("Type").asText())) {
                    return;
                }
                for (JsonNode statement : r.getValue().at("/Properties/PolicyDocument/Statement")) {
                    List<String> actions = texts(statement.path("Action"));
                    actions.stream().filter(a -> a.equals("*") || a.endsWith(":*"))
                            .forEach(a -> offending.add(r.getKey() + " grants " + a));
                    if (texts(statement.path("Resource")).contains("*")) {
                        actions.stream().filter(a -> !NO_RESOURCE_TYPE.contains(a))
                                .forEach(a -> offending.add(r.getKey() + " grants " + a + " on *"));
                    }
                }
            });
        }
        assertThat(offending).isEmpty();
    }

    @Test
    void taskRoleIsSeparateFromTheExecutionRoleAndHoldsNothing() {
        JsonNode taskDefinition = only(service, "AWS::ECS::TaskDefinition");
        String taskRole = taskDefinition.at("/Properties/TaskRoleArn/Fn::GetAtt/0").asText();
        String executionRole = taskDefinition.at("/Properties/ExecutionRoleArn/Fn::GetAtt/0").asText();
        assertThat(taskRole).isNotEmpty().isNotEqualTo(executionRole);
        JsonNode role = service.at("/Resources/" + taskRole);
        assertThat(role.at("/Properties/Policies").isMissingNode()).isTrue();
        assertThat(role.at("/Properties/ManagedPolicyArns").isMissingNode()).isTrue();
        List<String> attached = new ArrayList<>();
        service.path("Resources").fields().forEachRemaining(r -> {
            if (POLICY_TYPES.contains(r.getValue().path("Type").asText())
                    && r.getValue().at("/Properties/Roles").toString().contains("\"" + taskRole + "\"")) {
                attached.add(r.getKey());
            }
        });
        assertThat(attached).as("policies attached to the task role").isEmpty();
    }

    @Test
    void executionRoleMayPullOnlyFromThePrivateRepositoryAndWriteOnlyItsLogGroup() {
        JsonNode taskDefinition = only(service, "AWS::ECS::TaskDefinition");
        String executionRole = taskDefinition.at("/Properties/ExecutionRoleArn/Fn::GetAtt/0").asText();
        String logGroup = taskDefinition.at("/Properties/ContainerDefinitions/0/LogConfiguration/Options/awslogs-group/Ref")
                .asText();
        List<JsonNode> statements = new ArrayList<>();
        service.path("Resources").fields().forEachRemaining(r -> {
            if (POLICY_TYPES.contains(r.getValue().path("Type").asText())
                    && r.getValue().at("/Properties/Roles").toString().contains("\"" + executionRole + "\"")) {
                r.getValue().at("/Properties/PolicyDocument/Statement").forEach(statements::add);
            }
        });
        assertThat(statements).isNotEmpty().allSatisfy(statement -> {
            List<String> actions = texts(statement.path("Action"));
            String resource = statement.path("Resource").toString();
            if (actions.stream().anyMatch(a -> a.startsWith("logs:"))) {
                assertThat(resource).isEqualTo("{\"Fn::GetAtt\":[\"" + logGroup + "\",\"Arn\"]}");
            } else if (actions.equals(List.of("ecr:GetAuthorizationToken"))) {
                assertThat(resource).isEqualTo("\"*\"");
            } else {
                assertThat(actions).allMatch(a -> a.startsWith("ecr:"));
                assertThat(resource).contains(":repository/hello-ecs");
            }
        });
    }

    private static JsonNode only(JsonNode template, String type) {
        List<JsonNode> found = new ArrayList<>();
        template.path("Resources").forEach(r -> {
            if (type.equals(r.path("Type").asText())) {
                found.add(r);
            }
        });
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else if (!node.isMissingNode()) {
            out.add(node.asText());
        }
        return out;
    }
}
