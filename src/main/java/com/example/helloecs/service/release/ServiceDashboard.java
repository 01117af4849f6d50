package com.example.helloecs.service.release;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.AlarmStatusWidget;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.Metric;
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
    private static final Duration PERIOD = Duration.minutes(1);
    private static final int WIDTH = 8;

    public final Dashboard dashboard;
    /** The console address of the dashboard (the region is the stack's). */
    public final String url;

    public ServiceDashboard(Construct scope, String id, ServiceDashboardProps props) {
        super(scope, id);
        var lb = props.loadBalancer().getMetrics();
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
        for (int i = 0; i < props.targetGroups().size(); i++) {
            ApplicationTargetGroup g = props.targetGroups().get(i);
            String suffix = props.targetGroups().size() == 1 ? "" : " (target group " + (i + 1) + ")";
            hosts.add(g.getMetrics().healthyHostCount(opts("Minimum", "Healthy" + suffix)));
            hosts.add(g.getMetrics().unhealthyHostCount(opts("Maximum", "Unhealthy" + suffix)));
        }
        widgets.add(graph("Targets", hosts));
        if (props.containerInsights()) {
            Map<String, String> dims = new TreeMap<>(Map.of("ClusterName", props.clusterName(),
                    "ServiceName", props.service().getServiceName()));
            widgets.add(graph("Tasks: running vs desired", List.of(
                    insights("RunningTaskCount", "Running", dims), insights("DesiredTaskCount", "Desired", dims))));
        }
        widgets.add(graph("CPU and memory (% of the task size)", List.of(
                props.service().metricCpuUtilization(opts("Average", "CPU")),
                props.service().metricMemoryUtilization(opts("Average", "Memory")))));
        if (!props.alarms().isEmpty()) {
            widgets.add(AlarmStatusWidget.Builder.create()
                    .title("Alarms")
                    .alarms(new ArrayList<IAlarm>(props.alarms()))
                    .width(WIDTH)
                    .height(6)
                    .build());
        }
        this.dashboard = Dashboard.Builder.create(this, "Dashboard")
                .dashboardName(props.dashboardName())
                .widgets(List.of(widgets))
                .build();
        this.url = "https://console.aws.amazon.com/cloudwatch/home?region=" + Aws.REGION
                + "#dashboards/dashboard/" + props.dashboardName();
    }

    private static MetricOptions opts(String statistic, String label) {
        return MetricOptions.builder().statistic(statistic).label(label).period(PERIOD).build();
    }

    private static GraphWidget graph(String title, List<? extends IMetric> metrics) {
        return GraphWidget.Builder.create().title(title).left(new ArrayList<IMetric>(metrics)).width(WIDTH).height(6)
                .build();
    }

    private static Metric insights(String name, String label, Map<String, String> dims) {
        return Metric.Builder.create().namespace("ECS/ContainerInsights").metricName(name).dimensionsMap(dims)
                .statistic("Average").label(label).period(PERIOD).build();
    }
}
