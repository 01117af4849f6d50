package com.example.helloecs.registry;

import com.example.helloecs.config.RegistryConfig;

/**
 * Props of {@link PrivateRepository}.
 *
 * @param config              repository settings (defaults: {@link com.example.helloecs.config.Settings})
 * @param executionRoleName   name of the ECS task execution role granted pull; required
 * @param publishingRoleArn   ARN of the role that pushes image assets (the CDK bootstrap image-publishing role);
 *                            required
 */
public record PrivateRepositoryProps(RegistryConfig config, String executionRoleName, String publishingRoleArn) {
}
