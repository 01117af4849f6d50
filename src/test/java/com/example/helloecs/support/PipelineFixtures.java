package com.example.helloecs.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** Context for a two-environment pipeline (dev, then prod behind an approval, in another account). */
public final class PipelineFixtures {
    public static final String DEV_ACCOUNT = "111111111111";
    public static final String PROD_ACCOUNT = "222222222222";
    public static final String TOOLS_ACCOUNT = "333333333333";
    public static final String REGION = "eu-west-1";
    public static final String PROD_REGION = "eu-central-1";
    public static final String REPOSITORY = "example-org/hello-ecs";
    public static final String BRANCH = "main";
    public static final String CONNECTION_ARN =
            "arn:aws:codeconnections:eu-west-1:333333333333:connection/11111111-2222-3333-4444-555555555555";

    private PipelineFixtures() {
    }

    /** dev and prod; prod needs approval and overrides the desired count. */
    public static Map<String, Object> environments() {
        Map<String, Object> envs = new LinkedHashMap<>();
        envs.put("dev", Map.of("account", DEV_ACCOUNT, "region", REGION,
                "settings", Map.of("service.desiredCount", 1, "service.minCapacity", 1)));
        envs.put("prod", Map.of("account", PROD_ACCOUNT, "region", PROD_REGION, "approval", true,
                "settings", Map.of("service.desiredCount", 3, "service.minCapacity", 3, "service.maxCapacity", 6)));
        return envs;
    }

    /** The context of a pipeline in the tools account deploying dev then prod. */
    public static Map<String, Object> pipelineContext() {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("environments", environments());
        context.put("pipeline.repository", REPOSITORY);
        context.put("pipeline.branch", BRANCH);
        context.put("pipeline.connectionArn", CONNECTION_ARN);
        context.put("pipeline.account", TOOLS_ACCOUNT);
        context.put("pipeline.region", REGION);
        context.put("pipeline.environments", java.util.List.of("dev", "prod"));
        return context;
    }
}
