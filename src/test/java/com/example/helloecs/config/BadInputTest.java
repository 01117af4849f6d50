package com.example.helloecs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.example.helloecs.App;
import com.example.helloecs.support.TestApps;

import software.amazon.awscdk.AppProps;

/**
 * Table of invalid configurations across keys, types and ranges: each error names the key, the value received
 * and what is allowed.
 */
class BadInputTest {

    /** overrides, the key reported, the value as rendered, a fragment of what is allowed. */
    static Stream<Arguments> cases() {
        Map<String, Object> tagged = Map.of("rulePriority", 1, "selection", Map.of("tagStatus", "tagged",
                "countType", "imageCountMoreThan", "countNumber", 1), "action", Map.of("type", "expire"));
        return Stream.of(
                // unknown keys and wrong types
                bad(Map.of("service.cpuu", 256), "service.cpuu", "\"(a value)\"", "did you mean service.cpu?"),
                bad(Map.of("registy.repositoryName", "x"), "registy.repositoryName", "\"(a value)\"", "did you mean registry.repositoryName?"),
                bad(Map.of("nonsense", 1), "nonsense", "\"(a value)\"", "see the configuration reference in docs/configuration.md"),
                bad(Map.of("service.cpu", "lots"), "service.cpu", "\"lots\"", "an integer"),
                bad(Map.of("service.cpu", true), "service.cpu", "true", "an integer"),
                bad(Map.of("service.spot", "yes"), "service.spot", "\"yes\"", "true or false"),
                bad(Map.of("registry.scanOnPush", 1), "registry.scanOnPush", "1", "true or false"),
                bad(Map.of("registry.pullPrincipals", 5), "registry.pullPrincipals", "5", "a list of strings"),
                bad(Map.of("registry.lifecycleRules", "[not json"), "registry.lifecycleRules", "\"[not json\"", "valid JSON"),
                bad(Map.of("environments", "dev"), "environments", "\"dev\"", "valid JSON"),
                // empty strings
                bad(Map.of("app.name", ""), "app.name", "\"\"", "a non-empty string"),
                bad(Map.of("registry.repositoryName", " "), "registry.repositoryName", "\" \"", "a non-empty string"),
                bad(Map.of("service.healthCheckPath", ""), "service.healthCheckPath", "\"\"", "a non-empty string"),
                // app and environment
                bad(Map.of("app.name", "1app"), "app.name", "\"1app\"", "starting with a letter"),
                bad(Map.of("app.name", "a".repeat(25)), "app.name", "\"" + "a".repeat(25) + "\"", "1-24 letters"),
                bad(Map.of("account", "12345678901"), "account", "\"12345678901\"", "a 12-digit AWS account ID"),
                bad(Map.of("account", "abcdefghijkl"), "account", "\"abcdefghijkl\"", "a 12-digit AWS account ID"),
                bad(Map.of("region", "eu-middle-9"), "region", "\"eu-middle-9\"", "a known AWS region code"),
                bad(Map.of("env", "staging"), "env", "\"staging\"", "no environments are defined"),
                bad(Map.of("app.name", "a".repeat(24), "environments", Map.of("d".repeat(16),
                        Map.of("account", "111111111111", "region", "ap-southeast-1"))), "environments",
                        "\"" + "d".repeat(16) + "\"", "would be 66 characters, over IAM's 64"),
                // registry
                bad(Map.of("registry.repositoryName", "UPPER"), "registry.repositoryName", "\"UPPER\"", "ECR's pattern"),
                bad(Map.of("registry.repositoryName", "a"), "registry.repositoryName", "\"a\"", "2-256 characters"),
                bad(Map.of("registry.repositoryName", "x".repeat(257)), "registry.repositoryName", "\"" + "x".repeat(257) + "\"", "2-256 characters"),
                bad(Map.of("registry.repositoryName", "a//b"), "registry.repositoryName", "\"a//b\"", "ECR's pattern"),
                bad(Map.of("registry.removalPolicy", "snapshot"), "registry.removalPolicy", "\"snapshot\"", "one of destroy, retain"),
                bad(Map.of("registry.tagMutability", "immutable"), "registry.tagMutability", "\"immutable\"", "one of IMMUTABLE, MUTABLE"),
                bad(Map.of("registry.encryption", "DES"), "registry.encryption", "\"DES\"", "one of AES256, KMS"),
                bad(Map.of("registry.encryption", "KMS", "registry.kmsKeyArn", "arn:aws:kms:eu-west-1:123:key/x"),
                        "registry.kmsKeyArn", "\"arn:aws:kms:eu-west-1:123:key/x\"", "a KMS key ARN"),
                bad(Map.of("registry.pullPrincipals", List.of("*")), "registry.pullPrincipals[0]", "\"*\"", "wildcards are not allowed"),
                bad(Map.of("registry.pushPrincipals", List.of("arn:aws:iam::123456789012:group/devs")),
                        "registry.pushPrincipals[0]", "\"arn:aws:iam::123456789012:group/devs\"", "an IAM ARN"),
                bad(Map.of("registry.replicationRegions", List.of("mars-1")), "registry.replicationRegions[0]", "\"mars-1\"", "a known AWS region code"),
                bad(Map.of("registry.replicationRegions", List.of("eu-west-1"), "registry.replicationAccounts", List.of("210987654321")),
                        "registry.replicationAccounts", "[210987654321]", "an account set too"),
                bad(Map.of("registry.replicationRegions", List.of("eu-west-1"), "region", "eu-west-1"),
                        "registry.replicationRegions[0]", "\"eu-west-1\"", "a region other than the source region"),
                bad(Map.of("registry.replicationRegions", List.of("eu-west-1", "eu-west-1")), "registry.replicationRegions",
                        "[eu-west-1, eu-west-1]", "distinct values"),
                bad(Map.of("registry.replicationAccounts", List.of("42"), "registry.replicationRegions", List.of("eu-west-1")),
                        "registry.replicationAccounts[0]", "\"42\"", "a 12-digit AWS account ID"),
                bad(Map.of("registry.registryScanning", "deep"), "registry.registryScanning", "\"deep\"", "one of off, BASIC, ENHANCED"),
                bad(Map.of("registry.registryScanning", "BASIC", "registry.registryScanFrequency", "CONTINUOUS_SCAN"),
                        "registry.registryScanFrequency", "\"CONTINUOUS_SCAN\"", "CONTINUOUS_SCAN needs ENHANCED"),
                bad(Map.of("registry.scanAlertEmail", "ops-at-example"), "registry.scanAlertEmail", "\"ops-at-example\"", "an email address"),
                bad(Map.of("registry.lifecycleRules", List.of(tagged)), "registry.lifecycleRules[0].selection",
                        "\"tagPrefixList=[], tagPatternList=[]\"", "exactly one non-empty tagPrefixList or tagPatternList"),
                // service
                bad(Map.of("service.cpu", 300), "service.cpu", "300", "one of [256, 512, 1024"),
                bad(Map.of("service.cpu", 256, "service.memory", 4096), "service.memory", "4096", "with service.cpu 256, one of [512, 1024, 2048]"),
                bad(Map.of("service.platform", "linux/386"), "service.platform", "\"linux/386\"", "one of linux/amd64, linux/arm64"),
                bad(Map.of("service.containerPort", 80), "service.containerPort", "80", "an integer from 1024 to 65535"),
                bad(Map.of("service.containerPort", 70000), "service.containerPort", "70000", "an integer from 1024 to 65535"),
                bad(Map.of("service.minCapacity", 0), "service.minCapacity", "0", "an integer from 1 to 1000"),
                bad(Map.of("service.minCapacity", 3, "service.maxCapacity", 2), "service.maxCapacity", "2", "at least service.minCapacity (3)"),
                bad(Map.of("service.desiredCount", 9), "service.desiredCount", "9", "from service.minCapacity (2) to service.maxCapacity (4)"),
                bad(Map.of("service.cpuTargetPercent", 95), "service.cpuTargetPercent", "95", "0 (off) or an integer from 10 to 90"),
                bad(Map.of("service.requestsPerTarget", -1), "service.requestsPerTarget", "-1", "an integer from 0 to 100000"),
                bad(Map.of("service.healthCheckPath", "health"), "service.healthCheckPath", "\"health\"", "an absolute URL path"),
                bad(Map.of("service.healthCheckIntervalSeconds", 4), "service.healthCheckIntervalSeconds", "4", "an integer from 5 to 300"),
                bad(Map.of("service.healthCheckTimeoutSeconds", 5), "service.healthCheckTimeoutSeconds", "5", "less than service.healthCheckIntervalSeconds (5)"),
                bad(Map.of("service.healthyThreshold", 1), "service.healthyThreshold", "1", "an integer from 2 to 10"),
                bad(Map.of("service.unhealthyThreshold", 11), "service.unhealthyThreshold", "11", "an integer from 2 to 10"),
                bad(Map.of("service.deregistrationDelaySeconds", 31), "service.deregistrationDelaySeconds", "31", "an integer from 0 to 30"),
                bad(Map.of("service.minHealthyPercent", 101), "service.minHealthyPercent", "101", "an integer from 0 to 100"),
                bad(Map.of("service.maxHealthyPercent", 100), "service.maxHealthyPercent", "100", "above service.minHealthyPercent (100)"),
                bad(Map.of("service.logRetentionDays", 10), "service.logRetentionDays", "10", "one of [1, 3, 5, 7, 14, 30"),
                bad(Map.of("service.natGateways", 4), "service.natGateways", "4", "an integer from 0 to 3"),
                bad(Map.of("service.maxAzs", 1), "service.maxAzs", "1", "an integer from 2 to 3"),
                bad(Map.of("service.vpcCidr", "10.0.0.0/8"), "service.vpcCidr", "\"10.0.0.0/8\"", "a /16 to /24 prefix"),
                bad(Map.of("service.vpcCidr", "300.0.0.0/16"), "service.vpcCidr", "\"300.0.0.0/16\"", "an IPv4 CIDR"),
                bad(Map.of("service.certificateArn", "arn:aws:acm:eu-west-1:123456789012:cert/x"), "service.certificateArn",
                        "\"arn:aws:acm:eu-west-1:123456789012:cert/x\"", "an ACM certificate ARN"),
                bad(Map.of("service.domainName", "www.example.com"), "service.hostedZoneId", "<missing>", "needs service.hostedZoneId"),
                bad(Map.of("service.hostedZoneId", "zone1"), "service.hostedZoneId", "\"zone1\"", "a Route 53 hosted zone ID"),
                // pipeline
                bad(Map.of("pipeline.branch", "main"), "pipeline.branch", "\"main\"", "no value unless pipeline.repository is set"),
                bad(Map.of("pipeline.repository", "nobranch"), "pipeline.repository", "\"nobranch\"", "owner/name"));
    }

    private static Arguments bad(Map<String, ?> overrides, String key, String value, String allowed) {
        return Arguments.of(overrides, key, value, allowed);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("cases")
    void isRejectedNamingKeyValueAndWhatIsAllowed(Map<String, ?> overrides, String key, String value, String allowed) {
        assertThatThrownBy(() -> ConfigReader.read(overrides))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems())
                        .anySatisfy(p -> {
                            assertThat(p.key()).isEqualTo(key);
                            assertThat(p.value()).isEqualTo(value);
                            assertThat(p.expected()).contains(allowed);
                        }));
    }

    @Test
    void thereAreAtLeastFortyCases() {
        assertThat(cases().count()).isGreaterThanOrEqualTo(40);
    }

    @Test
    void severalProblemsAreReportedTogetherInOneError() {
        Map<String, Object> overrides = new LinkedHashMap<>();
        cases().limit(12).forEach(c -> overrides.putAll((Map<String, ?>) c.get()[0]));
        assertThatThrownBy(() -> ConfigReader.read(overrides))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).hasSizeGreaterThanOrEqualTo(10))
                .hasMessageContaining("nothing was synthesized");
    }

    @Test
    void noCloudAssemblyIsWrittenForBadInput(@TempDir Path outdir) throws Exception {
        software.amazon.awscdk.App app = new software.amazon.awscdk.App(AppProps.builder()
                .outdir(outdir.toString())
                .context(TestApps.context(Map.of("service.cpu", 300, "registry.repositoryName", "BAD")))
                .build());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = App.run(app, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("service.cpu: got 300")
                .contains("registry.repositoryName: got \"BAD\"");
        try (Stream<Path> files = Files.list(outdir)) {
            assertThat(files).isEmpty();
        }
    }
}
