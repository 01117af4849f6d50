package com.example.helloecs.registry.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One image of a repository as the lifecycle evaluator sees it (the fields of ECR's {@code ImageDetail} that
 * lifecycle rules read).
 *
 * @param digest   {@code imageDigest}, unique within the repository
 * @param tags     {@code imageTags}; empty for an untagged image
 * @param pushedAt {@code imagePushedAt}
 */
public record ImageRecord(String digest, List<String> tags, Instant pushedAt) {
    public ImageRecord {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(pushedAt, "pushedAt");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public boolean tagged() {
        return !tags.isEmpty();
    }
}
