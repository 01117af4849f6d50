package com.example.helloecs.registry.lifecycle;

import java.util.List;

import com.example.helloecs.config.Json;
import com.example.helloecs.config.Problems;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * The lifecycle policy exactly as the stack deploys it: the text {@link LifecyclePolicy#toJson} renders, and the
 * rules parsed back from that very text. Previews evaluate {@link #rules()} (or send {@link #text()} to ECR), so
 * what is previewed is byte for byte what is deployed.
 *
 * @param text  the policy document
 * @param rules the rules read back from {@code text}
 */
public record DeployedPolicy(String text, List<LifecycleRule> rules) {
    public DeployedPolicy {
        rules = List.copyOf(rules);
    }

    /** Renders the configured rules and parses the result back. */
    public static DeployedPolicy of(List<LifecycleRule> configured) {
        String text = LifecyclePolicy.toJson(configured);
        return new DeployedPolicy(text, parse(text));
    }

    /** Parses and validates a policy document; throws {@link com.example.helloecs.config.ConfigException}. */
    public static List<LifecycleRule> parse(String text) {
        Problems problems = new Problems();
        List<LifecycleRule> rules = List.of();
        try {
            rules = LifecycleRules.parse(Json.parse(text), "lifecyclePolicyText", problems);
        } catch (JsonProcessingException e) {
            problems.add("lifecyclePolicyText", text, "valid JSON (" + e.getOriginalMessage() + ")");
        }
        problems.throwIfAny();
        return rules;
    }
}
