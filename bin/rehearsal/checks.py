"""What the rehearsal asserts after each step, against the emulated AWS APIs (boto3, AWS_ENDPOINT_URL) and the
local registry's own HTTP API (not ECR's: moto's ECR knows nothing of what the registry holds).

Usage: checks.py COMMAND ARGS, with REHEARSAL_ACCOUNT, REHEARSAL_REGION and REHEARSAL_CACERT set:
  stacks CDK_OUT                   the stack names `cdk deploy --all` deploys (the root assembly's), one per line
  deployed CDK_OUT STATE           stacks complete, image in the registry, task definition runs it, outputs there;
                                   writes the image tag to STATE
  released CDK_OUT                 the release safety net: every alarm of the template exists and notifies the alarm
                                   topic on ALARM and OK, the dashboard exists, and a traffic-shifting strategy's
                                   production rule forwards to both target groups, 100/0 (moto keeps no ECS
                                   deployment configuration: the strategy itself is checked by the template tests)
  default-sg CDK_OUT open|closed   the service stack's VPC exists and its default security group still has AWS's
                                   default rules (before operations.md's command), or none (after)
  unchanged LOG CDK_OUT            the CLI reports "(no changes)" for every stack
  updated CDK_OUT STATE            a new tag pushed into the same repository, the old one kept, the task runs the new
  destroyed NAME...                none of these stacks remains
  import-certificate CERT KEY      imports a certificate into ACM (as a user's own would be) and prints its ARN
  ecs-role                         creates AWSServiceRoleForECS, by the name and path AWS gives it
  foreign-repo REGION create|intact|delete
                                   a repository with the app's name and one image in REGION that the app did not
                                   create: makes it, checks it and its image are still there, or removes it
  replica CDK_OUT REGION           the replica stack is complete and its repository has the source's settings
  replica-gone REGION              the replica repository was deleted with its stack
  pipeline CDK_OUT                 with a pipeline configured: the root assembly is the registry stack(s) and the
                                   pipeline stack, complete; each repository in ECR with its template's settings; every
                                   resource of the pipeline stack deployed (moto's models, in their own APIs), except the
                                   types moto does not model (NOT_MODELLED, an exact list); the pipeline's stages and
                                   CodeBuild projects as synthesized, with the artifact key; no image in ECR or in
                                   the registry (the pipeline's Assets stage pushes it)
  pipeline-gone                    no pipeline, CodeBuild project or repository of the app is left
"""
import json
import os
import pathlib
import ssl
import sys
import urllib.error
import urllib.parse
import urllib.request

import boto3

ACCOUNT = os.environ["REHEARSAL_ACCOUNT"]
REGION = os.environ["REHEARSAL_REGION"]
REGISTRY = f"{ACCOUNT}.dkr.ecr.{REGION}.amazonaws.com"
# The outputs README promises, by the stack's construct ID (the last part of its display name).
PROMISED_OUTPUTS = {
    "Registry": ["RepositoryUri", "RepositoryArn", "DockerLogin"],
    "Service": ["LoadBalancerDnsName", "ServiceUrl", "DashboardName", "DashboardUrl", "AlarmTopicArn"],
    "Replica": ["ReplicaRepositoryUri"],
}
REPOSITORY = os.environ.get("REHEARSAL_REPOSITORY", "hello-ecs")
FOREIGN_TAG = "not-this-apps"
failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)


def client(service, region=REGION):
    return boto3.client(service, region_name=region)


def stack_region(artifact):
    """The region of a stack artifact (aws://ACCOUNT/REGION)."""
    return artifact["environment"].rsplit("/", 1)[-1]


def root_stacks(cdk_out):
    """(display name, stack name, artifact) of every stack in the root assembly."""
    root = pathlib.Path(cdk_out)
    artifacts = json.loads((root / "manifest.json").read_text())["artifacts"]
    return [(a.get("displayName", key), a["properties"].get("stackName", key), a, artifacts)
            for key, a in artifacts.items() if a["type"] == "aws:cloudformation:stack"]


def service_image(cdk_out):
    """(stack name, repository, tag) of the one image asset of the root assembly's stacks."""
    images = []
    for _, name, artifact, artifacts in root_stacks(cdk_out):
        for dependency in artifact.get("dependencies", []):
            dep = artifacts.get(dependency, {})
            if dep.get("type") == "cdk:asset-manifest":
                manifest = json.loads((pathlib.Path(cdk_out) / dep["properties"]["file"]).read_text())
                for image in manifest.get("dockerImages", {}).values():
                    for destination in image["destinations"].values():
                        images.append((name, destination["repositoryName"], destination["imageTag"]))
    if len(images) != 1:
        sys.exit(f"expected one image asset in {cdk_out}, found {images}")
    return images[0]


def registry_get(path, accept=None):
    context = ssl.create_default_context(cafile=os.environ["REHEARSAL_CACERT"])
    request = urllib.request.Request(f"https://{REGISTRY}{path}")
    if accept:
        request.add_header("Accept", accept)
    with urllib.request.urlopen(request, context=context, timeout=10) as response:
        return response.status, response.read()


def registry_tags(repository):
    try:
        return set(json.loads(registry_get(f"/v2/{repository}/tags/list")[1]).get("tags") or [])
    except urllib.error.HTTPError as e:
        if e.code == 404:
            return set()
        raise


def manifest_exists(repository, tag):
    accept = ",".join(["application/vnd.docker.distribution.manifest.v2+json",
                       "application/vnd.oci.image.manifest.v1+json",
                       "application/vnd.oci.image.index.v1+json",
                       "application/vnd.docker.distribution.manifest.list.v2+json"])
    try:
        return registry_get(f"/v2/{repository}/manifests/{tag}", accept)[0] == 200
    except urllib.error.HTTPError:
        return False


def task_images(stack_name):
    """The images of the stack's task definition, and of the task definition its ECS service runs."""
    cfn, ecs = client("cloudformation"), client("ecs")
    resources = [r for page in cfn.get_paginator("list_stack_resources").paginate(StackName=stack_name)
                 for r in page["StackResourceSummaries"]]
    by_type = {r.get("ResourceType"): r.get("PhysicalResourceId") for r in resources}
    service = ecs.describe_services(cluster=by_type["AWS::ECS::Cluster"],
                                    services=[by_type["AWS::ECS::Service"]])["services"][0]

    def images(task_definition):
        described = ecs.describe_task_definition(taskDefinition=task_definition)["taskDefinition"]
        # moto registers a task definition replaced by a stack update with CloudFormation's property names.
        return [c.get("image", c.get("Image")) for c in described["containerDefinitions"]]

    return images(by_type["AWS::ECS::TaskDefinition"]), images(service["taskDefinition"])


def image_runs(cdk_out, label, service_follows=True):
    stack, repository, tag = service_image(cdk_out)
    check(tag in registry_tags(repository) and manifest_exists(repository, tag),
          f"{label}: image {repository}:{tag[:12]}... is in the registry (its manifest resolves)")
    expected = [f"{REGISTRY}/{repository}:{tag}"]
    definition, running = task_images(stack)
    check(definition == expected, f"{label}: the stack's task definition runs exactly it: {definition}")
    if service_follows:
        check(running == expected, f"{label}: the ECS service runs that task definition")
    return repository, tag


def deployed(cdk_out, state):
    cfn, elb = client("cloudformation"), client("elbv2")
    stacks = root_stacks(cdk_out)
    replicas = [s for s in stacks if s[0].rsplit("/", 1)[-1].startswith("Replica-")]
    check(len(stacks) == 2 + len(replicas), f"the root assembly holds two stacks and {len(replicas)} replica "
                                            f"stack(s): {[s[1] for s in stacks]}")
    for display, name, artifact, _ in stacks:
        description = client("cloudformation", stack_region(artifact)).describe_stacks(StackName=name)["Stacks"][0]
        check(description["StackStatus"] in ("CREATE_COMPLETE", "UPDATE_COMPLETE"),
              f"{name}: {description['StackStatus']}")
        outputs = {o["OutputKey"]: o.get("OutputValue") for o in description.get("Outputs") or []}
        for key in PROMISED_OUTPUTS[display.rsplit("/", 1)[-1].split("-", 1)[0]]:
            check(bool(outputs.get(key)), f"{name}: output {key} = {outputs.get(key)}")
        if "LoadBalancerDnsName" in outputs:
            names = [lb["DNSName"] for lb in elb.describe_load_balancers()["LoadBalancers"]]
            check(outputs["LoadBalancerDnsName"] in names,
                  f"{name}: LoadBalancerDnsName is the load balancer's DNS name {names}")
            check(urllib.parse.urlparse(outputs.get("ServiceUrl", "")).hostname == outputs["LoadBalancerDnsName"].lower(),
                  f"{name}: ServiceUrl {outputs.get('ServiceUrl')} opens the load balancer")
    repository, tag = image_runs(cdk_out, "first deploy")
    pathlib.Path(state).write_text(json.dumps({"repository": repository, "tag": tag}))


def released(cdk_out):
    cfn, cw, elb = client("cloudformation"), client("cloudwatch"), client("elbv2")
    for display, name, artifact, _ in root_stacks(cdk_out):
        if display.rsplit("/", 1)[-1] != "Service":
            continue
        template = json.loads((pathlib.Path(cdk_out) / artifact["properties"]["templateFile"]).read_text())
        resources = template["Resources"].values()
        outputs = {o["OutputKey"]: o.get("OutputValue")
                   for o in cfn.describe_stacks(StackName=name)["Stacks"][0].get("Outputs") or []}
        topic = outputs.get("AlarmTopicArn")
        expected = sorted(r["Properties"]["AlarmName"] for r in resources if r["Type"] == "AWS::CloudWatch::Alarm")
        check(len(expected) >= 5, f"{name}: the template has the service's alarms {expected}")
        alarms = {a["AlarmName"]: a for a in cw.describe_alarms(AlarmNames=expected)["MetricAlarms"]}
        check(sorted(alarms) == expected, f"{name}: the alarms exist: {sorted(alarms)}")
        for alarm in alarms.values():
            check(alarm.get("AlarmActions") == [topic] and alarm.get("OKActions") == [topic],
                  f"{name}: {alarm['AlarmName']} notifies the alarm topic on ALARM and OK")
        dashboards = [d["DashboardName"] for d in cw.list_dashboards()["DashboardEntries"]]
        check(outputs.get("DashboardName") in dashboards, f"{name}: dashboard {outputs.get('DashboardName')} exists")
        strategy = next(r["Properties"]["DeploymentConfiguration"].get("Strategy", "ROLLING")
                        for r in resources if r["Type"] == "AWS::ECS::Service")
        groups = [g for g in elb.describe_target_groups()["TargetGroups"] if g["TargetGroupName"].startswith(name[:20])]
        check(len(groups) == (1 if strategy == "ROLLING" else 2),
              f"{name}: {len(groups)} target group(s) for strategy {strategy}")
        if strategy != "ROLLING":
            weights = []
            for lb in elb.describe_load_balancers()["LoadBalancers"]:
                for listener in elb.describe_listeners(LoadBalancerArn=lb["LoadBalancerArn"])["Listeners"]:
                    for rule in elb.describe_rules(ListenerArn=listener["ListenerArn"])["Rules"]:
                        for action in rule["Actions"]:
                            forward = action.get("ForwardConfig") or {}
                            weights.append(sorted(t["Weight"] for t in forward.get("TargetGroups", [])))
            check([0, 100] in weights, f"{name}: a production rule forwards to two target groups, 100/0: {weights}")


def default_sg(cdk_out, state):
    ec2 = client("ec2")
    for display, name, _, _ in root_stacks(cdk_out):
        if display.rsplit("/", 1)[-1] != "Service":
            continue
        vpcs = [r["PhysicalResourceId"] for r in stack_resources(name).values() if r["ResourceType"] == "AWS::EC2::VPC"]
        check(len(vpcs) == 1, f"{name}: one VPC {vpcs}")
        groups = ec2.describe_security_groups(Filters=[{"Name": "vpc-id", "Values": vpcs[:1]},
                                                       {"Name": "group-name", "Values": ["default"]}])["SecurityGroups"]
        rules = [(g["IpPermissions"], g["IpPermissionsEgress"]) for g in groups]
        if state == "open":
            check(len(rules) == 1 and any(rules[0]), f"{name}: the VPC's default security group has rules: {rules}")
        else:
            check(rules == [([], [])], f"{name}: the VPC's default security group has no rule left: {rules}")


def unchanged(log, cdk_out):
    text = pathlib.Path(log).read_text(errors="replace")
    for display, name, _, _ in root_stacks(cdk_out):
        # The CLI names a stack "DISPLAY (NAME)", or just NAME when they are the same (top-level stacks).
        label = name if display == name else f"{display} ({name})"
        check(f"{label} (no changes)" in text, f"{name}: the CLI reports (no changes)")


def updated(cdk_out, state):
    before = json.loads(pathlib.Path(state).read_text())
    # moto compares a resource's template text, not its resolved values: the service's {"Ref": TaskDefinition} reads
    # the same after the task definition is replaced, so moto leaves the service on the old revision (CloudFormation
    # updates it). The stack's new task definition is checked; the service only after the first deploy.
    repository, tag = image_runs(cdk_out, "update", service_follows=False)
    check(repository == before["repository"], f"the same repository {repository}")
    check(tag != before["tag"], f"a new tag {tag[:12]}... (was {before['tag'][:12]}...)")
    check(before["tag"] in registry_tags(repository), "the previous image stays: tags are immutable, never moved")


def destroyed(names):
    for name in names:
        # A replica stack's name ends in its region (ID-replica-REGION[-ACCOUNT]).
        region = next((r for r in boto3.session.Session().get_available_regions("cloudformation")
                       if f"-replica-{r}" in name), REGION)
        cfn = client("cloudformation", region)
        try:
            status = cfn.describe_stacks(StackName=name)["Stacks"][0]["StackStatus"]
        except cfn.exceptions.ClientError as e:
            status = "gone" if "does not exist" in str(e) else str(e)
        check(status in ("gone", "DELETE_COMPLETE"), f"{name}: {status}")


def import_certificate(cert, key):
    arn = client("acm").import_certificate(Certificate=pathlib.Path(cert).read_bytes(),
                                           PrivateKey=pathlib.Path(key).read_bytes())["CertificateArn"]
    print(arn)


def ecs_role():
    client("iam").create_role(RoleName="AWSServiceRoleForECS", Path="/aws-service-role/ecs.amazonaws.com/",
                              AssumeRolePolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [{
                                  "Effect": "Allow", "Principal": {"Service": "ecs.amazonaws.com"},
                                  "Action": "sts:AssumeRole"}]}))
    print("created AWSServiceRoleForECS")


FOREIGN_MANIFEST = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
                               "config": {"digest": "sha256:" + "f" * 64, "size": 1,
                                          "mediaType": "application/vnd.docker.container.image.v1+json"},
                               "layers": []})
FOREIGN_DIGEST = "sha256:" + "e" * 64


def foreign_repo(region, action):
    ecr = client("ecr", region)
    if action == "create":
        ecr.create_repository(repositoryName=REPOSITORY, imageTagMutability="MUTABLE")
        ecr.put_image(repositoryName=REPOSITORY, imageTag=FOREIGN_TAG, imageManifest=FOREIGN_MANIFEST,
                      imageDigest=FOREIGN_DIGEST)
        print(f"created {REPOSITORY} in {region} with image {FOREIGN_TAG} (not this app's)")
    elif action == "intact":
        try:
            images = ecr.describe_images(repositoryName=REPOSITORY)["imageDetails"]
        except ecr.exceptions.RepositoryNotFoundException:
            images = None
        check(images is not None, f"the foreign repository {REPOSITORY} in {region} is still there")
        check(any(FOREIGN_TAG in (i.get("imageTags") or []) and i["imageDigest"] == FOREIGN_DIGEST
                  for i in images or []), f"... with its image {FOREIGN_TAG}")
        mutability = ecr.describe_repositories(repositoryNames=[REPOSITORY])["repositories"][0][
            "imageTagMutability"] if images is not None else None
        check(mutability == "MUTABLE", f"... and its own settings (imageTagMutability {mutability})")
    elif action == "delete":
        ecr.delete_repository(repositoryName=REPOSITORY, force=True)
        print(f"deleted the foreign {REPOSITORY} in {region} (the rehearsal's own, to go on)")
    else:
        sys.exit(__doc__)


def replica(cdk_out, region):
    stacks = [s for s in root_stacks(cdk_out) if stack_region(s[2]) == region
              and s[0].rsplit("/", 1)[-1].startswith("Replica-")]
    check(len(stacks) == 1, f"one replica stack in {region}: {[s[1] for s in stacks]}")
    if not stacks:
        return
    name = stacks[0][1]
    status = client("cloudformation", region).describe_stacks(StackName=name)["Stacks"][0]["StackStatus"]
    check(status in ("CREATE_COMPLETE", "UPDATE_COMPLETE"), f"{name}: {status}")
    source_ecr, replica_ecr = client("ecr"), client("ecr", region)
    source = source_ecr.describe_repositories(repositoryNames=[REPOSITORY])["repositories"][0]
    try:
        copy = replica_ecr.describe_repositories(repositoryNames=[REPOSITORY])["repositories"][0]
    except replica_ecr.exceptions.RepositoryNotFoundException:
        check(False, f"replica repository {REPOSITORY} in {region}")
        return
    check(copy["repositoryArn"].split(":")[3] == region, f"replica {copy['repositoryUri']}")
    for key in ("imageTagMutability", "imageScanningConfiguration"):
        check(copy.get(key) == source.get(key), f"replica {key} {copy.get(key)} == source's {source.get(key)}")
    check(copy["encryptionConfiguration"]["encryptionType"] == source["encryptionConfiguration"]["encryptionType"],
          f"replica encryption {copy['encryptionConfiguration']} (source {source['encryptionConfiguration']})")

    # moto's CloudFormation does not set a repository's lifecycle policy (nor its repository policy): compare the
    # deployed templates' repository properties instead.
    def repository_properties(display_suffix):
        for display, _, artifact, _ in root_stacks(cdk_out):
            if display.rsplit("/", 1)[-1].startswith(display_suffix):
                template = json.loads((pathlib.Path(cdk_out) / artifact["properties"]["templateFile"]).read_text())
                return next(r["Properties"] for r in template["Resources"].values()
                            if r["Type"] == "AWS::ECR::Repository")
        return {}

    source_props, replica_props = repository_properties("Registry"), repository_properties("Replica-")
    for key in ("RepositoryName", "LifecyclePolicy", "ImageTagMutability", "ImageScanningConfiguration",
                "EmptyOnDelete"):
        check(key in source_props and replica_props.get(key) == source_props.get(key),
              f"replica template {key} == source's")


def replica_gone(region):
    ecr = client("ecr", region)
    try:
        ecr.describe_repositories(repositoryNames=[REPOSITORY])
        check(False, f"replica {REPOSITORY} in {region} deleted with its stack")
    except ecr.exceptions.RepositoryNotFoundException:
        check(True, f"replica {REPOSITORY} in {region} deleted with its stack")


# Resource types of the pipeline configuration's stacks that moto 5.2.1's CloudFormation does not model: it logs "No
# Moto CloudFormation support", creates nothing and lists no such resource in the stack. Exact: a type missing here
# that moto skips, or one here that moto creates, fails the check (so a newer moto updates the list).
# (AWS::CodePipeline::Pipeline and AWS::CodeBuild::Project are modelled by moto_aws.py.)
NOT_MODELLED = {
    "AWS::S3::BucketPolicy": "the artifact bucket's policy (TLS only) is not applied",
    "AWS::SNS::TopicPolicy": "the scan-alert topic's policy is not applied",
    "AWS::CDK::Metadata": "the CDK's version report (no AWS resource)",
}


def stack_resources(name, region=REGION):
    cfn = client("cloudformation", region)
    return {r["LogicalResourceId"]: r for page in cfn.get_paginator("list_stack_resources").paginate(StackName=name)
            for r in page["StackResourceSummaries"]}


def template_of(cdk_out, artifact):
    return json.loads((pathlib.Path(cdk_out) / artifact["properties"]["templateFile"]).read_text())


def resources_deployed(name, template):
    """Every resource of the template is in the stack with a physical ID, but the NOT_MODELLED types."""
    deployed = stack_resources(name)
    for logical_id, resource in template["Resources"].items():
        kind = resource["Type"]
        there = bool(deployed.get(logical_id, {}).get("PhysicalResourceId"))
        if kind in NOT_MODELLED:
            check(not there, f"{name}: {logical_id} ({kind}) not made by moto: {NOT_MODELLED[kind]}"
                             + (" -- moto models it now: update NOT_MODELLED" if there else ""))
        else:
            check(there, f"{name}: {logical_id} ({kind}) deployed as {deployed.get(logical_id, {}).get('PhysicalResourceId')}")
    return {logical_id: r["PhysicalResourceId"] for logical_id, r in deployed.items()}


def repository_deployed(name, template):
    ecr = client("ecr")
    props = next(r["Properties"] for r in template["Resources"].values() if r["Type"] == "AWS::ECR::Repository")
    repository_name = props["RepositoryName"]
    try:
        repo = ecr.describe_repositories(repositoryNames=[repository_name])["repositories"][0]
    except ecr.exceptions.RepositoryNotFoundException:
        check(False, f"{name}: repository {repository_name} in ECR")
        return repository_name
    check(repo["repositoryUri"] == f"{REGISTRY}/{repository_name}", f"{name}: repository {repo['repositoryUri']}")
    check(repo["imageTagMutability"] == props.get("ImageTagMutability", "MUTABLE"),
          f"{name}: imageTagMutability {repo['imageTagMutability']} as the template's")
    scan = props.get("ImageScanningConfiguration", {}).get("ScanOnPush", False)
    check(repo["imageScanningConfiguration"]["scanOnPush"] == scan, f"{name}: scanOnPush {scan} as the template's")
    encryption = props.get("EncryptionConfiguration", {}).get("EncryptionType", "AES256")
    check(repo["encryptionConfiguration"]["encryptionType"] == encryption,
          f"{name}: encryption {repo['encryptionConfiguration']['encryptionType']} as the template's")
    images = ecr.describe_images(repositoryName=repository_name)["imageDetails"]
    check(images == [], f"{name}: no image in ECR's {repository_name} (the pipeline's Assets stage pushes it): {images}")
    tags = registry_tags(repository_name)
    check(tags == set(), f"{name}: no image in the registry's {repository_name}: {sorted(tags)}")
    return repository_name


def pipeline(cdk_out):
    stacks = root_stacks(cdk_out)
    registries = [s for s in stacks if s[1].endswith("-registry")]
    pipelines = [s for s in stacks if s[1].endswith("-pipeline")]
    check(len(pipelines) == 1 and len(registries) >= 1 and len(stacks) == len(registries) + 1,
          f"the root assembly holds the registry stack(s) and the pipeline stack: {[s[1] for s in stacks]}")
    for _, name, artifact, _ in stacks:
        status = client("cloudformation", stack_region(artifact)).describe_stacks(StackName=name)["Stacks"][0][
            "StackStatus"]
        check(status in ("CREATE_COMPLETE", "UPDATE_COMPLETE"), f"{name}: {status}")
    for _, name, artifact, _ in registries:
        template = template_of(cdk_out, artifact)
        resources_deployed(name, template)
        repository_deployed(name, template)
        outputs = {o["OutputKey"]: o.get("OutputValue")
                   for o in client("cloudformation").describe_stacks(StackName=name)["Stacks"][0].get("Outputs") or []}
        for key in PROMISED_OUTPUTS["Registry"]:
            check(bool(outputs.get(key)), f"{name}: output {key} = {outputs.get(key)}")
    catalog = json.loads(registry_get("/v2/_catalog")[1]).get("repositories") or []
    check(catalog == [], f"nothing pushed to the registry by the deploy (its catalog): {catalog}")
    if not pipelines:
        return
    _, name, artifact, _ = pipelines[0]
    check(set(s[1] for s in registries) <= set(artifact.get("dependencies", [])),
          f"{name} depends on the registry stacks (deployed before it)")
    template = template_of(cdk_out, artifact)
    physical = resources_deployed(name, template)
    of_type = lambda kind: {k: r["Properties"] for k, r in template["Resources"].items() if r["Type"] == kind}
    iam, kms, s3 = client("iam"), client("kms"), client("s3")
    for logical_id in of_type("AWS::IAM::Role"):
        role = iam.get_role(RoleName=physical.get(logical_id, "?"))["Role"]
        check(bool(role["AssumeRolePolicyDocument"]["Statement"]), f"{name}: role {role['RoleName']} with its trust")
    for logical_id, props in of_type("AWS::IAM::Policy").items():
        for role_ref in props["Roles"]:
            role_name = physical.get(role_ref.get("Ref"), "?")
            policies = iam.list_role_policies(RoleName=role_name)["PolicyNames"]
            check(props["PolicyName"] in policies, f"{name}: {role_name} has its inline policy {props['PolicyName']}")
    keys = of_type("AWS::KMS::Key")
    check(len(keys) == 1, f"{name}: one KMS key (the artifact key): {list(keys)}")
    key_arn = None
    for logical_id, props in keys.items():
        key = kms.describe_key(KeyId=physical.get(logical_id, "?"))["KeyMetadata"]
        key_arn = key["Arn"]
        check(key["KeyState"] == "Enabled", f"{name}: artifact key {key['KeyId']} enabled")
        check(kms.get_key_rotation_status(KeyId=key["KeyId"])["KeyRotationEnabled"] == bool(props.get("EnableKeyRotation")),
              f"{name}: artifact key rotation {props.get('EnableKeyRotation')} as the template's")
    for logical_id in of_type("AWS::S3::Bucket"):
        bucket = physical.get(logical_id, "?")
        s3.head_bucket(Bucket=bucket)
        check(True, f"{name}: artifact bucket {bucket} exists")
        rules = s3.get_bucket_encryption(Bucket=bucket)["ServerSideEncryptionConfiguration"]["Rules"]
        default = rules[0]["ApplyServerSideEncryptionByDefault"]
        check(default["SSEAlgorithm"] == "aws:kms" and default.get("KMSMasterKeyID") == key_arn,
              f"{name}: artifact bucket encrypted with the artifact key: {default}")
    codebuild, codepipeline = client("codebuild"), client("codepipeline")
    project_ids = list(of_type("AWS::CodeBuild::Project"))
    projects = codebuild.batch_get_projects(names=[physical.get(p, "?") for p in project_ids])["projects"]
    check(len(projects) == len(project_ids) >= 4,
          f"{name}: {len(projects)} CodeBuild projects {sorted(p['name'] for p in projects)}")
    for project in projects:
        check(project.get("encryptionKey") == key_arn, f"{name}: project {project['name']} uses the artifact key")
    declared = next(iter(of_type("AWS::CodePipeline::Pipeline").values()))
    deployed = codepipeline.get_pipeline(name=declared["Name"])["pipeline"]
    stages = [s["name"] for s in deployed["stages"]]
    check(stages == [s["Name"] for s in declared["Stages"]] and stages[:4] == ["Source", "Build", "UpdatePipeline",
                                                                                "Assets"],
          f"{name}: pipeline {declared['Name']} with stages {stages}")
    check(deployed["artifactStore"]["location"] == physical.get(declared["ArtifactStore"]["Location"]["Ref"]),
          f"{name}: the pipeline's artifact store is the artifact bucket")
    source = deployed["stages"][0]["actions"][0]["configuration"]
    check(source.get("ConnectionArn", "").startswith("arn:aws:codeconnections:") and source.get("BranchName"),
          f"{name}: the source action reads {source.get('FullRepositoryId')}@{source.get('BranchName')} "
          f"through {source.get('ConnectionArn')}")
    names = {p["name"] for p in projects}
    used = [a["configuration"].get("ProjectName") for s in deployed["stages"] for a in s["actions"]
            if a["actionTypeId"]["provider"] == "CodeBuild"]
    check(bool(used) and all(p in names for p in used), f"{name}: every CodeBuild action runs one of these projects")


def pipeline_gone():
    codebuild, codepipeline, ecr = client("codebuild"), client("codepipeline"), client("ecr")
    pipelines = [p["name"] for p in codepipeline.list_pipelines()["pipelines"]]
    check(pipelines == [], f"no pipeline left: {pipelines}")
    projects = codebuild.list_projects()["projects"]
    check(projects == [], f"no CodeBuild project left: {projects}")
    # The bootstrap's asset repository stays (CDKToolkit is not the app's).
    repositories = [r["repositoryName"] for r in ecr.describe_repositories()["repositories"]
                    if not (r["repositoryName"].startswith("cdk-") and "-container-assets-" in r["repositoryName"])]
    check(repositories == [], f"no repository of the app left: {repositories}")


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "stacks":
        print("\n".join(name for _, name, _, _ in root_stacks(args[0])))
        sys.exit(0)
    commands = {"deployed": deployed, "released": released, "default-sg": default_sg, "unchanged": unchanged,
                "updated": updated,
                "import-certificate": import_certificate, "ecs-role": ecs_role, "foreign-repo": foreign_repo,
                "replica": replica, "replica-gone": replica_gone, "pipeline": pipeline, "pipeline-gone": pipeline_gone,
                "destroyed": lambda *names: destroyed(names)}
    if command not in commands:
        sys.exit(__doc__)
    commands[command](*args)
    if failures:
        sys.exit(f"{len(failures)} check(s) failed")
