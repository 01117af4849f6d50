package com.example.helloecs.stacks;

import com.example.helloecs.registry.ReplicaRepositoryProps;

import software.amazon.awscdk.StackProps;

/**
 * Props of {@link ReplicaStack}.
 *
 * @param stack         the stack's environment (the destination's region, and account), name and description;
 *                      required
 * @param repository    the replica repository's settings; required
 * @param sourceAccount the source registry's account when it is not the destination's, so the destination registry
 *                      grants it replication. Default ({@code null}): the same account, no registry policy
 */
public record ReplicaStackProps(StackProps stack, ReplicaRepositoryProps repository, String sourceAccount) {
}
