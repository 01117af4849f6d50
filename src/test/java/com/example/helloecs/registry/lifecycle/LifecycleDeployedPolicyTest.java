package com.example.helloecs.registry.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.example.helloecs.config.ConfigException;
import com.example.helloecs.config.ConfigReader;

/** The preview evaluates the rules read back from the deployed text, which is LifecyclePolicy.toJson's. */
class LifecycleDeployedPolicyTest {
    @Test
    void textIsTheDeployedTextAndRulesRoundTrip() {
        var configured = ConfigReader.read(Map.of()).deployment().registry().lifecycleRules();
        DeployedPolicy policy = DeployedPolicy.of(configured);
        assertThat(policy.text()).isEqualTo(LifecyclePolicy.toJson(configured));
        assertThat(policy.rules()).isEqualTo(configured);
        assertThat(LifecyclePolicy.toJson(policy.rules())).isEqualTo(policy.text());
    }

    @Test
    void invalidPolicyText_isRejectedWithTheProblem() {
        assertThatThrownBy(() -> DeployedPolicy.parse("{\"rules\": [{\"rulePriority\": 1}]}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("lifecyclePolicyText[0].selection");
        assertThatThrownBy(() -> DeployedPolicy.parse("{\"rules\": ["))
                .isInstanceOf(ConfigException.class).hasMessageContaining("valid JSON");
    }
}
