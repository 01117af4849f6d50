package com.example.helloecs.registry;

import java.util.ArrayList;
import java.util.List;

import com.example.helloecs.compliance.Acknowledge;
import com.example.helloecs.config.RegistryConfig;

import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.customresources.AwsCustomResource;
import software.amazon.awscdk.services.ecr.CfnReplicationConfiguration;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The registry-wide replication configuration. There is one per registry (account and region): deploying it
 * replaces any replication rules already there, so exactly one construct in the app owns it, and its rule is
 * scoped to this app's repositories by a repository-name prefix filter.
 *
 * <p>For each destination region in this account it also manages a {@link ReplicaCreationTemplate} (so replicas
 * get the repository's immutability, encryption and lifecycle policy) and, when the repository is destroyed with
 * the stack, a {@link ReplicaCleanup} that deletes the replica. Destinations in other accounts need their
 * templates created in those accounts. The configuration depends on both, so on create the templates exist before
 * the first image is replicated, and on delete replication stops before the replicas are deleted.
 */
public class RegistryReplication extends Construct {
    /** The registry's replication configuration. */
    public final CfnReplicationConfiguration configuration;
    /** Creation templates by destination region (this account only). */
    public final List<ReplicaCreationTemplate> templates = new ArrayList<>();
    /** Replica cleanups by destination region (this account only, removal policy destroy only). */
    public final List<ReplicaCleanup> cleanups = new ArrayList<>();

    public RegistryReplication(Construct scope, String id, RegistryReplicationProps props) {
        super(scope, id);
        RegistryConfig config = props.config();
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
        if (props.replicatesIntoThisAccount()) {
            for (String region : config.replicationRegions()) {
                ReplicaCreationTemplate template = new ReplicaCreationTemplate(this, "CreationTemplate-" + region,
                        config, region);
                templates.add(template);
                configuration.getNode().addDependency(template);
                if (config.destroyOnRemoval()) {
                    ReplicaCleanup cleanup = new ReplicaCleanup(this, "Cleanup-" + region, config.repositoryName(),
                            region);
                    cleanups.add(cleanup);
                    configuration.getNode().addDependency(cleanup);
                }
            }
        }
        acknowledgeCustomResourceFunction();
    }

    /** The Lambda function that all AwsCustomResources of a stack share, when this construct created one. */
    private void acknowledgeCustomResourceFunction() {
        if (templates.isEmpty() && cleanups.isEmpty()) {
            return;
        }
        IConstruct function = Stack.of(this).getNode()
                .tryFindChild("AWS" + AwsCustomResource.PROVIDER_FUNCTION_UUID.replace("-", ""));
        if (function != null) {
            Acknowledge.rule(function, "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/"
                    + "AWSLambdaBasicExecutionRole]", "The AwsCustomResource function that manages replica "
                    + "templates and cleanup: the managed policy grants only writing its own CloudWatch logs.");
            Acknowledge.cfnLintRule((CfnResource) function.getNode().getDefaultChild(), "W3005", "aws-cdk-lib's "
                    + "AwsCustomResource function depends on its role both by DependsOn and by GetAtt.");
            // NIST 800-53 R5 and PCI DSS 3.2.1 (compliance.packs): the function runs only while CloudFormation
            // creates, updates or deletes a template or replica, calling the ECR API in another region.
            String deployTime = "aws-cdk-lib's AwsCustomResource function runs only during deployments, to "
                    + "create or delete a replica's creation template or repository through the ECR API of another "
                    + "region; ";
            Acknowledge.nistAndPci(function, "LambdaInsideVPC", deployTime + "it reaches only public AWS "
                    + "endpoints and has no network to protect, and a VPC would need endpoints in every region.");
            Acknowledge.rule(function, Acknowledge.NIST + "LambdaConcurrency", deployTime + "CloudFormation "
                    + "invokes it once per custom resource, so concurrency is bounded by the replication regions.");
            Acknowledge.rule(function, Acknowledge.NIST + "LambdaDLQ", deployTime + "it is invoked synchronously "
                    + "by CloudFormation, which reports a failure in the stack events and rolls back.");
            IConstruct logGroup = function.getNode().tryFindChild("LogGroup");
            if (logGroup != null) {
                Acknowledge.nistAndPci(logGroup, "CloudWatchLogGroupEncrypted", "Holds only the deploy-time "
                        + "invocation logs of the AwsCustomResource function (ECR API calls, no application data).");
            }
        }
        List<AwsCustomResource> resources = new ArrayList<>();
        templates.forEach(t -> resources.add(t.resource));
        cleanups.forEach(c -> resources.add(c.resource));
        for (AwsCustomResource resource : resources) {
            IConstruct policy = resource.getNode().tryFindChild("CustomResourcePolicy");
            if (policy != null) {
                Acknowledge.nistAndPci(policy, "IAMNoInlinePolicy", "aws-cdk-lib's AwsCustomResource attaches each "
                        + "custom resource's permissions (scoped to one replica template or repository) as an inline "
                        + "policy of the shared function role; as managed policies, a few replication regions would "
                        + "exceed IAM's default quota of 10 managed policies per role.");
            }
        }
    }
}
