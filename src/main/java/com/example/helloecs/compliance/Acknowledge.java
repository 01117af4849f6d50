package com.example.helloecs.compliance;

import java.util.List;
import java.util.Map;

import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Validations;
import software.constructs.IConstruct;

/** Acknowledges one rule on one resource, with the reason it does not apply there. */
public final class Acknowledge {
    private Acknowledge() {
    }

    /**
     * @param resource the CloudFormation resource (L1) the finding is reported on, or the L2 that owns it
     * @param ruleId   the rule, for example {@code AwsSolutions-EC23}; covers all its variants
     *                 ({@code AwsSolutions-IAM5[...]})
     * @param reason   why the finding is expected for this resource in this app
     */
    public static void rule(IConstruct resource, String ruleId, String reason) {
        Validations.of(resource).acknowledge(Acknowledgment.builder().id(ruleId).reason(reason).build());
    }

    /** cdk-nag's rule prefixes of the NIST 800-53 R5 and PCI DSS 3.2.1 packs. */
    public static final String NIST = "NIST.800.53.R5-";
    public static final String PCI = "PCI.DSS.321-";

    /**
     * Acknowledges a rule that the NIST 800-53 R5 and PCI DSS 3.2.1 packs share (same rule name in both), on one
     * resource.
     *
     * @param rule the rule name without the pack prefix, for example {@code S3BucketReplicationEnabled}
     */
    public static void nistAndPci(IConstruct resource, String rule, String reason) {
        rule(resource, NIST + rule, reason);
        rule(resource, PCI + rule, reason);
    }

    /**
     * Tells cfn-lint to skip one rule on one resource (template metadata {@code cfn-lint.config.ignore_checks}),
     * for what aws-cdk-lib generates and we cannot change; the reason is kept next to it in the template.
     */
    public static void cfnLintRule(CfnResource resource, String ruleId, String reason) {
        resource.addMetadata("cfn-lint", Map.of("config", Map.of("ignore_checks", List.of(ruleId))));
        resource.addMetadata("cfn-lint-reason", ruleId + ": " + reason);
    }
}
