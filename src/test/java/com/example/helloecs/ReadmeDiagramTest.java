package com.example.helloecs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.example.helloecs.stage.DeploymentStacks;
import com.example.helloecs.support.TestApps;

import software.amazon.awscdk.assertions.Template;

/**
 * README's Mermaid flow diagrams ("How it works") name stacks, outputs, ports and paths of the app: each must be what
 * {@code cdk synth} builds from cdk.json, so a renamed output or a changed port fails here until the picture follows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadmeDiagramTest {
    private String diagrams;
    private DeploymentStacks stacks;
    private Map<String, Object> registry;
    private Map<String, Object> service;

    @BeforeAll
    void synth() throws IOException {
        diagrams = String.join("\n", mermaidBlocks(Files.readString(Path.of("README.md"))));
        stacks = TestApps.stacks(Map.of());
        registry = Template.fromStack(stacks.registry).toJSON();
        service = Template.fromStack(stacks.service).toJSON();
    }

    static List<String> mermaidBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("(?ms)^```mermaid\\n(.*?)^```").matcher(markdown);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    /** Every match of {@code regex}'s first group, in order of appearance. */
    private List<String> all(String regex) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(diagrams);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void twoFlowchartsTheDeployAndTheRequest() throws IOException {
        List<String> blocks = mermaidBlocks(Files.readString(Path.of("README.md")));
        assertThat(blocks).hasSize(2).allSatisfy(b -> assertThat(b).startsWith("flowchart "));
        assertThat(blocks.get(0)).contains("npx cdk deploy --all", "docker build", "docker push");
        assertThat(blocks.get(1)).contains("browser", "load balancer DNS name", "listener", "target group",
                "Fargate task", "Apache httpd");
    }

    /** Each stack appears with its CDK CLI path and its CloudFormation name, the pair README's "Stack names" explains. */
    @Test
    void stackPathsAndNamesAreTheApps() {
        Map<String, String> drawn = new LinkedHashMap<>();
        Matcher m = Pattern.compile("stack (\\S+)<br/>CloudFormation: ([^<\"]+)").matcher(diagrams);
        while (m.find()) {
            drawn.put(m.group(1), m.group(2).strip());
        }
        assertThat(drawn).containsExactly(
                Map.entry(stacks.registry.getNode().getPath(), stacks.registry.getStackName()),
                Map.entry(stacks.service.getNode().getPath(), stacks.service.getStackName()));
        assertThat(all("(hello-ecs/\\w+)")).allSatisfy(path -> assertThat(drawn).containsKey(path));
    }

    /** Drawn as: registry stack, then the image, then the service stack; true because the service depends on it. */
    @Test
    void registryStackComesFirst() {
        assertThat(stacks.service.getDependencies()).containsExactly(stacks.registry);
        String deploy = diagrams.substring(0, diagrams.indexOf("flowchart LR"));
        assertThat(deploy).containsSubsequence("hello-ecs/Registry", "docker build", "docker push",
                "hello-ecs/Service", "output ServiceUrl");
    }

    @Test
    void repositoryIsTheRegistryStacks() {
        Set<String> names = new LinkedHashSet<>();
        resources(registry, "AWS::ECR::Repository").forEach(r -> names.add(String.valueOf(r.get("RepositoryName"))));
        assertThat(all("repository ([a-z0-9._/-]+)")).isNotEmpty().allSatisfy(n -> assertThat(names).contains(n));
    }

    @Test
    void outputsExist() {
        Set<String> outputs = new LinkedHashSet<>();
        outputs.addAll(keys(registry.get("Outputs")));
        outputs.addAll(keys(service.get("Outputs")));
        assertThat(all("output (\\w+)")).contains("ServiceUrl", "LoadBalancerDnsName")
                .allSatisfy(o -> assertThat(outputs).contains(o));
    }

    @Test
    void listenerTargetGroupAndTaskMatchTheTemplate() {
        Matcher listener = Pattern.compile("listener (HTTPS?) :(\\d+)").matcher(diagrams);
        assertThat(listener.find()).isTrue();
        assertThat(resources(service, "AWS::ElasticLoadBalancingV2::Listener"))
                .anySatisfy(l -> assertThat(l).containsEntry("Protocol", listener.group(1))
                        .containsEntry("Port", Integer.parseInt(listener.group(2))));

        List<Map<String, Object>> targetGroups = resources(service, "AWS::ElasticLoadBalancingV2::TargetGroup");
        int port = Integer.parseInt(all("container port (\\d+)").get(0));
        assertThat(targetGroups).singleElement().satisfies(tg -> assertThat(tg)
                .containsEntry("Port", port)
                .containsEntry("TargetType", "ip")
                .containsEntry("HealthCheckPath", all("health check (/[^\\s\"<\\]]*)").get(0)));
        assertThat(diagrams).contains("IP targets");

        Map<String, Object> task = resources(service, "AWS::ECS::TaskDefinition").get(0);
        assertThat(task.get("RequiresCompatibilities").toString()).contains("FARGATE");
        assertThat(task.get("ContainerDefinitions").toString()).contains("ContainerPort=" + port);
    }

    @Test
    void theImageIsApacheServingTheGreeting() throws IOException {
        assertThat(Files.readString(Path.of("docker", "Dockerfile"))).contains("apache2-bin");
        assertThat(Files.readString(Path.of("docker", "index.html"))).contains("Hello From ECS");
        assertThat(diagrams).contains("Apache httpd<br/>Hello From ECS");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> resources(Map<String, Object> template, String type) {
        List<Map<String, Object>> found = new ArrayList<>();
        ((Map<String, Map<String, Object>>) template.get("Resources")).values().stream()
                .filter(r -> type.equals(r.get("Type")))
                .forEach(r -> found.add((Map<String, Object>) r.get("Properties")));
        return found;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> keys(Object map) {
        return map == null ? Set.of() : ((Map<String, Object>) map).keySet();
    }
}
