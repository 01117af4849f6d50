package com.example.helloecs.config;

import static com.example.helloecs.config.SettingType.BOOLEAN;
import static com.example.helloecs.config.SettingType.INTEGER;
import static com.example.helloecs.config.SettingType.JSON;
import static com.example.helloecs.config.SettingType.STRING;
import static com.example.helloecs.config.SettingType.STRING_LIST;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of every configuration key: defaults live here and nowhere else. The configuration reference
 * (docs/configuration.md) is generated from this list ({@code ./bin/hello-ecs config reference}) and a test keeps
 * the two equal.
 */
public final class Settings {
    private Settings() {
    }

    // --- application and target environment -------------------------------------------------------------
    public static final Setting APP_NAME = new Setting("app.name", STRING, "hello-ecs",
            "letters, digits and hyphens, starting with a letter, 1-24 characters",
            "Name of the application: the Stage's construct ID and the prefix of the stack names.");
    public static final Setting ENV = new Setting("env", STRING, null,
            "a name defined under `environments`",
            "Selects one named environment; its account, region and settings apply on top of the base settings.");
    public static final Setting ENVIRONMENTS = new Setting("environments", JSON, Map.of(),
            "object: name -> {account, region, approval, settings}",
            "Named environments (for example dev and prod). `settings` overrides any other key for that environment; "
                    + "`approval: true` puts a manual approval before it in the pipeline.");
    public static final Setting ACCOUNT = new Setting("account", STRING, null,
            "12-digit AWS account ID",
            "Target account. Default: environment-agnostic (no account needed to synthesize).");
    public static final Setting REGION = new Setting("region", STRING, null,
            "an AWS region code, for example eu-west-1",
            "Target region. Default: environment-agnostic.");

    // --- profile and compliance packs ----------------------------------------------------------------------
    public static final Setting PROFILE = new Setting("profile", STRING, "default",
            "default | hardened",
            "`hardened`: tasks in private subnets, HTTPS only, a WAF web ACL on the load balancer, log groups "
                    + "encrypted with a customer managed KMS key, load balancer deletion protection; passes cdk-nag's "
                    + "NIST 800-53 R5 and PCI DSS 3.2.1 packs (docs/profiles.md).");
    public static final Setting PRIVATE_EGRESS = new Setting("service.privateEgress", STRING, "endpoints",
            "endpoints | nat; only with profile hardened",
            "How tasks in private subnets reach ECR, S3 and CloudWatch Logs: `endpoints` (VPC endpoints, no NAT "
                    + "gateway; service.natGateways 0) or `nat` (service.natGateways NAT gateways, at least 1).");
    public static final Setting DELETION_PROTECTION = new Setting("service.deletionProtection", BOOLEAN, null,
            "true | false",
            "Load balancer deletion protection. Default: true with profile hardened, false otherwise. Turn it off "
                    + "and deploy before `cdk destroy`.");
    public static final Setting COMPLIANCE_PACKS = new Setting("compliance.packs", STRING_LIST, null,
            "AwsSolutions, NIST80053R5, PCIDSS321",
            "cdk-nag packs run at synthesis; AwsSolutions always runs. Default: all three with profile hardened "
                    + "(without a pipeline), else AwsSolutions.");

    // --- registry -------------------------------------------------------------------------------------------
    public static final Setting REPOSITORY_NAME = new Setting("registry.repositoryName", STRING, "hello-ecs",
            "2-256 characters matching ECR's pattern (lowercase, digits, . _ - and / between components)",
            "Name of the private ECR repository the image is delivered into.");
    public static final Setting REMOVAL_POLICY = new Setting("registry.removalPolicy", STRING, "destroy",
            "destroy | retain",
            "What `cdk destroy` does to the repository (destroy also empties it and removes replicas).");
    public static final Setting TAG_MUTABILITY = new Setting("registry.tagMutability", STRING, "IMMUTABLE",
            "IMMUTABLE | MUTABLE",
            "Whether an image tag can be overwritten.");
    public static final Setting TAG_MUTABILITY_EXCLUSIONS = new Setting("registry.tagMutabilityExclusions",
            STRING_LIST, List.of(),
            "up to 5 wildcard filters of 1-128 characters (letters, digits, . _ - *)",
            "Tags exempt from the mutability setting (for example `latest`).");
    public static final Setting ENCRYPTION = new Setting("registry.encryption", STRING, "AES256",
            "AES256 | KMS",
            "Encryption at rest. KMS uses `registry.kmsKeyArn`, or a new key with rotation when that is empty.");
    public static final Setting KMS_KEY_ARN = new Setting("registry.kmsKeyArn", STRING, null,
            "a KMS key ARN (arn:PARTITION:kms:REGION:ACCOUNT:key/ID) in the deployment's region; only with encryption KMS",
            "Existing KMS key for the repository. Default: a new key with rotation (when encryption is KMS).");
    public static final Setting SCAN_ON_PUSH = new Setting("registry.scanOnPush", BOOLEAN, true,
            "true | false", "Basic scan of every pushed image.");
    public static final Setting LIFECYCLE_RULES = new Setting("registry.lifecycleRules", JSON, List.of(
            ordered("rulePriority", 1, "description", "Expire untagged images after 1 day",
                    "selection", ordered("tagStatus", "untagged", "countType", "sinceImagePushed",
                            "countUnit", "days", "countNumber", 1),
                    "action", ordered("type", "expire")),
            ordered("rulePriority", 2, "description", "Keep the newest 20 tagged images",
                    "selection", ordered("tagStatus", "tagged", "tagPatternList", List.of("*"),
                            "countType", "imageCountMoreThan", "countNumber", 20),
                    "action", ordered("type", "expire"))),
            "list of ECR lifecycle rules (ECR's JSON shape), validated as ECR does",
            "Lifecycle rules; preview them with `./bin/hello-ecs lifecycle preview`.");
    public static final Setting PULL_PRINCIPALS = new Setting("registry.pullPrincipals", STRING_LIST, List.of(),
            "12-digit account IDs or IAM role/user ARNs; never *",
            "Principals granted pull (read-only), for example other accounts.");
    public static final Setting PUSH_PRINCIPALS = new Setting("registry.pushPrincipals", STRING_LIST, List.of(),
            "12-digit account IDs or IAM role/user ARNs; never *",
            "Principals granted pull and push (read-write), for example a CI role.");
    public static final Setting REPLICATION_REGIONS = new Setting("registry.replicationRegions", STRING_LIST,
            List.of(), "distinct AWS regions other than the source region",
            "Regions the repository is replicated to (registry-wide replication configuration); each gets a stack "
                    + "`ID-replica-REGION[-ACCOUNT]` that creates the replica repository.");
    public static final Setting REPLICATION_ACCOUNTS = new Setting("registry.replicationAccounts", STRING_LIST,
            List.of(), "12-digit account IDs",
            "Destination accounts for replication (needs `account`). Default: this account.");
    public static final Setting REPLICATION_PREFIX = new Setting("registry.replicationPrefix", STRING, null,
            "a prefix of registry.repositoryName (lowercase letters, digits, . _ / -)",
            "Repository-name prefix filter of the replication rule. Default: the repository name.");
    public static final Setting REGISTRY_SCANNING = new Setting("registry.registryScanning", STRING, "off",
            "off | BASIC | ENHANCED",
            "Registry-wide scanning configuration, owned by this app when not off.");
    public static final Setting REGISTRY_SCAN_FREQUENCY = new Setting("registry.registryScanFrequency", STRING,
            "SCAN_ON_PUSH", "SCAN_ON_PUSH | CONTINUOUS_SCAN (ENHANCED only)",
            "Scan frequency of the registry scanning rule.");
    public static final Setting REGISTRY_SCAN_FILTERS = new Setting("registry.registryScanFilters", STRING_LIST,
            null, "1-5 wildcard repository filters",
            "Repositories the registry scanning rule covers. Default: the repository name.");
    public static final Setting SCAN_ALERT_EMAIL = new Setting("registry.scanAlertEmail", STRING, null,
            "an email address",
            "Subscribed to the topic notified of CRITICAL or HIGH scan findings. Default: no subscription.");

    // --- image --------------------------------------------------------------------------------------------------
    public static final Setting IMAGE_DIRECTORY = new Setting("image.directory", STRING, "docker",
            "an existing directory, relative to the project root",
            "Build context of the image the service runs (the Apache page by default); see docs/service.md, "
                    + "\"Your own image\".");
    public static final Setting IMAGE_DOCKERFILE = new Setting("image.dockerfile", STRING, "Dockerfile",
            "an existing file inside image.directory (relative path)",
            "Dockerfile of the image, relative to image.directory.");
    public static final Setting IMAGE_BUILD_ARGS = new Setting("image.buildArgs", JSON, Map.of(),
            "object of build-argument name -> string value; not PORT (set from service.containerPort)",
            "Extra `docker build --build-arg` values. Default: none.");

    // --- service ----------------------------------------------------------------------------------------------
    public static final Setting CPU = new Setting("service.cpu", INTEGER, 256,
            "256 | 512 | 1024 | 2048 | 4096 | 8192 | 16384", "Task CPU units.");
    public static final Setting MEMORY = new Setting("service.memory", INTEGER, 512,
            "MiB, a Fargate combination for the CPU", "Task memory in MiB.");
    public static final Setting PLATFORM = new Setting("service.platform", STRING, "linux/amd64",
            "linux/amd64 | linux/arm64",
            "CPU architecture of the image build and of the task's runtime platform (always the same).");
    public static final Setting CONTAINER_PORT = new Setting("service.containerPort", INTEGER, 8080,
            "1024-65535 (non-root)", "Port the container listens on (passed to the image build as the PORT build argument).");
    public static final Setting DESIRED_COUNT = new Setting("service.desiredCount", INTEGER, 2,
            "between minCapacity and maxCapacity", "Tasks started on first deployment.");
    public static final Setting MIN_CAPACITY = new Setting("service.minCapacity", INTEGER, 2,
            "1-1000", "Autoscaling minimum task count.");
    public static final Setting MAX_CAPACITY = new Setting("service.maxCapacity", INTEGER, 4,
            ">= minCapacity, <= 1000", "Autoscaling maximum task count.");
    public static final Setting CPU_TARGET = new Setting("service.cpuTargetPercent", INTEGER, 60,
            "0 (off) or 10-90", "Target-tracking CPU utilisation.");
    public static final Setting REQUESTS_PER_TARGET = new Setting("service.requestsPerTarget", INTEGER, 1000,
            "0 (off) or 1-100000", "Target-tracking ALB requests per target per minute.");
    public static final Setting SPOT = new Setting("service.spot", BOOLEAN, false,
            "true | false", "Run tasks on Fargate Spot (with one on-demand base task).");
    public static final Setting HEALTH_CHECK_PATH = new Setting("service.healthCheckPath", STRING, "/health",
            "an absolute URL path (starting with /, printable URL characters), up to 1024 characters",
            "Path the load balancer's health check requests; it must answer 200.");
    public static final Setting HEALTH_CHECK_INTERVAL = new Setting("service.healthCheckIntervalSeconds", INTEGER, 5,
            "5-300, greater than the timeout", "Target group health-check interval.");
    public static final Setting HEALTH_CHECK_TIMEOUT = new Setting("service.healthCheckTimeoutSeconds", INTEGER, 4,
            "2-120, less than the interval", "Target group health-check timeout.");
    public static final Setting HEALTHY_THRESHOLD = new Setting("service.healthyThreshold", INTEGER, 2,
            "2-10", "Consecutive successes before a target is healthy.");
    public static final Setting UNHEALTHY_THRESHOLD = new Setting("service.unhealthyThreshold", INTEGER, 2,
            "2-10", "Consecutive failures before a target is unhealthy.");
    public static final Setting DEREGISTRATION_DELAY = new Setting("service.deregistrationDelaySeconds", INTEGER, 10,
            "0-30", "Connection draining time when a task leaves (kept short so rollouts stay fast; the page has no long requests).");
    public static final Setting MIN_HEALTHY_PERCENT = new Setting("service.minHealthyPercent", INTEGER, 100,
            "0-100", "Lower bound of running tasks during a deployment.");
    public static final Setting MAX_HEALTHY_PERCENT = new Setting("service.maxHealthyPercent", INTEGER, 200,
            "100-400, above minHealthyPercent", "Upper bound of running tasks during a deployment.");
    public static final Setting LOG_RETENTION_DAYS = new Setting("service.logRetentionDays", INTEGER, 30,
            "a CloudWatch Logs retention: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, "
                    + "2192, 2557, 2922, 3288, 3653",
            "Retention of container logs and VPC flow logs.");
    public static final Setting NAT_GATEWAYS = new Setting("service.natGateways", INTEGER, 0,
            "0-3", "NAT gateways. 0: tasks run in public subnets with a public IP, reachable only from the ALB.");
    public static final Setting MAX_AZS = new Setting("service.maxAzs", INTEGER, 2,
            "2-3", "Availability zones used by the VPC.");
    public static final Setting VPC_CIDR = new Setting("service.vpcCidr", STRING, "10.0.0.0/16",
            "an IPv4 CIDR with a prefix of /16 to /24", "VPC address range.");
    public static final Setting CERTIFICATE_ARN = new Setting("service.certificateArn", STRING, null,
            "an ACM certificate ARN",
            "Adds an HTTPS listener with this certificate and redirects HTTP to HTTPS. Default: HTTP only.");
    public static final Setting DOMAIN_NAME = new Setting("service.domainName", STRING, null,
            "a DNS name inside the hosted zone; needs service.hostedZoneId and service.hostedZoneName",
            "Creates a DNS-validated certificate and an alias record for the load balancer. Default: none.");
    public static final Setting HOSTED_ZONE_ID = new Setting("service.hostedZoneId", STRING, null,
            "a Route 53 hosted zone ID (Z followed by letters and digits)", "Hosted zone of service.domainName.");
    public static final Setting HOSTED_ZONE_NAME = new Setting("service.hostedZoneName", STRING, null,
            "the hosted zone's DNS name", "Hosted zone name of service.domainName.");
    public static final Setting ACCESS_LOGS = new Setting("service.accessLogs", BOOLEAN, true,
            "true | false", "Load balancer access logs to an encrypted, TLS-only S3 bucket.");
    public static final Setting CONTAINER_INSIGHTS = new Setting("service.containerInsights", BOOLEAN, true,
            "true | false", "CloudWatch Container Insights on the cluster.");
    public static final Setting EXECUTE_COMMAND = new Setting("service.enableExecuteCommand", BOOLEAN, false,
            "true | false", "ECS Exec into running tasks.");

    // --- pipeline ---------------------------------------------------------------------------------------------
    public static final Setting PIPELINE_REPOSITORY = new Setting("pipeline.repository", STRING, null,
            "owner/name of the source repository",
            "When set, the app synthesizes a CDK pipeline that deploys `pipeline.environments`.");
    public static final Setting PIPELINE_BRANCH = new Setting("pipeline.branch", STRING, null,
            "a branch name; required with pipeline.repository", "Branch the pipeline builds.");
    public static final Setting PIPELINE_CONNECTION_ARN = new Setting("pipeline.connectionArn", STRING, null,
            "a CodeStar/CodeConnections connection ARN; required with pipeline.repository",
            "Connection to the source provider.");
    public static final Setting PIPELINE_ENVIRONMENTS = new Setting("pipeline.environments", STRING_LIST, null,
            "names defined under `environments`, in deployment order",
            "Environments the pipeline deploys, in order. Default: all, in the order defined.");
    public static final Setting PIPELINE_ACCOUNT = new Setting("pipeline.account", STRING, null,
            "12-digit AWS account ID", "Account of the pipeline. Default: the first environment's.");
    public static final Setting PIPELINE_REGION = new Setting("pipeline.region", STRING, null,
            "an AWS region code", "Region of the pipeline. Default: the first environment's.");
    public static final Setting PIPELINE_SCAN_GATE = new Setting("pipeline.scanGate", STRING, "off",
            "off | CRITICAL | HIGH | MEDIUM | LOW",
            "After each deployment, fail when the running image has findings at or above this severity.");

    /** Every key, in documentation order. */
    public static final List<Setting> ALL = List.of(
            APP_NAME, ENV, ENVIRONMENTS, ACCOUNT, REGION,
            PROFILE, PRIVATE_EGRESS, DELETION_PROTECTION, COMPLIANCE_PACKS,
            REPOSITORY_NAME, REMOVAL_POLICY, TAG_MUTABILITY, TAG_MUTABILITY_EXCLUSIONS, ENCRYPTION, KMS_KEY_ARN,
            SCAN_ON_PUSH, LIFECYCLE_RULES, PULL_PRINCIPALS, PUSH_PRINCIPALS, REPLICATION_REGIONS,
            REPLICATION_ACCOUNTS, REPLICATION_PREFIX, REGISTRY_SCANNING, REGISTRY_SCAN_FREQUENCY,
            REGISTRY_SCAN_FILTERS, SCAN_ALERT_EMAIL,
            IMAGE_DIRECTORY, IMAGE_DOCKERFILE, IMAGE_BUILD_ARGS,
            CPU, MEMORY, PLATFORM, CONTAINER_PORT, DESIRED_COUNT, MIN_CAPACITY, MAX_CAPACITY, CPU_TARGET,
            REQUESTS_PER_TARGET, SPOT, HEALTH_CHECK_PATH, HEALTH_CHECK_INTERVAL, HEALTH_CHECK_TIMEOUT,
            HEALTHY_THRESHOLD, UNHEALTHY_THRESHOLD, DEREGISTRATION_DELAY, MIN_HEALTHY_PERCENT, MAX_HEALTHY_PERCENT,
            LOG_RETENTION_DAYS, NAT_GATEWAYS, MAX_AZS, VPC_CIDR, CERTIFICATE_ARN, DOMAIN_NAME, HOSTED_ZONE_ID,
            HOSTED_ZONE_NAME, ACCESS_LOGS, CONTAINER_INSIGHTS, EXECUTE_COMMAND,
            PIPELINE_REPOSITORY, PIPELINE_BRANCH, PIPELINE_CONNECTION_ARN, PIPELINE_ENVIRONMENTS, PIPELINE_ACCOUNT,
            PIPELINE_REGION, PIPELINE_SCAN_GATE);

    private static final Map<String, Setting> BY_KEY = index();

    /** An insertion-ordered, unmodifiable map, so defaults render the same on every run. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    private static Map<String, Setting> index() {
        Map<String, Setting> map = new LinkedHashMap<>();
        for (Setting s : ALL) {
            if (map.put(s.key(), s) != null) {
                throw new IllegalStateException("duplicate setting " + s.key());
            }
        }
        return map;
    }

    public static Optional<Setting> find(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    /** Keys that may appear inside an environment's {@code settings} (everything but the selectors). */
    public static boolean overridable(Setting s) {
        return s != ENV && s != ENVIRONMENTS && s != COMPLIANCE_PACKS && !s.key().startsWith("pipeline.");
    }

    /** The reference table of docs/configuration.md, one row per key. */
    public static String referenceTable() {
        StringBuilder out = new StringBuilder("| key | type | default | allowed | description |\n|---|---|---|---|---|\n");
        for (Setting s : ALL) {
            out.append("| `").append(s.key()).append("` | ").append(s.type().label()).append(" | `")
                    .append(s.defaultText().replace("|", "\\|")).append("` | ")
                    .append(s.allowed().replace("|", "\\|")).append(" | ")
                    .append(s.description().replace("|", "\\|")).append(" |\n");
        }
        return out.toString();
    }
}
