package com.example.helloecs.config;

import static com.example.helloecs.support.PipelineFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.example.helloecs.support.PipelineFixtures;
import com.example.helloecs.support.TestApps;

/** Environment selection and pipeline configuration, read from plain maps (no synthesis). */
class EnvironmentConfigTest {

    private static Map<String, Object> with(Map<String, Object> base, Object... keysAndValues) {
        Map<String, Object> out = new LinkedHashMap<>(base);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] == null) {
                out.remove((String) keysAndValues[i]);
            } else {
                out.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return out;
    }

    private static List<Problem> problems(Map<String, Object> overrides) {
        try {
            TestApps.config(overrides);
        } catch (ConfigException e) {
            return e.problems();
        }
        throw new AssertionError("expected a ConfigException for " + overrides);
    }

    @Test
    void defaultSelectsNoEnvironmentAndNoAccount() {
        AppConfig config = TestApps.config(Map.of("environments", environments()));

        assertThat(config.deployment().isDefault()).isTrue();
        assertThat(config.deployment().account()).isNull();
        assertThat(config.deployment().region()).isNull();
        assertThat(config.pipeline()).isEmpty();
    }

    @Test
    void selectingAnEnvironmentAppliesItsAccountRegionAndOverrides() {
        Deployment base = TestApps.config(Map.of()).deployment();
        Deployment dev = TestApps.config(Map.of("environments", environments(), "env", "dev")).deployment();

        assertThat(dev.name()).isEqualTo("dev");
        assertThat(dev.account()).isEqualTo(DEV_ACCOUNT);
        assertThat(dev.region()).isEqualTo(REGION);
        assertThat(dev.approval()).isFalse();
        assertThat(base.settings().get(Settings.DESIRED_COUNT)).isNotEqualTo(1);
        assertThat(dev.settings().get(Settings.DESIRED_COUNT)).isEqualTo(1);
        assertThat(dev.settings().get(Settings.MIN_CAPACITY)).isEqualTo(1);
        // Keys the environment does not override keep the context's value.
        assertThat(dev.registry().repositoryName()).isEqualTo(base.registry().repositoryName());
        assertThat(Names.stageId(TestApps.config(Map.of()).appName(), dev)).isEqualTo("hello-ecs-dev");
    }

    @Test
    void environmentOverridesWinOverCommandLineContext() {
        Deployment prod = TestApps.config(Map.of("environments", environments(), "env", "prod",
                "service.desiredCount", "5", "service.maxCapacity", "8")).deployment();

        assertThat(prod.approval()).isTrue();
        assertThat(prod.settings().get(Settings.DESIRED_COUNT)).isEqualTo(3);
        assertThat(prod.settings().get(Settings.MAX_CAPACITY)).isEqualTo(6);
    }

    @Test
    void unknownEnvironmentNameListsTheDefinedOnes() {
        assertThat(problems(Map.of("environments", environments(), "env", "staging")))
                .containsExactly(Problem.of("env", "staging", "one of the environments defined: dev, prod"));
    }

    /** The examples cdk.json ships (docs/configuration.md): a region, no account, so they synthesize offline. */
    @Test
    void shippedExampleEnvironmentsNeedNoAccount() {
        Deployment dev = TestApps.config(Map.of("env", "dev")).deployment();
        Deployment prod = TestApps.config(Map.of("env", "prod")).deployment();
        assertThat(dev.account()).isNull();
        assertThat(dev.region()).isEqualTo("eu-west-1");
        assertThat(dev.settings().get(Settings.DESIRED_COUNT)).isEqualTo(1);
        assertThat(prod.account()).isNull();
        assertThat(prod.region()).isEqualTo("eu-central-1");
        assertThat(prod.settings().get(Settings.DESIRED_COUNT)).isEqualTo(3);
        assertThat(TestApps.config(Map.of()).deployment().isDefault()).isTrue();
    }

    @Test
    void selectingAnEnvironmentWhenNoneIsDefinedSaysSo() {
        assertThat(problems(Map.of("env", "dev", "environments", Map.of()))).singleElement()
                .satisfies(p -> assertThat(p.expected()).contains("no environments are defined"));
    }

    @Test
    void caseInsensitiveDuplicateAndReservedEnvironmentNamesAreRejected() {
        Map<String, Object> envs = new LinkedHashMap<>(environments());
        envs.put("DEV", Map.of("account", DEV_ACCOUNT, "region", REGION));
        envs.put("default", Map.of("account", DEV_ACCOUNT, "region", REGION));

        assertThat(problems(Map.of("environments", envs)))
                .contains(Problem.of("environments", "DEV", "unique environment names other than \"default\""),
                        Problem.of("environments", "default", "unique environment names other than \"default\""));
    }

    @Test
    void pipelineReadsSourceAndStagesInTheOrderDefined() {
        PipelineConfig pipeline = TestApps.config(pipelineContext()).pipeline().orElseThrow();

        assertThat(pipeline.repository()).isEqualTo(REPOSITORY);
        assertThat(pipeline.branch()).isEqualTo(BRANCH);
        assertThat(pipeline.connectionArn()).isEqualTo(CONNECTION_ARN);
        assertThat(pipeline.account()).isEqualTo(TOOLS_ACCOUNT);
        assertThat(pipeline.stages()).extracting(Deployment::name).containsExactly("dev", "prod");
        assertThat(pipeline.stages()).extracting(Deployment::approval).containsExactly(false, true);
        assertThat(pipeline.crossAccount()).isTrue();
        assertThat(pipeline.scanGate()).isEqualTo("off");
    }

    @Test
    void pipelineEnvironmentsChooseTheOrderAndTheAccountDefaultsToTheFirstStage() {
        PipelineConfig pipeline = TestApps.config(with(pipelineContext(), "pipeline.environments", "prod,dev",
                "pipeline.account", null, "pipeline.region", null)).pipeline().orElseThrow();

        assertThat(pipeline.stages()).extracting(Deployment::name).containsExactly("prod", "dev");
        assertThat(pipeline.account()).isEqualTo(PROD_ACCOUNT);
        assertThat(pipeline.region()).isEqualTo(PROD_REGION);
    }

    @Test
    void sameAccountPipelineNeedsNoCrossAccountKeys() {
        PipelineConfig pipeline = TestApps.config(with(pipelineContext(), "pipeline.environments", "dev",
                "pipeline.account", DEV_ACCOUNT)).pipeline().orElseThrow();

        assertThat(pipeline.crossAccount()).isFalse();
    }

    @Test
    void pipelineWithoutBranchOrConnectionReportsBoth() {
        assertThat(problems(with(pipelineContext(), "pipeline.branch", null, "pipeline.connectionArn", null)))
                .containsExactlyInAnyOrder(
                        Problem.of("pipeline.branch", null, "a branch name (required when pipeline.repository is set)"),
                        Problem.of("pipeline.connectionArn", null,
                                "a connection ARN (required when pipeline.repository is set)"));
    }

    @Test
    void malformedConnectionArnIsRejected() {
        assertThat(problems(with(pipelineContext(), "pipeline.connectionArn", "my-connection")))
                .singleElement().satisfies(p -> {
                    assertThat(p.key()).isEqualTo("pipeline.connectionArn");
                    assertThat(p.value()).isEqualTo("\"my-connection\"");
                    assertThat(p.expected()).contains("arn:aws:codeconnections:");
                });
    }

    @Test
    void environmentWithoutAccountOrRegionIsFineForCdkDeployButNotForThePipeline() {
        Map<String, Object> envs = new LinkedHashMap<>();
        envs.put("dev", Map.of("region", REGION));
        envs.put("prod", Map.of("account", PROD_ACCOUNT));

        assertThat(TestApps.config(Map.of("environments", envs, "env", "dev")).deployment().account()).isNull();
        assertThat(problems(with(pipelineContext(), "environments", envs)))
                .contains(Problem.of("environments.dev.account", null,
                                "a value: the pipeline deploys to explicit environments (account and region)"),
                        Problem.of("environments.prod.region", null,
                                "a value: the pipeline deploys to explicit environments (account and region)"));
    }

    @Test
    void duplicateOrUnknownPipelineEnvironmentsAreRejected() {
        List<Problem> problems = problems(with(pipelineContext(), "pipeline.environments", "dev,prod,dev,qa"));

        assertThat(problems).extracting(Problem::key).containsOnly("pipeline.environments");
        assertThat(problems).extracting(Problem::expected).anySatisfy(e -> assertThat(e).contains("\"dev\" appears more than once"));
        assertThat(problems).contains(Problem.of("pipeline.environments", "qa",
                "names defined under `environments`: dev, prod"));
    }

    @Test
    void everyProblemIsReportedTogether() {
        Map<String, Object> envs = new LinkedHashMap<>(PipelineFixtures.environments());
        envs.put("qa", Map.of("region", REGION));
        List<Problem> problems = problems(with(pipelineContext(), "environments", envs, "pipeline.environments", null,
                "pipeline.branch", null, "pipeline.connectionArn", null, "pipeline.scanGate", "SEVERE", "env", "stage"));

        assertThat(problems).extracting(Problem::key).contains("env", "pipeline.branch", "pipeline.connectionArn",
                "pipeline.scanGate", "environments.qa.account");
    }

    @Test
    void pipelineKeysWithoutARepositoryAreRejected() {
        assertThat(problems(Map.of("pipeline.branch", "main")))
                .containsExactly(Problem.of("pipeline.branch", "main", "no value unless pipeline.repository is set"));
    }
}
