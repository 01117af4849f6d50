package com.example.helloecs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Reading and validating the registry settings from plain maps (no App, no synthesis). */
class RegistryConfigTest {

    private static RegistryConfig read(Map<String, ?> context) {
        return ConfigReader.read(context).deployment().registry();
    }

    private static Map<String, Object> with(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void defaults() {
        RegistryConfig c = read(Map.of());
        assertThat(c.repositoryName()).isEqualTo("hello-ecs");
        assertThat(c.destroyOnRemoval()).isTrue();
        assertThat(c.immutableTags()).isTrue();
        assertThat(c.tagMutabilityExclusions()).isEmpty();
        assertThat(c.kmsEncryption()).isFalse();
        assertThat(c.kmsKeyArn()).isNull();
        assertThat(c.scanOnPush()).isTrue();
        assertThat(c.lifecycleRules()).hasSize(2);
        assertThat(c.pullPrincipals()).isEmpty();
        assertThat(c.pushPrincipals()).isEmpty();
        assertThat(c.replicates()).isFalse();
        assertThat(c.replicationPrefix()).isEqualTo("hello-ecs");
        assertThat(c.registryScanning()).isEqualTo("off");
        assertThat(c.registryScanFrequency()).isEqualTo("SCAN_ON_PUSH");
        assertThat(c.registryScanFilters()).containsExactly("hello-ecs");
        assertThat(c.scanAlertEmail()).isNull();
    }

    @Test
    void readsEverySetting() {
        RegistryConfig c = read(with(
                "region", "eu-west-1",
                "registry.repositoryName", "team/web-app",
                "registry.removalPolicy", "retain",
                "registry.tagMutability", "MUTABLE",
                "registry.tagMutabilityExclusions", "latest,dev-*",
                "registry.encryption", "KMS",
                "registry.kmsKeyArn", "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                "registry.scanOnPush", "false",
                "registry.pullPrincipals", List.of("210987654321", "arn:aws:iam::210987654321:role/deployer"),
                "registry.pushPrincipals", List.of("arn:aws:iam::123456789012:role/ci"),
                "registry.replicationRegions", "us-east-1,eu-central-1",
                "registry.replicationPrefix", "team/",
                "registry.registryScanning", "ENHANCED",
                "registry.registryScanFrequency", "CONTINUOUS_SCAN",
                "registry.registryScanFilters", List.of("team/*"),
                "registry.scanAlertEmail", "ops@example.com"));
        assertThat(c.repositoryName()).isEqualTo("team/web-app");
        assertThat(c.destroyOnRemoval()).isFalse();
        assertThat(c.immutableTags()).isFalse();
        assertThat(c.tagMutabilityExclusions()).containsExactly("latest", "dev-*");
        assertThat(c.kmsEncryption()).isTrue();
        assertThat(c.kmsKeyArn()).endsWith("key/1234abcd-12ab-34cd-56ef-1234567890ab");
        assertThat(c.scanOnPush()).isFalse();
        assertThat(c.pullPrincipals()).hasSize(2);
        assertThat(c.pushPrincipals()).containsExactly("arn:aws:iam::123456789012:role/ci");
        assertThat(c.replicationRegions()).containsExactly("us-east-1", "eu-central-1");
        assertThat(c.replicationPrefix()).isEqualTo("team/");
        assertThat(c.registryScanning()).isEqualTo("ENHANCED");
        assertThat(c.registryScanFrequency()).isEqualTo("CONTINUOUS_SCAN");
        assertThat(c.registryScanFilters()).containsExactly("team/*");
        assertThat(c.scanAlertEmail()).isEqualTo("ops@example.com");
    }

    // --- repository name -------------------------------------------------------------------------------------

    @Test
    void rejectsRepositoryNameWithUppercase() {
        assertThatThrownBy(() -> read(with("registry.repositoryName", "Hello")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("registry.repositoryName: got \"Hello\"")
                .hasMessageContaining("2-256 characters");
    }

    @Test
    void rejectsRepositoryNameTooShort() {
        assertThatThrownBy(() -> read(with("registry.repositoryName", "a")))
                .hasMessageContaining("registry.repositoryName: got \"a\"");
    }

    @Test
    void rejectsRepositoryNameTooLong() {
        String name = "a".repeat(257);
        assertThatThrownBy(() -> read(with("registry.repositoryName", name)))
                .hasMessageContaining("registry.repositoryName: got \"" + name + "\"");
    }

    @Test
    void acceptsRepositoryNameOfExactly256Characters() {
        String name = "a".repeat(256);
        RegistryConfig c = read(with("registry.repositoryName", name));
        assertThat(c.repositoryName()).isEqualTo(name);
        // ECR's scanning filters are at most 255 characters: the default filter becomes a wildcard prefix.
        assertThat(c.registryScanFilters()).containsExactly("a".repeat(254) + "*");
    }

    @Test
    void rejectsRepositoryNamesBreakingEcrsPattern() {
        for (String bad : List.of("-app", "app-", "team//app", "app/", "a..b", "app name")) {
            assertThatThrownBy(() -> read(with("registry.repositoryName", bad)))
                    .as(bad)
                    .hasMessageContaining("registry.repositoryName: got \"" + bad + "\"");
        }
    }

    // --- principals ------------------------------------------------------------------------------------------

    @Test
    void rejectsWildcardPrincipal() {
        assertThatThrownBy(() -> read(with("registry.pullPrincipals", List.of("*"))))
                .hasMessageContaining("registry.pullPrincipals[0]: got \"*\"")
                .hasMessageContaining("wildcards are not allowed");
    }

    @Test
    void rejectsMalformedPrincipals() {
        assertThatThrownBy(() -> read(with(
                "registry.pullPrincipals", List.of("12345"),
                "registry.pushPrincipals", List.of("arn:aws:iam::123456789012:role/*", "arn:aws:s3:::bucket"))))
                .hasMessageContaining("registry.pullPrincipals[0]: got \"12345\"")
                .hasMessageContaining("registry.pushPrincipals[0]: got \"arn:aws:iam::123456789012:role/*\"")
                .hasMessageContaining("registry.pushPrincipals[1]: got \"arn:aws:s3:::bucket\"")
                .hasMessageContaining("a 12-digit account ID or an IAM ARN");
    }

    @Test
    void rejectsDuplicatePrincipals() {
        assertThatThrownBy(() -> read(with("registry.pullPrincipals", List.of("210987654321", "210987654321"))))
                .hasMessageContaining("registry.pullPrincipals: got [210987654321, 210987654321]")
                .hasMessageContaining("appears more than once");
    }

    // --- encryption ------------------------------------------------------------------------------------------

    @Test
    void rejectsUnknownEncryption() {
        assertThatThrownBy(() -> read(with("registry.encryption", "SSE")))
                .hasMessageContaining("registry.encryption: got \"SSE\"; expected one of AES256, KMS");
    }

    @Test
    void rejectsMalformedKeyArn() {
        assertThatThrownBy(() -> read(with("registry.encryption", "KMS",
                "registry.kmsKeyArn", "arn:aws:kms:eu-west-1:123456789012:alias/my-key")))
                .hasMessageContaining("registry.kmsKeyArn: got \"arn:aws:kms:eu-west-1:123456789012:alias/my-key\"")
                .hasMessageContaining("a KMS key ARN");
    }

    @Test
    void rejectsKeyArnWithoutKmsEncryption() {
        assertThatThrownBy(() -> read(with(
                "registry.kmsKeyArn", "arn:aws:kms:eu-west-1:123456789012:key/abcd")))
                .hasMessageContaining("registry.kmsKeyArn")
                .hasMessageContaining("no key unless registry.encryption is KMS");
    }

    @Test
    void rejectsKeyFromAnotherRegion() {
        assertThatThrownBy(() -> read(with("region", "eu-west-1", "registry.encryption", "KMS",
                "registry.kmsKeyArn", "arn:aws:kms:us-east-1:123456789012:key/abcd")))
                .hasMessageContaining("registry.kmsKeyArn: got \"arn:aws:kms:us-east-1:123456789012:key/abcd\"")
                .hasMessageContaining("a key in the repository's region eu-west-1");
    }

    // --- tag mutability --------------------------------------------------------------------------------------

    @Test
    void rejectsBadMutabilityAndExclusions() {
        assertThatThrownBy(() -> read(with("registry.tagMutability", "immutable",
                "registry.tagMutabilityExclusions", List.of("a", "b", "c", "d", "e", "f"))))
                .hasMessageContaining("registry.tagMutability: got \"immutable\"; expected one of IMMUTABLE, MUTABLE")
                .hasMessageContaining("registry.tagMutabilityExclusions: got [a, b, c, d, e, f]; expected 0 to 5");
    }

    @Test
    void rejectsExclusionFilterWithBadCharacters() {
        assertThatThrownBy(() -> read(with("registry.tagMutabilityExclusions", List.of("release/1"))))
                .hasMessageContaining("registry.tagMutabilityExclusions[0]: got \"release/1\"");
    }

    // --- replication -----------------------------------------------------------------------------------------

    @Test
    void rejectsUnknownRegion() {
        assertThatThrownBy(() -> read(with("registry.replicationRegions", List.of("eu-west-9"))))
                .hasMessageContaining("registry.replicationRegions[0]: got \"eu-west-9\"")
                .hasMessageContaining("a known AWS region code");
    }

    @Test
    void rejectsSourceRegionAsDestination() {
        assertThatThrownBy(() -> read(with("region", "eu-west-1",
                "registry.replicationRegions", List.of("us-east-1", "eu-west-1"))))
                .hasMessageContaining("registry.replicationRegions[1]: got \"eu-west-1\"")
                .hasMessageContaining("a region other than the source region eu-west-1");
    }

    @Test
    void rejectsSourceRegionWhenTheSourceAccountIsADestination() {
        assertThatThrownBy(() -> read(with("account", "123456789012", "region", "eu-west-1",
                "registry.replicationRegions", List.of("eu-west-1"),
                "registry.replicationAccounts", List.of("123456789012", "210987654321"))))
                .hasMessageContaining("registry.replicationRegions[0]: got \"eu-west-1\"");
    }

    @Test
    void allowsSourceRegionInAnotherAccount() {
        RegistryConfig c = read(with("account", "123456789012", "region", "eu-west-1",
                "registry.replicationRegions", List.of("eu-west-1"),
                "registry.replicationAccounts", List.of("210987654321")));
        assertThat(c.replicationRegions()).containsExactly("eu-west-1");
    }

    @Test
    void rejectsDuplicateDestination() {
        assertThatThrownBy(() -> read(with("registry.replicationRegions", List.of("us-east-1", "us-east-1"))))
                .hasMessageContaining("registry.replicationRegions: got [us-east-1, us-east-1]")
                .hasMessageContaining("\"us-east-1\" appears more than once");
    }

    @Test
    void rejectsMoreDestinationsThanEcrAllows() {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            accounts.add("21098765432" + i);
        }
        assertThatThrownBy(() -> read(with("registry.replicationRegions", List.of("us-east-1", "us-west-2", "eu-central-1"),
                "registry.replicationAccounts", accounts)))
                .hasMessageContaining("registry.replicationRegions: got \"3 regions x 9 accounts = 27 destinations\"")
                .hasMessageContaining("at most 25 replication destinations");
    }

    @Test
    void rejectsMalformedDestinationAccount() {
        assertThatThrownBy(() -> read(with("registry.replicationRegions", List.of("us-east-1"),
                "registry.replicationAccounts", List.of("1234"))))
                .hasMessageContaining("registry.replicationAccounts[0]: got \"1234\"; expected a 12-digit AWS account ID");
    }

    @Test
    void rejectsAccountsWithoutRegions() {
        assertThatThrownBy(() -> read(with("registry.replicationAccounts", List.of("210987654321"))))
                .hasMessageContaining("registry.replicationAccounts")
                .hasMessageContaining("no accounts unless registry.replicationRegions lists regions");
    }

    @Test
    void rejectsPrefixThatDoesNotCoverTheRepository() {
        assertThatThrownBy(() -> read(with("registry.replicationRegions", List.of("us-east-1"),
                "registry.replicationPrefix", "other")))
                .hasMessageContaining("registry.replicationPrefix: got \"other\"")
                .hasMessageContaining("a prefix of registry.repositoryName \"hello-ecs\"");
    }

    // --- scanning --------------------------------------------------------------------------------------------

    @Test
    void rejectsContinuousScanWithBasicScanning() {
        assertThatThrownBy(() -> read(with("registry.registryScanning", "BASIC",
                "registry.registryScanFrequency", "CONTINUOUS_SCAN")))
                .hasMessageContaining("registry.registryScanFrequency: got \"CONTINUOUS_SCAN\"")
                .hasMessageContaining("CONTINUOUS_SCAN needs ENHANCED");
    }

    @Test
    void rejectsBadScanningSettings() {
        assertThatThrownBy(() -> read(with("registry.registryScanning", "FULL",
                "registry.registryScanFilters", List.of(),
                "registry.scanAlertEmail", "ops-at-example.com")))
                .hasMessageContaining("registry.registryScanning: got \"FULL\"; expected one of off, BASIC, ENHANCED")
                .hasMessageContaining("registry.registryScanFilters: got []; expected 1 to 5 filters")
                .hasMessageContaining("registry.scanAlertEmail: got \"ops-at-example.com\"");
    }

    @Test
    void rejectsScanFilterWithUppercase() {
        assertThatThrownBy(() -> read(with("registry.registryScanFilters", List.of("Team/*"))))
                .hasMessageContaining("registry.registryScanFilters[0]: got \"Team/*\"")
                .hasMessageContaining("lowercase letters");
    }

    // --- all together ----------------------------------------------------------------------------------------

    @Test
    void reportsEveryProblemTogether() {
        assertThatThrownBy(() -> read(with(
                "registry.repositoryName", "Bad Name",
                "registry.pullPrincipals", List.of("*"),
                "registry.replicationRegions", List.of("mars-1"),
                "registry.lifecycleRules", List.of(Map.of("rulePriority", 0)))))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(Problem::key)
                        .contains("registry.repositoryName", "registry.pullPrincipals[0]",
                                "registry.replicationRegions[0]", "registry.lifecycleRules[0].rulePriority"))
                .hasMessageContaining("nothing was synthesized");
    }

    @Test
    void environmentOverridesAreReportedUnderTheirOwnKey() {
        assertThatThrownBy(() -> read(with("env", "prod", "environments", Map.of("prod", Map.of(
                "region", "eu-west-1", "settings", Map.of("registry.replicationRegions", List.of("eu-west-1")))))))
                .hasMessageContaining("environments.prod.settings.registry.replicationRegions[0]: got \"eu-west-1\"");
    }
}
