package com.example.helloecs.config;

import java.util.Optional;
import java.util.Set;

/**
 * The whole, validated configuration, read once from CDK context.
 *
 * @param appName    application name (Stage ID, stack-name prefix)
 * @param deployment the deployment {@code cdk deploy} targets (selected with {@code -c env=NAME})
 * @param pipeline   the pipeline, when a source is configured
 * @param packs      the cdk-nag packs run at synthesis ({@code compliance.packs}; always AwsSolutions)
 */
public record AppConfig(String appName, Deployment deployment, Optional<PipelineConfig> pipeline,
                        Set<CompliancePack> packs) {
}
