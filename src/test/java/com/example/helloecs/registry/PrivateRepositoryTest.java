package com.example.helloecs.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.example.helloecs.registry.lifecycle.LifecyclePolicy;
import com.example.helloecs.support.RegistryStacks;

import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The repository: encryption, tag immutability, lifecycle policy text and the repository policy. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivateRepositoryTest {
    private static final String KEY_ARN = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final List<Object> RULES = List.of(
            Map.of("rulePriority", 5, "description", "any last",
                    "selection", Map.of("tagStatus", "any", "countType", "imageCountMoreThan", "countNumber", 500),
                    "action", Map.of("type", "expire")),
            Map.of("rulePriority", 1,
                    "selection", Map.of("tagStatus", "tagged", "tagPrefixList", List.of("release-", "v"),
                            "countType", "sinceImagePushed", "countUnit", "days", "countNumber", 90),
                    "action", Map.of("type", "expire")));

    private RegistryStacks stacks;
    private Template defaults;
    private Template newKey;
    private Template givenKey;

    @BeforeAll
    void synth() {
        stacks = new RegistryStacks()
                .add("Defaults", Map.of())
                .add("NewKey", Map.of("account", "123456789012", "region", "eu-west-1",
                        "registry.encryption", "KMS",
                        "registry.removalPolicy", "retain",
                        "registry.tagMutabilityExclusions", List.of("latest", "dev-*"),
                        "registry.lifecycleRules", RULES,
                        "registry.pullPrincipals", List.of("210987654321", "arn:aws:iam::210987654321:role/deployer"),
                        "registry.pushPrincipals", List.of("arn:aws:iam::123456789012:role/ci")))
                .add("GivenKey", Map.of("region", "eu-west-1",
                        "registry.encryption", "KMS", "registry.kmsKeyArn", KEY_ARN,
                        "registry.tagMutability", "MUTABLE", "registry.tagMutabilityExclusions", List.of("release-*"),
                        "registry.scanOnPush", false, "registry.lifecycleRules", List.of()))
                .synth();
        defaults = stacks.template("Defaults");
        newKey = stacks.template("NewKey");
        givenKey = stacks.template("GivenKey");
    }

    private static Map<String, Object> repositoryKey() {
        return Map.of("Description", Match.stringLikeRegexp("Encrypts images in ECR repository .*"));
    }

    // --- encryption ------------------------------------------------------------------------------------------

    @Test
    void defaultsToAes256WithoutAKey() {
        // The L2 leaves AES256 implicit: CloudFormation's default for an absent EncryptionConfiguration is AES256
        // (and adding it explicitly later would replace the repository, the property being create-only).
        defaults.hasResourceProperties("AWS::ECR::Repository", Map.of("EncryptionConfiguration", Match.absent()));
        assertThat(stacks.stack("Defaults").repository.encryptionKey).isNull();
        defaults.resourcePropertiesCountIs("AWS::KMS::Key", repositoryKey(), 0);
    }

    @Test
    void kmsWithANewRotatedKey() {
        newKey.hasResourceProperties("AWS::KMS::Key", Map.of(
                "Description", "Encrypts images in ECR repository hello-ecs", "EnableKeyRotation", true));
        String keyId = newKey.findResources("AWS::KMS::Key", Map.of("Properties", repositoryKey()))
                .keySet().iterator().next();
        newKey.hasResourceProperties("AWS::ECR::Repository", Map.of("EncryptionConfiguration", Map.of(
                "EncryptionType", "KMS", "KmsKey", Map.of("Fn::GetAtt", List.of(keyId, "Arn")))));
    }

    @Test
    void kmsWithAGivenKey() {
        givenKey.hasResourceProperties("AWS::ECR::Repository", Map.of("EncryptionConfiguration", Map.of(
                "EncryptionType", "KMS", "KmsKey", KEY_ARN)));
        givenKey.resourcePropertiesCountIs("AWS::KMS::Key", repositoryKey(), 0);
    }

    // --- removal, scanning, immutability ---------------------------------------------------------------------

    @Test
    void defaultsAreImmutableScannedAndDestroyedEmpty() {
        defaults.hasResource("AWS::ECR::Repository", Map.of(
                "DeletionPolicy", "Delete",
                "Properties", Map.of(
                        "RepositoryName", "hello-ecs",
                        "ImageTagMutability", "IMMUTABLE",
                        "ImageTagMutabilityExclusionFilters", Match.absent(),
                        "ImageScanningConfiguration", Map.of("ScanOnPush", true),
                        "EmptyOnDelete", true)));
    }

    @Test
    void retainKeepsRepositoryAndKey() {
        newKey.hasResource("AWS::ECR::Repository", Map.of("DeletionPolicy", "Retain",
                "Properties", Map.of("EmptyOnDelete", false)));
        newKey.hasResource("AWS::KMS::Key", Map.of("DeletionPolicy", "Retain",
                "Properties", Match.objectLike(repositoryKey())));
    }

    @Test
    void immutableWithExclusions() {
        newKey.hasResourceProperties("AWS::ECR::Repository", Map.of(
                "ImageTagMutability", "IMMUTABLE_WITH_EXCLUSION",
                "ImageTagMutabilityExclusionFilters", List.of(
                        Map.of("ImageTagMutabilityExclusionFilterType", "WILDCARD",
                                "ImageTagMutabilityExclusionFilterValue", "latest"),
                        Map.of("ImageTagMutabilityExclusionFilterType", "WILDCARD",
                                "ImageTagMutabilityExclusionFilterValue", "dev-*"))));
    }

    @Test
    void mutableWithExclusionsAndNoScanOnPush() {
        givenKey.hasResourceProperties("AWS::ECR::Repository", Map.of(
                "ImageTagMutability", "MUTABLE_WITH_EXCLUSION",
                "ImageTagMutabilityExclusionFilters", List.of(Map.of("ImageTagMutabilityExclusionFilterType",
                        "WILDCARD", "ImageTagMutabilityExclusionFilterValue", "release-*")),
                "ImageScanningConfiguration", Map.of("ScanOnPush", false)));
    }

    // --- lifecycle -------------------------------------------------------------------------------------------

    @Test
    void lifecyclePolicyTextIsTheSharedFunctionsOutputByteForByte() {
        String expected = LifecyclePolicy.toJson(stacks.deployment("NewKey").registry().lifecycleRules());
        assertThat(expected).startsWith("{\"rules\":[{\"rulePriority\":1,");
        newKey.hasResourceProperties("AWS::ECR::Repository", Map.of(
                "LifecyclePolicy", Map.of("LifecyclePolicyText", expected)));
        String defaultText = LifecyclePolicy.toJson(stacks.deployment("Defaults").registry().lifecycleRules());
        defaults.hasResourceProperties("AWS::ECR::Repository", Map.of(
                "LifecyclePolicy", Map.of("LifecyclePolicyText", defaultText)));
    }

    @Test
    void noLifecyclePolicyWithoutRules() {
        givenKey.hasResourceProperties("AWS::ECR::Repository", Map.of("LifecyclePolicy", Match.absent()));
    }

    // --- repository policy -----------------------------------------------------------------------------------

    private static Map<String, Object> policyWith(Map<String, Object> statement) {
        return Map.of("RepositoryPolicyText", Match.objectLike(Map.of(
                "Statement", Match.arrayWith(List.of(Match.objectLike(statement))))));
    }

    @Test
    void readOnlyPrincipalsGetPullOnlyIncludingCrossAccount() {
        newKey.hasResourceProperties("AWS::ECR::Repository", policyWith(Map.of(
                "Sid", "PullPrincipals",
                "Effect", "Allow",
                "Action", List.of("ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage",
                        "ecr:GetDownloadUrlForLayer"),
                "Principal", Map.of("AWS", List.of("arn:aws:iam::210987654321:role/deployer",
                        "arn:aws:iam::210987654321:root")),
                "Condition", Match.absent())));
    }

    @Test
    void readWritePrincipalsGetPullAndPush() {
        newKey.hasResourceProperties("AWS::ECR::Repository", policyWith(Map.of(
                "Sid", "PushPrincipals",
                "Effect", "Allow",
                "Action", List.of("ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:CompleteLayerUpload",
                        "ecr:GetDownloadUrlForLayer", "ecr:InitiateLayerUpload", "ecr:PutImage",
                        "ecr:UploadLayerPart"),
                "Principal", Map.of("AWS", "arn:aws:iam::123456789012:role/ci"))));
    }

    @Test
    void taskExecutionRolePullsByArnCondition() {
        newKey.hasResourceProperties("AWS::ECR::Repository", policyWith(Map.of(
                "Sid", "TaskExecutionRolePull",
                "Effect", "Allow",
                "Action", List.of("ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage",
                        "ecr:GetDownloadUrlForLayer"),
                "Principal", Map.of("AWS", "arn:aws:iam::123456789012:root"),
                "Condition", Map.of("ArnEquals", Map.of("aws:PrincipalArn", Map.of("Fn::Join", List.of("", List.of(
                        "arn:", Map.of("Ref", "AWS::Partition"), ":iam::", Map.of("Ref", "AWS::AccountId"),
                        ":role/hello-ecs-task-exec-", Map.of("Ref", "AWS::Region")))))))));
    }

    @Test
    void bootstrapImagePublishingRoleMayPush() {
        defaults.hasResourceProperties("AWS::ECR::Repository", policyWith(Map.of(
                "Sid", "AssetPublishing",
                "Action", Match.arrayWith(List.of("ecr:CompleteLayerUpload", "ecr:DescribeImages",
                        "ecr:DescribeRepositories", "ecr:PutImage")),
                "Principal", Map.of("AWS", Map.of("Fn::Join", List.of("", List.of(
                        "arn:", Map.of("Ref", "AWS::Partition"), ":iam::", Map.of("Ref", "AWS::AccountId"),
                        ":role/cdk-hnb659fds-image-publishing-role-", Map.of("Ref", "AWS::AccountId"), "-",
                        Map.of("Ref", "AWS::Region"))))))));
    }

    @Test
    void noPrincipalStatementsWithoutConfiguredPrincipals() {
        List<String> sids = statements(defaults).stream().map(s -> (String) s.get("Sid")).toList();
        assertThat(sids).containsExactly("AssetPublishing", "TaskExecutionRolePull");
    }

    @Test
    void noStatementEverHasAWildcardPrincipal() {
        for (Template t : List.of(defaults, newKey, givenKey)) {
            for (Map<String, Object> statement : statements(t)) {
                Object principal = statement.get("Principal");
                assertThat(principal).as("statement %s", statement.get("Sid")).isNotEqualTo("*");
                Map<?, ?> byType = (Map<?, ?>) principal;
                assertThat(byType.keySet().stream().map(String::valueOf).toList()).containsOnly("AWS");
                Object aws = byType.get("AWS");
                List<Object> values = aws instanceof List<?> l ? List.copyOf(l) : List.of(aws);
                assertThat(values).as("statement %s", statement.get("Sid")).doesNotContain("*");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(Template t) {
        Map<String, Map<String, Object>> repos = t.findResources("AWS::ECR::Repository");
        assertThat(repos).hasSize(1);
        Map<String, Object> props = (Map<String, Object>) repos.values().iterator().next().get("Properties");
        return (List<Map<String, Object>>) ((Map<String, Object>) props.get("RepositoryPolicyText")).get("Statement");
    }
}
