/**
 * The AWS example scenarios. Each reads its component arguments from the stack's config, so the
 * YAML file is the whole example: what it says is what the component receives.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import {
    AwsPrivateDnsZone,
    AwsPrivateDnsZoneArgs,
    AwsPrivateEndpoint,
    AwsPrivateEndpointArgs,
    AwsPrivateLinkService,
    AwsPrivateLinkServiceArgs,
    AwsServiceEndpoints,
    AwsServiceEndpointsArgs,
} from "../components/aws";
import { Scenario, serviceReferenceOf } from "./scenario";

/** Publish a service behind a new internal NLB (provider account). */
export const awsPublish: Scenario = (config) => {
    const service = new AwsPrivateLinkService("orders", config.requireObject<AwsPrivateLinkServiceArgs>("service"));
    return {
        serviceReference: service.serviceReference,
        serviceId: service.serviceId,
        loadBalancerArn: service.loadBalancerArn,
        availabilityZones: service.availabilityZones,
    };
};

/**
 * Reach a published service from a consumer VPC. The service name comes from config or, when
 * `serviceStack` is set, from the provider stack's `serviceReference` output.
 */
export const awsConsume: Scenario = (config) => {
    const args = config.requireObject<AwsPrivateEndpointArgs>("endpoint");
    const endpoint = new AwsPrivateEndpoint("orders-client", { ...args, serviceName: serviceReferenceOf(config, args.serviceName) });
    return {
        endpointId: endpoint.endpointId,
        dnsNames: endpoint.dnsNames,
        privateIps: endpoint.privateIps,
        connectionState: endpoint.connectionState,
    };
};

/** Endpoints to AWS's own services for a private workload VPC. */
export const awsServiceEndpoints: Scenario = (config) => {
    const endpoints = new AwsServiceEndpoints("workload", config.requireObject<AwsServiceEndpointsArgs>("serviceEndpoints"));
    return { endpointIds: endpoints.endpointIds, securityGroupId: endpoints.securityGroupId, dnsNames: endpoints.dnsNames };
};

/** A hub private hosted zone shared with spoke VPCs, with alias records for central endpoints. */
export const awsHubDns: Scenario = (config) => {
    const zone = new AwsPrivateDnsZone("hub", config.requireObject<AwsPrivateDnsZoneArgs>("zone"));
    return { zoneId: zone.zoneId, recordFqdns: zone.recordFqdns, associatedVpcIds: zone.associatedVpcIds };
};

/** An AWS account, as the cross-account scenario's config describes it. */
interface AccountConfig {
    /** The region of the account's resources. */
    region: string;
    /** The role the program assumes in that account. */
    roleArn?: string;
}

function accountProvider(name: string, account: AccountConfig): aws.Provider {
    return new aws.Provider(name, {
        region: account.region as aws.Region,
        assumeRoles: account.roleArn ? [{ roleArn: account.roleArn, sessionName: "privatelink" }] : undefined,
    });
}

/**
 * Stacks deployed before accepters were named by key hold this example's accepter as
 * `orders-accept-0` (its list position). The alias moves that live accepter to its new name instead
 * of creating a second one and deleting the first, which would reject the consumer's connection.
 * This is how a program adds an alias to a component's child without touching the component.
 */
const keepAccepterOfEarlierStacks: pulumi.ResourceTransformation = (args) =>
    args.name === "orders-accept-orders-client"
        ? { props: args.props, opts: pulumi.mergeOptions(args.opts, { aliases: [{ name: "orders-accept-0" }] }) }
        : undefined;

/**
 * The whole cross-account flow in one program, with one provider per account: the provider
 * account publishes the service and accepts the consumer's endpoint; the consumer account creates
 * the endpoint and turns its private DNS on only once the connection is accepted.
 *
 * The accepter needs the endpoint's id and the endpoint's late private DNS needs the accepter, so
 * the endpoint id reaches the service component through a deferred output: data flow orders the
 * three steps without any `dependsOn`.
 */
export const awsCrossAccount: Scenario = (config) => {
    const providerAccount = accountProvider("provider-account", config.requireObject<AccountConfig>("providerAccount"));
    const consumerAccount = accountProvider("consumer-account", config.requireObject<AccountConfig>("consumerAccount"));
    const [endpointId, setEndpointId] = pulumi.deferredOutput<string>();
    const service = new AwsPrivateLinkService(
        "orders",
        {
            ...config.requireObject<AwsPrivateLinkServiceArgs>("service"),
            // The endpoint id is not known until the consumer's endpoint exists, so a key names the
            // accepter; a list position would re-accept (and reject) whenever the list changed.
            acceptEndpoints: [{ key: "orders-client", endpointId }],
        },
        { providers: { aws: providerAccount }, transformations: [keepAccepterOfEarlierStacks] },
    );
    const endpoint = new AwsPrivateEndpoint(
        "orders-client",
        {
            ...config.requireObject<AwsPrivateEndpointArgs>("endpoint"),
            serviceName: service.serviceReference,
            enablePrivateDnsAfterAcceptance: true,
            acceptedBy: service.acceptedEndpointIds.apply((ids) => ids.join(",")),
        },
        { providers: { aws: consumerAccount } },
    );
    setEndpointId(endpoint.endpointId);
    return {
        serviceReference: service.serviceReference,
        endpointId: endpoint.endpointId,
        dnsNames: endpoint.dnsNames,
        connectionState: endpoint.connectionState,
    };
};
