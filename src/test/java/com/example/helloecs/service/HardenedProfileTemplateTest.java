package com.example.helloecs.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.example.helloecs.support.TestApps;

import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The service stack with profile hardened (VPC endpoints, an existing certificate), environment-agnostic. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HardenedProfileTemplateTest {
    static final String CERTIFICATE = "arn:aws:acm:eu-west-1:123456789012:certificate/abc-123";
    private Template template;

    @BeforeAll
    void synth() {
        template = Template.fromStack(TestApps.stacks(Map.of("profile", "hardened",
                "service.certificateArn", CERTIFICATE)).service);
    }

    @Test
    void tasksRunInIsolatedPrivateSubnetsWithoutPublicIps() {
        template.hasResourceProperties("AWS::ECS::Service", Match.objectLike(Map.of(
                "NetworkConfiguration", Map.of("AwsvpcConfiguration", Match.objectLike(Map.of(
                        "AssignPublicIp", "DISABLED",
                        "Subnets", List.of(Map.of("Ref", Match.stringLikeRegexp("PrivateSubnet1Subnet")),
                                Map.of("Ref", Match.stringLikeRegexp("PrivateSubnet2Subnet")))))))));
        template.resourceCountIs("AWS::EC2::NatGateway", 0);
        // Two public subnets (load balancer) and two private ones; none assigns public IPs by itself.
        assertThat(template.findResources("AWS::EC2::Subnet", Map.of("Properties",
                Map.of("MapPublicIpOnLaunch", false)))).hasSize(4);
        // Only the public route tables have a default route (to the internet gateway).
        assertThat(template.findResources("AWS::EC2::Route", Map.of("Properties",
                Map.of("DestinationCidrBlock", "0.0.0.0/0")))).hasSize(2)
                .allSatisfy((id, route) -> assertThat(id).contains("PublicSubnet"));
    }

    @Test
    void tasksReachEcrS3AndLogsThroughVpcEndpoints() {
        for (String service : List.of("ecr.api", "ecr.dkr", "logs")) {
            template.hasResourceProperties("AWS::EC2::VPCEndpoint", Match.objectLike(Map.of(
                    "VpcEndpointType", "Interface", "PrivateDnsEnabled", true,
                    "ServiceName", Map.of("Fn::Join", List.of("", List.of("com.amazonaws.",
                            Map.of("Ref", "AWS::Region"), "." + service))))));
        }
        template.hasResourceProperties("AWS::EC2::VPCEndpoint", Match.objectLike(Map.of(
                "VpcEndpointType", "Gateway",
                "ServiceName", Map.of("Fn::Join", List.of("", List.of("com.amazonaws.",
                        Map.of("Ref", "AWS::Region"), ".s3"))),
                "RouteTableIds", List.of(Map.of("Ref", Match.stringLikeRegexp("PrivateSubnet1RouteTable")),
                        Map.of("Ref", Match.stringLikeRegexp("PrivateSubnet2RouteTable"))))));
        // Plus ecs-agent, ecs-telemetry and ecs, created only in Regions opened from 2023-12-23 (the stack is
        // environment-agnostic, so a condition on AWS::Region decides).
        template.resourceCountIs("AWS::EC2::VPCEndpoint", 7);
        for (String service : List.of("ecs-agent", "ecs-telemetry", "ecs")) {
            template.hasResource("AWS::EC2::VPCEndpoint", Match.objectLike(Map.of(
                    "Condition", Match.stringLikeRegexp("RegionOpenedFrom20231223"),
                    "Properties", Match.objectLike(Map.of("ServiceName", Map.of("Fn::Join", List.of("",
                            List.of("com.amazonaws.", Map.of("Ref", "AWS::Region"), "." + service))))))));
        }
        List<String> conditions = template.findConditions("*").entrySet().stream()
                .filter(c -> c.getKey().contains("RegionOpenedFrom20231223"))
                .map(c -> c.getValue().toString()).toList();
        assertThat(conditions).hasSize(1);
        String condition = conditions.get(0);
        assertThat(condition).contains("Fn::Not", "us-east-1", "eu-west-1", "il-central-1")
                .doesNotContain("ca-west-1", "mx-central-1");
        // The interface endpoints admit HTTPS from the tasks' security group only.
        template.hasResourceProperties("AWS::EC2::SecurityGroupIngress", Match.objectLike(Map.of(
                "IpProtocol", "tcp", "FromPort", 443, "ToPort", 443,
                "GroupId", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("NetworkEndpointsSecurityGroup"), "GroupId")),
                "SourceSecurityGroupId", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("ServiceSecurityGroup"), "GroupId")))));
    }

    @Test
    void webAclWithTheThreeManagedRuleGroupsIsAssociatedWithTheLoadBalancer() {
        List<Object> rules = WebAcl.MANAGED_RULE_GROUPS.stream().map(group -> (Object) Match.objectLike(Map.of(
                "Name", group, "OverrideAction", Map.of("None", Map.of()),
                "Statement", Map.of("ManagedRuleGroupStatement", Map.of("VendorName", "AWS", "Name", group)))))
                .toList();
        template.hasResourceProperties("AWS::WAFv2::WebACL", Match.objectLike(Map.of(
                "Scope", "REGIONAL", "DefaultAction", Map.of("Allow", Map.of()), "Rules", rules)));
        template.hasResourceProperties("AWS::WAFv2::WebACLAssociation", Map.of(
                "ResourceArn", Map.of("Ref", Match.stringLikeRegexp("LoadBalancer")),
                "WebACLArn", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("WebAcl"), "Arn"))));
        template.hasResourceProperties("AWS::WAFv2::LoggingConfiguration", Match.objectLike(Map.of(
                "LogDestinationConfigs", List.of(Match.anyValue()))));
        template.hasResourceProperties("AWS::Logs::LogGroup", Match.objectLike(Map.of(
                "LogGroupName", "aws-waf-logs-hello-ecs-service")));
    }

    @Test
    void onlyTheHttpsListenerForwardsAndPort80Redirects() {
        template.resourceCountIs("AWS::ElasticLoadBalancingV2::Listener", 2);
        template.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Match.objectLike(Map.of(
                "Port", 443, "Protocol", "HTTPS",
                "Certificates", List.of(Map.of("CertificateArn", CERTIFICATE)),
                "DefaultActions", List.of(Match.objectLike(Map.of("Type", "forward"))))));
        template.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Match.objectLike(Map.of(
                "Port", 80, "Protocol", "HTTP",
                "DefaultActions", List.of(Match.objectLike(Map.of("Type", "redirect",
                        "RedirectConfig", Map.of("Protocol", "HTTPS", "Port", "443", "StatusCode", "HTTP_301"))))))); 
    }

    @Test
    void everyLogGroupIsEncryptedWithTheCustomerManagedKey() {
        Map<String, Map<String, Object>> groups = template.findResources("AWS::Logs::LogGroup");
        assertThat(groups).hasSize(3); // container, VPC flow and WAF logs
        Map<String, Object> keyArn = Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("LogEncryptionKey"), "Arn"));
        assertThat(template.findResources("AWS::Logs::LogGroup", Map.of("Properties",
                Match.objectLike(Map.of("KmsKeyId", keyArn))))).hasSize(3);
        template.hasResourceProperties("AWS::KMS::Key", Match.objectLike(Map.of(
                "EnableKeyRotation", true,
                "KeyPolicy", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Principal", Map.of("Service", Map.of("Fn::Join", List.of("", List.of("logs.",
                                Map.of("Ref", "AWS::Region"), ".amazonaws.com")))),
                        "Condition", Map.of("ArnLike", Map.of("kms:EncryptionContext:aws:logs:arn",
                                Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                                        ":logs:", Map.of("Ref", "AWS::Region"), ":", Map.of("Ref", "AWS::AccountId"),
                                        ":log-group:*"))))))))))))));
    }

    @Test
    void loadBalancerHasDeletionProtection() {
        template.hasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", Match.objectLike(Map.of(
                "LoadBalancerAttributes", Match.arrayWith(List.of(
                        Map.of("Key", "deletion_protection.enabled", "Value", "true"))))));
    }

    @Test
    void rolesHoldManagedPoliciesNotInlineOnes() {
        template.resourceCountIs("AWS::IAM::Policy", 0);
        template.resourceCountIs("AWS::IAM::ManagedPolicy", 2); // execution role, flow-log role
    }
}
