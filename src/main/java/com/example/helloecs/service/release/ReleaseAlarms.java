package com.example.helloecs.service.release;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeTarget;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * The service's alarms, all notifying one topic on ALARM and on OK.
 *
 * <p>Deployment alarms (ECS rolls a deployment back when one goes off while it runs): the 5xx rate of the targets
 * and their p99 response time. Both are computed per target group and the worse one counts, so a canary that
 * serves a few percent of the traffic cannot hide its errors in the average; a target group with fewer than
 * {@code minRequests} requests in a minute counts as 0%, so a near-idle service cannot trip the rate alarm.
 * Metric math (IF, FILL, MAX over an array): CloudWatch user guide, "Metric math syntax and functions",
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/using-metric-math.html
 *
 * <p>Health alarms (notify only): unhealthy targets, running tasks below desired (Container Insights task counts),
 * CPU and memory high.
 */
public class ReleaseAlarms extends Construct {
    /** ALB and ECS publish one-minute datapoints. */
    public static final Duration PERIOD = Duration.minutes(1);
    /** Health alarms: 3 bad minutes out of 5, so one slow minute or a task replacement does not page anyone. */
    public static final int HEALTH_EVALUATION_PERIODS = 5;
    public static final int HEALTH_DATAPOINTS = 3;

    public static final String ERROR_RATE = "-release-5xx-rate";
    public static final String LATENCY = "-release-p99-latency";
    public static final String UNHEALTHY_TARGETS = "-unhealthy-targets";
    public static final String TASKS_BELOW_DESIRED = "-tasks-below-desired";
    public static final String CPU_HIGH = "-cpu-high";
    public static final String MEMORY_HIGH = "-memory-high";

    public final Alarm errorRate;
    public final Alarm latency;
    public final Alarm unhealthyTargets;
    /** {@code null} without Container Insights (no task counts to compare). */
    public final Alarm tasksBelowDesired;
    public final Alarm cpuHigh;
    public final Alarm memoryHigh;
    /** The alarms ECS watches during a deployment. */
    public final List<Alarm> deploymentAlarms;
    /** Every alarm, deployment alarms first. */
    public final List<Alarm> all;

    /**
     * @param r       the release's thresholds and periods
     * @param targets the service whose CPU, memory and task counts are watched (task counts only with Container
     *                Insights)
     * @param groups  the service's target groups: one (rolling) or two (blue/green, canary, linear)
     * @param topic   notified on ALARM and on OK by every alarm
     * @param prefix  prefix of every alarm name (fixed names: the service's deployment configuration names its
     *                alarms, and a name that referenced the alarm resource could make a dependency cycle)
     */
    public ReleaseAlarms(Construct scope, String id, ReleaseProps r, ReleaseTargets targets,
                         List<ApplicationTargetGroup> groups, ITopic topic, String prefix) {
        super(scope, id);
        Objects.requireNonNull(prefix, "prefix");
        if (groups.isEmpty() || groups.size() > 2) {
            throw new IllegalArgumentException("one or two target groups, got " + groups.size());
        }

        Map<String, IMetric> rates = perGroup(groups, "rate", (g, n) -> MathExpression.Builder.create()
                .expression("IF(FILL(r" + n + ", 0) >= " + r.minRequests() + ", 100 * FILL(e" + n + ", 0) / r" + n
                        + ", 0)")
                .usingMetrics(new TreeMap<>(Map.of(
                        "r" + n, g.getMetrics().requestCount(stat("Sum")),
                        "e" + n, g.getMetrics().httpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT, stat("Sum")))))
                .period(PERIOD)
                .label("5xx % of target group " + n)
                .build());
        this.errorRate = deploymentAlarm("ErrorRate", prefix + ERROR_RATE, worst(rates, "Target 5xx %"),
                r.errorRatePercent(), r, "Targets answered more than " + r.errorRatePercent() + "% 5xx (of at least "
                        + r.minRequests() + " requests a minute) in " + r.datapointsToAlarm() + " of "
                        + r.evaluationPeriods() + " minutes: the release hurts users");

        Map<String, IMetric> p99 = perGroup(groups, "p", (g, n) -> g.getMetrics().targetResponseTime(stat("p99")));
        this.latency = deploymentAlarm("Latency", prefix + LATENCY, worst(p99, "Target p99 response time (s)"),
                r.latencyP99Millis() / 1000.0, r, "Targets' p99 response time above " + r.latencyP99Millis()
                        + " ms in " + r.datapointsToAlarm() + " of " + r.evaluationPeriods() + " minutes");
        this.deploymentAlarms = List.of(errorRate, latency);

        Map<String, IMetric> unhealthy = perGroup(groups, "u",
                (g, n) -> g.getMetrics().unhealthyHostCount(stat("Maximum")));
        this.unhealthyTargets = healthAlarm("UnhealthyTargets", prefix + UNHEALTHY_TARGETS,
                worst(unhealthy, "Unhealthy targets"), 1, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
                "At least one target failed its load balancer health check");

        if (targets.containerInsights()) {
            this.tasksBelowDesired = healthAlarm("TasksBelowDesired", prefix + TASKS_BELOW_DESIRED,
                    MathExpression.Builder.create()
                            .expression("FILL(desired, 0) - FILL(running, 0)")
                            .usingMetrics(new TreeMap<>(Map.of(
                                    "desired", targets.insightsMetric("DesiredTaskCount", null),
                                    "running", targets.insightsMetric("RunningTaskCount", null))))
                            .period(PERIOD)
                            .label("Tasks missing (desired - running)")
                            .build(),
                    0, ComparisonOperator.GREATER_THAN_THRESHOLD, "Fewer tasks running than desired");
        } else {
            this.tasksBelowDesired = null;
        }
        this.cpuHigh = healthAlarm("CpuHigh", prefix + CPU_HIGH,
                targets.service().metricCpuUtilization(stat("Average")), r.cpuPercent(),
                ComparisonOperator.GREATER_THAN_THRESHOLD, "Average CPU of the service above " + r.cpuPercent() + "%");
        this.memoryHigh = healthAlarm("MemoryHigh", prefix + MEMORY_HIGH,
                targets.service().metricMemoryUtilization(stat("Average")), r.memoryPercent(),
                ComparisonOperator.GREATER_THAN_THRESHOLD,
                "Average memory of the service above " + r.memoryPercent() + "%");

        this.all = Stream.of(errorRate, latency, unhealthyTargets, tasksBelowDesired, cpuHigh, memoryHigh)
                .filter(Objects::nonNull).toList();
        SnsAction notify = new SnsAction(topic);
        for (Alarm alarm : all) {
            alarm.addAlarmAction(notify);
            alarm.addOkAction(notify);
        }
    }

    /** The names ECS is given, in order. */
    public List<String> deploymentAlarmNames() {
        return deploymentAlarms.stream().map(a -> ((software.amazon.awscdk.services.cloudwatch.CfnAlarm)
                a.getNode().getDefaultChild()).getAlarmName()).toList();
    }

    private static MetricOptions stat(String statistic) {
        return MetricOptions.builder().statistic(statistic).period(PERIOD).build();
    }

    /** One series per target group, keyed {@code idPrefix1}, {@code idPrefix2}; the function gets the number. */
    private static Map<String, IMetric> perGroup(List<ApplicationTargetGroup> groups, String idPrefix,
                                                 BiFunction<ApplicationTargetGroup, Integer, IMetric> metric) {
        Map<String, IMetric> out = new LinkedHashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            out.put(idPrefix + (i + 1), metric.apply(groups.get(i), i + 1));
        }
        return out;
    }

    /** The larger of the per-group series (missing data counts as 0). */
    private static MathExpression worst(Map<String, IMetric> perGroup, String label) {
        List<String> filled = perGroup.keySet().stream().map(k -> "FILL(" + k + ", 0)").toList();
        String expression = filled.size() == 1 ? filled.get(0) : "MAX([" + String.join(", ", filled) + "])";
        return MathExpression.Builder.create()
                .expression(expression)
                .usingMetrics(perGroup)
                .period(PERIOD)
                .label(label)
                .build();
    }

    private Alarm deploymentAlarm(String id, String name, IMetric metric, double threshold, ReleaseProps r,
                                  String description) {
        return alarm(id, name, metric, threshold, ComparisonOperator.GREATER_THAN_THRESHOLD, r.evaluationPeriods(),
                r.datapointsToAlarm(), description);
    }

    private Alarm healthAlarm(String id, String name, IMetric metric, double threshold, ComparisonOperator op,
                              String description) {
        return alarm(id, name, metric, threshold, op, HEALTH_EVALUATION_PERIODS, HEALTH_DATAPOINTS, description);
    }

    private Alarm alarm(String id, String name, IMetric metric, double threshold, ComparisonOperator op,
                        Number evaluationPeriods, Number datapoints, String description) {
        return Alarm.Builder.create(this, id)
                .alarmName(name)
                .alarmDescription(description)
                .metric(metric)
                .threshold(threshold)
                .comparisonOperator(op)
                .evaluationPeriods(evaluationPeriods)
                .datapointsToAlarm(datapoints)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
    }
}
