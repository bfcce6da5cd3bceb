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

/** Reads the program's configuration: `aws:region`, `gcp:project`, … */
export type ConfigLookup = (key: string) => string | undefined;

function regionOf(args: pulumi.runtime.MockResourceArgs, config: ConfigLookup): string {
    return (args.inputs.region as string | undefined) ?? config("aws:region") ?? "us-east-1";
}

/** Computed outputs for a resource; merged over its inputs by the harness. */
export function placeholderState(args: pulumi.runtime.MockResourceArgs, config: ConfigLookup = () => undefined): Record<string, any> {
    const { type, name, inputs } = args;
    const region = regionOf(args, config);
    const id = `${name}-id`;
    if (type.startsWith("gcp:")) {
        return gcpState(args, config);
    }
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

// ---------------------------------------------------------------------------------------------
// Google Cloud

/** The project of mocked Google Cloud resources that name none. */
export const GCP_MOCK_PROJECT = "mock-project";
/** The region of mocked regional Google Cloud resources that name none. */
export const GCP_MOCK_REGION = "us-central1";

/** The collection (URL segment) and scope of the Google Cloud types our components create. */
const GCP_COLLECTIONS: Record<string, { collection: string; scope: "regional" | "global" | "dns" }> = {
    "gcp:compute/serviceAttachment:ServiceAttachment": { collection: "serviceAttachments", scope: "regional" },
    "gcp:compute/subnetwork:Subnetwork": { collection: "subnetworks", scope: "regional" },
    "gcp:compute/address:Address": { collection: "addresses", scope: "regional" },
    "gcp:compute/forwardingRule:ForwardingRule": { collection: "forwardingRules", scope: "regional" },
    "gcp:compute/regionBackendService:RegionBackendService": { collection: "backendServices", scope: "regional" },
    "gcp:compute/regionHealthCheck:RegionHealthCheck": { collection: "healthChecks", scope: "regional" },
    "gcp:compute/firewall:Firewall": { collection: "firewalls", scope: "global" },
    "gcp:compute/network:Network": { collection: "networks", scope: "global" },
    "gcp:compute/globalAddress:GlobalAddress": { collection: "addresses", scope: "global" },
    "gcp:compute/globalForwardingRule:GlobalForwardingRule": { collection: "forwardingRules", scope: "global" },
    "gcp:dns/managedZone:ManagedZone": { collection: "managedZones", scope: "dns" },
};

/**
 * Computed outputs of Google Cloud resources: the physical name Pulumi would derive (the logical
 * name and a fixed suffix), the self link, the addresses Google Cloud would pick, and the PSC
 * connection of endpoints.
 */
function gcpState(args: pulumi.runtime.MockResourceArgs, config: ConfigLookup): Record<string, any> {
    const { type, name, inputs } = args;
    if (args.custom === false || type.startsWith("pulumi:")) {
        return {};
    }
    const project = (inputs.project as string | undefined) ?? config("gcp:project") ?? GCP_MOCK_PROJECT;
    const region = (inputs.region as string | undefined) ?? config("gcp:region") ?? GCP_MOCK_REGION;
    const physical = (inputs.name as string | undefined) ?? `${name}-0a1b2c3`;
    const kind = GCP_COLLECTIONS[type];
    const path = kind === undefined ? undefined : kind.scope === "regional" ? `projects/${project}/regions/${region}/${kind.collection}/${physical}` : `projects/${project}/global/${kind.collection}/${physical}`;
    const base: Record<string, any> = { name: physical, project, ...(path && kind?.scope !== "dns" ? { selfLink: `https://www.googleapis.com/compute/v1/${path}` } : {}) };
    switch (type) {
        case "gcp:compute/serviceAttachment:ServiceAttachment":
            return { ...base, region, connectedEndpoints: [], pscServiceAttachmentIds: [{ high: "1", low: "2" }], fingerprint: "fp" };
        case "gcp:compute/subnetwork:Subnetwork":
            return { ...base, region, gatewayAddress: "10.0.0.1" };
        case "gcp:compute/address:Address":
            return { ...base, region, address: (inputs.address as string | undefined) ?? "10.10.0.50", addressType: inputs.addressType ?? "EXTERNAL" };
        case "gcp:compute/forwardingRule:ForwardingRule":
            return { ...base, region, pscConnectionId: "81985529216486895", pscConnectionStatus: inputs.target ? "ACCEPTED" : "STATUS_UNSPECIFIED", ipAddress: inputs.ipAddress };
        case "gcp:compute/globalForwardingRule:GlobalForwardingRule":
            return { ...base, pscConnectionId: "81985529216486896", pscConnectionStatus: "ACCEPTED" };
        case "gcp:dns/managedZone:ManagedZone":
            return { ...base, managedZoneId: 1234567890, nameServers: ["ns-gcp-private.googledomains.com."] };
        default:
            return base;
    }
}

/**
 * Placeholder answers for the data sources (invokes) our components call. `config` reads the
 * program's configuration, so the provider's region answers as the stack configures it.
 */
export function placeholderInvoke(args: pulumi.runtime.MockCallArgs, config: ConfigLookup = () => undefined): Record<string, any> {
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
        case "gcp:compute/getSubnetwork:getSubnetwork":
            // An existing NAT subnet: its range is what the producer firewall admits.
            return { id: args.inputs.selfLink, selfLink: args.inputs.selfLink, ipCidrRange: "10.250.0.0/24", region: config("gcp:region") ?? GCP_MOCK_REGION, project: config("gcp:project") ?? GCP_MOCK_PROJECT };
        default:
            return {};
    }
}
