package com.example.helloecs.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.example.helloecs.config.Json;
import com.example.helloecs.registry.lifecycle.LifecyclePolicy;
import com.example.helloecs.support.RegistryStacks;
import com.fasterxml.jackson.core.type.TypeReference;

import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The registry-wide replication configuration, creation templates and replica cleanup per destination region. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryReplicationTest {
    private static final Map<String, String> ACCOUNT = Map.of("Ref", "AWS::AccountId");
    private static final Map<String, String> PARTITION = Map.of("Ref", "AWS::Partition");

    private RegistryStacks stacks;
    private Template replicated;
    private Template retained;
    private Template otherAccount;
    private Template notReplicated;

    @BeforeAll
    void synth() {
        stacks = new RegistryStacks()
                .add("Replicated", Map.of("account", "123456789012", "region", "eu-west-1",
                        "registry.repositoryName", "team/web",
                        "registry.replicationRegions", List.of("us-east-1", "eu-central-1"),
                        "registry.encryption", "KMS",
                        "registry.tagMutabilityExclusions", List.of("latest")))
                .add("Retained", Map.of("registry.removalPolicy", "retain",
                        "registry.replicationRegions", List.of("us-west-2")))
                .add("OtherAccount", Map.of("account", "123456789012", "region", "eu-west-1",
                        "registry.replicationRegions", List.of("us-east-1", "eu-west-1"),
                        "registry.replicationAccounts", List.of("210987654321", "310987654321"),
                        "registry.replicationPrefix", "hello"))
                .add("NotReplicated", Map.of())
                .synth();
        replicated = stacks.template("Replicated");
        retained = stacks.template("Retained");
        otherAccount = stacks.template("OtherAccount");
        notReplicated = stacks.template("NotReplicated");
    }

    // --- the replication configuration -----------------------------------------------------------------------

    @Test
    void oneRuleToEveryDestinationRegionFilteredByPrefix() {
        replicated.resourceCountIs("AWS::ECR::ReplicationConfiguration", 1);
        replicated.hasResourceProperties("AWS::ECR::ReplicationConfiguration", Map.of(
                "ReplicationConfiguration", Map.of("Rules", List.of(Map.of(
                        "Destinations", List.of(
                                Map.of("Region", "us-east-1", "RegistryId", ACCOUNT),
                                Map.of("Region", "eu-central-1", "RegistryId", ACCOUNT)),
                        "RepositoryFilters", List.of(Map.of("Filter", "team/web", "FilterType", "PREFIX_MATCH")))))));
    }

    @Test
    void destinationsAreRegionsTimesAccounts() {
        otherAccount.hasResourceProperties("AWS::ECR::ReplicationConfiguration", Map.of(
                "ReplicationConfiguration", Map.of("Rules", List.of(Map.of(
                        "Destinations", List.of(
                                Map.of("Region", "us-east-1", "RegistryId", "210987654321"),
                                Map.of("Region", "us-east-1", "RegistryId", "310987654321"),
                                Map.of("Region", "eu-west-1", "RegistryId", "210987654321"),
                                Map.of("Region", "eu-west-1", "RegistryId", "310987654321")),
                        "RepositoryFilters", List.of(Map.of("Filter", "hello", "FilterType", "PREFIX_MATCH")))))));
    }

    @Test
    void nothingRegistryWideWithoutDestinations() {
        notReplicated.resourceCountIs("AWS::ECR::ReplicationConfiguration", 0);
        notReplicated.resourceCountIs("Custom::EcrRepositoryCreationTemplate", 0);
        notReplicated.resourceCountIs("Custom::EcrReplicaCleanup", 0);
        notReplicated.resourceCountIs("AWS::Lambda::Function", 0);
    }

    // --- creation templates ----------------------------------------------------------------------------------

    @Test
    void aCreationTemplateForReplicationInEachDestinationRegion() {
        replicated.resourceCountIs("Custom::EcrRepositoryCreationTemplate", 2);
        for (String region : List.of("us-east-1", "eu-central-1")) {
            Map<String, Object> create = call(replicated, "Custom::EcrRepositoryCreationTemplate", region, "Create");
            assertThat(create).containsEntry("service", "ECR")
                    .containsEntry("action", "createRepositoryCreationTemplate")
                    .containsEntry("region", region)
                    .containsEntry("physicalResourceId", Map.of("id", "ecr-creation-template:" + region + ":team"));
            @SuppressWarnings("unchecked")
            Map<String, Object> parameters = (Map<String, Object>) create.get("parameters");
            assertThat(parameters)
                    .containsEntry("prefix", "team")
                    .containsEntry("appliedFor", List.of("REPLICATION"))
                    .containsEntry("encryptionConfiguration", Map.of("encryptionType", "KMS"))
                    .containsEntry("imageTagMutability", "IMMUTABLE_WITH_EXCLUSION")
                    .containsEntry("imageTagMutabilityExclusionFilters",
                            List.of(Map.of("filterType", "WILDCARD", "filter", "latest")))
                    .containsEntry("lifecyclePolicy",
                            LifecyclePolicy.toJson(stacks.deployment("Replicated").registry().lifecycleRules()));

            Map<String, Object> update = call(replicated, "Custom::EcrRepositoryCreationTemplate", region, "Update");
            assertThat(update).containsEntry("action", "updateRepositoryCreationTemplate")
                    .containsEntry("parameters", parameters).containsEntry("region", region);
            Map<String, Object> delete = call(replicated, "Custom::EcrRepositoryCreationTemplate", region, "Delete");
            assertThat(delete).containsEntry("action", "deleteRepositoryCreationTemplate")
                    .containsEntry("parameters", Map.of("prefix", "team")).containsEntry("region", region);
        }
    }

    @Test
    void aRepositoryWithoutNamespaceUsesTheRootTemplateWithAes256() {
        Map<String, Object> create = call(retained, "Custom::EcrRepositoryCreationTemplate", "us-west-2", "Create");
        assertThat(create.get("parameters")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("prefix", "ROOT")
                .containsEntry("encryptionConfiguration", Map.of("encryptionType", "AES256"))
                .containsEntry("imageTagMutability", "IMMUTABLE")
                .doesNotContainKey("imageTagMutabilityExclusionFilters");
    }

    @Test
    void templatePermissionsAreScopedToTheDestinationRegion() {
        replicated.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of(
                "Version", "2012-10-17",
                "Statement", List.of(
                        Map.of("Effect", "Allow",
                                "Action", List.of("ecr:CreateRepositoryCreationTemplate",
                                        "ecr:DeleteRepositoryCreationTemplate",
                                        "ecr:DescribeRepositoryCreationTemplates",
                                        "ecr:UpdateRepositoryCreationTemplate"),
                                "Resource", "*",
                                "Condition", Map.of("StringEquals", Map.of("aws:RequestedRegion", "eu-central-1"))),
                        Map.of("Effect", "Allow",
                                "Action", List.of("ecr:CreateRepository", "ecr:PutLifecyclePolicy"),
                                "Resource", Map.of("Fn::Join", List.of("", List.of("arn:", PARTITION,
                                        ":ecr:eu-central-1:", ACCOUNT, ":repository/team/web*")))),
                        Map.of("Effect", "Allow",
                                "Action", "iam:CreateServiceLinkedRole",
                                "Resource", Map.of("Fn::Join", List.of("", List.of("arn:", PARTITION, ":iam::",
                                        ACCOUNT, ":role/aws-service-role/ecr.amazonaws.com/AWSServiceRoleForECRTemplate"))),
                                "Condition", Map.of("StringEquals",
                                        Map.of("iam:AWSServiceName", "ecr.amazonaws.com")))))));
    }

    // --- replica cleanup -------------------------------------------------------------------------------------

    @Test
    void destroyDeletesTheReplicaInEachDestinationRegion() {
        replicated.resourceCountIs("Custom::EcrReplicaCleanup", 2);
        for (String region : List.of("us-east-1", "eu-central-1")) {
            Map<String, Object> delete = call(replicated, "Custom::EcrReplicaCleanup", region, "Delete");
            assertThat(delete).containsEntry("action", "deleteRepository")
                    .containsEntry("region", region)
                    .containsEntry("parameters", Map.of("repositoryName", "team/web", "force", true))
                    .containsEntry("ignoreErrorCodesMatching", "RepositoryNotFoundException");
            replicated.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of(
                    "Version", "2012-10-17",
                    "Statement", List.of(Map.of("Effect", "Allow", "Action", "ecr:DeleteRepository",
                            "Resource", Map.of("Fn::Join", List.of("", List.of("arn:", PARTITION,
                                    ":ecr:" + region + ":", ACCOUNT, ":repository/team/web"))))))));
        }
        replicated.hasResourceProperties("Custom::EcrReplicaCleanup", Map.of("Create", Match.absent(),
                "Update", Match.absent()));
    }

    @Test
    void theCleanupCallIsRenderedInAFixedOrderSoEverySynthWritesTheSameTemplate() {
        // Map.of's order changes with every JVM start; a reordered call string would be a change to CloudFormation.
        replicated.hasResourceProperties("Custom::EcrReplicaCleanup", Map.of("Delete", Match.stringLikeRegexp(
                ".*\"parameters\":\\{\"repositoryName\":\"team/web\",\"force\":true\\}.*")));
    }

    @Test
    void theConfigurationDependsOnTemplatesAndCleanups() {
        List<String> dependencies = List.copyOf(replicated.findResources("Custom::EcrRepositoryCreationTemplate")
                .keySet());
        List<String> cleanups = List.copyOf(replicated.findResources("Custom::EcrReplicaCleanup").keySet());
        replicated.hasResource("AWS::ECR::ReplicationConfiguration", Map.of(
                "DependsOn", Match.arrayWith(List.of(cleanups.get(0), cleanups.get(1), dependencies.get(0),
                        dependencies.get(1)).stream().sorted().map(Object.class::cast).toList())));
    }

    @Test
    void retainKeepsReplicasButStillTemplatesThem() {
        retained.resourceCountIs("Custom::EcrReplicaCleanup", 0);
        retained.resourceCountIs("Custom::EcrRepositoryCreationTemplate", 1);
    }

    @Test
    void destinationsInOtherAccountsAreNotManagedFromHere() {
        otherAccount.resourceCountIs("Custom::EcrRepositoryCreationTemplate", 0);
        otherAccount.resourceCountIs("Custom::EcrReplicaCleanup", 0);
    }

    /** The SDK call (Create, Update or Delete) of the custom resource of the given type targeting a region. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> call(Template t, String type, String region, String which) {
        List<Map<String, Object>> calls = t.findResources(type).values().stream()
                .map(r -> (Map<String, Object>) r.get("Properties"))
                .map(p -> parse((String) p.get(which)))
                .filter(c -> region.equals(c.get("region")))
                .toList();
        assertThat(calls).as("%s %s in %s", type, which, region).hasSize(1);
        return calls.get(0);
    }

    private static Map<String, Object> parse(String json) {
        try {
            return Json.MAPPER.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
