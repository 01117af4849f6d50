package com.example.helloecs.service;

import java.util.List;
import java.util.Map;

import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;

/**
 * The customer managed KMS key of the service's CloudWatch log groups (profile {@code hardened}): container logs,
 * VPC flow logs and WAF logs. Yearly rotation; deleted (after a 7-day waiting period) with the stack, like the log
 * groups it encrypts.
 *
 * <p>Key policy, as the CloudWatch Logs guide ("Encrypt log data in CloudWatch Logs using AWS KMS") gives it: the
 * regional service principal {@code logs.REGION.amazonaws.com} may use the key only when the encryption context
 * {@code kms:EncryptionContext:aws:logs:arn} is a log group of this account and region. The account statement is
 * CDK's default (the account's IAM policies decide who administers the key).
 */
public class LogEncryption extends Construct {
    public final Key key;

    public LogEncryption(Construct scope, String id) {
        super(scope, id);
        this.key = Key.Builder.create(this, "Key")
                .description("Encrypts the CloudWatch log groups of the service (container, VPC flow and WAF logs)")
                .enableKeyRotation(true)
                .pendingWindow(Duration.days(7))
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        String logGroups = "arn:" + Aws.PARTITION + ":logs:" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":log-group:*";
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("CloudWatchLogsOfThisAccountAndRegion")
                .principals(List.of(ServicePrincipal.fromStaticServicePrincipleName(
                        "logs." + Aws.REGION + ".amazonaws.com")))
                .actions(List.of("kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*",
                        "kms:Describe*"))
                .resources(List.of("*"))
                .conditions(Map.of("ArnLike", Map.of("kms:EncryptionContext:aws:logs:arn", logGroups)))
                .build());
    }
}
