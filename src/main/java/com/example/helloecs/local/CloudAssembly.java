package com.example.helloecs.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.example.helloecs.config.Json;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the service's task definition and image asset from a synthesized cloud assembly ({@code cdk.out}). A
 * deployment's stacks sit in the root assembly ({@code cdk deploy}; display names {@code ID/Registry},
 * {@code ID/Service}) or in one nested assembly per pipeline stage; among them, the stack whose template holds the
 * {@code AWS::ECS::TaskDefinition} and, through its dependencies, its asset manifest.
 */
public final class CloudAssembly {
    private static final String FIX = "run `npx cdk synth` in the project directory";

    private CloudAssembly() {
    }

    /**
     * Fails when the assembly is missing or older than any file it is made from.
     *
     * @param cdkOut  the assembly directory
     * @param sources files and directories the assembly is synthesized from (missing ones are ignored)
     */
    public static void requireFresh(Path cdkOut, List<Path> sources) {
        Path manifest = cdkOut.resolve("manifest.json");
        if (!Files.isRegularFile(manifest)) {
            throw new LocalRunException("No cloud assembly at " + cdkOut + " (manifest.json missing): " + FIX + ".");
        }
        try {
            FileTime synthesized = Files.getLastModifiedTime(manifest);
            for (Path source : sources) {
                Optional<Path> newer = newerThan(source, synthesized);
                if (newer.isPresent()) {
                    throw new LocalRunException("The cloud assembly at " + cdkOut + " is stale: " + newer.get()
                            + " changed after it was synthesized; " + FIX + " again.");
                }
            }
        } catch (IOException e) {
            throw new LocalRunException("Cannot read " + cdkOut + ": " + e.getMessage(), e);
        }
    }

    private static Optional<Path> newerThan(Path source, FileTime time) throws IOException {
        if (!Files.exists(source)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(source)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> {
                        try {
                            return Files.getLastModifiedTime(f).compareTo(time) > 0;
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .findFirst();
        }
    }

    /**
     * The task of the one stage in the assembly, or of the stage whose display name is {@code stage}.
     *
     * @param cdkOut the assembly directory
     * @param stage  display name of the stage (e.g. {@code hello-ecs-prod}); {@code null}: the only one
     */
    public static LocalTask read(Path cdkOut, String stage) {
        JsonNode root = readJson(cdkOut.resolve("manifest.json"));
        Map<String, Path> stages = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> a : root.path("artifacts").properties()) {
            String type = a.getValue().path("type").asText();
            String displayName = a.getValue().path("displayName").asText("");
            if ("cdk:cloud-assembly".equals(type)) {
                JsonNode props = a.getValue().path("properties");
                stages.put(props.path("displayName").asText(a.getKey()),
                        cdkOut.resolve(props.path("directoryName").asText()));
            } else if ("aws:cloudformation:stack".equals(type) && displayName.contains("/")) {
                // Top-level stacks of one deployment: the root holds only one, named by the path's first part.
                stages.putIfAbsent(displayName.substring(0, displayName.indexOf('/')), cdkOut);
            }
        }
        if (stages.isEmpty()) {
            throw new LocalRunException("The cloud assembly at " + cdkOut + " holds no stage: " + FIX + ".");
        }
        if (stage == null && stages.size() > 1) {
            throw new LocalRunException("The cloud assembly at " + cdkOut + " has several stages " + stages.keySet()
                    + ": choose one with --stage.");
        }
        Path dir = stage == null ? stages.values().iterator().next() : stages.get(stage);
        if (dir == null) {
            throw new LocalRunException("No stage " + stage + " in " + cdkOut + "; it has " + stages.keySet()
                    + ". Synthesize with the environment you want (npx cdk synth -c env=NAME).");
        }
        return readStage(dir);
    }

    private static LocalTask readStage(Path dir) {
        JsonNode manifest = readJson(dir.resolve("manifest.json"));
        JsonNode artifacts = manifest.path("artifacts");
        for (Map.Entry<String, JsonNode> a : artifacts.properties()) {
            JsonNode artifact = a.getValue();
            if (!"aws:cloudformation:stack".equals(artifact.path("type").asText())) {
                continue;
            }
            JsonNode template = readJson(dir.resolve(artifact.path("properties").path("templateFile").asText()));
            List<JsonNode> taskDefinitions = new ArrayList<>();
            for (Map.Entry<String, JsonNode> r : template.path("Resources").properties()) {
                if ("AWS::ECS::TaskDefinition".equals(r.getValue().path("Type").asText())) {
                    taskDefinitions.add(r.getValue().path("Properties"));
                }
            }
            if (taskDefinitions.isEmpty()) {
                continue;
            }
            if (taskDefinitions.size() > 1) {
                throw new LocalRunException("Stack " + a.getKey() + " has " + taskDefinitions.size()
                        + " task definitions; run-local expects one.");
            }
            String stackName = artifact.path("displayName").asText(a.getKey());
            TaskParts task = container(stackName, taskDefinitions.get(0));
            return new LocalTask(stackName, image(dir, artifacts, artifact, task.imageTag()), task.container());
        }
        throw new LocalRunException("No stack with an ECS task definition in " + dir + ": " + FIX + ".");
    }

    private record TaskParts(LocalTask.Container container, String imageTag) {
    }

    private static TaskParts container(String stack, JsonNode task) {
        JsonNode containers = task.path("ContainerDefinitions");
        if (containers.size() != 1) {
            throw new LocalRunException("The task definition in " + stack + " has " + containers.size()
                    + " containers; run-local runs exactly one.");
        }
        JsonNode c = containers.get(0);
        String name = c.path("Name").asText();
        JsonNode ports = c.path("PortMappings");
        if (ports.size() == 0) {
            throw new LocalRunException("Container " + name + " in " + stack + " maps no port.");
        }
        Map<String, JsonNode> volumes = new LinkedHashMap<>();
        for (JsonNode v : task.path("Volumes")) {
            volumes.put(v.path("Name").asText(), v);
        }
        List<String> writable = new ArrayList<>();
        List<String> readOnly = new ArrayList<>();
        for (JsonNode m : c.path("MountPoints")) {
            JsonNode volume = volumes.get(m.path("SourceVolume").asText());
            if (volume == null || volume.size() > 1) {
                // Only Fargate's task-scoped (ephemeral) volumes can be reproduced locally; EFS etc. cannot.
                throw new LocalRunException("Mount point " + m.path("ContainerPath").asText() + " in " + stack
                        + " uses volume " + m.path("SourceVolume").asText()
                        + ", which is not a plain task volume; run-local supports only those.");
            }
            (m.path("ReadOnly").asBoolean(false) ? readOnly : writable).add(m.path("ContainerPath").asText());
        }
        Map<String, String> environment = new LinkedHashMap<>();
        for (JsonNode e : c.path("Environment")) {
            if (!e.path("Value").isTextual()) {
                throw new LocalRunException("Environment variable " + e.path("Name").asText() + " in " + stack
                        + " is resolved only at deploy time (" + e.path("Value") + "); run-local cannot know it.");
            }
            environment.put(e.path("Name").asText(), e.path("Value").asText());
        }
        LocalTask.HealthCheck health = null;
        JsonNode h = c.path("HealthCheck");
        if (!h.isMissingNode()) {
            List<String> command = new ArrayList<>();
            h.path("Command").forEach(x -> command.add(x.asText()));
            health = new LocalTask.HealthCheck(command, h.path("Interval").asInt(30), h.path("Timeout").asInt(5),
                    h.path("Retries").asInt(3), h.path("StartPeriod").asInt(0));
        }
        LocalTask.Container container = new LocalTask.Container(name, ports.get(0).path("ContainerPort").asInt(),
                c.hasNonNull("User") ? c.path("User").asText() : null,
                c.path("ReadonlyRootFilesystem").asBoolean(false), List.copyOf(writable), List.copyOf(readOnly),
                environment, health, intOf(stack, "Cpu", task.path("Cpu")), intOf(stack, "Memory", task.path("Memory")),
                c.path("StopTimeout").asInt(30));
        return new TaskParts(container, imageTag(stack, c.path("Image")));
    }

    private static int intOf(String stack, String field, JsonNode value) {
        try {
            return Integer.parseInt(value.asText());
        } catch (NumberFormatException e) {
            throw new LocalRunException("Task " + field + " in " + stack + " is not a number: " + value);
        }
    }

    /** The tag of the image reference ({@code ...amazonaws.com/repo:HASH} inside an Fn::Sub or a plain string). */
    private static String imageTag(String stack, JsonNode image) {
        String ref = image.isTextual() ? image.asText() : image.path("Fn::Sub").asText("");
        int colon = ref.lastIndexOf(':');
        if (colon < 0 || ref.indexOf('/', colon) >= 0) {
            throw new LocalRunException("The container image in " + stack + " is not an image asset: " + image);
        }
        return ref.substring(colon + 1);
    }

    private static LocalTask.ImageSource image(Path dir, JsonNode artifacts, JsonNode stack, String tag) {
        for (JsonNode dependency : stack.path("dependencies")) {
            JsonNode dep = artifacts.path(dependency.asText());
            if (!"cdk:asset-manifest".equals(dep.path("type").asText())) {
                continue;
            }
            JsonNode images = readJson(dir.resolve(dep.path("properties").path("file").asText())).path("dockerImages");
            for (Map.Entry<String, JsonNode> entry : images.properties()) {
                boolean match = entry.getKey().equals(tag);
                for (JsonNode destination : entry.getValue().path("destinations")) {
                    match |= tag.equals(destination.path("imageTag").asText());
                }
                if (!match) {
                    continue;
                }
                JsonNode source = entry.getValue().path("source");
                if (!source.hasNonNull("directory")) {
                    throw new LocalRunException("Image asset " + entry.getKey()
                            + " is not built from a directory (executable source); run-local cannot build it.");
                }
                Map<String, String> args = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> arg : source.path("dockerBuildArgs").properties()) {
                    args.put(arg.getKey(), arg.getValue().asText());
                }
                return new LocalTask.ImageSource(entry.getKey(),
                        dir.resolve(source.path("directory").asText()).normalize().toAbsolutePath(),
                        source.hasNonNull("dockerFile") ? source.path("dockerFile").asText() : null,
                        source.hasNonNull("platform") ? source.path("platform").asText() : null, args);
            }
        }
        throw new LocalRunException("No image asset with tag " + tag + " in the asset manifest of "
                + stack.path("displayName").asText() + ": " + FIX + ".");
    }

    private static JsonNode readJson(Path file) {
        try {
            return Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new LocalRunException("Cannot read " + file + " (" + e.getMessage() + "): " + FIX + ".", e);
        }
    }
}
