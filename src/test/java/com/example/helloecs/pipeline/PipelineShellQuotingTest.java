package com.example.helloecs.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Values passed to {@code cdk synth -c} reach it unchanged, whatever they contain. */
class PipelineShellQuotingTest {

    @Test
    void quotedValuesSurviveTheShellUnchanged() throws Exception {
        String value = "pipeline.branch=it's $HOME `x` \"q\" ; rm -rf /";
        Process p = new ProcessBuilder("bash", "-c", "printf %s " + Shell.quote(value)).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.waitFor()).isZero();
        assertThat(out).isEqualTo(value);
    }
}
