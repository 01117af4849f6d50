package com.example.helloecs.config;

import static com.example.helloecs.config.Settings.*;

import java.util.List;

import com.example.helloecs.registry.lifecycle.LifecycleRule;
import com.example.helloecs.registry.lifecycle.LifecycleRules;

/**
 * Settings of the private repository and the registry-wide resources this app owns, read by setting. Defaults and
 * single-value checks: {@link Settings}; {@link #read} holds the rules that span several keys.
 *
 * @param settings       the deployment's validated settings
 * @param lifecycleRules the validated lifecycle rules
 */
public record RegistryConfig(SettingValues settings, List<LifecycleRule> lifecycleRules) {
    /** ECR's registry scanning repository filter: at most 255 characters. */
    private static final int MAX_SCAN_FILTER = 255;
    /** ECR allows at most 25 unique replication destinations across all rules (Service Quotas). */
    public static final int MAX_REPLICATION_DESTINATIONS = 25;

    public RegistryConfig {
        lifecycleRules = List.copyOf(lifecycleRules);
    }

    public String repositoryName() {
        return settings.get(REPOSITORY_NAME);
    }

    /** {@code cdk destroy} empties and deletes the repository (and replicas). */
    public boolean destroyOnRemoval() {
        return "destroy".equals(settings.get(REMOVAL_POLICY));
    }

    public boolean immutableTags() {
        return !"MUTABLE".equals(settings.get(TAG_MUTABILITY));
    }

    public List<String> tagMutabilityExclusions() {
        return settings.get(TAG_MUTABILITY_EXCLUSIONS);
    }

    public boolean kmsEncryption() {
        return "KMS".equals(settings.get(ENCRYPTION));
    }

    /** The existing key, or {@code null}: a new key with rotation (KMS only). */
    public String kmsKeyArn() {
        return settings.get(KMS_KEY_ARN);
    }

    public boolean scanOnPush() {
        return settings.get(SCAN_ON_PUSH);
    }

    public List<String> pullPrincipals() {
        return settings.get(PULL_PRINCIPALS);
    }

    public List<String> pushPrincipals() {
        return settings.get(PUSH_PRINCIPALS);
    }

    public List<String> replicationRegions() {
        return settings.get(REPLICATION_REGIONS);
    }

    /** Destination accounts; empty: this account. */
    public List<String> replicationAccounts() {
        return settings.get(REPLICATION_ACCOUNTS);
    }

    /** The replication rule's repository-name prefix filter. Default: the repository name. */
    public String replicationPrefix() {
        String prefix = settings.get(REPLICATION_PREFIX);
        return prefix != null ? prefix : repositoryName();
    }

    /** {@code off}, {@code BASIC} or {@code ENHANCED}. */
    public String registryScanning() {
        return settings.get(REGISTRY_SCANNING);
    }

    public String registryScanFrequency() {
        return settings.get(REGISTRY_SCAN_FREQUENCY);
    }

    /** The registry scanning rule's repository filters. Default: the repository name (shortened to ECR's limit). */
    public List<String> registryScanFilters() {
        List<String> filters = settings.get(REGISTRY_SCAN_FILTERS);
        String name = repositoryName();
        return filters != null ? filters : List.of(name.length() <= MAX_SCAN_FILTER ? name
                : name.substring(0, MAX_SCAN_FILTER - 1) + "*");
    }

    /** The email subscribed to scan alerts, or {@code null}. */
    public String scanAlertEmail() {
        return settings.get(SCAN_ALERT_EMAIL);
    }

    /** Whether this app owns the registry-wide scanning configuration ({@code registryScanning} not off). */
    public boolean ownsRegistryScanning() {
        return !"off".equals(registryScanning());
    }

    /** Whether the repository is replicated (the app then owns the registry-wide replication configuration). */
    public boolean replicates() {
        return !replicationRegions().isEmpty();
    }

    /**
     * Checks the registry rules that span several keys and parses the lifecycle rules.
     *
     * @param sourceAccount the deployment's account, or {@code null} when environment-agnostic
     * @param sourceRegion  the deployment's region, or {@code null} when environment-agnostic
     */
    static List<LifecycleRule> read(Values v, String sourceAccount, String sourceRegion) {
        Problems p = v.problems();
        String name = v.get(REPOSITORY_NAME);
        String encryption = v.get(ENCRYPTION);
        String keyArn = v.get(KMS_KEY_ARN);
        if (keyArn != null && v.ok(KMS_KEY_ARN)) {
            if (!"KMS".equals(encryption)) {
                p.add(KMS_KEY_ARN.key(), keyArn, "no key unless " + ENCRYPTION.key() + " is KMS (it is "
                        + Problem.render(encryption) + ")");
            }
            String keyRegion = keyArn.split(":")[3];
            if (sourceRegion != null && !keyRegion.equals(sourceRegion)) {
                p.add(KMS_KEY_ARN.key(), keyArn, "a key in the repository's region " + sourceRegion
                        + " (ECR only uses keys in its own region)");
            }
        }
        List<LifecycleRule> rules = LifecycleRules.parse(v.get(LIFECYCLE_RULES), LIFECYCLE_RULES.key(), p);
        replication(p, v.get(REPLICATION_REGIONS), v.get(REPLICATION_ACCOUNTS), sourceAccount, sourceRegion);
        String prefix = v.get(REPLICATION_PREFIX);
        if (prefix != null && v.ok(REPLICATION_PREFIX) && v.ok(REPOSITORY_NAME) && !name.startsWith(prefix)) {
            p.add(REPLICATION_PREFIX.key(), prefix, "a prefix of " + REPOSITORY_NAME.key() + " "
                    + Problem.render(name) + ", so that the repository is replicated");
        }
        if ("CONTINUOUS_SCAN".equals(v.get(REGISTRY_SCAN_FREQUENCY)) && "BASIC".equals(v.get(REGISTRY_SCANNING))) {
            p.add(REGISTRY_SCAN_FREQUENCY.key(), "CONTINUOUS_SCAN", "SCAN_ON_PUSH with BASIC scanning "
                    + "(CONTINUOUS_SCAN needs ENHANCED)");
        }
        return rules;
    }

    static void replication(Problems p, List<String> regions, List<String> accounts, String sourceAccount,
                            String sourceRegion) {
        String key = REPLICATION_REGIONS.key();
        // The source registry itself (same region, same account) cannot be a destination; the same region in
        // another account can.
        boolean sourceAccountIsDestination = accounts.isEmpty()
                || (sourceAccount != null && accounts.contains(sourceAccount));
        for (int i = 0; i < regions.size(); i++) {
            String r = regions.get(i);
            if (r.equals(sourceRegion) && sourceAccountIsDestination) {
                p.add(key + "[" + i + "]", r, "a region other than the source region " + sourceRegion
                        + " (the source registry cannot replicate to itself)");
            }
        }
        int destinations = regions.size() * Math.max(1, accounts.size());
        if (destinations > MAX_REPLICATION_DESTINATIONS) {
            p.add(key, regions.size() + " regions x " + Math.max(1, accounts.size()) + " accounts = "
                    + destinations + " destinations", "at most " + MAX_REPLICATION_DESTINATIONS
                    + " replication destinations (ECR's limit)");
        }
        if (!accounts.isEmpty() && regions.isEmpty()) {
            p.add(REPLICATION_ACCOUNTS.key(), accounts, "no accounts unless " + key + " lists regions");
        }
        if (!accounts.isEmpty() && sourceAccount == null) {
            p.add(REPLICATION_ACCOUNTS.key(), accounts, "an account set too (-c account=...): each other "
                    + "account's replica stack grants the source account replication by its ID");
        }
    }
}
