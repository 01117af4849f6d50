package com.example.helloecs.compliance;

import java.util.List;
import java.util.Map;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.CfnRole;
import software.amazon.awscdk.services.iam.Role;
import software.constructs.IConstruct;

/**
 * Confused-deputy conditions for roles that aws-cdk-lib creates with a bare service-principal trust (no way to pass
 * a condition in): the condition is written into the role's trust statement for that service.
 *
 * <p>AWS recommends {@code aws:SourceAccount} / {@code aws:SourceArn} in every policy that grants to a service
 * principal where the service supports them (IAM User Guide, "The confused deputy problem",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html).
 */
public final class SourceConditions {
    private SourceConditions() {
    }

    /**
     * Adds {@code condition} (operator -> key -> value) to each statement of each role under {@code scope} whose
     * trust policy lets {@code service} assume it.
     *
     * @return how many statements got the condition
     */
    public static int addToTrust(IConstruct scope, String service, Map<String, Map<String, Object>> condition) {
        int count = 0;
        for (IConstruct c : scope.getNode().findAll()) {
            if (!(c instanceof Role role) || !(role.getNode().getDefaultChild() instanceof CfnRole cfn)) {
                continue;
            }
            Object resolved = Stack.of(role).resolve(role.getAssumeRolePolicy());
            if (!(resolved instanceof Map<?, ?> doc) || !(doc.get("Statement") instanceof List<?> statements)) {
                continue;
            }
            for (int i = 0; i < statements.size(); i++) {
                if (statements.get(i) instanceof Map<?, ?> s && s.get("Principal") instanceof Map<?, ?> p
                        && service.equals(p.get("Service"))) {
                    int index = i;
                    condition.forEach((operator, keys) -> keys.forEach((key, value) -> cfn.addPropertyOverride(
                            "AssumeRolePolicyDocument.Statement." + index + ".Condition." + operator + "." + key,
                            value)));
                    count++;
                }
            }
        }
        return count;
    }
}
