package com.example.helloecs.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.example.helloecs.cost.TemplateScan.Strategy;
import com.example.helloecs.registry.lifecycle.DeployedPolicy;

/** The small pure functions the estimate is made of, and the price file they read. */
class CostArithmeticTest {
    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void monthly_roundsHalfUpToCents() {
        assertThat(CostModel.monthly(d("730"), d("0.0225"))).isEqualByComparingTo("16.43"); // 16.425
        assertThat(CostModel.monthly(d("730"), d("0.004445"))).isEqualByComparingTo("3.24"); // 3.24485
        assertThat(CostModel.monthly(d("365"), d("0.04048"))).isEqualByComparingTo("14.78"); // 14.7752
    }

    @Test
    void taskSizes_cpuUnitsAndMiBToVcpuAndGb() {
        assertThat(CostModel.vcpu(256)).isEqualByComparingTo("0.25");
        assertThat(CostModel.gib(512)).isEqualByComparingTo("0.5");
        assertThat(CostModel.taskHours(d("2"), d("0.25"), d("730"))).isEqualByComparingTo("365");
    }

    @Test
    void splitTasks_noStrategy_allOnDemand() {
        assertThat(TemplateScan.splitTasks(2, List.of())).isEqualTo(new TemplateScan.TaskSplit(d("2"), d("0")));
    }

    @Test
    void splitTasks_baseOnDemandThenWeights() {
        List<Strategy> appSpot = List.of(new Strategy("FARGATE", 1, 0), new Strategy("FARGATE_SPOT", 0, 1));
        var split = TemplateScan.splitTasks(3, appSpot);
        assertThat(split.onDemand()).isEqualByComparingTo("1");
        assertThat(split.spot()).isEqualByComparingTo("2");
        var even = TemplateScan.splitTasks(3, List.of(new Strategy("FARGATE", 0, 1), new Strategy("FARGATE_SPOT", 0, 1)));
        assertThat(even.onDemand()).isEqualByComparingTo("1.5");
        assertThat(even.spot()).isEqualByComparingTo("1.5");
        var onlyBase = TemplateScan.splitTasks(1, appSpot);
        assertThat(onlyBase.onDemand()).isEqualByComparingTo("1");
        assertThat(onlyBase.spot()).isEqualByComparingTo("0");
    }

    @Test
    void splitTasks_noWeightBeyondBase_isAnError() {
        assertThatThrownBy(() -> TemplateScan.splitTasks(3, List.of(new Strategy("FARGATE", 1, 0))))
                .hasMessageContaining("no weight for 2 task(s) beyond the base");
    }

    @Test
    void storedLogs_ingestTimesRetentionOverDaysPerMonth() {
        assertThat(CostModel.storedLogGb(d("1"), 30, 730)).isEqualByComparingTo("0.986301"); // 720/730
        assertThat(CostModel.storedLogGb(d("1"), 365, 730)).isEqualByComparingTo("12");
        assertThat(CostModel.storedLogGb(d("2"), 7, 730)).isEqualByComparingTo("0.460274");
    }

    @Test
    void imageStorage_imagesTimesSizeInGb() {
        assertThat(CostModel.imageGb(20, d("60"))).isEqualByComparingTo("1.171875");
        assertThat(CostModel.imageGb(0, d("60"))).isEqualByComparingTo("0");
    }

    @Test
    void keptImages_sumsTaggedAndAnyCountRules_ignoresUntaggedAndAgeRules() {
        String untagged = "{\"rulePriority\":1,\"selection\":{\"tagStatus\":\"untagged\",\"countType\":\"sinceImagePushed\","
                + "\"countUnit\":\"days\",\"countNumber\":1},\"action\":{\"type\":\"expire\"}}";
        String keep20 = "{\"rulePriority\":2,\"selection\":{\"tagStatus\":\"tagged\",\"tagPrefixList\":[\"v\"],"
                + "\"countType\":\"imageCountMoreThan\",\"countNumber\":20},\"action\":{\"type\":\"expire\"}}";
        String any5 = "{\"rulePriority\":3,\"selection\":{\"tagStatus\":\"any\",\"countType\":\"imageCountMoreThan\","
                + "\"countNumber\":5},\"action\":{\"type\":\"expire\"}}";
        assertThat(TemplateScan.keptImages(DeployedPolicy.parse("{\"rules\":[" + untagged + "," + keep20 + "]}")))
                .isEqualTo(20);
        assertThat(TemplateScan.keptImages(DeployedPolicy.parse("{\"rules\":[" + untagged + "," + keep20 + ","
                + any5 + "]}"))).isEqualTo(25);
        assertThat(TemplateScan.keptImages(DeployedPolicy.parse("{\"rules\":[" + untagged + "]}"))).isNull();
    }

    @Test
    void insightsMetrics_perClusterServiceFamily_enhancedAddsTasksAndContainers() {
        var m = new PriceList.InsightsMetrics(12, 15, 10, 10, 10);
        var cluster = new Inventory.Cluster("s/C", "enabled", 1, 1, d("2"), d("2"));
        assertThat(CostModel.insightsMetrics(cluster, m)).isEqualTo(37);
        assertThat(CostModel.enhancedInsightsMetrics(cluster, m)).isEqualByComparingTo("77");
    }

    @Test
    void assumptions_mustNotBeNegative() {
        assertThatThrownBy(() -> new Assumptions(d("-1"), d("0"), d("0"), d("60"), 20))
                .hasMessageContaining("must not be negative: -1");
    }

    @Test
    void priceFile_everyPriceHasASourceAndACheck() {
        PriceList prices = PriceList.usEast1();
        assertThat(prices.region()).isEqualTo("us-east-1");
        assertThat(prices.hoursPerMonth()).isEqualTo(730);
        assertThat(prices.prices()).containsKeys("alb.hour", "alb.lcuHour", "fargate.x86_64.vcpuHour",
                "fargate.arm64.gbHour", "fargate.spot.arm64.vcpuHour", "ipv4.hour", "nat.hour", "nat.gb",
                "logs.ingestGb", "logs.storageGbMonth", "ecr.storageGbMonth", "kms.keyMonth", "cloudwatch.metricMonth");
        prices.prices().forEach((key, p) -> {
            assertThat(p.source()).as(key).startsWith("https://aws.amazon.com/");
            assertThat(p.checked()).as(key).matches("(2026-\\d\\d-\\d\\d, confirmed by search: .+|not confirmed .+)");
            assertThat(p.usd().signum()).as(key).isPositive();
        });
        assertThat(prices.price("ipv4.hour").usd()).isEqualByComparingTo("0.005");
        assertThatThrownBy(() -> prices.price("nope")).hasMessageContaining("has no price nope");
    }

    @Test
    void interfaceEndpointsArePricedPerZoneAndWebAclsPerRule() throws Exception {
        var template = com.example.helloecs.config.Json.MAPPER.readTree("""
                {"Resources": {
                  "Ecr": {"Type": "AWS::EC2::VPCEndpoint", "Properties": {"VpcEndpointType": "Interface",
                          "SubnetIds": [{"Ref": "A"}, {"Ref": "B"}]}},
                  "S3": {"Type": "AWS::EC2::VPCEndpoint", "Properties": {"VpcEndpointType": "Gateway"}},
                  "Acl": {"Type": "AWS::WAFv2::WebACL", "Properties": {"Rules": [{}, {}, {}]}}}}""");
        Inventory inventory = TemplateScan.read(List.of(new TemplateScan.StackTemplate("s", template)));
        Estimate estimate = CostModel.estimate("s", "us-east-1", inventory, PriceList.usEast1(),
                Assumptions.defaults());

        assertThat(inventory.endpoints()).containsExactly(new Inventory.InterfaceEndpoint("s/Ecr", 2));
        assertThat(estimate.lines()).extracting(Estimate.Line::monthly).map(BigDecimal::toPlainString)
                .containsExactly("14.60", "5.00", "3.00"); // 2 AZs x 730 h x $0.01; $5 per ACL; 3 rules x $1
        assertThat(estimate.total()).isEqualByComparingTo("22.60");
        assertThat(estimate.notes()).anyMatch(n -> n.contains("$0.60 per million"))
                .anyMatch(n -> n.contains("$0.01/GB"));
    }

    @Test
    void docsCostMd_listsEveryPriceOfTheDataFile() throws Exception {
        String doc = Files.readString(Path.of("docs/cost.md"));
        PriceList.usEast1().prices().forEach((key, p) -> assertThat(doc).as(key)
                .contains("| `" + key + "` | $" + Estimate.price(p.usd()) + " per " + p.unit() + " | " + p.source()
                        + " | " + p.checked() + " |"));
    }
}
