package com.example.helloecs.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.example.helloecs.config.Json;
import com.example.helloecs.registry.lifecycle.ImageRecord;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the output of {@code aws ecr describe-images --repository-name NAME --output json}:
 * {@code {"imageDetails": [{"imageDigest": ..., "imageTags": [...], "imagePushedAt": ...}, ...]}}.
 * {@code imagePushedAt} is accepted as the AWS CLI v2 prints it (ISO 8601 with offset) or as v1 does (epoch seconds).
 * Any problem names the file and the JSON path; nothing is returned from a file with a problem. An empty file is
 * what a failed {@code aws ecr describe-images ... > FILE} leaves behind: its error says so.
 */
public final class DescribeImagesFile {
    /** The sample listing shipped with the project (docs/cli.md), for trying the preview without an AWS account. */
    public static final String SAMPLE = "examples/describe-images.json";

    private DescribeImagesFile() {
    }

    public static List<ImageRecord> read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": no such file");
        } catch (IOException e) {
            throw new UserError(file + ": cannot read: " + e.getMessage());
        }
        if (text.isBlank()) {
            throw new UserError(file + ": empty file: the export that should have written it failed (`aws ecr "
                    + "describe-images ... > " + file.getFileName() + "` leaves an empty file when the command fails, "
                    + "e.g. without AWS credentials); run the export again and read its error, or try the preview on "
                    + "the sample " + SAMPLE);
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UserError(file + ": not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !root.path("imageDetails").isArray()) {
            throw new UserError(file + ": expected the output of `aws ecr describe-images --output json`: "
                    + "an object with an \"imageDetails\" list");
        }
        List<ImageRecord> images = new ArrayList<>();
        Set<String> digests = new HashSet<>();
        JsonNode details = root.get("imageDetails");
        for (int i = 0; i < details.size(); i++) {
            String at = file + ": imageDetails[" + i + "]";
            JsonNode detail = details.get(i);
            if (!detail.isObject()) {
                throw new UserError(at + ": expected an object");
            }
            JsonNode digest = detail.get("imageDigest");
            if (digest == null || !digest.isTextual() || digest.asText().isBlank()) {
                throw new UserError(at + ".imageDigest: missing or not a string");
            }
            if (!digests.add(digest.asText())) {
                throw new UserError(at + ".imageDigest: " + digest.asText() + " appears more than once");
            }
            List<String> tags = new ArrayList<>();
            JsonNode tagsNode = detail.get("imageTags");
            if (tagsNode != null && !tagsNode.isNull()) {
                if (!tagsNode.isArray()) {
                    throw new UserError(at + ".imageTags: expected a list of strings");
                }
                for (JsonNode tag : tagsNode) {
                    if (!tag.isTextual()) {
                        throw new UserError(at + ".imageTags: expected a list of strings, found " + tag);
                    }
                    tags.add(tag.asText());
                }
            }
            images.add(new ImageRecord(digest.asText(), tags, pushedAt(detail.get("imagePushedAt"), at)));
        }
        return List.copyOf(images);
    }

    private static Instant pushedAt(JsonNode node, String at) {
        if (node == null || node.isNull()) {
            throw new UserError(at + ".imagePushedAt: missing");
        }
        if (node.isNumber()) {
            BigDecimal seconds = node.decimalValue();
            return Instant.ofEpochSecond(seconds.longValue(),
                    seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
        }
        if (node.isTextual()) {
            try {
                return OffsetDateTime.parse(node.asText()).toInstant();
            } catch (DateTimeException e) {
                throw new UserError(at + ".imagePushedAt: \"" + node.asText()
                        + "\" is not an ISO 8601 time with offset (e.g. 2026-03-01T12:00:00+00:00)");
            }
        }
        throw new UserError(at + ".imagePushedAt: expected a timestamp, found " + node);
    }
}
