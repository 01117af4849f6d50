"""moto_server with fixes for how the CDK CLI drives CloudFormation and for resources moto does not model, so the
rehearsal can run README's commands verbatim.

moto keys change sets by name across all stacks, but the CLI names every stack's change set `cdk-deploy-change-set`:
deleting one stack's deletes another's (and then fails with an HTTP 500), and describing one may return another's.
Here a change set is found by its name AND its stack, as in CloudFormation, and a missing one is reported as
CloudFormation does (ChangeSetNotFound, which the CLI waits for after deleting one). moto also leaves stack outputs empty
when a stack is created or updated through a change set (it builds them only for CreateStack/UpdateStack); they are
built again after each execution, from the same template, so the rehearsal can read the outputs moto can compute.
When a stack update replaces a task definition, moto registers the new revision from CloudFormation's PascalCase
properties, which its model does not read (the revision has no image); they are converted as moto's own create
does. And for a parameter the CLI passes with UsePreviousValue (the CDK's BootstrapVersion, an SSM parameter type), moto
hands its resolved value, not the SSM parameter's name, to the SSM lookup again; a value that names no SSM parameter is
taken as that resolved value. moto's load balancers and target groups cannot answer Fn::GetAtt for LoadBalancerFullName
and TargetGroupFullName (a target group answers no attribute at all), which the service's alarms and dashboard use
as CloudWatch dimensions: they are computed from the ARN, as ELB defines them (app/NAME/ID, targetgroup/NAME/ID).
moto has no CloudFormation model for AWS::CloudWatch::Alarm (it passes the type without creating anything), so the
dashboard's Fn::GetAtt of an alarm's Arn fails the stack: here alarms are created as moto's own PutMetricAlarm
does, metric math included, so the rehearsal can also check that they exist and notify the topic.
moto does not roll back: a resource that fails to create makes ExecuteChangeSet itself fail and the stack stays
half-made. As CloudFormation does, a failed create is recorded as a CREATE_FAILED event with the error as its reason,
what this stack created is deleted (only that: moto's resource map holds nothing else), and the stack ends in
ROLLBACK_COMPLETE, which the CDK CLI reports as a failed deploy naming the reason.
moto 5.2.1 has CodePipeline and CodeBuild APIs but no CloudFormation model for AWS::CodePipeline::Pipeline or
AWS::CodeBuild::Project (it logs "No Moto CloudFormation support" and creates nothing), so the pipeline stack's role
policies, which name the projects by Fn::GetAtt Arn, cannot be resolved. Both are created here through those APIs'
own backends (the pipeline's create checks that its role exists and trusts codepipeline.amazonaws.com and that it has
two stages or more), so the rehearsal can read the pipeline's stages and the projects as deployed. A project keeps its
EncryptionKey (moto's create always records the AWS-managed aws/s3 key). Neither runs: no execution, no build.
moto hands a repository's ImageScanningConfiguration and EncryptionConfiguration from CloudFormation to its ECR model
in CloudFormation's PascalCase, which the model and DescribeRepositories read in camelCase (scan on push then reads as
unset); they are converted first, so the rehearsal can compare the repository with its template.
moto keeps a KMS key's KeyPolicy from CloudFormation as the template's object, where the API keeps a JSON string:
DescribeKey, which reads the policy, then fails with HTTP 500. The policy is stored as its JSON text.
Usage: moto_aws.py [moto_server options], e.g. -H localhost -p 5055.
"""
import json
import sys

from moto.cloudformation import models, parsing, responses
from moto.cloudformation.models import Event
from moto.cloudformation.exceptions import CloudFormationError, ValidationError
from moto.cloudwatch import models as cw_models
from moto.codebuild import models as codebuild_models
from moto.codepipeline import models as codepipeline_models
from moto.core.common_models import CloudFormationModel
from moto.core.responses import ActionResult, EmptyResult
from moto.core.utils import pascal_to_camelcase, remap_nested_keys
from moto.ecr import models as ecr_models
from moto.ecs import models as ecs_models
from moto.kms import models as kms_models
from moto.elbv2 import models as elbv2_models
from moto.server import main


class ChangeSetNotFound(CloudFormationError):
    code = "ChangeSetNotFound"

    def __init__(self, name):
        super().__init__(f"ChangeSet [{name}] does not exist")


def find(backend, name, stack):
    """The key of the change set with this name (or ARN) in this stack (name or ID), or None."""
    if name in backend.change_sets:
        return name
    for key, change_set in reversed(list(backend.change_sets.items())):
        # The newest with this name, of a stack that still exists: a deleted stack's change sets stay in moto.
        if change_set.change_set_name == name and change_set.stack_id in backend.stacks and (
                not stack or stack in (change_set.stack_name, change_set.stack_id)):
            return key
    return None


def delete_change_set(self):
    key = find(self.cloudformation_backend, self._get_param("ChangeSetName"), self._get_param("StackName"))
    if key is not None:
        del self.cloudformation_backend.change_sets[key]
    return EmptyResult()


def describe_change_set(self):
    name = self._get_param("ChangeSetName")
    key = find(self.cloudformation_backend, name, self._get_param("StackName"))
    if key is None:
        raise ChangeSetNotFound(name)
    return ActionResult(self.cloudformation_backend.change_sets[key])


original_execute = models.CloudFormationBackend.execute_change_set


def execute_change_set(self, change_set_name, stack_name=None):
    key = find(self, change_set_name, stack_name)
    if key is None:
        raise ValidationError(stack_name)
    change_set = self.change_sets[key]
    try:
        original_execute(self, key, stack_name)
    except Exception as error:  # noqa: BLE001 - any resource failure, as CloudFormation reports it
        if change_set.change_set_type != "CREATE":
            raise
        roll_back(change_set, error)
        return
    change_set.stack._parse_template()  # execution sets the template's text, not its parsed form
    change_set.stack.output_map = change_set.stack._create_output_map()


def roll_back(change_set, error):
    stack = change_set.stack
    reason = getattr(error, "message", None) or str(error)
    stack.events.append(Event(stack_id=stack.stack_id, stack_name=stack.name, logical_resource_id=stack.name,
                              physical_resource_id=stack.stack_id, resource_type="AWS::CloudFormation::Stack",
                              resource_status="CREATE_FAILED", resource_status_reason=reason,
                              resource_properties=None))
    stack._add_stack_event("ROLLBACK_IN_PROGRESS", resource_status_reason="The following resource(s) failed to "
                                                                          "create: " + reason)
    stack.template = change_set.template
    stack.resource_map.delete()
    stack._add_stack_event("ROLLBACK_COMPLETE")
    stack.status = "ROLLBACK_COMPLETE"
    stack.status_reason = reason
    change_set.execution_status = "EXECUTE_COMPLETE"


original_ssm = parsing.ResourceMap.parse_ssm_parameter


def parse_ssm_parameter(self, value, value_type):
    if parsing.ssm_backends[self._account_id][self._region_name].get_parameter(value) is None:
        return value
    return original_ssm(self, value, value_type)


original_task_update = ecs_models.TaskDefinition.update_from_cloudformation_json.__func__


def update_task_definition(cls, original_resource, new_resource_name, cloudformation_json, account_id, region_name):
    properties = dict(cloudformation_json["Properties"])
    for key in ("ContainerDefinitions", "Volumes"):
        if key in properties:
            properties[key] = remap_nested_keys(properties[key], pascal_to_camelcase)
    return original_task_update(cls, original_resource, new_resource_name,
                                {**cloudformation_json, "Properties": properties}, account_id, region_name)


original_lb_attribute = elbv2_models.FakeLoadBalancer.get_cfn_attribute


def load_balancer_attribute(self, attribute_name):
    if attribute_name == "LoadBalancerFullName":
        return self.arn.split(":loadbalancer/", 1)[1]
    return original_lb_attribute(self, attribute_name)


def target_group_attribute(self, attribute_name):
    if attribute_name == "TargetGroupFullName":
        return self.arn.split(":", 5)[5]
    if attribute_name == "TargetGroupName":
        return self.name
    if attribute_name == "TargetGroupArn":
        return self.arn
    if attribute_name == "LoadBalancerArns":
        return list(self.load_balancer_arns)
    from moto.cloudformation.exceptions import UnformattedGetAttTemplateException
    raise UnformattedGetAttTemplateException()


class MetricAlarm(CloudFormationModel):
    """AWS::CloudWatch::Alarm for moto's CloudFormation, through the CloudWatch backend's put_metric_alarm."""
    __module__ = "moto.cloudwatch.models"  # moto's model metaclass derives the service from the module name

    def __init__(self, alarm):
        self.alarm = alarm

    @staticmethod
    def cloudformation_name_type():
        return "AlarmName"

    @staticmethod
    def cloudformation_type():
        return "AWS::CloudWatch::Alarm"

    @classmethod
    def has_cfn_attr(cls, attr):
        return attr == "Arn"

    @property
    def physical_resource_id(self):
        return self.alarm.name

    def get_cfn_attribute(self, attribute_name):
        if attribute_name == "Arn":
            return self.alarm.alarm_arn
        from moto.cloudformation.exceptions import UnformattedGetAttTemplateException
        raise UnformattedGetAttTemplateException()

    @staticmethod
    def query(q):
        stat = q.get("MetricStat")
        metric_stat = None
        if stat:
            metric = stat.get("Metric", {})
            metric_stat = cw_models.MetricStat(
                metric=cw_models.Metric(metric_name=metric.get("MetricName"), namespace=metric.get("Namespace"),
                                        dimensions=[cw_models.Dimension(d.get("Name"), d.get("Value"))
                                                    for d in metric.get("Dimensions", [])]),
                period=stat.get("Period"), stat=stat.get("Stat"), unit=stat.get("Unit"))
        return cw_models.MetricDataQuery(query_id=q.get("Id"), label=q.get("Label"), period=q.get("Period"),
                                         return_data=q.get("ReturnData"), expression=q.get("Expression"),
                                         metric_stat=metric_stat)

    @classmethod
    def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
        p = cloudformation_json["Properties"]
        backend = cw_models.cloudwatch_backends[account_id][region_name]
        alarm = backend.put_metric_alarm(
            name=p.get("AlarmName") or resource_name, namespace=p.get("Namespace"), metric_name=p.get("MetricName"),
            metric_data_queries=[cls.query(q) for q in p["Metrics"]] if p.get("Metrics") else None,
            comparison_operator=p.get("ComparisonOperator"), evaluation_periods=p.get("EvaluationPeriods"),
            datapoints_to_alarm=p.get("DatapointsToAlarm"), period=p.get("Period"), threshold=p.get("Threshold"),
            statistic=p.get("Statistic"), extended_statistic=p.get("ExtendedStatistic"),
            description=p.get("AlarmDescription"),
            dimensions=p.get("Dimensions", []),
            alarm_actions=p.get("AlarmActions", []), ok_actions=p.get("OKActions", []),
            insufficient_data_actions=p.get("InsufficientDataActions", []), unit=p.get("Unit"),
            treat_missing_data=p.get("TreatMissingData"))
        return cls(alarm)

    @classmethod
    def update_from_cloudformation_json(cls, original_resource, new_resource_name, cloudformation_json, account_id,
                                        region_name):
        cls.delete_from_cloudformation_json(original_resource.physical_resource_id, cloudformation_json, account_id,
                                            region_name)
        return cls.create_from_cloudformation_json(new_resource_name, cloudformation_json, account_id, region_name)

    @classmethod
    def delete_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name):
        cw_models.cloudwatch_backends[account_id][region_name].delete_alarms([resource_name])

    def delete(self, account_id, region_name):
        cw_models.cloudwatch_backends[account_id][region_name].delete_alarms([self.alarm.name])


def camel_case(properties, keep=()):
    """CloudFormation's PascalCase properties as the API's camelCase; the values of the keys in keep stay as they are."""
    if isinstance(properties, dict):
        return {pascal_to_camelcase(k): (v if k in keep else camel_case(v, keep)) for k, v in properties.items()}
    if isinstance(properties, list):
        return [camel_case(v, keep) for v in properties]
    return properties


class CodeBuildProject(CloudFormationModel):
    """AWS::CodeBuild::Project for moto's CloudFormation, through the CodeBuild backend's create_project."""
    __module__ = "moto.codebuild.models"

    def __init__(self, project):
        self.project = project

    @staticmethod
    def cloudformation_name_type():
        return "Name"

    @staticmethod
    def cloudformation_type():
        return "AWS::CodeBuild::Project"

    @classmethod
    def has_cfn_attr(cls, attr):
        return attr == "Arn"

    @property
    def physical_resource_id(self):
        return self.project.project_metadata["name"]

    def get_cfn_attribute(self, attribute_name):
        if attribute_name == "Arn":
            return self.project.arn
        from moto.cloudformation.exceptions import UnformattedGetAttTemplateException
        raise UnformattedGetAttTemplateException()

    @classmethod
    def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
        p = cloudformation_json["Properties"]
        backend = codebuild_models.codebuild_backends[account_id][region_name]
        backend.create_project(
            project_name=p.get("Name") or resource_name, description=p.get("Description"),
            project_source=camel_case(p.get("Source", {})), artifacts=camel_case(p.get("Artifacts", {})),
            environment=camel_case(p.get("Environment", {})), service_role=p["ServiceRole"], tags=None,
            cache=camel_case(p["Cache"]) if "Cache" in p else None, timeout=p.get("TimeoutInMinutes"),
            queued_timeout=p.get("QueuedTimeoutInMinutes"), source_version=p.get("SourceVersion"),
            logs_config=camel_case(p["LogsConfig"]) if "LogsConfig" in p else None,
            vpc_config=camel_case(p["VpcConfig"]) if "VpcConfig" in p else None)
        project = backend.codebuild_projects[p.get("Name") or resource_name]
        if p.get("EncryptionKey"):
            project.project_metadata["encryptionKey"] = p["EncryptionKey"]
        return cls(project)

    @classmethod
    def update_from_cloudformation_json(cls, original_resource, new_resource_name, cloudformation_json, account_id,
                                        region_name):
        # Same name: CloudFormation updates a project in place.
        name = original_resource.physical_resource_id
        codebuild_models.codebuild_backends[account_id][region_name].delete_project(name)
        return cls.create_from_cloudformation_json(name, cloudformation_json, account_id, region_name)

    @classmethod
    def delete_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name):
        codebuild_models.codebuild_backends[account_id][region_name].delete_project(resource_name)

    def delete(self, account_id, region_name):
        codebuild_models.codebuild_backends[account_id][region_name].delete_project(self.physical_resource_id)


class CodePipelinePipeline(CloudFormationModel):
    """AWS::CodePipeline::Pipeline for moto's CloudFormation, through the CodePipeline backend's create_pipeline."""
    __module__ = "moto.codepipeline.models"

    def __init__(self, name):
        self.name = name

    @staticmethod
    def cloudformation_name_type():
        return "Name"

    @staticmethod
    def cloudformation_type():
        return "AWS::CodePipeline::Pipeline"

    @classmethod
    def has_cfn_attr(cls, attr):
        return False

    @property
    def physical_resource_id(self):
        return self.name

    @staticmethod
    def declaration(name, properties):
        # The API's shape; an action's Configuration keeps its keys (they are PascalCase in the API too).
        pipeline = camel_case({k: v for k, v in properties.items() if k not in ("Tags", "RestartExecutionOnUpdate")},
                              keep=("Configuration",))
        pipeline["name"] = name
        return pipeline

    @classmethod
    def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
        name = cloudformation_json["Properties"].get("Name") or resource_name
        codepipeline_models.codepipeline_backends[account_id][region_name].create_pipeline(
            cls.declaration(name, cloudformation_json["Properties"]), None)
        return cls(name)

    @classmethod
    def update_from_cloudformation_json(cls, original_resource, new_resource_name, cloudformation_json, account_id,
                                        region_name):
        name = original_resource.physical_resource_id
        codepipeline_models.codepipeline_backends[account_id][region_name].update_pipeline(
            cls.declaration(name, cloudformation_json["Properties"]))
        return original_resource

    @classmethod
    def delete_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name):
        codepipeline_models.codepipeline_backends[account_id][region_name].delete_pipeline(resource_name)

    def delete(self, account_id, region_name):
        codepipeline_models.codepipeline_backends[account_id][region_name].delete_pipeline(self.name)


original_repository_create = ecr_models.Repository.create_from_cloudformation_json.__func__


def create_repository(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
    properties = dict(cloudformation_json["Properties"])
    for key in ("ImageScanningConfiguration", "EncryptionConfiguration"):
        if key in properties:
            properties[key] = remap_nested_keys(properties[key], pascal_to_camelcase)
    return original_repository_create(cls, resource_name, {**cloudformation_json, "Properties": properties},
                                      account_id, region_name, **kwargs)


original_key_create = kms_models.Key.create_from_cloudformation_json.__func__


def create_key(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
    properties = dict(cloudformation_json["Properties"])
    if not isinstance(properties.get("KeyPolicy"), str):
        properties["KeyPolicy"] = json.dumps(properties.get("KeyPolicy"))
    return original_key_create(cls, resource_name, {**cloudformation_json, "Properties": properties},
                               account_id, region_name, **kwargs)


elbv2_models.FakeLoadBalancer.get_cfn_attribute = load_balancer_attribute
kms_models.Key.create_from_cloudformation_json = classmethod(create_key)
ecr_models.Repository.create_from_cloudformation_json = classmethod(create_repository)
elbv2_models.FakeTargetGroup.get_cfn_attribute = target_group_attribute
elbv2_models.FakeTargetGroup.has_cfn_attr = classmethod(
    lambda cls, attr: attr in ("TargetGroupFullName", "TargetGroupName", "TargetGroupArn", "LoadBalancerArns"))
responses.CloudFormationResponse.delete_change_set = delete_change_set
responses.CloudFormationResponse.describe_change_set = describe_change_set
models.CloudFormationBackend.execute_change_set = execute_change_set
parsing.ResourceMap.parse_ssm_parameter = parse_ssm_parameter
ecs_models.TaskDefinition.update_from_cloudformation_json = classmethod(update_task_definition)

if __name__ == "__main__":
    main(sys.argv[1:])
