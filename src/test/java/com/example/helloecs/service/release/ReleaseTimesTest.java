package com.example.helloecs.service.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.example.helloecs.service.WebServiceProps;

/** The release-time arithmetic, and docs/service.md showing its results for the defaults. */
class ReleaseTimesTest {
    private static long defaults(ReleaseStrategy strategy) {
        return ReleaseTimes.seconds(ReleaseProps.builder().strategy(strategy).build(),
                WebServiceProps.DEFAULT_HEALTH_CHECK_INTERVAL_SECONDS, WebServiceProps.DEFAULT_HEALTHY_THRESHOLD,
                WebServiceProps.DEFAULT_DEREGISTRATION_DELAY_SECONDS);
    }

    @Test
    void defaultsPerStrategy() {
        assertThat(defaults(ReleaseStrategy.ROLLING)).isEqualTo(10 + 10 + 180);          // healthy, drain, alarm bake
        assertThat(defaults(ReleaseStrategy.BLUE_GREEN)).isEqualTo(10 + 180 + 10);       // healthy, bake, drain
        assertThat(defaults(ReleaseStrategy.CANARY)).isEqualTo(10 + 180 + 180 + 10);     // + canary bake
        assertThat(defaults(ReleaseStrategy.LINEAR)).isEqualTo(10 + 3 * 180 + 180 + 10); // 4 shifts, 3 step bakes
    }

    @Test
    void linearShiftsRoundUp() {
        assertThat(ReleaseTimes.linearShifts(25)).isEqualTo(4);
        assertThat(ReleaseTimes.linearShifts(10)).isEqualTo(10);
        assertThat(ReleaseTimes.linearShifts(11)).isEqualTo(10);
        assertThat(ReleaseTimes.linearShifts(33.3)).isEqualTo(4);
        assertThat(ReleaseTimes.linearShifts(100)).isEqualTo(1);
    }

    @Test
    void docsShowTheDefaults() throws Exception {
        String doc = Files.readString(Path.of("docs/service.md"));
        for (ReleaseStrategy s : ReleaseStrategy.values()) {
            long t = defaults(s);
            assertThat(doc).as(s.key()).contains("**`F` + " + t / 60 + " min " + t % 60 + " s**");
        }
    }
}
