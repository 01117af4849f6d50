package com.example.helloecs.compliance;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/**
 * An SNS topic ("Topic") encrypted with its own rotated KMS key ("Key") that only accepts TLS, fed by one AWS service.
 * The key policy lets that service use the key for topics of this account when the request comes from
 * {@code sourceArnPattern}: the conditions of "Enable compatibility between event sources from AWS services and
 * encrypted topics" (https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services).
 * Patterns, not the topic's own ARN: the topic refers to the key, so the key cannot refer to the topic. Who may
 * publish to the topic is the subclass's topic policy ({@link #admitPublisher}).
 */
public abstract class EncryptedTopic extends Construct {
    /** The key encrypting the topic. */
    public final Key key;
    /** The topic. */
    public final Topic topic;
    private final String publisher;

    /** {@code pendingWindow}: {@code null} for KMS's default. */
    protected EncryptedTopic(Construct scope, String id, String keyDescription, RemovalPolicy keyRemoval,
                             Duration pendingWindow, String displayName, String publisher, String keySid,
                             String sourceArnPattern) {
        super(scope, id);
        this.publisher = publisher;
        this.key = Key.Builder.create(this, "Key")
                .description(keyDescription)
                .enableKeyRotation(true)
                .pendingWindow(pendingWindow)
                .removalPolicy(keyRemoval)
                .build();
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid(keySid)
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal(publisher)))
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey*"))
                .resources(List.of("*"))
                .conditions(Map.of("ArnLike", new TreeMap<>(Map.of(
                        "aws:SourceArn", sourceArnPattern,
                        "kms:EncryptionContext:aws:sns:topicArn",
                        "arn:" + Aws.PARTITION + ":sns:" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":*"))))
                .build());
        this.topic = Topic.Builder.create(this, "Topic")
                .displayName(displayName)
                .masterKey(key)
                .enforceSsl(true)
                .build();
    }

    /** Lets the publishing service call {@code sns:Publish} on the topic under {@code conditions}. */
    protected void admitPublisher(String sid, Map<String, ?> conditions) {
        topic.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid(sid)
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal(publisher)))
                .actions(List.of("sns:Publish"))
                .resources(List.of(topic.getTopicArn()))
                .conditions(conditions)
                .build());
    }
}
