package com.example.helloecs.support;

import java.util.LinkedHashMap;
import java.util.Map;

import com.example.helloecs.config.Deployment;
import com.example.helloecs.stacks.RegistryStack;

import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.CloudAssembly;

/**
 * Registry stacks built alone (without the service stack, which is slow to synthesize) from cdk.json's context
 * plus overrides, several per app, so a test class synthesizes once and inspects every variant.
 */
public final class RegistryStacks {
    private final App app = TestApps.emptyApp(Map.of());
    private final Map<String, RegistryStack> stacks = new LinkedHashMap<>();
    private final Map<String, Deployment> deployments = new LinkedHashMap<>();
    private CloudAssembly assembly;

    /** Adds a registry stack named {@code id} configured by cdk.json plus the overrides. */
    public RegistryStacks add(String id, Map<String, ?> overrides) {
        Deployment d = TestApps.config(overrides).deployment();
        Environment env = d.account() == null && d.region() == null ? null
                : Environment.builder().account(d.account()).region(d.region()).build();
        stacks.put(id, new RegistryStack(app, id, new RegistryStack.Props(StackProps.builder().env(env).build(), d,
                "hello-ecs", "hnb659fds")));
        deployments.put(id, d);
        return this;
    }

    /** Synthesizes the app once. */
    public RegistryStacks synth() {
        assembly = app.synth();
        return this;
    }

    public RegistryStack stack(String id) {
        return stacks.get(id);
    }

    public Deployment deployment(String id) {
        return deployments.get(id);
    }

    /** The synthesized template of one stack. */
    @SuppressWarnings("unchecked")
    public Template template(String id) {
        return Template.fromJSON((Map<String, Object>) assembly.getStackByName(stacks.get(id).getStackName())
                .getTemplate());
    }
}
