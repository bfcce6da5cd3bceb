/**
 * The `required-tags` rule for the AWS resources our components create.
 */
import { framework, requiredTagsRule } from "../../core";

/** The taggable AWS types that privatelink components create (and `aws.alb` twins of `aws.lb`). */
export const AWS_TAGGABLE_TYPES: readonly string[] = [
    "aws:ec2/vpcEndpointService:VpcEndpointService",
    "aws:ec2/vpcEndpoint:VpcEndpoint",
    "aws:ec2/securityGroup:SecurityGroup",
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    "aws:lb/loadBalancer:LoadBalancer",
    "aws:alb/loadBalancer:LoadBalancer",
    "aws:lb/targetGroup:TargetGroup",
    "aws:alb/targetGroup:TargetGroup",
    "aws:lb/listener:Listener",
    "aws:alb/listener:Listener",
    "aws:sns/topic:Topic",
    "aws:route53/zone:Zone",
    "aws:cloudwatch/logGroup:LogGroup",
    "aws:ec2/flowLog:FlowLog",
    "aws:iam/role:Role",
    "aws:vpclattice/resourceGateway:ResourceGateway",
    "aws:vpclattice/resourceConfiguration:ResourceConfiguration",
];

export const requiredTags = requiredTagsRule({
    name: "required-tags",
    property: "tags",
    noun: "tag",
    types: AWS_TAGGABLE_TYPES,
    description:
        "Checks whether the taggable AWS resources created by privatelink components (endpoint services, endpoints, security groups and rules, load balancers, target groups, listeners, topics, zones, log groups, flow logs, roles, Lattice resources) carry the required tag keys.",
    framework: framework("AWS Config", "required-tags", "Checks whether your resources have the tags that you specify"),
    url: "https://docs.aws.amazon.com/config/latest/developerguide/required-tags.html",
    remediationSteps: "Pass the tags through the component's tags argument; the components always add managed-by and privatelink-component.",
});
