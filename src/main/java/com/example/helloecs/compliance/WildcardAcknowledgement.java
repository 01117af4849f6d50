package com.example.helloecs.compliance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.example.helloecs.config.Json;
import com.fasterxml.jackson.databind.JsonNode;

import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.IAspect;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.CfnPolicy;
import software.constructs.IConstruct;

/**
 * Acknowledges AwsSolutions-IAM5 (wildcard permissions) on IAM policies that aws-cdk-lib generates, one finding
 * at a time: cdk-nag 3 matches acknowledgements by the exact finding ({@code AwsSolutions-IAM5[Action::s3:List*]}),
 * and a generated policy's statements are only complete at synthesis, so an aspect reads each policy then and
 * acknowledges exactly the wildcards it holds (computed as cdk-nag's IAMNoWildcardPermissions rule does). A
 * wildcard added later by our own code therefore is not silently acknowledged unless it sits in the same scope.
 */
public final class WildcardAcknowledgement implements IAspect {
    private static final String RULE = "AwsSolutions-IAM5";
    private final String reason;

    private WildcardAcknowledgement(String reason) {
        this.reason = reason;
    }

    /** Acknowledges, on every IAM policy under {@code scope}, exactly the wildcards it has at synthesis. */
    public static void under(IConstruct scope, String reason) {
        Aspects.of(scope).add(new WildcardAcknowledgement(reason));
    }

    @Override
    public void visit(IConstruct node) {
        if (node instanceof CfnPolicy policy) {
            Object resolved = Stack.of(policy).resolve(policy.getPolicyDocument());
            for (String finding : findings(Json.MAPPER.valueToTree(resolved))) {
                Acknowledge.rule(policy, RULE + "[" + finding + "]", reason);
            }
        }
    }

    /** The wildcard findings of a resolved policy document, as cdk-nag names them. */
    static List<String> findings(JsonNode document) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode statement : document.path("Statement")) {
            if (!"Allow".equals(statement.path("Effect").asText())) {
                continue;
            }
            for (JsonNode action : array(statement.path("Action"))) {
                if (action.asText().contains("*")) {
                    out.add("Action::" + action.asText());
                }
            }
            for (JsonNode resource : array(statement.path("Resource"))) {
                String flat = flatten(resource);
                if (flat.contains("*")) {
                    out.add("Resource::" + flat);
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static Iterable<JsonNode> array(JsonNode node) {
        return node.isArray() ? node : List.of(node);
    }

    /** cdk-nag's flattenCfnReference: references become {@code <Id>} / {@code <Id.Attr>}, joins are joined. */
    static String flatten(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "";
        }
        if (node.isTextual()) {
            return node.asText().replace("${", "<").replace("}", ">");
        }
        if (node.has("Fn::Join")) {
            List<String> parts = new ArrayList<>();
            node.get("Fn::Join").get(1).forEach(part -> parts.add(flatten(part)));
            return String.join(node.get("Fn::Join").get(0).asText(), parts);
        }
        if (node.has("Fn::Sub")) {
            return flatten(node.get("Fn::Sub"));
        }
        if (node.has("Fn::GetAtt")) {
            return "<" + flatten(node.get("Fn::GetAtt").get(0)) + "." + flatten(node.get("Fn::GetAtt").get(1)) + ">";
        }
        if (node.has("Fn::ImportValue")) {
            return flatten(node.get("Fn::ImportValue"));
        }
        if (node.has("Ref")) {
            return "<" + flatten(node.get("Ref")) + ">";
        }
        return node.toString();
    }
}
