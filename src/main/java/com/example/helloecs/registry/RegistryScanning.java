package com.example.helloecs.registry;

import java.util.List;

import com.example.helloecs.config.RegistryConfig;

import software.amazon.awscdk.services.ecr.CfnRegistryScanningConfiguration;
import software.constructs.Construct;

/**
 * The registry-wide scanning configuration (BASIC or ENHANCED, scan on push or continuous, with repository
 * filters). There is one per registry (account and region): deploying it replaces the registry's scanning
 * rules, so exactly one construct in the app owns it. It applies in the source region only; replicas in other
 * regions are scanned according to those regions' own registry scanning configuration (a repository creation
 * template cannot carry scanning settings).
 */
public class RegistryScanning extends Construct {
    /** The registry's scanning configuration. */
    public final CfnRegistryScanningConfiguration configuration;

    /**
     * @param config registry settings; {@code registryScanning} must not be {@code off}
     */
    public RegistryScanning(Construct scope, String id, RegistryConfig config) {
        super(scope, id);
        if (!config.ownsRegistryScanning()) {
            throw new IllegalArgumentException("registry scanning is off: do not create RegistryScanning");
        }
        this.configuration = CfnRegistryScanningConfiguration.Builder.create(this, "Configuration")
                .scanType(config.registryScanning())
                .rules(List.of(CfnRegistryScanningConfiguration.ScanningRuleProperty.builder()
                        .scanFrequency(config.registryScanFrequency())
                        .repositoryFilters(config.registryScanFilters().stream()
                                .map(filter -> CfnRegistryScanningConfiguration.RepositoryFilterProperty.builder()
                                        .filter(filter).filterType("WILDCARD").build())
                                .toList())
                        .build()))
                .build();
    }
}
