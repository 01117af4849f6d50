package com.example.helloecs.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnCondition;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.ICfnConditionExpression;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpoint;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpoint;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.Vpc;
import software.constructs.Construct;

/**
 * What Fargate tasks in isolated subnets need to start and log (platform 1.4): interface endpoints for the ECR API
 * ({@code ecr.api}, authorization and manifests) and the registry ({@code ecr.dkr}), the S3 gateway endpoint (ECR
 * serves image layers from S3) and an interface endpoint for CloudWatch Logs (the awslogs driver); with ECS Exec,
 * also {@code ssmmessages}. Interface endpoints have private DNS, so the usual service names resolve to them, and a
 * security group admitting HTTPS from the service's tasks only. Each interface endpoint costs per hour and per AZ.
 *
 * <p>In Regions introduced starting on December 23, 2023 the ECS Developer Guide requires three more,
 * {@code ecs-agent}, {@code ecs-telemetry} and {@code ecs} ("Amazon ECS interface VPC endpoints (AWS PrivateLink)",
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/vpc-endpoints.html, "Considerations for endpoints in
 * Regions introduced starting on December 23, 2023"). They are added in every Region not in
 * {@link #REGIONS_BEFORE_2023_12_23} (a closed list); in an environment-agnostic stack they carry a CloudFormation
 * condition that creates them only in such a Region.
 */
public class PrivateEndpoints extends Construct {
    public final GatewayVpcEndpoint s3;
    public final List<InterfaceVpcEndpoint> interfaces = new ArrayList<>();
    /** Of the interface endpoints: admits HTTPS only from the security groups given to {@link #admit}. */
    public final SecurityGroup securityGroup;

    /** Regions opened before 2023-12-23, which need no ECS endpoints in a VPC without internet access. */
    public static final Set<String> REGIONS_BEFORE_2023_12_23 = Set.of(
            "us-east-1", "us-east-2", "us-west-1", "us-west-2", "af-south-1", "ap-east-1", "ap-south-1",
            "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-northeast-1",
            "ap-northeast-2", "ap-northeast-3", "ca-central-1", "eu-central-1", "eu-central-2", "eu-west-1",
            "eu-west-2", "eu-west-3", "eu-south-1", "eu-south-2", "eu-north-1", "il-central-1", "me-south-1",
            "me-central-1", "sa-east-1", "cn-north-1", "cn-northwest-1", "us-gov-east-1", "us-gov-west-1");

    /** True when AWS::Region is none of {@link #REGIONS_BEFORE_2023_12_23} (Fn::Or takes at most 10 conditions). */
    private CfnCondition newerRegionCondition() {
        List<String> regions = REGIONS_BEFORE_2023_12_23.stream().sorted().toList();
        List<ICfnConditionExpression> groups = new ArrayList<>();
        for (int i = 0; i < regions.size(); i += 10) {
            List<ICfnConditionExpression> equals = regions.subList(i, Math.min(i + 10, regions.size())).stream()
                    .map(r -> (ICfnConditionExpression) Fn.conditionEquals(Aws.REGION, r)).toList();
            groups.add(equals.size() == 1 ? equals.get(0)
                    : Fn.conditionOr(equals.toArray(ICfnConditionExpression[]::new)));
        }
        ICfnConditionExpression older = groups.size() == 1 ? groups.get(0)
                : Fn.conditionOr(groups.toArray(ICfnConditionExpression[]::new));
        return CfnCondition.Builder.create(this, "RegionOpenedFrom20231223")
                .expression(Fn.conditionNot(older))
                .build();
    }

    public PrivateEndpoints(Construct scope, String id, Vpc vpc, SubnetSelection subnets, boolean executeCommand) {
        super(scope, id);
        this.securityGroup = SecurityGroup.Builder.create(this, "SecurityGroup")
                .vpc(vpc)
                .description("VPC interface endpoints: HTTPS from the service tasks only")
                .allowAllOutbound(false)
                .build();
        this.s3 = vpc.addGatewayEndpoint("S3", GatewayVpcEndpointOptions.builder()
                .service(GatewayVpcEndpointAwsService.S3)
                .subnets(List.of(subnets))
                .build());
        interfaces.add(endpoint(vpc, "EcrApi", InterfaceVpcEndpointAwsService.ECR, subnets));
        interfaces.add(endpoint(vpc, "EcrDocker", InterfaceVpcEndpointAwsService.ECR_DOCKER, subnets));
        interfaces.add(endpoint(vpc, "Logs", InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS, subnets));
        if (executeCommand) {
            interfaces.add(endpoint(vpc, "SsmMessages", InterfaceVpcEndpointAwsService.SSM_MESSAGES, subnets));
        }
        String region = Stack.of(this).getRegion();
        boolean unknownRegion = Token.isUnresolved(region);
        if (unknownRegion || !REGIONS_BEFORE_2023_12_23.contains(region)) {
            // Environment-agnostic: the three endpoints exist only where the deployed-to Region needs them.
            CfnCondition newerRegion = unknownRegion ? newerRegionCondition() : null;
            for (InterfaceVpcEndpoint ecs : List.of(
                    endpoint(vpc, "EcsAgent", InterfaceVpcEndpointAwsService.ECS_AGENT, subnets),
                    endpoint(vpc, "EcsTelemetry", InterfaceVpcEndpointAwsService.ECS_TELEMETRY, subnets),
                    endpoint(vpc, "Ecs", InterfaceVpcEndpointAwsService.ECS, subnets))) {
                if (newerRegion != null) {
                    ((CfnResource) ecs.getNode().getDefaultChild()).getCfnOptions().setCondition(newerRegion);
                }
                interfaces.add(ecs);
            }
        }
    }

    private InterfaceVpcEndpoint endpoint(Vpc vpc, String id, InterfaceVpcEndpointAwsService service,
                                                 SubnetSelection subnets) {
        return vpc.addInterfaceEndpoint(id, InterfaceVpcEndpointOptions.builder()
                .service(service)
                .subnets(subnets)
                .privateDnsEnabled(true)
                .open(false)
                .securityGroups(List.of(securityGroup))
                .build());
    }

    /** Lets the members of {@code clients} reach the interface endpoints (HTTPS). */
    public void admit(ISecurityGroup clients, String description) {
        securityGroup.addIngressRule(clients, Port.tcp(443), description);
    }
}
