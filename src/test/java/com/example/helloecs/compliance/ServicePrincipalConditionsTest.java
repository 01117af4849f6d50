package com.example.helloecs.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.example.helloecs.config.Json;
import com.example.helloecs.support.PipelineFixtures;
import com.example.helloecs.support.TestApps;
import com.fasterxml.jackson.core.type.TypeReference;

import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;

/**
 * Confused-deputy protection: every statement that lets an AWS service principal assume a role or use a resource
 * carries the source condition AWS documents for that service (aws:SourceAccount, aws:SourceArn, or the service's
 * own context key), across every template of every synthesized configuration. Where AWS documents none, the
 * service is in {@link ServicePrincipalConditions#WITHOUT_SOURCE_CONDITION} with the reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServicePrincipalConditionsTest {
    private final Map<String, List<Map<String, Object>>> templates = new LinkedHashMap<>();

    private static Map<String, Object> pipeline(boolean crossAccount, boolean hardened) {
        Map<String, Object> context = new HashMap<>(PipelineFixtures.pipelineContext());
        context.put("pipeline.scanGate", "HIGH");
        if (!crossAccount) {
            context.put("pipeline.account", PipelineFixtures.DEV_ACCOUNT);
        }
        if (hardened) {
            context.put("profile", "hardened");
            context.put("environments", hardenedEnvironments());
            context.put("service.certificateArn", "arn:aws:acm:eu-west-1:111111111111:certificate/00000000-0000-0000-0000-000000000000");
        }
        return context;
    }

    /** The fixture's environments, each with a certificate in its own account and region (hardened serves HTTPS). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> hardenedEnvironments() {
        Map<String, Object> out = new LinkedHashMap<>();
        PipelineFixtures.environments().forEach((name, value) -> {
            Map<String, Object> env = new LinkedHashMap<>((Map<String, Object>) value);
            Map<String, Object> settings = new LinkedHashMap<>((Map<String, Object>) env.get("settings"));
            settings.put("service.certificateArn", "arn:aws:acm:" + env.get("region") + ":" + env.get("account")
                    + ":certificate/00000000-0000-0000-0000-000000000000");
            env.put("settings", settings);
            out.put(name, env);
        });
        return out;
    }

    @BeforeAll
    void synthesize() {
        Map<String, Map<String, Object>> configurations = new LinkedHashMap<>();
        configurations.put("default", Map.of());
        configurations.put("full", Configurations.FULL);
        configurations.put("hardened", HardenedComplianceTest.HARDENED);
        configurations.put("hardened-full", HardenedComplianceTest.HARDENED_FULL);
        configurations.put("pipeline-cross-account", pipeline(true, false));
        configurations.put("pipeline-same-account", pipeline(false, false));
        configurations.put("pipeline-hardened", pipeline(true, true));
        configurations.forEach((name, context) -> templates.put(name, templates(TestApps.app(context).synth())));
    }

    private static List<Map<String, Object>> templates(CloudAssembly assembly) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (CloudFormationStackArtifact stack : assembly.getStacksRecursively()) {
            try {
                out.add(Json.MAPPER.readValue(Files.readString(Path.of(stack.getTemplateFullPath())),
                        new TypeReference<Map<String, Object>>() { }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    @Test
    void everyServicePrincipalStatementHasTheDocumentedSourceCondition() {
        List<String> missing = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        templates.forEach((configuration, list) -> {
            for (Map<String, Object> template : list) {
                for (ServicePrincipalConditions.Grant grant : ServicePrincipalConditions.grants(template)) {
                    seen.add(grant.service());
                    String problem = ServicePrincipalConditions.problem(grant);
                    if (problem != null) {
                        missing.add(configuration + ": " + grant.where() + " (" + grant.service() + "): " + problem);
                    }
                }
            }
        });
        assertThat(missing).isEmpty();
        // The walk finds the principals it is meant to check (a walk that found nothing would pass vacuously).
        assertThat(seen).contains("vpc-flow-logs.amazonaws.com", "events.amazonaws.com", "ecs-tasks.amazonaws.com",
                "codebuild.amazonaws.com", "codepipeline.amazonaws.com");
    }

    @Test
    void aBareServiceGrantIsReportedAndAConditionedOneIsNot() {
        Map<String, Object> bare = Map.of("Resources", Map.of("Topic", Map.of("Type", "AWS::SNS::TopicPolicy",
                "Properties", Map.of("PolicyDocument", Map.of("Statement", List.of(Map.of("Effect", "Allow",
                        "Principal", Map.of("Service", "events.amazonaws.com"), "Action", "sns:Publish")))))));
        Map<String, Object> conditioned = Map.of("Resources", Map.of("Role", Map.of("Type", "AWS::IAM::Role",
                "Properties", Map.of("AssumeRolePolicyDocument", Map.of("Statement", List.of(Map.of(
                        "Effect", "Allow", "Principal", Map.of("Service", List.of("vpc-flow-logs.amazonaws.com")),
                        "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", "1")))))))));

        assertThat(ServicePrincipalConditions.grants(bare)).singleElement()
                .satisfies(g -> assertThat(ServicePrincipalConditions.problem(g)).contains("no source condition"));
        assertThat(ServicePrincipalConditions.grants(conditioned)).singleElement()
                .satisfies(g -> assertThat(ServicePrincipalConditions.problem(g)).isNull());
    }
}
