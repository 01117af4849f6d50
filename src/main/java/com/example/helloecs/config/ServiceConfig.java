package com.example.helloecs.config;

import static com.example.helloecs.config.Settings.*;

/**
 * Settings of the network, cluster, Fargate service and load balancer, read by key ({@code settings.get(CPU)}), so
 * no two integers can be swapped. Defaults and single-value checks: {@link Settings} (groups "Service: ...");
 * {@link #read} holds only the rules that span several keys.
 *
 * @param settings the deployment's validated settings
 */
public record ServiceConfig(SettingValues settings) {
    /** Whether the task runs on (and the image is built for) linux/arm64. */
    public boolean arm64() {
        return "linux/arm64".equals(settings.get(PLATFORM));
    }

    /** Whether the load balancer serves HTTPS (a certificate is given, or created for a domain). */
    public boolean https() {
        return settings.get(CERTIFICATE_ARN) != null || settings.get(DOMAIN_NAME) != null;
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
        int interval = v.get(HEALTH_CHECK_INTERVAL_SECONDS);
        int timeout = v.get(HEALTH_CHECK_TIMEOUT_SECONDS);
        if (v.ok(HEALTH_CHECK_INTERVAL_SECONDS) && v.ok(HEALTH_CHECK_TIMEOUT_SECONDS) && timeout >= interval) {
            p.add(HEALTH_CHECK_TIMEOUT_SECONDS.key(), timeout, "less than service.healthCheckIntervalSeconds (" + interval + ")");
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
