package com.example.helloecs.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.example.helloecs.compliance.Acknowledge;
import com.example.helloecs.config.Json;
import com.example.helloecs.config.RegistryConfig;
import com.example.helloecs.registry.lifecycle.LifecyclePolicy;

import software.amazon.awscdk.Aws;
import software.amazon.awscdk.customresources.AwsCustomResource;
import software.amazon.awscdk.customresources.AwsCustomResourcePolicy;
import software.amazon.awscdk.customresources.AwsSdkCall;
import software.amazon.awscdk.customresources.PhysicalResourceId;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.Construct;

/**
 * A repository creation template, applied for REPLICATION, in one destination region, so the replica ECR creates
 * there gets the source repository's tag immutability (with exclusions), encryption and lifecycle policy.
 *
 * <p>Templates apply in the region where the repository is created, so this is an {@link AwsCustomResource}
 * whose SDK calls target the destination region (CloudFormation's own resource type would only reach the stack's
 * region). Scanning settings cannot be part of a template: replicas are scanned according to the destination
 * region's registry scanning configuration. With KMS encryption the replica uses the AWS managed key
 * {@code aws/ecr} of its region (a customer key is regional).
 *
 * <p>Template prefixes always end in an implied {@code /}: the template prefix is the repository's namespace
 * ({@code team} for {@code team/web}), or {@code ROOT} (the destination registry's default template for
 * replication) for a repository without namespace.
 */
public class ReplicaCreationTemplate extends Construct {
    /** The custom resource managing the template. */
    public final AwsCustomResource resource;

    public ReplicaCreationTemplate(Construct scope, String id, RegistryConfig config, String region) {
        super(scope, id);
        String prefix = templatePrefix(config.repositoryName());
        Map<String, Object> template = parameters(config, prefix);
        Map<String, Object> delete = Map.of("prefix", prefix);
        PhysicalResourceId physicalId = PhysicalResourceId.of("ecr-creation-template:" + region + ":" + prefix);
        String repositories = "arn:" + Aws.PARTITION + ":ecr:" + region + ":" + Aws.ACCOUNT_ID + ":repository/"
                + config.replicationPrefix() + "*";
        this.resource = AwsCustomResource.Builder.create(this, "Resource")
                .resourceType("Custom::EcrRepositoryCreationTemplate")
                .installLatestAwsSdk(false)
                .onCreate(call("createRepositoryCreationTemplate", template, region, physicalId))
                .onUpdate(call("updateRepositoryCreationTemplate", template, region, physicalId))
                .onDelete(AwsSdkCall.builder().service("ECR").action("deleteRepositoryCreationTemplate")
                        .parameters(delete).region(region)
                        .ignoreErrorCodesMatching("TemplateNotFoundException").build())
                .policy(AwsCustomResourcePolicy.fromStatements(List.of(
                        // Template actions are registry-level (no resource type in IAM): limit them to the region.
                        PolicyStatement.Builder.create()
                                .effect(Effect.ALLOW)
                                .actions(List.of("ecr:CreateRepositoryCreationTemplate",
                                        "ecr:UpdateRepositoryCreationTemplate", "ecr:DeleteRepositoryCreationTemplate",
                                        "ecr:DescribeRepositoryCreationTemplates"))
                                .resources(List.of("*"))
                                .conditions(Map.of("StringEquals", Map.of("aws:RequestedRegion", region)))
                                .build(),
                        // ECR checks that whoever manages a template may create what it describes.
                        PolicyStatement.Builder.create()
                                .effect(Effect.ALLOW)
                                .actions(List.of("ecr:CreateRepository", "ecr:PutLifecyclePolicy"))
                                .resources(List.of(repositories))
                                .build(),
                        PolicyStatement.Builder.create()
                                .effect(Effect.ALLOW)
                                .actions(List.of("iam:CreateServiceLinkedRole"))
                                .resources(List.of("arn:" + Aws.PARTITION + ":iam::" + Aws.ACCOUNT_ID
                                        + ":role/aws-service-role/ecr.amazonaws.com/AWSServiceRoleForECRTemplate"))
                                .conditions(Map.of("StringEquals", Map.of("iam:AWSServiceName", "ecr.amazonaws.com")))
                                .build())))
                .build();
        Acknowledge.rule(resource, "AwsSolutions-IAM5[Resource::*]", "Repository creation template actions have "
                + "no IAM resource type; the statement is limited to region " + region + " by aws:RequestedRegion.");
        Acknowledge.rule(resource, "AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ecr:" + region
                + ":<AWS::AccountId>:repository/" + config.replicationPrefix() + "*]", "ECR requires the template's "
                + "manager to be allowed to create the repositories it describes: exactly those under the "
                + "replication prefix.");
    }

    /** The template prefix for a repository: its namespace, or {@code ROOT} without one. */
    public static String templatePrefix(String repositoryName) {
        int slash = repositoryName.lastIndexOf('/');
        return slash < 0 ? "ROOT" : repositoryName.substring(0, slash);
    }

    /** The CreateRepositoryCreationTemplate request (also the UpdateRepositoryCreationTemplate one). */
    static Map<String, Object> parameters(RegistryConfig config, String prefix) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("prefix", prefix);
        p.put("description", "Replicas of " + config.repositoryName() + " (managed by CloudFormation)");
        p.put("appliedFor", List.of("REPLICATION"));
        p.put("encryptionConfiguration", Map.of("encryptionType", config.kmsEncryption() ? "KMS" : "AES256"));
        boolean exclusions = !config.tagMutabilityExclusions().isEmpty();
        p.put("imageTagMutability", (config.immutableTags() ? "IMMUTABLE" : "MUTABLE")
                + (exclusions ? "_WITH_EXCLUSION" : ""));
        if (exclusions) {
            p.put("imageTagMutabilityExclusionFilters", config.tagMutabilityExclusions().stream()
                    .map(filter -> Json.ordered("filterType", "WILDCARD", "filter", filter)).toList());
        }
        if (!config.lifecycleRules().isEmpty()) {
            p.put("lifecyclePolicy", LifecyclePolicy.toJson(config.lifecycleRules()));
        }
        return p;
    }

    private static AwsSdkCall call(String action, Map<String, Object> parameters, String region,
                                   PhysicalResourceId physicalId) {
        return AwsSdkCall.builder().service("ECR").action(action).parameters(parameters).region(region)
                .physicalResourceId(physicalId).build();
    }
}
