package com.example.helloecs.cli;

import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.example.helloecs.config.Json;
import com.example.helloecs.registry.lifecycle.Expiry;
import com.example.helloecs.registry.lifecycle.LifecycleRule;

/**
 * What {@code lifecycle preview} prints: the expiring images (oldest first) with the priority of the rule that
 * expires each, as a table or as JSON.
 *
 * @param repository repository name
 * @param source     where the images came from ({@code file PATH}, {@code ECR DescribeImages}, {@code ECR preview})
 * @param imageCount images evaluated, or {@code -1} when unknown (ECR's preview reports only the expiring ones)
 * @param rules      the rules evaluated (for their descriptions)
 * @param expiries   the expiring images
 */
public record PreviewReport(String repository, String source, int imageCount, List<LifecycleRule> rules,
                            List<Expiry> expiries) {

    public String table() {
        Map<Integer, String> descriptions = descriptions();
        StringBuilder out = new StringBuilder();
        out.append("Lifecycle preview of ").append(repository).append(" (images from ").append(source).append(")\n");
        if (!expiries.isEmpty()) {
            String format = "%-8s  %-20s  %-19s  %s%n";
            out.append(String.format(format, "PRIORITY", "PUSHED (UTC)", "DIGEST", "TAGS"));
            for (Expiry e : expiries) {
                out.append(String.format(format, e.rulePriority(),
                        e.image().pushedAt().truncatedTo(ChronoUnit.SECONDS).toString().replace("T", " ")
                                .replace("Z", ""),
                        shortDigest(e.image().digest()),
                        e.image().tags().isEmpty() ? "<untagged>" : String.join(",", e.image().tags())));
            }
        }
        out.append(expiries.size()).append(expiries.size() == 1 ? " image" : " images").append(" would expire")
                .append(imageCount >= 0 ? " of " + imageCount + " evaluated" : "").append(".\n");
        Map<Integer, Long> byRule = expiries.stream()
                .collect(Collectors.groupingBy(Expiry::rulePriority, java.util.TreeMap::new, Collectors.counting()));
        byRule.forEach((priority, n) -> out.append("  rule ").append(priority).append(": ").append(n)
                .append(descriptions.containsKey(priority) ? " (" + descriptions.get(priority) + ")" : "")
                .append('\n'));
        return out.toString();
    }

    public String json() {
        Map<Integer, String> descriptions = descriptions();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("repository", repository);
        out.put("source", source);
        if (imageCount >= 0) {
            out.put("imagesEvaluated", imageCount);
        }
        out.put("expiringCount", expiries.size());
        out.put("expiring", expiries.stream().map(e -> Json.ordered("imageDigest", e.image().digest(),
                "imageTags", e.image().tags(), "imagePushedAt", e.image().pushedAt().toString(),
                "rulePriority", e.rulePriority(), "ruleDescription", descriptions.get(e.rulePriority()))).toList());
        return Json.write(out) + "\n";
    }

    private Map<Integer, String> descriptions() {
        Map<Integer, String> out = new LinkedHashMap<>();
        rules.stream().filter(r -> r.description() != null).forEach(r -> out.put(r.priority(), r.description()));
        return out;
    }

    static String shortDigest(String digest) {
        return digest.length() > 19 ? digest.substring(0, 19) : digest;
    }
}
