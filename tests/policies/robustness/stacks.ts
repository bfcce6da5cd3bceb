/**
 * Stacks for the robustness tests of every rule: per pack, a compliant stack shaped like the
 * components' output (one unit of the benchmark's resource mix) and a "bad" stack that violates
 * every rule of the pack at least once (with the configuration that turns the opt-in rules on).
 * Between them they make every rule read every field it reads, so the tests can find those fields.
 */
import { AnalyzerResourceInput, urnFor } from "../../../tools/analyzer";
import { stackOf } from "../../../tools/benchPacks";
import { awsPolicies } from "../../../policies/aws/policies";
import { azurePolicies } from "../../../policies/azure/policies";
import { gcpPolicies } from "../../../policies/gcp/policies";
import { Rule } from "../../../policies/core";

type Res = AnalyzerResourceInput & { urn: string };

function res(type: string, name: string, props: Record<string, any>, deps: Record<string, string[]> = {}, parentType?: string): Res {
    return { type, name, urn: urnFor(type, name, parentType), props, propertyDependencies: deps, dependencies: [...new Set(Object.values(deps).flat())] };
}

const tcp = (port: number | string, cidrBlocks: string[]) => ({ protocol: "tcp", fromPort: port, toPort: port, cidrBlocks });

function awsBad(): Res[] {
    const C = "privatelink:index:AwsPrivateLinkService";
    const nlbArn = "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/bad/0123";
    const open = JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }] });
    return [
        res("aws:ec2/vpcEndpointService:VpcEndpointService", "svc", { acceptanceRequired: false, allowedPrincipals: ["*", "arn:aws:iam::222222222222:root"], networkLoadBalancerArns: [nlbArn], id: "vpce-svc-0bad" }, {}, C),
        res("aws:lb/loadBalancer:LoadBalancer", "nlb", { loadBalancerType: "network", internal: false, subnets: ["subnet-a"], enableCrossZoneLoadBalancing: false, arn: nlbArn, tags: { "managed-by": "privatelink" } }),
        res("aws:ec2/securityGroup:SecurityGroup", "sg", {
            description: "Managed by Terraform",
            name: "default",
            id: "sg-0bad",
            vpcId: "vpc-1",
            ingress: [tcp(22, ["0.0.0.0/0"]), { ...tcp(3389, ["0.0.0.0/1"]), description: "rdp" }],
            egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"], description: "all" }],
            tags: { "managed-by": "privatelink" },
        }),
        res("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "rdp-rest", { securityGroupId: "sg-0bad", cidrIpv4: "128.0.0.0/1", ipProtocol: "tcp", fromPort: 3389, toPort: 3389, description: "rest" }),
        res("aws:ec2/securityGroupRule:SecurityGroupRule", "legacy", { type: "ingress", securityGroupId: "sg-0bad", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.0.0.0/8"] }),
        res("aws:ec2/vpcEndpoint:VpcEndpoint", "ep", {
            vpcEndpointType: "Interface",
            serviceName: "com.amazonaws.us-east-1.ec2",
            vpcId: "vpc-1",
            subnetIds: ["subnet-c"],
            securityGroupIds: ["sg-0bad"],
            policy: open,
            id: "vpce-0bad",
            tags: { "managed-by": "privatelink" },
        }),
        res("aws:vpclattice/resourceConfiguration:ResourceConfiguration", "rc", { allowAssociationToShareableServiceNetwork: true, type: "SINGLE" }),
        res("aws:ec2/vpcEndpointServiceAllowedPrinciple:VpcEndpointServiceAllowedPrinciple", "anyone", { vpcEndpointServiceId: "vpce-svc-0bad", principalArn: "*" }),
    ];
}

const SUB = "00000000-0000-0000-0000-0000000000aa";
const OTHER = "11111111-2222-3333-4444-555555555555";
const arm = (p: string) => `/subscriptions/${SUB}/resourceGroups/rg/providers/${p}`;

function azureBad(): Res[] {
    const C = "privatelink:index:AzurePrivateLinkService";
    const fe = arm("Microsoft.Network/loadBalancers/lb/frontendIPConfigurations/fe");
    return [
        res("azure-native:network:PrivateLinkService", "pls1", {
            resourceGroupName: "rg",
            serviceName: "pls1",
            visibility: { subscriptions: ["*"] },
            autoApproval: { subscriptions: ["*"] },
            loadBalancerFrontendIpConfigurations: [{ id: fe }],
            ipConfigurations: [{ name: "nat", subnet: { id: arm("Microsoft.Network/virtualNetworks/vnet/subnets/nat") } }],
            enableProxyProtocol: true,
            tags: { "managed-by": "privatelink" },
        }),
        res("azure-native:network:PrivateLinkService", "pls2", {
            resourceGroupName: "rg",
            serviceName: "pls2",
            visibility: { subscriptions: [SUB] },
            autoApproval: { subscriptions: [OTHER] },
            loadBalancerFrontendIpConfigurations: [{ id: fe }],
            ipConfigurations: [],
            enableProxyProtocol: false,
        }, {}, C),
        res("azure-native:network:LoadBalancer", "lb", { resourceGroupName: "rg", loadBalancerName: "lb", tags: { "managed-by": "privatelink" } }),
        res("azure-native:network:Subnet", "nat", { resourceGroupName: "rg", virtualNetworkName: "vnet", subnetName: "nat", privateLinkServiceNetworkPolicies: "Enabled" }),
        res("azure-native:network:Subnet", "bare", { resourceGroupName: "rg", virtualNetworkName: "vnet", subnetName: "bare" }),
        res("azure-native:network:Subnet", "guarded", { resourceGroupName: "rg", virtualNetworkName: "vnet", subnetName: "guarded", networkSecurityGroup: { id: arm("Microsoft.Network/networkSecurityGroups/nsg") }, privateEndpointNetworkPolicies: "Disabled" }),
        res("azure-native:network:NetworkSecurityGroup", "nsg", {
            resourceGroupName: "rg",
            networkSecurityGroupName: "nsg",
            securityRules: [
                { name: "ssh", direction: "Inbound", access: "Allow", protocol: "Tcp", priority: 100, sourceAddressPrefix: "*", destinationPortRange: "22" },
                { name: "half", direction: "Inbound", access: "Allow", protocol: "Tcp", priority: 110, sourceAddressPrefixes: ["0.0.0.0/1"], destinationPortRange: "3389" },
            ],
        }, {}, C),
        res("azure-native:network:SecurityRule", "rest", { resourceGroupName: "rg", networkSecurityGroupName: "nsg", name: "rest", direction: "Inbound", access: "Allow", protocol: "*", priority: 120, sourceAddressPrefix: "Internet", destinationPortRanges: ["3389", "22-"] }),
        res("azure-native:network:PrivateEndpoint", "pe", {
            resourceGroupName: "rg",
            privateEndpointName: "pe",
            subnet: { id: arm("Microsoft.Network/virtualNetworks/vnet/subnets/bare") },
            manualPrivateLinkServiceConnections: [{ privateLinkServiceId: arm("Microsoft.Network/privateLinkServices/pls1") }],
            tags: { "managed-by": "privatelink" },
        }),
        res("azure-native:network:PrivateEndpoint", "pe2", {
            resourceGroupName: "rg",
            privateEndpointName: "pe2",
            subnet: { id: arm("Microsoft.Network/virtualNetworks/vnet/subnets/guarded") },
            privateLinkServiceConnections: [{ name: "st", privateLinkServiceId: arm("Microsoft.Storage/storageAccounts/data"), groupIds: ["blob"] }],
            tags: { "managed-by": "privatelink" },
        }),
        res("azure-native:storage:StorageAccount", "st", { resourceGroupName: "rg", accountName: "data", publicNetworkAccess: "Enabled" }),
        res("azure-native:privatedns:VirtualNetworkLink", "link", { resourceGroupName: "rg", privateZoneName: "privatelink.blob.core.windows.net", registrationEnabled: true, tags: { "managed-by": "privatelink" } }),
        res("azure-native:network:PrivateDnsZoneGroup", "empty-group", { resourceGroupName: "rg", privateEndpointName: "pe2", privateDnsZoneConfigs: [] }),
    ];
}

const COMPUTE = "https://www.googleapis.com/compute/v1";

function gcpBad(): Res[] {
    const C = "privatelink:index:GcpPrivateLinkService";
    const subnet = `${COMPUTE}/projects/prod/regions/r/subnetworks/nat`;
    return [
        res("gcp:compute/subnetwork:Subnetwork", "nat", { name: "nat", project: "prod", region: "r", purpose: "PRIVATE", selfLink: subnet }),
        res("gcp:compute/serviceAttachment:ServiceAttachment", "sa1", {
            name: "sa1",
            project: "prod",
            region: "r",
            connectionPreference: "ACCEPT_AUTOMATIC",
            consumerAcceptLists: [{ projectIdOrNum: "x", connectionLimit: 1000 }],
            natSubnets: [subnet],
        }),
        res("gcp:compute/serviceAttachment:ServiceAttachment", "sa2", {
            name: "sa2",
            project: "prod",
            region: "r",
            connectionPreference: "ACCEPT_MANUAL",
            consumerAcceptLists: [{ projectIdOrNum: "x", networkUrl: "n", connectionLimit: 0 }],
            natSubnets: ["nat"],
        }),
        res("gcp:compute/firewall:Firewall", "fw", { name: "fw", network: "vpc", direction: "INGRESS", sourceRanges: ["0.0.0.0/1", "128.0.0.0/1"], allows: [{ protocol: "tcp" }, { protocol: "udp", ports: ["22-"] }] }),
        res("gcp:compute/networkFirewallPolicyRule:NetworkFirewallPolicyRule", "policy-rule", { action: "allow", direction: "INGRESS", match: { srcIpRanges: ["0.0.0.0/0"], layer4Configs: [{ ipProtocol: "tcp", ports: ["3389"] }] } }),
        res("gcp:compute/forwardingRule:ForwardingRule", "ep", { name: "ep", project: "cons", region: "r", loadBalancingScheme: "", target: `${COMPUTE}/projects/evil/regions/r/serviceAttachments/x` }, {}, C),
        res("gcp:compute/globalForwardingRule:GlobalForwardingRule", "apis", { name: "apis", project: "cons", target: "all-apis", loadBalancingScheme: "", labels: { "managed-by": "privatelink" } }),
        res("gcp:dns/managedZone:ManagedZone", "apis-zone", { name: "apis-zone", dnsName: "googleapis.com.", visibility: "public", labels: { "managed-by": "privatelink" } }),
        res("gcp:compute/address:Address", "addr", { name: "addr", project: "cons", region: "r", address: "10.0.0.5" }, {}, C),
    ];
}

/** The configuration that turns on the rules that need one, per pack. */
export const BAD_CONFIG: Record<string, Record<string, Record<string, unknown>>> = {
    aws: {
        "endpoint-service-trusted-principals": { trustedAccountIds: ["111111111111"] },
        "vpc-required-endpoints": { requiredServices: ["ssm"] },
        "interface-endpoint-security-groups": { defaultSecurityGroupIds: ["sg-0bad"] },
        "required-tags": { onlyComponentResources: false },
    },
    azure: { "required-tags": { onlyComponentResources: false } },
    gcp: {
        "endpoint-allowed-producers": { allowedProducerProjects: ["prod"] },
        "google-apis-endpoint-vpc-sc": { requireVpcSc: true },
        "required-labels": { onlyComponentResources: false },
    },
};

/** Every pack with its rules and stacks. */
export const PACKS: Array<{ cloud: string; rules: Rule[]; good: () => Res[]; bad: () => Res[] }> = [
    { cloud: "aws", rules: awsPolicies, good: () => stackOf("aws", 12), bad: awsBad },
    { cloud: "azure", rules: azurePolicies, good: () => stackOf("azure", 13), bad: azureBad },
    { cloud: "gcp", rules: gcpPolicies, good: () => stackOf("gcp", 12), bad: gcpBad },
];
