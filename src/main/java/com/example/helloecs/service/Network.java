package com.example.helloecs.service;

import java.util.ArrayList;
import java.util.List;

import com.example.helloecs.config.ServiceConfig;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.IpAddresses;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The VPC. Without NAT gateways (the default) tasks run in public subnets with a public IP so they can pull
 * from ECR, and their security group admits only the load balancer; with NAT they run in private subnets.
 */
public class Network extends Construct {
    public final Vpc vpc;
    /** Where the tasks run. */
    public final SubnetSelection taskSubnets;
    /** Whether tasks need a public IP (no NAT gateway). */
    public final boolean publicTasks;

    public Network(Construct scope, String id, ServiceConfig config) {
        super(scope, id);
        this.publicTasks = config.natGateways() == 0;
        List<SubnetConfiguration> subnets = new ArrayList<>();
        subnets.add(SubnetConfiguration.builder().name("Public").subnetType(SubnetType.PUBLIC).cidrMask(24).build());
        if (!publicTasks) {
            subnets.add(SubnetConfiguration.builder().name("Private")
                    .subnetType(SubnetType.PRIVATE_WITH_EGRESS).cidrMask(24).build());
        }
        LogGroup flowLogs = LogGroup.Builder.create(this, "FlowLogs")
                .retention(Retention.of(config.logRetentionDays()))
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        this.vpc = Vpc.Builder.create(this, "Vpc")
                .ipAddresses(IpAddresses.cidr(config.vpcCidr()))
                .maxAzs(config.maxAzs())
                .natGateways(config.natGateways())
                .subnetConfiguration(subnets)
                .restrictDefaultSecurityGroup(true)
                .flowLogs(java.util.Map.of("All", FlowLogOptions.builder()
                        .destination(FlowLogDestination.toCloudWatchLogs(flowLogs))
                        .trafficType(FlowLogTrafficType.ALL)
                        .build()))
                .build();
        this.taskSubnets = SubnetSelection.builder()
                .subnetType(publicTasks ? SubnetType.PUBLIC : SubnetType.PRIVATE_WITH_EGRESS).build();
    }

    /** Maps validated retention days to the CDK enum, whose constants are in the same order as the API's values. */
    public static final class Retention {
        private Retention() {
        }

        public static RetentionDays of(int days) {
            int index = ServiceConfig.RETENTION_DAYS.indexOf(days);
            if (index < 0) {
                throw new IllegalArgumentException("unsupported log retention: " + days);
            }
            return RetentionDays.values()[index];
        }
    }
}
