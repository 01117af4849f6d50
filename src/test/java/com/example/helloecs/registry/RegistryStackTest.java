package com.example.helloecs.registry;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.example.helloecs.support.RegistryStacks;

import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The registry stack's outputs: what users copy to push and pull. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryStackTest {
    private static final Map<String, String> REGION = Map.of("Ref", "AWS::Region");
    private static final Map<String, String> ACCOUNT = Map.of("Ref", "AWS::AccountId");
    private Template template;
    private String repository;

    @BeforeAll
    void synth() {
        template = new RegistryStacks().add("Registry", Map.of()).synth().template("Registry");
        repository = template.findResources("AWS::ECR::Repository").keySet().iterator().next();
    }

    @Test
    void repositoryUriAndArn() {
        template.hasOutput("RepositoryArn", Map.of("Value", Map.of("Fn::GetAtt", List.of(repository, "Arn"))));
        template.hasOutput("RepositoryUri", Map.of("Value", Map.of("Fn::Join", List.of("", Match.arrayWith(List.of(
                Map.of("Fn::Select", List.of(4, Map.of("Fn::Split", List.of(":",
                        Map.of("Fn::GetAtt", List.of(repository, "Arn")))))),
                ".dkr.ecr."))))));
    }

    @Test
    void dockerLoginLineIsResolvedByCloudFormation() {
        template.hasOutput("DockerLogin", Map.of("Value", Map.of("Fn::Join", List.of("", List.of(
                "aws ecr get-login-password --region ", REGION,
                " | docker login --username AWS --password-stdin ", ACCOUNT,
                ".dkr.ecr.", REGION, ".", Map.of("Ref", "AWS::URLSuffix"))))));
    }

    @Test
    void scanAlertTopicArn() {
        String topic = template.findResources("AWS::SNS::Topic").keySet().iterator().next();
        template.hasOutput("ScanAlertTopicArn", Map.of("Value", Map.of("Ref", topic)));
    }
}
