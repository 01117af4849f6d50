package com.example.helloecs.cost;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.example.helloecs.config.Json;

/**
 * A priced environment: its lines, total and notes, rendered as a table or JSON.
 *
 * @param stage         the deployment (stage) priced
 * @param region        the deployment's region; {@code null} when environment-agnostic
 * @param priceRegion   the region of the list prices used
 * @param hoursPerMonth hours in the month
 * @param lines         one per resource and usage dimension
 * @param assumptions   the assumed usage
 * @param notes         assumptions made while reading, and what is not priced
 */
public record Estimate(String stage, String region, String priceRegion, int hoursPerMonth, List<Line> lines,
                       Assumptions assumptions, List<String> notes) {

    /** What is never priced, whatever the templates hold. */
    static final String NOT_INCLUDED = "Not included: data transfer out to the internet and between AZs, S3 (ALB "
            + "access logs), SNS, CloudWatch API/request charges, KMS key rotation after the first year, "
            + "free tier, Savings Plans.";

    /**
     * @param resource  what is priced
     * @param id        {@code STACK/LogicalId}, or {@code null} for a line about several resources
     * @param quantity  units used in the month
     * @param unit      the unit of the price
     * @param unitPrice USD per unit
     * @param monthly   quantity x unit price, rounded to cents
     * @param priceKey  the key in the price file
     */
    public record Line(String resource, String id, BigDecimal quantity, String unit, BigDecimal unitPrice,
                       BigDecimal monthly, String priceKey) {
    }

    public Estimate {
        lines = List.copyOf(lines);
        notes = List.copyOf(notes);
    }

    /** The sum of the lines as shown (each already rounded to cents). */
    public BigDecimal total() {
        return lines.stream().map(Line::monthly).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** The note every figure needs when the deployment is not in the price file's region. */
    public String regionNote() {
        if (priceRegion.equals(region)) {
            return null;
        }
        return (region == null ? "The stacks are environment-agnostic (region chosen at deploy time)"
                : "The stacks deploy to " + region) + ": figures are " + priceRegion
                + " list prices; other regions differ.";
    }

    public String table() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"RESOURCE", "QUANTITY", "UNIT PRICE", "MONTHLY USD"});
        for (Line l : lines) {
            rows.add(new String[] {l.resource() + (l.id() == null ? "" : "  " + shortId(l.id())),
                    CostModel.plain(l.quantity()) + " " + l.unit(), "$" + price(l.unitPrice()),
                    l.monthly().toPlainString()});
        }
        rows.add(new String[] {"TOTAL", "", "", total().toPlainString()});
        int[] width = IntStream.range(0, 4).map(i -> rows.stream().mapToInt(r -> r[i].length()).max().orElse(0))
                .toArray();
        StringBuilder out = new StringBuilder();
        out.append("Monthly list price of ").append(stage).append(" (").append(hoursPerMonth)
                .append(" hours/month, USD, ").append(priceRegion).append(" prices)\n");
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            if (i == rows.size() - 1) {
                out.append("-".repeat(width[0] + width[1] + width[2] + width[3] + 6)).append('\n');
            }
            out.append(String.format("%-" + width[0] + "s  %-" + width[1] + "s  %" + width[2] + "s  %" + width[3]
                    + "s%n", r[0], r[1], r[2], r[3]));
        }
        out.append("Assumed: --lcu ").append(CostModel.plain(assumptions.lcu())).append(" LCU/hour, --nat-gb ")
                .append(CostModel.plain(assumptions.natGb())).append(" GB/month, --log-gb ")
                .append(CostModel.plain(assumptions.logGb())).append(" GB/month per log group, --image-mb ")
                .append(CostModel.plain(assumptions.imageMb())).append(" MB per image.\n");
        allNotes().forEach(n -> out.append("Note: ").append(n).append('\n'));
        out.append(NOT_INCLUDED).append('\n');
        return out.toString();
    }

    public String json() {
        List<Map<String, Object>> items = lines.stream().map(l -> Json.ordered(
                "resource", l.resource(),
                "id", l.id(),
                "quantity", plainNumber(l.quantity()),
                "unit", l.unit(),
                "unitPriceUsd", plainNumber(l.unitPrice()),
                "monthlyUsd", l.monthly(),
                "priceKey", l.priceKey())).toList();
        Map<String, Object> assumed = Json.ordered(
                "lcuPerHour", plainNumber(assumptions.lcu()),
                "natGbPerMonth", plainNumber(assumptions.natGb()),
                "logGbPerMonthPerLogGroup", plainNumber(assumptions.logGb()),
                "imageMb", plainNumber(assumptions.imageMb()),
                "imagesWithoutCountLimit", assumptions.images());
        return Json.write(Json.ordered("stage", stage, "region", region, "priceRegion", priceRegion,
                "currency", "USD", "hoursPerMonth", hoursPerMonth, "lines", items, "totalUsd", total(),
                "assumptions", assumed, "notes", Stream.concat(allNotes(), Stream.of(NOT_INCLUDED)).toList())) + "\n";
    }

    /** The notes, after the region note when there is one. */
    private Stream<String> allNotes() {
        return Stream.concat(Stream.ofNullable(regionNote()), notes.stream());
    }

    /** Without trailing zeros and never in exponent form (Jackson writes 7.3E+2 for a stripped 730). */
    private static BigDecimal plainNumber(BigDecimal v) {
        return new BigDecimal(v.stripTrailingZeros().toPlainString());
    }

    /** A unit price with at least two decimals ($0.50, $0.004445). */
    static String price(BigDecimal usd) {
        BigDecimal p = usd.stripTrailingZeros();
        return (p.scale() < 2 ? p.setScale(2) : p).toPlainString();
    }

    /** {@code STACK/LogicalId} shown as the logical ID only. */
    private static String shortId(String id) {
        return id.substring(id.indexOf('/') + 1);
    }
}
