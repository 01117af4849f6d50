package com.example.helloecs.pipeline;

import java.util.List;
import java.util.Map;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.pipelines.ShellStep;

/**
 * Post-deployment smoke test: reads the service URL from the deployed stack's output and fails the pipeline unless
 * the URL answers HTTP 200 with a body containing {@value #EXPECTED_TEXT} within a bounded number of attempts.
 * Defaults: {@value #DEFAULT_ATTEMPTS} attempts, {@value #DEFAULT_DELAY_SECONDS} s apart, each request timing out
 * after {@value #REQUEST_TIMEOUT_SECONDS} s (about 6 minutes in all).
 */
public final class SmokeTest {
    /** Construct ID of the step. */
    public static final String ID = "SmokeTest";
    /** Environment variable the URL is passed in. */
    public static final String URL_VARIABLE = "SERVICE_URL";
    public static final String EXPECTED_TEXT = "Hello From ECS";
    public static final int DEFAULT_ATTEMPTS = 30;
    public static final int DEFAULT_DELAY_SECONDS = 10;
    public static final int REQUEST_TIMEOUT_SECONDS = 5;

    private SmokeTest() {
    }

    /** The step, reading {@value #URL_VARIABLE} from the given output of the deployed stage. */
    public static ShellStep create(CfnOutput serviceUrl) {
        return ShellStep.Builder.create(ID)
                .envFromCfnOutputs(Map.of(URL_VARIABLE, serviceUrl))
                .commands(commands(DEFAULT_ATTEMPTS, DEFAULT_DELAY_SECONDS))
                .build();
    }

    /**
     * One shell command (CodeBuild runs each list entry separately, so the loop must be a single entry). It ends
     * with a {@code test} so that the command's exit status is the verdict; {@code exit} is avoided on purpose.
     */
    public static List<String> commands(int attempts, int delaySeconds) {
        String url = "\"$" + URL_VARIABLE + "\"";
        return List.of("ok=0; for i in $(seq 1 " + attempts + "); do "
                + "status=$(curl -sS -o body.html -w '%{http_code}' --max-time " + REQUEST_TIMEOUT_SECONDS + " "
                + url + " || true); "
                + "if [ \"$status\" = 200 ] && grep -q " + Shell.quote(EXPECTED_TEXT) + " body.html; "
                + "then ok=1; echo \"" + url.replace("\"", "") + " answered 200 with '" + EXPECTED_TEXT
                + "' (attempt $i)\"; break; fi; "
                + "echo \"attempt $i/" + attempts + ": HTTP $status\"; sleep " + delaySeconds + "; done; "
                + "test \"$ok\" = 1");
    }
}
