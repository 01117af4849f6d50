package com.example.helloecs.registry;

import java.util.List;

/**
 * What a source repository and its replicas have in common (ECR's replication copies images, never repository
 * settings): both props records provide it by name, {@link PrivateRepository#repository} applies it.
 */
interface SharedRepositorySettings {
    String repositoryName();

    boolean scanOnPush();

    boolean immutableTags();

    List<String> tagMutabilityExclusions();

    List<String> pullPrincipals();

    List<String> pushPrincipals();

    boolean destroyOnRemoval();
}
