package com.example.helloecs.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.wafv2.CfnLoggingConfiguration;
import software.amazon.awscdk.services.wafv2.CfnWebACL;
import software.amazon.awscdk.services.wafv2.CfnWebACLAssociation;
import software.constructs.Construct;

/**
 * A regional WAFv2 web ACL in front of the load balancer (profile {@code hardened}): allows by default, and blocks
 * what three AWS managed rule groups match, evaluated in this order: the Amazon IP reputation list, the core rule set
 * (OWASP-style common exploits and oversized requests) and known bad inputs (Log4j, Java deserialization and the
 * like). 925 of the web ACL's 1,500 capacity units. Its logs go to an encrypted CloudWatch log group, whose name must
 * start with {@code aws-waf-logs-}.
 */
public class WebAcl extends Construct {
    /** The managed rule groups, in evaluation order. */
    public static final List<String> MANAGED_RULE_GROUPS = List.of(
            "AWSManagedRulesAmazonIpReputationList",
            "AWSManagedRulesCommonRuleSet",
            "AWSManagedRulesKnownBadInputsRuleSet");
    public static final String LOG_GROUP_PREFIX = "aws-waf-logs-";

    public final CfnWebACL webAcl;
    public final CfnWebACLAssociation association;
    public final LogGroup logGroup;
    public final CfnLoggingConfiguration logging;

    public WebAcl(Construct scope, String id, ApplicationLoadBalancer loadBalancer, IKey logKey,
                  software.amazon.awscdk.services.logs.RetentionDays retention) {
        super(scope, id);
        String metricPrefix = Stack.of(this).getStackName();
        List<Object> rules = new ArrayList<>();
        for (int i = 0; i < MANAGED_RULE_GROUPS.size(); i++) {
            String group = MANAGED_RULE_GROUPS.get(i);
            rules.add(CfnWebACL.RuleProperty.builder()
                    .name(group)
                    .priority(i)
                    .overrideAction(CfnWebACL.OverrideActionProperty.builder().none(Map.of()).build())
                    .statement(CfnWebACL.StatementProperty.builder()
                            .managedRuleGroupStatement(CfnWebACL.ManagedRuleGroupStatementProperty.builder()
                                    .vendorName("AWS").name(group).build())
                            .build())
                    .visibilityConfig(visibility(metricPrefix + "-" + group))
                    .build());
        }
        this.webAcl = CfnWebACL.Builder.create(this, "WebAcl")
                .scope("REGIONAL")
                .description("Managed rule groups in front of the load balancer")
                .defaultAction(CfnWebACL.DefaultActionProperty.builder()
                        .allow(CfnWebACL.AllowActionProperty.builder().build()).build())
                .visibilityConfig(visibility(metricPrefix))
                .rules(rules)
                .build();
        this.association = CfnWebACLAssociation.Builder.create(this, "Association")
                .resourceArn(loadBalancer.getLoadBalancerArn())
                .webAclArn(webAcl.getAttrArn())
                .build();

        String logGroupName = LOG_GROUP_PREFIX + Stack.of(this).getStackName();
        this.logGroup = LogGroup.Builder.create(this, "Logs")
                .logGroupName(logGroupName)
                .encryptionKey(logKey)
                .retention(retention)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        // WAF wants the log group's ARN without the ":*" suffix LogGroup.logGroupArn carries.
        String destination = Stack.of(this).formatArn(ArnComponents.builder()
                .service("logs").resource("log-group").resourceName(logGroupName)
                .arnFormat(ArnFormat.COLON_RESOURCE_NAME).build());
        this.logging = CfnLoggingConfiguration.Builder.create(this, "Logging")
                .resourceArn(webAcl.getAttrArn())
                .logDestinationConfigs(List.of(destination))
                .build();
        logging.getNode().addDependency(logGroup);
    }

    private static CfnWebACL.VisibilityConfigProperty visibility(String metricName) {
        return CfnWebACL.VisibilityConfigProperty.builder()
                .cloudWatchMetricsEnabled(true)
                .sampledRequestsEnabled(true)
                .metricName(metricName.replaceAll("[^A-Za-z0-9_-]", "-"))
                .build();
    }
}
