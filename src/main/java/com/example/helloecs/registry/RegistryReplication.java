package com.example.helloecs.registry;

import java.util.List;

import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.ecr.CfnReplicationConfiguration;
import software.constructs.Construct;

/**
 * The registry-wide replication configuration. There is one per registry (account and region): deploying it
 * replaces any replication rules already there, so exactly one construct in the app owns it, and its rule is
 * scoped to this app's repositories by a repository-name prefix filter.
 *
 * <p>The replica repositories are not made here: each destination has a stack of its own that creates its replica
 * natively ({@link ReplicaRepository}), and the stack holding this configuration depends on those stacks, so
 * replicas exist before the first image is replicated and replication stops before they are deleted.
 */
public class RegistryReplication extends Construct {
    /** The registry's replication configuration. */
    public final CfnReplicationConfiguration configuration;

    public RegistryReplication(Construct scope, String id, RegistryReplicationProps props) {
        super(scope, id);
        List<CfnReplicationConfiguration.ReplicationDestinationProperty> destinations = props.destinations().stream()
                .map(d -> CfnReplicationConfiguration.ReplicationDestinationProperty.builder()
                        .region(d.region()).registryId(d.account() == null ? Aws.ACCOUNT_ID : d.account()).build())
                .toList();
        this.configuration = CfnReplicationConfiguration.Builder.create(this, "Configuration")
                .replicationConfiguration(CfnReplicationConfiguration.ReplicationConfigurationProperty.builder()
                        .rules(List.of(CfnReplicationConfiguration.ReplicationRuleProperty.builder()
                                .destinations(destinations)
                                .repositoryFilters(List.of(CfnReplicationConfiguration.RepositoryFilterProperty
                                        .builder().filter(props.prefix()).filterType("PREFIX_MATCH").build()))
                                .build()))
                        .build())
                .build();
    }
}
