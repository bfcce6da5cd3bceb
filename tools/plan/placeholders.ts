/**
 * Placeholders for the values a cloud computes: the outputs of the resource types our components
 * create (ARNs, ids, DNS entries) and the answers of the data sources they call. Under mocks they
 * would be undefined, and components that wire them into other resources would register
 * `undefined` inputs. Values are recognisable placeholders derived from the logical name, so
 * tests can assert the wiring (`vpcEndpointId === "orders-endpoint-id"`) and the offline `plan`
 * command can say plainly that they are not real.
 */
import type * as pulumi from "@pulumi/pulumi";

const ACCOUNT = "111111111111";

function regionOf(args: pulumi.runtime.MockResourceArgs, config: (key: string) => string | undefined): string {
    return (args.inputs.region as string | undefined) ?? config("aws:region") ?? "us-east-1";
}

/**
 * Computed outputs for a resource; merged over its inputs by the harness. `config` reads the
 * program's configuration (the provider's region shows in ARNs and service names).
 */
export function placeholderState(args: pulumi.runtime.MockResourceArgs, config: (key: string) => string | undefined = () => undefined): Record<string, any> {
    const { type, name, inputs } = args;
    const region = regionOf(args, config);
    const id = `${name}-id`;
    const awsArn = (service: string, resource: string) => `arn:aws:${service}:${region}:${ACCOUNT}:${resource}`;
    switch (type) {
        case "aws:ec2/vpcEndpointService:VpcEndpointService":
            return {
                arn: awsArn("ec2", `vpc-endpoint-service/vpce-svc-${name}`),
                serviceName: `com.amazonaws.vpce.${region}.vpce-svc-${name}`,
                serviceType: inputs.gatewayLoadBalancerArns ? "GatewayLoadBalancer" : "Interface",
                availabilityZones: [`${region}a`, `${region}b`],
                baseEndpointDnsNames: [`vpce-svc-${name}.${region}.vpce.amazonaws.com`],
                state: "Available",
                privateDnsNameConfigurations: inputs.privateDnsName
                    ? [{ name: `_${name}-verify`, type: "TXT", value: `vpce:${name}-token`, state: "pendingVerification" }]
                    : [],
            };
        case "aws:ec2/vpcEndpoint:VpcEndpoint":
            return {
                arn: awsArn("ec2", `vpc-endpoint/vpce-${name}`),
                dnsEntries: [
                    { dnsName: `vpce-${name}.vpce-svc.${region}.vpce.amazonaws.com`, hostedZoneId: "Z7HUB22UULQXV" },
                    { dnsName: `vpce-${name}-${region}a.vpce-svc.${region}.vpce.amazonaws.com`, hostedZoneId: "Z7HUB22UULQXV" },
                ],
                networkInterfaceIds: (inputs.subnetIds as string[] | undefined)?.map((_, i) => `eni-${name}-${i}`) ?? [],
                state: inputs.vpcEndpointType === "Interface" ? "pendingAcceptance" : "available",
                ownerId: ACCOUNT,
                prefixListId: inputs.vpcEndpointType === "Gateway" ? `pl-${name}` : undefined,
            };
        case "aws:lb/loadBalancer:LoadBalancer":
            return {
                arn: awsArn("elasticloadbalancing", `loadbalancer/net/${name}/0123456789abcdef`),
                dnsName: `${name}.elb.${region}.amazonaws.com`,
                zoneId: "Z26RNL4JYFTOTI",
            };
        case "aws:lb/targetGroup:TargetGroup":
            return { arn: awsArn("elasticloadbalancing", `targetgroup/${name}/0123456789abcdef`) };
        case "aws:lb/listener:Listener":
            return { arn: awsArn("elasticloadbalancing", `listener/net/${name}/0123456789abcdef`) };
        case "aws:sns/topic:Topic":
            return { arn: awsArn("sns", name) };
        case "aws:ec2/securityGroup:SecurityGroup":
            return { arn: awsArn("ec2", `security-group/${id}`) };
        case "aws:route53/zone:Zone":
            return { zoneId: `Z${name.toUpperCase().replace(/[^A-Z0-9]/g, "")}`, arn: `arn:aws:route53:::hostedzone/${name}`, nameServers: [] };
        case "aws:route53/record:Record":
            return { fqdn: inputs.name };
        case "aws:cloudwatch/logGroup:LogGroup":
            return { arn: awsArn("logs", `log-group:${name}`) };
        case "aws:iam/role:Role":
            return { arn: `arn:aws:iam::${ACCOUNT}:role/${name}` };
        case "aws:ec2/flowLog:FlowLog":
            return { arn: awsArn("ec2", `vpc-flow-log/${id}`) };
        case "aws:vpc/endpointServicePrivateDnsVerification:EndpointServicePrivateDnsVerification":
            return {};
        case "aws:vpclattice/resourceConfiguration:ResourceConfiguration":
            return { arn: awsArn("vpc-lattice", `resourceconfiguration/rcfg-${name}`) };
        default:
            if (type.startsWith("aws:") && args.custom !== false) {
                return { arn: awsArn(type.split(":")[1].split("/")[0], id) };
            }
            return {};
    }
}

/**
 * Placeholder answers for the data sources (invokes) our components call. `config` reads the
 * program's configuration, so the provider's region answers as the stack configures it.
 */
export function placeholderInvoke(args: pulumi.runtime.MockCallArgs, config: (key: string) => string | undefined = () => undefined): Record<string, any> {
    switch (args.token) {
        case "aws:index/getRegion:getRegion": {
            const region = config("aws:region") ?? "us-east-1";
            return { name: region, region, id: region, description: region };
        }
        case "aws:index/getPartition:getPartition":
            return { partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws", id: "aws" };
        case "aws:index/getCallerIdentity:getCallerIdentity":
            return { accountId: "111111111111", arn: "arn:aws:iam::111111111111:root", userId: "AIDA", id: "111111111111" };
        case "aws:ec2/getVpc:getVpc":
            return { id: args.inputs.id ?? "vpc-mock", cidrBlock: "10.0.0.0/16", cidrBlockAssociations: [{ cidrBlock: "10.0.0.0/16" }] };
        default:
            return {};
    }
}
