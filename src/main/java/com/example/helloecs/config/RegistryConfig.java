package com.example.helloecs.config;

import static com.example.helloecs.config.Settings.*;

import java.util.List;
import java.util.regex.Pattern;

import com.example.helloecs.registry.lifecycle.LifecycleRule;
import com.example.helloecs.registry.lifecycle.LifecycleRules;

/**
 * Settings of the private repository and the registry-wide resources this app owns. Defaults: {@link Settings}.
 *
 * @param repositoryName           ECR repository name
 * @param destroyOnRemoval         true: {@code cdk destroy} empties and deletes the repository (and replicas)
 * @param immutableTags            tag immutability
 * @param tagMutabilityExclusions  wildcard filters exempt from the mutability setting
 * @param kmsEncryption            KMS instead of AES256
 * @param kmsKeyArn                existing key; {@code null}: a new key with rotation (KMS only)
 * @param scanOnPush               basic scan on push
 * @param lifecycleRules           validated lifecycle rules
 * @param pullPrincipals           read-only principals (account IDs or IAM ARNs)
 * @param pushPrincipals           read-write principals
 * @param replicationRegions       destination regions
 * @param replicationAccounts      destination accounts; empty: this account
 * @param replicationPrefix        repository-name prefix filter of the replication rule
 * @param registryScanning         OFF, BASIC or ENHANCED registry scanning configuration
 * @param registryScanFrequency    SCAN_ON_PUSH or CONTINUOUS_SCAN
 * @param registryScanFilters      repository filters of the registry scanning rule
 * @param scanAlertEmail           optional email subscribed to scan alerts
 */
public record RegistryConfig(String repositoryName, boolean destroyOnRemoval, boolean immutableTags,
                             List<String> tagMutabilityExclusions, boolean kmsEncryption, String kmsKeyArn,
                             boolean scanOnPush, List<LifecycleRule> lifecycleRules, List<String> pullPrincipals,
                             List<String> pushPrincipals, List<String> replicationRegions,
                             List<String> replicationAccounts, String replicationPrefix, String registryScanning,
                             String registryScanFrequency, List<String> registryScanFilters, String scanAlertEmail) {

    /** ECR's repository-name pattern (CreateRepository API reference). */
    public static final Pattern REPOSITORY_NAME_PATTERN =
            Pattern.compile("(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*");
    private static final Pattern PREFIX_PATTERN = Pattern.compile("[a-z0-9._/-]{1,256}");
    /** ECR's registry scanning repository filter: 1-255 characters, lowercase, with {@code *} wildcards. */
    private static final Pattern SCAN_FILTER = Pattern.compile("[a-z0-9*](?:[._/a-z0-9*-]{0,254})");
    private static final int MAX_SCAN_FILTER = 255;
    private static final Pattern MUTABILITY_FILTER = Pattern.compile("[a-zA-Z0-9._*-]{1,128}");
    /** ECR allows at most 25 unique replication destinations across all rules (Service Quotas). */
    public static final int MAX_REPLICATION_DESTINATIONS = 25;

    public RegistryConfig {
        tagMutabilityExclusions = List.copyOf(tagMutabilityExclusions);
        lifecycleRules = List.copyOf(lifecycleRules);
        pullPrincipals = List.copyOf(pullPrincipals);
        pushPrincipals = List.copyOf(pushPrincipals);
        replicationRegions = List.copyOf(replicationRegions);
        replicationAccounts = List.copyOf(replicationAccounts);
        registryScanFilters = List.copyOf(registryScanFilters);
    }

    /** Whether this app owns the registry-wide scanning configuration ({@code registryScanning} not off). */
    public boolean ownsRegistryScanning() {
        return !"off".equals(registryScanning);
    }

    /** Whether the repository is replicated (the app then owns the registry-wide replication configuration). */
    public boolean replicates() {
        return !replicationRegions.isEmpty();
    }

    /**
     * Reads and validates the registry settings.
     *
     * @param sourceAccount the deployment's account, or {@code null} when environment-agnostic
     * @param sourceRegion  the deployment's region, or {@code null} when environment-agnostic
     */
    static RegistryConfig read(Values v, String sourceAccount, String sourceRegion) {
        Problems p = v.problems();
        String name = v.string(REPOSITORY_NAME);
        repositoryName(p, name);
        String removal = v.string(REMOVAL_POLICY);
        Checks.oneOf(p, REMOVAL_POLICY.key(), removal, List.of("destroy", "retain"));
        String mutability = v.string(TAG_MUTABILITY);
        Checks.oneOf(p, TAG_MUTABILITY.key(), mutability, List.of("IMMUTABLE", "MUTABLE"));
        List<String> exclusions = v.list(TAG_MUTABILITY_EXCLUSIONS);
        wildcardFilters(p, TAG_MUTABILITY_EXCLUSIONS.key(), exclusions, MUTABILITY_FILTER, 0, 5,
                "a filter of 1-128 characters: letters, digits, . _ - and * wildcards");
        String encryption = v.string(ENCRYPTION);
        Checks.oneOf(p, ENCRYPTION.key(), encryption, List.of("AES256", "KMS"));
        String keyArn = v.string(KMS_KEY_ARN);
        if (keyArn != null && Checks.kmsKeyArn(p, KMS_KEY_ARN.key(), keyArn)) {
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
        List<LifecycleRule> rules = LifecycleRules.parse(v.json(LIFECYCLE_RULES), LIFECYCLE_RULES.key(), p);
        List<String> pull = v.list(PULL_PRINCIPALS);
        principals(p, PULL_PRINCIPALS.key(), pull);
        List<String> push = v.list(PUSH_PRINCIPALS);
        principals(p, PUSH_PRINCIPALS.key(), push);
        List<String> regions = v.list(REPLICATION_REGIONS);
        List<String> accounts = v.list(REPLICATION_ACCOUNTS);
        replication(p, regions, accounts, sourceAccount, sourceRegion);
        String prefix = v.isSet(REPLICATION_PREFIX) ? v.string(REPLICATION_PREFIX) : name;
        if (v.isSet(REPLICATION_PREFIX)) {
            if (Checks.matches(p, REPLICATION_PREFIX.key(), prefix, PREFIX_PATTERN,
                    "1-256 characters of lowercase letters, digits, . _ / -")
                    && name != null && !name.startsWith(prefix)) {
                p.add(REPLICATION_PREFIX.key(), prefix, "a prefix of " + REPOSITORY_NAME.key() + " "
                        + Problem.render(name) + ", so that the repository is replicated");
            }
        }
        String scanning = v.string(REGISTRY_SCANNING);
        Checks.oneOf(p, REGISTRY_SCANNING.key(), scanning, List.of("off", "BASIC", "ENHANCED"));
        String frequency = v.string(REGISTRY_SCAN_FREQUENCY);
        if (Checks.oneOf(p, REGISTRY_SCAN_FREQUENCY.key(), frequency, List.of("SCAN_ON_PUSH", "CONTINUOUS_SCAN"))
                && "CONTINUOUS_SCAN".equals(frequency) && "BASIC".equals(scanning)) {
            p.add(REGISTRY_SCAN_FREQUENCY.key(), frequency, "SCAN_ON_PUSH with BASIC scanning "
                    + "(CONTINUOUS_SCAN needs ENHANCED)");
        }
        List<String> filters;
        if (v.isSet(REGISTRY_SCAN_FILTERS)) {
            filters = v.list(REGISTRY_SCAN_FILTERS);
            wildcardFilters(p, REGISTRY_SCAN_FILTERS.key(), filters, SCAN_FILTER, 1, 5,
                    "a filter of 1-255 characters: lowercase letters, digits, . _ - / and * wildcards");
        } else {
            filters = name == null ? List.of() : List.of(name.length() <= MAX_SCAN_FILTER ? name
                    : name.substring(0, MAX_SCAN_FILTER - 1) + "*");
        }
        String email = v.string(SCAN_ALERT_EMAIL);
        if (email != null) {
            Checks.email(p, SCAN_ALERT_EMAIL.key(), email);
        }
        return new RegistryConfig(name, "destroy".equals(removal), !"MUTABLE".equals(mutability), exclusions,
                "KMS".equals(encryption), keyArn, v.bool(SCAN_ON_PUSH), rules, pull, push, regions, accounts,
                prefix, scanning, frequency, filters, email);
    }

    static void repositoryName(Problems p, String name) {
        if (name == null || name.length() < 2 || name.length() > 256
                || !REPOSITORY_NAME_PATTERN.matcher(name).matches()) {
            p.add(REPOSITORY_NAME.key(), name, "2-256 characters: lowercase letters and digits, components "
                    + "separated by . _ - and namespaces by / (ECR's pattern " + REPOSITORY_NAME_PATTERN.pattern() + ")");
        }
    }

    static void principals(Problems p, String key, List<String> principals) {
        for (int i = 0; i < principals.size(); i++) {
            Checks.principal(p, key + "[" + i + "]", principals.get(i));
        }
        Checks.distinct(p, key, principals);
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
            if (Checks.region(p, key + "[" + i + "]", r) && r.equals(sourceRegion) && sourceAccountIsDestination) {
                p.add(key + "[" + i + "]", r, "a region other than the source region " + sourceRegion
                        + " (the source registry cannot replicate to itself)");
            }
        }
        Checks.distinct(p, key, regions);
        for (int i = 0; i < accounts.size(); i++) {
            Checks.accountId(p, REPLICATION_ACCOUNTS.key() + "[" + i + "]", accounts.get(i));
        }
        Checks.distinct(p, REPLICATION_ACCOUNTS.key(), accounts);
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

    static void wildcardFilters(Problems p, String key, List<String> filters, Pattern pattern, int min, int max,
                                String allowed) {
        if (filters.size() < min || filters.size() > max) {
            p.add(key, filters, min + " to " + max + " filters");
        }
        for (int i = 0; i < filters.size(); i++) {
            Checks.matches(p, key + "[" + i + "]", filters.get(i), pattern, allowed);
        }
    }
}
