/**
 * The Google Cloud example scenarios. Each reads its component arguments from the stack's config,
 * so the YAML file is the whole example: what it says is what the component receives. Networks
 * (and the producer's internal load balancer) are created for the example unless the config
 * gives the ids of existing ones.
 */
import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/gcp/compute";
import { Provider } from "@pulumi/gcp/provider";
import {
    GcpGoogleApisEndpoint,
    GcpGoogleApisEndpointArgs,
    GcpPrivateDnsZone,
    GcpPrivateDnsZoneArgs,
    GcpPrivateEndpoint,
    GcpPrivateEndpointArgs,
    GcpPrivateLinkService,
    GcpPrivateLinkServiceArgs,
} from "../components/gcp";
import { Scenario, serviceReferenceOf } from "./scenario";

/** A project to deploy into, and the region of its regional resources. */
interface ProjectConfig {
    /** The project id. */
    project: string;
    /** The region, e.g. europe-west3. */
    region: string;
}

/** The network of one side: existing ids, or the range of a network to create. */
interface NetworkConfig {
    /** An existing VPC network (id or self link); with `subnetworkId`, nothing is created. */
    networkId?: string;
    /** An existing subnetwork of that network (id or self link). */
    subnetworkId?: string;
    /** The range of the subnetwork to create, e.g. 10.10.0.0/24. */
    subnetCidr?: string;
}

/** The producer's internal passthrough load balancer, created unless `targetService` is given. */
interface LoadBalancerConfig {
    /** An existing forwarding rule (id or self link) to publish instead. */
    targetService?: string;
    /** The ports the service listens on. */
    ports?: number[];
}

/** What the example creates for the network of one side. */
interface ExampleNetworkArgs {
    region: string;
    subnetCidr: string;
    /** What the network is for, in the resources' descriptions. */
    purpose: string;
}

/**
 * A VPC network with one subnetwork for the example: custom mode, Private Google Access and
 * subnet flow logs on, as a landing zone would set them. Not part of the package: users bring
 * their own networks.
 */
class ExampleNetwork extends pulumi.ComponentResource {
    public readonly networkId: pulumi.Output<string>;
    public readonly subnetworkId: pulumi.Output<string>;

    constructor(name: string, args: ExampleNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super("privatelink-examples:index:ExampleNetwork", name, {}, opts);
        const network = new compute.Network(
            `${name}-vpc`,
            { autoCreateSubnetworks: false, routingMode: "REGIONAL", description: `${args.purpose} network of the privatelink example` },
            { parent: this },
        );
        const subnet = new compute.Subnetwork(
            `${name}-subnet`,
            {
                network: network.id,
                region: args.region,
                ipCidrRange: args.subnetCidr,
                privateIpGoogleAccess: true,
                logConfig: { aggregationInterval: "INTERVAL_5_SEC", flowSampling: 0.5, metadata: "INCLUDE_ALL_METADATA" },
                description: `${args.purpose} workloads of the privatelink example`,
            },
            { parent: this },
        );
        this.networkId = network.id;
        this.subnetworkId = subnet.id;
        this.registerOutputs({ networkId: this.networkId, subnetworkId: this.subnetworkId });
    }
}

/** The example's network of one side: the given ids, or a created network. */
function networkOf(name: string, config: NetworkConfig, region: string, purpose: string, provider: Provider): { networkId: pulumi.Input<string>; subnetworkId: pulumi.Input<string>; subnetCidrs: string[] } {
    if (config.networkId !== undefined && config.subnetworkId !== undefined) {
        return { networkId: config.networkId, subnetworkId: config.subnetworkId, subnetCidrs: config.subnetCidr ? [config.subnetCidr] : [] };
    }
    if (config.subnetCidr === undefined) {
        throw new Error(`${name}: give networkId and subnetworkId of an existing network, or subnetCidr for one to create`);
    }
    const created = new ExampleNetwork(name, { region, subnetCidr: config.subnetCidr, purpose }, { providers: { gcp: provider } });
    return { networkId: created.networkId, subnetworkId: created.subnetworkId, subnetCidrs: [config.subnetCidr] };
}

/**
 * An internal passthrough Network Load Balancer for the example's producer: a TCP health check,
 * a regional backend service (backends are added by the service's own deployment) and the
 * internal forwarding rule that the service attachment publishes.
 */
class ExampleInternalLoadBalancer extends pulumi.ComponentResource {
    public readonly forwardingRuleId: pulumi.Output<string>;

    constructor(name: string, args: { region: string; networkId: pulumi.Input<string>; subnetworkId: pulumi.Input<string>; ports: number[] }, opts?: pulumi.ComponentResourceOptions) {
        super("privatelink-examples:index:ExampleInternalLoadBalancer", name, {}, opts);
        const healthCheck = new compute.RegionHealthCheck(
            `${name}-hc`,
            { region: args.region, tcpHealthCheck: { port: args.ports[0] }, logConfig: { enable: true } },
            { parent: this },
        );
        const backend = new compute.RegionBackendService(
            `${name}-backend`,
            { region: args.region, loadBalancingScheme: "INTERNAL", protocol: "TCP", healthChecks: healthCheck.id, network: args.networkId },
            { parent: this },
        );
        const rule = new compute.ForwardingRule(
            `${name}-ilb`,
            {
                region: args.region,
                loadBalancingScheme: "INTERNAL",
                backendService: backend.id,
                network: args.networkId,
                subnetwork: args.subnetworkId,
                ipProtocol: "TCP",
                ports: args.ports.map(String),
            },
            { parent: this },
        );
        this.forwardingRuleId = rule.id;
        this.registerOutputs({ forwardingRuleId: this.forwardingRuleId });
    }
}

/** The producer side: its network, the internal load balancer (unless given) and the service attachment. */
function publish(config: pulumi.Config): GcpPrivateLinkService {
    const producer = config.requireObject<ProjectConfig & { network: NetworkConfig; loadBalancer?: LoadBalancerConfig }>("producer");
    const producerProvider = new Provider("producer-project", { project: producer.project, region: producer.region });
    const producerNetwork = networkOf("producer", producer.network, producer.region, "Producer", producerProvider);
    const targetService =
        producer.loadBalancer?.targetService ??
        new ExampleInternalLoadBalancer(
            "orders-lb",
            { region: producer.region, networkId: producerNetwork.networkId, subnetworkId: producerNetwork.subnetworkId, ports: producer.loadBalancer?.ports ?? [443] },
            { providers: { gcp: producerProvider } },
        ).forwardingRuleId;
    return new GcpPrivateLinkService(
        "orders",
        { ...config.requireObject<GcpPrivateLinkServiceArgs>("service"), targetService, network: producerNetwork.networkId },
        { providers: { gcp: producerProvider } },
    );
}

/** The consumer side: its network and the endpoint to `serviceReference`, with its private DNS name. */
function consume(config: pulumi.Config, serviceReference: pulumi.Input<string>): GcpPrivateEndpoint {
    const consumer = config.requireObject<ProjectConfig & { network: NetworkConfig }>("consumer");
    const consumerProvider = new Provider("consumer-project", { project: consumer.project, region: consumer.region });
    const consumerNetwork = networkOf("consumer", consumer.network, consumer.region, "Consumer", consumerProvider);
    return new GcpPrivateEndpoint(
        "orders-client",
        {
            ...config.requireObject<GcpPrivateEndpointArgs>("endpoint"),
            serviceReference,
            network: consumerNetwork.networkId,
            subnetwork: consumerNetwork.subnetworkId,
        },
        { providers: { gcp: consumerProvider } },
    );
}

/** The consumer's stack outputs. */
function endpointOutputs(endpoint: GcpPrivateEndpoint): Record<string, pulumi.Input<unknown>> {
    return { endpointId: endpoint.endpointId, privateIps: endpoint.privateIps, dnsNames: endpoint.dnsNames, connectionState: endpoint.connectionState };
}

/**
 * A producer publishes a service behind its internal load balancer, and a consumer in another
 * project reaches it through an endpoint with a private DNS name: both sides in one program,
 * one provider per project.
 */
export const gcpPublishConsume: Scenario = (config) => {
    const service = publish(config);
    const endpoint = consume(config, service.serviceReference);
    return { serviceReference: service.serviceReference, natSubnetIds: service.natSubnetIds, ...endpointOutputs(endpoint) };
};

/** The producer side alone: its stack exports `serviceReference` for consumer stacks. */
export const gcpPublish: Scenario = (config) => {
    const service = publish(config);
    return { serviceReference: service.serviceReference, serviceAttachmentId: service.serviceAttachmentId, natSubnetIds: service.natSubnetIds };
};

/**
 * The consumer side alone, in its own stack: the attachment's self link comes from the producer
 * stack (`serviceStack`) through a StackReference, or from `serviceReference` in config.
 */
export const gcpConsume: Scenario = (config) => endpointOutputs(consume(config, serviceReferenceOf(config)));

/**
 * A workload network reaches Google APIs privately through a Private Service Connect endpoint,
 * with the googleapis.com, gcr.io and pkg.dev names resolving to it.
 */
export const gcpGoogleApis: Scenario = (config) => {
    const workload = config.requireObject<ProjectConfig & { network: NetworkConfig; subnetRanges?: string[] }>("workload");
    const provider = new Provider("workload-project", { project: workload.project, region: workload.region });
    const network = networkOf("workload", workload.network, workload.region, "Workload", provider);
    const apis = new GcpGoogleApisEndpoint(
        "googleapis",
        {
            ...config.requireObject<GcpGoogleApisEndpointArgs>("googleApis"),
            network: network.networkId,
            // The endpoint's address must lie outside every range of the network.
            subnetRanges: [...network.subnetCidrs, ...(workload.subnetRanges ?? [])],
        },
        { providers: { gcp: provider } },
    );
    return { endpointId: apis.endpointId, privateIps: apis.privateIps, dnsNames: apis.dnsNames, connectionState: apis.connectionState };
};

/** A hub private zone shared by the hub and spoke networks, with names of central PSC endpoints. */
export const gcpHubDns: Scenario = (config) => {
    const hub = config.requireObject<ProjectConfig>("hub");
    const provider = new Provider("hub-project", { project: hub.project, region: hub.region });
    const zone = new GcpPrivateDnsZone("hub", config.requireObject<GcpPrivateDnsZoneArgs>("zone"), { providers: { gcp: provider } });
    return { zoneName: zone.zoneName, recordNames: zone.recordNames, networkUrls: zone.networkUrls };
};
