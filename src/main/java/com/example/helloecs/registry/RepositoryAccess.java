package com.example.helloecs.registry;

import java.util.List;
import java.util.stream.Stream;

/** The ECR actions each kind of principal is granted in the repository policy. */
public final class RepositoryAccess {
    /** Pull: what `docker pull` and ECS need. */
    public static final List<String> PULL = List.of(
            "ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer");
    /** Push: pull plus uploading layers and manifests. */
    public static final List<String> PUSH = Stream.concat(PULL.stream(), Stream.of(
            "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:PutImage")).toList();
    /** The CDK asset publisher also checks the repository exists and whether the image tag is already there. */
    public static final List<String> ASSET_PUBLISHING = Stream.concat(PUSH.stream(),
            Stream.of("ecr:DescribeImages", "ecr:DescribeRepositories")).toList();

    private RepositoryAccess() {
    }
}
