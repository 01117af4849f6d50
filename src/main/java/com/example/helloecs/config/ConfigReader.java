package com.example.helloecs.config;

import static com.example.helloecs.config.Settings.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the typed configuration from CDK context (cdk.json's {@code context} plus {@code -c key=value}) and
 * validates all of it. Precedence, lowest first: {@link Settings} defaults, context, the selected environment's
 * {@code settings}. Every problem is collected and thrown together in one {@link ConfigException}.
 */
public final class ConfigReader {
    private static final Pattern ENV_NAME_PATTERN = Pattern.compile("[a-z][a-z0-9-]{0,15}");
    private static final Set<String> ENV_FIELDS = Set.of("account", "region", "approval", "settings");

    private ConfigReader() {
    }

    /** Whether a context key belongs to the CDK itself (feature flags, CLI internals) rather than to this app. */
    public static boolean isCdkKey(String key) {
        return key.startsWith("@") || key.contains(":") || key.startsWith("cdk-") || key.startsWith("aws-cdk");
    }

    /** Reads the configuration of the project in the working directory (where {@code cdk synth} runs the app). */
    public static AppConfig read(Map<String, ?> context) {
        return read(context, Path.of(""));
    }

    /**
     * Reads the configuration; paths in it ({@code image.directory}) are resolved against {@code projectRoot} and
     * must exist there. With {@code null}, paths are not checked: for commands that never build the image.
     */
    public static AppConfig read(Map<String, ?> context, Path projectRoot) {
        Problems p = new Problems();
        Map<String, Object> own = new LinkedHashMap<>();
        context.forEach((k, v) -> {
            if (!isCdkKey(k)) {
                own.put(k, v);
            }
        });
        unknownKeys(own.keySet(), "", p);
        Values base = new Values(own, p);

        String appName = base.ok(APP_NAME) ? base.get(APP_NAME) : null;
        Map<String, EnvironmentDefinition> envs = environments(base.get(ENVIRONMENTS), p);
        roleNameLengths(appName, envs.values(), p);

        String selected = base.get(ENV);
        if (selected != null && !envs.containsKey(selected)) {
            p.add(ENV.key(), selected, envs.isEmpty() ? "no value: no environments are defined under `environments`"
                    : "one of the environments defined: " + String.join(", ", envs.keySet()));
        }
        Deployment deployment = resolve(envs.get(selected), own, projectRoot, p);
        Optional<PipelineConfig> pipeline = base.isSet(PIPELINE_REPOSITORY)
                ? Optional.ofNullable(pipeline(base, envs, own, projectRoot, p)) : Optional.empty();
        if (!base.isSet(PIPELINE_REPOSITORY)) {
            for (Setting<?> s : ALL) {
                if (s.key().startsWith("pipeline.") && own.containsKey(s.key())) {
                    p.add(s.key(), own.get(s.key()), "no value unless pipeline.repository is set");
                }
            }
        }
        Set<CompliancePack> packs = packs(base, deployment.hardening().hardened());
        p.throwIfAny();
        return new AppConfig(appName, deployment, pipeline, packs);
    }

    /** {@code compliance.packs}, always with AwsSolutions; the default is in its entry in {@link Settings}. */
    private static Set<CompliancePack> packs(Values base, boolean allByDefault) {
        Set<CompliancePack> out = EnumSet.of(CompliancePack.AwsSolutions);
        if (!base.isSet(COMPLIANCE_PACKS) && allByDefault) {
            out.addAll(EnumSet.allOf(CompliancePack.class));
        } else if (base.isSet(COMPLIANCE_PACKS) && base.ok(COMPLIANCE_PACKS)) {
            base.get(COMPLIANCE_PACKS).forEach(name -> out.add(CompliancePack.valueOf(name)));
        }
        return out;
    }

    private record EnvironmentDefinition(String name, String account, String region, boolean approval,
                                         Map<String, Object> settings) {
    }

    /** The task execution role is named after the stage and region; IAM refuses names over 64 characters. */
    private static void roleNameLengths(String appName, Iterable<EnvironmentDefinition> envs, Problems p) {
        if (appName == null) {
            return;
        }
        for (EnvironmentDefinition env : envs) {
            int length = Names.executionRoleNameLength(appName + "-" + env.name(), env.region());
            if (length > Names.MAX_ROLE_NAME) {
                p.add(ENVIRONMENTS.key(), env.name(), "an environment name at most " + (env.name().length()
                        - (length - Names.MAX_ROLE_NAME)) + " characters long with app.name " + appName
                        + ": the task execution role's name (" + appName + "-" + env.name() + "-task-exec-REGION) "
                        + "would be " + length + " characters, over IAM's " + Names.MAX_ROLE_NAME);
            }
        }
    }

    private static Map<String, EnvironmentDefinition> environments(Object json, Problems p) {
        Map<String, EnvironmentDefinition> out = new LinkedHashMap<>();
        if (!(json instanceof Map<?, ?> map)) {
            p.add(ENVIRONMENTS.key(), json, "a JSON object: name -> {account, region, approval, settings}");
            return out;
        }
        Set<String> lowerNames = new HashSet<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String name = String.valueOf(e.getKey());
            String at = ENVIRONMENTS.key() + "." + name;
            if (!ENV_NAME_PATTERN.matcher(name).matches()) {
                p.add(ENVIRONMENTS.key(), name, "environment names of 1-16 lowercase letters, digits or hyphens, "
                        + "starting with a letter");
            }
            if (!lowerNames.add(name.toLowerCase(Locale.ROOT)) || name.equals(Deployment.DEFAULT_NAME)) {
                p.add(ENVIRONMENTS.key(), name, "unique environment names other than \"default\"");
            }
            if (!(e.getValue() instanceof Map<?, ?> def)) {
                p.add(at, e.getValue(), "an object with account, region, approval and settings");
                continue;
            }
            for (Object field : def.keySet()) {
                if (!ENV_FIELDS.contains(String.valueOf(field))) {
                    p.add(at + "." + field, def.get(field), "no such field; allowed: account, approval, region, settings");
                }
            }
            String account = optionalString(def.get("account"), at + ".account", Checks.ACCOUNT, p);
            String region = optionalString(def.get("region"), at + ".region", Checks.REGION, p);
            Object approval = def.get("approval");
            if (approval != null && !(approval instanceof Boolean)) {
                p.add(at + ".approval", approval, "true or false");
            }
            Map<String, Object> settings = new LinkedHashMap<>();
            Object rawSettings = def.get("settings");
            if (rawSettings instanceof Map<?, ?> s) {
                s.forEach((k, v) -> settings.put(String.valueOf(k), v));
                unknownKeys(settings.keySet(), at + ".settings.", p);
                for (String k : settings.keySet()) {
                    Settings.find(k).filter(setting -> !Settings.overridable(setting)).ifPresent(setting ->
                            p.add(at + ".settings." + k, settings.get(k), "a key other than env, environments, "
                                    + "compliance.packs and pipeline.* (those are not per environment)"));
                }
            } else if (rawSettings != null) {
                p.add(at + ".settings", rawSettings, "an object of configuration keys");
            }
            out.put(name, new EnvironmentDefinition(name, account, region, Boolean.TRUE.equals(approval), settings));
        }
        return out;
    }

    /** An optional string field, checked when present (its value is kept even when the check fails). */
    private static String optionalString(Object value, String key, Check<String> check, Problems p) {
        if (value instanceof String s) {
            check.test(p, key, s);
            return s;
        }
        if (value != null) {
            p.add(key, value, "a string");
        }
        return null;
    }

    /** The deployment for an environment (or the default one): its overrides on top of the context. */
    private static Deployment resolve(EnvironmentDefinition env, Map<String, Object> own, Path projectRoot,
                                      Problems base) {
        Map<String, Object> merged = new HashMap<>(own);
        Problems p = base;
        if (env != null) {
            merged.putAll(env.settings());
            String prefix = ENVIRONMENTS.key() + "." + env.name() + ".settings.";
            p = base.relabelled(key -> env.settings().keySet().stream()
                    .anyMatch(k -> key.equals(k) || key.startsWith(k + "[") || key.startsWith(k + "."))
                    ? prefix + key : key);
        }
        Values v = new Values(merged, p);
        String account = env != null && env.account() != null ? env.account() : v.get(ACCOUNT);
        String region = env != null && env.region() != null ? env.region() : v.get(REGION);
        var lifecycleRules = RegistryConfig.read(v, account, region);
        ServiceConfig.read(v);
        ImageConfig image = ImageConfig.read(v, projectRoot);
        HardeningConfig hardening = HardeningConfig.read(v);
        ReleaseConfig.read(v);
        SettingValues settings = v.resolve();
        return new Deployment(env == null ? Deployment.DEFAULT_NAME : env.name(), account, region,
                env != null && env.approval(), new RegistryConfig(settings, lifecycleRules),
                new ServiceConfig(settings), image, hardening);
    }

    private static PipelineConfig pipeline(Values base, Map<String, EnvironmentDefinition> envs,
                                           Map<String, Object> own, Path projectRoot, Problems p) {
        String repository = base.get(PIPELINE_REPOSITORY);
        String branch = base.get(PIPELINE_BRANCH);
        if (branch == null) {
            p.add(PIPELINE_BRANCH.key(), null, "a branch name (required when pipeline.repository is set)");
        }
        String connection = base.get(PIPELINE_CONNECTION_ARN);
        if (connection == null) {
            p.add(PIPELINE_CONNECTION_ARN.key(), null, "a connection ARN (required when pipeline.repository is set)");
        }
        String gate = base.get(PIPELINE_SCAN_GATE);
        List<String> names = base.isSet(PIPELINE_ENVIRONMENTS) ? base.get(PIPELINE_ENVIRONMENTS)
                : new ArrayList<>(envs.keySet());
        if (names.isEmpty()) {
            p.add(PIPELINE_ENVIRONMENTS.key(), names, "at least one environment defined under `environments`");
        }
        Checks.distinct(p, PIPELINE_ENVIRONMENTS.key(), names);
        List<Deployment> stages = new ArrayList<>();
        for (String name : names) {
            EnvironmentDefinition env = envs.get(name);
            if (env == null) {
                p.add(PIPELINE_ENVIRONMENTS.key(), name, "names defined under `environments`: "
                        + String.join(", ", envs.keySet()));
                continue;
            }
            if (env.account() == null || env.region() == null) {
                p.add(ENVIRONMENTS.key() + "." + name + (env.account() == null ? ".account" : ".region"), null,
                        "a value: the pipeline deploys to explicit environments (account and region)");
            }
            stages.add(resolve(env, own, projectRoot, p));
        }
        String account = base.get(PIPELINE_ACCOUNT);
        String region = base.get(PIPELINE_REGION);
        if (!stages.isEmpty()) {
            account = account != null ? account : stages.get(0).account();
            region = region != null ? region : stages.get(0).region();
        }
        return new PipelineConfig(repository, branch, connection, account, region, gate, stages);
    }

    private static void unknownKeys(Set<String> keys, String at, Problems p) {
        for (String key : keys) {
            if (Settings.find(key).isEmpty()) {
                p.add(at + key, "(a value)", "a known configuration key" + suggestion(key));
            }
        }
    }

    /** A did-you-mean suggestion for an unknown key: the closest known key within a small edit distance. */
    static String suggestion(String key) {
        return ALL.stream()
                .map(Setting::key)
                .min(Comparator.comparingInt(k -> Checks.distance(key, k)))
                .filter(k -> Checks.distance(key, k) <= Math.max(2, key.length() / 3))
                .map(k -> "; did you mean " + k + "?")
                .orElse("; see the configuration reference in docs/configuration.md");
    }
}
