package com.example.helloecs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.example.helloecs.config.ConfigException;

/** ProjectConfig merges cdk.json, cdk.context.json, -c and --env like the CDK CLI, then validates. */
class CliProjectConfigTest {
    @TempDir
    Path dir;

    @Test
    void precedence_cdkJsonThenCachedContextThenOptionsThenEnv() throws Exception {
        Files.writeString(dir.resolve("cdk.json"), "{\"context\": {\"app.name\": \"a\", \"region\": \"eu-west-1\", "
                + "\"registry.repositoryName\": \"from-cdk-json\", \"environments\": {\"dev\": {\"region\": "
                + "\"us-west-2\", \"settings\": {}}}}}");
        Files.writeString(dir.resolve("cdk.context.json"), "{\"registry.repositoryName\": \"from-context-json\"}");
        assertThat(ProjectConfig.context(dir, Map.of(), null)).containsEntry("registry.repositoryName", "from-context-json");
        var config = ProjectConfig.read(dir, Map.of("registry.repositoryName", "from-option"), null);
        assertThat(config.deployment().registry().repositoryName()).isEqualTo("from-option");
        assertThat(config.deployment().region()).isEqualTo("eu-west-1");
        assertThat(ProjectConfig.read(dir, Map.of(), "dev").deployment().region()).isEqualTo("us-west-2");
    }

    @Test
    void unknownEnvironment_isAConfigurationProblem() throws Exception {
        Files.writeString(dir.resolve("cdk.json"), "{\"context\": {}}");
        assertThatThrownBy(() -> ProjectConfig.read(dir, Map.of(), "prod"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("env");
    }

    @Test
    void malformedCdkJson_namesFileAndPosition() throws Exception {
        Files.writeString(dir.resolve("cdk.json"), "{\"context\": {\n  \"a\": }\n}");
        assertThatThrownBy(() -> ProjectConfig.read(dir, Map.of(), null))
                .isInstanceOf(UserError.class).hasMessageContaining(dir.resolve("cdk.json") + ": not valid JSON at line 2");
    }
}
