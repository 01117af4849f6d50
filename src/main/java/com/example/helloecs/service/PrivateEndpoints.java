package com.example.helloecs.service;

import java.util.ArrayList;
import java.util.List;

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
 */
public class PrivateEndpoints extends Construct {
    public final GatewayVpcEndpoint s3;
    public final List<InterfaceVpcEndpoint> interfaces = new ArrayList<>();
    /** Of the interface endpoints: admits HTTPS only from the security groups given to {@link #admit}. */
    public final SecurityGroup securityGroup;

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
