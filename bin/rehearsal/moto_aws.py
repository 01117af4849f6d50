"""moto_server with two fixes for how the CDK CLI drives CloudFormation, so the rehearsal can run it verbatim.

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
Usage: moto_aws.py [moto_server options], e.g. -H localhost -p 5055.
"""
import sys

from moto.cloudformation import models, parsing, responses
from moto.cloudformation.exceptions import CloudFormationError, ValidationError
from moto.cloudwatch import models as cw_models
from moto.core.common_models import CloudFormationModel
from moto.core.responses import ActionResult, EmptyResult
from moto.core.utils import pascal_to_camelcase, remap_nested_keys
from moto.ecs import models as ecs_models
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
    for key, change_set in backend.change_sets.items():
        if change_set.change_set_name == name and (not stack or stack in (change_set.stack_name,
                                                                           change_set.stack_id)):
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
    original_execute(self, key, stack_name)
    change_set.stack._parse_template()  # execution sets the template's text, not its parsed form
    change_set.stack.output_map = change_set.stack._create_output_map()


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


elbv2_models.FakeLoadBalancer.get_cfn_attribute = load_balancer_attribute
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
