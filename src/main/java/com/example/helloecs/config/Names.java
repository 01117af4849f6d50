package com.example.helloecs.config;

import software.amazon.awscdk.Aws;

/**
 * Names shared by more than one stack. They are derived from configuration only, so the registry stack can
 * name the service's execution role in its policy without a cross-stack reference (which would make the
 * registry depend on the service, the wrong way round). Changing one replaces the named resource.
 */
public final class Names {
    private Names() {
    }

    /** Construct ID of the Stage: the app name, plus the environment name when one is selected. */
    public static String stageId(String appName, Deployment deployment) {
        return deployment.isDefault() ? appName : appName + "-" + deployment.name();
    }

    /** IAM role names are account-global: include the region so that one account can host several regions. */
    public static String executionRoleName(String stageId) {
        return stageId + EXECUTION_ROLE_INFIX + Aws.REGION;
    }

    private static final String EXECUTION_ROLE_INFIX = "-task-exec-";
    /** IAM's limit on a role name's length (IAM API reference, CreateRole: RoleName). */
    public static final int MAX_ROLE_NAME = 64;

    /** The execution role name's length in {@code region}, or in the longest known region when {@code null}. */
    public static int executionRoleNameLength(String stageId, String region) {
        return stageId.length() + EXECUTION_ROLE_INFIX.length()
                + (region != null ? region.length() : Checks.longestRegionLength());
    }

    /** The bootstrap qualifier the CDK CLI uses (context {@code @aws-cdk/core:bootstrapQualifier}). */
    public static final String DEFAULT_QUALIFIER = "hnb659fds";

    /** The role the CDK CLI (or a pipeline) assumes to push image assets in the target environment. */
    public static String imagePublishingRoleArn(String qualifier) {
        return "arn:" + Aws.PARTITION + ":iam::" + Aws.ACCOUNT_ID + ":role/cdk-" + qualifier
                + "-image-publishing-role-" + Aws.ACCOUNT_ID + "-" + Aws.REGION;
    }
}
