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
  unchanged LOG CDK_OUT            the CLI reports "(no changes)" for every stack
  updated CDK_OUT STATE            a new tag pushed into the same repository, the old one kept, the task runs the new
  destroyed NAME...                none of these stacks remains
  import-certificate CERT KEY      imports a certificate into ACM (as a user's own would be) and prints its ARN
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
}
failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)


def client(service):
    return boto3.client(service, region_name=REGION)


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
    check(len(stacks) == 2, f"the root assembly holds two stacks: {[s[1] for s in stacks]}")
    for display, name, _, _ in stacks:
        description = cfn.describe_stacks(StackName=name)["Stacks"][0]
        check(description["StackStatus"] in ("CREATE_COMPLETE", "UPDATE_COMPLETE"),
              f"{name}: {description['StackStatus']}")
        outputs = {o["OutputKey"]: o.get("OutputValue") for o in description.get("Outputs") or []}
        for key in PROMISED_OUTPUTS[display.rsplit("/", 1)[-1]]:
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


def unchanged(log, cdk_out):
    text = pathlib.Path(log).read_text(errors="replace")
    for display, name, _, _ in root_stacks(cdk_out):
        check(f"{display} ({name}) (no changes)" in text, f"{name}: the CLI reports (no changes)")


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
    cfn = client("cloudformation")
    for name in names:
        try:
            status = cfn.describe_stacks(StackName=name)["Stacks"][0]["StackStatus"]
        except cfn.exceptions.ClientError as e:
            status = "gone" if "does not exist" in str(e) else str(e)
        check(status in ("gone", "DELETE_COMPLETE"), f"{name}: {status}")


def import_certificate(cert, key):
    arn = client("acm").import_certificate(Certificate=pathlib.Path(cert).read_bytes(),
                                           PrivateKey=pathlib.Path(key).read_bytes())["CertificateArn"]
    print(arn)


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "stacks":
        print("\n".join(name for _, name, _, _ in root_stacks(args[0])))
        sys.exit(0)
    commands = {"deployed": deployed, "released": released, "unchanged": unchanged, "updated": updated,
                "import-certificate": import_certificate,
                "destroyed": lambda *names: destroyed(names)}
    if command not in commands:
        sys.exit(__doc__)
    commands[command](*args)
    if failures:
        sys.exit(f"{len(failures)} check(s) failed")
