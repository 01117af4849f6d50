package com.example.helloecs.cost;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import com.example.helloecs.config.Json;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The list prices the cost estimate uses, read from the one data file {@code src/main/resources/pricing/REGION.json}
 * (each price with its source page and when it was checked), plus the Container Insights metric counts.
 *
 * @param region        region the prices are for
 * @param hoursPerMonth hours in a billing month (730)
 * @param prices        price key (for example {@code alb.hour}) to price
 * @param insights      Container Insights metric counts
 */
public record PriceList(String region, int hoursPerMonth, Map<String, Price> prices, InsightsMetrics insights) {
    /** The region whose list prices ship with the project. */
    public static final String REGION = "us-east-1";

    /**
     * One list price.
     *
     * @param usd     price in US dollars per {@code unit}
     * @param unit    what one unit is (ALB-hour, GB, ...)
     * @param source  the AWS page that publishes it
     * @param checked when and how it was checked
     */
    public record Price(BigDecimal usd, String unit, String source, String checked) {
    }

    /** Container Insights metrics per cluster, service, task definition family; enhanced adds per task and container. */
    public record InsightsMetrics(int perCluster, int perService, int perTaskFamily, int enhancedPerTask,
                                  int enhancedPerContainer) {
    }

    public PriceList {
        prices = Map.copyOf(prices);
    }

    /** The price under {@code key}; a missing key is a defect of the data file. */
    public Price price(String key) {
        Price p = prices.get(key);
        if (p == null) {
            throw new IllegalStateException("pricing/" + region + ".json has no price " + key);
        }
        return p;
    }

    /** The bundled us-east-1 list prices. */
    public static PriceList usEast1() {
        String resource = "/pricing/" + REGION + ".json";
        try (InputStream in = PriceList.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return parse(Json.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    static PriceList parse(JsonNode root) {
        Map<String, Price> prices = new LinkedHashMap<>();
        root.path("prices").fields().forEachRemaining(e -> {
            JsonNode p = e.getValue();
            if (!p.path("usd").isNumber()) {
                throw new IllegalStateException("price " + e.getKey() + " has no numeric usd");
            }
            prices.put(e.getKey(), new Price(p.path("usd").decimalValue(), p.path("unit").asText(),
                    p.path("source").asText(), p.path("checked").asText()));
        });
        JsonNode ci = root.path("containerInsights");
        return new PriceList(root.path("region").asText(), root.path("hoursPerMonth").asInt(730), prices,
                new InsightsMetrics(ci.path("metricsPerCluster").asInt(), ci.path("metricsPerService").asInt(),
                        ci.path("metricsPerTaskFamily").asInt(), ci.path("enhancedMetricsPerTask").asInt(),
                        ci.path("enhancedMetricsPerContainer").asInt()));
    }
}
