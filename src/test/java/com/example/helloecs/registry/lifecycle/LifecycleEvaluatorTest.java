package com.example.helloecs.registry.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Test vectors: every worked example of the AWS ECR User Guide page "Examples of lifecycle policies"
 * (https://docs.aws.amazon.com/AmazonECR/latest/userguide/lifecycle_policy_examples.html) with its documented
 * result (the current page uses tagPatternList, earlier versions the same examples with tagPrefixList: both are
 * vectors), then edge cases of our own. "Pushed: N days ago" is relative to a fixed clock.
 */
class LifecycleEvaluatorTest {
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final LifecycleEvaluator EVALUATOR = new LifecycleEvaluator(Clock.fixed(NOW, ZoneOffset.UTC));

    static ImageRecord image(String name, Duration ago, String... tags) {
        return new ImageRecord("sha256:" + name, List.of(tags), NOW.minus(ago));
    }

    static ImageRecord image(String name, int daysAgo, String... tags) {
        return image(name, Duration.ofDays(daysAgo), tags);
    }

    static String rule(int priority, String selection) {
        return "{\"rulePriority\": " + priority + ", \"description\": \"Rule " + priority + "\", \"selection\": {"
                + selection + "}, \"action\": {\"type\": \"expire\"}}";
    }

    static List<LifecycleRule> policy(String... rules) {
        return DeployedPolicy.parse("{\"rules\": [" + String.join(",", rules) + "]}");
    }

    /** Expired image names (digest without prefix) -> rule priority. */
    static Map<String, Integer> expired(List<LifecycleRule> rules, List<ImageRecord> images) {
        return EVALUATOR.evaluate(rules, images).stream().collect(Collectors.toMap(
                e -> e.image().digest().substring("sha256:".length()), Expiry::rulePriority,
                (a, b) -> { throw new AssertionError("image expired twice"); }, java.util.LinkedHashMap::new));
    }

    /** tagPrefixList ["x"] or tagPatternList ["x*"], both forms the page has used for the same examples. */
    static String tags(String form, String... prefixes) {
        boolean pattern = form.equals("pattern");
        return "\"tagStatus\": \"tagged\", \"" + (pattern ? "tagPatternList" : "tagPrefixList") + "\": ["
                + java.util.Arrays.stream(prefixes).map(p -> "\"" + p + (pattern ? "*" : "") + "\"")
                        .collect(Collectors.joining(", ")) + "]";
    }

    @Nested
    class AwsExamples {
        @Test
        void filteringOnImageAge_expiresProdImagesOlderThan14Days() {
            List<LifecycleRule> rules = policy(rule(1, "\"tagStatus\": \"tagged\", \"tagPatternList\": [\"prod*\"], "
                    + "\"countType\": \"sinceImagePushed\", \"countUnit\": \"days\", \"countNumber\": 14"));
            assertThat(expired(rules, List.of(image("old-prod", 15, "prod-1"), image("new-prod", 13, "prod-2"),
                    image("old-dev", 30, "dev-1"), image("old-untagged", 30))))
                    .containsExactlyEntriesOf(Map.of("old-prod", 1));
        }

        @Test
        void filteringOnImageCount_keepsOnlyOneUntaggedImage() {
            List<LifecycleRule> rules = policy(rule(1, "\"tagStatus\": \"untagged\", "
                    + "\"countType\": \"imageCountMoreThan\", \"countNumber\": 1"));
            assertThat(expired(rules, List.of(image("u1", 3), image("u2", 2), image("u3", 1), image("t", 9, "v1"))))
                    .containsExactly(Map.entry("u1", 1), Map.entry("u2", 1));
        }

        List<ImageRecord> multipleRulesRepository() {
            return List.of(image("A", 10, "beta-1", "prod-1"), image("B", 9, "beta-2", "prod-2"),
                    image("C", 8, "beta-3"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"pattern", "prefix"})
        void multipleRules_exampleA_onlyImageAExpires(String form) {
            List<LifecycleRule> rules = policy(
                    rule(1, tags(form, "prod") + ", \"countType\": \"imageCountMoreThan\", \"countNumber\": 1"),
                    rule(2, tags(form, "beta") + ", \"countType\": \"imageCountMoreThan\", \"countNumber\": 1"));
            // Rule 2 would mark A and B, but B matches rule 1's selection: it is skipped.
            assertThat(expired(rules, multipleRulesRepository())).containsExactlyEntriesOf(Map.of("A", 1));
        }

        @ParameterizedTest
        @ValueSource(strings = {"pattern", "prefix"})
        void multipleRules_exampleB_imagesAAndBExpireByRule1(String form) {
            List<LifecycleRule> rules = policy(
                    rule(1, tags(form, "beta") + ", \"countType\": \"imageCountMoreThan\", \"countNumber\": 1"),
                    rule(2, tags(form, "prod") + ", \"countType\": \"imageCountMoreThan\", \"countNumber\": 1"));
            assertThat(expired(rules, multipleRulesRepository()))
                    .containsExactly(Map.entry("A", 1), Map.entry("B", 1));
        }

        @ParameterizedTest
        @ValueSource(strings = {"pattern", "prefix"})
        void multipleTagsInOneRule_exampleA_onlyImagesWithAllTagsAreSelected(String form) {
            List<LifecycleRule> rules = policy(rule(1, tags(form, "alpha", "beta")
                    + ", \"countType\": \"sinceImagePushed\", \"countNumber\": 5, \"countUnit\": \"days\""));
            List<ImageRecord> images = List.of(image("A", 12, "alpha-1"), image("B", 11, "beta-1"),
                    image("C", 10, "alpha-2", "beta-2"), image("D", 4, "alpha-3"), image("E", 3, "beta-3"),
                    image("F", 2, "alpha-4", "beta-4"));
            assertThat(expired(rules, images)).containsExactlyEntriesOf(Map.of("C", 1));
        }

        @ParameterizedTest
        @ValueSource(strings = {"pattern", "prefix"})
        void multipleTagsInOneRule_exampleB_tagsAreNotExclusive(String form) {
            List<LifecycleRule> rules = policy(rule(1, tags(form, "alpha", "beta")
                    + ", \"countType\": \"imageCountMoreThan\", \"countNumber\": 1"));
            List<ImageRecord> images = List.of(image("A", 10, "alpha-1", "beta-1", "gamma-1"),
                    image("B", 9, "alpha-2", "beta-2"), image("C", 8, "alpha-3", "beta-3", "gamma-2"));
            assertThat(expired(rules, images)).containsExactly(Map.entry("A", 1), Map.entry("B", 1));
        }

        @Test
        void allImages_exampleA_keepsOnlyTheNewestImage() {
            List<LifecycleRule> rules = policy(rule(1, "\"tagStatus\": \"any\", "
                    + "\"countType\": \"imageCountMoreThan\", \"countNumber\": 1"));
            List<ImageRecord> images = List.of(image("A", 4, "alpha-1"), image("B", 3, "beta-1"), image("C", 2),
                    image("D", 1, "alpha-2"));
            assertThat(expired(rules, images)).containsExactly(Map.entry("A", 1), Map.entry("B", 1), Map.entry("C", 1));
        }

        @Test
        void allImages_exampleB_combinesAllRuleTypes() {
            List<LifecycleRule> rules = policy(
                    rule(1, "\"tagStatus\": \"tagged\", \"tagPatternList\": [\"alpha*\"], "
                            + "\"countType\": \"imageCountMoreThan\", \"countNumber\": 1"),
                    rule(2, "\"tagStatus\": \"untagged\", \"countType\": \"sinceImagePushed\", "
                            + "\"countUnit\": \"days\", \"countNumber\": 1"),
                    rule(3, "\"tagStatus\": \"any\", \"countType\": \"imageCountMoreThan\", \"countNumber\": 1"));
            // D and E are both "pushed 1 day ago" on the page; its outcome needs E (listed last) to be the newest
            // and not older than one day, so E is pushed a minute after D.
            List<ImageRecord> images = List.of(image("A", 4, "alpha-1", "beta-1"), image("B", 3),
                    image("C", 2, "alpha-2"), image("D", 1, "git hash"),
                    image("E", Duration.ofDays(1).minusMinutes(1)));
            assertThat(expired(rules, images)).containsExactly(Map.entry("A", 1), Map.entry("B", 2), Map.entry("D", 3));
        }
    }

    @Nested
    class EdgeCases {
        @Test
        void emptyRepository_expiresNothing() {
            assertThat(EVALUATOR.evaluate(policy(rule(1, "\"tagStatus\": \"any\", "
                    + "\"countType\": \"imageCountMoreThan\", \"countNumber\": 1")), List.of())).isEmpty();
        }

        @Test
        void equalPushTimes_resultDoesNotDependOnInputOrder() {
            List<LifecycleRule> rules = policy(rule(1, "\"tagStatus\": \"untagged\", "
                    + "\"countType\": \"imageCountMoreThan\", \"countNumber\": 2"));
            List<ImageRecord> images = new ArrayList<>(IntStream.range(0, 6)
                    .mapToObj(i -> image("d" + i, 5)).toList());
            Map<String, Integer> first = expired(rules, images);
            assertThat(first).hasSize(4).containsOnlyKeys("d0", "d1", "d2", "d3");
            Random random = new Random(42);
            for (int i = 0; i < 5; i++) {
                Collections.shuffle(images, random);
                assertThat(expired(rules, images)).isEqualTo(first);
            }
        }

        @Test
        void imageWithManyTags_isSelectedWhenAnyTagMatchesEachPattern() {
            List<String> many = new ArrayList<>(IntStream.range(0, 99).mapToObj(i -> "build-" + i).toList());
            many.add("release-7");
            List<LifecycleRule> rules = policy(rule(1, "\"tagStatus\": \"tagged\", "
                    + "\"tagPatternList\": [\"release-*\", \"build-9*\", \"build-*8\"], \"countType\": \"sinceImagePushed\", "
                    + "\"countUnit\": \"days\", \"countNumber\": 1"));
            List<ImageRecord> images = List.of(
                    new ImageRecord("sha256:many", many, NOW.minus(Duration.ofDays(3))),
                    image("no-release", 3, "build-98", "build-90"),
                    image("release-only", 3, "release-1"));
            assertThat(expired(rules, images)).containsExactlyEntriesOf(Map.of("many", 1));
        }

        @Test
        void anyRuleAfterOthers_countsProtectedImagesButExpiresOnlyUnclaimedOnes() {
            List<LifecycleRule> rules = policy(
                    rule(1, "\"tagStatus\": \"tagged\", \"tagPrefixList\": [\"prod\"], "
                            + "\"countType\": \"imageCountMoreThan\", \"countNumber\": 5"),
                    rule(2, "\"tagStatus\": \"any\", \"countType\": \"imageCountMoreThan\", \"countNumber\": 2"));
            List<ImageRecord> images = List.of(image("prod-new", 1, "prod-3"), image("prod-mid", 2, "prod-2"),
                    image("dev", 3, "dev-1"), image("untagged", 4), image("prod-old", 5, "prod-1"));
            // Rule 2 keeps the two newest (both prod, protected by rule 1 but counted), marks the other three and
            // may expire only those rule 1 did not select.
            assertThat(expired(rules, images)).containsExactly(Map.entry("untagged", 2), Map.entry("dev", 2));
        }

        @Test
        void sinceImagePushed_expiresOnlyImagesOlderThanTheCutoff() {
            List<LifecycleRule> rules = policy(rule(1, "\"tagStatus\": \"any\", \"countType\": \"sinceImagePushed\", "
                    + "\"countUnit\": \"days\", \"countNumber\": 7"));
            List<ImageRecord> images = List.of(image("exactly-7-days", 7),
                    image("just-over", Duration.ofDays(7).plusSeconds(1)), image("new", 0));
            assertThat(expired(rules, images)).containsExactlyEntriesOf(Map.of("just-over", 1));
        }

        @Test
        void sinceImagePushed_usesTheInjectedClock() {
            List<LifecycleRule> rules = policy(rule(1, "\"tagStatus\": \"any\", \"countType\": \"sinceImagePushed\", "
                    + "\"countUnit\": \"days\", \"countNumber\": 7"));
            List<ImageRecord> images = List.of(image("a", 3));
            LifecycleEvaluator later = new LifecycleEvaluator(Clock.fixed(NOW.plus(Duration.ofDays(5)), ZoneOffset.UTC));
            assertThat(EVALUATOR.evaluate(rules, images)).isEmpty();
            assertThat(later.evaluate(rules, images)).extracting(Expiry::rulePriority).containsExactly(1);
        }

        @Test
        void patterns_treatOnlyStarAsWildcard() {
            List<LifecycleRule> rules = policy(rule(1, "\"tagStatus\": \"tagged\", \"tagPatternList\": [\"v1.*\"], "
                    + "\"countType\": \"imageCountMoreThan\", \"countNumber\": 1"));
            List<ImageRecord> images = List.of(image("dot", 3, "v1.2"), image("nodot", 4, "v1x2"),
                    image("exact", 5, "v1."), image("newest", 1, "v1.9"));
            assertThat(expired(rules, images)).containsExactly(Map.entry("exact", 1), Map.entry("dot", 1));
        }

        @Test
        void untaggedAndAnyRules_neverExpireAnImageTwice() {
            List<LifecycleRule> rules = policy(
                    rule(1, "\"tagStatus\": \"untagged\", \"countType\": \"imageCountMoreThan\", \"countNumber\": 1"),
                    rule(2, "\"tagStatus\": \"any\", \"countType\": \"sinceImagePushed\", \"countUnit\": \"days\", "
                            + "\"countNumber\": 1"));
            List<ImageRecord> images = List.of(image("u-old", 9), image("u-new", 5), image("t-old", 8, "x"));
            assertThat(expired(rules, images)).containsExactly(Map.entry("u-old", 1), Map.entry("t-old", 2));
        }

        @Test
        void rulesAreAppliedByPriorityWhateverTheirOrderInTheList() {
            List<LifecycleRule> rules = policy(
                    rule(20, "\"tagStatus\": \"any\", \"countType\": \"imageCountMoreThan\", \"countNumber\": 1"),
                    rule(10, "\"tagStatus\": \"tagged\", \"tagPrefixList\": [\"keep\"], "
                            + "\"countType\": \"imageCountMoreThan\", \"countNumber\": 9"));
            List<ImageRecord> images = List.of(image("keep-old", 5, "keep-1"), image("other", 4, "x"),
                    image("newest", 1, "y"));
            assertThat(expired(rules, images)).containsExactlyEntriesOf(Map.of("other", 20));
        }
    }
}
