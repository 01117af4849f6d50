package com.example.helloecs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.example.helloecs.support.TestApps;

/** Reading the typed configuration from plain maps: no App needed. */
class ConfigReaderTest {

    @Test
    void defaultsAreEnvironmentAgnosticAndMatchTheCatalogue() {
        AppConfig config = ConfigReader.read(Map.of());
        assertThat(config.appName()).isEqualTo("hello-ecs");
        assertThat(config.pipeline()).isEmpty();
        Deployment d = config.deployment();
        assertThat(d.isDefault()).isTrue();
        assertThat(d.account()).isNull();
        assertThat(d.region()).isNull();
        assertThat(d.registry().repositoryName()).isEqualTo("hello-ecs");
        assertThat(d.registry().immutableTags()).isTrue();
        assertThat(d.registry().scanOnPush()).isTrue();
        assertThat(d.registry().lifecycleRules()).hasSize(2);
        assertThat(d.settings().get(Settings.CONTAINER_PORT)).isEqualTo(8080);
        assertThat(d.settings().get(Settings.NAT_GATEWAYS)).isZero();
        assertThat(d.settings().get(Settings.PLATFORM)).isEqualTo("linux/amd64");
    }

    @Test
    void cdkJsonContextIsValidAndItsOwnKeysAreKnown() {
        Map<String, Object> context = TestApps.cdkJsonContext();
        AppConfig config = ConfigReader.read(context);
        assertThat(config.deployment().registry().destroyOnRemoval()).isTrue();
        assertThat(context.keySet().stream().filter(k -> !ConfigReader.isCdkKey(k)))
                .allSatisfy(k -> assertThat(Settings.find(k)).as(k).isPresent());
    }

    @Test
    void commandLineStringsAreCoercedToTheSettingsTypes() {
        AppConfig config = ConfigReader.read(Map.of(
                "service.cpu", "512", "service.memory", "1024", "service.spot", "true",
                "registry.pullPrincipals", "111111111111, 222222222222",
                "registry.replicationRegions", "[\"eu-west-1\"]",
                "account", "123456789012", "region", "us-east-1"));
        Deployment d = config.deployment();
        assertThat(d.settings().get(Settings.CPU)).isEqualTo(512);
        assertThat(d.settings().get(Settings.MEMORY)).isEqualTo(1024);
        assertThat(d.settings().get(Settings.SPOT)).isTrue();
        assertThat(d.registry().pullPrincipals()).containsExactly("111111111111", "222222222222");
        assertThat(d.registry().replicationRegions()).containsExactly("eu-west-1");
        assertThat(d.account()).isEqualTo("123456789012");
        assertThat(d.region()).isEqualTo("us-east-1");
    }

    @Test
    void cdkOwnContextKeysAreIgnored() {
        AppConfig config = ConfigReader.read(Map.of(
                "@aws-cdk/core:bootstrapQualifier", "abc", "aws:cdk:enable-path-metadata", true));
        assertThat(config.appName()).isEqualTo("hello-ecs");
    }

    @Test
    void everyProblemIsReportedTogetherWithKeyValueAndWhatIsAllowed() {
        assertThatThrownBy(() -> ConfigReader.read(Map.of(
                "service.cpu", "300",
                "registry.repositoryName", "Bad_Name",
                "account", "12345",
                "service.spot", "maybe")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("4 problems")
                .hasMessageContaining("service.cpu: got 300; expected one of [256, 512, 1024")
                .hasMessageContaining("registry.repositoryName: got \"Bad_Name\"; expected 2-256 characters")
                .hasMessageContaining("account: got \"12345\"; expected a 12-digit AWS account ID")
                .hasMessageContaining("service.spot: got \"maybe\"; expected true or false");
    }

    @Test
    void unknownKeyIsAnErrorWithASuggestion() {
        assertThatThrownBy(() -> ConfigReader.read(Map.of("registry.repositoryNmae", "x")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("registry.repositoryNmae")
                .hasMessageContaining("did you mean registry.repositoryName?");
    }

    @Test
    void problemsListIsExposedForTools() {
        ConfigException e = (ConfigException) org.assertj.core.api.Assertions.catchThrowable(() ->
                ConfigReader.read(Map.of("service.maxAzs", 7)));
        assertThat(e.problems()).extracting(Problem::key).containsExactly("service.maxAzs");
        assertThat(e.problems().get(0).expected()).isEqualTo("an integer from 2 to 3");
    }

    @Test
    void retentionValuesMatchTheCdkEnum() {
        assertThat(software.amazon.awscdk.services.logs.RetentionDays.values())
                .hasSize(Settings.RETENTION_DAYS.size() + 1); // + INFINITE
        assertThat(List.of(1, 3653)).allSatisfy(d -> assertThat(Settings.RETENTION_DAYS).contains(d));
    }
}
