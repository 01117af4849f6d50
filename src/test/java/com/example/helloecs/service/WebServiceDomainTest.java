package com.example.helloecs.service;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.example.helloecs.support.TestApps;

import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** HTTPS from a domain name: a DNS-validated certificate in the hosted zone and an alias record; no access logs. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebServiceDomainTest {
    private Template template;

    @BeforeAll
    void synth() {
        template = Template.fromStack(TestApps.stacks(Map.of(
                "service.domainName", "www.example.com", "service.hostedZoneId", "Z0123456789ABC",
                "service.hostedZoneName", "example.com", "service.accessLogs", false)).service);
    }

    @Test
    void certificateIsValidatedInTheHostedZone() {
        template.hasResourceProperties("AWS::CertificateManager::Certificate", Map.of(
                "DomainName", "www.example.com", "ValidationMethod", "DNS",
                "DomainValidationOptions", List.of(Map.of("DomainName", "www.example.com",
                        "HostedZoneId", "Z0123456789ABC"))));
        template.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of(
                "Port", 443, "Protocol", "HTTPS",
                "Certificates", List.of(Map.of("CertificateArn", Map.of("Ref", Match.stringLikeRegexp(".*Certificate.*"))))));
        template.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of(
                "Port", 80, "DefaultActions", List.of(Match.objectLike(Map.of("Type", "redirect")))));
    }

    @Test
    void aliasRecordPointsAtTheLoadBalancer() {
        template.hasResourceProperties("AWS::Route53::RecordSet", Map.of(
                "Name", "www.example.com.", "Type", "A", "HostedZoneId", "Z0123456789ABC",
                "AliasTarget", Match.objectLike(Map.of("DNSName", Match.anyValue()))));
        template.hasOutput("ServiceUrl", Map.of("Value", "https://www.example.com/"));
    }

    @Test
    void noAccessLogBucketWhenOff() {
        template.resourceCountIs("AWS::S3::Bucket", 0);
        template.hasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", Map.of(
                "LoadBalancerAttributes", Match.not(Match.arrayWith(List.of(
                        Match.objectLike(Map.of("Key", "access_logs.s3.enabled")))))));
    }
}
