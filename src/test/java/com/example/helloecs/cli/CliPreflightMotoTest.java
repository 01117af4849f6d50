package com.example.helloecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ScanFrequency;
import software.amazon.awssdk.services.ecr.model.ScanType;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * {@code preflight} against moto_server (account 123456789012), in a clean account and in one where everything
 * collides; moto is reset before each test.
 */
class CliPreflightMotoTest extends MotoProjectTest {
    @BeforeAll
    static void start() throws Exception {
        Files.writeString(project.resolve("cdk.json"), "{\"context\": {\"app.name\": \"demo\", "
                + "\"registry.repositoryName\": \"demo-repo\", \"registry.replicationRegions\": [\"eu-west-1\"], "
                + "\"registry.registryScanning\": \"ENHANCED\"}}");
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

    /**
     * Another destination account, read with its own profile: moto keeps a registry per account and answers for
     * the account whose credentials (from STS AssumeRole) sign the call.
     */
    @Test
    void anotherAccountsRegistryPolicyAndRepositoryAreReadWithItsProfile(@TempDir Path home) throws Exception {
        ecsServiceLinkedRole();
        String[] keys = assumeRole("arn:aws:iam::210987654321:role/replicas");
        try (EcrClient other = CliRun.FAKE_AWS.ecr("eu-west-1", moto.endpoint, StaticCredentialsProvider.create(
                AwsSessionCredentials.create(keys[0], keys[1], keys[2])))) {
            other.putRegistryPolicy(r -> r.policyText("{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": "
                    + "\"Allow\", \"Principal\": {\"AWS\": \"arn:aws:iam::444455556666:root\"}, \"Action\": "
                    + "\"ecr:ReplicateImage\", \"Resource\": \"*\"}]}"));
            other.createRepository(r -> r.repositoryName("demo-repo"));
        }
        Path credentials = home.resolve("credentials");
        Files.writeString(credentials, "[replicas]\naws_access_key_id = " + keys[0] + "\naws_secret_access_key = "
                + keys[1] + "\naws_session_token = " + keys[2] + "\n");
        String previous = System.setProperty("aws.sharedCredentialsFile", credentials.toString());
        try {
            CliRun run = preflight("-c", "account=123456789012", "-c", "registry.replicationAccounts=210987654321",
                    "--account-profile", "210987654321=replicas");
            assertThat(run.out().lines().toList()).containsExactlyInAnyOrder(
                    "repository: demo-repo already exists in 210987654321/eu-west-1; the replica stack "
                            + "210987654321/eu-west-1 cannot create it (CloudFormation does not adopt it: the deploy "
                            + "fails, and the rollback leaves it as it is)",
                    "registry policy: registry 210987654321/eu-west-1 already has a registry policy; the replica "
                            + "stack 210987654321/eu-west-1 replaces it (registry-wide singleton)");
            assertThat(run.exitCode()).isEqualTo(1);
        } finally {
            if (previous == null) {
                System.clearProperty("aws.sharedCredentialsFile");
            } else {
                System.setProperty("aws.sharedCredentialsFile", previous);
            }
        }
    }

    /** Access key, secret and session token of an assumed role (moto's STS, a plain query call). */
    private static String[] assumeRole(String roleArn) throws IOException {
        HttpURLConnection c = (HttpURLConnection) moto.endpoint.resolve("/").toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
        c.setRequestProperty("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20260301/us-east-1/sts/aws4_request, "
                + "SignedHeaders=host, Signature=0");
        c.getOutputStream().write(("Action=AssumeRole&Version=2011-06-15&RoleSessionName=preflight&RoleArn="
                + java.net.URLEncoder.encode(roleArn, java.nio.charset.StandardCharsets.UTF_8))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String xml = new String(c.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        String[] out = new String[3];
        String[] tags = {"AccessKeyId", "SecretAccessKey", "SessionToken"};
        for (int i = 0; i < 3; i++) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("<" + tags[i] + ">([^<]+)</" + tags[i] + ">")
                    .matcher(xml);
            assertThat(m.find()).as("%s in %s", tags[i], xml).isTrue();
            out[i] = m.group(1);
        }
        return out;
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
