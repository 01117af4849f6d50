package com.example.helloecs.registry.lifecycle;

import java.util.List;

/**
 * One ECR lifecycle rule, already validated (see {@link LifecycleRules#parse}).
 *
 * @param priority       {@code rulePriority}: unique, lower numbers are applied first
 * @param description    optional description
 * @param tagStatus      which images the rule selects by tag state
 * @param tagPrefixList  for tagged rules: an image must have, for every entry, a tag starting with it
 * @param tagPatternList for tagged rules: an image must have, for every entry, a tag matching it ({@code *} wildcard)
 * @param countType      how {@code countNumber} is read
 * @param countNumber    an image count or a number of days, at least 1
 */
public record LifecycleRule(int priority, String description, TagStatus tagStatus, List<String> tagPrefixList,
                            List<String> tagPatternList, CountType countType, int countNumber) {

    public LifecycleRule {
        tagPrefixList = tagPrefixList == null ? List.of() : List.copyOf(tagPrefixList);
        tagPatternList = tagPatternList == null ? List.of() : List.copyOf(tagPatternList);
    }
}
