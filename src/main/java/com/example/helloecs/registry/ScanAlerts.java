package com.example.helloecs.registry;

import java.util.List;
import java.util.Map;

import com.example.helloecs.compliance.EncryptedTopic;
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
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * Alerts on image scans with CRITICAL or HIGH findings: an EventBridge rule on ECR's "ECR Image Scan" events
 * (emitted by basic scanning, including scan on push) notifies an SNS topic encrypted with its own KMS key
 * (rotated; its key policy lets EventBridge use it) that only accepts TLS. Optionally an email address is
 * subscribed (it must confirm the subscription).
 */
public class ScanAlerts extends EncryptedTopic {
    /** EventBridge's detail type for a completed ECR basic scan. */
    public static final String DETAIL_TYPE = "ECR Image Scan";

    /** The rule matching scans with CRITICAL or HIGH findings. */
    public final Rule rule;

    public ScanAlerts(Construct scope, String id, ScanAlertsProps props) {
        // EventBridge publishes to the encrypted topic, so it may use the key (and nothing more), for a rule of this
        // account and a topic of this account only (a pattern: the rule refers to the topic, which refers to the key).
        super(scope, id, "Encrypts the scan alert topic of ECR repository " + props.repositoryName(),
                props.destroyKey() ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN, null,
                "ECR scan findings for " + props.repositoryName(), "events.amazonaws.com",
                "AllowEventBridgeToPublishToTheEncryptedTopic",
                "arn:" + Aws.PARTITION + ":events:" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":rule/*");
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
        admitPublisher("AllowTheScanRuleToPublish", Map.of("ArnEquals", Map.of("aws:SourceArn", rule.getRuleArn())));
    }

    /**
     * The topic as the rule's target, granting nothing itself: aws-cdk-lib's {@code SnsTopic} target grants
     * {@code events.amazonaws.com} publish on the topic and use of its key without any source condition (and the
     * key grant then duplicates the statement above); the conditioned grants are added by {@link ScanAlerts}.
     */
    private record TopicTarget(Topic topic, RuleTargetInput message) implements IRuleTarget {
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
