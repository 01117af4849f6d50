package com.example.helloecs.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.example.helloecs.config.Json;

/**
 * Finds the statements of a CloudFormation template that grant something to an AWS service principal (role trust
 * policies and resource policies) and says whether each has the source condition AWS documents for that service.
 */
final class ServicePrincipalConditions {
    /** One statement granting to one service principal. */
    record Grant(String where, String service, Map<String, Object> condition) {
    }

    /** Condition keys that bind a service's request to this app's account or resource. */
    static final Set<String> SOURCE_KEYS = Set.of("aws:SourceAccount", "aws:SourceArn", "aws:SourceOrgID",
            "kms:EncryptionContext:aws:logs:arn", "kms:EncryptionContext:aws:sns:topicArn");

    /**
     * Service principals, and the logical-ID prefixes of the roles or policies they appear in, for which AWS
     * documents no source condition, with where it says so.
     */
    static final List<String[]> WITHOUT_SOURCE_CONDITION = List.of(
            new String[] {"lambda.amazonaws.com", "",
                    "Lambda execution roles (aws-cdk-lib's custom-resource providers): the Lambda Developer Guide's "
                            + "execution-role trust policy has no condition, and Lambda assumes the role for the "
                            + "function's own account only (iam:PassRole at CreateFunction)"},
            new String[] {"ecs-tasks.amazonaws.com", "WebExecutionRole",
                    "task execution role: the ECS Developer Guide's task execution IAM role page gives its trust "
                            + "policy without a condition (only the task role page documents aws:SourceArn/Account)"},
            new String[] {"codepipeline.amazonaws.com", "PipelineRole",
                    "the pipeline's service role (CDK Pipelines): the CodePipeline User Guide's service-role page "
                            + "(how-to-custom-role) gives the trust policy without a source condition"},
            new String[] {"logdelivery.elasticloadbalancing.amazonaws.com", "",
                    "ALB access logs bucket policy: the ELB User Guide (enable-access-logging, regions after "
                            + "August 2022) documents the log-delivery principal with s3:PutObject on the prefix "
                            + "and no condition key"});

    private ServicePrincipalConditions() {
    }

    @SuppressWarnings("unchecked")
    static List<Grant> grants(Map<String, Object> template) {
        List<Grant> out = new ArrayList<>();
        Map<String, Object> resources = (Map<String, Object>) template.getOrDefault("Resources", Map.of());
        resources.forEach((logicalId, value) -> {
            Map<String, Object> resource = (Map<String, Object>) value;
            Map<String, Object> props = (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
            String type = (String) resource.get("Type");
            Object document = switch (type) {
                case "AWS::IAM::Role" -> props.get("AssumeRolePolicyDocument");
                case "AWS::KMS::Key" -> props.get("KeyPolicy");
                case "AWS::SNS::TopicPolicy", "AWS::S3::BucketPolicy", "AWS::SQS::QueuePolicy",
                        "AWS::Logs::ResourcePolicy" -> props.get("PolicyDocument");
                case "AWS::ECR::Repository" -> props.get("RepositoryPolicyText");
                default -> null;
            };
            if (document instanceof String text) {
                try {
                    document = Json.MAPPER.readValue(text, Map.class);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException(logicalId + ": policy is not JSON", e);
                }
            }
            if (document instanceof Map<?, ?> doc && doc.get("Statement") instanceof List<?> statements) {
                for (Object s : statements) {
                    Map<String, Object> statement = (Map<String, Object>) s;
                    if (!"Allow".equals(statement.get("Effect"))
                            || !(statement.get("Principal") instanceof Map<?, ?> principal)) {
                        continue;
                    }
                    for (String service : services(principal.get("Service"))) {
                        out.add(new Grant(type + " " + logicalId, service,
                                (Map<String, Object>) statement.getOrDefault("Condition", Map.of())));
                    }
                }
            }
        });
        return out;
    }

    /** Service names of a principal's Service entry: a string, a list, or an Fn::Join (rendered with its refs). */
    private static List<String> services(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().flatMap(v -> services(v).stream()).toList();
        }
        return List.of(render(value));
    }

    private static String render(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Map<?, ?> map && map.get("Fn::Join") instanceof List<?> join) {
            StringBuilder sb = new StringBuilder();
            for (Object part : (List<?>) join.get(1)) {
                sb.append(render(part));
            }
            return sb.toString();
        }
        if (value instanceof Map<?, ?> map && map.get("Ref") != null) {
            String ref = String.valueOf(map.get("Ref"));
            return "AWS::Region".equals(ref) ? "REGION" : "${" + ref + "}";
        }
        return String.valueOf(value);
    }

    /** Why the grant is not protected, or {@code null} when it is (or AWS documents no condition for it). */
    static String problem(Grant grant) {
        for (Map.Entry<String, Object> operator : grant.condition().entrySet()) {
            if (operator.getValue() instanceof Map<?, ?> keys
                    && keys.keySet().stream().anyMatch(SOURCE_KEYS::contains)) {
                return null;
            }
        }
        for (String[] allowed : WITHOUT_SOURCE_CONDITION) {
            if (allowed[0].equals(grant.service()) && grant.where().split(" ")[1].startsWith(allowed[1])) {
                return null;
            }
        }
        return "no source condition (one of " + SOURCE_KEYS + ") and not in the documented exceptions";
    }
}
