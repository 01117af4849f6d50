package com.example.helloecs.registry;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** {@link PrivateRepository} built in a bare stack from its props alone (no cdk.json, no configuration reader). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivateRepositoryPropsTest {
    private Template defaults;
    private Template granted;

    @BeforeAll
    void synth() {
        App app = new App();
        Stack bare = new Stack(app, "Bare");
        new PrivateRepository(bare, "Repo", PrivateRepositoryProps.builder().repositoryName("web").build());
        Stack other = new Stack(app, "Granted");
        new PrivateRepository(other, "Repo", PrivateRepositoryProps.builder()
                .repositoryName("team/web")
                .destroyOnRemoval(true)
                .kmsEncryption(true)
                .pullPrincipals(List.of("210987654321"))
                .executionRoleName("web-exec")
                .build());
        defaults = Template.fromStack(bare);
        granted = Template.fromStack(other);
    }

    @Test
    void defaultsAreSecureAndRetained() {
        defaults.hasResource("AWS::ECR::Repository", Map.of(
                "DeletionPolicy", "Retain",
                "Properties", Match.objectLike(Map.of(
                        "RepositoryName", "web",
                        "ImageTagMutability", "IMMUTABLE",
                        "ImageScanningConfiguration", Map.of("ScanOnPush", true),
                        // Absent means ECR's default, AES256.
                        "EncryptionConfiguration", Match.absent(),
                        "RepositoryPolicyText", Match.absent(),
                        "LifecyclePolicy", Match.absent()))));
        defaults.resourceCountIs("AWS::KMS::Key", 0);
    }

    @Test
    void propsSetByNameReachTheTemplate() {
        granted.hasResource("AWS::ECR::Repository", Map.of(
                "DeletionPolicy", "Delete",
                "Properties", Match.objectLike(Map.of(
                        "RepositoryName", "team/web",
                        "EmptyOnDelete", true,
                        "EncryptionConfiguration", Match.objectLike(Map.of("EncryptionType", "KMS")),
                        "RepositoryPolicyText", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(
                                Match.objectLike(Map.of("Sid", "PullPrincipals")),
                                Match.objectLike(Map.of("Sid", "TaskExecutionRolePull"))))))))));
        granted.hasResourceProperties("AWS::KMS::Key", Match.objectLike(Map.of("EnableKeyRotation", true)));
    }

    @Test
    void aNameIsRequired() {
        assertThatThrownBy(() -> PrivateRepositoryProps.builder().build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("repositoryName");
    }
}
