package com.example.helloecs.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.example.helloecs.config.Json;
import com.fasterxml.jackson.databind.JsonNode;

/** Alarms and dashboards in the cost estimate: what counts as an alarm metric, and the price lines. */
class CostAlarmsTest {

    private static JsonNode template(String resources) throws Exception {
        return Json.MAPPER.readTree("{\"Resources\": {" + resources + "}}");
    }

    @Test
    void metricMathAlarmsCountTheMetricsTheyReadNotTheirExpressions() throws Exception {
        JsonNode t = template("""
                "Single": {"Type": "AWS::CloudWatch::Alarm", "Properties": {"MetricName": "CPUUtilization",
                  "Namespace": "AWS/ECS", "Period": 60}},
                "Math": {"Type": "AWS::CloudWatch::Alarm", "Properties": {"Metrics": [
                  {"Id": "expr_1", "Expression": "MAX([FILL(rate1, 0), FILL(rate2, 0)])", "ReturnData": true},
                  {"Id": "rate1", "Expression": "IF(FILL(r1, 0) >= 20, 100 * FILL(e1, 0) / r1, 0)", "ReturnData": false},
                  {"Id": "r1", "MetricStat": {"Period": 60, "Stat": "Sum"}, "ReturnData": false},
                  {"Id": "e1", "MetricStat": {"Period": 60, "Stat": "Sum"}, "ReturnData": false},
                  {"Id": "rate2", "Expression": "IF(FILL(r2, 0) >= 20, 100 * FILL(e2, 0) / r2, 0)", "ReturnData": false},
                  {"Id": "r2", "MetricStat": {"Period": 60, "Stat": "Sum"}, "ReturnData": false},
                  {"Id": "e2", "MetricStat": {"Period": 60, "Stat": "Sum"}, "ReturnData": false}]}},
                "Fast": {"Type": "AWS::CloudWatch::Alarm", "Properties": {"MetricName": "X", "Period": 10}},
                "Board": {"Type": "AWS::CloudWatch::Dashboard", "Properties": {"DashboardBody": "{}"}}
                """);
        Inventory inv = TemplateScan.read(List.of(new TemplateScan.StackTemplate("s", t)));
        assertThat(inv.alarms()).containsExactly(new Inventory.Alarm("s/Single", 1, false),
                new Inventory.Alarm("s/Math", 4, false), new Inventory.Alarm("s/Fast", 1, true));
        assertThat(inv.dashboards()).containsExactly("s/Board");

        Estimate estimate = CostModel.estimate("s", null, inv, PriceList.usEast1(), Assumptions.defaults());
        assertThat(estimate.lines()).extracting(Estimate.Line::monthly).map(BigDecimal::toPlainString)
                .containsExactly("0.10", "0.40", "0.30", "3.00"); // 1 and 4 metrics x $0.10; high-res $0.30; $3
        assertThat(estimate.total()).isEqualByComparingTo("3.80");
    }
}
