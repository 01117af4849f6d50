package com.example.helloecs.registry.lifecycle;

/**
 * An image that a lifecycle policy would expire, and the rule that expires it.
 *
 * @param image        the image
 * @param rulePriority {@code rulePriority} of the rule that expires it ({@code appliedRulePriority} in ECR's preview)
 */
public record Expiry(ImageRecord image, int rulePriority) {
}
