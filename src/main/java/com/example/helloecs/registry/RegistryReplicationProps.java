package com.example.helloecs.registry;

import com.example.helloecs.config.RegistryConfig;

/**
 * Props of {@link RegistryReplication}.
 *
 * @param config  registry settings (destinations, prefix, and the repository settings replicas should get); required
 * @param account the deployment's account. Default ({@code null}): environment-agnostic; then creation templates
 *                and replica cleanup are created only when {@code registry.replicationAccounts} is empty (the
 *                destinations are this account)
 */
public record RegistryReplicationProps(RegistryConfig config, String account) {

    /** Whether this account is among the destinations, so templates and cleanup can be managed from here. */
    public boolean replicatesIntoThisAccount() {
        return config.replicationAccounts().isEmpty()
                || (account != null && config.replicationAccounts().contains(account));
    }
}
