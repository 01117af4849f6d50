package com.example.helloecs.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.example.helloecs.config.Json;
import com.example.helloecs.cost.TemplateScan.StackTemplate;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The CloudFormation templates of one deployment in a cloud assembly. Without a pipeline a deployment's stacks are
 * top-level artifacts whose display names start with the stage ({@code hello-ecs/Registry}, {@code hello-ecs/Service});
 * with a pipeline each stage is a nested assembly ({@code assembly-hello-ecs-ENV}, display name
 * {@code hello-ecs-ENV}). A top-level stack without a {@code /} in its display name (a plain app's stack) is a
 * deployment of its own.
 *
 * @param stage     the deployment's name
 * @param region    region of its stacks' environment; {@code null} when environment-agnostic
 * @param templates its stacks' templates
 */
public record StageTemplates(String stage, String region, List<StackTemplate> templates) {

    public static StageTemplates find(Path cdkOut, String stage) {
        if (!Files.isRegularFile(cdkOut.resolve("manifest.json"))) {
            throw new UserError("no synthesized cloud assembly at " + cdkOut + ": run `npx cdk synth` (with the same "
                    + "-c/--env options) first, or pass --cdk-out");
        }
        Map<String, List<Artifact>> stages = new LinkedHashMap<>();
        for (Artifact a : stacks(cdkOut)) {
            String display = a.displayName();
            String group = display.contains("/") ? display.substring(0, display.indexOf('/')) : display;
            stages.computeIfAbsent(group, k -> new ArrayList<>()).add(a);
        }
        JsonNode root = read(cdkOut.resolve("manifest.json"));
        root.path("artifacts").fields().forEachRemaining(e -> {
            JsonNode a = e.getValue();
            String dir = a.path("properties").path("directoryName").asText(null);
            if ("cdk:cloud-assembly".equals(a.path("type").asText()) && dir != null
                    && Files.isRegularFile(cdkOut.resolve(dir).resolve("manifest.json"))) {
                stages.put(a.path("properties").path("displayName").asText(e.getKey()), stacks(cdkOut.resolve(dir)));
            }
        });
        List<Artifact> selected = stages.get(stage);
        if (selected == null || selected.isEmpty()) {
            throw new UserError("deployment " + stage + " is not in the cloud assembly at " + cdkOut + " (it holds "
                    + (stages.isEmpty() ? "no stacks" : String.join(", ", stages.keySet())) + "): synthesize with "
                    + "the same -c/--env options, or choose one with --stage");
        }
        List<StackTemplate> templates = new ArrayList<>();
        String region = null;
        for (Artifact a : selected) {
            templates.add(new StackTemplate(a.stackName(), read(a.template())));
            region = region != null ? region : a.region();
        }
        return new StageTemplates(stage, region, templates);
    }

    private record Artifact(String displayName, String stackName, Path template, String region) {
    }

    /** The stack artifacts directly in one assembly directory. */
    private static List<Artifact> stacks(Path dir) {
        List<Artifact> out = new ArrayList<>();
        read(dir.resolve("manifest.json")).path("artifacts").fields().forEachRemaining(e -> {
            JsonNode a = e.getValue();
            if (!"aws:cloudformation:stack".equals(a.path("type").asText())) {
                return;
            }
            JsonNode props = a.path("properties");
            String region = a.path("environment").asText("");
            region = region.substring(region.lastIndexOf('/') + 1);
            out.add(new Artifact(a.path("displayName").asText(e.getKey()),
                    props.path("stackName").asText(e.getKey()), dir.resolve(props.path("templateFile").asText()),
                    region.isEmpty() || region.equals("unknown-region") ? null : region));
        });
        return out;
    }

    /** A JSON file of the assembly; a {@link UserError} when it cannot be read. */
    static JsonNode read(Path file) {
        try {
            return Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UserError("cannot read " + file + ": " + e.getMessage());
        }
    }
}
