"""Seeds moto_server for the pipeline's scan gate: in each environment's account (dev 111111111111, moto's default;
prod 222222222222, reached by assuming a role there, as moto keys resources by the caller's account) the repository
with the image the stage runs (its asset-hash tag, from the pipeline's cloud assembly), a completed scan, and one
finding of the given severity.

Usage: pipeline_scan_seed.py ENDPOINT CDK_OUT SEVERITY
       pipeline_scan_seed.py ENDPOINT credentials   (prints AWS_* assignments of a session in the pipeline's account,
                                                     the stand-in for the CodeBuild role's credentials)"""
import glob
import hashlib
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


def session(endpoint, account, name="seed"):
    """Credentials of a role session in the account (moto keys what they create or read by that account)."""
    creds = boto3.client("sts", endpoint_url=endpoint, region_name=REGION, aws_access_key_id="testing",
                         aws_secret_access_key="testing").assume_role(
        RoleArn=f"arn:aws:iam::{account}:role/{name}", RoleSessionName=name)["Credentials"]
    return {"aws_access_key_id": creds["AccessKeyId"], "aws_secret_access_key": creds["SecretAccessKey"],
            "aws_session_token": creds["SessionToken"]}


def ecr(endpoint, account):
    return boto3.client("ecr", endpoint_url=endpoint, region_name=REGION, **session(endpoint, account))


def main(endpoint, cdk_out, severity):
    for env, account in ENVIRONMENTS.items():
        client, image_tag = ecr(endpoint, account), tag(cdk_out, env)
        try:
            client.create_repository(repositoryName=REPOSITORY)
        except client.exceptions.RepositoryAlreadyExistsException:
            pass
        # A new push each time: moto allows one scan per image, and the findings are fixed when the scan starts.
        client.batch_delete_image(repositoryName=REPOSITORY, imageIds=[{"imageTag": image_tag}])
        digest = "sha256:" + hashlib.sha256(f"{account} {severity}".encode()).hexdigest()
        client.put_image(repositoryName=REPOSITORY, imageTag=image_tag, imageDigest=digest, imageManifest=json.dumps({
            "schemaVersion": 2, "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
            "config": {"digest": digest, "size": 1, "mediaType": "application/vnd.docker.container.image.v1+json"},
            "layers": []}))
        client.start_image_scan(repositoryName=REPOSITORY, imageId={"imageTag": image_tag})
        # moto's results for DescribeImageScanFindings, per account; bound to the image at its first describe.
        requests.post(f"{endpoint}/moto-api/static/ecr/scan-finding-results", json={
            "account_id": account, "region": REGION, "results": [{
                "registryId": account, "repositoryName": REPOSITORY, "imageId": {"imageTag": image_tag},
                "imageScanStatus": {"status": "COMPLETE"},
                "imageScanFindings": {"findings": [{"name": "CVE-0000-0001", "severity": severity}],
                                      "findingSeverityCounts": {severity: 1}}}]}).raise_for_status()


if __name__ == "__main__":
    if sys.argv[2:] == ["credentials"]:
        creds = session(sys.argv[1], ENVIRONMENTS["dev"], "codebuild-stand-in")
        print(f"AWS_ACCESS_KEY_ID={creds['aws_access_key_id']} AWS_SECRET_ACCESS_KEY={creds['aws_secret_access_key']} "
              f"AWS_SESSION_TOKEN={creds['aws_session_token']}")
    else:
        main(*sys.argv[1:])
