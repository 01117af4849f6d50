package com.example.helloecs.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.Attribute;
import software.amazon.awssdk.services.ecr.model.DescribeImageScanFindingsRequest;
import software.amazon.awssdk.services.ecr.model.DescribeImageScanFindingsResponse;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.ScanNotFoundException;
import software.amazon.awssdk.services.ecr.model.ScanStatus;

/**
 * Reads an image's scan findings: optionally StartImageScan, then the SDK's {@code ImageScanComplete} waiter on
 * DescribeImageScanFindings (bounded by a timeout), then every page of findings. API reference:
 * https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_DescribeImageScanFindings.html.
 * Enhanced (continuous) scanning reports status ACTIVE instead of COMPLETE; it is read without waiting.
 */
public record ScanFindings(EcrClient ecr, Duration pollInterval, Duration timeout) {

    /**
     * @param registryId the account whose registry holds the repository; {@code null}: the caller's own. ECR looks
     *                   in the caller's registry unless told otherwise, so another account's repository needs it.
     */
    public ScanResult fetch(String registryId, String repository, String tag, boolean startScan) {
        ImageIdentifier image = ImageIdentifier.builder().imageTag(tag).build();
        if (startScan) {
            ecr.startImageScan(r -> r.registryId(registryId).repositoryName(repository).imageId(image));
        }
        DescribeImageScanFindingsRequest request = DescribeImageScanFindingsRequest.builder().registryId(registryId)
                .repositoryName(repository).imageId(image).build();
        DescribeImageScanFindingsResponse first;
        try {
            first = ecr.describeImageScanFindings(request);
        } catch (ScanNotFoundException e) {
            throw new UserError("no scan of " + repository + ":" + tag + " exists (scan on push off?): "
                    + "pass --start-scan to start one", e);
        }
        ScanStatus status = first.imageScanStatus() == null ? null : first.imageScanStatus().status();
        if (status != ScanStatus.COMPLETE && status != ScanStatus.ACTIVE) {
            try {
                first = ecr.waiter().waitUntilImageScanComplete(request, WaiterOverrideConfiguration.builder()
                        .backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(pollInterval))
                        .waitTimeout(timeout).maxAttempts(Integer.MAX_VALUE).build())
                        .matched().response().orElseThrow();
            } catch (RuntimeException e) {
                DescribeImageScanFindingsResponse last = ecr.describeImageScanFindings(request);
                throw new UserError("the scan of " + repository + ":" + tag + " did not complete: status "
                        + last.imageScanStatus().statusAsString()
                        + (last.imageScanStatus().description() == null ? ""
                                : " (" + last.imageScanStatus().description() + ")"), e);
            }
        }
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        if (first.imageScanFindings() != null) {
            first.imageScanFindings().findingSeverityCountsAsStrings()
                    .forEach((s, n) -> counts.merge(Severity.of(s), n, Integer::sum));
        }
        List<ScanResult.Finding> findings = new ArrayList<>();
        ecr.describeImageScanFindingsPaginator(request).forEach(page -> {
            if (page.imageScanFindings() == null) {
                return;
            }
            page.imageScanFindings().findings().forEach(f -> findings.add(new ScanResult.Finding(
                    Severity.of(f.severityAsString()), f.name(), attribute(f.attributes(), "package_name"),
                    attribute(f.attributes(), "package_version"), f.uri())));
            page.imageScanFindings().enhancedFindings().forEach(f -> {
                var pkg = f.packageVulnerabilityDetails();
                var first1 = pkg == null || pkg.vulnerablePackages().isEmpty() ? null : pkg.vulnerablePackages().get(0);
                findings.add(new ScanResult.Finding(Severity.of(f.severity()),
                        pkg != null && pkg.vulnerabilityId() != null ? pkg.vulnerabilityId() : f.title(),
                        first1 == null ? null : first1.name(), first1 == null ? null : first1.version(),
                        pkg == null ? null : pkg.sourceUrl()));
            });
        });
        return new ScanResult(repository, tag, first.imageId() == null ? null : first.imageId().imageDigest(),
                first.imageScanStatus().statusAsString(), counts, findings);
    }

    private static String attribute(List<Attribute> attributes, String key) {
        return attributes.stream().filter(a -> key.equals(a.key())).map(Attribute::value).findFirst().orElse(null);
    }
}
