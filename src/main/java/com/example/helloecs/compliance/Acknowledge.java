package com.example.helloecs.compliance;

import software.amazon.awscdk.Acknowledgment;
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
}
