package com.example.helloecs.cli;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.example.helloecs.config.Json;

/**
 * A completed image scan: counts by severity and every finding.
 *
 * @param repository repository name
 * @param tag        image tag
 * @param digest     image digest
 * @param status     scan status (COMPLETE or ACTIVE)
 * @param counts     findings by severity, as ECR counts them
 * @param findings   all findings, most severe first
 */
public record ScanResult(String repository, String tag, String digest, String status, Map<Severity, Integer> counts,
                         List<Finding> findings) {

    /** One finding. */
    public record Finding(Severity severity, String name, String packageName, String packageVersion, String uri) {
    }

    public ScanResult {
        EnumMap<Severity, Integer> sorted = new EnumMap<>(Severity.class);
        sorted.putAll(counts);
        counts = java.util.Collections.unmodifiableMap(sorted);
        findings = findings.stream().sorted(Comparator.comparing(Finding::severity)
                .thenComparing(Finding::name, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
    }

    /** Findings at or above the threshold, by ECR's counts. */
    public int countAtLeast(Severity threshold) {
        return counts.entrySet().stream().filter(e -> e.getKey().atLeast(threshold))
                .mapToInt(Map.Entry::getValue).sum();
    }

    public String table(int top) {
        StringBuilder out = new StringBuilder();
        out.append("Scan of ").append(repository).append(':').append(tag).append(" (").append(digest).append("): ")
                .append(status).append('\n');
        if (counts.isEmpty()) {
            out.append("No findings.\n");
        } else {
            counts.forEach((s, n) -> out.append(String.format("  %-13s %d%n", s, n)));
        }
        if (!findings.isEmpty() && top > 0) {
            out.append("Top findings:\n");
            findings.stream().limit(top).forEach(f -> out.append(String.format("  %-13s %-20s %s%s%n", f.severity(),
                    f.name(), f.packageName() == null ? "" : f.packageName()
                            + (f.packageVersion() == null ? "" : " " + f.packageVersion()),
                    f.uri() == null ? "" : "  " + f.uri())));
            if (findings.size() > top) {
                out.append("  ... and ").append(findings.size() - top).append(" more (--top N)\n");
            }
        }
        return out.toString();
    }

    /** JSON; with a threshold, also {@code failOn} and how many findings are at or above it. */
    public String json(int top, Severity failOn) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("repository", repository);
        out.put("imageTag", tag);
        out.put("imageDigest", digest);
        out.put("status", status);
        Map<String, Integer> c = new LinkedHashMap<>();
        counts.forEach((s, n) -> c.put(s.name(), n));
        out.put("findingSeverityCounts", c);
        if (failOn != null) {
            out.put("failOn", failOn.name());
            out.put("findingsAtOrAboveFailOn", countAtLeast(failOn));
        }
        out.put("topFindings", findings.stream().limit(top).toList());
        return Json.write(out) + "\n";
    }
}
