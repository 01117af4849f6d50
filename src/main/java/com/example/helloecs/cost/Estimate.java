package com.example.helloecs.cost;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        int[] width = new int[4];
        for (String[] r : rows) {
            for (int i = 0; i < 4; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
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
        String regionNote = regionNote();
        if (regionNote != null) {
            out.append("Note: ").append(regionNote).append('\n');
        }
        for (String n : notes) {
            out.append("Note: ").append(n).append('\n');
        }
        out.append(NOT_INCLUDED).append('\n');
        return out.toString();
    }

    public String json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("stage", stage);
        root.put("region", region);
        root.put("priceRegion", priceRegion);
        root.put("currency", "USD");
        root.put("hoursPerMonth", hoursPerMonth);
        List<Map<String, Object>> items = new ArrayList<>();
        for (Line l : lines) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("resource", l.resource());
            m.put("id", l.id());
            m.put("quantity", plainNumber(l.quantity()));
            m.put("unit", l.unit());
            m.put("unitPriceUsd", plainNumber(l.unitPrice()));
            m.put("monthlyUsd", l.monthly());
            m.put("priceKey", l.priceKey());
            items.add(m);
        }
        root.put("lines", items);
        root.put("totalUsd", total());
        Map<String, Object> assumed = new LinkedHashMap<>();
        assumed.put("lcuPerHour", plainNumber(assumptions.lcu()));
        assumed.put("natGbPerMonth", plainNumber(assumptions.natGb()));
        assumed.put("logGbPerMonthPerLogGroup", plainNumber(assumptions.logGb()));
        assumed.put("imageMb", plainNumber(assumptions.imageMb()));
        assumed.put("imagesWithoutCountLimit", assumptions.images());
        root.put("assumptions", assumed);
        List<String> allNotes = new ArrayList<>();
        if (regionNote() != null) {
            allNotes.add(regionNote());
        }
        allNotes.addAll(notes);
        allNotes.add(NOT_INCLUDED);
        root.put("notes", allNotes);
        return Json.write(root) + "\n";
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
