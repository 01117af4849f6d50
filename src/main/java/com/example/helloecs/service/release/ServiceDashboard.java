package com.example.helloecs.service.release;

import java.util.ArrayList;
import java.util.List;

import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.AlarmStatusWidget;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeTarget;
import software.constructs.Construct;

/**
 * One CloudWatch dashboard for the service: requests and status codes, latency percentiles, healthy and unhealthy
 * targets, running vs desired tasks, CPU, memory, and the state of every alarm. Request and latency graphs use the
 * load balancer's metrics, which cover both target groups of a blue/green, canary or linear service.
 */
public class ServiceDashboard extends Construct {
    private static final int WIDTH = 8;

    public final Dashboard dashboard;
    /** The console address of the dashboard (the region is the stack's). */
    public final String url;

    /**
     * @param name    the dashboard's name (letters, digits, - and _)
     * @param targets the load balancer (request, status-code and latency graphs), the service (CPU and memory, and
     *                with Container Insights running vs desired tasks)
     * @param groups  the service's target groups (one or two): the healthy/unhealthy target graphs
     * @param alarms  shown in an alarm-status widget (none: no widget)
     */
    public ServiceDashboard(Construct scope, String id, String name, ReleaseTargets targets,
                            List<ApplicationTargetGroup> groups, List<Alarm> alarms) {
        super(scope, id);
        var lb = targets.loadBalancer().getMetrics();
        List<IWidget> widgets = new ArrayList<>();
        widgets.add(graph("Requests and target status codes (per minute)", List.of(
                lb.requestCount(opts("Sum", "Requests")),
                lb.httpCodeTarget(HttpCodeTarget.TARGET_2XX_COUNT, opts("Sum", "2xx")),
                lb.httpCodeTarget(HttpCodeTarget.TARGET_4XX_COUNT, opts("Sum", "4xx")),
                lb.httpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT, opts("Sum", "5xx")))));
        widgets.add(graph("Target response time (seconds)", List.of(
                lb.targetResponseTime(opts("p50", "p50")),
                lb.targetResponseTime(opts("p90", "p90")),
                lb.targetResponseTime(opts("p99", "p99")))));
        List<IMetric> hosts = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            ApplicationTargetGroup g = groups.get(i);
            String suffix = groups.size() == 1 ? "" : " (target group " + (i + 1) + ")";
            hosts.add(g.getMetrics().healthyHostCount(opts("Minimum", "Healthy" + suffix)));
            hosts.add(g.getMetrics().unhealthyHostCount(opts("Maximum", "Unhealthy" + suffix)));
        }
        widgets.add(graph("Targets", hosts));
        if (targets.containerInsights()) {
            widgets.add(graph("Tasks: running vs desired", List.of(
                    targets.insightsMetric("RunningTaskCount", "Running"),
                    targets.insightsMetric("DesiredTaskCount", "Desired"))));
        }
        widgets.add(graph("CPU and memory (% of the task size)", List.of(
                targets.service().metricCpuUtilization(opts("Average", "CPU")),
                targets.service().metricMemoryUtilization(opts("Average", "Memory")))));
        if (!alarms.isEmpty()) {
            widgets.add(AlarmStatusWidget.Builder.create()
                    .title("Alarms")
                    .alarms(new ArrayList<IAlarm>(alarms))
                    .width(WIDTH)
                    .height(6)
                    .build());
        }
        this.dashboard = Dashboard.Builder.create(this, "Dashboard")
                .dashboardName(name)
                .widgets(List.of(widgets))
                .build();
        this.url = "https://console.aws.amazon.com/cloudwatch/home?region=" + Aws.REGION
                + "#dashboards/dashboard/" + name;
    }

    private static MetricOptions opts(String statistic, String label) {
        return MetricOptions.builder().statistic(statistic).label(label).period(ReleaseAlarms.PERIOD).build();
    }

    private static GraphWidget graph(String title, List<? extends IMetric> metrics) {
        return GraphWidget.Builder.create().title(title).left(new ArrayList<IMetric>(metrics)).width(WIDTH).height(6)
                .build();
    }
}
