package com.example.helloecs.registry.lifecycle;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Whether an image falls under a rule's tag selection (its {@code tagStatus}, {@code tagPrefixList} and
 * {@code tagPatternList}), before any count or age criterion.
 *
 * <p>AWS ECR User Guide, "Lifecycle policy properties"
 * (https://docs.aws.amazon.com/AmazonECR/latest/userguide/lifecycle_policy_parameters.html): {@code any} selects
 * every image, {@code untagged} images without tags, {@code tagged} images with tags; with several entries in
 * tagPrefixList or tagPatternList "only the images with all specified tags are selected". Each entry may be matched
 * by a different tag of the image ("Examples of lifecycle policies", "Filtering on multiple tags in a single rule",
 * https://docs.aws.amazon.com/AmazonECR/latest/userguide/lifecycle_policy_examples.html). In a pattern, {@code *}
 * matches any run of characters, including none ({@code prod*} selects {@code prod}, {@code prod1}, ...).
 */
final class TagSelection {
    private TagSelection() {
    }

    static boolean selects(LifecycleRule rule, ImageRecord image) {
        return switch (rule.tagStatus()) {
            case ANY -> true;
            case UNTAGGED -> !image.tagged();
            case TAGGED -> image.tagged()
                    && rule.tagPrefixList().stream().allMatch(p -> image.tags().stream().anyMatch(t -> t.startsWith(p)))
                    && rule.tagPatternList().stream().map(TagSelection::glob)
                            .allMatch(p -> image.tags().stream().anyMatch(t -> p.matcher(t).matches()));
        };
    }

    /** A tag pattern as a regular expression: {@code *} is any run of characters, everything else literal. */
    static Pattern glob(String pattern) {
        return Pattern.compile(Arrays.stream(pattern.split("\\*", -1)).map(Pattern::quote)
                .collect(Collectors.joining(".*")), Pattern.DOTALL);
    }
}
