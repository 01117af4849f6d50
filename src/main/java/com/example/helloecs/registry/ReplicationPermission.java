package com.example.helloecs.registry;

import java.util.List;
import java.util.Map;

import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.ecr.CfnRegistryPolicy;
import software.constructs.Construct;

/**
 * The destination registry's permissions policy that lets the source account replicate into it: only
 * {@code ecr:ReplicateImage}, on the replica repository alone (the replica exists before replication, so ECR needs
 * no {@code ecr:CreateRepository}; ECR User Guide, "Private image replication in Amazon ECR", "Destination registry
 * policy requirements", https://docs.aws.amazon.com/AmazonECR/latest/userguide/replication.html).
 *
 * <p>The registry policy is a registry-wide singleton ({@code AWS::ECR::RegistryPolicy}, one per account and
 * region): deploying it replaces any registry policy the destination already has. The preflight command reports an
 * existing one.
 */
public class ReplicationPermission extends Construct {
    /** The destination registry's policy. */
    public final CfnRegistryPolicy policy;

    public ReplicationPermission(Construct scope, String id, ReplicationPermissionProps props) {
        super(scope, id);
        if (props.sourceAccount() == null || props.repositoryName() == null) {
            throw new IllegalArgumentException("ReplicationPermission: required sourceAccount and repositoryName");
        }
        this.policy = CfnRegistryPolicy.Builder.create(this, "Policy")
                .policyText(Map.of(
                        "Version", "2012-10-17",
                        "Statement", List.of(Map.of(
                                "Sid", "ReplicationFrom" + props.sourceAccount(),
                                "Effect", "Allow",
                                "Principal", Map.of("AWS",
                                        "arn:" + Aws.PARTITION + ":iam::" + props.sourceAccount() + ":root"),
                                "Action", List.of("ecr:ReplicateImage"),
                                "Resource", "arn:" + Aws.PARTITION + ":ecr:" + Aws.REGION + ":" + Aws.ACCOUNT_ID
                                        + ":repository/" + props.repositoryName()))))
                .build();
    }
}
