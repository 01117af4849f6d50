package com.example.helloecs.stacks;

import com.example.helloecs.registry.ReplicaRepository;
import com.example.helloecs.registry.ReplicaRepositoryProps;
import com.example.helloecs.registry.ReplicationPermission;
import com.example.helloecs.registry.ReplicationPermissionProps;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
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

    /**
     * Props of {@link ReplicaStack}.
     *
     * @param stack         the stack's own props: the destination's region (and account), name, description; required
     * @param repository    the replica repository's settings; required
     * @param sourceAccount the source registry's account when it is not the destination's, so the destination
     *                      registry grants it replication. Default ({@code null}): the same account, no registry
     *                      policy
     */
    public record Props(StackProps stack, ReplicaRepositoryProps repository, String sourceAccount) {
    }

    public ReplicaStack(Construct scope, String id, Props props) {
        super(scope, id, props.stack());
        this.replica = new ReplicaRepository(this, "Replica", props.repository());
        this.permission = props.sourceAccount() == null ? null : new ReplicationPermission(this,
                "ReplicationPermission", new ReplicationPermissionProps(props.sourceAccount(),
                        props.repository().repositoryName()));
        Outputs.add(this, "ReplicaRepositoryUri", "URI of the replica repository",
                replica.repository.getRepositoryUri());
    }
}
