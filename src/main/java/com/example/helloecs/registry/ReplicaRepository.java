package com.example.helloecs.registry;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;

/**
 * A replication destination's repository, created by CloudFormation in the destination's own stack before
 * replication is configured, so it has the source repository's settings and is deleted (or kept) with its stack.
 *
 * <p>ECR replicates into a repository that already exists: "If you do not grant the ecr:CreateRepository permission,
 * you must manually create repositories with the same names in the destination account before replication can
 * succeed" (ECR User Guide, "Private image replication in Amazon ECR", cross-account replication policy requirements,
 * https://docs.aws.amazon.com/AmazonECR/latest/userguide/replication.html). That includes KMS-encrypted ones with a
 * key of the destination region, created before replication is set up (AWS Containers blog, "Configuring KMS
 * encryption at rest on ECR repositories with ECR replication",
 * https://aws.amazon.com/blogs/containers/configuring-kms-encryption-at-rest-on-ecr-repositories-with-ecr-replication/).
 *
 * <p>CloudFormation never adopts an existing repository: if one with this name is already there, the create fails
 * (ECR's RepositoryAlreadyExistsException) and the rollback deletes only what this stack created, so a foreign
 * repository is never touched.
 */
public class ReplicaRepository extends Construct {
    /** The replica repository. */
    public final Repository repository;
    /** Its KMS key in the destination region, or {@code null} with AES256. */
    public final Key encryptionKey;

    public ReplicaRepository(Construct scope, String id, ReplicaRepositoryProps props) {
        super(scope, id);
        this.encryptionKey = !props.kmsEncryption() ? null : Key.Builder.create(this, "Key")
                .description("Encrypts images in the ECR replica repository " + props.repositoryName())
                .enableKeyRotation(true)
                .removalPolicy(props.destroyOnRemoval() ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN)
                .build();
        this.repository = PrivateRepository.repository(this, props, encryptionKey);
        if (props.lifecyclePolicyText() != null) {
            PrivateRepository.lifecyclePolicy(repository, props.lifecyclePolicyText());
        }
    }
}
