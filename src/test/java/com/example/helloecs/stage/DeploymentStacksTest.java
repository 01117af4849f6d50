package com.example.helloecs.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.example.helloecs.config.Json;
import com.example.helloecs.support.TestApps;
import com.fasterxml.jackson.databind.JsonNode;

import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cloud_assembly_schema.ArtifactType;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.CloudAssembly;

/**
 * The deployment's wiring: two stacks split by lifetime, at the top level of the cloud assembly (so
 * {@code cdk deploy --all} selects them), and the image built after the registry stack and delivered into its
 * private repository.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeploymentStacksTest {
    private DeploymentStacks stage;
    private Template registry;
    private Template service;
    private CloudAssembly assembly;

    @BeforeAll
    void synthesize() {
        stage = TestApps.stacks(Map.of("registry.repositoryName", "team/web"));
        registry = Template.fromStack(stage.registry);
        service = Template.fromStack(stage.service);
        assembly = TestApps.appOf(stage).synth();
    }

    @Test
    void holdsARegistryStackAndAServiceStackThatDependsOnIt() {
        assertThat(stage.id).isEqualTo("hello-ecs");
        assertThat(stage.registry.getStackName()).isEqualTo("hello-ecs-registry");
        assertThat(stage.service.getStackName()).isEqualTo("hello-ecs-service");
        assertThat(stage.service.getDependencies()).containsExactly(stage.registry);
        assertThat(assembly.getStacks()).hasSize(2);
    }

    @Test
    void stacksAreTopLevelInTheCloudAssemblySoDeployAllSelectsThem() {
        assertThat(assembly.getStacks()).extracting(s -> s.getHierarchicalId() + " " + s.getStackName())
                .containsExactlyInAnyOrder("hello-ecs/Registry hello-ecs-registry", "hello-ecs/Service hello-ecs-service");
        assertThat(assembly.getManifest().getArtifacts().values())
                .noneMatch(a -> a.getType() == ArtifactType.NESTED_CLOUD_ASSEMBLY);
    }

    @Test
    void theImageIsBuiltOnlyAfterTheRegistryStackHasCreatedItsRepository() throws Exception {
        // The CLI's work graph makes an asset's build wait for the stacks its asset manifest artifact depends on.
        JsonNode artifacts = Json.MAPPER.readTree(new java.io.File(assembly.getDirectory(), "manifest.json"))
                .get("artifacts");
        JsonNode serviceAssets = artifacts.get(stage.service.getArtifactId() + ".assets");
        JsonNode registryAssets = artifacts.get(stage.registry.getArtifactId() + ".assets");

        assertThat(serviceAssets.get("type").asText()).isEqualTo("cdk:asset-manifest");
        assertThat(serviceAssets.get("dependencies")).containsExactly(
                Json.MAPPER.valueToTree(stage.registry.getArtifactId()));
        // Everything else as DefaultStackSynthesizer writes it (compared with the registry stack's own).
        JsonNode expected = registryAssets.get("properties").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) expected).put("file",
                stage.service.getArtifactId() + ".assets.json");
        assertThat(serviceAssets.get("properties")).isEqualTo(expected);
        assertThat(artifacts.at("/" + stage.service.getArtifactId() + "/dependencies").toString())
                .contains(stage.service.getArtifactId() + ".assets", stage.registry.getArtifactId());
    }

    @Test
    void isEnvironmentAgnosticByDefault() {
        assertThat(stage.registry.getAccount()).startsWith("${Token[");
        assertThat(stage.service.getRegion()).startsWith("${Token[");
    }

    @Test
    void imageAssetIsPublishedIntoThePrivateRepository() throws Exception {
        JsonNode manifest = Json.MAPPER.readTree(new java.io.File(assembly.getDirectory(),
                stage.service.getArtifactId() + ".assets.json"));
        JsonNode images = manifest.get("dockerImages");
        assertThat(images.size()).isEqualTo(1);
        JsonNode image = images.elements().next();
        assertThat(image.at("/source/platform").asText()).isEqualTo("linux/amd64");
        assertThat(image.at("/source/dockerBuildArgs/PORT").asText()).isEqualTo("8080");
        JsonNode destination = image.get("destinations").elements().next();
        assertThat(destination.get("repositoryName").asText()).isEqualTo("team/web");
        assertThat(destination.get("imageTag").asText()).isEqualTo(images.fieldNames().next());
    }

    @Test
    void taskDefinitionRunsTheImageFromThePrivateRepositoryTaggedWithTheAssetHash() {
        service.hasResourceProperties("AWS::ECS::TaskDefinition", Match.objectLike(Map.of(
                "ContainerDefinitions", List.of(Match.objectLike(Map.of(
                        "Image", Map.of("Fn::Sub", Match.stringLikeRegexp(
                                "\\$\\{AWS::AccountId\\}\\.dkr\\.ecr\\.\\$\\{AWS::Region\\}\\.\\$\\{AWS::URLSuffix\\}/team/web:[0-9a-f]{64}"))))))));
    }

    @Test
    void executionRolePullIsScopedToThePrivateRepository() {
        Object repositoryArn = Map.of("Fn::Join", List.of("", Match.arrayWith(List.of(
                Match.stringLikeRegexp(":repository/team/web$")))));
        Object pull = Match.objectLike(Map.of(
                "Action", List.of("ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"),
                "Resource", repositoryArn));
        service.hasResourceProperties("AWS::IAM::ManagedPolicy", Match.objectLike(Map.of(
                "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(pull)))))));
    }

    @Test
    void repositoryPolicyLetsTheBootstrapPublishingRolePushAndTheExecutionRolePull() {
        Object publishingRole = Map.of("AWS", Map.of("Fn::Join", List.of("", Match.arrayWith(List.of(
                ":role/cdk-hnb659fds-image-publishing-role-")))));
        Object push = Match.objectLike(Map.of("Sid", "AssetPublishing",
                "Action", Match.arrayWith(List.of("ecr:DescribeImages", "ecr:PutImage")),
                "Principal", publishingRole));
        Object executionRoleArn = Map.of("Fn::Join", List.of("", Match.arrayWith(List.of(":role/hello-ecs-task-exec-"))));
        Object pull = Match.objectLike(Map.of("Sid", "TaskExecutionRolePull",
                "Condition", Map.of("ArnEquals", Map.of("aws:PrincipalArn", executionRoleArn))));
        registry.hasResourceProperties("AWS::ECR::Repository", Match.objectLike(Map.of(
                "RepositoryName", "team/web",
                "RepositoryPolicyText", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(push, pull)))))));
    }

    @Test
    void executionRoleHasTheNameTheRepositoryPolicyUses() {
        service.hasResourceProperties("AWS::IAM::Role", Match.objectLike(Map.of(
                "RoleName", Map.of("Fn::Join", List.of("", List.of("hello-ecs-task-exec-", Map.of("Ref", "AWS::Region")))))));
    }

    @Test
    void outputsTheRepositoryAndTheLoadBalancer() {
        assertThat(registry.findOutputs("RepositoryUri", Match.anyValue())).hasSize(1);
        assertThat(registry.findOutputs("RepositoryArn", Match.anyValue())).hasSize(1);
        service.hasOutput("LoadBalancerDnsName", Match.objectLike(Map.of(
                "Value", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("LoadBalancer"), "DNSName")))));
        service.hasOutput("ServiceUrl", Match.objectLike(Map.of(
                "Value", Map.of("Fn::Join", List.of("", Match.arrayWith(List.of("http://")))))));
    }

    /** The VPC's default security group is closed by a documented command (operations.md), not a custom resource. */
    @Test
    void theServiceStackHasNoLambdaFunctionAndNoCustomResource() {
        assertThat(service.findResources("AWS::Lambda::Function")).isEmpty();
        assertThat(service.toJSON().get("Resources").toString()).doesNotContain("Custom::");
        service.resourceCountIs("AWS::EC2::VPC", 1);
    }
}
