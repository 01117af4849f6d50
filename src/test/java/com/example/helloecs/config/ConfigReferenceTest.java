package com.example.helloecs.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The configuration reference in docs/configuration.md is generated from the catalogue
 * ({@code bin/update-config-reference}); this keeps the two from drifting.
 */
class ConfigReferenceTest {
    static final String START = "<!-- config-reference:start (generated: ./bin/hello-ecs config reference) -->\n";
    static final String END = "<!-- config-reference:end -->";

    @Test
    void docsEmbedTheGeneratedReferenceVerbatim() throws Exception {
        String readme = Files.readString(Path.of("docs", "configuration.md"));
        assertThat(readme).contains(START).contains(END);
        String embedded = readme.substring(readme.indexOf(START) + START.length(), readme.indexOf(END));
        assertThat(embedded).isEqualTo(Settings.referenceTable());
    }

    @Test
    void everyKeyHasTypeAllowedValuesAndDescription() {
        assertThat(Settings.ALL).allSatisfy(s -> {
            assertThat(s.allowed()).as(s.key()).isNotBlank();
            assertThat(s.description()).as(s.key()).isNotBlank();
            assertThat(Settings.referenceTable()).contains("| `" + s.key() + "` | " + s.type().label() + " |");
        });
    }
}
