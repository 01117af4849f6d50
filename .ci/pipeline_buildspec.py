"""Prints, one per line as JSON strings, the commands of a CodeBuild action of the synthesized pipeline, read from the
buildspec of the action's CodeBuild project in the pipeline stack's template (not retyped).

Usage: pipeline_buildspec.py TEMPLATE STAGE ACTION [PHASE]   (PHASE: build, the default, or install)
Fn::Join parts are joined, with Ref AWS::Partition as "aws" (the partition the CI configuration's regions are in)."""
import json
import sys


def render(value):
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and "Fn::Join" in value:
        sep, parts = value["Fn::Join"]
        return sep.join(render(p) for p in parts)
    if value == {"Ref": "AWS::Partition"}:
        return "aws"
    sys.exit(f"pipeline_buildspec: cannot render {value!r}")


def main(template_path, stage_name, action_name, phase="build"):
    template = json.load(open(template_path))
    resources = template["Resources"]
    pipelines = [r for r in resources.values() if r["Type"] == "AWS::CodePipeline::Pipeline"]
    if len(pipelines) != 1:
        sys.exit(f"pipeline_buildspec: {len(pipelines)} pipelines in {template_path}")
    stages = {s["Name"]: s for s in pipelines[0]["Properties"]["Stages"]}
    if stage_name not in stages:
        sys.exit(f"pipeline_buildspec: no stage {stage_name} (stages: {', '.join(stages)})")
    actions = {a["Name"]: a for a in stages[stage_name]["Actions"]}
    if action_name not in actions:
        sys.exit(f"pipeline_buildspec: no action {action_name} in {stage_name} (actions: {', '.join(actions)})")
    project = actions[action_name]["Configuration"]["ProjectName"]["Ref"]
    buildspec = json.loads(render(resources[project]["Properties"]["Source"]["BuildSpec"]))
    for command in buildspec["phases"].get(phase, {}).get("commands", []):
        print(json.dumps(command))


if __name__ == "__main__":
    main(*sys.argv[1:])
