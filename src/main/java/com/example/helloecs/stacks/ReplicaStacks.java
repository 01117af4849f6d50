package com.example.helloecs.stacks;

import java.util.ArrayList;
import java.util.List;

import com.example.helloecs.config.Deployment;
import com.example.helloecs.config.RegistryConfig;
import com.example.helloecs.registry.RegistryReplicationProps.Destination;
import com.example.helloecs.registry.ReplicaRepositoryProps;
import com.example.helloecs.registry.lifecycle.LifecyclePolicy;

import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * The replication configuration's destinations, and one {@link ReplicaStack} per destination, from the registry
 * settings: regions x accounts ({@code registry.replicationAccounts}, or this account when empty).
 *
 * <p>Stack names: {@code ID-replica-REGION}, or {@code ID-replica-REGION-ACCOUNT} when
 * {@code registry.replicationAccounts} is set; construct IDs {@code Replica-REGION[-ACCOUNT]} (a contract: renaming
 * one replaces the replica).
 */
public final class ReplicaStacks {
    private ReplicaStacks() {
    }

    /** Every destination, regions first; account {@code null} means this account. */
    public static List<Destination> destinations(RegistryConfig config) {
        List<Destination> out = new ArrayList<>();
        for (String region : config.replicationRegions()) {
            if (config.replicationAccounts().isEmpty()) {
                out.add(new Destination(region, null));
            } else {
                for (String account : config.replicationAccounts()) {
                    out.add(new Destination(region, account));
                }
            }
        }
        return out;
    }

    /** The replica repository's settings: the source repository's. */
    public static ReplicaRepositoryProps repositoryProps(RegistryConfig config) {
        return ReplicaRepositoryProps.builder()
                .repositoryName(config.repositoryName())
                .immutableTags(config.immutableTags())
                .tagMutabilityExclusions(config.tagMutabilityExclusions())
                .kmsEncryption(config.kmsEncryption())
                .scanOnPush(config.scanOnPush())
                .lifecyclePolicyText(config.lifecycleRules().isEmpty() ? null
                        : LifecyclePolicy.toJson(config.lifecycleRules()))
                .pullPrincipals(config.pullPrincipals())
                .pushPrincipals(config.pushPrincipals())
                .destroyOnRemoval(config.destroyOnRemoval())
                .build();
    }

    /**
     * Creates the replica stacks directly under {@code scope}, beside the registry stack (top-level either way, so
     * {@code cdk deploy --all} selects them and the registry stack can depend on them).
     *
     * @param idPrefix prefix of their construct IDs ({@code Replica-} under the deployment's scope; the stack-name
     *                 prefix where the scope is the App, shared by every environment)
     * @param stageId  the deployment's ID, prefix of the stack names
     */
    public static List<ReplicaStack> create(Construct scope, String idPrefix, String stageId, Deployment deployment) {
        RegistryConfig config = deployment.registry();
        List<ReplicaStack> out = new ArrayList<>();
        for (Destination d : destinations(config)) {
            String suffix = d.region() + (d.account() == null ? "" : "-" + d.account());
            String account = d.account() != null ? d.account() : deployment.account();
            // Another account needs the destination registry's permission; the config requires the source account
            // then (registry.replicationAccounts needs `account`).
            String source = d.account() != null && !d.account().equals(deployment.account())
                    ? deployment.account() : null;
            out.add(new ReplicaStack(scope, idPrefix + suffix, new ReplicaStack.Props(StackProps.builder()
                    .env(Environment.builder().account(account).region(d.region()).build())
                    .stackName(stageId + "-replica-" + suffix)
                    .description("ECR replica repository of " + stageId + " in " + suffix)
                    .build(), repositoryProps(config), source)));
        }
        return out;
    }
}
