package com.example.helloecs.cli;

import java.util.List;

import com.example.helloecs.registry.lifecycle.ImageRecord;

import software.amazon.awssdk.services.ecr.EcrClient;

/** A repository's images through ECR's DescribeImages, every page. */
public final class EcrImages {
    private EcrImages() {
    }

    public static List<ImageRecord> list(EcrClient ecr, String repository) {
        List<ImageRecord> images = ecr.describeImagesPaginator(r -> r.repositoryName(repository)).imageDetails()
                .stream().map(d -> new ImageRecord(d.imageDigest(), d.imageTags(), d.imagePushedAt())).toList();
        long distinct = images.stream().map(ImageRecord::digest).distinct().count();
        if (distinct != images.size()) {
            throw new UserError("DescribeImages of " + repository + " returned " + images.size() + " images but only "
                    + distinct + " distinct digests: refusing to evaluate an inconsistent listing");
        }
        return images;
    }
}
