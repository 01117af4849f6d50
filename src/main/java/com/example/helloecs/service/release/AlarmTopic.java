package com.example.helloecs.service.release;

import java.util.Map;
import java.util.TreeMap;

import com.example.helloecs.compliance.EncryptedTopic;

import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * The service's one notification topic: every alarm of the service notifies it. Encrypted with its own rotated KMS
 * key and TLS-only, like the scan-alert topic (registry/ScanAlerts). CloudWatch publishes to it as the service
 * principal {@code cloudwatch.amazonaws.com}; the topic policy admits that principal only for alarms of this
 * account whose names start with the service's prefix ({@code aws:SourceAccount}, {@code aws:SourceArn}: the
 * confused-deputy guard AWS documents for service principals), and the key policy lets CloudWatch use the key for
 * this encrypted topic (SNS developer guide, "Enable compatibility between event sources from AWS services and
 * encrypted topics": https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services;
 * topic policy for alarms: https://repost.aws/knowledge-center/cloudwatch-receive-sns-for-alarm-trigger).
 *
 * <p>A separate topic from the scan alerts on purpose: that one lives in the long-lived registry stack and is fed by
 * EventBridge; this one lives and dies with the service stack, is fed by CloudWatch, and goes to whoever runs the
 * service. Sharing one would tie the stacks together with a cross-stack reference and mix two audiences.
 */
public class AlarmTopic extends EncryptedTopic {
    /**
     * @param namePrefix only alarms whose names start with it may publish (topic policy); the display name (the
     *                   e-mail sender's name) is {@code Alarms of} it
     * @param email      an address to subscribe (it must confirm), or {@code null} for no subscription
     */
    public AlarmTopic(Construct scope, String id, String namePrefix, String email) {
        // The topic policy decides who may publish; the key only lets this service's alarms encrypt messages for
        // topics of this account (the SNS key-management page's conditions).
        super(scope, id, "Encrypts the alarm topic of Alarms of " + namePrefix, RemovalPolicy.DESTROY,
                Duration.days(7), "Alarms of " + namePrefix, "cloudwatch.amazonaws.com",
                "AllowCloudWatchAlarmsToPublishToTheEncryptedTopic", alarmArnPattern(namePrefix));
        admitPublisher("AllowThisServicesAlarmsToPublish", new TreeMap<>(Map.of(
                "StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID),
                "ArnLike", Map.of("aws:SourceArn", alarmArnPattern(namePrefix)))));
        if (email != null) {
            topic.addSubscription(new EmailSubscription(email));
        }
    }

    /** ARNs of this account's alarms (in this region) whose names start with the prefix. */
    public static String alarmArnPattern(String alarmNamePrefix) {
        return "arn:" + Aws.PARTITION + ":cloudwatch:" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":alarm:"
                + alarmNamePrefix + "*";
    }
}
