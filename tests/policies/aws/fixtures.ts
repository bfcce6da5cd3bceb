/**
 * Resource builders for the AWS pack's tests: type tokens, URNs under our components, and a stack
 * shaped like what the components create with default arguments.
 */
import { AnalyzerResourceInput, UNKNOWN, urnFor } from "../../harness/policies";
import { T } from "../../../policies/aws/rules/types";

/** The pack's own type tokens, plus those of resources only the test stacks use. */
export const TYPES = {
    ...T,
    targetGroup: "aws:lb/targetGroup:TargetGroup",
    listener: "aws:lb/listener:Listener",
    zone: "aws:route53/zone:Zone",
    snsTopic: "aws:sns/topic:Topic",
} as const;

/** A resource for analyzeStack, with its URN (optionally under a component type). */
export function res(
    type: string,
    name: string,
    props: Record<string, any>,
    options: { parentType?: string; propertyDependencies?: Record<string, string[]> } = {},
): AnalyzerResourceInput & { urn: string } {
    return {
        type,
        name,
        urn: urnFor(type, name, options.parentType),
        props,
        propertyDependencies: options.propertyDependencies,
        dependencies: [...new Set(Object.values(options.propertyDependencies ?? {}).flat())],
    };
}

/** The tags every component puts on its children. */
export function componentTags(name: string): Record<string, string> {
    return { "managed-by": "privatelink", "privatelink-component": name };
}

export const POLICY_OWN_ACCOUNT = JSON.stringify({
    Version: "2012-10-17",
    Statement: [
        {
            Effect: "Allow",
            Principal: "*",
            Action: "*",
            Resource: "*",
            Condition: { StringEquals: { "aws:PrincipalAccount": "111111111111" } },
        },
    ],
});

export const POLICY_FULL_ACCESS = JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }] });

/**
 * A stack shaped like the components' output with default arguments: AwsPrivateLinkService (an
 * internal cross-zone NLB in two subnets + an endpoint service requiring acceptance),
 * AwsPrivateEndpoint (an Interface endpoint to that service with a dedicated SG and a standalone
 * ingress rule from a CIDR on the service port), AwsServiceEndpoints (an SSM Interface endpoint with
 * private DNS and an S3 Gateway endpoint) and AwsPrivateDnsZone (a private hosted zone).
 *
 * With `preview`, ids and ARNs of the created resources are unknown and the references between
 * them are only property dependencies, as in `pulumi preview`.
 */
export function componentStack(preview = false): Array<AnalyzerResourceInput & { urn: string }> {
    const id = (v: string) => (preview ? UNKNOWN : v);
    const SVC = "privatelink:index:AwsPrivateLinkService";
    const EP = "privatelink:index:AwsPrivateEndpoint";
    const APIS = "privatelink:index:AwsServiceEndpoints";
    const DNS = "privatelink:index:AwsPrivateDnsZone";
    const nlbArn = "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/svc-nlb/0123456789abcdef";

    const nlb = res(TYPES.loadBalancer, "svc-nlb", {
        loadBalancerType: "network",
        internal: true,
        subnets: ["subnet-a", "subnet-b"],
        enableCrossZoneLoadBalancing: true,
        tags: componentTags("svc"),
        arn: id(nlbArn),
        id: id(nlbArn),
    }, { parentType: SVC });
    const tg = res(TYPES.targetGroup, "svc-tg", { port: 443, protocol: "TCP", targetType: "ip", vpcId: "vpc-provider", tags: componentTags("svc") }, { parentType: SVC });
    const listener = res(TYPES.listener, "svc-listener", { loadBalancerArn: id(nlbArn), port: 443, protocol: "TCP", tags: componentTags("svc") }, {
        parentType: SVC,
        propertyDependencies: { loadBalancerArn: [nlb.urn] },
    });
    const service = res(TYPES.vpcEndpointService, "svc-service", {
        acceptanceRequired: true,
        networkLoadBalancerArns: [id(nlbArn)],
        allowedPrincipals: ["arn:aws:iam::222222222222:root"],
        tags: componentTags("svc"),
        id: id("vpce-svc-0123456789abcdef0"),
        serviceName: id("com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0"),
    }, { parentType: SVC, propertyDependencies: { networkLoadBalancerArns: [nlb.urn] } });

    const epSg = res(TYPES.securityGroup, "ep-sg", {
        description: "privatelink endpoint ep: service ports from the allowed CIDRs",
        vpcId: "vpc-consumer",
        tags: componentTags("ep"),
        id: id("sg-0ep"),
        name: "ep-sg-1a2b3c",
    }, { parentType: EP });
    const epIngress = res(TYPES.securityGroupIngressRule, "ep-ingress-0", {
        securityGroupId: id("sg-0ep"),
        cidrIpv4: "10.20.0.0/16",
        ipProtocol: "tcp",
        fromPort: 443,
        toPort: 443,
        description: "service port 443 from 10.20.0.0/16",
        tags: componentTags("ep"),
    }, { parentType: EP, propertyDependencies: { securityGroupId: [epSg.urn] } });
    const endpoint = res(TYPES.vpcEndpoint, "ep-endpoint", {
        vpcEndpointType: "Interface",
        vpcId: "vpc-consumer",
        serviceName: id("com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0"),
        subnetIds: ["subnet-c", "subnet-d"],
        securityGroupIds: [id("sg-0ep")],
        tags: componentTags("ep"),
    }, { parentType: EP, propertyDependencies: { securityGroupIds: [epSg.urn], serviceName: [service.urn] } });

    const apiSg = res(TYPES.securityGroup, "apis-sg", {
        description: "privatelink AWS service endpoints apis: HTTPS from the VPC",
        vpcId: "vpc-consumer",
        tags: componentTags("apis"),
        id: id("sg-0apis"),
    }, { parentType: APIS });
    const apiIngress = res(TYPES.securityGroupIngressRule, "apis-ingress-0", {
        securityGroupId: id("sg-0apis"),
        cidrIpv4: "10.20.0.0/16",
        ipProtocol: "tcp",
        fromPort: "443",
        toPort: "443",
        description: "HTTPS from the VPC",
        tags: componentTags("apis"),
    }, { parentType: APIS, propertyDependencies: { securityGroupId: [apiSg.urn] } });
    const ssm = res(TYPES.vpcEndpoint, "apis-ssm", {
        vpcEndpointType: "Interface",
        vpcId: "vpc-consumer",
        serviceName: "com.amazonaws.us-east-1.ssm",
        subnetIds: ["subnet-c", "subnet-d"],
        securityGroupIds: [id("sg-0apis")],
        privateDnsEnabled: true,
        policy: POLICY_OWN_ACCOUNT,
        tags: componentTags("apis"),
    }, { parentType: APIS, propertyDependencies: { securityGroupIds: [apiSg.urn] } });
    const s3 = res(TYPES.vpcEndpoint, "apis-s3", {
        vpcEndpointType: "Gateway",
        vpcId: "vpc-consumer",
        serviceName: "com.amazonaws.us-east-1.s3",
        routeTableIds: ["rtb-1"],
        policy: POLICY_OWN_ACCOUNT,
        tags: componentTags("apis"),
    }, { parentType: APIS });

    const zone = res(TYPES.zone, "dns-zone", { name: "svc.internal.example.com", vpcs: [{ vpcId: "vpc-consumer" }], tags: componentTags("dns") }, { parentType: DNS });

    return [nlb, tg, listener, service, epSg, epIngress, endpoint, apiSg, apiIngress, ssm, s3, zone];
}
