package com.example.helloecs.registry.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.example.helloecs.config.ConfigException;
import com.example.helloecs.config.ConfigReader;
import com.example.helloecs.config.Problem;
import com.example.helloecs.config.Problems;

/** Lifecycle rules validated as ECR does: one test per rule ECR enforces (plain maps, no synthesis). */
class LifecycleRulesTest {
    private static final String KEY = "registry.lifecycleRules";

    private static Map<String, Object> rule(int priority, Map<String, Object> selection) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("rulePriority", priority);
        rule.put("selection", selection);
        rule.put("action", Map.of("type", "expire"));
        return rule;
    }

    private static Map<String, Object> selection(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Map<String, Object> untaggedDays(int priority, int days) {
        return rule(priority, selection("tagStatus", "untagged", "countType", "sinceImagePushed",
                "countUnit", "days", "countNumber", days));
    }

    private static Map<String, Object> taggedCount(int priority, String listKey, List<String> list, int count) {
        return rule(priority, selection("tagStatus", "tagged", listKey, list,
                "countType", "imageCountMoreThan", "countNumber", count));
    }

    private static List<Problem> problems(Object rules) {
        Problems p = new Problems();
        LifecycleRules.parse(rules, KEY, p);
        return p.list();
    }

    @Test
    void acceptsAValidPolicy() {
        Problems p = new Problems();
        List<LifecycleRule> rules = LifecycleRules.parse(List.of(
                untaggedDays(1, 1),
                taggedCount(2, "tagPrefixList", List.of("release-"), 10),
                taggedCount(3, "tagPatternList", List.of("*-rc*"), 3),
                rule(4, selection("tagStatus", "any", "countType", "imageCountMoreThan", "countNumber", 100))), KEY, p);
        assertThat(p.list()).isEmpty();
        assertThat(rules).extracting(LifecycleRule::tagStatus)
                .containsExactly(TagStatus.UNTAGGED, TagStatus.TAGGED, TagStatus.TAGGED, TagStatus.ANY);
        assertThat(rules.get(0).countType()).isEqualTo(CountType.SINCE_IMAGE_PUSHED);
        assertThat(rules.get(1).tagPrefixList()).containsExactly("release-");
    }

    @Test
    void acceptsAWholeEcrPolicyDocument() {
        assertThat(problems(Map.of("rules", List.of(untaggedDays(1, 7))))).isEmpty();
    }

    @Test
    void rejectsDuplicatePriorities() {
        assertThat(problems(List.of(untaggedDays(1, 1), taggedCount(1, "tagPrefixList", List.of("v"), 5))))
                .containsExactly(new Problem(KEY, "\"rulePriority 1 used by 2 rules\"", "unique rule priorities"));
    }

    @Test
    void rejectsAnyRuleThatIsNotLast() {
        assertThat(problems(List.of(
                rule(1, selection("tagStatus", "any", "countType", "imageCountMoreThan", "countNumber", 5)),
                taggedCount(2, "tagPrefixList", List.of("v"), 5))))
                .extracting(Problem::expected)
                .containsExactly("a rule with tagStatus any only with the highest priority number");
    }

    @Test
    void rejectsTwoRulesSelectingUntaggedImages() {
        assertThat(problems(List.of(untaggedDays(1, 1), untaggedDays(2, 14))))
                .containsExactly(new Problem(KEY, "\"2 rules with tagStatus untagged\"",
                        "at most one rule selecting untagged images"));
    }

    @Test
    void rejectsTaggedRuleWithoutATagList() {
        assertThat(problems(List.of(rule(1, selection("tagStatus", "tagged", "countType", "imageCountMoreThan",
                "countNumber", 5)))))
                .extracting(Problem::key, Problem::expected)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(KEY + "[0].selection",
                        "exactly one non-empty tagPrefixList or tagPatternList when tagStatus is tagged"));
    }

    @Test
    void rejectsTaggedRuleWithBothTagLists() {
        assertThat(problems(List.of(rule(1, selection("tagStatus", "tagged", "tagPrefixList", List.of("v"),
                "tagPatternList", List.of("v*"), "countType", "imageCountMoreThan", "countNumber", 5)))))
                .extracting(Problem::expected)
                .containsExactly("exactly one non-empty tagPrefixList or tagPatternList when tagStatus is tagged");
    }

    @Test
    void rejectsTagListOnUntaggedOrAnyRule() {
        assertThat(problems(List.of(rule(1, selection("tagStatus", "untagged", "tagPrefixList", List.of("v"),
                "countType", "imageCountMoreThan", "countNumber", 5)))))
                .extracting(Problem::expected)
                .containsExactly("tagPrefixList and tagPatternList only with tagStatus tagged");
    }

    @Test
    void rejectsPatternWithMoreThanFourWildcards() {
        assertThat(problems(List.of(taggedCount(1, "tagPatternList", List.of("*a*b*c*d*"), 5))))
                .containsExactly(new Problem(KEY + "[0].selection.tagPatternList[0]", "\"*a*b*c*d*\"",
                        "a non-empty tag pattern with at most 4 '*' wildcards"));
        assertThat(problems(List.of(taggedCount(1, "tagPatternList", List.of("*a*b*c*"), 5)))).isEmpty();
    }

    @Test
    void rejectsCountNumberBelowOne() {
        assertThat(problems(List.of(taggedCount(1, "tagPrefixList", List.of("v"), 0))))
                .containsExactly(new Problem(KEY + "[0].selection.countNumber", "0", "an integer >= 1"));
    }

    @Test
    void rejectsDaysWithImageCount() {
        assertThat(problems(List.of(rule(1, selection("tagStatus", "untagged", "countType", "imageCountMoreThan",
                "countUnit", "days", "countNumber", 5)))))
                .containsExactly(new Problem(KEY + "[0].selection.countUnit", "\"days\"",
                        "no countUnit with countType imageCountMoreThan"));
    }

    @Test
    void rejectsSinceImagePushedWithoutDays() {
        assertThat(problems(List.of(rule(1, selection("tagStatus", "untagged", "countType", "sinceImagePushed",
                "countUnit", "hours", "countNumber", 5)))))
                .containsExactly(new Problem(KEY + "[0].selection.countUnit", "\"hours\"",
                        "\"days\" (required with countType sinceImagePushed)"));
    }

    @Test
    void rejectsMoreThanFiftyRules() {
        List<Object> rules = new ArrayList<>();
        for (int i = 1; i <= 51; i++) {
            rules.add(taggedCount(i, "tagPrefixList", List.of("v" + i), 5));
        }
        assertThat(problems(rules)).contains(new Problem(KEY, "\"51 rules\"", "at most 50 rules"));
    }

    @Test
    void rejectsUnknownValuesAndFields() {
        Map<String, Object> bad = rule(1, selection("tagStatus", "TAGGED", "countType", "olderThan",
                "countNumber", "many", "tagFilter", "x"));
        bad.put("action", Map.of("type", "delete"));
        assertThat(problems(List.of(bad))).extracting(Problem::key).containsExactlyInAnyOrder(
                KEY + "[0].action",
                KEY + "[0].selection.tagFilter",
                KEY + "[0].selection.tagStatus",
                KEY + "[0].selection.countType",
                KEY + "[0].selection.countNumber");
    }

    @Test
    void rejectsMissingPriorityAndSelection() {
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("action", Map.of("type", "expire"));
        assertThat(problems(List.of(bad))).extracting(Problem::key)
                .containsExactly(KEY + "[0].rulePriority", KEY + "[0].selection");
    }

    @Test
    void rejectsNonList() {
        assertThat(problems("keep 10")).extracting(Problem::key).containsExactly(KEY);
    }

    @Test
    void configReaderReportsLifecycleProblemsWithTheOthers() {
        assertThatThrownBy(() -> ConfigReader.read(Map.of(KEY, "[{\"rulePriority\": 1, \"selection\": "
                + "{\"tagStatus\": \"tagged\", \"countType\": \"imageCountMoreThan\", \"countNumber\": 0}, "
                + "\"action\": {\"type\": \"expire\"}}]", "registry.repositoryName", "X")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(KEY + "[0].selection.countNumber: got 0; expected an integer >= 1")
                .hasMessageContaining(KEY + "[0].selection: got \"tagPrefixList=[], tagPatternList=[]\"")
                .hasMessageContaining("registry.repositoryName: got \"X\"");
    }

    @Test
    void policyJsonIsOrderedByPriorityWithEcrsKeys() {
        Problems p = new Problems();
        List<LifecycleRule> rules = LifecycleRules.parse(List.of(
                taggedCount(2, "tagPatternList", List.of("*"), 20), untaggedDays(1, 1)), KEY, p);
        assertThat(LifecyclePolicy.toJson(rules)).isEqualTo("{\"rules\":["
                + "{\"rulePriority\":1,\"selection\":{\"tagStatus\":\"untagged\",\"countType\":\"sinceImagePushed\","
                + "\"countUnit\":\"days\",\"countNumber\":1},\"action\":{\"type\":\"expire\"}},"
                + "{\"rulePriority\":2,\"selection\":{\"tagStatus\":\"tagged\",\"tagPatternList\":[\"*\"],"
                + "\"countType\":\"imageCountMoreThan\",\"countNumber\":20},\"action\":{\"type\":\"expire\"}}]}");
    }
}
