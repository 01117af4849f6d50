package com.example.helloecs.service;

import java.util.List;
import java.util.Map;

import com.example.helloecs.compliance.Acknowledge;
import com.example.helloecs.compliance.ManagedPolicies;
import com.example.helloecs.config.FargateSizes;
import com.example.helloecs.config.HardeningConfig;
import com.example.helloecs.config.ServiceConfig;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.CapacityProviderStrategy;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinition;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.HealthCheck;
import software.amazon.awscdk.services.ecs.LogDrivers;
import software.amazon.awscdk.services.ecs.MountPoint;
import software.amazon.awscdk.services.ecs.OperatingSystemFamily;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.RequestCountScalingProps;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.ecs.ScalableTaskCount;
import software.amazon.awscdk.services.ecs.CpuUtilizationScalingProps;
import software.amazon.awscdk.services.ecs.Volume;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck.Builder;
import software.amazon.awscdk.services.elasticloadbalancingv2.TargetType;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The ECS cluster and a Fargate service behind an internet-facing Application Load Balancer, tuned for fast,
 * safe rollouts: a quick health check on the page's health endpoint, short draining, a deployment circuit breaker
 * with rollback, and zero-downtime minimum/maximum healthy percentages. Profile {@code hardened} adds private task
 * subnets, a WAF web ACL, KMS-encrypted log groups and deletion protection (see {@link HardeningConfig}).
 */
public class WebService extends Construct {
    public static final String CONTAINER_NAME = "web";
    /** Task volume (Fargate ephemeral storage) for Apache's runtime directory. */
    public static final String RUNTIME_VOLUME = "apache-run";

    public final Network network;
    public final Cluster cluster;
    public final FargateTaskDefinition taskDefinition;
    public final ContainerDefinition container;
    public final LogGroup logGroup;
    public final ApplicationLoadBalancer loadBalancer;
    public final SecurityGroup loadBalancerSecurityGroup;
    public final SecurityGroup serviceSecurityGroup;
    /** The listener that forwards to the tasks (HTTPS when configured, else HTTP). */
    public final ApplicationListener listener;
    public final Listeners listeners;
    /** {@code null} when {@code service.accessLogs} is off. */
    public final AccessLogs accessLogs;
    public final ApplicationTargetGroup targetGroup;
    public final FargateService service;
    public final ScalableTaskCount scaling;
    /** The log groups' KMS key (profile hardened), or {@code null}. */
    public final LogEncryption logEncryption;
    /** The WAF web ACL on the load balancer (profile hardened), or {@code null}. */
    public final WebAcl webAcl;

    public WebService(Construct scope, String id, WebServiceProps props) {
        super(scope, id);
        ServiceConfig config = props.config();
        HardeningConfig hardening = props.hardening();
        this.logEncryption = hardening.hardened() ? new LogEncryption(this, "LogEncryption") : null;
        IKey logKey = logEncryption == null ? null : logEncryption.key;
        this.network = new Network(this, "Network", config, hardening, logKey);
        this.cluster = Cluster.Builder.create(this, "Cluster")
                .vpc(network.vpc)
                .containerInsightsV2(config.containerInsights() ? ContainerInsights.ENABLED : ContainerInsights.DISABLED)
                .enableFargateCapacityProviders(true)
                .build();

        Role executionRole = Role.Builder.create(this, "ExecutionRole")
                .roleName(props.executionRoleName())
                .assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com"))
                .description("Pulls the image from the private repository and writes container logs")
                .build();
        // Separate from the execution role and granted nothing: the page needs no AWS API.
        Role taskRole = Role.Builder.create(this, "TaskRole")
                .assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com"))
                .description("Identity of the running container; holds no permissions")
                .build();
        Acknowledge.rule(executionRole, "AwsSolutions-IAM5[Resource::*]", "ecr:GetAuthorizationToken supports "
                + "no resource-level permission; the role's pull and log grants are scoped to the private "
                + "repository and the service's log group.");
        this.taskDefinition = FargateTaskDefinition.Builder.create(this, "TaskDefinition")
                .cpu(config.cpu())
                .memoryLimitMiB(config.memory())
                .executionRole(executionRole)
                .taskRole(taskRole)
                .runtimePlatform(RuntimePlatform.builder()
                        .cpuArchitecture(config.arm64() ? CpuArchitecture.ARM64 : CpuArchitecture.X86_64)
                        .operatingSystemFamily(OperatingSystemFamily.LINUX)
                        .build())
                .volumes(List.of(Volume.builder().name(RUNTIME_VOLUME).build()))
                .build();
        this.logGroup = LogGroup.Builder.create(this, "Logs")
                .retention(Network.Retention.of(config.logRetentionDays()))
                .encryptionKey(logKey)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        this.container = taskDefinition.addContainer(CONTAINER_NAME, ContainerDefinitionOptions.builder()
                .image(props.image())
                .user(ContainerImageSpec.USER)
                .readonlyRootFilesystem(true)
                .environment(Map.of(ContainerImageSpec.TASK_VCPU_ENV, FargateSizes.vcpus(config.cpu())))
                .portMappings(List.of(PortMapping.builder().containerPort(config.containerPort()).name("http").build()))
                // The image's own HEALTHCHECK, repeated because ECS ignores the image's.
                .healthCheck(HealthCheck.builder()
                        .command(ContainerImageSpec.HEALTH_CHECK)
                        .interval(Duration.seconds(ContainerImageSpec.HEALTH_INTERVAL_SECONDS))
                        .timeout(Duration.seconds(ContainerImageSpec.HEALTH_TIMEOUT_SECONDS))
                        .retries(ContainerImageSpec.HEALTH_RETRIES)
                        .startPeriod(Duration.seconds(ContainerImageSpec.HEALTH_START_PERIOD_SECONDS))
                        .build())
                .logging(LogDrivers.awsLogs(AwsLogDriverProps.builder()
                        .logGroup(logGroup).streamPrefix(CONTAINER_NAME).build()))
                .build());
        Acknowledge.rule(taskDefinition, "AwsSolutions-ECS2", "The one environment variable, TASK_VCPU, is the "
                + "task's own CPU size (not a secret, and already in the task definition) so the image can size Apache "
                + "to it; the container gets no secret or configuration by environment.");
        container.addMountPoints(MountPoint.builder()
                .sourceVolume(RUNTIME_VOLUME).containerPath(ContainerImageSpec.RUNTIME_DIR).readOnly(false).build());

        this.loadBalancerSecurityGroup = SecurityGroup.Builder.create(this, "LoadBalancerSecurityGroup")
                .vpc(network.vpc)
                .description("Internet-facing load balancer: HTTP" + (config.https() ? " and HTTPS" : "") + " from anywhere")
                .allowAllOutbound(false)
                .build();
        loadBalancerSecurityGroup.addIngressRule(Peer.anyIpv4(), Port.tcp(80), "HTTP from the internet");
        if (config.https()) {
            loadBalancerSecurityGroup.addIngressRule(Peer.anyIpv4(), Port.tcp(443), "HTTPS from the internet");
        }
        Acknowledge.rule(loadBalancerSecurityGroup, "AwsSolutions-EC23", "The public website's load balancer: "
                + "HTTP (and HTTPS when configured) from anywhere is its purpose; nothing else is open and the "
                + "tasks admit only this security group.");
        this.serviceSecurityGroup = SecurityGroup.Builder.create(this, "ServiceSecurityGroup")
                .vpc(network.vpc)
                .description("Fargate tasks: only the load balancer may connect")
                .allowAllOutbound(true)
                .build();
        serviceSecurityGroup.addIngressRule(loadBalancerSecurityGroup, Port.tcp(config.containerPort()),
                "HTTP from the load balancer only");
        loadBalancerSecurityGroup.addEgressRule(serviceSecurityGroup, Port.tcp(config.containerPort()),
                "To the tasks only");
        if (network.endpoints != null) {
            network.endpoints.admit(serviceSecurityGroup, "HTTPS from the service's tasks (ECR, S3 via gateway, Logs)");
        }

        this.loadBalancer = ApplicationLoadBalancer.Builder.create(this, "LoadBalancer")
                .vpc(network.vpc)
                .internetFacing(true)
                .securityGroup(loadBalancerSecurityGroup)
                .dropInvalidHeaderFields(true)
                .deletionProtection(hardening.deletionProtection())
                .build();

        this.service = FargateService.Builder.create(this, "Service")
                .cluster(cluster)
                .taskDefinition(taskDefinition)
                .desiredCount(config.desiredCount())
                .assignPublicIp(network.publicTasks)
                .vpcSubnets(network.taskSubnets)
                .securityGroups(List.of(serviceSecurityGroup))
                .circuitBreaker(DeploymentCircuitBreaker.builder().enable(true).rollback(true).build())
                .minHealthyPercent(config.minHealthyPercent())
                .maxHealthyPercent(config.maxHealthyPercent())
                .enableExecuteCommand(config.executeCommand())
                .capacityProviderStrategies(config.spot()
                        ? List.of(CapacityProviderStrategy.builder().capacityProvider("FARGATE").base(1).weight(0).build(),
                                CapacityProviderStrategy.builder().capacityProvider("FARGATE_SPOT").weight(1).build())
                        : null)
                .healthCheckGracePeriod(Duration.seconds(10))
                .build();

        this.targetGroup = ApplicationTargetGroup.Builder.create(this, "TargetGroup")
                .vpc(network.vpc)
                .port(config.containerPort())
                .protocol(ApplicationProtocol.HTTP)
                .targetType(TargetType.IP)
                .deregistrationDelay(Duration.seconds(config.deregistrationDelaySeconds()))
                .healthCheck(new Builder()
                        .path(config.healthCheckPath())
                        .interval(Duration.seconds(config.healthCheckIntervalSeconds()))
                        .timeout(Duration.seconds(config.healthCheckTimeoutSeconds()))
                        .healthyThresholdCount(config.healthyThreshold())
                        .unhealthyThresholdCount(config.unhealthyThreshold())
                        .healthyHttpCodes("200")
                        .build())
                .targets(List.of(service.loadBalancerTarget(software.amazon.awscdk.services.ecs.LoadBalancerTargetOptions
                        .builder().containerName(CONTAINER_NAME).containerPort(config.containerPort()).build())))
                .build();
        this.listeners = new Listeners(this, "Listeners", config, loadBalancer, targetGroup);
        this.listener = listeners.https != null ? listeners.https : listeners.http;
        this.accessLogs = config.accessLogs() ? new AccessLogs(this, "AccessLogs", loadBalancer, hardening) : null;
        this.webAcl = hardening.hardened() ? new WebAcl(this, "WebAcl", loadBalancer, logKey,
                Network.Retention.of(config.logRetentionDays())) : null;
        if (hardening.hardened() && !hardening.deletionProtection()) {
            // docs/profiles.md's teardown: deploy once with service.deletionProtection=false, then destroy. Only in
            // that case (NIST 800-53 R5 only: PCI DSS 3.2.1 has no deletion-protection rule).
            Acknowledge.rule(loadBalancer, Acknowledge.NIST + "ELBDeletionProtectionEnabled", "Deletion "
                    + "protection is switched off on purpose (service.deletionProtection=false), the documented step "
                    + "before cdk destroy removes the load balancer.");
        }
        if (hardening.hardened() && listeners.https != null) {
            Acknowledge.nistAndPci(listeners.http, "ELBv2ACMCertificateRequired", "Port 80 carries no content: "
                    + "its only action is a permanent redirect to the HTTPS listener, which uses the ACM certificate.");
        }
        // The execution role's grants (image pull, log writing) as a managed policy instead of an inline one; the
        // service waits for it so the first tasks can pull.
        ManagedPolicy executionPolicy = ManagedPolicies.replaceInlinePolicy(executionRole,
                "Pulls the service's image from the private repository and writes its container logs");
        if (executionPolicy != null) {
            service.getNode().addDependency(executionPolicy);
        }
        // With ECS Exec the task role holds the SSM session channel actions.
        ManagedPolicy taskPolicy = ManagedPolicies.replaceInlinePolicy(taskRole, "ECS Exec: the SSM session "
                + "channels of the running container");
        if (taskPolicy != null) {
            service.getNode().addDependency(taskPolicy);
            Acknowledge.rule(taskRole, "AwsSolutions-IAM5[Resource::*]", "ECS Exec's ssmmessages channel actions "
                    + "support no resource-level permission; granted only with service.enableExecuteCommand.");
        }

        this.scaling = service.autoScaleTaskCount(software.amazon.awscdk.services.applicationautoscaling
                .EnableScalingProps.builder().minCapacity(config.minCapacity()).maxCapacity(config.maxCapacity()).build());
        if (config.cpuTargetPercent() > 0) {
            scaling.scaleOnCpuUtilization("Cpu", CpuUtilizationScalingProps.builder()
                    .targetUtilizationPercent(config.cpuTargetPercent()).build());
        }
        if (config.requestsPerTarget() > 0) {
            scaling.scaleOnRequestCount("Requests", RequestCountScalingProps.builder()
                    .requestsPerTarget(config.requestsPerTarget()).targetGroup(targetGroup).build());
        }
    }
}
