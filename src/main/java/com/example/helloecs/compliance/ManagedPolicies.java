package com.example.helloecs.compliance;

import java.util.List;

import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.Policy;
import software.amazon.awscdk.services.iam.Role;
import software.constructs.IConstruct;

/**
 * Turns the inline policy aws-cdk-lib writes for a role's grants ({@code DefaultPolicy}, an {@code AWS::IAM::Policy})
 * into a customer managed policy ({@code AWS::IAM::ManagedPolicy}, free of charge) with the same statements: cdk-nag's
 * NIST 800-53 R5 and PCI DSS 3.2.1 packs reject inline policies (IAMNoInlinePolicy).
 *
 * <p>The managed policy renders the inline policy's own document, so grants made after the conversion still land in
 * it; the inline policy's CloudFormation resource is removed from the tree and never synthesized.
 */
public final class ManagedPolicies {
    /** Construct ID of the managed policy, a child of the role. */
    public static final String ID = "ManagedPolicy";

    private ManagedPolicies() {
    }

    /** @return the managed policy now holding the role's grants, or {@code null} when the role has none */
    public static ManagedPolicy replaceInlinePolicy(Role role, String description) {
        IConstruct child = role.getNode().tryFindChild("DefaultPolicy");
        if (!(child instanceof Policy inline)) {
            return null;
        }
        ManagedPolicy managed = ManagedPolicy.Builder.create(role, ID)
                .description(description)
                .document(inline.getDocument())
                .roles(List.of(role))
                .build();
        inline.getNode().tryRemoveChild("Resource");
        return managed;
    }
}
