package com.example.helloecs.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.example.helloecs.config.Json;

/** The translation from a cloud assembly to docker commands, and run-local's errors; no Docker needed. */
class RunLocalAssemblyTest {
    private static final String HASH = "abc123";

    @TempDir
    Path dir;

    /** A minimal assembly shaped like the CDK CLI's: root manifest -> stage assembly -> stack + asset manifest. */
    private Path assembly(Map<String, Object> container, Map<String, Object> source) throws IOException {
        return assembly(dir, container, source);
    }

    /** Writes the fixture assembly under {@code dir}/cdk.out and returns that directory. */
    static Path assembly(Path dir, Map<String, Object> container, Map<String, Object> source) throws IOException {
        Path out = dir.resolve("cdk.out");
        Path stage = out.resolve("assembly-app");
        Files.createDirectories(stage.resolve("../asset." + HASH));
        write(out.resolve("manifest.json"), Map.of("artifacts", Map.of("assembly-app", Map.of(
                "type", "cdk:cloud-assembly",
                "properties", Map.of("directoryName", "assembly-app", "displayName", "app")))));
        write(stage.resolve("manifest.json"), Map.of("artifacts", Map.of(
                "Svc.assets", Map.of("type", "cdk:asset-manifest", "properties", Map.of("file", "Svc.assets.json")),
                "Svc", Map.of("type", "aws:cloudformation:stack", "displayName", "app/Service",
                        "properties", Map.of("templateFile", "Svc.template.json"),
                        "dependencies", List.of("Registry", "Svc.assets")))));
        write(stage.resolve("Svc.template.json"), Map.of("Resources", Map.of(
                "Task", Map.of("Type", "AWS::ECS::TaskDefinition", "Properties", Map.of(
                        "Cpu", "512", "Memory", "1024",
                        "Volumes", List.of(Map.of("Name", "run"), Map.of("Name", "conf")),
                        "ContainerDefinitions", List.of(container))))));
        write(stage.resolve("Svc.assets.json"), Map.of("dockerImages", Map.of(HASH, Map.of(
                "source", source,
                "destinations", Map.of("d", Map.of("repositoryName", "repo", "imageTag", HASH))))));
        return out;
    }

    static Map<String, Object> container() {
        return Map.of(
                "Name", "web",
                "Image", Map.of("Fn::Sub", "${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/repo:" + HASH),
                "PortMappings", List.of(Map.of("ContainerPort", 9090, "Protocol", "tcp")),
                "User", "33:33",
                "ReadonlyRootFilesystem", true,
                "MountPoints", List.of(Map.of("SourceVolume", "run", "ContainerPath", "/var/run/apache2", "ReadOnly", false),
                        Map.of("SourceVolume", "conf", "ContainerPath", "/conf", "ReadOnly", true)),
                "Environment", List.of(Map.of("Name", "GREETING", "Value", "hello world")),
                "HealthCheck", Map.of("Command", List.of("CMD", "/usr/local/bin/healthcheck", "--path", "/health"),
                        "Interval", 5, "Timeout", 2, "Retries", 3, "StartPeriod", 10));
    }

    static Map<String, Object> source() {
        return Map.of("directory", "../asset." + HASH, "dockerFile", "Dockerfile.web",
                "platform", "linux/arm64", "dockerBuildArgs", Map.of("PORT", "9090"));
    }

    private static void write(Path file, Object value) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, Json.write(value));
    }

    @Test
    void buildsLikeTheAssetPublisher() throws IOException {
        LocalTask task = CloudAssembly.read(assembly(container(), source()), null);
        Path context = dir.resolve("cdk.out/asset." + HASH).toAbsolutePath();

        assertThat(task.stack()).isEqualTo("app/Service");
        assertThat(DockerCommands.build("docker", task)).containsExactly("docker", "build",
                "--tag", "hello-ecs-local:" + HASH, "--build-arg", "PORT=9090",
                "--file", context.resolve("Dockerfile.web").toString(), "--platform", "linux/arm64",
                context.toString());
    }

    @Test
    void runsLikeTheTaskDefinition() throws IOException {
        LocalTask task = CloudAssembly.read(assembly(container(), source()), null);
        List<String> run = DockerCommands.run("docker", task, "local", 18080);

        assertThat(String.join(" ", run)).isEqualTo("docker run --detach --rm --name local"
                + " --publish 127.0.0.1:18080:9090 --platform linux/arm64 --user 33:33 --read-only"
                + " --mount type=volume,dst=/var/run/apache2 --mount type=volume,dst=/conf,readonly"
                + " --env GREETING=hello world"
                + " --health-cmd /usr/local/bin/healthcheck --path /health --health-interval 5s --health-timeout 2s"
                + " --health-retries 3 --health-start-period 10s"
                + " --memory 1024m --cpus 0.5 --stop-timeout 30 hello-ecs-local:" + HASH);
    }

    /** ECS has no start interval; run-local adds Docker's when the engine knows it, and only with a health check. */
    @Test
    void passesTheHealthStartIntervalOnlyWhenGiven() throws IOException {
        LocalTask task = CloudAssembly.read(assembly(container(), source()), null);
        assertThat(String.join(" ", DockerCommands.run("docker", task, "local", 18080, Duration.ofMillis(200))))
                .contains("--health-start-period 10s --health-start-interval 200ms --memory");
        assertThat(String.join(" ", DockerCommands.run("docker", task, "local", 18080, null)))
                .doesNotContain("--health-start-interval");

        Map<String, Object> bare = Map.of("Name", "web", "Image", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/repo:" + HASH,
                "PortMappings", List.of(Map.of("ContainerPort", 8080)));
        LocalTask unchecked = CloudAssembly.read(assembly(bare, Map.of("directory", "../asset." + HASH)), null);
        assertThat(String.join(" ", DockerCommands.run("docker", unchecked, "local", 8080, Duration.ofMillis(200))))
                .contains("--no-healthcheck").doesNotContain("--health-start-interval");
    }

    @Test
    void engineApiVersionsCompareNumerically() {
        int[] minimum = {1, 44};
        assertThat(Docker.atLeast("1.41", minimum)).isFalse();
        assertThat(Docker.atLeast("1.9", minimum)).isFalse();
        assertThat(Docker.atLeast("1", minimum)).isFalse();
        assertThat(Docker.atLeast("1.44", minimum)).isTrue();
        assertThat(Docker.atLeast("1.50", minimum)).isTrue();
        assertThat(Docker.atLeast("2.0", minimum)).isTrue();
    }

    @Test
    void withoutOptionalFieldsUsesDockerAndEcsDefaults() throws IOException {
        Map<String, Object> bare = Map.of("Name", "web", "Image", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/repo:" + HASH,
                "PortMappings", List.of(Map.of("ContainerPort", 8080)));
        LocalTask task = CloudAssembly.read(assembly(bare, Map.of("directory", "../asset." + HASH)), null);
        String run = String.join(" ", DockerCommands.run("docker", task, "local", 8080));
        String build = String.join(" ", DockerCommands.build("docker", task));

        assertThat(run).doesNotContain("--user", "--read-only", "--mount", "--env", "--platform")
                .contains("--no-healthcheck", "--memory 1024m");
        assertThat(build).doesNotContain("--file", "--platform", "--build-arg");
    }

    @Test
    void healthCommandsKeepTheirMeaningInDockersShellForm() {
        assertThat(DockerCommands.healthCommand(List.of("CMD", "/bin/check", "it's"))).isEqualTo("/bin/check 'it'\\''s'");
        assertThat(DockerCommands.healthCommand(List.of("CMD-SHELL", "curl -f localhost || exit 1")))
                .isEqualTo("curl -f localhost || exit 1");
        assertThatThrownBy(() -> DockerCommands.healthCommand(List.of("NONE"))).hasMessageContaining("CMD or CMD-SHELL");
    }

    @Test
    void missingAssemblyNamesTheFix() {
        assertThatThrownBy(() -> CloudAssembly.requireFresh(dir.resolve("cdk.out"), List.of()))
                .isInstanceOf(LocalRunException.class)
                .hasMessageContaining("No cloud assembly at").hasMessageContaining("npx cdk synth");
    }

    @Test
    void staleAssemblyNamesTheChangedFileAndTheFix() throws IOException {
        Path out = assembly(container(), source());
        Path source = Files.writeString(dir.resolve("Dockerfile"), "FROM scratch");
        Files.setLastModifiedTime(out.resolve("manifest.json"), FileTime.fromMillis(1_000_000));
        Files.setLastModifiedTime(source, FileTime.fromMillis(2_000_000));
        assertThatThrownBy(() -> CloudAssembly.requireFresh(out, List.of(dir.resolve("missing"), source)))
                .hasMessageContaining("is stale").hasMessageContaining(source.toString())
                .hasMessageContaining("npx cdk synth");

        Files.setLastModifiedTime(source, FileTime.fromMillis(500_000));
        CloudAssembly.requireFresh(out, List.of(source));
    }

    @Test
    void deployTimeValuesAndUnknownStagesAreRefused() throws IOException {
        Map<String, Object> c = new java.util.HashMap<>(container());
        c.put("Environment", List.of(Map.of("Name", "BUCKET", "Value", Map.of("Ref", "Bucket"))));
        Path out = assembly(c, source());
        assertThatThrownBy(() -> CloudAssembly.read(out, null)).hasMessageContaining("BUCKET")
                .hasMessageContaining("deploy time");
        assertThatThrownBy(() -> CloudAssembly.read(out, "prod")).hasMessageContaining("No stage prod")
                .hasMessageContaining("[app]");
    }

    @Test
    void missingDockerIsReportedWithTheFix() {
        assertThatThrownBy(() -> new Docker("docker-not-installed-here").requireEngine())
                .hasMessageContaining("Docker is not installed").hasMessageContaining("docker-not-installed-here");
    }

    @Test
    void unreachableEngineIsReportedWithTheFix() throws IOException {
        // A stand-in CLI that fails like `docker version` does when the daemon is down.
        Path fake = dir.resolve("docker");
        Files.writeString(fake, "#!/bin/sh\necho 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock.' >&2\nexit 1\n");
        fake.toFile().setExecutable(true);
        assertThatThrownBy(() -> new Docker(fake.toString()).requireEngine())
                .hasMessageContaining("engine is not reachable").hasMessageContaining("Cannot connect")
                .hasMessageContaining("docker info");
    }
}
