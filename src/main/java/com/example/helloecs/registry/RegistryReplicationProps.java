package com.example.helloecs.registry;

import java.util.List;

/**
 * Props of {@link RegistryReplication}.
 *
 * @param destinations where images are replicated; at least one
 * @param prefix       repository-name prefix filter of the rule (PREFIX_MATCH); required
 */
public record RegistryReplicationProps(List<Destination> destinations, String prefix) {
    public RegistryReplicationProps {
        if (destinations == null || destinations.isEmpty() || prefix == null) {
            throw new IllegalArgumentException("RegistryReplicationProps: required destinations (one or more) and "
                    + "prefix");
        }
        destinations = List.copyOf(destinations);
    }

    /**
     * One destination registry.
     *
     * @param region  destination region; required
     * @param account destination account. Default ({@code null}): this account
     */
    public record Destination(String region, String account) {
    }
}
