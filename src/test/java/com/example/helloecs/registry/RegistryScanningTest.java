package com.example.helloecs.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.example.helloecs.support.RegistryStacks;

import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Registry scanning configuration and alerts on CRITICAL or HIGH findings. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryScanningTest {
    private Template defaults;
    private Template enhanced;

    @BeforeAll
    void synth() {
        RegistryStacks stacks = new RegistryStacks()
                .add("Defaults", Map.of())
                .add("Enhanced", Map.of("registry.registryScanning", "ENHANCED",
                        "registry.registryScanFrequency", "CONTINUOUS_SCAN",
                        "registry.registryScanFilters", List.of("hello-*", "team/*"),
                        "registry.scanAlertEmail", "ops@example.com"))
                .synth();
        defaults = stacks.template("Defaults");
        enhanced = stacks.template("Enhanced");
    }

    @Test
    void registryScanningIsNotOwnedByDefault() {
        defaults.resourceCountIs("AWS::ECR::RegistryScanningConfiguration", 0);
    }

    @Test
    void enhancedContinuousScanningWithFilters() {
        enhanced.resourceCountIs("AWS::ECR::RegistryScanningConfiguration", 1);
        enhanced.hasResourceProperties("AWS::ECR::RegistryScanningConfiguration", Map.of(
                "ScanType", "ENHANCED",
                "Rules", List.of(Map.of(
                        "ScanFrequency", "CONTINUOUS_SCAN",
                        "RepositoryFilters", List.of(
                                Map.of("Filter", "hello-*", "FilterType", "WILDCARD"),
                                Map.of("Filter", "team/*", "FilterType", "WILDCARD"))))));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theEventPatternKeepsItsKeyOrderSoEverySynthWritesTheSameTemplate() {
        // Map.of's order changes with every JVM start: the template, and so the deployed rule, would change each time.
        Map<String, Object> rule = defaults.findResources("AWS::Events::Rule").values().iterator().next();
        Map<String, Object> pattern = (Map<String, Object>) ((Map<String, Object>) rule.get("Properties"))
                .get("EventPattern");
        assertThat(((Map<String, Object>) pattern.get("detail")).keySet())
                .containsExactly("scan-status", "repository-name", "finding-severity-counts");
    }

    @Test
    void ruleMatchesCompletedScansOfTheRepositoryWithCriticalOrHighFindings() {
        defaults.hasResourceProperties("AWS::Events::Rule", Map.of(
                "State", "ENABLED",
                "EventPattern", Map.of(
                        "source", List.of("aws.ecr"),
                        "detail-type", List.of("ECR Image Scan"),
                        "detail", Map.of(
                                "scan-status", List.of("COMPLETE"),
                                "repository-name", List.of("hello-ecs"),
                                "finding-severity-counts", Map.of("$or", List.of(
                                        Map.of("CRITICAL", List.of(Map.of("numeric", List.of(">", 0)))),
                                        Map.of("HIGH", List.of(Map.of("numeric", List.of(">", 0))))))))));
    }

    @Test
    void ruleNotifiesTheTopic() {
        String topic = defaults.findResources("AWS::SNS::Topic").keySet().iterator().next();
        defaults.hasResourceProperties("AWS::Events::Rule", Map.of("Targets", List.of(Match.objectLike(Map.of(
                "Arn", Map.of("Ref", topic),
                "InputTransformer", Match.objectLike(Map.of("InputPathsMap", Match.objectLike(Map.of(
                        "detail-repository-name", Match.absent(),
                        "detail-finding-severity-counts-CRITICAL", "$.detail.finding-severity-counts.CRITICAL",
                        "detail-finding-severity-counts-HIGH", "$.detail.finding-severity-counts.HIGH")))))))));
    }

    @Test
    void topicIsEncryptedWithARotatedKeyAndOnlyAcceptsTls() {
        Capture key = new Capture();
        defaults.hasResourceProperties("AWS::SNS::Topic", Map.of(
                "KmsMasterKeyId", Map.of("Fn::GetAtt", List.of(key, "Arn"))));
        defaults.hasResource("AWS::KMS::Key", Map.of(
                "Properties", Match.objectLike(Map.of(
                        "EnableKeyRotation", true,
                        "Description", Match.stringLikeRegexp("scan alert topic.*"))),
                "DeletionPolicy", "Delete"));
        String topic = defaults.findResources("AWS::SNS::Topic").keySet().iterator().next();
        defaults.hasResourceProperties("AWS::SNS::TopicPolicy", Map.of(
                "Topics", List.of(Map.of("Ref", topic)),
                "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(
                        Match.objectLike(Map.of(
                                "Effect", "Deny",
                                "Action", "sns:Publish",
                                "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))),
                        Match.objectLike(Map.of(
                                "Effect", "Allow",
                                "Action", "sns:Publish",
                                "Principal", Map.of("Service", "events.amazonaws.com")))))))));
    }

    @Test
    void keyPolicyLetsEventBridgeUseTheKeyOnceForRulesAndTopicsOfThisAccountOnly() {
        defaults.hasResourceProperties("AWS::KMS::Key", Map.of(
                "Description", Match.stringLikeRegexp("scan alert topic.*"),
                "KeyPolicy", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Map.of(
                        "Sid", "AllowEventBridgeToPublishToTheEncryptedTopic",
                        "Effect", "Allow",
                        "Principal", Map.of("Service", "events.amazonaws.com"),
                        "Action", List.of("kms:Decrypt", "kms:GenerateDataKey*"),
                        "Resource", "*",
                        "Condition", Map.of("ArnLike", Map.of(
                                "aws:SourceArn", Match.objectLike(Map.of("Fn::Join", Match.arrayWith(List.of(
                                        Match.arrayWith(List.of(":events:", ":rule/*")))))),
                                "kms:EncryptionContext:aws:sns:topicArn", Match.anyValue())))))))));
        // The statement aws-cdk-lib's SnsTopic target would add a second time is not there.
        String json = defaults.toJSON().toString();
        assertThat(json.split("events.amazonaws.com", -1)).hasSize(3); // key policy and topic policy, once each
    }

    @Test
    void topicPolicyLetsOnlyTheScanRulePublish() {
        defaults.hasResourceProperties("AWS::SNS::TopicPolicy", Map.of("PolicyDocument", Match.objectLike(Map.of(
                "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Sid", "AllowTheScanRuleToPublish",
                        "Principal", Map.of("Service", "events.amazonaws.com"),
                        "Action", "sns:Publish",
                        "Condition", Map.of("ArnEquals", Map.of("aws:SourceArn",
                                Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("ScanAlertsRule.*"), "Arn"))))))))))));
    }

    @Test
    void emailSubscriptionOnlyWhenConfigured() {
        defaults.resourceCountIs("AWS::SNS::Subscription", 0);
        enhanced.hasResourceProperties("AWS::SNS::Subscription", Map.of(
                "Protocol", "email", "Endpoint", "ops@example.com"));
    }
}
