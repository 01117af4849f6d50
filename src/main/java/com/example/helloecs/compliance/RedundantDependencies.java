package com.example.helloecs.compliance;

import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;
import software.constructs.IConstruct;

/**
 * aws-cdk-lib's custom-resource providers (for example the one behind a VPC's restrictDefaultSecurityGroup) give
 * their Lambda handler a {@code DependsOn} on its role although the handler's {@code GetAtt} of the role already
 * orders them; cfn-lint reports that as W3005. Removing the redundant edge changes no deployment order.
 */
public final class RedundantDependencies {
    private RedundantDependencies() {
    }

    public static void removeFrom(Stack stack) {
        for (IConstruct child : stack.getNode().getChildren()) {
            if (child.getNode().getId().endsWith("CustomResourceProvider")
                    && child.getNode().tryFindChild("Handler") instanceof CfnResource handler
                    && child.getNode().tryFindChild("Role") instanceof CfnResource role) {
                handler.removeResourceDependency(role);
            }
        }
    }
}
