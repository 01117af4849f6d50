package com.example.helloecs.config;

import static com.example.helloecs.config.Settings.*;

/**
 * Settings of the network, cluster, Fargate service and load balancer, in groups. Each group reads its values by
 * setting (nothing is passed by position, so two integers cannot be swapped); defaults and single-value checks are
 * in {@link Settings}, and {@link #read} holds only the rules that span several keys.
 *
 * @param settings the deployment's validated settings
 */
public record ServiceConfig(SettingValues settings) {
    public static final String ARM64 = "linux/arm64";

    public Task task() {
        return new Task(settings);
    }

    public Capacity capacity() {
        return new Capacity(settings);
    }

    public HealthCheck healthCheck() {
        return new HealthCheck(settings);
    }

    public Rollout rollout() {
        return new Rollout(settings);
    }

    public Network network() {
        return new Network(settings);
    }

    public Tls tls() {
        return new Tls(settings);
    }

    /** Task size, CPU architecture, container port and ECS Exec. */
    public record Task(SettingValues s) {
        public int cpu() {
            return s.get(CPU);
        }

        public int memoryMiB() {
            return s.get(MEMORY);
        }

        /** The Docker/ECS platform string, {@code linux/amd64} or {@code linux/arm64}. */
        public String platform() {
            return s.get(PLATFORM);
        }

        public boolean arm64() {
            return ARM64.equals(platform());
        }

        public int containerPort() {
            return s.get(CONTAINER_PORT);
        }

        public boolean enableExecuteCommand() {
            return s.get(ENABLE_EXECUTE_COMMAND);
        }
    }

    /** Task counts, autoscaling targets and Spot. */
    public record Capacity(SettingValues s) {
        public int desiredCount() {
            return s.get(DESIRED_COUNT);
        }

        public int minCapacity() {
            return s.get(MIN_CAPACITY);
        }

        public int maxCapacity() {
            return s.get(MAX_CAPACITY);
        }

        public int cpuTargetPercent() {
            return s.get(CPU_TARGET);
        }

        public int requestsPerTarget() {
            return s.get(REQUESTS_PER_TARGET);
        }

        public boolean spot() {
            return s.get(SPOT);
        }
    }

    /** The target group's health check. */
    public record HealthCheck(SettingValues s) {
        public String path() {
            return s.get(HEALTH_CHECK_PATH);
        }

        public int intervalSeconds() {
            return s.get(HEALTH_CHECK_INTERVAL);
        }

        public int timeoutSeconds() {
            return s.get(HEALTH_CHECK_TIMEOUT);
        }

        public int healthyThreshold() {
            return s.get(HEALTHY_THRESHOLD);
        }

        public int unhealthyThreshold() {
            return s.get(UNHEALTHY_THRESHOLD);
        }
    }

    /** How a deployment replaces tasks. */
    public record Rollout(SettingValues s) {
        public int deregistrationDelaySeconds() {
            return s.get(DEREGISTRATION_DELAY);
        }

        public int minHealthyPercent() {
            return s.get(MIN_HEALTHY_PERCENT);
        }

        public int maxHealthyPercent() {
            return s.get(MAX_HEALTHY_PERCENT);
        }
    }

    /** The VPC. */
    public record Network(SettingValues s) {
        public int natGateways() {
            return s.get(NAT_GATEWAYS);
        }

        public int maxAzs() {
            return s.get(MAX_AZS);
        }

        public String vpcCidr() {
            return s.get(VPC_CIDR);
        }
    }

    /** HTTPS: an existing certificate, or a domain with a DNS-validated certificate and an alias record. */
    public record Tls(SettingValues s) {
        /** The existing certificate, or {@code null}. */
        public String certificateArn() {
            return s.get(CERTIFICATE_ARN);
        }

        /** The domain name, or {@code null}. */
        public String domainName() {
            return s.get(DOMAIN_NAME);
        }

        public String hostedZoneId() {
            return s.get(HOSTED_ZONE_ID);
        }

        public String hostedZoneName() {
            return s.get(HOSTED_ZONE_NAME);
        }

        public boolean https() {
            return certificateArn() != null || domainName() != null;
        }
    }

    /** Checks the rules that span several service keys; single values were checked by their settings. */
    static void read(Values v) {
        Problems p = v.problems();
        Integer cpu = v.get(CPU);
        Integer memory = v.get(MEMORY);
        if (v.ok(CPU) && v.ok(MEMORY) && !FargateSizes.valid(cpu, memory)) {
            p.add(MEMORY.key(), memory, "with service.cpu " + cpu + ", one of " + FargateSizes.allowedMemory(cpu)
                    + " (Fargate's CPU/memory combinations)");
        }
        int min = v.get(MIN_CAPACITY);
        int max = v.get(MAX_CAPACITY);
        int desired = v.get(DESIRED_COUNT);
        if (v.ok(MIN_CAPACITY) && v.ok(MAX_CAPACITY) && max < min) {
            p.add(MAX_CAPACITY.key(), max, "at least service.minCapacity (" + min + ")");
        } else if (v.ok(MIN_CAPACITY) && v.ok(MAX_CAPACITY) && v.ok(DESIRED_COUNT) && (desired < min || desired > max)) {
            p.add(DESIRED_COUNT.key(), desired, "from service.minCapacity (" + min + ") to service.maxCapacity ("
                    + max + ")");
        }
        int interval = v.get(HEALTH_CHECK_INTERVAL);
        int timeout = v.get(HEALTH_CHECK_TIMEOUT);
        if (v.ok(HEALTH_CHECK_INTERVAL) && v.ok(HEALTH_CHECK_TIMEOUT) && timeout >= interval) {
            p.add(HEALTH_CHECK_TIMEOUT.key(), timeout, "less than service.healthCheckIntervalSeconds (" + interval + ")");
        }
        int minHealthy = v.get(MIN_HEALTHY_PERCENT);
        int maxHealthy = v.get(MAX_HEALTHY_PERCENT);
        if (v.ok(MIN_HEALTHY_PERCENT) && v.ok(MAX_HEALTHY_PERCENT) && maxHealthy <= minHealthy) {
            p.add(MAX_HEALTHY_PERCENT.key(), maxHealthy, "above service.minHealthyPercent (" + minHealthy
                    + ") so a deployment can start a new task");
        }
        String cert = v.get(CERTIFICATE_ARN);
        String domain = v.get(DOMAIN_NAME);
        String zoneId = v.get(HOSTED_ZONE_ID);
        String zoneName = v.get(HOSTED_ZONE_NAME);
        if (domain != null) {
            if (cert != null) {
                p.add(DOMAIN_NAME.key(), domain, "either service.domainName or service.certificateArn, not both");
            }
            if (zoneId == null || zoneName == null) {
                p.add(zoneId == null ? HOSTED_ZONE_ID.key() : HOSTED_ZONE_NAME.key(), null,
                        "a value: service.domainName needs service.hostedZoneId and service.hostedZoneName");
            }
        }
        if (zoneName != null && domain != null && !(domain.equals(zoneName) || domain.endsWith("." + zoneName))) {
            p.add(HOSTED_ZONE_NAME.key(), zoneName, "the zone containing service.domainName (" + domain + ")");
        }
    }
}
