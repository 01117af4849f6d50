package com.example.helloecs.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.example.helloecs.compliance.Acknowledge;
import com.example.helloecs.compliance.ManagedPolicies;

import com.example.helloecs.compliance.SourceConditions;

import software.amazon.awscdk.Aws;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.ISubnet;
import software.amazon.awscdk.services.ec2.IpAddresses;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The VPC. Without NAT gateways (the default) tasks run in public subnets with a public IP so they can pull
 * from ECR, and their security group admits only the load balancer; with NAT they run in private subnets.
 * With profile {@code hardened} tasks always run in private subnets: isolated ones reaching ECR, S3 and CloudWatch
 * Logs through VPC endpoints ({@link PrivateEndpoints}), or, with {@code service.privateEgress=nat}, subnets with a
 * NAT gateway route.
 */
public class Network extends Construct {
    public final Vpc vpc;
    /** Where the tasks run. */
    public final SubnetSelection taskSubnets;
    /** Whether tasks need a public IP (no NAT gateway). */
    public final boolean publicTasks;
    /** The flow-log group. */
    public final LogGroup flowLogGroup;
    /** VPC endpoints of the private subnets, or {@code null} (profile default, or NAT egress). */
    public final PrivateEndpoints endpoints;

    /**
     * @param props  the service's props: NAT gateways, zones, CIDR, log retention, hardening, ECS Exec
     * @param logKey KMS key of the flow-log group, or {@code null} (CloudWatch Logs' default encryption)
     */
    public Network(Construct scope, String id, WebServiceProps props, IKey logKey) {
        super(scope, id);
        this.publicTasks = !props.hardened() && props.natGateways() == 0;
        SubnetType privateType = props.endpoints() ? SubnetType.PRIVATE_ISOLATED : SubnetType.PRIVATE_WITH_EGRESS;
        List<SubnetConfiguration> subnets = new ArrayList<>();
        // No automatic public IPs: the load balancer and NAT gateways bring their own, and public tasks get theirs
        // from the service's assignPublicIp.
        subnets.add(SubnetConfiguration.builder().name("Public").subnetType(SubnetType.PUBLIC).cidrMask(24)
                .mapPublicIpOnLaunch(false).build());
        if (!publicTasks) {
            subnets.add(SubnetConfiguration.builder().name("Private")
                    .subnetType(privateType).cidrMask(24).build());
        }
        this.flowLogGroup = LogGroup.Builder.create(this, "FlowLogs")
                .retention(props.logRetention())
                .encryptionKey(logKey)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        this.vpc = Vpc.Builder.create(this, "Vpc")
                .ipAddresses(IpAddresses.cidr(props.vpcCidr()))
                .maxAzs(props.maxAzs())
                .natGateways(props.natGateways())
                .subnetConfiguration(subnets)
                // Not aws-cdk-lib's restrictDefaultSecurityGroup: it is a custom resource with a Lambda function.
                .restrictDefaultSecurityGroup(false)
                .flowLogs(java.util.Map.of("All", FlowLogOptions.builder()
                        .destination(FlowLogDestination.toCloudWatchLogs(flowLogGroup))
                        .trafficType(FlowLogTrafficType.ALL)
                        .build()))
                .build();
        Acknowledge.nistAndPci(vpc, "VPCDefaultSecurityGroupClosed", "No resource of this app is a member of the "
                + "VPC's default security group: the load balancer, the tasks and the VPC endpoints each have their "
                + "own, so its default rules (traffic among its members, all egress) apply to nothing. CloudFormation "
                + "cannot remove a default group's rules natively; docs/operations.md gives the one-off command that "
                + "does (Security Hub EC2.2).");
        this.taskSubnets = SubnetSelection.builder()
                .subnetType(publicTasks ? SubnetType.PUBLIC : privateType).build();
        // The flow log's role: its grant (write to the flow-log group) as a managed policy, not an inline one.
        if (vpc.getNode().tryFindChild("All") instanceof Construct flowLog
                && flowLog.getNode().tryFindChild("IAMRole") instanceof Role flowLogRole) {
            ManagedPolicies.replaceInlinePolicy(flowLogRole, "Lets VPC flow logs write to the flow-log group");
            // Confused-deputy protection: only flow logs of this account may assume the role ("IAM role for
            // publishing flow logs to CloudWatch Logs", Amazon VPC User Guide,
            // https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-iam-role.html).
            SourceConditions.addToTrust(flowLogRole, "vpc-flow-logs.amazonaws.com", new TreeMap<>(Map.of(
                    "StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID),
                    "ArnLike", Map.of("aws:SourceArn", "arn:" + Aws.PARTITION + ":ec2:" + Aws.REGION + ":"
                            + Aws.ACCOUNT_ID + ":vpc-flow-log/*"))));
        }
        this.endpoints = props.endpoints() ? new PrivateEndpoints(this, "Endpoints", vpc, taskSubnets,
                props.enableExecuteCommand()) : null;
        if (props.hardened()) {
            for (ISubnet subnet : vpc.getPublicSubnets()) {
                IConstruct route = subnet.getNode().tryFindChild("DefaultRoute");
                if (route != null) {
                    Acknowledge.nistAndPci(route, "VPCNoUnrestrictedRouteToIGW", "Public subnets hold only the "
                            + "internet-facing load balancer" + (props.natGateways() > 0 ? " and the NAT gateways" : "")
                            + "; their default route to the internet gateway is how it answers clients. The tasks "
                            + "run in private subnets without this route.");
                }
            }
        }
    }
}
