"""Seeds moto_server for the pipeline's scan gate: in each environment's account (dev 111111111111, moto's default;
prod 222222222222, reached by assuming a role there, as moto keys resources by the caller's account) the repository
with the image the stage runs (its asset-hash tag, from the pipeline's cloud assembly), a completed scan, and one
finding of the given severity.

Usage: pipeline_scan_seed.py ENDPOINT CDK_OUT SEVERITY"""
import glob
import json
import sys

import boto3
import requests

REGION = "eu-west-1"
ENVIRONMENTS = {"dev": "111111111111", "prod": "222222222222"}
REPOSITORY = "hello-ecs"


def tag(cdk_out, env):
    """The service image's tag: the docker asset's destination tag in the stage's asset manifest."""
    for path in glob.glob(f"{cdk_out}/assembly-hello-ecs-{env}/*.assets.json"):
        for asset in json.load(open(path)).get("dockerImages", {}).values():
            for dest in asset["destinations"].values():
                return dest["imageTag"]
    sys.exit(f"no docker image asset for {env} in {cdk_out}")


def ecr(endpoint, account):
    session = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}
    if account != ENVIRONMENTS["dev"]:
        creds = boto3.client("sts", endpoint_url=endpoint, region_name=REGION, **session).assume_role(
            RoleArn=f"arn:aws:iam::{account}:role/seed", RoleSessionName="seed")["Credentials"]
        session = {"aws_access_key_id": creds["AccessKeyId"], "aws_secret_access_key": creds["SecretAccessKey"],
                   "aws_session_token": creds["SessionToken"]}
    return boto3.client("ecr", endpoint_url=endpoint, region_name=REGION, **session)


def main(endpoint, cdk_out, severity):
    results = []
    for env, account in ENVIRONMENTS.items():
        client, image_tag = ecr(endpoint, account), tag(cdk_out, env)
        try:
            client.create_repository(repositoryName=REPOSITORY)
            digest = "sha256:" + (account[0] * 64)
            client.put_image(repositoryName=REPOSITORY, imageTag=image_tag, imageDigest=digest, imageManifest=json.dumps({
                "schemaVersion": 2, "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
                "config": {"digest": digest, "size": 1, "mediaType": "application/vnd.docker.container.image.v1+json"},
                "layers": []}))
            client.start_image_scan(repositoryName=REPOSITORY, imageId={"imageTag": image_tag})
        except client.exceptions.RepositoryAlreadyExistsException:
            pass
        results.append({"registryId": account, "repositoryName": REPOSITORY, "imageId": {"imageTag": image_tag},
                        "imageScanStatus": {"status": "COMPLETE"},
                        "imageScanFindings": {"findings": [{"name": "CVE-0000-0001", "severity": severity}],
                                              "findingSeverityCounts": {severity: 1}}})
    requests.post(f"{endpoint}/moto-api/static/ecr/scan-finding-results",
                  json={"region": REGION, "results": results}).raise_for_status()


if __name__ == "__main__":
    main(*sys.argv[1:])
