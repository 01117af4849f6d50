package com.example.helloecs.stacks;

import com.example.helloecs.config.Deployment;
import com.example.helloecs.config.Names;
import com.example.helloecs.config.RegistryConfig;
import com.example.helloecs.registry.PrivateRepository;
import com.example.helloecs.registry.PrivateRepositoryProps;
import com.example.helloecs.registry.RegistryReplication;
import com.example.helloecs.registry.RegistryReplicationProps;
import com.example.helloecs.registry.RegistryScanning;
import com.example.helloecs.registry.ScanAlerts;
import com.example.helloecs.registry.ScanAlertsProps;

import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * Long-lived: the private repository and the registry-wide settings this app owns (replication and, when
 * configured, scanning). Deployed before the service.
 */
public class RegistryStack extends Stack {
    public final PrivateRepository repository;
    /** The registry's replication configuration, or {@code null} when no destination is configured. */
    public final RegistryReplication replication;
    /** The registry's scanning configuration, or {@code null} when {@code registry.registryScanning} is off. */
    public final RegistryScanning scanning;
    /** Alerts on CRITICAL or HIGH scan findings. */
    public final ScanAlerts scanAlerts;

    /**
     * Props of {@link RegistryStack}.
     *
     * @param stack      the stack's own props (environment, name, description)
     * @param deployment the deployment's configuration; required
     * @param stageId    the deployment's ID, which names the task execution role granted pull; required
     * @param qualifier  the CDK bootstrap qualifier, which names the image-publishing role granted push; required
     */
    public record Props(StackProps stack, Deployment deployment, String stageId, String qualifier) {
    }

    public RegistryStack(Construct scope, String id, Props props) {
        super(scope, id, props.stack());
        Deployment deployment = props.deployment();
        RegistryConfig config = deployment.registry();
        this.repository = new PrivateRepository(this, "PrivateRepository", PrivateRepositoryProps.builder()
                .repositoryName(config.repositoryName())
                .destroyOnRemoval(config.destroyOnRemoval())
                .immutableTags(config.immutableTags())
                .tagMutabilityExclusions(config.tagMutabilityExclusions())
                .kmsEncryption(config.kmsEncryption())
                .kmsKeyArn(config.kmsKeyArn())
                .scanOnPush(config.scanOnPush())
                .lifecycleRules(config.lifecycleRules())
                .pullPrincipals(config.pullPrincipals())
                .pushPrincipals(config.pushPrincipals())
                .executionRoleName(Names.executionRoleName(props.stageId()))
                .publishingRoleArn(Names.imagePublishingRoleArn(props.qualifier()))
                .build());
        this.replication = config.replicates()
                ? new RegistryReplication(this, "Replication", new RegistryReplicationProps(
                        ReplicaStacks.destinations(config), config.replicationPrefix()))
                : null;
        this.scanning = config.ownsRegistryScanning() ? new RegistryScanning(this, "Scanning", config) : null;
        this.scanAlerts = new ScanAlerts(this, "ScanAlerts", new ScanAlertsProps(config.repositoryName(),
                config.scanAlertEmail(), config.destroyOnRemoval()));
        Outputs.add(this, "RepositoryUri", "URI of the private ECR repository",
                repository.repository.getRepositoryUri());
        Outputs.add(this, "RepositoryArn", "ARN of the private ECR repository",
                repository.repository.getRepositoryArn());
        Outputs.add(this, "DockerLogin", "Logs Docker in to the registry", dockerLogin());
        Outputs.add(this, "ScanAlertTopicArn", "SNS topic notified of CRITICAL or HIGH scan findings",
                scanAlerts.topic.getTopicArn());
    }


    /** The ready-to-run login line; region, account and URL suffix are resolved by CloudFormation. */
    static String dockerLogin() {
        return "aws ecr get-login-password --region " + Aws.REGION
                + " | docker login --username AWS --password-stdin "
                + Aws.ACCOUNT_ID + ".dkr.ecr." + Aws.REGION + "." + Aws.URL_SUFFIX;
    }
}
