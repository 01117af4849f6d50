package com.example.helloecs.cli;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.example.helloecs.config.RegistryConfig;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.DescribeRegistryResponse;
import software.amazon.awssdk.services.ecr.model.GetRegistryScanningConfigurationResponse;
import software.amazon.awssdk.services.ecr.model.RegistryPolicyNotFoundException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * What a first deploy of this configuration would replace or collide with in the target account, read-only: the
 * registry-wide singletons this app replaces (replication rules, scanning configuration; only when the app owns
 * them), a repository with the app's name in the source or a destination region (CloudFormation will not adopt it:
 * the deploy fails), an existing registry policy in another destination account (the replica stack replaces it),
 * and a missing ECS service-linked role (the first cluster may fail with "Unable to assume the service linked
 * role").
 */
public final class Preflight {
    /** The ECS service-linked role (ECS Developer Guide, "Using service-linked roles for Amazon ECS"). */
    public static final String ECS_SERVICE_LINKED_ROLE = "AWSServiceRoleForECS";
    public static final String CREATE_ECS_ROLE = "aws iam create-service-linked-role --aws-service-name ecs.amazonaws.com";

    private final AwsClients clients;
    private final URI endpoint;
    private final Map<String, String> accountProfiles;

    /**
     * @param accountProfiles AWS profile per destination account other than the caller's (their registries can
     *                        only be read with their own credentials)
     */
    public Preflight(AwsClients clients, URI endpoint, Map<String, String> accountProfiles) {
        this.clients = clients;
        this.endpoint = endpoint;
        this.accountProfiles = Map.copyOf(accountProfiles);
    }

    /** One line per collision; empty when there is none. */
    public List<String> check(RegistryConfig config, String region) {
        List<String> out = new ArrayList<>();
        String name = config.repositoryName();
        String account;
        try (EcrClient ecr = clients.ecr(region, endpoint, null)) {
            DescribeRegistryResponse registry = ecr.describeRegistry(r -> { });
            account = registry.registryId();
            String where = account + "/" + ecr.serviceClientConfiguration().region().id();
            int rules = registry.replicationConfiguration() == null ? 0
                    : registry.replicationConfiguration().rules().size();
            if (config.replicates() && rules > 0) {
                out.add("replication: registry " + where + " already has " + rules + " replication rule(s); "
                        + "deploying replaces them all (registry-wide; registry.replicationRegions)");
            }
            if (config.ownsRegistryScanning()) {
                GetRegistryScanningConfigurationResponse scanning = ecr.getRegistryScanningConfiguration(r -> { });
                int scanRules = scanning.scanningConfiguration() == null ? 0
                        : scanning.scanningConfiguration().rules().size();
                if (scanRules > 0) {
                    out.add("scanning: registry " + where + " already has a " + scanning.scanningConfiguration()
                            .scanTypeAsString() + " scanning configuration with " + scanRules + " rule(s); "
                            + "deploying replaces it (registry-wide; registry.registryScanning)");
                }
            }
            repository(ecr, name, where, "the registry stack", out);
        }
        for (String destination : config.replicationRegions()) {
            List<String> accounts = config.replicationAccounts().isEmpty() ? List.of(account)
                    : config.replicationAccounts();
            for (String destAccount : accounts) {
                destination(config, name, account, destAccount, destination, out);
            }
        }
        try (IamClient iam = clients.iam(endpoint, null)) {
            iam.getRole(r -> r.roleName(ECS_SERVICE_LINKED_ROLE));
        } catch (NoSuchEntityException e) {
            out.add("ecs: the ECS service-linked role " + ECS_SERVICE_LINKED_ROLE + " does not exist in account "
                    + account + " (the first cluster can fail with \"Unable to assume the service linked role\"); "
                    + "create it once with: " + CREATE_ECS_ROLE);
        }
        return out;
    }

    private void destination(RegistryConfig config, String name, String account, String destAccount, String region,
                             List<String> out) {
        String where = destAccount + "/" + region;
        boolean other = !destAccount.equals(account);
        AwsCredentialsProvider credentials = null;
        if (other) {
            String profile = accountProfiles.get(destAccount);
            if (profile == null) {
                out.add("not checked: destination " + where + " is another account; pass --account-profile "
                        + destAccount + "=PROFILE to read its registry");
                return;
            }
            credentials = ProfileCredentialsProvider.builder().profileName(profile).build();
        }
        try (EcrClient ecr = clients.ecr(region, endpoint, credentials)) {
            String replicaStack = "the replica stack " + where;
            repository(ecr, name, where, replicaStack, out);
            if (other) {
                try {
                    ecr.getRegistryPolicy(r -> { });
                    out.add("registry policy: registry " + where + " already has a registry policy; "
                            + replicaStack + " replaces it (registry-wide singleton)");
                } catch (RegistryPolicyNotFoundException none) {
                    // nothing to replace
                }
            }
        }
    }

    private static void repository(EcrClient ecr, String name, String where, String stack, List<String> out) {
        try {
            ecr.describeRepositories(r -> r.repositoryNames(name));
            out.add("repository: " + name + " already exists in " + where + "; " + stack + " cannot create it "
                    + "(CloudFormation does not adopt it: the deploy fails, and the rollback leaves it as it is)");
        } catch (RepositoryNotFoundException none) {
            // free
        }
    }
}
