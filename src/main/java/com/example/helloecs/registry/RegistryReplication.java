package com.example.helloecs.registry;

import java.util.List;

import com.example.helloecs.config.RegistryConfig;

import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.ecr.CfnReplicationConfiguration;
import software.constructs.Construct;

/**
 * The registry-wide replication configuration. There is one per registry (account and region): deploying it
 * replaces any replication rules already there, so exactly one construct in the app owns it, and its rule is
 * scoped to this app's repositories by a repository-name prefix filter.
 */
public class RegistryReplication extends Construct {
    /** The registry's replication configuration. */
    public final CfnReplicationConfiguration configuration;

    public RegistryReplication(Construct scope, String id, RegistryConfig config) {
        super(scope, id);
        List<String> accounts = config.replicationAccounts().isEmpty() ? List.of(Aws.ACCOUNT_ID)
                : config.replicationAccounts();
        List<CfnReplicationConfiguration.ReplicationDestinationProperty> destinations = config.replicationRegions()
                .stream()
                .flatMap(region -> accounts.stream().map(account ->
                        CfnReplicationConfiguration.ReplicationDestinationProperty.builder()
                                .region(region).registryId(account).build()))
                .toList();
        this.configuration = CfnReplicationConfiguration.Builder.create(this, "Configuration")
                .replicationConfiguration(CfnReplicationConfiguration.ReplicationConfigurationProperty.builder()
                        .rules(List.of(CfnReplicationConfiguration.ReplicationRuleProperty.builder()
                                .destinations(destinations)
                                .repositoryFilters(List.of(CfnReplicationConfiguration.RepositoryFilterProperty
                                        .builder().filter(config.replicationPrefix()).filterType("PREFIX_MATCH")
                                        .build()))
                                .build()))
                        .build())
                .build();
    }
}
