package com.example.helloecs.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.example.helloecs.config.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import software.amazon.awscdk.assertions.Template;

/** Read access to the CodePipeline resource of a synthesized pipeline stack: stages, actions, build specs. */
final class PipelineTemplate {
    private final Map<String, Object> resources;
    private final List<Map<String, Object>> stages;

    @SuppressWarnings("unchecked")
    PipelineTemplate(Template template) {
        Map<String, Object> json = Json.MAPPER.convertValue(template.toJSON(), new TypeReference<>() { });
        this.resources = (Map<String, Object>) json.get("Resources");
        Map<String, Map<String, Object>> pipelines = template.findResources("AWS::CodePipeline::Pipeline");
        assertThat(pipelines).hasSize(1);
        Map<String, Object> props = (Map<String, Object>) pipelines.values().iterator().next().get("Properties");
        this.stages = (List<Map<String, Object>>) props.get("Stages");
    }

    List<String> stageNames() {
        return stages.stream().map(s -> (String) s.get("Name")).toList();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> actions(String stageName) {
        return stages.stream().filter(s -> stageName.equals(s.get("Name"))).findFirst()
                .map(s -> (List<Map<String, Object>>) s.get("Actions"))
                .orElseThrow(() -> new AssertionError("no stage " + stageName + " in " + stageNames()));
    }

    Map<String, Object> action(String stageName, String actionName) {
        return actions(stageName).stream().filter(a -> actionName.equals(a.get("Name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no action " + actionName + " in stage " + stageName));
    }

    static String provider(Map<String, Object> action) {
        return (String) ((Map<?, ?>) action.get("ActionTypeId")).get("Provider");
    }

    static int runOrder(Map<String, Object> action) {
        return ((Number) action.get("RunOrder")).intValue();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> configuration(Map<String, Object> action) {
        return (Map<String, Object>) action.get("Configuration");
    }

    /** The CodeBuild action's environment variables (a JSON string in the template), name -> value. */
    static Map<String, Object> environmentVariables(Map<String, Object> action) throws JsonProcessingException {
        List<Map<String, Object>> vars = Json.MAPPER.readValue((String) configuration(action).get("EnvironmentVariables"),
                new TypeReference<>() { });
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        vars.forEach(v -> out.put((String) v.get("name"), v.get("value")));
        return out;
    }

    /** The parsed build spec of the CodeBuild project a CodeBuild action runs. */
    @SuppressWarnings("unchecked")
    Map<String, Object> buildSpec(Map<String, Object> codeBuildAction) throws JsonProcessingException {
        String logicalId = (String) ((Map<?, ?>) configuration(codeBuildAction).get("ProjectName")).get("Ref");
        Map<String, Object> project = (Map<String, Object>) resources.get(logicalId);
        Map<String, Object> source = (Map<String, Object>) ((Map<String, Object>) project.get("Properties")).get("Source");
        return Json.MAPPER.readValue((String) source.get("BuildSpec"), new TypeReference<>() { });
    }

    @SuppressWarnings("unchecked")
    List<String> commands(Map<String, Object> codeBuildAction, String phase) throws JsonProcessingException {
        Map<String, Object> phases = (Map<String, Object>) buildSpec(codeBuildAction).get("phases");
        Object commands = ((Map<String, Object>) phases.get(phase)).get("commands");
        return commands instanceof List<?> list ? (List<String>) list : List.of((String) commands);
    }
}
