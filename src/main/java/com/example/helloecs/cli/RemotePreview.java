package com.example.helloecs.cli;

import java.time.Duration;
import java.util.List;

import com.example.helloecs.registry.lifecycle.Expiry;
import com.example.helloecs.registry.lifecycle.ImageRecord;

import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.GetLifecyclePolicyPreviewResponse;
import software.amazon.awssdk.services.ecr.model.ImageActionType;
import software.amazon.awssdk.services.ecr.model.LifecyclePolicyPreviewStatus;

/**
 * ECR's own lifecycle policy preview: StartLifecyclePolicyPreview with the policy text, then the SDK's
 * {@code LifecyclePolicyPreviewComplete} waiter on GetLifecyclePolicyPreview, then every page of its results.
 * API reference: https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_StartLifecyclePolicyPreview.html
 * and https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_GetLifecyclePolicyPreview.html (status
 * IN_PROGRESS, COMPLETE, EXPIRED or FAILED; previewResults carry appliedRulePriority and action EXPIRE).
 */
public record RemotePreview(EcrClient ecr, Duration pollInterval, Duration timeout) {

    /** The images ECR's preview would expire (oldest first). */
    public List<Expiry> run(String repository, String policyText) {
        ecr.startLifecyclePolicyPreview(r -> r.repositoryName(repository).lifecyclePolicyText(policyText));
        WaiterResponse<GetLifecyclePolicyPreviewResponse> waited;
        try {
            waited = ecr.waiter().waitUntilLifecyclePolicyPreviewComplete(r -> r.repositoryName(repository),
                    c -> c.backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(pollInterval))
                            .waitTimeout(timeout).maxAttempts(Integer.MAX_VALUE));
        } catch (RuntimeException e) {
            GetLifecyclePolicyPreviewResponse last = ecr.getLifecyclePolicyPreview(r -> r.repositoryName(repository));
            throw new UserError("ECR's lifecycle policy preview of " + repository + " did not complete (status "
                    + last.statusAsString() + " after waiting up to " + timeout.toSeconds() + " s)", e);
        }
        GetLifecyclePolicyPreviewResponse done = waited.matched().response()
                .orElseThrow(() -> new UserError("ECR's lifecycle policy preview of " + repository + " failed"));
        if (done.status() != LifecyclePolicyPreviewStatus.COMPLETE) {
            throw new UserError("ECR's lifecycle policy preview of " + repository + " ended with status "
                    + done.statusAsString());
        }
        return ecr.getLifecyclePolicyPreviewPaginator(r -> r.repositoryName(repository)).previewResults().stream()
                .filter(p -> p.action() == null || p.action().type() == ImageActionType.EXPIRE)
                .map(p -> new Expiry(new ImageRecord(p.imageDigest(), p.imageTags(), p.imagePushedAt()),
                        p.appliedRulePriority()))
                .sorted(java.util.Comparator.comparing((Expiry e) -> e.image().pushedAt())
                        .thenComparing(e -> e.image().digest()))
                .toList();
    }
}
