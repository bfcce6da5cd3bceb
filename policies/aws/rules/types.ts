/**
 * The type tokens of the AWS resources this pack reads (`__pulumiType` of `@pulumi/aws` 7), keyed
 * by the SDK class name in camel case, as in the Azure and Google Cloud packs.
 */
export const T = {
    vpcEndpointService: "aws:ec2/vpcEndpointService:VpcEndpointService",
    vpcEndpointServiceAllowedPrinciple: "aws:ec2/vpcEndpointServiceAllowedPrinciple:VpcEndpointServiceAllowedPrinciple",
    vpcEndpointConnectionNotification: "aws:ec2/vpcEndpointConnectionNotification:VpcEndpointConnectionNotification",
    vpcEndpoint: "aws:ec2/vpcEndpoint:VpcEndpoint",
    vpcEndpointPolicy: "aws:ec2/vpcEndpointPolicy:VpcEndpointPolicy",
    vpcEndpointSubnetAssociation: "aws:ec2/vpcEndpointSubnetAssociation:VpcEndpointSubnetAssociation",
    endpointPrivateDns: "aws:vpc/endpointPrivateDns:EndpointPrivateDns",
    securityGroupAssociation: "aws:ec2/securityGroupAssociation:SecurityGroupAssociation",
    securityGroup: "aws:ec2/securityGroup:SecurityGroup",
    defaultSecurityGroup: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
    securityGroupRule: "aws:ec2/securityGroupRule:SecurityGroupRule",
    securityGroupIngressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    securityGroupEgressRule: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    loadBalancer: "aws:lb/loadBalancer:LoadBalancer",
    albLoadBalancer: "aws:alb/loadBalancer:LoadBalancer",
    vpc: "aws:ec2/vpc:Vpc",
    route53Record: "aws:route53/record:Record",
    latticeResourceConfiguration: "aws:vpclattice/resourceConfiguration:ResourceConfiguration",
} as const;

/** Security group types that carry inline `ingress`/`egress` lists. */
export const GROUP_TYPES: readonly string[] = [T.securityGroup, T.defaultSecurityGroup];
/** Every type that defines security group rules, inline or standalone. */
export const RULE_BEARING_TYPES: readonly string[] = [...GROUP_TYPES, T.securityGroupRule, T.securityGroupIngressRule, T.securityGroupEgressRule];
/** Load balancer types (`aws.alb` is an alias module of `aws.lb`). */
export const LB_TYPES: readonly string[] = [T.loadBalancer, T.albLoadBalancer];
