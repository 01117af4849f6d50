package com.example.helloecs.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.example.helloecs.App;
import com.example.helloecs.config.ConfigReader;
import com.example.helloecs.config.Json;
import com.example.helloecs.local.CloudAssembly;
import com.example.helloecs.local.DockerCommands;
import com.example.helloecs.local.LocalTask;
import com.example.helloecs.support.TestApps;
import com.fasterxml.jackson.databind.JsonNode;

import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * "Your own image": the service built from another directory (the busybox fixture), with another Dockerfile name,
 * an extra build argument and another health path. Synthesized to disk once, so the asset manifest the CDK CLI
 * publishes from, and run-local's reading of it, are checked too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomImageTest {
    static final Path FIXTURE = Path.of("src/test/resources/images/hello-busybox");
    private Template template;
    private JsonNode imageSource;
    private Path out;
    private LocalTask local;

    @BeforeAll
    void synth(@TempDir Path dir) throws IOException {
        out = dir;
        Map<String, Object> overrides = Map.of(
                "image.directory", FIXTURE.toString(), "image.dockerfile", "web.Dockerfile",
                "image.buildArgs", "{\"GREETING\": \"Hello from a test\"}",
                "service.healthCheckPath", "/healthz", "service.containerPort", 9000);
        software.amazon.awscdk.App app = new software.amazon.awscdk.App(AppProps.builder()
                .context(TestApps.context(overrides)).outdir(out.toString()).analyticsReporting(false).build());
        template = Template.fromStack(App.build(app, ConfigReader.read(App.context(app))).get(0).service);
        app.synth();
        try (Stream<Path> files = Files.list(out)) {
            Path manifest = files.filter(f -> f.getFileName().toString().matches("helloecsService.*\\.assets\\.json"))
                    .findFirst().orElseThrow();
            JsonNode images = Json.MAPPER.readTree(manifest.toFile()).path("dockerImages");
            assertThat(images.size()).as("one image asset").isEqualTo(1);
            imageSource = images.elements().next().path("source");
        }
        local = CloudAssembly.read(out, null);
    }

    @Test
    void theAssetManifestBuildsTheConfiguredDirectoryDockerfileAndBuildArgs() {
        assertThat(imageSource.path("dockerFile").asText()).isEqualTo("web.Dockerfile");
        assertThat(Json.MAPPER.convertValue(imageSource.path("dockerBuildArgs"), Map.class))
                .isEqualTo(Map.of("GREETING", "Hello from a test", "PORT", "9000"));
        assertThat(imageSource.path("platform").asText()).isEqualTo("linux/amd64");
        // The build context is a staged copy of the fixture directory, not of docker/.
        Path staged = out.resolve(imageSource.path("directory").asText());
        assertThat(staged.resolve("web.Dockerfile")).hasSameTextualContentAs(FIXTURE.resolve("web.Dockerfile"));
        assertThat(staged.resolve("www/healthz")).exists();
        assertThat(staged.resolve("httpd.conf")).doesNotExist();
    }

    @Test
    void theLoadBalancerChecksTheConfiguredHealthPathOnTheConfiguredPort() {
        template.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Match.objectLike(Map.of(
                "HealthCheckPath", "/healthz", "Port", 9000, "Matcher", Map.of("HttpCode", "200"))));
        template.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of(
                "ContainerDefinitions", List.of(Match.objectLike(Map.of(
                        "PortMappings", List.of(Match.objectLike(Map.of("ContainerPort", 9000))),
                        // What any image must provide (ContainerImageSpec): the fixture does.
                        "User", ContainerImageSpec.USER, "ReadonlyRootFilesystem", true,
                        "HealthCheck", Match.objectLike(Map.of("Command", ContainerImageSpec.HEALTH_CHECK)))))));
    }

    @Test
    void runLocalBuildsTheSameImage() {
        assertThat(DockerCommands.build("docker", local)).containsSubsequence(
                "--build-arg", "GREETING=Hello from a test", "--build-arg", "PORT=9000",
                "--file", local.image().directory().resolve("web.Dockerfile").toString(),
                "--platform", "linux/amd64", local.image().directory().toString());
    }

    @Test
    void theFixtureMeetsTheContractOfTheTaskDefinition() throws IOException {
        String dockerfile = Files.readString(FIXTURE.resolve("web.Dockerfile"));
        assertThat(dockerfile)
                .contains("FROM public.ecr.aws/docker/library/debian:bookworm-slim")
                .contains("\nUSER " + ContainerImageSpec.USER + "\n")
                .contains("ARG " + ContainerImageSpec.PORT_BUILD_ARG + "=8080\nENV PORT=${PORT}")
                .contains("COPY healthcheck " + ContainerImageSpec.HEALTH_CHECK.get(1));
        assertThat(FIXTURE.resolve("healthcheck")).isExecutable();
        assertThat(Files.readString(FIXTURE.resolve("healthcheck"))).contains("/healthz");
        assertThat(FIXTURE.resolve("www/healthz")).exists();
    }

    @Test
    void theDefaultImageNamesNoDockerfileSoItsAssetHashIsUnchanged() {
        var props = com.example.helloecs.stacks.ServiceStack.imageProps(TestApps.config(Map.of()).deployment());
        assertThat(props.getFile()).isNull();
        assertThat(props.getBuildArgs()).isEqualTo(Map.of("PORT", "8080"));
    }
}
