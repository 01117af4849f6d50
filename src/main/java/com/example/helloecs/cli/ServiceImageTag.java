package com.example.helloecs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The tag of the image the service runs: the service stack's image asset, which the stack publishes into the
 * repository tagged with its asset hash. Read from the synthesized cloud assembly ({@code cdk.out}): the manifest
 * names the stack artifact (by stack name) and its asset manifest ({@code *.assets.json}), whose
 * {@code dockerImages.*.destinations.*} give the repository and {@code imageTag}.
 */
public final class ServiceImageTag {
    private ServiceImageTag() {
    }

    public static String find(Path cdkOut, String stackName, String repository) {
        if (!Files.isRegularFile(cdkOut.resolve("manifest.json"))) {
            throw new UserError("no synthesized cloud assembly at " + cdkOut + ": run `npx cdk synth` (with the same "
                    + "-c/--env options) first, or pass --tag");
        }
        Set<String> tags = new LinkedHashSet<>();
        boolean stackFound = search(cdkOut, stackName, repository, tags);
        if (!stackFound) {
            throw new UserError("stack " + stackName + " is not in the cloud assembly at " + cdkOut
                    + ": synthesize with the same -c/--env options, or pass --tag");
        }
        if (tags.size() != 1) {
            throw new UserError("stack " + stackName + " in " + cdkOut + " has " + tags.size() + " image assets for "
                    + "repository " + repository + (tags.isEmpty() ? "" : " " + tags) + ": pass --tag");
        }
        return tags.iterator().next();
    }

    private static boolean search(Path dir, String stackName, String repository, Set<String> tags) {
        JsonNode artifacts = StageTemplates.read(dir.resolve("manifest.json")).path("artifacts");
        boolean found = false;
        for (var it = artifacts.fields(); it.hasNext(); ) {
            var artifact = it.next();
            JsonNode a = artifact.getValue();
            String type = a.path("type").asText();
            if (type.equals("cdk:cloud-assembly")) {
                String nested = a.path("properties").path("directoryName").asText(null);
                if (nested != null && Files.isRegularFile(dir.resolve(nested).resolve("manifest.json"))) {
                    found |= search(dir.resolve(nested), stackName, repository, tags);
                }
            } else if (type.equals("aws:cloudformation:stack")
                    && stackName.equals(a.path("properties").path("stackName").asText())) {
                found = true;
                for (JsonNode dependency : a.path("dependencies")) {
                    JsonNode dep = artifacts.path(dependency.asText());
                    if (dep.path("type").asText().equals("cdk:asset-manifest")) {
                        Optional.ofNullable(dep.path("properties").path("file").asText(null))
                                .ifPresent(file -> imageTags(dir.resolve(file), repository, tags));
                    }
                }
            }
        }
        return found;
    }

    private static void imageTags(Path assetManifest, String repository, Set<String> tags) {
        for (JsonNode image : StageTemplates.read(assetManifest).path("dockerImages")) {
            for (JsonNode destination : image.path("destinations")) {
                if (repository.equals(destination.path("repositoryName").asText())
                        && destination.hasNonNull("imageTag")) {
                    tags.add(destination.get("imageTag").asText());
                }
            }
        }
    }
}
