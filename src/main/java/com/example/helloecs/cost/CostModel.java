package com.example.helloecs.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Prices an {@link Inventory}: one line per resource and usage dimension, each rounded to cents. */
public final class CostModel {
    /** Where a log group never expires, storage is shown as it stands after this many days (it keeps growing). */
    static final int UNBOUNDED_LOG_DAYS = 365;
    private static final BigDecimal MIB_PER_GIB = BigDecimal.valueOf(1024);
    private static final BigDecimal MB_PER_GB = BigDecimal.valueOf(1024);

    private CostModel() {
    }

    public static Estimate estimate(String stage, String region, Inventory inv, PriceList prices, Assumptions a) {
        BigDecimal hours = BigDecimal.valueOf(prices.hoursPerMonth());
        List<Estimate.Line> lines = new ArrayList<>();
        List<String> notes = new ArrayList<>(inv.notes());

        for (Inventory.LoadBalancer lb : inv.loadBalancers()) {
            if (!lb.type().equals("application")) {
                notes.add(lb.id() + ": a " + lb.type() + " load balancer; not priced");
                continue;
            }
            lines.add(line("ALB hours", lb.id(), hours, prices, "alb.hour"));
            lines.add(line("ALB LCUs (assumed " + plain(a.lcu()) + "/hour)", lb.id(), a.lcu().multiply(hours), prices,
                    "alb.lcuHour"));
            if (lb.internetFacing()) {
                lines.add(line("ALB public IPv4 (" + lb.zones() + " AZs)", lb.id(),
                        hours.multiply(BigDecimal.valueOf(lb.zones())), prices, "ipv4.hour"));
            }
        }
        for (Inventory.FargateService s : inv.services()) {
            String arch = s.arm64() ? "arm64" : "x86_64";
            BigDecimal vcpu = vcpu(s.cpuUnits());
            BigDecimal gb = gib(s.memoryMiB());
            for (boolean spot : new boolean[] {false, true}) {
                BigDecimal n = spot ? s.spotTasks() : s.onDemandTasks();
                if (n.signum() > 0) {
                    String what = " (" + (spot ? "Spot, " : "") + arch + ", " + tasks(n) + ")";
                    String key = "fargate." + (spot ? "spot." : "") + arch + ".";
                    lines.add(line("Fargate vCPU" + what, s.id(), taskHours(n, vcpu, hours), prices, key + "vcpuHour"));
                    lines.add(line("Fargate memory" + what, s.id(), taskHours(n, gb, hours), prices, key + "gbHour"));
                }
            }
            if (s.publicIp()) {
                lines.add(line("Task public IPv4 (" + tasks(s.tasks()) + ")", s.id(),
                        s.tasks().multiply(hours), prices, "ipv4.hour"));
            }
        }
        for (String nat : inv.natGateways()) {
            lines.add(line("NAT gateway hours", nat, hours, prices, "nat.hour"));
        }
        if (!inv.natGateways().isEmpty()) {
            lines.add(line("NAT data processed (assumed, all gateways)", null, a.natGb(), prices, "nat.gb"));
        }
        for (Inventory.ElasticIp eip : inv.elasticIps()) {
            lines.add(line(eip.forNat() ? "NAT Elastic IP" : "Elastic IP", eip.id(), hours, prices, "ipv4.hour"));
        }
        for (Inventory.LogGroup g : inv.logGroups()) {
            lines.add(line("Logs ingestion (assumed)", g.id(), a.logGb(), prices, "logs.ingestGb"));
            int days = g.retentionDays() != null ? g.retentionDays() : UNBOUNDED_LOG_DAYS;
            if (g.retentionDays() == null) {
                notes.add(g.id() + ": logs never expire; storage shown after " + UNBOUNDED_LOG_DAYS
                        + " days and it keeps growing");
            }
            lines.add(line("Logs storage (" + (g.retentionDays() != null ? days + "-day retention" : "never expire")
                    + ")", g.id(), storedLogGb(a.logGb(), days, prices.hoursPerMonth()), prices, "logs.storageGbMonth"));
        }
        for (Inventory.Repository r : inv.repositories()) {
            int kept = r.keptImages() != null ? r.keptImages() : a.images();
            if (r.keptImages() == null) {
                notes.add(r.id() + ": the lifecycle policy keeps tagged images without a count limit; assumed "
                        + kept + " images (--images)");
            }
            lines.add(line("ECR storage (" + kept + " images x " + plain(a.imageMb()) + " MB)", r.id(),
                    imageGb(kept, a.imageMb()), prices, "ecr.storageGbMonth"));
        }
        for (String key : inv.kmsKeys()) {
            lines.add(line("KMS customer managed key", key, BigDecimal.ONE, prices, "kms.keyMonth"));
        }
        for (Inventory.InterfaceEndpoint e : inv.endpoints()) {
            lines.add(line("VPC interface endpoint (" + e.zones() + " AZs)", e.id(),
                    hours.multiply(BigDecimal.valueOf(e.zones())), prices, "vpce.zoneHour"));
        }
        if (!inv.endpoints().isEmpty()) {
            notes.add("VPC interface endpoints: data processed ($0.01/GB) not included");
        }
        for (Inventory.WebAcl acl : inv.webAcls()) {
            lines.add(line("WAF web ACL", acl.id(), BigDecimal.ONE, prices, "waf.webAclMonth"));
            lines.add(line("WAF rules (" + acl.rules() + ")", acl.id(), BigDecimal.valueOf(acl.rules()), prices,
                    "waf.ruleMonth"));
        }
        if (!inv.webAcls().isEmpty()) {
            notes.add("WAF: requests inspected ($0.60 per million) not included");
        }
        for (Inventory.Cluster c : inv.clusters()) {
            switch (c.insights()) {
                case "enabled" -> lines.add(line("Container Insights metrics", c.id(),
                        BigDecimal.valueOf(insightsMetrics(c, prices.insights())), prices, "cloudwatch.metricMonth"));
                case "enhanced" -> lines.add(line("Container Insights metrics (enhanced)", c.id(),
                        enhancedInsightsMetrics(c, prices.insights()), prices,
                        "cloudwatch.enhancedInsightsMetricMonth"));
                default -> {
                }
            }
        }
        for (Inventory.Alarm alarm : inv.alarms()) {
            String key = alarm.highResolution() ? "cloudwatch.highResolutionAlarmMetricMonth" : "cloudwatch.alarmMetricMonth";
            lines.add(line("CloudWatch alarm (" + alarm.metrics() + (alarm.metrics() == 1 ? " metric)" : " metrics)"),
                    alarm.id(), BigDecimal.valueOf(alarm.metrics()), prices, key));
        }
        for (String dashboard : inv.dashboards()) {
            lines.add(line("CloudWatch dashboard", dashboard, BigDecimal.ONE, prices, "cloudwatch.dashboardMonth"));
        }
        if (!inv.alarms().isEmpty()) {
            notes.add("Alarm notifications (SNS e-mail deliveries, API calls) not included: a few cents at most");
        }
        return new Estimate(stage, region, prices.region(), prices.hoursPerMonth(), lines, a, notes);
    }

    private static Estimate.Line line(String resource, String id, BigDecimal quantity, PriceList prices, String key) {
        PriceList.Price p = prices.price(key);
        return new Estimate.Line(resource, id, quantity, p.unit(), p.usd(), monthly(quantity, p.usd()), key);
    }

    /** Quantity x unit price, rounded half up to cents. */
    public static BigDecimal monthly(BigDecimal quantity, BigDecimal unitPrice) {
        return quantity.multiply(unitPrice).setScale(2, RoundingMode.HALF_UP);
    }

    /** Task CPU units as vCPU (1024 units = 1 vCPU). */
    public static BigDecimal vcpu(int cpuUnits) {
        return BigDecimal.valueOf(cpuUnits).divide(MIB_PER_GIB);
    }

    /** Task memory MiB as GB (Fargate bills memory in GB of 1024 MiB). */
    public static BigDecimal gib(int memoryMiB) {
        return BigDecimal.valueOf(memoryMiB).divide(MIB_PER_GIB);
    }

    /** vCPU-hours or GB-hours in a month: tasks x size per task x hours. */
    public static BigDecimal taskHours(BigDecimal tasks, BigDecimal perTask, BigDecimal hours) {
        return tasks.multiply(perTask).multiply(hours);
    }

    /**
     * GB stored in the steady state when {@code ingestGbPerMonth} arrive every month and each is kept
     * {@code retentionDays}: ingest x retention / days per month (hours per month / 24). Uncompressed size: an upper
     * bound, CloudWatch bills the compressed size.
     */
    public static BigDecimal storedLogGb(BigDecimal ingestGbPerMonth, int retentionDays, int hoursPerMonth) {
        return ingestGbPerMonth.multiply(BigDecimal.valueOf(retentionDays * 24L))
                .divide(BigDecimal.valueOf(hoursPerMonth), 6, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    /** GB stored by {@code images} images of {@code imageMb} MB each (1 GB = 1024 MB). */
    public static BigDecimal imageGb(int images, BigDecimal imageMb) {
        return imageMb.multiply(BigDecimal.valueOf(images)).divide(MB_PER_GB, 6, RoundingMode.HALF_UP)
                .stripTrailingZeros();
    }

    /** Standard Container Insights: metrics per cluster, plus per service and per task definition family. */
    public static int insightsMetrics(Inventory.Cluster c, PriceList.InsightsMetrics m) {
        return m.perCluster() + c.services() * m.perService() + c.taskFamilies() * m.perTaskFamily();
    }

    /** Enhanced adds task- and container-level metrics for every running task and container. */
    public static BigDecimal enhancedInsightsMetrics(Inventory.Cluster c, PriceList.InsightsMetrics m) {
        return BigDecimal.valueOf(insightsMetrics(c, m))
                .add(c.tasks().multiply(BigDecimal.valueOf(m.enhancedPerTask())))
                .add(c.containers().multiply(BigDecimal.valueOf(m.enhancedPerContainer())));
    }

    private static String tasks(BigDecimal n) {
        return plain(n) + (n.compareTo(BigDecimal.ONE) == 0 ? " task" : " tasks");
    }

    static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
