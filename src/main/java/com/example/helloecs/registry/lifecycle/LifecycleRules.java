package com.example.helloecs.registry.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.example.helloecs.config.Problems;

/**
 * Parses lifecycle rules written in ECR's own JSON shape and validates them exactly as ECR does
 * (AWS ECR User Guide, "Lifecycle policy properties"): unique priorities; a rule with tagStatus {@code any}
 * only with the highest priority number; only one rule selecting untagged images; tagged rules need exactly one
 * of tagPrefixList / tagPatternList; at most four {@code *} per pattern; countNumber at least 1;
 * countUnit {@code days} only (and always) with sinceImagePushed; at most 50 rules and 30,720 characters.
 */
public final class LifecycleRules {
    public static final int MAX_RULES = 50;
    public static final int MAX_POLICY_CHARACTERS = 30_720;
    public static final int MAX_WILDCARDS = 4;
    private static final Set<String> RULE_FIELDS = Set.of("rulePriority", "description", "selection", "action");
    private static final Set<String> SELECTION_FIELDS =
            Set.of("tagStatus", "tagPrefixList", "tagPatternList", "countType", "countUnit", "countNumber");

    private LifecycleRules() {
    }

    /**
     * Parses and validates; every problem is added to {@code problems} under {@code key[i].field}.
     *
     * @param json a list of rules, or an object {@code {"rules": [...]}} (a whole ECR policy document)
     * @return the valid rules (only meaningful when no problem was added)
     */
    public static List<LifecycleRule> parse(Object json, String key, Problems problems) {
        Object rulesJson = json instanceof Map<?, ?> m && m.containsKey("rules") && m.size() == 1 ? m.get("rules") : json;
        if (!(rulesJson instanceof List<?> items)) {
            problems.add(key, json, "a JSON list of ECR lifecycle rules (or {\"rules\": [...]})");
            return List.of();
        }
        if (items.size() > MAX_RULES) {
            problems.add(key, items.size() + " rules", "at most " + MAX_RULES + " rules");
        }
        List<LifecycleRule> rules = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            LifecycleRule rule = parseRule(items.get(i), key + "[" + i + "]", problems);
            if (rule != null) {
                rules.add(rule);
            }
        }
        if (rules.size() == items.size()) {
            checkAcrossRules(rules, key, problems);
        }
        return List.copyOf(rules);
    }

    private static LifecycleRule parseRule(Object item, String at, Problems problems) {
        if (!(item instanceof Map<?, ?> rule)) {
            problems.add(at, item, "a JSON object with rulePriority, selection and action");
            return null;
        }
        int before = problems.size();
        unknownFields(rule, RULE_FIELDS, at, problems);
        Integer priority = positiveInteger(rule.get("rulePriority"), at + ".rulePriority", problems);
        Object description = rule.get("description");
        if (description != null && !(description instanceof String)) {
            problems.add(at + ".description", description, "a string");
        }
        Object action = rule.get("action");
        if (!(action instanceof Map<?, ?> a) || !"expire".equals(a.get("type")) || a.size() != 1) {
            problems.add(at + ".action", action, "{\"type\": \"expire\"}");
        }
        Object selectionJson = rule.get("selection");
        if (!(selectionJson instanceof Map<?, ?> selection)) {
            problems.add(at + ".selection", selectionJson, "an object with tagStatus, countType and countNumber");
            return null;
        }
        String sel = at + ".selection";
        unknownFields(selection, SELECTION_FIELDS, sel, problems);
        TagStatus tagStatus = enumValue(selection.get("tagStatus"), TagStatus.values(), TagStatus::json,
                sel + ".tagStatus", problems);
        CountType countType = enumValue(selection.get("countType"), CountType.values(), CountType::json,
                sel + ".countType", problems);
        List<String> prefixes = stringList(selection.get("tagPrefixList"), sel + ".tagPrefixList", problems);
        List<String> patterns = stringList(selection.get("tagPatternList"), sel + ".tagPatternList", problems);
        Integer count = positiveInteger(selection.get("countNumber"), sel + ".countNumber", problems);
        Object unit = selection.get("countUnit");
        if (countType == CountType.SINCE_IMAGE_PUSHED && !"days".equals(unit)) {
            problems.add(sel + ".countUnit", unit, "\"days\" (required with countType sinceImagePushed)");
        } else if (countType == CountType.IMAGE_COUNT_MORE_THAN && unit != null) {
            problems.add(sel + ".countUnit", unit, "no countUnit with countType imageCountMoreThan");
        }
        if (tagStatus == TagStatus.TAGGED) {
            if (prefixes.isEmpty() == patterns.isEmpty()) {
                problems.add(sel, "tagPrefixList=" + prefixes + ", tagPatternList=" + patterns,
                        "exactly one non-empty tagPrefixList or tagPatternList when tagStatus is tagged");
            }
        } else if (tagStatus != null && (!prefixes.isEmpty() || !patterns.isEmpty())) {
            problems.add(sel, "tagStatus=" + tagStatus.json() + " with a tag list",
                    "tagPrefixList and tagPatternList only with tagStatus tagged");
        }
        for (int i = 0; i < prefixes.size(); i++) {
            if (prefixes.get(i).isEmpty()) {
                problems.add(sel + ".tagPrefixList[" + i + "]", prefixes.get(i), "a non-empty tag prefix");
            }
        }
        for (int i = 0; i < patterns.size(); i++) {
            String pattern = patterns.get(i);
            long stars = pattern.chars().filter(c -> c == '*').count();
            if (pattern.isEmpty() || stars > MAX_WILDCARDS) {
                problems.add(sel + ".tagPatternList[" + i + "]", pattern,
                        "a non-empty tag pattern with at most " + MAX_WILDCARDS + " '*' wildcards");
            }
        }
        if (problems.size() != before) {
            return null;
        }
        return new LifecycleRule(priority, (String) description, tagStatus, prefixes, patterns, countType, count);
    }

    private static void checkAcrossRules(List<LifecycleRule> rules, String key, Problems problems) {
        Map<Integer, Long> byPriority = rules.stream()
                .collect(Collectors.groupingBy(LifecycleRule::priority, Collectors.counting()));
        byPriority.forEach((priority, n) -> {
            if (n > 1) {
                problems.add(key, "rulePriority " + priority + " used by " + n + " rules", "unique rule priorities");
            }
        });
        long untagged = rules.stream().filter(r -> r.tagStatus() == TagStatus.UNTAGGED).count();
        if (untagged > 1) {
            problems.add(key, untagged + " rules with tagStatus untagged", "at most one rule selecting untagged images");
        }
        int highest = rules.stream().mapToInt(LifecycleRule::priority).max().orElse(0);
        for (LifecycleRule r : rules) {
            if (r.tagStatus() == TagStatus.ANY && (r.priority() != highest || byPriority.get(highest) > 1)) {
                problems.add(key, "tagStatus any at rulePriority " + r.priority() + " (highest is " + highest + ")",
                        "a rule with tagStatus any only with the highest priority number");
            }
        }
        int length = LifecyclePolicy.toJson(rules).length();
        if (length > MAX_POLICY_CHARACTERS) {
            problems.add(key, length + " characters", "a policy of at most " + MAX_POLICY_CHARACTERS + " characters");
        }
    }

    private static void unknownFields(Map<?, ?> map, Set<String> allowed, String at, Problems problems) {
        for (Object field : map.keySet()) {
            if (!allowed.contains(String.valueOf(field))) {
                problems.add(at + "." + field, map.get(field), "no such field; allowed: "
                        + allowed.stream().sorted().collect(Collectors.joining(", ")));
            }
        }
    }

    /** A JSON integer or integer string; a problem unless it is at least 1 (reported as read when it is one). */
    private static Integer positiveInteger(Object value, String at, Problems problems) {
        Integer i = value instanceof Integer n ? n
                : value instanceof String s && s.matches("-?\\d{1,9}") ? Integer.valueOf(s) : null;
        if (i == null || i < 1) {
            problems.add(at, i == null ? value : i, "an integer >= 1");
        }
        return i;
    }

    private static <E> E enumValue(Object value, E[] values, Function<E, String> json, String at, Problems problems) {
        for (E e : values) {
            if (json.apply(e).equals(value)) {
                return e;
            }
        }
        problems.add(at, value, "one of " + Stream.of(values).map(json).sorted().collect(Collectors.joining(", ")));
        return null;
    }

    private static List<String> stringList(Object value, String at, Problems problems) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        problems.add(at, value, "a list of strings");
        return List.of();
    }
}
