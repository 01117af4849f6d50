package com.example.helloecs.snapshots;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.example.helloecs.compliance.Configurations;
import com.example.helloecs.config.Json;
import com.example.helloecs.support.PipelineFixtures;
import com.example.helloecs.support.TestApps;

import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;

/**
 * A refactoring guard: the synthesized templates of the configurations CI synthesizes, asset hashes included, are
 * compared with the snapshots under {@code src/test/resources/snapshots/}. A refactor changes no snapshot; a change
 * of behaviour regenerates them ({@code bin/update-snapshots}) and the diff shows what changed. The assertions of
 * what the templates must hold are the other tests' job; this one only says "nothing else moved".
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TemplateSnapshotTest {
    static final Path DIRECTORY = Path.of("src", "test", "resources", "snapshots");
    /** {@code -Dsnapshots.update=true} (bin/update-snapshots) writes the snapshots instead of comparing. */
    static final boolean UPDATE = Boolean.getBoolean("snapshots.update");

    /** The configurations, by snapshot directory name: those CI synthesizes and rehearses. */
    static Stream<Map.Entry<String, Map<String, Object>>> configurations() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        out.put("default", Map.of());
        // Every optional feature, replication included, as a named environment's settings.
        Map<String, Object> features = new LinkedHashMap<>(Configurations.FULL);
        features.remove("account");
        features.remove("region");
        out.put("environment-with-replication", Map.of("env", "dev", "environments", Map.of("dev",
                Map.of("account", "123456789012", "region", "eu-west-1", "settings", features))));
        Map<String, Object> pipeline = new LinkedHashMap<>(PipelineFixtures.pipelineContext());
        pipeline.put("pipeline.scanGate", "HIGH");
        out.put("pipeline", pipeline);
        out.put("hardened", Map.of("account", "123456789012", "region", "eu-west-1", "profile", "hardened",
                "service.certificateArn",
                "arn:aws:acm:eu-west-1:123456789012:certificate/00000000-0000-0000-0000-000000000000"));
        out.put("own-image", Map.of("image.directory", "src/test/resources/images/hello-busybox",
                "image.dockerfile", "web.Dockerfile", "service.healthCheckPath", "/healthz",
                "image.buildArgs", Map.of("GREETING", "Hello from a second image")));
        return out.entrySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void templatesEqualTheSnapshots(Map.Entry<String, Map<String, Object>> configuration) throws IOException {
        Map<String, String> templates = templates(TestApps.app(configuration.getValue()).synth());
        Path dir = DIRECTORY.resolve(configuration.getKey());
        if (UPDATE) {
            write(dir, templates);
        }
        Map<String, String> snapshots = read(dir);
        assertThat(templates.keySet()).as("stacks of " + configuration.getKey()).isEqualTo(snapshots.keySet());
        templates.forEach((file, text) -> assertThat(text)
                .as("%s differs from its snapshot; if the change is intended, run bin/update-snapshots and review "
                        + "the diff", dir.resolve(file))
                .isEqualTo(snapshots.get(file)));
    }

    /** Every stack of the assembly, nested stages included, as pretty JSON keyed by a file name. */
    static Map<String, String> templates(CloudAssembly assembly) {
        Map<String, String> out = new TreeMap<>();
        for (CloudFormationStackArtifact stack : assembly.getStacksRecursively()) {
            try {
                String json = Json.MAPPER.writerWithDefaultPrettyPrinter()
                        .writeValueAsString(stack.getTemplate()) + "\n";
                out.put(stack.getHierarchicalId().replace('/', '.').replace(':', '_') + ".template.json", json);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    static void write(Path dir, Map<String, String> templates) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> old = Files.list(dir)) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        for (Map.Entry<String, String> e : templates.entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue());
        }
    }

    static Map<String, String> read(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                out.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        return out;
    }
}
