package com.example.helloecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The gate arithmetic and the report of a scan. */
class ScanResultTest {
    static final ScanResult RESULT = new ScanResult("repo", "v1", "sha256:d", "COMPLETE",
            Map.of(Severity.LOW, 3, Severity.HIGH, 1, Severity.INFORMATIONAL, 2),
            List.of(new ScanResult.Finding(Severity.LOW, "CVE-L1", "libl", "1", null),
                    new ScanResult.Finding(Severity.HIGH, "CVE-H1", "libh", "2", "https://example.test/h1"),
                    new ScanResult.Finding(Severity.LOW, "CVE-L0", null, null, null)));

    @ParameterizedTest
    @CsvSource({"CRITICAL, 0", "HIGH, 1", "MEDIUM, 1", "LOW, 4", "INFORMATIONAL, 6", "UNDEFINED, 6"})
    void countAtLeast_includesTheThresholdAndWorse(Severity threshold, int expected) {
        assertThat(RESULT.countAtLeast(threshold)).isEqualTo(expected);
    }

    @Test
    void severityOf_unknownValuesRankLowest() {
        assertThat(Severity.of("critical")).isEqualTo(Severity.CRITICAL);
        assertThat(Severity.of("SOMETHING_NEW")).isEqualTo(Severity.UNTRIAGED);
        assertThat(Severity.UNTRIAGED.atLeast(Severity.LOW)).isFalse();
    }

    @Test
    void table_listsCountsMostSevereFirstAndTruncatesTopFindings() {
        assertThat(RESULT.table(2))
                .containsSubsequence("HIGH          1", "LOW           3", "INFORMATIONAL 2")
                .containsSubsequence("CVE-H1", "libh 2", "https://example.test/h1", "CVE-L0")
                .contains("... and 1 more (--top N)")
                .doesNotContain("CVE-L1");
    }

    @Test
    void json_reportsTheGate() {
        assertThat(RESULT.json(1, Severity.MEDIUM))
                .contains("\"findingSeverityCounts\":{\"HIGH\":1,\"LOW\":3,\"INFORMATIONAL\":2}",
                        "\"failOn\":\"MEDIUM\",\"findingsAtOrAboveFailOn\":1", "CVE-H1")
                .doesNotContain("CVE-L0");
    }
}
