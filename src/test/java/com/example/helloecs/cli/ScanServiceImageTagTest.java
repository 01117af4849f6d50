package com.example.helloecs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service's image tag from a cloud assembly (fixture trimmed from a real `cdk synth` of this app). */
class ScanServiceImageTagTest {
    static final Path CDK_OUT = Path.of("src/test/resources/cli/cdk.out");

    @Test
    void findsTheDeploymentStacksImageAssetTag() {
        assertThat(ServiceImageTag.find(CDK_OUT, "hello-ecs-service", "hello-ecs"))
                .isEqualTo("c19ec73176d4270310ac0cd1e14ed9abf73264570b2f1a5bc2198f7e84ced8ad");
    }

    @Test
    void otherRepository_hasNoTag() {
        assertThatThrownBy(() -> ServiceImageTag.find(CDK_OUT, "hello-ecs-service", "other"))
                .isInstanceOf(UserError.class).hasMessageContaining("has 0 image assets for repository other")
                .hasMessageContaining("--tag");
    }

    @Test
    void stackOfAnotherEnvironment_isNotSynthesized() {
        assertThatThrownBy(() -> ServiceImageTag.find(CDK_OUT, "hello-ecs-dev-service", "hello-ecs"))
                .isInstanceOf(UserError.class).hasMessageContaining("stack hello-ecs-dev-service is not in");
    }

    @Test
    void missingCdkOut_saysToSynthOrPassTag(@TempDir Path empty) {
        assertThatThrownBy(() -> ServiceImageTag.find(empty.resolve("cdk.out"), "hello-ecs-service", "hello-ecs"))
                .isInstanceOf(UserError.class).hasMessageContaining("npx cdk synth").hasMessageContaining("--tag");
    }
}
