package com.example.helloecs.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.example.helloecs.config.ConfigException;
import com.example.helloecs.registry.lifecycle.CountType;
import com.example.helloecs.registry.lifecycle.DeployedPolicy;
import com.example.helloecs.registry.lifecycle.LifecycleRule;
import com.example.helloecs.registry.lifecycle.TagStatus;
import com.fasterxml.jackson.databind.JsonNode;

/** Reads the priced resources out of synthesized CloudFormation templates into an {@link Inventory}. */
public final class TemplateScan {
    private TemplateScan() {
    }

    /** One stack's template. */
    public record StackTemplate(String stack, JsonNode template) {
    }

    /** One entry of a service's {@code CapacityProviderStrategy}. */
    public record Strategy(String provider, int base, int weight) {
    }

    /** How a desired count splits between FARGATE (on-demand) and FARGATE_SPOT. */
    public record TaskSplit(BigDecimal onDemand, BigDecimal spot) {
    }

    public static Inventory read(List<StackTemplate> stacks) {
        List<Inventory.FargateService> services = new ArrayList<>();
        List<Inventory.LoadBalancer> loadBalancers = new ArrayList<>();
        List<String> nats = new ArrayList<>();
        List<Inventory.ElasticIp> eips = new ArrayList<>();
        List<Inventory.LogGroup> logGroups = new ArrayList<>();
        List<Inventory.Repository> repositories = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<Inventory.Cluster> clusters = new ArrayList<>();
        List<Inventory.InterfaceEndpoint> endpoints = new ArrayList<>();
        List<Inventory.WebAcl> webAcls = new ArrayList<>();
        List<Inventory.Alarm> alarms = new ArrayList<>();
        List<String> dashboards = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (StackTemplate st : stacks) {
            JsonNode resources = st.template().path("Resources");
            Set<String> natEips = new HashSet<>();
            Map<String, List<Inventory.FargateService>> servicesByCluster = new LinkedHashMap<>();
            Map<String, Set<String>> familiesByCluster = new LinkedHashMap<>();
            for (var e : resources.properties()) {
                String id = st.stack() + "/" + e.getKey();
                JsonNode p = e.getValue().path("Properties");
                switch (e.getValue().path("Type").asText()) {
                    case "AWS::ECS::Service" -> {
                        String taskDefinition = ref(p.path("TaskDefinition"));
                        JsonNode td = taskDefinition == null ? null : resources.get(taskDefinition);
                        if (td == null) {
                            notes.add(id + ": task definition not in the template; not priced");
                            continue;
                        }
                        Inventory.FargateService s = service(id, p, td.path("Properties"), notes);
                        if (s == null) {
                            continue;
                        }
                        services.add(s);
                        String cluster = ref(p.path("Cluster"));
                        if (cluster != null) {
                            servicesByCluster.computeIfAbsent(cluster, k -> new ArrayList<>()).add(s);
                            familiesByCluster.computeIfAbsent(cluster, k -> new HashSet<>()).add(taskDefinition);
                        }
                    }
                    case "AWS::ElasticLoadBalancingV2::LoadBalancer" -> loadBalancers.add(loadBalancer(id, p, notes));
                    case "AWS::EC2::NatGateway" -> {
                        nats.add(id);
                        if (!"private".equalsIgnoreCase(p.path("ConnectivityType").asText("public"))) {
                            JsonNode alloc = p.path("AllocationId").path("Fn::GetAtt");
                            if (alloc.isArray() && alloc.size() > 0) {
                                natEips.add(alloc.get(0).asText());
                            }
                        }
                    }
                    case "AWS::Logs::LogGroup" -> logGroups.add(new Inventory.LogGroup(id,
                            p.path("RetentionInDays").canConvertToInt() ? p.path("RetentionInDays").asInt() : null));
                    case "AWS::ECR::Repository" -> repositories.add(repository(id, p, notes));
                    case "AWS::KMS::Key" -> keys.add(id);
                    case "AWS::EC2::VPCEndpoint" -> {
                        if (e.getValue().has("Condition")) {
                            // The ECS endpoints of an environment-agnostic hardened stack: created only in Regions
                            // opened from 2023-12-23 (service/PrivateEndpoints), not in us-east-1's prices.
                            notes.add(id + ": created only under condition " + e.getValue().path("Condition").asText()
                                    + "; not priced");
                        } else if ("Interface".equals(p.path("VpcEndpointType").asText("Gateway"))) {
                            endpoints.add(new Inventory.InterfaceEndpoint(id, Math.max(1, p.path("SubnetIds").size())));
                        }
                    }
                    case "AWS::WAFv2::WebACL" -> webAcls.add(new Inventory.WebAcl(id, p.path("Rules").size()));
                    case "AWS::CloudWatch::Alarm" -> alarms.add(alarm(id, p));
                    case "AWS::CloudWatch::Dashboard" -> dashboards.add(id);
                    default -> {
                    }
                }
            }
            for (var e : resources.properties()) {
                String id = st.stack() + "/" + e.getKey();
                String type = e.getValue().path("Type").asText();
                if (type.equals("AWS::EC2::EIP")) {
                    eips.add(new Inventory.ElasticIp(id, natEips.contains(e.getKey())));
                } else if (type.equals("AWS::ECS::Cluster")) {
                    List<Inventory.FargateService> in = servicesByCluster.getOrDefault(e.getKey(), List.of());
                    BigDecimal tasks = BigDecimal.ZERO;
                    BigDecimal containers = BigDecimal.ZERO;
                    for (Inventory.FargateService s : in) {
                        tasks = tasks.add(s.tasks());
                        containers = containers.add(s.tasks().multiply(BigDecimal.valueOf(s.containers())));
                    }
                    String insights = insights(e.getValue().path("Properties"));
                    if (insights == null) {
                        notes.add(id + ": no containerInsights setting, so the account's "
                                + "default applies (off unless changed); Container Insights not priced");
                        insights = "disabled";
                    }
                    clusters.add(new Inventory.Cluster(id, insights, in.size(),
                            familiesByCluster.getOrDefault(e.getKey(), Set.of()).size(), tasks, containers));
                }
            }
        }
        return new Inventory(services, loadBalancers, nats, eips, logGroups, repositories, keys, clusters, endpoints,
                webAcls, alarms, dashboards, notes);
    }

    /**
     * An alarm on one metric counts 1; a metric math alarm counts the metrics its queries read ({@code MetricStat}
     * entries), not the expressions. Periods under 60 s make it a high-resolution alarm.
     */
    static Inventory.Alarm alarm(String id, JsonNode p) {
        int metrics = 0;
        int shortestPeriod = p.path("Period").asInt(60);
        for (JsonNode q : p.path("Metrics")) {
            if (q.has("MetricStat")) {
                metrics++;
                shortestPeriod = Math.min(shortestPeriod, q.path("MetricStat").path("Period").asInt(60));
            }
        }
        return new Inventory.Alarm(id, Math.max(1, metrics), shortestPeriod < 60);
    }

    private static Inventory.FargateService service(String id, JsonNode p, JsonNode td, List<String> notes) {
        List<Strategy> strategy = new ArrayList<>();
        for (JsonNode s : p.path("CapacityProviderStrategy")) {
            strategy.add(new Strategy(s.path("CapacityProvider").asText(), s.path("Base").asInt(0),
                    s.path("Weight").asInt(0)));
        }
        String launchType = p.path("LaunchType").asText(strategy.isEmpty() ? "FARGATE" : "");
        boolean fargate = launchType.equals("FARGATE")
                || strategy.stream().anyMatch(s -> s.provider().startsWith("FARGATE"));
        if (!fargate) {
            notes.add(id + ": not a Fargate service (launch type " + launchType + "); not priced");
            return null;
        }
        boolean counted = p.path("DesiredCount").canConvertToInt();
        if (!counted) {
            notes.add(id + ": no DesiredCount; assumed 1 (CloudFormation's default for a new service)");
        }
        TaskSplit split = splitTasks(counted ? p.path("DesiredCount").asInt() : 1, strategy);
        boolean publicIp = "ENABLED".equals(p.path("NetworkConfiguration").path("AwsvpcConfiguration")
                .path("AssignPublicIp").asText());
        boolean arm64 = "ARM64".equalsIgnoreCase(td.path("RuntimePlatform").path("CpuArchitecture").asText());
        return new Inventory.FargateService(id, number(id, "Cpu", td.path("Cpu")),
                number(id, "Memory", td.path("Memory")), arm64, split.onDemand(), split.spot(), publicIp,
                Math.max(1, td.path("ContainerDefinitions").size()));
    }

    /**
     * Splits a desired count the way ECS places tasks by capacity provider strategy: the {@code base} tasks first on
     * the provider that has a base, the rest in proportion to the weights. Without a strategy all run on FARGATE.
     * Proportional shares that are not whole numbers are kept as fractions (the long-run average).
     */
    public static TaskSplit splitTasks(int desired, List<Strategy> strategy) {
        if (strategy.isEmpty()) {
            return new TaskSplit(BigDecimal.valueOf(desired), BigDecimal.ZERO);
        }
        // Tasks on FARGATE_SPOT (true) and on FARGATE (false).
        Map<Boolean, BigDecimal> tasks = new HashMap<>(Map.of(false, BigDecimal.ZERO, true, BigDecimal.ZERO));
        int remaining = desired;
        for (Strategy s : strategy) {
            int base = Math.min(s.base(), remaining);
            remaining -= base;
            tasks.merge(isSpot(s), BigDecimal.valueOf(base), BigDecimal::add);
        }
        int totalWeight = strategy.stream().mapToInt(Strategy::weight).sum();
        if (remaining > 0 && totalWeight == 0) {
            throw new IllegalArgumentException("capacity provider strategy " + strategy + " has no weight for "
                    + remaining + " task(s) beyond the base");
        }
        for (Strategy s : strategy) {
            if (remaining == 0 || s.weight() == 0) {
                continue;
            }
            BigDecimal share = BigDecimal.valueOf((long) remaining * s.weight())
                    .divide(BigDecimal.valueOf(totalWeight), 6, RoundingMode.HALF_UP).stripTrailingZeros();
            tasks.merge(isSpot(s), share, BigDecimal::add);
        }
        return new TaskSplit(tasks.get(false), tasks.get(true));
    }

    private static boolean isSpot(Strategy s) {
        return s.provider().equals("FARGATE_SPOT");
    }

    private static Inventory.LoadBalancer loadBalancer(String id, JsonNode p, List<String> notes) {
        String type = p.path("Type").asText("application");
        boolean internetFacing = !"internal".equals(p.path("Scheme").asText("internet-facing"));
        JsonNode subnets = p.has("SubnetMappings") ? p.path("SubnetMappings") : p.path("Subnets");
        boolean literal = subnets.isArray() && subnets.size() > 0;
        if (!literal) {
            notes.add(id + ": subnets are not a literal list; assumed 2 availability zones");
        }
        return new Inventory.LoadBalancer(id, type, internetFacing, literal ? subnets.size() : 2);
    }

    private static Inventory.Repository repository(String id, JsonNode p, List<String> notes) {
        JsonNode text = p.path("LifecyclePolicy").path("LifecyclePolicyText");
        if (text.isMissingNode()) {
            return new Inventory.Repository(id, null);
        }
        if (!text.isTextual()) {
            notes.add(id + ": lifecycle policy is computed at deploy time; treated as having no count limit");
            return new Inventory.Repository(id, null);
        }
        try {
            return new Inventory.Repository(id, keptImages(DeployedPolicy.parse(text.asText())));
        } catch (ConfigException e) {
            notes.add(id + ": lifecycle policy not readable (" + e.getMessage().lines().findFirst().orElse("")
                    + "); treated as having no count limit");
            return new Inventory.Repository(id, null);
        }
    }

    /**
     * The most images a lifecycle policy keeps: the sum of the counts of its {@code imageCountMoreThan} rules that
     * select tagged (or any) images; untagged images are short-lived and not counted. {@code null}: no rule limits
     * the count of tagged images (only their age, or nothing), so the number kept is unbounded.
     */
    public static Integer keptImages(List<LifecycleRule> rules) {
        Integer kept = null;
        for (LifecycleRule r : rules) {
            if (r.countType() == CountType.IMAGE_COUNT_MORE_THAN && r.tagStatus() != TagStatus.UNTAGGED) {
                kept = (kept == null ? 0 : kept) + r.countNumber();
            }
        }
        return kept;
    }

    /** The cluster's {@code containerInsights} setting, lower case; {@code null} when it has none. */
    private static String insights(JsonNode cluster) {
        for (JsonNode s : cluster.path("ClusterSettings")) {
            if ("containerInsights".equals(s.path("Name").asText())) {
                return s.path("Value").asText("disabled").toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static String ref(JsonNode node) {
        return node.hasNonNull("Ref") ? node.get("Ref").asText() : null;
    }

    private static int number(String id, String field, JsonNode value) {
        try {
            return Integer.parseInt(value.asText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(id + ": task " + field + " is not a number: " + value);
        }
    }
}
