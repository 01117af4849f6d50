package com.example.helloecs.stage;

import java.util.List;

import software.amazon.awscdk.DefaultStackSynthesizer;
import software.amazon.awscdk.IBoundStackSynthesizer;
import software.amazon.awscdk.ISynthesisSession;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.cloud_assembly_schema.ArtifactManifest;
import software.amazon.awscdk.cloud_assembly_schema.ArtifactType;
import software.amazon.awscdk.cloud_assembly_schema.AssetManifestProperties;

/**
 * The default synthesizer, publishing image assets into the app's private repository, whose asset manifest depends
 * on the registry stack that creates that repository.
 *
 * <p>Why: by default ({@code --asset-prebuild}) the CDK CLI builds every asset before the first stack deploys, and
 * building a docker asset first looks up its destination repository. On a fresh account the registry stack has not
 * created it yet and {@code cdk deploy --all} fails with {@code No ECR repository named '...'}. The CLI's work graph
 * makes an asset's build wait for the stacks its asset manifest artifact depends on, so with this dependency the
 * image is built (and pushed) right after the registry stack deploys, with no extra flag.
 */
public class RegistryFirstSynthesizer extends DefaultStackSynthesizer {
    /** The bootstrap stack version DefaultStackSynthesizer requires for its asset manifest. */
    static final int BOOTSTRAP_VERSION = 6;

    private final Stack registry;
    private Stack bound;

    /**
     * @param qualifier      CDK bootstrap qualifier
     * @param repositoryName private repository the image assets are published into
     * @param registry       the stack that creates that repository
     */
    public RegistryFirstSynthesizer(String qualifier, String repositoryName, Stack registry) {
        super(software.amazon.awscdk.DefaultStackSynthesizerProps.builder()
                .qualifier(qualifier)
                .imageAssetsRepositoryName(repositoryName)
                .build());
        this.registry = registry;
    }

    /**
     * Binds this very object: the default copies itself for each stack, and the copy's {@code synthesize} would call
     * back into this unbound Java object. One instance serves one stack.
     */
    @Override
    public IBoundStackSynthesizer reusableBind(Stack stack) {
        bind(stack);
        return this;
    }

    @Override
    public void bind(Stack stack) {
        super.bind(stack);
        this.bound = stack;
    }

    @Override
    public void synthesize(ISynthesisSession session) {
        super.synthesize(session);
        // Re-adds the asset manifest artifact DefaultStackSynthesizer has just written (same ID, same properties),
        // with the dependency; the builder keeps the last definition of an artifact ID.
        String artifactId = bound.getArtifactId() + ".assets";
        session.getAssembly().addArtifact(artifactId, ArtifactManifest.builder()
                .type(ArtifactType.ASSET_MANIFEST)
                .properties(AssetManifestProperties.builder()
                        .file(artifactId + ".json")
                        .requiresBootstrapStackVersion(BOOTSTRAP_VERSION)
                        .bootstrapStackVersionSsmParameter("/cdk-bootstrap/" + getBootstrapQualifier() + "/version")
                        .build())
                .dependencies(List.of(registry.getArtifactId()))
                .build());
    }
}
