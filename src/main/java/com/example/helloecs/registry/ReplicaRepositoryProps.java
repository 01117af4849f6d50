package com.example.helloecs.registry;

import java.util.ArrayList;
import java.util.List;

/**
 * Props of {@link ReplicaRepository}: the settings a replica repository gets, the same as the source repository's
 * (ECR's replication copies images, never repository settings).
 */
public final class ReplicaRepositoryProps {
    /** Default of {@link Builder#immutableTags}. */
    public static final boolean DEFAULT_IMMUTABLE_TAGS = true;
    /** Default of {@link Builder#destroyOnRemoval}: as the source repository's default removal policy. */
    public static final boolean DEFAULT_DESTROY_ON_REMOVAL = true;

    private final String repositoryName;
    private final boolean immutableTags;
    private final List<String> tagMutabilityExclusions;
    private final boolean kmsEncryption;
    private final boolean scanOnPush;
    private final String lifecyclePolicyText;
    private final List<String> pullPrincipals;
    private final List<String> pushPrincipals;
    private final boolean destroyOnRemoval;

    private ReplicaRepositoryProps(Builder b) {
        List<String> missing = new ArrayList<>();
        if (b.repositoryName == null || b.repositoryName.isEmpty()) {
            missing.add("repositoryName");
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("ReplicaRepositoryProps: required " + String.join(", ", missing));
        }
        this.repositoryName = b.repositoryName;
        this.immutableTags = b.immutableTags;
        this.tagMutabilityExclusions = List.copyOf(b.tagMutabilityExclusions);
        this.kmsEncryption = b.kmsEncryption;
        this.scanOnPush = b.scanOnPush;
        this.lifecyclePolicyText = b.lifecyclePolicyText;
        this.pullPrincipals = List.copyOf(b.pullPrincipals);
        this.pushPrincipals = List.copyOf(b.pushPrincipals);
        this.destroyOnRemoval = b.destroyOnRemoval;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String repositoryName() {
        return repositoryName;
    }

    public boolean immutableTags() {
        return immutableTags;
    }

    public List<String> tagMutabilityExclusions() {
        return tagMutabilityExclusions;
    }

    public boolean kmsEncryption() {
        return kmsEncryption;
    }

    public boolean scanOnPush() {
        return scanOnPush;
    }

    public String lifecyclePolicyText() {
        return lifecyclePolicyText;
    }

    public List<String> pullPrincipals() {
        return pullPrincipals;
    }

    public List<String> pushPrincipals() {
        return pushPrincipals;
    }

    public boolean destroyOnRemoval() {
        return destroyOnRemoval;
    }

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

        private Builder() {
        }

        /** The repository name, the same as the source repository's (replication keeps names). Required. */
        public Builder repositoryName(String value) {
            this.repositoryName = value;
            return this;
        }

        /** Tag immutability. Default: {@value ReplicaRepositoryProps#DEFAULT_IMMUTABLE_TAGS}. */
        public Builder immutableTags(boolean value) {
            this.immutableTags = value;
            return this;
        }

        /** Wildcard filters exempt from the mutability setting. Default: none. */
        public Builder tagMutabilityExclusions(List<String> value) {
            this.tagMutabilityExclusions = value;
            return this;
        }

        /** KMS encryption with a new customer managed key of the replica's region. Default: false (AES256). */
        public Builder kmsEncryption(boolean value) {
            this.kmsEncryption = value;
            return this;
        }

        /** Basic scan on push. Default: true. */
        public Builder scanOnPush(boolean value) {
            this.scanOnPush = value;
            return this;
        }

        /** Lifecycle policy JSON. Default: none. */
        public Builder lifecyclePolicyText(String value) {
            this.lifecyclePolicyText = value;
            return this;
        }

        /** Principals granted pull (account IDs or IAM ARNs). Default: none. */
        public Builder pullPrincipals(List<String> value) {
            this.pullPrincipals = value;
            return this;
        }

        /** Principals granted push (account IDs or IAM ARNs). Default: none. */
        public Builder pushPrincipals(List<String> value) {
            this.pushPrincipals = value;
            return this;
        }

        /**
         * True: deleting the stack empties and deletes the replica and schedules its key's deletion; false: both are
         * retained. Default: {@value ReplicaRepositoryProps#DEFAULT_DESTROY_ON_REMOVAL}.
         */
        public Builder destroyOnRemoval(boolean value) {
            this.destroyOnRemoval = value;
            return this;
        }

        public ReplicaRepositoryProps build() {
            return new ReplicaRepositoryProps(this);
        }
    }
}
