package com.example.helloecs.stacks;

import com.example.helloecs.registry.ReplicaRepository;
import com.example.helloecs.registry.ReplicationPermission;
import com.example.helloecs.registry.ReplicationPermissionProps;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.constructs.Construct;

/**
 * One replication destination (a region, in this or another account): the replica repository, created natively
 * before the source registry's replication configuration (which depends on this stack), and, for another account,
 * the destination registry's permission to receive the replication.
 */
public class ReplicaStack extends Stack {
    public final ReplicaRepository replica;
    /** The destination registry's policy, or {@code null} when the destination is the source's account. */
    public final ReplicationPermission permission;

    public ReplicaStack(Construct scope, String id, ReplicaStackProps props) {
        super(scope, id, props.stack());
        this.replica = new ReplicaRepository(this, "Replica", props.repository());
        this.permission = props.sourceAccount() == null ? null : new ReplicationPermission(this,
                "ReplicationPermission", new ReplicationPermissionProps(props.sourceAccount(),
                        props.repository().repositoryName()));
        CfnOutput.Builder.create(this, "ReplicaRepositoryUri")
                .description("URI of the replica repository")
                .value(replica.repository.getRepositoryUri())
                .build();
    }
}
