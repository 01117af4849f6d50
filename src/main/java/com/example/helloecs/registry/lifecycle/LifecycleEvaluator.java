package com.example.helloecs.registry.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Evaluates lifecycle rules against a repository's images locally, the way ECR documents it.
 *
 * <p>Sources (AWS ECR User Guide):
 * <ul>
 *   <li>"Automate the cleanup of images by using lifecycle policies"
 *       (https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html): the evaluator goes through
 *       all rules and marks the images each rule affects, then applies the rules by priority; an image is expired
 *       by exactly one or zero rules; an image that matches the tagging requirements of a higher-priority rule
 *       cannot be expired by a lower-priority rule; rules never mark images marked by higher-priority rules but
 *       still identify them as if they had not been expired; expiry is ordered by push time, oldest first;
 *       imageCountMoreThan sorts images youngest first and expires all past the count; sinceImagePushed expires
 *       images pushed more than countNumber days ago.</li>
 *   <li>"Examples of lifecycle policies"
 *       (https://docs.aws.amazon.com/AmazonECR/latest/userguide/lifecycle_policy_examples.html): the worked
 *       examples, all of which are test vectors of this class.</li>
 * </ul>
 *
 * <p>Undocumented corner, chosen here: images with equal push times are ordered by digest (the larger digest
 * counts as the newer), so the result does not depend on the input order.
 */
public final class LifecycleEvaluator {
    /** Newest first; ties broken by digest so that results are deterministic. */
    static final Comparator<ImageRecord> NEWEST_FIRST = Comparator.comparing(ImageRecord::pushedAt)
            .thenComparing(ImageRecord::digest).reversed();

    private final Clock clock;

    /** @param clock the "now" that sinceImagePushed compares against */
    public LifecycleEvaluator(Clock clock) {
        this.clock = clock;
    }

    /**
     * The images the rules would expire, oldest first.
     *
     * @param rules  validated rules (any order; applied by priority)
     * @param images the repository's images (distinct digests)
     */
    public List<Expiry> evaluate(List<LifecycleRule> rules, List<ImageRecord> images) {
        Instant now = clock.instant();
        List<ImageRecord> newestFirst = images.stream().sorted(NEWEST_FIRST).toList();
        Set<String> selectedByHigherRule = new HashSet<>();
        List<Expiry> expiries = new ArrayList<>();
        for (LifecycleRule rule : rules.stream().sorted(Comparator.comparingInt(LifecycleRule::priority)).toList()) {
            List<ImageRecord> selected = newestFirst.stream().filter(i -> TagSelection.selects(rule, i)).toList();
            for (ImageRecord candidate : marked(rule, selected, now)) {
                if (!selectedByHigherRule.contains(candidate.digest())) {
                    expiries.add(new Expiry(candidate, rule.priority()));
                }
            }
            selected.forEach(i -> selectedByHigherRule.add(i.digest()));
        }
        expiries.sort(Comparator.comparing(Expiry::image, NEWEST_FIRST.reversed()));
        return List.copyOf(expiries);
    }

    /** The images a rule marks among those it selects (given newest first), ignoring other rules. */
    private static List<ImageRecord> marked(LifecycleRule rule, List<ImageRecord> selectedNewestFirst, Instant now) {
        return switch (rule.countType()) {
            case IMAGE_COUNT_MORE_THAN -> selectedNewestFirst.size() <= rule.countNumber() ? List.of()
                    : selectedNewestFirst.subList(rule.countNumber(), selectedNewestFirst.size());
            case SINCE_IMAGE_PUSHED -> {
                Instant cutoff = now.minus(Duration.ofDays(rule.countNumber()));
                yield selectedNewestFirst.stream().filter(i -> i.pushedAt().isBefore(cutoff)).toList();
            }
        };
    }
}
