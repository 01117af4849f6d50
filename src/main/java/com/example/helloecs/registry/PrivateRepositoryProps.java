package com.example.helloecs.registry;

import java.util.List;
import java.util.Objects;

import com.example.helloecs.registry.lifecycle.LifecycleRule;

/**
 * Props of {@link PrivateRepository}; build them with {@link #builder()}. Every prop but {@code repositoryName} is
 * optional, with the default given here and applied in {@link Builder#build()}.
 *
 * @param repositoryName          the ECR repository name; required
 * @param destroyOnRemoval        {@code cdk destroy} empties and deletes the repository (and its KMS key). Default:
 *                                false (both are retained)
 * @param immutableTags           Default: true
 * @param tagMutabilityExclusions wildcard filters exempt from the mutability setting. Default: none
 * @param kmsEncryption           KMS instead of AES256. Default: false
 * @param kmsKeyArn               an existing key (with {@code kmsEncryption}). Default: a new key with rotation
 * @param scanOnPush              Default: true
 * @param lifecycleRules          Default: none (no lifecycle policy)
 * @param pullPrincipals          account IDs or IAM ARNs granted pull. Default: none
 * @param pushPrincipals          account IDs or IAM ARNs granted pull and push. Default: none
 * @param executionRoleName       a task execution role of this account granted pull by name. Default: none
 * @param publishingRoleArn       the role that pushes image assets (the CDK bootstrap image-publishing role).
 *                                Default: none
 */
public record PrivateRepositoryProps(String repositoryName, boolean destroyOnRemoval, boolean immutableTags,
                                     List<String> tagMutabilityExclusions, boolean kmsEncryption, String kmsKeyArn,
                                     boolean scanOnPush, List<LifecycleRule> lifecycleRules,
                                     List<String> pullPrincipals, List<String> pushPrincipals,
                                     String executionRoleName, String publishingRoleArn)
        implements SharedRepositorySettings {
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link PrivateRepositoryProps} by name; unset props take their defaults. */
    public static final class Builder {
        private String repositoryName;
        private boolean destroyOnRemoval;
        private boolean immutableTags = true;
        private List<String> tagMutabilityExclusions = List.of();
        private boolean kmsEncryption;
        private String kmsKeyArn;
        private boolean scanOnPush = true;
        private List<LifecycleRule> lifecycleRules = List.of();
        private List<String> pullPrincipals = List.of();
        private List<String> pushPrincipals = List.of();
        private String executionRoleName;
        private String publishingRoleArn;

        public Builder repositoryName(String v) { repositoryName = v; return this; }
        public Builder destroyOnRemoval(boolean v) { destroyOnRemoval = v; return this; }
        public Builder immutableTags(boolean v) { immutableTags = v; return this; }
        public Builder tagMutabilityExclusions(List<String> v) { tagMutabilityExclusions = List.copyOf(v); return this; }
        public Builder kmsEncryption(boolean v) { kmsEncryption = v; return this; }
        public Builder kmsKeyArn(String v) { kmsKeyArn = v; return this; }
        public Builder scanOnPush(boolean v) { scanOnPush = v; return this; }
        public Builder lifecycleRules(List<LifecycleRule> v) { lifecycleRules = List.copyOf(v); return this; }
        public Builder pullPrincipals(List<String> v) { pullPrincipals = List.copyOf(v); return this; }
        public Builder pushPrincipals(List<String> v) { pushPrincipals = List.copyOf(v); return this; }
        public Builder executionRoleName(String v) { executionRoleName = v; return this; }
        public Builder publishingRoleArn(String v) { publishingRoleArn = v; return this; }

        public PrivateRepositoryProps build() {
            return new PrivateRepositoryProps(Objects.requireNonNull(repositoryName, "repositoryName"),
                    destroyOnRemoval, immutableTags, tagMutabilityExclusions, kmsEncryption, kmsKeyArn, scanOnPush,
                    lifecycleRules, pullPrincipals, pushPrincipals, executionRoleName, publishingRoleArn);
        }
    }
}
