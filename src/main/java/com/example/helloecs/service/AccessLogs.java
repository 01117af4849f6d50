package com.example.helloecs.service;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.example.helloecs.compliance.Acknowledge;

import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnCondition;
import software.amazon.awscdk.CfnMapping;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.regioninfo.RegionInfo;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.iam.AccountPrincipal;
import software.amazon.awscdk.services.iam.ArnPrincipal;
import software.amazon.awscdk.services.iam.IPrincipal;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * Load balancer access logs in an S3 bucket: S3-managed encryption (the only kind ELB can write), TLS-only, no public
 * access, versioned (noncurrent versions expire after {@value #NONCURRENT_DAYS} days), retained when the stack is
 * deleted (they are audit records).
 *
 * <p>The bucket policy grants the log-delivery service principal and the regional ELB account (regions opened before
 * August 2022), looked up at deploy time from a region mapping (this stack's own account where the region has none).
 * CDK's {@code logAccessLogs} is not used: it throws in an environment-agnostic stack, and for a known region it also
 * grants {@code delivery.logs.amazonaws.com}, which ALB access logs do not use, without a source condition. A region
 * newer than this CDK release is missing from the mapping, and the deployment fails there: set {@code region}.
 */
public class AccessLogs extends Construct {
    /** Key prefix of the log objects. */
    public static final String PREFIX = "alb";
    /** Days a noncurrent (deleted or overwritten) log object version is kept. */
    public static final int NONCURRENT_DAYS = 90;
    private static final String LOG_DELIVERY = "logdelivery.elasticloadbalancing.amazonaws.com";

    public final Bucket bucket;

    public AccessLogs(Construct scope, String id, ApplicationLoadBalancer loadBalancer, boolean hardened) {
        // hardened: the NIST 800-53 R5 and PCI DSS findings this bucket cannot meet are acknowledged with reasons
        super(scope, id);
        this.bucket = Bucket.Builder.create(this, "Bucket")
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                // Versioned, so a deleted or overwritten log object can be recovered for 90 days.
                .versioned(true)
                .lifecycleRules(List.of(LifecycleRule.builder()
                        .id("ExpireNoncurrentVersions")
                        .noncurrentVersionExpiration(Duration.days(NONCURRENT_DAYS))
                        .build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        if (hardened) {
            Acknowledge.nistAndPci(bucket, "S3BucketLoggingEnabled", "This bucket is itself the destination of the "
                    + "load balancer's access logs; logging access to it would need yet another bucket.");
            Acknowledge.nistAndPci(bucket, "S3DefaultEncryptionKMS", "Elastic Load Balancing writes access logs "
                    + "only to buckets encrypted with S3-managed keys (SSE-S3); SSE-KMS is not supported for them.");
            Acknowledge.nistAndPci(bucket, "S3BucketReplicationEnabled", "Access logs of one regional load "
                    + "balancer; the bucket is versioned and retained when the stack is deleted, and a replica in "
                    + "another region would double their storage for no recovery need of this service.");
        }
        Acknowledge.rule(bucket, "AwsSolutions-S1", "This bucket is itself the destination of the load "
                + "balancer's access logs; logging access to it would need yet another bucket.");
        // The grants the ELB User Guide documents ("Enable access logs for your Application Load Balancer"); not
        // loadBalancer.logAccessLogs (see above).
        String objects = bucket.arnForObjects(PREFIX + "/AWSLogs/" + Aws.ACCOUNT_ID + "/*");
        String stackRegion = Stack.of(this).getRegion();
        if (!Token.isUnresolved(stackRegion)) {
            String regionalAccount = RegionInfo.get(stackRegion).getElbv2Account();
            if (regionalAccount != null) {
                allowPut("RegionalElbAccount", new AccountPrincipal(regionalAccount), objects);
            } else {
                allowPut("LogDeliveryService", new ServicePrincipal(LOG_DELIVERY), objects);
            }
            enable(loadBalancer);
            return;
        }
        allowPut("LogDeliveryService", new ServicePrincipal(LOG_DELIVERY), objects);
        // Every region this CDK release knows; "none" where ELB writes as the service principal. (Stack.regionalFact
        // leaves those regions out of its mapping, so the lookup would fail there.)
        Map<String, Map<String, Object>> rows = new TreeMap<>();
        for (RegionInfo region : RegionInfo.getRegions()) {
            String account = region.getElbv2Account();
            rows.put(region.getName(), Map.of("account", account == null ? "none" : account));
        }
        String elbAccount = CfnMapping.Builder.create(this, "ElbAccounts").mapping(rows).build()
                .findInMap(Aws.REGION, "account");
        CfnCondition hasElbAccount = CfnCondition.Builder.create(this, "RegionHasElbAccount")
                .expression(Fn.conditionNot(Fn.conditionEquals(elbAccount, "none")))
                .build();
        String account = Token.asString(Fn.conditionIf(hasElbAccount.getLogicalId(), elbAccount, Aws.ACCOUNT_ID));
        allowPut("RegionalElbAccount", new ArnPrincipal("arn:" + Aws.PARTITION + ":iam::" + account + ":root"),
                objects);
        enable(loadBalancer);
    }

    /** Lets {@code principal} write the log objects. */
    private void allowPut(String sid, IPrincipal principal, String objects) {
        bucket.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid(sid)
                .actions(List.of("s3:PutObject"))
                .principals(List.of(principal))
                .resources(List.of(objects))
                .build());
    }

    private void enable(ApplicationLoadBalancer loadBalancer) {
        loadBalancer.setAttribute("access_logs.s3.enabled", "true");
        loadBalancer.setAttribute("access_logs.s3.bucket", bucket.getBucketName());
        loadBalancer.setAttribute("access_logs.s3.prefix", PREFIX);
        // ELB checks it may write when the attribute is set: the policy must exist first.
        ((CfnResource) loadBalancer.getNode().getDefaultChild())
                .addResourceDependency((CfnResource) bucket.getPolicy().getNode().getDefaultChild());
    }
}
