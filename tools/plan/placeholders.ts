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

/**
 * The network interfaces mocked VPC endpoints got, by id: the subnet each is in. The
 * `aws.ec2.getNetworkInterface` placeholder reads it, as AWS would answer for an endpoint's
 * interfaces.
 */
export const mockedInterfaces = new Map<string, { subnetId: string; privateIp: string }>();

/** The id prefix AWS gives resources of these types; the components check such ids. */
const AWS_ID_PREFIXES: Record<string, string> = {
    "aws:ec2/vpc:Vpc": "vpc",
    "aws:ec2/subnet:Subnet": "subnet",
    "aws:ec2/securityGroup:SecurityGroup": "sg",
    "aws:ec2/vpcEndpoint:VpcEndpoint": "vpce",
    "aws:ec2/instance:Instance": "i",
    "aws:ec2/routeTable:RouteTable": "rtb",
};

/**
 * The placeholder id of an AWS resource: the AWS form (`vpce-ordersendpoint`, the logical name's
 * letters and digits after the prefix) for the types whose ids the components check, so an id
 * handed from one resource to another passes the same check a real one would; else
 * `${name}-id`.
 */
export function awsPlaceholderId(type: string, name: string): string {
    const prefix = Object.prototype.hasOwnProperty.call(AWS_ID_PREFIXES, type) ? AWS_ID_PREFIXES[type] : undefined;
    return prefix === undefined ? `${name}-id` : `${prefix}-${name.toLowerCase().replace(/[^a-z0-9]/g, "")}`;
}

/** Reads the program's configuration: `aws:region`, `gcp:project`, … */
export type ConfigLookup = (key: string) => string | undefined;

function regionOf(args: pulumi.runtime.MockResourceArgs, config: ConfigLookup): string {
    return (args.inputs.region as string | undefined) ?? config("aws:region") ?? "us-east-1";
}

/** Computed outputs for a resource; merged over its inputs by the harness. */
export function placeholderState(args: pulumi.runtime.MockResourceArgs, config: ConfigLookup = () => undefined): Record<string, any> {
    const { type, name, inputs } = args;
    const region = regionOf(args, config);
    const id = awsPlaceholderId(type, name);
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
                // One interface per subnet, named after it: AWS keeps a subnet's interface when
                // another subnet is added or removed.
                networkInterfaceIds:
                    (inputs.subnetIds as string[] | undefined)?.map((subnetId, i) => {
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
            if (type.startsWith("azure-native:") && args.custom !== false) {
                return azureState(args);
            }
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

// ---------------------------------------------------------------------------------------------
// Azure Native. Resources get realistic ARM ids (components parse them: the VNet of a subnet,
// the name of a zone), in the subscription of their provider, and the platform's side effects
// that components read back are modelled: a private endpoint's network interface and addresses,
// the connections a private link service sees, the subscription of the caller.
// ---------------------------------------------------------------------------------------------

/** The subscription of resources whose provider sets none. */
export const AZURE_SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";
/** The tenant of every mocked Azure provider. */
export const AZURE_TENANT = "11111111-1111-1111-1111-111111111111";

/** Subscription by provider id (`<name>-id`), from the `subscriptionId` of azure-native providers. */
const azureProviderSubscriptions = new Map<string, string>();
/** The private link services registered so far. */
const azureServices: Array<{ id: string; alias: string; resourceGroupName: string; name: string }> = [];
/** The private endpoints registered so far, with what the platform would give them. */
const azureEndpoints: Array<{ id: string; name: string; nicName: string; ips: string[]; targets: string[]; manual: boolean }> = [];

/** Forgets the platform state of earlier runs (each run of a program starts with none). */
export function resetPlaceholders(): void {
    mockedInterfaces.clear();
    azureProviderSubscriptions.clear();
    azureServices.length = 0;
    azureEndpoints.length = 0;
}

function azureSubscriptionOf(provider: string | undefined): string {
    const id = provider?.split("::").pop();
    return (id !== undefined ? azureProviderSubscriptions.get(id) : undefined) ?? AZURE_SUBSCRIPTION;
}

/** A deterministic GUID from a text, for aliases and connection names. */
function guidOf(text: string): string {
    let h = 2166136261;
    let out = "";
    for (let round = 0; round < 4; round++) {
        for (const c of `${round}:${text}`) {
            h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
        }
        out += h.toString(16).padStart(8, "0");
    }
    return `${out.slice(0, 8)}-${out.slice(8, 12)}-4${out.slice(13, 16)}-8${out.slice(17, 20)}-${out.slice(20, 32)}`;
}

/** Where an azure-native resource type lives in ARM: namespace and the type/name-property chain. */
const AZURE_ID_CHAINS: ReadonlyMap<string, readonly [string, ReadonlyArray<readonly [string, string]>]> = new Map([
    ["azure-native:network:VirtualNetwork", ["Microsoft.Network", [["virtualNetworks", "virtualNetworkName"]]]],
    ["azure-native:network:Subnet", ["Microsoft.Network", [["virtualNetworks", "virtualNetworkName"], ["subnets", "subnetName"]]]],
    ["azure-native:network:NetworkSecurityGroup", ["Microsoft.Network", [["networkSecurityGroups", "networkSecurityGroupName"]]]],
    ["azure-native:network:ApplicationSecurityGroup", ["Microsoft.Network", [["applicationSecurityGroups", "applicationSecurityGroupName"]]]],
    ["azure-native:network:LoadBalancer", ["Microsoft.Network", [["loadBalancers", "loadBalancerName"]]]],
    ["azure-native:network:PrivateLinkService", ["Microsoft.Network", [["privateLinkServices", "serviceName"]]]],
    ["azure-native:network:PrivateEndpoint", ["Microsoft.Network", [["privateEndpoints", "privateEndpointName"]]]],
    ["azure-native:network:PrivateDnsZoneGroup", ["Microsoft.Network", [["privateEndpoints", "privateEndpointName"], ["privateDnsZoneGroups", "privateDnsZoneGroupName"]]]],
    [
        "azure-native:network:PrivateLinkServicePrivateEndpointConnection",
        ["Microsoft.Network", [["privateLinkServices", "serviceName"], ["privateEndpointConnections", "peConnectionName"]]],
    ],
    ["azure-native:privatedns:PrivateZone", ["Microsoft.Network", [["privateDnsZones", "privateZoneName"]]]],
    ["azure-native:privatedns:VirtualNetworkLink", ["Microsoft.Network", [["privateDnsZones", "privateZoneName"], ["virtualNetworkLinks", "virtualNetworkLinkName"]]]],
    ["azure-native:storage:StorageAccount", ["Microsoft.Storage", [["storageAccounts", "accountName"]]]],
    ["azure-native:keyvault:Vault", ["Microsoft.KeyVault", [["vaults", "vaultName"]]]],
]);

/** The name Azure gives a resource: its name input, else (as autonaming would) its logical name. */
function azureNameOf(args: pulumi.runtime.MockResourceArgs): string {
    const chain = AZURE_ID_CHAINS.get(args.type)?.[1];
    const prop = chain?.[chain.length - 1][1];
    const given = prop !== undefined ? args.inputs[prop] : args.type === "azure-native:resources:ResourceGroup" ? args.inputs.resourceGroupName : args.inputs.name;
    return typeof given === "string" && given !== "" ? given : args.name;
}

/**
 * The placeholder id of a custom resource: for azure-native, its ARM id in the subscription of its
 * provider, built from its inputs the way ARM would (`/subscriptions/…/resourceGroups/…/providers/…`);
 * else the AWS form or `${name}-id` (see {@link awsPlaceholderId}).
 */
export function placeholderId(args: pulumi.runtime.MockResourceArgs): string | undefined {
    if (args.custom === false) {
        return undefined;
    }
    if (!args.type.startsWith("azure-native:")) {
        return awsPlaceholderId(args.type, args.name);
    }
    const sub = azureSubscriptionOf(args.provider);
    if (args.type === "azure-native:resources:ResourceGroup") {
        return `/subscriptions/${sub}/resourceGroups/${azureNameOf(args)}`;
    }
    const rg = (args.inputs.resourceGroupName as string | undefined) ?? "mock-rg";
    if (args.type === "azure-native:privatedns:PrivateRecordSet") {
        return `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Network/privateDnsZones/${args.inputs.privateZoneName}/${args.inputs.recordType}/${args.inputs.relativeRecordSetName ?? args.name}`;
    }
    const [namespace, chain] = AZURE_ID_CHAINS.get(args.type) ?? ["Microsoft.Mock", [[args.type.split(":").pop()!, "name"]] as const];
    const path = chain.map(([segment, prop], i) => `${segment}/${i === chain.length - 1 ? azureNameOf(args) : args.inputs[prop]}`).join("/");
    return `/subscriptions/${sub}/resourceGroups/${rg}/providers/${namespace}/${path}`;
}

/** Computed outputs of azure-native resources, with the platform side effects components read. */
function azureState(args: pulumi.runtime.MockResourceArgs): Record<string, any> {
    const { type, inputs } = args;
    const name = azureNameOf(args);
    const id = placeholderId(args)!;
    const sub = azureSubscriptionOf(args.provider);
    const rg = (inputs.resourceGroupName as string | undefined) ?? "mock-rg";
    const common = { name, azureApiVersion: type.includes(":privatedns:") ? "2024-06-01" : "2024-05-01", provisioningState: "Succeeded" };
    switch (type) {
        case "azure-native:resources:ResourceGroup":
            return { ...common };
        case "azure-native:network:PrivateLinkService": {
            const location = (inputs.location as string | undefined) ?? "eastus";
            const alias = `${name}.${guidOf(id)}.${location}.azure.privatelinkservice`;
            azureServices.push({ id, alias, resourceGroupName: rg, name });
            const ipConfigurations = ((inputs.ipConfigurations as any[] | undefined) ?? []).map((c, i) => ({
                ...c,
                privateIPAddress: c.privateIPAddress ?? `10.1.2.${4 + i}`,
            }));
            return {
                ...common,
                alias,
                ipConfigurations,
                networkInterfaces: [{ id: `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Network/networkInterfaces/${name}.nic.${guidOf(name)}` }],
                privateEndpointConnections: [],
            };
        }
        case "azure-native:network:PrivateEndpoint": {
            const nicName = (inputs.customNetworkInterfaceName as string | undefined) ?? `${name}.nic.${guidOf(id)}`;
            const statics = ((inputs.ipConfigurations as any[] | undefined) ?? []).map((c) => c.privateIPAddress as string);
            const ips = statics.length > 0 ? statics : [`10.0.1.${4 + azureEndpoints.length}`];
            const auto = (inputs.privateLinkServiceConnections as any[] | undefined) ?? [];
            const manual = (inputs.manualPrivateLinkServiceConnections as any[] | undefined) ?? [];
            const connections = [...auto, ...manual];
            azureEndpoints.push({ id, name, nicName, ips, targets: connections.map((c) => String(c.privateLinkServiceId)), manual: manual.length > 0 });
            const withState = (list: any[], status: string) =>
                list.map((c) => ({ ...c, privateLinkServiceConnectionState: { status, description: status === "Pending" ? "Awaiting approval" : "Auto-Approved", actionsRequired: "None" } }));
            return {
                ...common,
                networkInterfaces: [{ id: `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Network/networkInterfaces/${nicName}` }],
                customDnsConfigs: connections.flatMap((c) =>
                    ((c.groupIds as string[] | undefined) ?? []).map((g) => ({ fqdn: `${String(c.privateLinkServiceId).split("/").pop()}.${g.toLowerCase()}.core.windows.net`, ipAddresses: ips })),
                ),
                privateLinkServiceConnections: withState(auto, "Approved"),
                manualPrivateLinkServiceConnections: withState(manual, "Pending"),
            };
        }
        default:
            return { ...common };
    }
}

/** Answers the azure-native invokes the components make; undefined for any other token. */
export function azureInvoke(args: pulumi.runtime.MockCallArgs): Record<string, any> | undefined {
    switch (args.token) {
        case "azure-native:authorization:getClientConfig":
            return { subscriptionId: azureSubscriptionOf(args.provider), tenantId: AZURE_TENANT, clientId: "22222222-2222-2222-2222-222222222222", objectId: "33333333-3333-3333-3333-333333333333" };
        case "azure-native:network:getNetworkInterface": {
            const endpoint = azureEndpoints.find((e) => e.nicName === args.inputs.networkInterfaceName);
            return { name: args.inputs.networkInterfaceName, ipConfigurations: (endpoint?.ips ?? []).map((ip, i) => ({ name: `ipconfig${i}`, privateIPAddress: ip })) };
        }
        case "azure-native:network:getPrivateLinkService": {
            const service = azureServices.find((s) => s.resourceGroupName === args.inputs.resourceGroupName && s.name === args.inputs.serviceName);
            const connected = service
                ? azureEndpoints.filter((e) => e.targets.some((t) => t.toLowerCase() === service.id.toLowerCase() || t.toLowerCase() === service.alias.toLowerCase()))
                : [];
            return {
                name: args.inputs.serviceName,
                alias: service?.alias,
                privateEndpointConnections: connected.map((e, i) => ({
                    name: `${e.name}.${guidOf(e.id)}`,
                    privateEndpoint: { id: e.id },
                    privateLinkServiceConnectionState: { status: e.manual ? "Pending" : "Approved" },
                    linkIdentifier: String(536870912 + i),
                })),
            };
        }
        default:
            return undefined;
    }
}

/** Records the subscription of an azure-native provider resource (called for every registration). */
export function noteProvider(args: pulumi.runtime.MockResourceArgs, id: string): void {
    if (args.type === "pulumi:providers:azure-native" && typeof args.inputs.subscriptionId === "string") {
        azureProviderSubscriptions.set(id, args.inputs.subscriptionId);
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
        case "aws:ec2/getNetworkInterface:getNetworkInterface": {
            const eni = mockedInterfaces.get(args.inputs.id);
            return eni ? { id: args.inputs.id, subnetId: eni.subnetId, privateIp: eni.privateIp, privateIps: [eni.privateIp], ipv6Addresses: [] } : {};
        }
        case "aws:ec2/getVpc:getVpc":
            return { id: args.inputs.id ?? "vpc-mock", cidrBlock: "10.0.0.0/16", cidrBlockAssociations: [{ cidrBlock: "10.0.0.0/16" }] };
        case "gcp:compute/getSubnetwork:getSubnetwork":
            // An existing NAT subnet: its range is what the producer firewall admits.
            return { id: args.inputs.selfLink, selfLink: args.inputs.selfLink, ipCidrRange: "10.250.0.0/24", region: config("gcp:region") ?? GCP_MOCK_REGION, project: config("gcp:project") ?? GCP_MOCK_PROJECT };
        default:
            return azureInvoke(args) ?? {};
    }
}
