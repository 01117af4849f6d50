"""Fails unless the cloud assembly holds the registry and service stacks with their outputs."""
import json
import pathlib
import sys

root = pathlib.Path(sys.argv[1])
templates = {}
for manifest in root.rglob("manifest.json"):
    for name, artifact in json.loads(manifest.read_text()).get("artifacts", {}).items():
        if artifact.get("type") == "aws:cloudformation:stack":
            template = manifest.parent / artifact["properties"]["templateFile"]
            templates[artifact.get("displayName", name)] = json.loads(template.read_text())

expected = {
    "/Registry": ["RepositoryUri", "RepositoryArn", "DockerLogin"],
    "/Service": ["LoadBalancerDnsName", "ServiceUrl", "DashboardName", "DashboardUrl", "AlarmTopicArn"],
}
missing = []
for suffix, outputs in expected.items():
    stacks = [n for n in templates if n.endswith(suffix)]
    if not stacks:
        missing.append(f"no stack *{suffix}")
    for stack in stacks:
        for out in outputs:
            if out not in templates[stack].get("Outputs", {}):
                missing.append(f"{stack}: no output {out}")
print("stacks:", ", ".join(sorted(templates)))
if missing:
    sys.exit("assembly check failed: " + "; ".join(missing))
print("assembly check passed")
