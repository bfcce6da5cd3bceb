/**
 * Default computed outputs for the resource types our components create. Real providers compute
 * these (ARNs, ids, DNS entries); under mocks they would be undefined, and components that wire
 * them into other resources would register `undefined` inputs. Values are recognisable
 * placeholders derived from the logical name, so tests can assert the wiring
 * (`vpcEndpointId === "vpce-ordersendpoint"`, `targetGroupArn` ending in `orders-tg-443`).
 */
import * as pulumi from "@pulumi/pulumi";

const ACCOUNT = "111111111111";

function regionOf(args: pulumi.runtime.MockResourceArgs): string {
    return (args.inputs.region as string | undefined) ?? "us-east-1";
}

/**
 * The network interfaces mocked VPC endpoints got, by id: the subnet each is in. The default
 * `aws.ec2.getNetworkInterface` answer of the harness reads it, as AWS would answer for an
 * endpoint's interfaces.
 */
export const mockedInterfaces = new Map<string, { subnetId: string; privateIp: string }>();

/** The id prefix AWS gives resources of these types; the components check such ids. */
const ID_PREFIXES: Record<string, string> = {
    "aws:ec2/vpc:Vpc": "vpc",
    "aws:ec2/subnet:Subnet": "subnet",
    "aws:ec2/securityGroup:SecurityGroup": "sg",
    "aws:ec2/vpcEndpoint:VpcEndpoint": "vpce",
    "aws:ec2/instance:Instance": "i",
    "aws:ec2/routeTable:RouteTable": "rtb",
};

/**
 * The mocked id of a custom resource: the AWS form (`vpce-ordersendpoint`, the logical name's
 * letters and digits after the prefix) for the types whose ids the components check, so an id
 * handed from one resource to another passes the same check a real one would; else
 * `${name}-id`.
 */
export function mockId(type: string, name: string): string {
    const prefix = Object.prototype.hasOwnProperty.call(ID_PREFIXES, type) ? ID_PREFIXES[type] : undefined;
    return prefix === undefined ? `${name}-id` : `${prefix}-${name.toLowerCase().replace(/[^a-z0-9]/g, "")}`;
}

/** Computed outputs for a resource; merged over its inputs by the harness. */
export function mockState(args: pulumi.runtime.MockResourceArgs): Record<string, any> {
    const { type, name, inputs } = args;
    const region = regionOf(args);
    const id = mockId(type, name);
    const awsArn = (service: string, resource: string) => `arn:aws:${service}:${region}:${ACCOUNT}:${resource}`;
    switch (type) {
        case "aws:ec2/vpcEndpointService:VpcEndpointService":
            return {
                arn: awsArn("ec2", `vpc-endpoint-service/vpce-svc-${name}`),
                serviceName: `com.amazonaws.vpce.${region}.vpce-svc-${name}`,
                serviceType: inputs.gatewayLoadBalancerArns ? "GatewayLoadBalancer" : "Interface",
                availabilityZones: ["us-east-1a", "us-east-1b"],
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
                // One interface per subnet, named after it: AWS keeps a subnet's interface when
                // another subnet is added or removed.
                networkInterfaceIds: (inputs.subnetIds as string[] | undefined)?.map((subnetId, i) => {
                    const eni = `eni-${name}-${subnetId}`;
                    mockedInterfaces.set(eni, { subnetId, privateIp: `10.255.${i}.10` });
                    return eni;
                }) ?? [],
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
