package com.example.helloecs.service;

import java.util.Objects;

import com.example.helloecs.service.release.ReleaseProps;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * Props of {@link WebService}; build them with {@link #builder()}. Every prop but {@code image} is optional; the
 * defaults are the {@code DEFAULT_*} constants below (the app's configuration catalogue uses the same constants),
 * which the {@link Builder} starts from.
 *
 * @param image                the container image; required
 * @param executionRoleName    fixed name of the task execution role (a repository policy can name it). Default: a
 *                             name CloudFormation generates
 * @param cpu                  task CPU units. Default: {@value #DEFAULT_CPU}
 * @param memoryLimitMiB       task memory. Default: {@value #DEFAULT_MEMORY_MIB}
 * @param cpuArchitecture      the task's CPU architecture (build the image for the same). Default: X86_64
 * @param containerPort        port the container listens on. Default: {@value #DEFAULT_CONTAINER_PORT}
 * @param enableExecuteCommand ECS Exec. Default: false
 * @param desiredCount         tasks on first deployment. Default: {@value #DEFAULT_DESIRED_COUNT}
 * @param minCapacity          autoscaling minimum. Default: {@value #DEFAULT_MIN_CAPACITY}
 * @param maxCapacity          autoscaling maximum. Default: {@value #DEFAULT_MAX_CAPACITY}
 * @param cpuTargetPercent     CPU target tracking, 0 for none. Default: {@value #DEFAULT_CPU_TARGET_PERCENT}
 * @param requestsPerTarget    requests per target per minute tracking, 0 for none. Default:
 *                             {@value #DEFAULT_REQUESTS_PER_TARGET}
 * @param spot                 Fargate Spot with one on-demand base task. Default: false
 * @param healthCheckPath      the load balancer's health-check path (must answer 200). Default:
 *                             {@value #DEFAULT_HEALTH_CHECK_PATH}
 * @param healthCheckInterval  Default: {@value #DEFAULT_HEALTH_CHECK_INTERVAL_SECONDS} seconds
 * @param healthCheckTimeout   Default: {@value #DEFAULT_HEALTH_CHECK_TIMEOUT_SECONDS} seconds
 * @param healthyThreshold     Default: {@value #DEFAULT_HEALTHY_THRESHOLD}
 * @param unhealthyThreshold   Default: {@value #DEFAULT_UNHEALTHY_THRESHOLD}
 * @param deregistrationDelay  draining time of a leaving task. Default: {@value #DEFAULT_DEREGISTRATION_DELAY_SECONDS}
 *                             seconds (rollouts wait this long; the page's requests take milliseconds)
 * @param minHealthyPercent    Default: {@value #DEFAULT_MIN_HEALTHY_PERCENT} (no capacity lost in a rollout)
 * @param maxHealthyPercent    Default: {@value #DEFAULT_MAX_HEALTHY_PERCENT}
 * @param logRetention         container, flow and WAF logs. Default: one month
 * @param natGateways          NAT gateways; with 0 (and not hardened) tasks run in public subnets with a public IP.
 *                             Default: {@value #DEFAULT_NAT_GATEWAYS}
 * @param maxAzs               Default: {@value #DEFAULT_MAX_AZS}
 * @param vpcCidr              Default: {@value #DEFAULT_VPC_CIDR}
 * @param certificateArn       existing ACM certificate: HTTPS, and HTTP redirects. Default: none (HTTP only)
 * @param domainName           a DNS-validated certificate and an alias record in the hosted zone. Default: none
 * @param hostedZoneId         hosted zone of {@code domainName}. Default: none
 * @param hostedZoneName       its name. Default: none
 * @param accessLogs           load balancer access logs to S3. Default: true
 * @param containerInsights    Default: true
 * @param hardened             private tasks, WAF, KMS-encrypted logs. Default: false
 * @param natEgress            hardened tasks reach AWS through NAT gateways instead of VPC endpoints. Default: false
 * @param deletionProtection   load balancer deletion protection. Default: same as {@code hardened}
 * @param release              deployment strategy, deployment and health alarms, dashboard. Default:
 *                             {@link ReleaseProps#DEFAULTS} (rolling, alarms with rollback)
 */
public record WebServiceProps(ContainerImage image, String executionRoleName, int cpu, int memoryLimitMiB,
                              CpuArchitecture cpuArchitecture, int containerPort, boolean enableExecuteCommand,
                              int desiredCount, int minCapacity, int maxCapacity, int cpuTargetPercent,
                              int requestsPerTarget, boolean spot, String healthCheckPath,
                              Duration healthCheckInterval, Duration healthCheckTimeout, int healthyThreshold,
                              int unhealthyThreshold, Duration deregistrationDelay, int minHealthyPercent,
                              int maxHealthyPercent, RetentionDays logRetention, int natGateways, int maxAzs,
                              String vpcCidr, String certificateArn, String domainName, String hostedZoneId,
                              String hostedZoneName, boolean accessLogs, boolean containerInsights,
                              boolean hardened, boolean natEgress, boolean deletionProtection,
                              ReleaseProps release) {
    public static final int DEFAULT_CPU = 256;
    public static final int DEFAULT_MEMORY_MIB = 512;
    public static final int DEFAULT_CONTAINER_PORT = 8080;
    public static final int DEFAULT_DESIRED_COUNT = 2;
    public static final int DEFAULT_MIN_CAPACITY = 2;
    public static final int DEFAULT_MAX_CAPACITY = 4;
    public static final int DEFAULT_CPU_TARGET_PERCENT = 60;
    public static final int DEFAULT_REQUESTS_PER_TARGET = 1000;
    public static final String DEFAULT_HEALTH_CHECK_PATH = "/health";
    public static final int DEFAULT_HEALTH_CHECK_INTERVAL_SECONDS = 5;
    public static final int DEFAULT_HEALTH_CHECK_TIMEOUT_SECONDS = 4;
    public static final int DEFAULT_HEALTHY_THRESHOLD = 2;
    public static final int DEFAULT_UNHEALTHY_THRESHOLD = 2;
    public static final int DEFAULT_DEREGISTRATION_DELAY_SECONDS = 10;
    public static final int DEFAULT_MIN_HEALTHY_PERCENT = 100;
    public static final int DEFAULT_MAX_HEALTHY_PERCENT = 200;
    public static final int DEFAULT_NAT_GATEWAYS = 0;
    public static final int DEFAULT_MAX_AZS = 2;
    public static final String DEFAULT_VPC_CIDR = "10.0.0.0/16";

    public static Builder builder() {
        return new Builder();
    }

    /** Whether the load balancer serves HTTPS (a certificate is given or created). */
    public boolean https() {
        return certificateArn != null || domainName != null;
    }

    /** Whether hardened tasks reach AWS through VPC interface and gateway endpoints. */
    public boolean endpoints() {
        return hardened && !natEgress;
    }

    /** Builds {@link WebServiceProps} by name; unset props take their defaults. */
    public static final class Builder {
        private ContainerImage image;
        private String executionRoleName;
        private int cpu = DEFAULT_CPU;
        private int memoryLimitMiB = DEFAULT_MEMORY_MIB;
        private CpuArchitecture cpuArchitecture = CpuArchitecture.X86_64;
        private int containerPort = DEFAULT_CONTAINER_PORT;
        private boolean enableExecuteCommand;
        private int desiredCount = DEFAULT_DESIRED_COUNT;
        private int minCapacity = DEFAULT_MIN_CAPACITY;
        private int maxCapacity = DEFAULT_MAX_CAPACITY;
        private int cpuTargetPercent = DEFAULT_CPU_TARGET_PERCENT;
        private int requestsPerTarget = DEFAULT_REQUESTS_PER_TARGET;
        private boolean spot;
        private String healthCheckPath = DEFAULT_HEALTH_CHECK_PATH;
        private Duration healthCheckInterval = Duration.seconds(DEFAULT_HEALTH_CHECK_INTERVAL_SECONDS);
        private Duration healthCheckTimeout = Duration.seconds(DEFAULT_HEALTH_CHECK_TIMEOUT_SECONDS);
        private int healthyThreshold = DEFAULT_HEALTHY_THRESHOLD;
        private int unhealthyThreshold = DEFAULT_UNHEALTHY_THRESHOLD;
        private Duration deregistrationDelay = Duration.seconds(DEFAULT_DEREGISTRATION_DELAY_SECONDS);
        private int minHealthyPercent = DEFAULT_MIN_HEALTHY_PERCENT;
        private int maxHealthyPercent = DEFAULT_MAX_HEALTHY_PERCENT;
        private RetentionDays logRetention = RetentionDays.ONE_MONTH;
        private int natGateways = DEFAULT_NAT_GATEWAYS;
        private int maxAzs = DEFAULT_MAX_AZS;
        private String vpcCidr = DEFAULT_VPC_CIDR;
        private String certificateArn;
        private String domainName;
        private String hostedZoneId;
        private String hostedZoneName;
        private boolean accessLogs = true;
        private boolean containerInsights = true;
        private boolean hardened;
        private boolean natEgress;
        private Boolean deletionProtection;
        private ReleaseProps release = ReleaseProps.DEFAULTS;

        public Builder image(ContainerImage v) { image = v; return this; }
        public Builder release(ReleaseProps v) { release = v; return this; }
        public Builder executionRoleName(String v) { executionRoleName = v; return this; }
        public Builder cpu(int v) { cpu = v; return this; }
        public Builder memoryLimitMiB(int v) { memoryLimitMiB = v; return this; }
        public Builder cpuArchitecture(CpuArchitecture v) { cpuArchitecture = v; return this; }
        public Builder containerPort(int v) { containerPort = v; return this; }
        public Builder enableExecuteCommand(boolean v) { enableExecuteCommand = v; return this; }
        public Builder desiredCount(int v) { desiredCount = v; return this; }
        public Builder minCapacity(int v) { minCapacity = v; return this; }
        public Builder maxCapacity(int v) { maxCapacity = v; return this; }
        public Builder cpuTargetPercent(int v) { cpuTargetPercent = v; return this; }
        public Builder requestsPerTarget(int v) { requestsPerTarget = v; return this; }
        public Builder spot(boolean v) { spot = v; return this; }
        public Builder healthCheckPath(String v) { healthCheckPath = v; return this; }
        public Builder healthCheckInterval(Duration v) { healthCheckInterval = v; return this; }
        public Builder healthCheckTimeout(Duration v) { healthCheckTimeout = v; return this; }
        public Builder healthyThreshold(int v) { healthyThreshold = v; return this; }
        public Builder unhealthyThreshold(int v) { unhealthyThreshold = v; return this; }
        public Builder deregistrationDelay(Duration v) { deregistrationDelay = v; return this; }
        public Builder minHealthyPercent(int v) { minHealthyPercent = v; return this; }
        public Builder maxHealthyPercent(int v) { maxHealthyPercent = v; return this; }
        public Builder logRetention(RetentionDays v) { logRetention = v; return this; }
        public Builder natGateways(int v) { natGateways = v; return this; }
        public Builder maxAzs(int v) { maxAzs = v; return this; }
        public Builder vpcCidr(String v) { vpcCidr = v; return this; }
        public Builder certificateArn(String v) { certificateArn = v; return this; }
        public Builder domainName(String v) { domainName = v; return this; }
        public Builder hostedZoneId(String v) { hostedZoneId = v; return this; }
        public Builder hostedZoneName(String v) { hostedZoneName = v; return this; }
        public Builder accessLogs(boolean v) { accessLogs = v; return this; }
        public Builder containerInsights(boolean v) { containerInsights = v; return this; }
        public Builder hardened(boolean v) { hardened = v; return this; }
        public Builder natEgress(boolean v) { natEgress = v; return this; }
        public Builder deletionProtection(Boolean v) { deletionProtection = v; return this; }

        public WebServiceProps build() {
            return new WebServiceProps(Objects.requireNonNull(image, "image"), executionRoleName, cpu,
                    memoryLimitMiB, cpuArchitecture, containerPort, enableExecuteCommand, desiredCount, minCapacity,
                    maxCapacity, cpuTargetPercent, requestsPerTarget, spot, healthCheckPath, healthCheckInterval,
                    healthCheckTimeout, healthyThreshold, unhealthyThreshold, deregistrationDelay, minHealthyPercent,
                    maxHealthyPercent, logRetention, natGateways, maxAzs, vpcCidr, certificateArn, domainName,
                    hostedZoneId, hostedZoneName, accessLogs, containerInsights, hardened, hardened && natEgress,
                    deletionProtection != null ? deletionProtection : hardened, release);
        }
    }
}
