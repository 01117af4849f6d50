package com.example.helloecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ScanFrequency;
import software.amazon.awssdk.services.ecr.model.ScanType;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * {@code preflight} against moto_server (account 123456789012), in a clean account and in one where everything
 * collides; moto is reset before each test.
 */
class CliPreflightMotoTest {
    static MotoServer moto;

    @TempDir
    static Path project;

    @BeforeAll
    static void start() throws Exception {
        moto = MotoServer.start();
        Files.writeString(project.resolve("cdk.json"), "{\"context\": {\"app.name\": \"demo\", "
                + "\"registry.repositoryName\": \"demo-repo\", \"registry.replicationRegions\": [\"eu-west-1\"], "
                + "\"registry.registryScanning\": \"ENHANCED\"}}");
    }

    @AfterAll
    static void stop() {
        if (moto != null) {
            moto.close();
        }
    }

    @BeforeEach
    void reset() throws IOException {
        HttpURLConnection c = (HttpURLConnection) moto.endpoint.resolve("/moto-api/reset").toURL().openConnection();
        c.setRequestMethod("POST");
        assertThat(c.getResponseCode()).isEqualTo(200);
    }

    private CliRun preflight(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("preflight", "--project-dir", project.toString(),
                "--region", "us-east-1", "--endpoint-url", moto.endpoint.toString()));
        args.addAll(List.of(extra));
        return CliRun.run(args.toArray(String[]::new));
    }

    /**
     * The role `aws iam create-service-linked-role --aws-service-name ecs.amazonaws.com` creates on AWS, by its name
     * and path (moto's CreateServiceLinkedRole names it AWSServiceRoleForecs instead).
     */
    private static void ecsServiceLinkedRole() {
        try (IamClient iam = CliRun.FAKE_AWS.iam(moto.endpoint, null)) {
            iam.createRole(r -> r.roleName("AWSServiceRoleForECS").path("/aws-service-role/ecs.amazonaws.com/")
                    .assumeRolePolicyDocument("{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": "
                            + "\"Allow\", \"Principal\": {\"Service\": \"ecs.amazonaws.com\"}, \"Action\": "
                            + "\"sts:AssumeRole\"}]}"));
        }
    }

    @Test
    void aCleanAccountPassesWithExitZero() {
        ecsServiceLinkedRole();
        CliRun run = preflight();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("nothing in the account collides");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void everyCollisionIsOneLineAndTheExitCodeIsOne() {
        try (EcrClient source = CliRun.client("us-east-1", moto.endpoint);
             EcrClient destination = CliRun.client("eu-west-1", moto.endpoint)) {
            source.createRepository(r -> r.repositoryName("demo-repo"));
            destination.createRepository(r -> r.repositoryName("demo-repo"));
            source.putReplicationConfiguration(r -> r.replicationConfiguration(c -> c.rules(rule -> rule
                    .destinations(d -> d.region("ap-south-1").registryId("123456789012")))));
            source.putRegistryScanningConfiguration(r -> r.scanType(ScanType.ENHANCED).rules(rule -> rule
                    .scanFrequency(ScanFrequency.CONTINUOUS_SCAN)
                    .repositoryFilters(f -> f.filter("*").filterType("WILDCARD"))));
        }
        CliRun run = preflight();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("replication: registry 123456789012/us-east-1 "
                + "already has 1 replication rule(s)"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("scanning: registry 123456789012/us-east-1 "
                + "already has a ENHANCED scanning configuration with 1 rule(s)"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("repository: demo-repo already exists in "
                + "123456789012/us-east-1; the registry stack cannot create it"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("repository: demo-repo already exists in "
                + "123456789012/eu-west-1; the replica stack 123456789012/eu-west-1 cannot create it"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("ecs: the ECS service-linked role "
                + "AWSServiceRoleForECS does not exist in account 123456789012").endsWith(
                "create it once with: aws iam create-service-linked-role --aws-service-name ecs.amazonaws.com"));
        assertThat(run.err()).contains("5 collision(s)");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void aDestinationInAnotherAccountWithoutItsProfileIsReportedAsNotChecked() {
        ecsServiceLinkedRole();
        CliRun run = preflight("-c", "account=123456789012", "-c", "registry.replicationAccounts=210987654321");
        assertThat(run.out().lines().toList()).containsExactly("not checked: destination 210987654321/eu-west-1 "
                + "is another account; pass --account-profile 210987654321=PROFILE to read its registry");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void theRegistryWideSingletonsAreOnlyReportedWhenTheAppOwnsThem() {
        ecsServiceLinkedRole();
        try (EcrClient source = CliRun.client("us-east-1", moto.endpoint)) {
            source.putReplicationConfiguration(r -> r.replicationConfiguration(c -> c.rules(rule -> rule
                    .destinations(d -> d.region("ap-south-1").registryId("123456789012")))));
        }
        CliRun run = preflight("-c", "registry.replicationRegions=", "-c", "registry.registryScanning=off");
        assertThat(run.out()).isEmpty();
        assertThat(run.exitCode()).isZero();
    }
}
