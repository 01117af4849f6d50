package com.example.helloecs.registry;

import java.util.List;

/**
 * Props of {@link ReplicaRepository}: the settings a replica repository gets, the same as the source repository's
 * (ECR's replication copies images, never repository settings). Build them with {@link #builder()}; unset props
 * take the defaults given here.
 *
 * @param repositoryName          the same as the source repository's (replication keeps names); required
 * @param immutableTags           tag immutability. Default: {@value #DEFAULT_IMMUTABLE_TAGS}
 * @param tagMutabilityExclusions wildcard filters exempt from the mutability setting. Default: none
 * @param kmsEncryption           KMS encryption with a new customer managed key of the replica's region. Default:
 *                                false (AES256)
 * @param scanOnPush              basic scan on push. Default: true
 * @param lifecyclePolicyText     lifecycle policy JSON. Default: none
 * @param pullPrincipals          principals granted pull (account IDs or IAM ARNs). Default: none
 * @param pushPrincipals          principals granted push (account IDs or IAM ARNs). Default: none
 * @param destroyOnRemoval        true: deleting the stack empties and deletes the replica and schedules its key's
 *                                deletion; false: both are retained. Default: {@value #DEFAULT_DESTROY_ON_REMOVAL}
 */
public record ReplicaRepositoryProps(String repositoryName, boolean immutableTags,
                                     List<String> tagMutabilityExclusions, boolean kmsEncryption, boolean scanOnPush,
                                     String lifecyclePolicyText, List<String> pullPrincipals,
                                     List<String> pushPrincipals, boolean destroyOnRemoval)
        implements SharedRepositorySettings {
    /** Default of {@code immutableTags}. */
    public static final boolean DEFAULT_IMMUTABLE_TAGS = true;
    /** Default of {@code destroyOnRemoval}: as the source repository's default removal policy. */
    public static final boolean DEFAULT_DESTROY_ON_REMOVAL = true;

    public ReplicaRepositoryProps {
        if (repositoryName == null || repositoryName.isEmpty()) {
            throw new IllegalArgumentException("ReplicaRepositoryProps: required repositoryName");
        }
        tagMutabilityExclusions = List.copyOf(tagMutabilityExclusions);
        pullPrincipals = List.copyOf(pullPrincipals);
        pushPrincipals = List.copyOf(pushPrincipals);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ReplicaRepositoryProps} by name; unset props take their defaults. */
    public static final class Builder {
        private String repositoryName;
        private boolean immutableTags = DEFAULT_IMMUTABLE_TAGS;
        private List<String> tagMutabilityExclusions = List.of();
        private boolean kmsEncryption;
        private boolean scanOnPush = true;
        private String lifecyclePolicyText;
        private List<String> pullPrincipals = List.of();
        private List<String> pushPrincipals = List.of();
        private boolean destroyOnRemoval = DEFAULT_DESTROY_ON_REMOVAL;

        public Builder repositoryName(String v) { repositoryName = v; return this; }
        public Builder immutableTags(boolean v) { immutableTags = v; return this; }
        public Builder tagMutabilityExclusions(List<String> v) { tagMutabilityExclusions = v; return this; }
        public Builder kmsEncryption(boolean v) { kmsEncryption = v; return this; }
        public Builder scanOnPush(boolean v) { scanOnPush = v; return this; }
        public Builder lifecyclePolicyText(String v) { lifecyclePolicyText = v; return this; }
        public Builder pullPrincipals(List<String> v) { pullPrincipals = v; return this; }
        public Builder pushPrincipals(List<String> v) { pushPrincipals = v; return this; }
        public Builder destroyOnRemoval(boolean v) { destroyOnRemoval = v; return this; }

        public ReplicaRepositoryProps build() {
            return new ReplicaRepositoryProps(repositoryName, immutableTags, tagMutabilityExclusions, kmsEncryption,
                    scanOnPush, lifecyclePolicyText, pullPrincipals, pushPrincipals, destroyOnRemoval);
        }
    }
}
