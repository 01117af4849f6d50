package com.example.helloecs.config;

import static com.example.helloecs.config.Settings.*;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Settings of the network, cluster, Fargate service and load balancer. Defaults: {@link Settings}.
 *
 * @param cpu                       task CPU units
 * @param memory                    task memory (MiB)
 * @param arm64                     linux/arm64 instead of linux/amd64 (image build and runtime platform alike)
 * @param containerPort             port Apache listens on
 * @param desiredCount              initial task count
 * @param minCapacity               autoscaling minimum
 * @param maxCapacity               autoscaling maximum
 * @param cpuTargetPercent          CPU target tracking; 0 = off
 * @param requestsPerTarget         request-count target tracking; 0 = off
 * @param spot                      Fargate Spot capacity
 * @param healthCheckPath           target group health-check path
 * @param healthCheckIntervalSeconds health-check interval
 * @param healthCheckTimeoutSeconds health-check timeout
 * @param healthyThreshold          successes to become healthy
 * @param unhealthyThreshold        failures to become unhealthy
 * @param deregistrationDelaySeconds draining time
 * @param minHealthyPercent         deployment lower bound
 * @param maxHealthyPercent         deployment upper bound
 * @param logRetentionDays          CloudWatch Logs retention
 * @param natGateways               NAT gateways (0: public subnets for tasks)
 * @param maxAzs                    availability zones
 * @param vpcCidr                   VPC CIDR
 * @param certificateArn            existing ACM certificate for HTTPS, or {@code null}
 * @param domainName                DNS name for a new certificate and alias record, or {@code null}
 * @param hostedZoneId              hosted zone of the domain
 * @param hostedZoneName            hosted zone name of the domain
 * @param accessLogs                ALB access logs
 * @param containerInsights         Container Insights
 * @param executeCommand            ECS Exec
 */
public record ServiceConfig(int cpu, int memory, boolean arm64, int containerPort, int desiredCount, int minCapacity,
                            int maxCapacity, int cpuTargetPercent, int requestsPerTarget, boolean spot,
                            String healthCheckPath, int healthCheckIntervalSeconds, int healthCheckTimeoutSeconds,
                            int healthyThreshold, int unhealthyThreshold, int deregistrationDelaySeconds,
                            int minHealthyPercent, int maxHealthyPercent, int logRetentionDays, int natGateways,
                            int maxAzs, String vpcCidr, String certificateArn, String domainName,
                            String hostedZoneId, String hostedZoneName, boolean accessLogs,
                            boolean containerInsights, boolean executeCommand) {

    /** CloudWatch Logs' allowed retention values (PutRetentionPolicy). */
    public static final List<Integer> RETENTION_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400,
            545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~!$&'()*+,;=:@%/-]{0,1023}");
    private static final Pattern CIDR = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)/(1[6-9]|2[0-4])");
    private static final Pattern DOMAIN = Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    private static final Pattern ZONE_ID = Pattern.compile("Z[A-Z0-9]{1,31}");

    /** The Docker/ECS platform string. */
    public String platform() {
        return arm64 ? "linux/arm64" : "linux/amd64";
    }

    public boolean https() {
        return certificateArn != null || domainName != null;
    }

    static ServiceConfig read(Values v) {
        Problems p = v.problems();
        Integer cpu = v.integer(CPU);
        Integer memory = v.integer(MEMORY);
        if (cpu != null && !FargateSizes.MEMORY_BY_CPU.containsKey(cpu)) {
            p.add(CPU.key(), cpu, "one of " + FargateSizes.MEMORY_BY_CPU.keySet());
        } else if (cpu != null && !FargateSizes.valid(cpu, memory)) {
            p.add(MEMORY.key(), memory, "with service.cpu " + cpu + ", one of " + FargateSizes.allowedMemory(cpu)
                    + " (Fargate's CPU/memory combinations)");
        }
        String platform = v.string(PLATFORM);
        Checks.oneOf(p, PLATFORM.key(), platform, List.of("linux/amd64", "linux/arm64"));
        Integer port = v.integer(CONTAINER_PORT);
        Checks.range(p, CONTAINER_PORT.key(), port, 1024, 65535);

        Integer min = v.integer(MIN_CAPACITY);
        Integer max = v.integer(MAX_CAPACITY);
        Integer desired = v.integer(DESIRED_COUNT);
        boolean minOk = Checks.range(p, MIN_CAPACITY.key(), min, 1, 1000);
        boolean maxOk = Checks.range(p, MAX_CAPACITY.key(), max, 1, 1000);
        if (minOk && maxOk && max < min) {
            p.add(MAX_CAPACITY.key(), max, "at least service.minCapacity (" + min + ")");
        } else if (minOk && maxOk && (desired == null || desired < min || desired > max)) {
            p.add(DESIRED_COUNT.key(), desired, "from service.minCapacity (" + min + ") to service.maxCapacity ("
                    + max + ")");
        }
        Integer cpuTarget = v.integer(CPU_TARGET);
        if (cpuTarget == null || cpuTarget != 0 && (cpuTarget < 10 || cpuTarget > 90)) {
            p.add(CPU_TARGET.key(), cpuTarget, "0 (off) or an integer from 10 to 90");
        }
        Integer requests = v.integer(REQUESTS_PER_TARGET);
        Checks.range(p, REQUESTS_PER_TARGET.key(), requests, 0, 100_000);

        String path = v.string(HEALTH_CHECK_PATH);
        Checks.matches(p, HEALTH_CHECK_PATH.key(), path, PATH, "an absolute URL path such as /health (max 1024 characters)");
        Integer interval = v.integer(HEALTH_CHECK_INTERVAL);
        Integer timeout = v.integer(HEALTH_CHECK_TIMEOUT);
        if (Checks.range(p, HEALTH_CHECK_INTERVAL.key(), interval, 5, 300)
                & Checks.range(p, HEALTH_CHECK_TIMEOUT.key(), timeout, 2, 120) && timeout >= interval) {
            p.add(HEALTH_CHECK_TIMEOUT.key(), timeout, "less than service.healthCheckIntervalSeconds (" + interval + ")");
        }
        Integer healthy = v.integer(HEALTHY_THRESHOLD);
        Checks.range(p, HEALTHY_THRESHOLD.key(), healthy, 2, 10);
        Integer unhealthy = v.integer(UNHEALTHY_THRESHOLD);
        Checks.range(p, UNHEALTHY_THRESHOLD.key(), unhealthy, 2, 10);
        Integer drain = v.integer(DEREGISTRATION_DELAY);
        // ELB allows up to 3600 s, but every rollout waits this long per old task; the page's requests take milliseconds.
        Checks.range(p, DEREGISTRATION_DELAY.key(), drain, 0, 30);
        Integer minHealthy = v.integer(MIN_HEALTHY_PERCENT);
        Integer maxHealthy = v.integer(MAX_HEALTHY_PERCENT);
        if (Checks.range(p, MIN_HEALTHY_PERCENT.key(), minHealthy, 0, 100)
                & Checks.range(p, MAX_HEALTHY_PERCENT.key(), maxHealthy, 100, 400) && maxHealthy <= minHealthy) {
            p.add(MAX_HEALTHY_PERCENT.key(), maxHealthy, "above service.minHealthyPercent (" + minHealthy
                    + ") so a deployment can start a new task");
        }
        Integer retention = v.integer(LOG_RETENTION_DAYS);
        if (retention == null || !RETENTION_DAYS.contains(retention)) {
            p.add(LOG_RETENTION_DAYS.key(), retention, "one of " + RETENTION_DAYS);
        }
        Integer nat = v.integer(NAT_GATEWAYS);
        Checks.range(p, NAT_GATEWAYS.key(), nat, 0, 3);
        Integer azs = v.integer(MAX_AZS);
        Checks.range(p, MAX_AZS.key(), azs, 2, 3);
        String cidr = v.string(VPC_CIDR);
        Checks.matches(p, VPC_CIDR.key(), cidr, CIDR, "an IPv4 CIDR with a /16 to /24 prefix, such as 10.0.0.0/16");

        String cert = v.string(CERTIFICATE_ARN);
        if (cert != null) {
            Checks.certificateArn(p, CERTIFICATE_ARN.key(), cert);
        }
        String domain = v.string(DOMAIN_NAME);
        String zoneId = v.string(HOSTED_ZONE_ID);
        String zoneName = v.string(HOSTED_ZONE_NAME);
        if (domain != null) {
            Checks.matches(p, DOMAIN_NAME.key(), domain, DOMAIN, "a lowercase DNS name such as www.example.com");
            if (cert != null) {
                p.add(DOMAIN_NAME.key(), domain, "either service.domainName or service.certificateArn, not both");
            }
            if (zoneId == null || zoneName == null) {
                p.add(zoneId == null ? HOSTED_ZONE_ID.key() : HOSTED_ZONE_NAME.key(), null,
                        "a value: service.domainName needs service.hostedZoneId and service.hostedZoneName");
            }
        }
        if (zoneId != null) {
            Checks.matches(p, HOSTED_ZONE_ID.key(), zoneId, ZONE_ID, "a Route 53 hosted zone ID such as Z0123456789ABC");
        }
        if (zoneName != null && domain != null && !(domain.equals(zoneName) || domain.endsWith("." + zoneName))) {
            p.add(HOSTED_ZONE_NAME.key(), zoneName, "the zone containing service.domainName (" + domain + ")");
        }
        return new ServiceConfig(orZero(cpu), orZero(memory), "linux/arm64".equals(platform), orZero(port),
                orZero(desired), orZero(min), orZero(max), orZero(cpuTarget), orZero(requests), v.bool(SPOT), path,
                orZero(interval), orZero(timeout), orZero(healthy), orZero(unhealthy), orZero(drain),
                orZero(minHealthy), orZero(maxHealthy), orZero(retention), orZero(nat), orZero(azs), cidr, cert,
                domain, zoneId, zoneName, v.bool(ACCESS_LOGS), v.bool(CONTAINER_INSIGHTS), v.bool(EXECUTE_COMMAND));
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
