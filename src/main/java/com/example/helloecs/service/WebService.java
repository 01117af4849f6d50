package com.example.helloecs.service;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.example.helloecs.compliance.Acknowledge;
import com.example.helloecs.compliance.ManagedPolicies;
import com.example.helloecs.config.FargateSizes;
import com.example.helloecs.service.release.DeploymentStrategies;
import com.example.helloecs.service.release.Release;
import com.example.helloecs.service.release.ReleaseTargets;

import software.amazon.awscdk.Aws;
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
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroupProps;
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
 * subnets, a WAF web ACL, KMS-encrypted log groups and deletion protection. Built from {@link WebServiceProps}
 * alone.
 */
public class WebService extends Construct {
    public static final String CONTAINER_NAME = "web";
    /** Task volume (Fargate ephemeral storage) for Apache's runtime directory. */
    public static final String RUNTIME_VOLUME = "apache-run";
    /** What the health check accepts: the health endpoint answers 200 and nothing else. */
    public static final String HEALTHY_HTTP_CODES = "200";
    /** Tasks pass the container health check within seconds; the load balancer's own check decides after that. */
    public static final Duration HEALTH_CHECK_GRACE_PERIOD = Duration.seconds(10);
    /** With Spot, one task always runs on demand, and every task past it on Spot. */
    static final List<CapacityProviderStrategy> SPOT_WITH_ON_DEMAND_BASE = List.of(
            CapacityProviderStrategy.builder().capacityProvider("FARGATE").base(1).weight(0).build(),
            CapacityProviderStrategy.builder().capacityProvider("FARGATE_SPOT").weight(1).build());

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
    /** Deployment strategy resources, alarms, alarm topic and dashboard. */
    public final Release release;

    public WebService(Construct scope, String id, WebServiceProps props) {
        super(scope, id);
        this.logEncryption = props.hardened() ? new LogEncryption(this, "LogEncryption") : null;
        IKey logKey = logEncryption == null ? null : logEncryption.key;
        this.network = new Network(this, "Network", props, logKey);
        this.cluster = Cluster.Builder.create(this, "Cluster")
                .vpc(network.vpc)
                .containerInsightsV2(props.containerInsights() ? ContainerInsights.ENABLED : ContainerInsights.DISABLED)
                .enableFargateCapacityProviders(true)
                .build();
        Role executionRole = executionRole(props);
        // Separate from the execution role and granted nothing: the page needs no AWS API.
        // Confused-deputy protection: only ECS tasks of this account ("Amazon ECS task IAM role", trust policy,
        // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html).
        Role taskRole = Role.Builder.create(this, "TaskRole")
                .assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com").withConditions(new TreeMap<>(Map.of(
                        "StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID),
                        "ArnLike", Map.of("aws:SourceArn", "arn:" + Aws.PARTITION + ":ecs:" + Aws.REGION + ":"
                                + Aws.ACCOUNT_ID + ":*")))))
                .description("Identity of the running container; holds no permissions")
                .build();
        this.taskDefinition = taskDefinition(props, executionRole, taskRole);
        this.logGroup = LogGroup.Builder.create(this, "Logs")
                .retention(props.logRetention())
                .encryptionKey(logKey)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        this.container = container(props);
        this.loadBalancerSecurityGroup = loadBalancerSecurityGroup(props);
        this.serviceSecurityGroup = serviceSecurityGroup(props);
        this.loadBalancer = ApplicationLoadBalancer.Builder.create(this, "LoadBalancer")
                .vpc(network.vpc)
                .internetFacing(true)
                .securityGroup(loadBalancerSecurityGroup)
                .dropInvalidHeaderFields(true)
                .deletionProtection(props.deletionProtection())
                .build();
        this.service = fargateService(props);
        // Without targets: the release registers the service (and adds an alternate).
        this.targetGroup = new ApplicationTargetGroup(this, "TargetGroup", targetGroupProps(props));
        this.listeners = new Listeners(this, "Listeners", props, loadBalancer, targetGroup);
        this.listener = listeners.https != null ? listeners.https : listeners.http;
        this.release = release(props);
        this.accessLogs = props.accessLogs() ? new AccessLogs(this, "AccessLogs", loadBalancer, props.hardened()) : null;
        this.webAcl = props.hardened() ? new WebAcl(this, "WebAcl", loadBalancer, logKey, props.logRetention()) : null;
        if (props.hardened() && !props.deletionProtection()) {
            // docs/profiles.md's teardown: deploy once with service.deletionProtection=false, then destroy. Only in
            // that case (NIST 800-53 R5 only: PCI DSS 3.2.1 has no deletion-protection rule).
            Acknowledge.rule(loadBalancer, Acknowledge.NIST + "ELBDeletionProtectionEnabled", "Deletion "
                    + "protection is switched off on purpose (service.deletionProtection=false), the documented step "
                    + "before cdk destroy removes the load balancer.");
        }
        if (props.hardened() && listeners.https != null) {
            Acknowledge.nistAndPci(listeners.http, "ELBv2ACMCertificateRequired", "Port 80 carries no content: "
                    + "its only action is a permanent redirect to the HTTPS listener, which uses the ACM certificate.");
        }
        managedPolicies(executionRole, taskRole);
        this.scaling = scaling(props);
    }

    private Role executionRole(WebServiceProps props) {
        Role role = Role.Builder.create(this, "ExecutionRole")
                .roleName(props.executionRoleName())
                .assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com"))
                .description("Pulls the image from the private repository and writes container logs")
                .build();
        Acknowledge.rule(role, "AwsSolutions-IAM5[Resource::*]", "ecr:GetAuthorizationToken supports "
                + "no resource-level permission; the role's pull and log grants are scoped to the private "
                + "repository and the service's log group.");
        return role;
    }

    private FargateTaskDefinition taskDefinition(WebServiceProps props, Role executionRole, Role taskRole) {
        return FargateTaskDefinition.Builder.create(this, "TaskDefinition")
                .cpu(props.cpu())
                .memoryLimitMiB(props.memoryLimitMiB())
                .executionRole(executionRole)
                .taskRole(taskRole)
                .runtimePlatform(RuntimePlatform.builder()
                        .cpuArchitecture(props.cpuArchitecture())
                        .operatingSystemFamily(OperatingSystemFamily.LINUX)
                        .build())
                .volumes(List.of(Volume.builder().name(RUNTIME_VOLUME).build()))
                .build();
    }

    private ContainerDefinition container(WebServiceProps props) {
        ContainerDefinition web = taskDefinition.addContainer(CONTAINER_NAME, ContainerDefinitionOptions.builder()
                .image(props.image())
                .user(ContainerImageSpec.USER)
                .readonlyRootFilesystem(true)
                .environment(Map.of(ContainerImageSpec.TASK_VCPU_ENV, FargateSizes.vcpus(props.cpu())))
                .portMappings(List.of(PortMapping.builder().containerPort(props.containerPort()).name("http").build()))
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
        web.addMountPoints(MountPoint.builder()
                .sourceVolume(RUNTIME_VOLUME).containerPath(ContainerImageSpec.RUNTIME_DIR).readOnly(false).build());
        return web;
    }

    private SecurityGroup loadBalancerSecurityGroup(WebServiceProps props) {
        SecurityGroup group = SecurityGroup.Builder.create(this, "LoadBalancerSecurityGroup")
                .vpc(network.vpc)
                .description("Internet-facing load balancer: HTTP" + (props.https() ? " and HTTPS" : "") + " from anywhere")
                .allowAllOutbound(false)
                .build();
        group.addIngressRule(Peer.anyIpv4(), Port.tcp(80), "HTTP from the internet");
        if (props.https()) {
            group.addIngressRule(Peer.anyIpv4(), Port.tcp(443), "HTTPS from the internet");
        }
        Acknowledge.rule(group, "AwsSolutions-EC23", "The public website's load balancer: "
                + "HTTP (and HTTPS when configured) from anywhere is its purpose; nothing else is open and the "
                + "tasks admit only this security group.");
        return group;
    }

    /** The tasks' security group: only the load balancer may connect. */
    private SecurityGroup serviceSecurityGroup(WebServiceProps props) {
        SecurityGroup group = SecurityGroup.Builder.create(this, "ServiceSecurityGroup")
                .vpc(network.vpc)
                .description("Fargate tasks: only the load balancer may connect")
                .allowAllOutbound(true)
                .build();
        group.addIngressRule(loadBalancerSecurityGroup, Port.tcp(props.containerPort()),
                "HTTP from the load balancer only");
        loadBalancerSecurityGroup.addEgressRule(group, Port.tcp(props.containerPort()), "To the tasks only");
        if (network.endpoints != null) {
            network.endpoints.admit(group, "HTTPS from the service's tasks (ECR, S3 via gateway, Logs)");
        }
        return group;
    }

    private FargateService fargateService(WebServiceProps props) {
        FargateService.Builder builder = FargateService.Builder.create(this, "Service")
                .cluster(cluster)
                .taskDefinition(taskDefinition)
                .desiredCount(props.desiredCount())
                .assignPublicIp(network.publicTasks)
                .vpcSubnets(network.taskSubnets)
                .securityGroups(List.of(serviceSecurityGroup))
                .circuitBreaker(DeploymentCircuitBreaker.builder().enable(true).rollback(true).build())
                .minHealthyPercent(props.minHealthyPercent())
                .maxHealthyPercent(props.maxHealthyPercent())
                .enableExecuteCommand(props.enableExecuteCommand())
                .capacityProviderStrategies(props.spot() ? SPOT_WITH_ON_DEMAND_BASE : null)
                .healthCheckGracePeriod(HEALTH_CHECK_GRACE_PERIOD);
        return DeploymentStrategies.applyTo(builder, props.release()).build();
    }

    /** The target group's settings; an alternate target group of a traffic-shifting strategy copies them. */
    private ApplicationTargetGroupProps targetGroupProps(WebServiceProps props) {
        return ApplicationTargetGroupProps.builder()
                .vpc(network.vpc)
                .port(props.containerPort())
                .protocol(ApplicationProtocol.HTTP)
                .targetType(TargetType.IP)
                .deregistrationDelay(props.deregistrationDelay())
                .healthCheck(new Builder()
                        .path(props.healthCheckPath())
                        .interval(props.healthCheckInterval())
                        .timeout(props.healthCheckTimeout())
                        .healthyThresholdCount(props.healthyThreshold())
                        .unhealthyThresholdCount(props.unhealthyThreshold())
                        .healthyHttpCodes(HEALTHY_HTTP_CODES)
                        .build())
                .build();
    }

    /** The service registered with its target group(s), the strategy's traffic shifting, alarms, dashboard. */
    private Release release(WebServiceProps props) {
        return new Release(this, "Release", props.release(), new ReleaseTargets(service, cluster.getClusterName(),
                CONTAINER_NAME, props.containerPort(), loadBalancer, listener, targetGroup, targetGroupProps(props),
                props.containerInsights()));
    }

    /**
     * The roles' grants as managed policies instead of inline ones (the execution role's image pull and log
     * writing; the task role's ECS Exec channels); the service waits for them so the first tasks can start.
     */
    private void managedPolicies(Role executionRole, Role taskRole) {
        ManagedPolicy executionPolicy = ManagedPolicies.replaceInlinePolicy(executionRole,
                "Pulls the service's image from the private repository and writes its container logs");
        if (executionPolicy != null) {
            service.getNode().addDependency(executionPolicy);
        }
        ManagedPolicy taskPolicy = ManagedPolicies.replaceInlinePolicy(taskRole, "ECS Exec: the SSM session "
                + "channels of the running container");
        if (taskPolicy != null) {
            service.getNode().addDependency(taskPolicy);
            Acknowledge.rule(taskRole, "AwsSolutions-IAM5[Resource::*]", "ECS Exec's ssmmessages channel actions "
                    + "support no resource-level permission; granted only with service.enableExecuteCommand.");
        }
    }

    private ScalableTaskCount scaling(WebServiceProps props) {
        ScalableTaskCount count = service.autoScaleTaskCount(software.amazon.awscdk.services.applicationautoscaling
                .EnableScalingProps.builder().minCapacity(props.minCapacity()).maxCapacity(props.maxCapacity()).build());
        if (props.cpuTargetPercent() > 0) {
            count.scaleOnCpuUtilization("Cpu", CpuUtilizationScalingProps.builder()
                    .targetUtilizationPercent(props.cpuTargetPercent()).build());
        }
        // Request-count scaling watches one target group: with two, traffic moves away from it on every release.
        if (props.requestsPerTarget() > 0 && !props.release().strategy().shiftsTraffic()) {
            count.scaleOnRequestCount("Requests", RequestCountScalingProps.builder()
                    .requestsPerTarget(props.requestsPerTarget()).targetGroup(targetGroup).build());
        }
        return count;
    }
}
