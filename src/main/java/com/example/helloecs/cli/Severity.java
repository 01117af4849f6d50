package com.example.helloecs.cli;

import java.util.Locale;

/**
 * Finding severities, most severe first. Basic scanning reports CRITICAL..INFORMATIONAL and UNDEFINED; enhanced
 * scanning (Amazon Inspector) may also report UNTRIAGED (ECR API reference, ImageScanFindings.findingSeverityCounts
 * and EnhancedImageScanFinding.severity). UNTRIAGED and unknown values rank lowest.
 */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL, UNDEFINED, UNTRIAGED;

    /** Whether this severity is at or above {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    public static Severity of(String value) {
        try {
            return value == null ? UNDEFINED : valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNTRIAGED;
        }
    }
}
