package com.example.helloecs.pipeline;

import software.amazon.awscdk.Aws;

/**
 * ARNs of the roles {@code cdk bootstrap} creates in an environment ({@code cdk-QUALIFIER-KIND-role-ACCOUNT-REGION},
 * the role names of the CDK CLI's bootstrap template). With {@code --trust ACCOUNT} the deploy, file-publishing,
 * image-publishing and lookup roles trust that account; the lookup role has the {@code ReadOnlyAccess} managed policy
 * with {@code kms:Decrypt} denied (aws-cdk-cli, packages/aws-cdk/lib/api/bootstrap/bootstrap-template.yaml).
 */
public final class BootstrapRoles {
    /** The deploy role: the CLI assumes it to run CloudFormation in the environment. */
    public static final String DEPLOY = "deploy";
    /** The file-publishing role: the CLI assumes it to upload templates and file assets to the staging bucket. */
    public static final String FILE_PUBLISHING = "file-publishing";
    /** The lookup role: read-only access to the environment. */
    public static final String LOOKUP = "lookup";

    /** A bootstrapped environment. */
    public record Target(String account, String region) {
    }

    private BootstrapRoles() {
    }

    /** The role's ARN, in the partition of the stack the ARN is used in. */
    public static String arn(String kind, String qualifier, String account, String region) {
        return "arn:" + Aws.PARTITION + ":iam::" + account + ":role/" + name(kind, qualifier, account, region);
    }

    /** The role's name. */
    public static String name(String kind, String qualifier, String account, String region) {
        return "cdk-" + qualifier + "-" + kind + "-role-" + account + "-" + region;
    }
}
