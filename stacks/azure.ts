/**
 * The Azure example scenarios. Each reads its arguments from the stack's config and, unless the
 * config gives the ids of existing resources, creates what it needs around the components: a
 * resource group, VNets with subnets (endpoint subnets with an NSG that applies to endpoint
 * traffic), and the PaaS target. That scaffolding hangs under a small example component of its
 * own, so the stack's tree shows it apart from the privatelink components.
 */
import * as pulumi from "@pulumi/pulumi";
import * as network from "@pulumi/azure-native/network";
import * as resources from "@pulumi/azure-native/resources";
import * as storage from "@pulumi/azure-native/storage";
import { Provider } from "@pulumi/azure-native/provider";
import {
    AzurePrivateDnsZones,
    AzurePrivateDnsZonesArgs,
    AzurePrivateEndpoint,
    AzurePrivateEndpointArgs,
    AzurePrivateLinkService,
    AzurePrivateLinkServiceArgs,
} from "../components/azure";
import { Scenario, serviceReferenceOf } from "./scenario";

/** A network the example creates, or the ids of an existing one. */
interface NetworkConfig {
    /** An existing resource group; created (named so) unless `createResourceGroup` is false. */
    resourceGroupName: string;
    /** Create the resource group. @default true */
    createResourceGroup?: boolean;
    /** The VNet's name and address space, when the example creates it. */
    virtualNetworkName?: string;
    addressSpace?: string;
    /** The subnet of the private endpoints (created with its NSG) or of the load balancer. */
    subnetPrefix?: string;
    /** The id of an existing subnet to use instead of creating the VNet. */
    subnetId?: string;
    /** The VNet's id when `subnetId` is given (for DNS links). */
    virtualNetworkId?: string;
}

/** What {@link ExampleNetwork} gives the components. */
interface CreatedNetwork {
    resourceGroupName: pulumi.Output<string>;
    virtualNetworkName: pulumi.Output<string>;
    virtualNetworkId: pulumi.Output<string>;
    subnetId: pulumi.Output<string>;
}

/**
 * The scaffolding of an example: a resource group, a VNet without inline subnets (standalone
 * `network.Subnet` resources own them, so the two never fight), and one subnet with an NSG that
 * admits HTTPS from the VNet only, with `privateEndpointNetworkPolicies` letting the NSG apply to
 * private endpoint traffic.
 */
class ExampleNetwork extends pulumi.ComponentResource implements CreatedNetwork {
    public readonly resourceGroupName: pulumi.Output<string>;
    public readonly virtualNetworkName: pulumi.Output<string>;
    public readonly virtualNetworkId: pulumi.Output<string>;
    public readonly subnetId: pulumi.Output<string>;

    constructor(name: string, location: string, cfg: NetworkConfig, opts?: pulumi.ComponentResourceOptions) {
        super("privatelink-examples:index:ExampleNetwork", name, {}, opts);
        const tags = { example: name, "managed-by": "privatelink-examples" };
        const rg =
            cfg.createResourceGroup === false
                ? pulumi.output(cfg.resourceGroupName)
                : new resources.ResourceGroup(`${name}-rg`, { resourceGroupName: cfg.resourceGroupName, location, tags }, { parent: this }).name;
        this.resourceGroupName = rg;
        if (cfg.subnetId !== undefined) {
            this.subnetId = pulumi.output(cfg.subnetId);
            this.virtualNetworkId = pulumi.output(cfg.virtualNetworkId ?? cfg.subnetId.replace(/\/subnets\/[^/]+$/, ""));
            this.virtualNetworkName = this.virtualNetworkId.apply((id) => id.split("/").pop()!);
        } else {
            const vnet = new network.VirtualNetwork(
                `${name}-vnet`,
                {
                    resourceGroupName: rg,
                    location,
                    virtualNetworkName: cfg.virtualNetworkName,
                    addressSpace: { addressPrefixes: [cfg.addressSpace ?? "10.0.0.0/16"] },
                    tags,
                },
                // The subnets are standalone resources; a refresh adopts them into the VNet's
                // `subnets`, which the next update would otherwise try to remove.
                { parent: this, ignoreChanges: ["subnets"] },
            );
            const nsg = new network.NetworkSecurityGroup(
                `${name}-nsg`,
                {
                    resourceGroupName: rg,
                    location,
                    securityRules: [
                        {
                            name: "allow-https-from-vnet",
                            description: "Clients in the VNet (and its peers) reach the private endpoints on HTTPS",
                            priority: 100,
                            direction: "Inbound",
                            access: "Allow",
                            protocol: "Tcp",
                            sourceAddressPrefix: "VirtualNetwork",
                            sourcePortRange: "*",
                            destinationAddressPrefix: "VirtualNetwork",
                            destinationPortRange: "443",
                        },
                    ],
                    tags,
                },
                { parent: this },
            );
            const subnet = new network.Subnet(
                `${name}-subnet`,
                {
                    resourceGroupName: rg,
                    virtualNetworkName: vnet.name,
                    addressPrefix: cfg.subnetPrefix ?? "10.0.1.0/24",
                    networkSecurityGroup: { id: nsg.id },
                    // Without it the NSG above would not apply to private endpoint traffic.
                    privateEndpointNetworkPolicies: "NetworkSecurityGroupEnabled",
                    defaultOutboundAccess: false,
                },
                { parent: this },
            );
            this.virtualNetworkName = vnet.name;
            this.virtualNetworkId = vnet.id;
            this.subnetId = subnet.id;
        }
        this.registerOutputs({ resourceGroupName: this.resourceGroupName, virtualNetworkId: this.virtualNetworkId, subnetId: this.subnetId });
    }
}

/**
 * A storage account that only private endpoints can reach: public network access off, no
 * anonymous blob access, TLS 1.2, Entra ID auth instead of shared keys.
 */
class ExampleStorageAccount extends pulumi.ComponentResource {
    public readonly id: pulumi.Output<string>;

    constructor(name: string, location: string, resourceGroupName: pulumi.Input<string>, opts?: pulumi.ComponentResourceOptions) {
        super("privatelink-examples:index:ExampleStorageAccount", name, {}, opts);
        const account = new storage.StorageAccount(
            `${name}-account`,
            {
                resourceGroupName,
                location,
                kind: "StorageV2",
                sku: { name: "Standard_ZRS" },
                publicNetworkAccess: "Disabled",
                allowBlobPublicAccess: false,
                allowSharedKeyAccess: false,
                minimumTlsVersion: "TLS1_2",
                enableHttpsTrafficOnly: true,
                tags: { example: name },
            },
            { parent: this },
        );
        this.id = account.id;
        this.registerOutputs({ id: this.id });
    }
}

/** An explicit provider for a subscription, when the config names one. */
function subscriptionProvider(name: string, subscriptionId: string | undefined): { providers: Record<string, pulumi.ProviderResource> } | undefined {
    return subscriptionId === undefined ? undefined : { providers: { "azure-native": new Provider(name, { subscriptionId }) } };
}

/**
 * A private endpoint to a storage account's blob service, with the catalog's DNS zone created and
 * linked to the endpoint's VNet. `storageAccountId` uses an existing account.
 */
export const azureStorageEndpoint: Scenario = (config) => {
    const location = config.require("location");
    const net = new ExampleNetwork("orders-app", location, config.requireObject<NetworkConfig>("network"));
    const accountId = config.get("storageAccountId") ?? new ExampleStorageAccount("ordersdata", location, net.resourceGroupName).id;
    const endpoint = new AzurePrivateEndpoint("orders-blob", {
        ...config.requireObject<Partial<AzurePrivateEndpointArgs>>("endpoint"),
        resourceGroupName: net.resourceGroupName,
        location,
        subnetId: net.subnetId,
        targetResourceId: accountId,
    });
    return {
        endpointId: endpoint.endpointId,
        privateIps: endpoint.privateIps,
        dnsNames: endpoint.dnsNames,
        dnsZoneIds: endpoint.dnsZoneIds,
        connectionState: endpoint.connectionState,
    };
};

/** The provider side: the service behind a new internal load balancer in `net`, approving `approvals`. */
function publishService(
    config: pulumi.Config,
    location: string,
    net: ExampleNetwork,
    sub: ReturnType<typeof subscriptionProvider>,
    approvals?: AzurePrivateLinkServiceArgs["approvals"],
): AzurePrivateLinkService {
    const serviceArgs = config.requireObject<AzurePrivateLinkServiceArgs & { natSubnet: { addressPrefix: string } }>("service");
    return new AzurePrivateLinkService(
        "orders",
        {
            ...serviceArgs,
            resourceGroupName: net.resourceGroupName,
            location,
            natSubnet: { ...serviceArgs.natSubnet, resourceGroupName: net.resourceGroupName, virtualNetworkName: net.virtualNetworkName },
            loadBalancer: { ...serviceArgs.loadBalancer!, frontendSubnetId: net.subnetId },
            ...(approvals !== undefined ? { approvals } : {}),
        },
        sub,
    );
}

/** The consumer side: an endpoint in `net` that requests a connection to the service `alias`. */
function consumeService(config: pulumi.Config, location: string, net: ExampleNetwork, sub: ReturnType<typeof subscriptionProvider>, alias: pulumi.Input<string>): AzurePrivateEndpoint {
    return new AzurePrivateEndpoint(
        "orders-client",
        {
            ...config.requireObject<Partial<AzurePrivateEndpointArgs>>("endpoint"),
            resourceGroupName: net.resourceGroupName,
            location,
            subnetId: net.subnetId,
            privateLinkServiceAlias: alias,
        },
        sub,
    );
}

/** The stack outputs of each side. */
const serviceOutputs = (service: AzurePrivateLinkService) => ({
    serviceReference: service.serviceReference,
    serviceId: service.serviceId,
    natIps: service.natIps,
    // The backends (VMs, scale sets) join this pool; the example creates none.
    backendPoolId: service.backendPoolId,
});
const endpointOutputs = (endpoint: AzurePrivateEndpoint) => ({
    endpointId: endpoint.endpointId,
    privateIps: endpoint.privateIps,
    dnsNames: endpoint.dnsNames,
    connectionState: endpoint.connectionState,
});

/**
 * The whole Private Link Service flow: the provider publishes a service behind a new internal
 * load balancer; a consumer in its own VNet (and, with `consumerSubscriptionId`, subscription)
 * requests a connection by alias; the provider approves that endpoint's pending connection. The
 * endpoint id reaches the service through a deferred output, so data flow orders service →
 * endpoint → approval without any `dependsOn`.
 */
export const azurePrivateLinkService: Scenario = (config) => {
    const location = config.require("location");
    const providerSub = subscriptionProvider("provider-subscription", config.get("providerSubscriptionId"));
    const consumerSub = subscriptionProvider("consumer-subscription", config.get("consumerSubscriptionId"));
    const providerNet = new ExampleNetwork("orders-provider", location, config.requireObject<NetworkConfig>("providerNetwork"), providerSub);
    const consumerNet = new ExampleNetwork("orders-consumer", location, config.requireObject<NetworkConfig>("consumerNetwork"), consumerSub);

    const [endpointId, setEndpointId] = pulumi.deferredOutput<string>();
    const service = publishService(config, location, providerNet, providerSub, [
        { privateEndpointId: endpointId, key: "orders-client", description: "Orders client of the consumer team" },
    ]);
    const endpoint = consumeService(config, location, consumerNet, consumerSub, service.serviceReference);
    setEndpointId(endpoint.endpointId);
    return { ...serviceOutputs(service), ...endpointOutputs(endpoint) };
};

/**
 * The provider side alone, in its own stack: the service behind a new internal load balancer, with
 * the consumers' endpoints it approves listed in `service.approvals` (a second `pulumi up` once
 * the consumer stack has created its endpoint and sent its request). Exports `serviceReference`
 * (the alias) for consumer stacks.
 */
export const azurePublish: Scenario = (config) => {
    const location = config.require("location");
    const sub = subscriptionProvider("provider-subscription", config.get("subscriptionId"));
    const net = new ExampleNetwork("orders-provider", location, config.requireObject<NetworkConfig>("network"), sub);
    return serviceOutputs(publishService(config, location, net, sub));
};

/**
 * The consumer side alone, in its own stack: an endpoint that requests a connection to the service
 * by alias, read from the provider stack (`serviceStack`) through a StackReference or given as
 * `serviceReference`. The connection stays Pending until the provider approves it.
 */
export const azureConsume: Scenario = (config) => {
    const location = config.require("location");
    const sub = subscriptionProvider("consumer-subscription", config.get("subscriptionId"));
    const net = new ExampleNetwork("orders-consumer", location, config.requireObject<NetworkConfig>("network"), sub);
    return endpointOutputs(consumeService(config, location, net, sub, serviceReferenceOf(config)));
};

/**
 * Central private DNS: the hub creates the catalog zones for the landing zone's groupIds in the
 * connectivity subscription (`hubSubscriptionId`) and links them to the hub and spoke VNets;
 * spoke endpoints to a storage account (blob and file) use the hub's zones by id.
 */
export const azureHubDns: Scenario = (config) => {
    const location = config.require("location");
    const hubSub = subscriptionProvider("connectivity-subscription", config.get("hubSubscriptionId"));
    const spokeSub = subscriptionProvider("spoke-subscription", config.get("spokeSubscriptionId"));
    const hubNet = new ExampleNetwork("connectivity", location, config.requireObject<NetworkConfig>("hubNetwork"), hubSub);
    const spokeNet = new ExampleNetwork("orders-spoke", location, config.requireObject<NetworkConfig>("spokeNetwork"), spokeSub);
    const zones = new AzurePrivateDnsZones(
        "connectivity-dns",
        {
            ...config.requireObject<Partial<AzurePrivateDnsZonesArgs>>("zones"),
            resourceGroupName: hubNet.resourceGroupName,
            virtualNetworks: [
                { virtualNetworkId: hubNet.virtualNetworkId, key: "hub" },
                { virtualNetworkId: spokeNet.virtualNetworkId, key: "orders-spoke" },
            ],
        },
        hubSub,
    );
    const accountId = config.get("storageAccountId") ?? new ExampleStorageAccount("ordersdata", location, spokeNet.resourceGroupName, spokeSub).id;
    const endpoints = config.requireObject<string[]>("spokeGroupIds").map(
        (groupId) =>
            new AzurePrivateEndpoint(
                `orders-${groupId}`,
                {
                    resourceGroupName: spokeNet.resourceGroupName,
                    location,
                    subnetId: spokeNet.subnetId,
                    targetResourceId: accountId,
                    groupIds: [groupId],
                    dns: { zoneIdsByGroupId: zones.zoneIds },
                },
                spokeSub,
            ),
    );
    return {
        zoneIds: zones.zoneIds,
        zoneNames: zones.zoneNames,
        endpointIds: pulumi.all(endpoints.map((e) => e.endpointId)),
        dnsNames: pulumi.all(endpoints.map((e) => e.dnsNames)).apply((names) => names.flat()),
    };
};
