package com.example.helloecs.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.example.helloecs.registry.RegistryReplicationProps.Destination;
import com.example.helloecs.registry.lifecycle.LifecyclePolicy;
import com.example.helloecs.stage.DeploymentStacks;
import com.example.helloecs.support.TestApps;

import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;

/**
 * Replication: the registry-wide configuration, and one stack per destination that creates the replica repository
 * natively (no custom resource, no Lambda function). Constructs first, built from their props in bare stacks; then
 * the stacks the app builds from configuration.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryReplicationTest {
    private static final Map<String, String> ACCOUNT = Map.of("Ref", "AWS::AccountId");

    private Template configuration;
    private Template kmsReplica;
    private Template plainReplica;
    private Template permission;

    private CloudAssembly app;
    private DeploymentStacks sameAccount;
    private CloudAssembly otherAccountApp;
    private DeploymentStacks otherAccount;

    @BeforeAll
    void synth() {
        App bare = new App();
        Stack config = new Stack(bare, "Config");
        new RegistryReplication(config, "Replication", new RegistryReplicationProps(List.of(
                new Destination("us-east-1", null), new Destination("eu-central-1", "210987654321")), "team/web"));
        Stack kms = new Stack(bare, "Kms");
        new ReplicaRepository(kms, "Replica", ReplicaRepositoryProps.builder()
                .repositoryName("team/web")
                .kmsEncryption(true)
                .tagMutabilityExclusions(List.of("latest"))
                .lifecyclePolicyText("{\"rules\":[]}")
                .pullPrincipals(List.of("210987654321"))
                .pushPrincipals(List.of("arn:aws:iam::123456789012:role/ci"))
                .build());
        Stack plain = new Stack(bare, "Plain");
        new ReplicaRepository(plain, "Replica", ReplicaRepositoryProps.builder()
                .repositoryName("web").immutableTags(false).destroyOnRemoval(false).build());
        Stack perm = new Stack(bare, "Permission");
        new ReplicationPermission(perm, "Permission", new ReplicationPermissionProps("123456789012", "team/web"));
        configuration = Template.fromStack(config);
        kmsReplica = Template.fromStack(kms);
        plainReplica = Template.fromStack(plain);
        permission = Template.fromStack(perm);

        sameAccount = TestApps.stacks(Map.of("account", "123456789012", "region", "eu-west-1",
                "registry.replicationRegions", List.of("us-east-1", "eu-central-1"),
                "registry.encryption", "KMS", "registry.tagMutabilityExclusions", List.of("latest")));
        app = TestApps.appOf(sameAccount).synth();
        otherAccount = TestApps.stacks(Map.of("account", "123456789012", "region", "eu-west-1",
                "registry.replicationRegions", List.of("eu-west-1"),
                "registry.replicationAccounts", List.of("210987654321"),
                "registry.removalPolicy", "retain"));
        otherAccountApp = TestApps.appOf(otherAccount).synth();
    }

    // --- constructs from props ---------------------------------------------------------------------------------

    @Test
    void oneRuleToEveryDestinationFilteredByPrefix() {
        configuration.resourceCountIs("AWS::ECR::ReplicationConfiguration", 1);
        configuration.hasResourceProperties("AWS::ECR::ReplicationConfiguration", Map.of(
                "ReplicationConfiguration", Map.of("Rules", List.of(Map.of(
                        "Destinations", List.of(
                                Map.of("Region", "us-east-1", "RegistryId", ACCOUNT),
                                Map.of("Region", "eu-central-1", "RegistryId", "210987654321")),
                        "RepositoryFilters", List.of(Map.of("Filter", "team/web", "FilterType", "PREFIX_MATCH")))))));
    }

    @Test
    void replicationPropsNeedDestinationsAndPrefix() {
        assertThatThrownBy(() -> new RegistryReplicationProps(List.of(), "web"))
                .hasMessageContaining("required destinations");
        assertThatThrownBy(() -> ReplicaRepositoryProps.builder().build())
                .hasMessageContaining("required repositoryName");
    }

    @Test
    void aKmsReplicaHasTheSourceSettingsAndAKeyOfItsOwnRegion() {
        kmsReplica.resourceCountIs("AWS::KMS::Key", 1);
        kmsReplica.hasResourceProperties("AWS::KMS::Key", Map.of("EnableKeyRotation", true));
        kmsReplica.hasResource("AWS::ECR::Repository", Map.of(
                "DeletionPolicy", "Delete",
                "Properties", Match.objectLike(Map.of(
                        "RepositoryName", "team/web",
                        "EmptyOnDelete", true,
                        "ImageTagMutability", "IMMUTABLE_WITH_EXCLUSION",
                        "ImageTagMutabilityExclusionFilters", List.of(Map.of(
                                "ImageTagMutabilityExclusionFilterType", "WILDCARD",
                                "ImageTagMutabilityExclusionFilterValue", "latest")),
                        "ImageScanningConfiguration", Map.of("ScanOnPush", true),
                        "EncryptionConfiguration", Map.of("EncryptionType", "KMS",
                                "KmsKey", Match.objectLike(Map.of("Fn::GetAtt", Match.anyValue()))),
                        "LifecyclePolicy", Map.of("LifecyclePolicyText", "{\"rules\":[]}"),
                        "RepositoryPolicyText", Match.objectLike(Map.of("Statement", List.of(
                                Match.objectLike(Map.of("Sid", "PullPrincipals", "Action", RepositoryAccess.PULL)),
                                Match.objectLike(Map.of("Sid", "PushPrincipals", "Action",
                                        RepositoryAccess.PUSH)))))))));
    }

    @Test
    void aRetainedAes256ReplicaIsKeptOnDeleteAndHasNoPolicy() {
        plainReplica.resourceCountIs("AWS::KMS::Key", 0);
        plainReplica.hasResource("AWS::ECR::Repository", Map.of(
                "DeletionPolicy", "Retain",
                "Properties", Match.objectLike(Map.of(
                        "RepositoryName", "web",
                        "ImageTagMutability", "MUTABLE",
                        "EncryptionConfiguration", Match.absent(),   // ECR's default: AES256
                        "RepositoryPolicyText", Match.absent(),
                        "EmptyOnDelete", false))));
    }

    @Test
    void theDestinationRegistryLetsOnlyTheSourceAccountReplicateIntoTheReplica() {
        permission.hasResourceProperties("AWS::ECR::RegistryPolicy", Map.of("PolicyText", Map.of(
                "Version", "2012-10-17",
                "Statement", List.of(Map.of(
                        "Sid", "ReplicationFrom123456789012",
                        "Effect", "Allow",
                        "Principal", Map.of("AWS", Map.of("Fn::Join", List.of("", List.of("arn:",
                                Map.of("Ref", "AWS::Partition"), ":iam::123456789012:root")))),
                        "Action", List.of("ecr:ReplicateImage"),
                        "Resource", Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                                ":ecr:", Map.of("Ref", "AWS::Region"), ":", ACCOUNT, ":repository/team/web"))))))));
    }

    // --- the app's stacks --------------------------------------------------------------------------------------

    @Test
    void oneTopLevelStackPerDestinationRegionNamedAfterIt() {
        assertThat(sameAccount.replicas).extracting(Stack::getStackName)
                .containsExactly("hello-ecs-replica-us-east-1", "hello-ecs-replica-eu-central-1");
        assertThat(sameAccount.replicas).extracting(Stack::getRegion).containsExactly("us-east-1", "eu-central-1");
        assertThat(sameAccount.replicas).extracting(Stack::getAccount).containsOnly("123456789012");
        // Top level of the root assembly: `cdk deploy --all` and `cdk destroy --all` select them.
        assertThat(app.getStacks()).extracting(CloudFormationStackArtifact::getStackName)
                .contains("hello-ecs-replica-us-east-1", "hello-ecs-replica-eu-central-1");
    }

    @Test
    void theRegistryStackDependsOnEveryReplicaStack() {
        assertThat(sameAccount.registry.getDependencies()).containsAll(sameAccount.replicas);
        assertThat(app.getStackByName("hello-ecs-registry").getDependencies()).extracting(a -> a.getId())
                .contains(sameAccount.replicas.get(0).getArtifactId(), sameAccount.replicas.get(1).getArtifactId());
    }

    @Test
    void replicasGetTheSourceSettingsAndNoRegistryPolicyInTheSameAccount() {
        Template replica = Template.fromStack(sameAccount.replicas.get(0));
        replica.hasResourceProperties("AWS::ECR::Repository", Match.objectLike(Map.of(
                "RepositoryName", "hello-ecs",
                "ImageTagMutability", "IMMUTABLE_WITH_EXCLUSION",
                "EncryptionConfiguration", Match.objectLike(Map.of("EncryptionType", "KMS")),
                "LifecyclePolicy", Map.of("LifecyclePolicyText", LifecyclePolicy.toJson(
                        sameAccount.deployment.registry().lifecycleRules())))));
        replica.resourceCountIs("AWS::ECR::RegistryPolicy", 0);
    }

    @Test
    void anotherAccountsStackIsNamedWithItAndGrantsTheSourceAccount() {
        assertThat(otherAccount.replicas).extracting(Stack::getStackName)
                .containsExactly("hello-ecs-replica-eu-west-1-210987654321");
        assertThat(otherAccount.replicas.get(0).getAccount()).isEqualTo("210987654321");
        Template replica = Template.fromStack(otherAccount.replicas.get(0));
        replica.hasResourceProperties("AWS::ECR::RegistryPolicy", Match.objectLike(Map.of("PolicyText",
                Match.objectLike(Map.of("Statement", List.of(Match.objectLike(Map.of(
                        "Sid", "ReplicationFrom123456789012"))))))));
        replica.hasResource("AWS::ECR::Repository", Map.of("DeletionPolicy", "Retain"));
    }

    /** The VPC's default security group included: it is closed by a documented command, not a custom resource. */
    @Test
    void noCustomResourceAndNoLambdaFunctionInAnyStack() {
        for (CloudAssembly assembly : List.of(app, otherAccountApp)) {
            for (CloudFormationStackArtifact stack : assembly.getStacks()) {
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> resources = (Map<String, Map<String, Object>>)
                        ((Map<String, Object>) stack.getTemplate()).get("Resources");
                List<String> types = resources.values().stream().map(r -> (String) r.get("Type"))
                        .filter(t -> t.startsWith("Custom::") || t.equals("AWS::Lambda::Function")
                                || t.equals("AWS::CloudFormation::CustomResource"))
                        .collect(Collectors.toList());
                assertThat(types).as(stack.getStackName()).isEmpty();
            }
        }
    }
}
