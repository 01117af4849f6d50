package com.example.helloecs.registry;

import java.util.List;
import java.util.Map;

import com.example.helloecs.registry.lifecycle.LifecyclePolicy;

import software.amazon.awscdk.Aws;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ecr.CfnRepository;
import software.amazon.awscdk.services.ecr.ImageTagMutabilityExclusionFilter;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecr.RepositoryEncryption;
import software.amazon.awscdk.services.ecr.TagMutability;
import software.amazon.awscdk.services.iam.AccountPrincipal;
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.ArnPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.IPrincipal;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;

/**
 * The private ECR repository: immutable tags, scan on push, encryption, lifecycle policy, and a repository
 * policy that names every principal (never {@code *}).
 */
public class PrivateRepository extends Construct {
    /** The repository. */
    public final Repository repository;
    /** The KMS key, when encryption is KMS; otherwise {@code null}. */
    public final IKey encryptionKey;

    public PrivateRepository(Construct scope, String id, PrivateRepositoryProps props) {
        super(scope, id);
        this.encryptionKey = !props.kmsEncryption() ? null
                : props.kmsKeyArn() != null ? Key.fromKeyArn(this, "Key", props.kmsKeyArn())
                : Key.Builder.create(this, "Key")
                        .description("Encrypts images in ECR repository " + props.repositoryName())
                        .enableKeyRotation(true)
                        .removalPolicy(props.destroyOnRemoval() ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN)
                        .build();
        this.repository = repository(this, props, encryptionKey);
        if (!props.lifecycleRules().isEmpty()) {
            // The policy text comes from the same function the preview command evaluates (not the L2's own
            // rendering), so what is previewed is byte for byte what is deployed.
            lifecyclePolicy(repository, LifecyclePolicy.toJson(props.lifecycleRules()));
        }
        if (props.publishingRoleArn() != null) {
            grant(repository, "AssetPublishing", RepositoryAccess.ASSET_PUBLISHING, List.of(props.publishingRoleArn()));
        }
        if (props.executionRoleName() != null) {
            executionRolePull(props.executionRoleName());
        }
    }

    /**
     * The execution role lives in the service stack, which depends on this one: name it by ARN in a condition
     * rather than as a principal, since ECR rejects principals that do not exist yet.
     */
    private void executionRolePull(String roleName) {
        repository.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("TaskExecutionRolePull")
                .effect(Effect.ALLOW)
                .principals(List.of(new AccountRootPrincipal()))
                .actions(RepositoryAccess.PULL)
                .conditions(Map.of("ArnEquals", Map.of("aws:PrincipalArn",
                        "arn:" + Aws.PARTITION + ":iam::" + Aws.ACCOUNT_ID + ":role/" + roleName)))
                .build());
    }

    /**
     * The repository with the settings a source repository and its replicas share, and its pull and push grants:
     * KMS encryption when {@code key} is given, else AES256.
     */
    static Repository repository(Construct scope, SharedRepositorySettings settings, IKey key) {
        List<ImageTagMutabilityExclusionFilter> exclusions = settings.tagMutabilityExclusions().stream()
                .map(ImageTagMutabilityExclusionFilter::wildcard).toList();
        Repository repository = Repository.Builder.create(scope, "Repository")
                .repositoryName(settings.repositoryName())
                .imageScanOnPush(settings.scanOnPush())
                .imageTagMutability(mutability(settings.immutableTags(), !exclusions.isEmpty()))
                .imageTagMutabilityExclusionFilters(exclusions.isEmpty() ? null : exclusions)
                .encryption(key != null ? RepositoryEncryption.KMS : RepositoryEncryption.AES_256)
                .encryptionKey(key)
                .emptyOnDelete(settings.destroyOnRemoval())
                .removalPolicy(settings.destroyOnRemoval() ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN)
                .build();
        grant(repository, "PullPrincipals", RepositoryAccess.PULL, settings.pullPrincipals());
        grant(repository, "PushPrincipals", RepositoryAccess.PUSH, settings.pushPrincipals());
        return repository;
    }

    static TagMutability mutability(boolean immutable, boolean withExclusions) {
        if (immutable) {
            return withExclusions ? TagMutability.IMMUTABLE_WITH_EXCLUSION : TagMutability.IMMUTABLE;
        }
        return withExclusions ? TagMutability.MUTABLE_WITH_EXCLUSION : TagMutability.MUTABLE;
    }

    static void lifecyclePolicy(Repository repository, String text) {
        ((CfnRepository) repository.getNode().getDefaultChild()).setLifecyclePolicy(
                CfnRepository.LifecyclePolicyProperty.builder().lifecyclePolicyText(text).build());
    }

    /**
     * Grants {@code actions} to {@code principals}, if any: account IDs become account principals, ARNs ARN
     * principals (the config already rejected anything else).
     */
    static void grant(Repository repository, String sid, List<String> actions, List<String> principals) {
        if (!principals.isEmpty()) {
            repository.addToResourcePolicy(PolicyStatement.Builder.create()
                    .sid(sid).effect(Effect.ALLOW).actions(actions)
                    .principals(principals.stream().map(v -> v.matches("\\d{12}")
                            ? (IPrincipal) new AccountPrincipal(v) : new ArnPrincipal(v)).toList())
                    .build());
        }
    }
}
