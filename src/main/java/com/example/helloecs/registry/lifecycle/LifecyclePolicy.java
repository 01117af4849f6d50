package com.example.helloecs.registry.lifecycle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.example.helloecs.config.Json;

/**
 * The lifecycle policy text: the single function both the stack (which deploys it) and the preview command
 * (which evaluates it) use, so what is previewed is byte for byte what is deployed.
 */
public final class LifecyclePolicy {
    private LifecyclePolicy() {
    }

    /** ECR's lifecycle policy JSON for the rules, ordered by priority, keys in ECR's documented order. */
    public static String toJson(List<LifecycleRule> rules) {
        List<Map<String, Object>> out = new ArrayList<>();
        rules.stream().sorted(Comparator.comparingInt(LifecycleRule::priority)).forEach(rule -> {
            Map<String, Object> selection = new LinkedHashMap<>();
            selection.put("tagStatus", rule.tagStatus().json());
            if (!rule.tagPrefixList().isEmpty()) {
                selection.put("tagPrefixList", rule.tagPrefixList());
            }
            if (!rule.tagPatternList().isEmpty()) {
                selection.put("tagPatternList", rule.tagPatternList());
            }
            selection.put("countType", rule.countType().json());
            if (rule.countType() == CountType.SINCE_IMAGE_PUSHED) {
                selection.put("countUnit", "days");
            }
            selection.put("countNumber", rule.countNumber());
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("rulePriority", rule.priority());
            if (rule.description() != null) {
                json.put("description", rule.description());
            }
            json.put("selection", selection);
            json.put("action", Map.of("type", "expire"));
            out.add(json);
        });
        return Json.write(Map.of("rules", out));
    }
}
