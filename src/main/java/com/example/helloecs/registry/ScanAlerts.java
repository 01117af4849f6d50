package com.example.helloecs.registry;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.example.helloecs.config.Json;

import software.amazon.awscdk.Aws;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.interfaces.events.IRuleRef;
import software.amazon.awscdk.services.events.EventField;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.IRuleTarget;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.RuleTargetConfig;
import software.amazon.awscdk.services.events.RuleTargetInput;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * Alerts on image scans with CRITICAL or HIGH findings: an EventBridge rule on ECR's "ECR Image Scan" events
 * (emitted by basic scanning, including scan on push) notifies an SNS topic encrypted with its own KMS key
 * (rotated; its key policy lets EventBridge use it) that only accepts TLS. Optionally an email address is
 * subscribed (it must confirm the subscription).
 */
public class ScanAlerts extends Construct {
    /** EventBridge's detail type for a completed ECR basic scan. */
    public static final String DETAIL_TYPE = "ECR Image Scan";
    private static final String EVENTS = "events.amazonaws.com";

    /** The key encrypting the topic. */
    public final Key key;
    /** The topic notified. */
    public final Topic topic;
    /** The rule matching scans with CRITICAL or HIGH findings. */
    public final Rule rule;

    public ScanAlerts(Construct scope, String id, ScanAlertsProps props) {
        super(scope, id);
        this.key = Key.Builder.create(this, "Key")
                .description("Encrypts the scan alert topic of ECR repository " + props.repositoryName())
                .enableKeyRotation(true)
                .removalPolicy(props.destroyKey() ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN)
                .build();
        // EventBridge publishes to the encrypted topic, so it needs to use the key (and nothing more), for a rule of
        // this account and a topic of this account only: the conditions AWS documents for services publishing to
        // an encrypted topic ("Enable compatibility between event sources from AWS services and encrypted topics",
        // https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services).
        // Patterns, not the rule's and topic's own ARNs: the topic refers to this key, so the key cannot refer to
        // the topic (or to the rule, which refers to the topic) without a circular dependency.
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowEventBridgeToPublishToTheEncryptedTopic")
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal(EVENTS)))
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey*"))
                .resources(List.of("*"))
                .conditions(Map.of(
                        "ArnLike", new TreeMap<>(Map.of(
                                "aws:SourceArn", "arn:" + Aws.PARTITION + ":events:" + Aws.REGION + ":"
                                        + Aws.ACCOUNT_ID + ":rule/*",
                                "kms:EncryptionContext:aws:sns:topicArn", "arn:" + Aws.PARTITION + ":sns:"
                                        + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":*"))))
                .build());
        this.topic = Topic.Builder.create(this, "Topic")
                .displayName("ECR scan findings for " + props.repositoryName())
                .masterKey(key)
                .enforceSsl(true)
                .build();
        if (props.email() != null) {
            topic.addSubscription(new EmailSubscription(props.email()));
        }
        this.rule = Rule.Builder.create(this, "Rule")
                .description("ECR image scans of " + props.repositoryName() + " with CRITICAL or HIGH findings")
                .eventPattern(EventPattern.builder()
                        .source(List.of("aws.ecr"))
                        .detailType(List.of(DETAIL_TYPE))
                        .detail(Json.ordered(
                                "scan-status", List.of("COMPLETE"),
                                "repository-name", List.of(props.repositoryName()),
                                "finding-severity-counts", Map.of("$or", List.of(
                                        Map.of("CRITICAL", List.of(Map.of("numeric", List.of(">", 0)))),
                                        Map.of("HIGH", List.of(Map.of("numeric", List.of(">", 0))))))))
                        .build())
                .targets(List.of(new TopicTarget(topic, RuleTargetInput.fromText("ECR scan of " + props.repositoryName() + "@"
                                + EventField.fromPath("$.detail.image-digest") + " (tags "
                                + EventField.fromPath("$.detail.image-tags") + ") in "
                                + EventField.getRegion() + " found CRITICAL: "
                                + EventField.fromPath("$.detail.finding-severity-counts.CRITICAL") + ", HIGH: "
                                + EventField.fromPath("$.detail.finding-severity-counts.HIGH")
                                + ". Details: aws ecr describe-image-scan-findings --repository-name "
                                + props.repositoryName() + " --image-id imageDigest="
                                + EventField.fromPath("$.detail.image-digest")))))
                .build();
        // Only this rule may publish (EventBridge User Guide, "Amazon SNS permissions",
        // https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html#eb-sns-permissions).
        topic.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowTheScanRuleToPublish")
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal(EVENTS)))
                .actions(List.of("sns:Publish"))
                .resources(List.of(topic.getTopicArn()))
                .conditions(Map.of("ArnEquals", Map.of("aws:SourceArn", rule.getRuleArn())))
                .build());
    }

    /**
     * The topic as the rule's target, granting nothing itself: aws-cdk-lib's {@code SnsTopic} target grants
     * {@code events.amazonaws.com} publish on the topic and use of its key without any source condition (and the
     * key grant then duplicates the statement above); the conditioned grants are added by {@link ScanAlerts}.
     */
    private static final class TopicTarget implements IRuleTarget {
        private final Topic topic;
        private final RuleTargetInput message;

        TopicTarget(Topic topic, RuleTargetInput message) {
            this.topic = topic;
            this.message = message;
        }

        @Override
        public RuleTargetConfig bind(IRuleRef rule, String id) {
            return RuleTargetConfig.builder().arn(topic.getTopicArn()).input(message).targetResource(topic).build();
        }

        @Override
        public RuleTargetConfig bind(IRuleRef rule) {
            return bind(rule, null);
        }
    }
}
