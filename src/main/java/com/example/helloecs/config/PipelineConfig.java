package com.example.helloecs.config;

import java.util.List;

/**
 * The CDK pipeline, present only when {@code pipeline.repository} is set.
 *
 * @param repository    owner/name of the source repository
 * @param branch        branch to build
 * @param connectionArn CodeStar/CodeConnections connection
 * @param account       account of the pipeline stack
 * @param region        region of the pipeline stack
 * @param scanGate      {@code off} or the severity at or above which the post-deploy scan gate fails
 * @param stages        the deployments, in order
 */
public record PipelineConfig(String repository, String branch, String connectionArn, String account, String region,
                             String scanGate, List<Deployment> stages) {
    public PipelineConfig {
        stages = List.copyOf(stages);
    }

    /** Whether any stage is in another account than the pipeline (the pipeline then assumes that account's roles). */
    public boolean crossAccount() {
        return stages.stream().anyMatch(s -> !account.equals(s.account()));
    }
}
