package com.example.helloecs.cost;

import java.math.BigDecimal;
import java.util.List;

/**
 * What costs money in a set of synthesized CloudFormation templates, as {@link TemplateScan} reads it. Identifiers
 * are {@code STACK/LogicalId}.
 *
 * @param services      Fargate services
 * @param loadBalancers Elastic Load Balancing v2 load balancers
 * @param natGateways   NAT gateways (logical IDs)
 * @param elasticIps    Elastic IPs, with whether a NAT gateway uses them
 * @param logGroups     CloudWatch Logs log groups
 * @param repositories  ECR repositories
 * @param kmsKeys       customer managed KMS keys (logical IDs)
 * @param clusters      ECS clusters
 * @param endpoints     interface VPC endpoints (gateway endpoints cost nothing)
 * @param webAcls       WAFv2 web ACLs
 * @param alarms        CloudWatch metric alarms
 * @param dashboards    CloudWatch dashboards (logical IDs)
 * @param notes         what was read with an assumption, or not priced
 */
public record Inventory(List<FargateService> services, List<LoadBalancer> loadBalancers, List<String> natGateways,
                        List<ElasticIp> elasticIps, List<LogGroup> logGroups, List<Repository> repositories,
                        List<String> kmsKeys, List<Cluster> clusters, List<InterfaceEndpoint> endpoints,
                        List<WebAcl> webAcls, List<Alarm> alarms, List<String> dashboards, List<String> notes) {

    public Inventory {
        services = List.copyOf(services);
        loadBalancers = List.copyOf(loadBalancers);
        natGateways = List.copyOf(natGateways);
        elasticIps = List.copyOf(elasticIps);
        logGroups = List.copyOf(logGroups);
        repositories = List.copyOf(repositories);
        kmsKeys = List.copyOf(kmsKeys);
        clusters = List.copyOf(clusters);
        endpoints = List.copyOf(endpoints);
        webAcls = List.copyOf(webAcls);
        alarms = List.copyOf(alarms);
        dashboards = List.copyOf(dashboards);
        notes = List.copyOf(notes);
    }

    /** @param zones subnets (one per availability zone) it has a network interface in: billed per zone-hour */
    public record InterfaceEndpoint(String id, int zones) {
    }

    /**
     * @param metrics metrics the alarm evaluates: 1 for an alarm on one metric; for a metric math alarm, the metrics
     *                its expressions read (each billed as an alarm metric; the expressions themselves are not)
     * @param highResolution evaluated more often than once a minute
     */
    public record Alarm(String id, int metrics, boolean highResolution) {
    }

    /** @param rules rules and rule groups in it (each billed monthly) */
    public record WebAcl(String id, int rules) {
    }

    /**
     * A Fargate service at its desired count.
     *
     * @param id            service identifier
     * @param cpuUnits      task CPU units (1024 = 1 vCPU)
     * @param memoryMiB     task memory in MiB
     * @param arm64         runtime platform ARM64 (else x86_64)
     * @param onDemandTasks tasks on FARGATE (may be fractional when weights split the count)
     * @param spotTasks     tasks on FARGATE_SPOT
     * @param publicIp      whether each task gets a public IPv4 address ({@code AssignPublicIp: ENABLED})
     * @param containers    containers in the task definition
     */
    public record FargateService(String id, int cpuUnits, int memoryMiB, boolean arm64, BigDecimal onDemandTasks,
                                 BigDecimal spotTasks, boolean publicIp, int containers) {
        public BigDecimal tasks() {
            return onDemandTasks.add(spotTasks);
        }
    }

    /**
     * @param id             load balancer identifier
     * @param type           {@code application}, {@code network} or {@code gateway}
     * @param internetFacing scheme {@code internet-facing} (one public IPv4 address per zone)
     * @param zones          subnets (one per availability zone) it spans
     */
    public record LoadBalancer(String id, String type, boolean internetFacing, int zones) {
    }

    /** @param forNat whether a NAT gateway's {@code AllocationId} refers to it */
    public record ElasticIp(String id, boolean forNat) {
    }

    /** @param retentionDays {@code RetentionInDays}; {@code null}: never expire */
    public record LogGroup(String id, Integer retentionDays) {
    }

    /** @param keptImages images the lifecycle policy keeps at most; {@code null}: no count limit */
    public record Repository(String id, Integer keptImages) {
    }

    /**
     * @param id           cluster identifier
     * @param insights     {@code containerInsights} setting: {@code disabled}, {@code enabled} or {@code enhanced}
     * @param services     services running in it
     * @param taskFamilies distinct task definitions of those services
     * @param tasks        their tasks at desired count
     * @param containers   their containers at desired count
     */
    public record Cluster(String id, String insights, int services, int taskFamilies, BigDecimal tasks,
                          BigDecimal containers) {
    }
}
