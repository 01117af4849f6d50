package com.example.helloecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run-local's staleness check watches the image directory cdk.json configures, not always docker/. */
class RunLocalImageDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void followsImageDirectoryInCdkJson() throws Exception {
        Files.writeString(dir.resolve("cdk.json"), "{\"context\": {\"image.directory\": \"web\"}}");
        assertThat(RunLocalCommand.imageDirectory(dir)).isEqualTo(dir.resolve("web"));
    }

    @Test
    void defaultsToDockerWithoutTheKeyOrWithoutCdkJson() throws Exception {
        assertThat(RunLocalCommand.imageDirectory(dir)).isEqualTo(dir.resolve("docker"));
        Files.writeString(dir.resolve("cdk.json"), "{\"context\": {}}");
        assertThat(RunLocalCommand.imageDirectory(dir)).isEqualTo(dir.resolve("docker"));
    }
}
