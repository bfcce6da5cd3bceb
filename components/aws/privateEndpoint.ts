/**
 * `AwsPrivateEndpoint`: reach a service privately from a consumer VPC — an Interface endpoint to an
 * endpoint service (NLB-backed, customer, Marketplace or AWS), a Gateway Load Balancer endpoint, or
 * a VPC Lattice `Resource` endpoint to a shared resource configuration.
 *
 * Secure by default: one subnet per Availability Zone and at least two zones, a dedicated security
 * group that admits only the listed clients on the service ports, and no DNS change unless asked.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import {
    Check,
    childName,
    isKnown,
    jsonProblem,
    mergeTags,
    optional,
    requireAbsent,
    requireAtMostOne,
    requireBoolean,
    requireExactlyOne,
    requireOneOf,
    requireValid,
    startValidation,
    typeToken,
    Validator,
    whenResolved,
} from "../core";
import { isHostName } from "../../common/dns";
import { createAliasRecords, createPrivateZone, endpointAliasTarget, keyedZoneVpcs, KeyedZoneVpc, VPC_ID, validateZoneVpcs, ZoneVpcArgs } from "./dns";
import {
    AwsEndpointDnsRecordIpType,
    AwsEndpointIpAddressType,
    createEndpointPolicy,
    ENDPOINT_POLICY_IGNORE,
    lookupPrivateIps,
    servesIpv4,
    servesIpv6,
    validateDnsRecordIpType,
} from "./interfaceEndpoint";
import { AwsAllowedSourceArgs, createEndpointSecurityGroup, DEFAULT_ENDPOINT_PORTS, IngressSource, SECURITY_GROUP_ID, validateEndpointAccess } from "./securityGroup";
import { isCustomerServiceName } from "./serviceNames";
import { AwsEndpointSubnetArgs, checkedSubnetIds, subnetKeys, validateEndpointSubnets } from "./subnets";
import {
    asSet,
    checkedList,
    IAM_ROLE_NAME,
    patternCheck,
    regionCheck,
    requireAutonameFits,
    requireNameFitsTags,
    requireValidValue,
    SECURITY_GROUP_NAME,
    textCheck,
    validateAwsTags,
} from "./validation";

const COMPONENT = "AwsPrivateEndpoint";

/** The kind of VPC endpoint. */
export enum AwsEndpointType {
    /** ENIs in your subnets that front an endpoint service (the PrivateLink default). */
    Interface = "Interface",
    /** A route target that sends traffic through a Gateway Load Balancer endpoint service. */
    GatewayLoadBalancer = "GatewayLoadBalancer",
    /** A VPC Lattice resource endpoint to a resource configuration (RDS, an IP or DNS target). */
    Resource = "Resource",
}

/** Where flow logs go. */
export enum AwsFlowLogDestinationType {
    /** A CloudWatch Logs log group. */
    CloudWatchLogs = "cloud-watch-logs",
    /** An S3 bucket (or bucket/prefix). */
    S3 = "s3",
}

/** Which traffic flow logs record. */
export enum AwsFlowLogTrafficType {
    /** Accepted and rejected traffic. */
    All = "ALL",
    /** Accepted traffic only. */
    Accept = "ACCEPT",
    /** Rejected traffic only. */
    Reject = "REJECT",
}

/** What the endpoint's flow logs are attached to. */
export enum AwsFlowLogScope {
    /**
     * Each of the endpoint's network interfaces (one per subnet): records only the endpoint's
     * traffic. Needs the interface ids, which an endpoint awaiting acceptance may not have yet.
     */
    NetworkInterfaces = "NetworkInterfaces",
    /**
     * Each of the endpoint's subnets: records the endpoint and every other interface in those
     * subnets. Needs no interface ids, so it also works before a connection is accepted.
     */
    Subnets = "Subnets",
}

/**
 * A friendly name for the endpoint in a Route 53 private hosted zone: alias `A` (and `AAAA` for
 * IPv6) records pointing at the endpoint's regional DNS name. Give `domainName` to create a zone,
 * or `zoneId` to write into a zone you already have.
 */
export interface AwsEndpointPrivateZoneArgs {
    /**
     * Domain of a new private hosted zone, e.g. `orders.internal`. The zone is visible to `vpcId`,
     * `additionalVpcs` and, once their owners associate them, `crossAccountVpcs`. When `vpcId`
     * changes, the zone is replaced with one visible to the new VPC.
     * @default no new zone (then `zoneId` is required)
     */
    domainName?: pulumi.Input<string>;
    /**
     * Id of an existing hosted zone to create the records in (e.g. a central zone).
     * @default no existing zone (then `domainName` is required)
     */
    zoneId?: pulumi.Input<string>;
    /**
     * The record name. Required with `zoneId`.
     * @default the zone apex, `domainName`
     */
    recordName?: pulumi.Input<string>;
    /**
     * More VPCs of the endpoint's account that the new zone is visible to, besides `vpcId` (only
     * with `domainName`). Each gets an `aws.route53.ZoneAssociation` named by its key.
     * @default []
     */
    additionalVpcs?: ZoneVpcArgs[];
    /**
     * VPCs of other accounts that may use the new zone (only with `domainName`). Route 53 accepts an
     * association only from the VPC owner's account, so each gets a `VpcAssociationAuthorization`
     * here, and the VPC owner creates the `ZoneAssociation` with a provider for their account
     * (see `AwsPrivateDnsZoneCrossAccountVpcArgs`).
     * @default []
     */
    crossAccountVpcs?: ZoneVpcArgs[];
}

/**
 * VPC flow logs for the endpoint: one flow log per subnet, attached to the endpoint's network
 * interface in that subnet (the default) or to the subnet itself (`scope: Subnets`), each named by
 * the subnet's key, so adding or removing a subnet touches only its own flow log.
 */
export interface AwsEndpointFlowLogArgs {
    /** ARN of the CloudWatch Logs log group or S3 bucket that receives the logs. */
    destinationArn: pulumi.Input<string>;
    /**
     * The kind of destination.
     * @default AwsFlowLogDestinationType.CloudWatchLogs
     */
    destinationType?: AwsFlowLogDestinationType;
    /**
     * IAM role that lets VPC Flow Logs write to CloudWatch Logs (CloudWatch only).
     * @default a role created by the component, trusted by `vpc-flow-logs.amazonaws.com` for this account only
     */
    iamRoleArn?: pulumi.Input<string>;
    /**
     * Which traffic to record.
     * @default AwsFlowLogTrafficType.All
     */
    trafficType?: AwsFlowLogTrafficType;
    /**
     * What the flow logs are attached to. `NetworkInterfaces` (Interface and Gateway Load Balancer
     * endpoints only) records only the endpoint's traffic, in `${name}-flowlog-eni-<subnet>`;
     * `Subnets` records everything else in the endpoint's subnets too, in
     * `${name}-flowlog-<subnet>`, but needs no interface ids: use it for a service in another
     * account that requires acceptance (with `enablePrivateDnsAfterAcceptance` it is required),
     * because AWS does not guarantee the interfaces exist while the connection is
     * `pendingAcceptance`, and an interface-scoped flow log then fails the update with a
     * `flowLogs.scope` error.
     * @default AwsFlowLogScope.NetworkInterfaces, or AwsFlowLogScope.Subnets for Resource endpoints
     */
    scope?: AwsFlowLogScope;
}

/** Arguments of {@link AwsPrivateEndpoint}. */
export interface AwsPrivateEndpointArgs {
    /** The consumer VPC (`vpc-…`). For private DNS it needs `enableDnsSupport` and `enableDnsHostnames`. */
    vpcId: pulumi.Input<string>;
    /**
     * The endpoint service name, e.g. the `serviceReference` of an `AwsPrivateLinkService`
     * (`com.amazonaws.vpce.<region>.vpce-svc-…`) or an AWS service (`com.amazonaws.<region>.ssm`).
     * Exactly one of `serviceName` and `resourceConfigurationArn`.
     * @default none
     */
    serviceName?: pulumi.Input<string>;
    /**
     * ARN of a VPC Lattice resource configuration shared with this account; makes a `Resource`
     * endpoint. Exactly one of `serviceName` and `resourceConfigurationArn`.
     * @default none
     */
    resourceConfigurationArn?: pulumi.Input<string>;
    /**
     * The kind of endpoint.
     * @default AwsEndpointType.Interface, or AwsEndpointType.Resource with `resourceConfigurationArn`
     */
    endpointType?: AwsEndpointType;
    /**
     * Region of the endpoint service for cross-region PrivateLink (Interface endpoints only). The
     * service must list this region as supported; AWS cannot report its AZs, so pick subnets in
     * zones the provider serves.
     * @default the endpoint's region
     */
    serviceRegion?: pulumi.Input<string>;
    /**
     * Subnets for the endpoint's network interfaces, one per Availability Zone. Interface and
     * Resource endpoints need two or more (see `allowSingleAz`); Gateway Load Balancer endpoints
     * take exactly one. With `flowLogs`, each subnet's key names its flow log.
     */
    subnets: AwsEndpointSubnetArgs[];
    /**
     * Allow a single subnet for Interface and Resource endpoints (no zone redundancy), e.g. for
     * development.
     * @default false
     */
    allowSingleAz?: boolean;
    /**
     * Client CIDRs allowed to reach the endpoint on `ports` (IPv4 or IPv6, canonical form), known
     * when the program runs: each names its rules. Never `0.0.0.0/0` or `::/0`. A CIDR that is an
     * Output goes in `allowedSources`. At least one source is required unless `securityGroupIds`
     * is given.
     * @default []
     */
    allowedCidrs?: string[];
    /**
     * Client security groups allowed to reach the endpoint on `ports`, known when the program runs;
     * a group id that is an Output goes in `allowedSources`.
     * @default []
     */
    allowedSecurityGroupIds?: string[];
    /**
     * Client CIDRs or security groups that are not known until deployment, each with a key that
     * names its rules; checked when they resolve like `allowedCidrs`.
     * @default []
     */
    allowedSources?: AwsAllowedSourceArgs[];
    /**
     * The TCP ports the service listens on; one ingress rule per source and port.
     * @default [443]
     */
    ports?: number[];
    /**
     * Existing security groups to attach instead of creating one. Excludes `allowedCidrs`,
     * `allowedSecurityGroupIds`, `allowedSources` and `ports`.
     * @default a dedicated group created by the component
     */
    securityGroupIds?: pulumi.Input<string>[];
    /**
     * Endpoint policy as a JSON string. Not allowed for customer endpoint services
     * (`com.amazonaws.vpce.*`), which accept only the default full-access policy, nor for Gateway
     * Load Balancer endpoints. Excludes `policyDocument`.
     * @default AWS's full-access policy
     */
    policy?: pulumi.Input<string>;
    /**
     * Endpoint policy as an object (serialised to JSON). Same rules as `policy`; excludes it. It
     * must be plain JSON data: no cycles, BigInt values or functions.
     * @default AWS's full-access policy
     */
    policyDocument?: pulumi.Input<{ [key: string]: any }>;
    /**
     * IP address type of the endpoint's network interfaces.
     * @default AWS's default (IPv4)
     */
    ipAddressType?: AwsEndpointIpAddressType;
    /**
     * Which DNS records AWS publishes for the endpoint (`dnsOptions.dnsRecordIpType`).
     * `dualstack` and `service-defined` need `ipAddressType: dualstack`.
     * @default AWS's default for the address type
     */
    dnsRecordIpType?: AwsEndpointDnsRecordIpType;
    /**
     * Let AWS answer the service's private DNS name inside the VPC (same-account or already
     * accepted services). Excludes `privateZone`. With `enablePrivateDnsAfterAcceptance`, only
     * `false` is allowed: it turns private DNS off through `${name}-private-dns`.
     * @default false
     */
    privateDnsEnabled?: boolean;
    /**
     * For services in another account that require acceptance: leave private DNS off on the
     * endpoint and enable it with a separate `aws.vpc.EndpointPrivateDns` resource
     * (`${name}-private-dns`), because AWS refuses private DNS while the connection is pending.
     * Across stacks, set this in a later `pulumi up` once the provider has accepted; in one
     * program, pass `acceptedBy`. To turn private DNS off again, keep this and set
     * `privateDnsEnabled: false`: removing this alone does not turn it off, because deleting an
     * `EndpointPrivateDns` leaves the endpoint as it is.
     * @default false
     */
    enablePrivateDnsAfterAcceptance?: boolean;
    /**
     * Any value produced by the acceptance (e.g. the `id` of an
     * `aws.ec2.VpcEndpointConnectionAccepter`); private DNS is enabled only once it is known. It
     * orders the two through data flow, which works from every language without `dependsOn`.
     * Because the accepter needs this component's `endpointId`, build it with
     * `pulumi.deferredOutput()` and resolve it after creating the accepter. Requires
     * `enablePrivateDnsAfterAcceptance`.
     * @default no ordering
     */
    acceptedBy?: pulumi.Input<string>;
    /**
     * A friendly name in a Route 53 private hosted zone, aliased to the endpoint. Excludes
     * `privateDnsEnabled` and `enablePrivateDnsAfterAcceptance`.
     * @default no zone and no records
     */
    privateZone?: AwsEndpointPrivateZoneArgs;
    /**
     * VPC flow logs, one per subnet, on the endpoint's network interfaces (or, with
     * `flowLogs.scope`, its subnets).
     * @default no flow logs
     */
    flowLogs?: AwsEndpointFlowLogArgs;
    /**
     * Tags for every resource, merged over the component's `managed-by` and
     * `privatelink-component` tags.
     * @default {}
     */
    tags?: { [key: string]: string };
}

const SERVICE_NAME: Check = (value) => {
    if (typeof value !== "string" || value.trim() === "") {
        return { problem: "which is not an endpoint service name", fix: "use the service name, e.g. com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0" };
    }
    if (/^vpce-svc-/.test(value)) {
        return { problem: "which is an endpoint service id, not its name", fix: "use the service name, com.amazonaws.vpce.<region>.vpce-svc-… (the provider's serviceReference output)" };
    }
    return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(value)
        ? undefined
        : { problem: "which is not an endpoint service name", fix: "use a name such as com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0 or com.amazonaws.us-east-1.ssm" };
};
const RESOURCE_CONFIGURATION_ARN = patternCheck(
    /^arn:[a-z-]+:vpc-lattice:[a-z0-9-]+:\d{12}:resourceconfiguration\/rcfg-[0-9a-z]+$/,
    "a VPC Lattice resource configuration ARN",
    "arn:aws:vpc-lattice:<region>:<account>:resourceconfiguration/rcfg-…",
);
const POLICY_JSON: Check = (value) => {
    let parsed: unknown;
    try {
        parsed = typeof value === "string" ? JSON.parse(value) : undefined;
    } catch {
        parsed = undefined;
    }
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
        ? undefined
        : { problem: "which is not a JSON policy document", fix: 'write a JSON object, e.g. {"Version":"2012-10-17","Statement":[...]}' };
};
const POLICY_DOCUMENT: Check = (value) => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
        return { problem: "which is not a policy object", fix: "pass an object with Version and Statement" };
    }
    const shape = jsonProblem(value);
    return shape.problem ? { problem: `which cannot be written as JSON: ${shape.problem}`, fix: "pass plain JSON data (objects, lists, strings, numbers, booleans)" } : undefined;
};
const ZONE_DOMAIN: Check = (value) =>
    isHostName(value) ? undefined : { problem: "which is not a DNS domain name", fix: 'use a name such as "orders.internal"' };
const FLOW_LOG_DESTINATION = (destType: AwsFlowLogDestinationType): Check => (value) => {
    const service = typeof value === "string" ? /^arn:[a-z-]+:([a-z0-9-]+):/.exec(value)?.[1] : undefined;
    const expected = destType === AwsFlowLogDestinationType.S3 ? "s3" : "logs";
    return service === expected
        ? undefined
        : {
              problem: `which is not ${destType === AwsFlowLogDestinationType.S3 ? "an S3 bucket" : "a CloudWatch Logs log group"} ARN`,
              fix: `give an arn:<partition>:${expected}:… ARN, or set flowLogs.destinationType to match the destination`,
          };
};

/** What the constructor builds, as validation found it. */
interface EndpointPlan {
    type: AwsEndpointType;
    subnets: AwsEndpointSubnetArgs[];
    sources: IngressSource[];
    /** The subnets' keys, where flow logs are named after them. */
    subnetKeys?: string[];
    additionalVpcs: KeyedZoneVpc[];
    crossAccountVpcs: KeyedZoneVpc[];
}

/**
 * Validates the plain arguments of an {@link AwsPrivateEndpoint} and throws a `ValidationError`
 * naming the field and the fix. Values that are Outputs are checked, with the same rules, when
 * they resolve.
 */
export function validateAwsPrivateEndpointArgs(name: string, args: AwsPrivateEndpointArgs): void {
    planEndpoint(name, args);
}

function planEndpoint(name: string, args: AwsPrivateEndpointArgs): EndpointPlan {
    const v = startValidation(COMPONENT, name, args, "pass an arguments object");
    requireValidValue(v, "vpcId", args.vpcId, VPC_ID, 'give the consumer VPC id, e.g. "vpc-0123456789abcdef0"');

    // What to reach.
    requireExactlyOne(
        v,
        { serviceName: args.serviceName ?? undefined, resourceConfigurationArn: args.resourceConfigurationArn ?? undefined },
        "give serviceName for an endpoint service, or resourceConfigurationArn for a VPC Lattice resource, not both",
    );
    requireValid(v, "serviceName", args.serviceName, optional(SERVICE_NAME));
    requireValid(v, "resourceConfigurationArn", args.resourceConfigurationArn, optional(RESOURCE_CONFIGURATION_ARN));
    requireOneOf(v, "endpointType", args.endpointType, Object.values(AwsEndpointType), { mustBeKnown: true });
    const type = endpointTypeOf(args);
    if (type === AwsEndpointType.Resource && args.resourceConfigurationArn === undefined) {
        v.fail("endpointType", args.endpointType, "but Resource endpoints reach a resource configuration", "give resourceConfigurationArn instead of serviceName");
    }
    if (type !== AwsEndpointType.Resource && args.resourceConfigurationArn !== undefined) {
        v.fail("endpointType", args.endpointType, "but resourceConfigurationArn makes a Resource endpoint", "leave endpointType out or set it to Resource");
    }
    if (args.serviceRegion !== undefined) {
        if (type !== AwsEndpointType.Interface) {
            v.fail("serviceRegion", args.serviceRegion, `but cross-region access exists only for Interface endpoints, not ${type}`, "leave serviceRegion out");
        }
        requireValid(v, "serviceRegion", args.serviceRegion, regionCheck);
    }

    // Where.
    requireBoolean(v, "allowSingleAz", args.allowSingleAz, { mustBeKnown: true });
    const subnets =
        type === AwsEndpointType.GatewayLoadBalancer
            ? validateEndpointSubnets(v, "subnets", args.subnets, {
                  min: 1,
                  max: 1,
                  minFix: "give the one subnet of this zone's Gateway Load Balancer endpoint",
                  maxFix: "a Gateway Load Balancer endpoint takes exactly one subnet; create one endpoint per zone",
              })
            : validateEndpointSubnets(v, "subnets", args.subnets, {
                  min: args.allowSingleAz === true ? 1 : 2,
                  minFix: "give one subnet in each of two or more Availability Zones, or set allowSingleAz: true to accept no zone redundancy",
              });

    // Who.
    let sources: IngressSource[] = [];
    if (type === AwsEndpointType.GatewayLoadBalancer) {
        requireAbsent(
            v,
            {
                allowedCidrs: args.allowedCidrs,
                allowedSecurityGroupIds: args.allowedSecurityGroupIds,
                allowedSources: args.allowedSources,
                ports: args.ports,
                securityGroupIds: args.securityGroupIds,
            },
            "but Gateway Load Balancer endpoints have no security groups",
            "filter traffic in the appliances behind the load balancer",
        );
    } else {
        sources = validateEndpointAccess(v, args, "ports");
    }

    // Policy.
    requireAtMostOne(v, { policy: args.policy, policyDocument: args.policyDocument }, "give the policy once, as a JSON string (policy) or as an object (policyDocument)");
    requireValid(v, "policy", args.policy, optional(POLICY_JSON));
    if (args.policyDocument !== undefined && isKnown(args.policyDocument)) {
        // A document known at the top may still hold Outputs inside; what can be judged now is.
        const found = POLICY_DOCUMENT(args.policyDocument);
        if (found) {
            v.fail("policyDocument", "<policy>", found.problem, found.fix);
        }
    }
    const policyField = args.policy !== undefined ? "policy" : args.policyDocument !== undefined ? "policyDocument" : undefined;
    if (policyField !== undefined) {
        if (type === AwsEndpointType.GatewayLoadBalancer) {
            v.fail(policyField, "<policy>", "but Gateway Load Balancer endpoints do not support endpoint policies", `leave ${policyField} out`);
        }
        if (isKnown(args.serviceName) && isCustomerServiceName(args.serviceName)) {
            v.fail(policyField, "<policy>", ...customerPolicyProblem(args.serviceName, policyField));
        }
    }

    // DNS.
    requireOneOf(v, "ipAddressType", args.ipAddressType, Object.values(AwsEndpointIpAddressType), { mustBeKnown: true });
    requireOneOf(v, "dnsRecordIpType", args.dnsRecordIpType, Object.values(AwsEndpointDnsRecordIpType), { mustBeKnown: true });
    requireBoolean(v, "privateDnsEnabled", args.privateDnsEnabled, { mustBeKnown: true });
    requireBoolean(v, "enablePrivateDnsAfterAcceptance", args.enablePrivateDnsAfterAcceptance, { mustBeKnown: true });
    requireValid(v, "acceptedBy", args.acceptedBy, optional((x) => (typeof x === "string" ? undefined : { problem: "which is not a string", fix: "pass a string, e.g. accepter.id" })));
    validateDnsRecordIpType(v, args.ipAddressType, args.dnsRecordIpType);
    if (type === AwsEndpointType.GatewayLoadBalancer) {
        requireAbsent(
            v,
            {
                dnsRecordIpType: args.dnsRecordIpType,
                privateDnsEnabled: args.privateDnsEnabled,
                enablePrivateDnsAfterAcceptance: args.enablePrivateDnsAfterAcceptance,
                privateZone: args.privateZone,
            },
            "but Gateway Load Balancer endpoints are route targets without DNS names",
        );
    }
    const lateDns = args.enablePrivateDnsAfterAcceptance === true;
    if (lateDns && type !== AwsEndpointType.Interface) {
        v.fail("enablePrivateDnsAfterAcceptance", true, `but acceptance applies to Interface endpoints, not ${type}`, "use privateDnsEnabled instead");
    }
    const dnsFix = "choose one DNS mode: AWS-managed private DNS (privateDnsEnabled), private DNS after acceptance (enablePrivateDnsAfterAcceptance), or your own zone (privateZone)";
    if (lateDns && args.privateDnsEnabled === true) {
        v.fail(
            "privateDnsEnabled and enablePrivateDnsAfterAcceptance",
            [true, true],
            "but these options exclude each other: AWS refuses private DNS on the endpoint while its connection is pending",
            `${dnsFix}; with enablePrivateDnsAfterAcceptance, privateDnsEnabled may only be false (to turn private DNS off)`,
        );
    }
    requireAtMostOne(v, { privateDnsEnabled: args.privateDnsEnabled === true ? true : undefined, privateZone: args.privateZone }, dnsFix);
    requireAtMostOne(v, { enablePrivateDnsAfterAcceptance: lateDns ? true : undefined, privateZone: args.privateZone }, dnsFix);
    if (args.acceptedBy !== undefined && !lateDns) {
        v.fail("acceptedBy", "<value>", "but it only orders enablePrivateDnsAfterAcceptance", "set enablePrivateDnsAfterAcceptance: true, or leave acceptedBy out");
    }
    let additionalVpcs: KeyedZoneVpc[] = [];
    let crossAccountVpcs: KeyedZoneVpc[] = [];
    if (args.privateZone !== undefined) {
        ({ additionalVpcs, crossAccountVpcs } = validatePrivateZone(v, args.privateZone, args.vpcId));
        if (servesIpv6(args.ipAddressType, args.dnsRecordIpType) && !servesIpv4(args.ipAddressType, args.dnsRecordIpType)) {
            v.fail(
                "privateZone",
                "<zone>",
                "but the endpoint publishes only AAAA records, and the friendly name is an A alias (plus AAAA)",
                "use dnsRecordIpType dualstack for the endpoint, or manage the AAAA-only record yourself",
            );
        }
    }

    // Monitoring and tags.
    let keys: string[] | undefined;
    if (args.flowLogs !== undefined) {
        validateFlowLogs(v, args.flowLogs, type, lateDns);
        keys = subnetKeys(v, "subnets", subnets);
        const destType = args.flowLogs.destinationType ?? AwsFlowLogDestinationType.CloudWatchLogs;
        if (destType === AwsFlowLogDestinationType.CloudWatchLogs && args.flowLogs.iamRoleArn === undefined) {
            requireAutonameFits(v, name, childName(name, "flowlog-role"), IAM_ROLE_NAME);
        }
    }
    validateAwsTags(v, "tags", args.tags, { nameTag: true });
    if (type !== AwsEndpointType.GatewayLoadBalancer && args.securityGroupIds === undefined) {
        requireAutonameFits(v, name, childName(name, "sg"), SECURITY_GROUP_NAME);
    }
    requireNameFitsTags(v, name, [childName(name, "endpoint"), childName(name, "sg")]);
    return { type, subnets, sources, subnetKeys: keys, additionalVpcs, crossAccountVpcs };
}

/** The refusal of a policy on a customer endpoint service, as problem and fix. */
function customerPolicyProblem(serviceName: string, policyField: string): [string, string] {
    return [
        `but ${serviceName} is a customer endpoint service, which accepts only the default full-access policy`,
        `leave ${policyField} out and control access with the service's allowed principals and this endpoint's security group`,
    ];
}

function endpointTypeOf(args: AwsPrivateEndpointArgs): AwsEndpointType {
    return args.endpointType ?? (args.resourceConfigurationArn !== undefined ? AwsEndpointType.Resource : AwsEndpointType.Interface);
}


function validatePrivateZone(v: Validator, zone: AwsEndpointPrivateZoneArgs, vpcId: pulumi.Input<string>): { additionalVpcs: KeyedZoneVpc[]; crossAccountVpcs: KeyedZoneVpc[] } {
    if (typeof zone !== "object" || zone === null || Array.isArray(zone) || !isKnown(zone)) {
        v.fail("privateZone", isKnown(zone) ? zone : "<output>", "which is not an object", 'write it as { domainName: "orders.internal" } or { zoneId, recordName }');
    }
    requireExactlyOne(
        v,
        { "privateZone.domainName": zone.domainName ?? undefined, "privateZone.zoneId": zone.zoneId ?? undefined },
        "give domainName to create a zone, or zoneId to use an existing one",
    );
    requireValid(v, "privateZone.domainName", zone.domainName, optional(ZONE_DOMAIN));
    requireValid(v, "privateZone.zoneId", zone.zoneId, optional(textCheck("the hosted zone id, e.g. zone.zoneId")));
    requireValid(v, "privateZone.recordName", zone.recordName, optional(RECORD_NAME));
    if (zone.zoneId !== undefined) {
        if (zone.recordName === undefined || zone.recordName === null) {
            v.fail("privateZone.recordName", zone.recordName, "but it is required with zoneId", 'name the record to create in the existing zone, e.g. "orders.corp.internal"');
        }
        for (const field of ["additionalVpcs", "crossAccountVpcs"] as const) {
            if (zone[field] !== undefined) {
                v.fail(`privateZone.${field}`, zone[field], "but the component associates VPCs only with a zone it creates", "associate the existing zone with more VPCs where it is managed (e.g. AwsPrivateDnsZone)");
            }
        }
    }
    // The endpoint's own VPC is the zone's creation VPC: neither list may repeat it.
    const seen = new Map<string, string>();
    if (typeof vpcId === "string") {
        seen.set(vpcId, "vpcId");
    }
    const additional = validateZoneVpcs(v, "privateZone.additionalVpcs", zone.additionalVpcs, seen);
    const cross = validateZoneVpcs(v, "privateZone.crossAccountVpcs", zone.crossAccountVpcs, seen);
    return {
        additionalVpcs: keyedZoneVpcs(v, "privateZone.additionalVpcs", additional),
        crossAccountVpcs: keyedZoneVpcs(v, "privateZone.crossAccountVpcs", cross),
    };
}

const RECORD_NAME: Check = (value) =>
    isHostName(value, { wildcard: true }) ? undefined : { problem: "which is not a DNS name", fix: 'use a record name such as "orders.corp.internal"' };

/** The flow log scope in effect: as given, else interfaces where the endpoint has one per subnet. */
function flowLogScopeOf(flowLogs: AwsEndpointFlowLogArgs, type: AwsEndpointType): AwsFlowLogScope {
    return flowLogs.scope ?? (type === AwsEndpointType.Resource ? AwsFlowLogScope.Subnets : AwsFlowLogScope.NetworkInterfaces);
}

function validateFlowLogs(v: Validator, flowLogs: AwsEndpointFlowLogArgs, type: AwsEndpointType, lateDns: boolean): void {
    if (typeof flowLogs !== "object" || flowLogs === null || Array.isArray(flowLogs) || !isKnown(flowLogs)) {
        v.fail("flowLogs", isKnown(flowLogs) ? flowLogs : "<output>", "which is not an object", "write it as { destinationArn: <log group or bucket ARN> }");
    }
    requireOneOf(v, "flowLogs.scope", flowLogs.scope, Object.values(AwsFlowLogScope), { mustBeKnown: true });
    if (flowLogScopeOf(flowLogs, type) === AwsFlowLogScope.NetworkInterfaces) {
        if (type === AwsEndpointType.Resource) {
            v.fail(
                "flowLogs.scope",
                flowLogs.scope,
                "but flow logs follow network interfaces only on Interface and Gateway Load Balancer endpoints, which have exactly one per subnet",
                "set flowLogs.scope to Subnets (the default for Resource endpoints)",
            );
        }
        if (lateDns) {
            v.fail(
                "flowLogs.scope",
                flowLogs.scope ?? AwsFlowLogScope.NetworkInterfaces,
                "but with enablePrivateDnsAfterAcceptance the endpoint starts out pending acceptance, when AWS may not have created its network interfaces yet",
                "set flowLogs.scope to Subnets, which needs no interface ids",
            );
        }
    }
    requireOneOf(v, "flowLogs.destinationType", flowLogs.destinationType, Object.values(AwsFlowLogDestinationType), { mustBeKnown: true });
    requireOneOf(v, "flowLogs.trafficType", flowLogs.trafficType, Object.values(AwsFlowLogTrafficType), { mustBeKnown: true });
    const destType = flowLogs.destinationType ?? AwsFlowLogDestinationType.CloudWatchLogs;
    requireValidValue(v, "flowLogs.destinationArn", flowLogs.destinationArn, FLOW_LOG_DESTINATION(destType), "give the ARN of a CloudWatch Logs log group or an S3 bucket");
    requireValid(v, "flowLogs.iamRoleArn", flowLogs.iamRoleArn, optional(textCheck("an IAM role ARN")));
    if (flowLogs.iamRoleArn !== undefined && destType === AwsFlowLogDestinationType.S3) {
        v.fail("flowLogs.iamRoleArn", flowLogs.iamRoleArn, "but S3 delivery uses the bucket policy, not a role", "leave iamRoleArn out for S3 destinations");
    }
}

/**
 * A private endpoint in a consumer VPC.
 *
 * Children (logical names): `${name}-sg` and `${name}-ingress-<source>-<port>` (unless
 * `securityGroupIds`; `<source>` is the CIDR or group id in key form, or the source's key),
 * `${name}-endpoint`, `${name}-endpoint-policy` (with `policy` or `policyDocument`),
 * `${name}-private-dns` (with `enablePrivateDnsAfterAcceptance`),
 * `${name}-zone`, `${name}-assoc-<vpc>` and `${name}-auth-<vpc>` (new private zone; `<vpc>` is
 * the VPC's key), `${name}-alias-a` / `${name}-alias-aaaa` (private zone records),
 * `${name}-flowlog-role` and `${name}-flowlog-policy` (CloudWatch flow logs without a role),
 * `${name}-flowlog-eni-<subnet>` (flow logs on network interfaces, the default) or
 * `${name}-flowlog-<subnet>` (`flowLogs.scope: Subnets`), `<subnet>` being the subnet's key.
 */
export class AwsPrivateEndpoint extends pulumi.ComponentResource {
    /** The VPC endpoint id (`vpce-…`). */
    public readonly endpointId: pulumi.Output<string>;
    /** The VPC endpoint ARN. */
    public readonly endpointArn: pulumi.Output<string>;
    /** The service this endpoint reaches: the service name or the resource configuration ARN. */
    public readonly serviceReference: pulumi.Output<string>;
    /**
     * Private IP addresses of the endpoint's network interfaces, looked up after creation. Empty
     * while a cross-account connection awaits acceptance (no interfaces exist yet) and in preview.
     */
    public readonly privateIps: pulumi.Output<string[]>;
    /**
     * DNS names that reach the service: the private zone record first (if any), then the
     * endpoint's regional, zonal and private DNS names.
     */
    public readonly dnsNames: pulumi.Output<string[]>;
    /** The endpoint state: `pendingAcceptance`, `available`, `rejected`, … */
    public readonly connectionState: pulumi.Output<string>;
    /** The security group the component created; undefined with `securityGroupIds` or for Gateway Load Balancer endpoints. */
    public readonly securityGroupId: pulumi.Output<string | undefined>;
    /** The endpoint's network interface ids. */
    public readonly networkInterfaceIds: pulumi.Output<string[]>;
    /** The private hosted zone holding the friendly name, if `privateZone` was given. */
    public readonly privateZoneId: pulumi.Output<string | undefined>;

    /**
     * @param name The logical name; children are named `${name}-<role>`.
     * @param args See {@link AwsPrivateEndpointArgs}.
     * @param opts Component options; `providers: { aws }` reaches every child.
     */
    constructor(name: string, args: AwsPrivateEndpointArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = planEndpoint(name, args);
        super(typeToken(COMPONENT), name, {}, opts);
        const v = new Validator(COMPONENT, name);
        const type = plan.type;
        const tags = mergeTags(name, args.tags);
        const hasSecurityGroups = type !== AwsEndpointType.GatewayLoadBalancer;
        const vpcId = whenResolved(v, "vpcId", args.vpcId, VPC_ID);

        // Security group: the caller's, or a dedicated one with ingress only from the listed clients.
        const created =
            hasSecurityGroups && args.securityGroupIds === undefined
                ? createEndpointSecurityGroup(
                      v,
                      name,
                      { vpcId, purpose: `endpoint ${name}`, sources: plan.sources, ports: args.ports ?? DEFAULT_ENDPOINT_PORTS, tags },
                      this,
                  )
                : undefined;
        const securityGroupIds = hasSecurityGroups
            ? args.securityGroupIds !== undefined
                ? asSet(checkedList(v, "securityGroupIds", args.securityGroupIds, SECURITY_GROUP_ID))
                : [created!.securityGroup.id]
            : undefined;

        const serviceName = args.serviceName === undefined ? undefined : whenResolved(v, "serviceName", args.serviceName, SERVICE_NAME);
        const policy = this.policy(v, args, serviceName);
        const lateDns = args.enablePrivateDnsAfterAcceptance === true;
        const endpoint = new aws.ec2.VpcEndpoint(
            childName(name, "endpoint"),
            {
                vpcId,
                // Always explicit: the provider's default is Gateway.
                vpcEndpointType: type,
                serviceName,
                resourceConfigurationArn:
                    args.resourceConfigurationArn === undefined ? undefined : whenResolved(v, "resourceConfigurationArn", args.resourceConfigurationArn, RESOURCE_CONFIGURATION_ARN),
                serviceRegion: args.serviceRegion === undefined ? undefined : whenResolved(v, "serviceRegion", args.serviceRegion, regionCheck),
                subnetIds: asSet(checkedSubnetIds(v, "subnets", plan.subnets)),
                securityGroupIds,
                // With late enablement EndpointPrivateDns owns the flag: the endpoint starts with it
                // off (AWS refuses it while the connection is pending) and ignores later changes,
                // so the two never fight. GWLB endpoints have no DNS at all.
                privateDnsEnabled: type === AwsEndpointType.GatewayLoadBalancer ? undefined : lateDns ? false : args.privateDnsEnabled === true,
                ipAddressType: args.ipAddressType,
                dnsOptions: args.dnsRecordIpType !== undefined ? { dnsRecordIpType: args.dnsRecordIpType } : undefined,
                tags: { Name: childName(name, "endpoint"), ...tags },
            },
            // EndpointPrivateDns changes the endpoint's private DNS flag out of band, and the
            // policy lives in its own resource (see ENDPOINT_POLICY_IGNORE).
            { parent: this, ignoreChanges: [...ENDPOINT_POLICY_IGNORE, ...(lateDns ? ["privateDnsEnabled"] : [])] },
        );
        createEndpointPolicy(childName(name, "endpoint"), endpoint, policy, this);

        if (lateDns) {
            // Data flow orders this after the acceptance: `acceptedBy` must be known first.
            const endpointId = args.acceptedBy !== undefined ? pulumi.all([endpoint.id, args.acceptedBy]).apply(([id]) => id) : endpoint.id;
            new aws.vpc.EndpointPrivateDns(
                childName(name, "private-dns"),
                // Explicit both ways: `privateDnsEnabled: false` turns private DNS off here, the only
                // place that can (deleting this resource leaves the endpoint as it is).
                { vpcEndpointId: endpointId, privateDnsEnabled: args.privateDnsEnabled !== false },
                { parent: this },
            );
        }

        // Friendly name in a private hosted zone.
        let zoneId: pulumi.Output<string> | undefined;
        let recordFqdns: pulumi.Output<string[]> = pulumi.output([]);
        if (args.privateZone !== undefined) {
            const pz = args.privateZone;
            if (pz.domainName !== undefined) {
                const { zone } = createPrivateZone(
                    v,
                    name,
                    {
                        domainName: whenResolved(v, "privateZone.domainName", pz.domainName, ZONE_DOMAIN),
                        primary: { field: "vpcId", vpcId: args.vpcId },
                        associations: plan.additionalVpcs,
                        authorizations: plan.crossAccountVpcs,
                        comment: `Private Link endpoint ${name}, managed by privatelink`,
                        tags,
                        // The zone exists for this endpoint: when the endpoint moves to another VPC,
                        // the zone must move with it rather than stay on the old VPC only.
                        replaceOnPrimaryChange: true,
                    },
                    this,
                );
                zoneId = zone.zoneId;
            } else {
                zoneId = pulumi.output(whenResolved(v, "privateZone.zoneId", pz.zoneId!, textCheck("the hosted zone id")));
            }
            const recordName = pz.recordName !== undefined ? whenResolved(v, "privateZone.recordName", pz.recordName, RECORD_NAME) : whenResolved(v, "privateZone.domainName", pz.domainName!, ZONE_DOMAIN);
            const records = createAliasRecords(
                childName(name, "alias"),
                { zoneId, recordName, target: endpointAliasTarget(endpoint), ipv6: servesIpv6(args.ipAddressType, args.dnsRecordIpType) },
                this,
            );
            recordFqdns = records[0].fqdn.apply((f) => (f ? [f] : []));
        }

        if (args.flowLogs !== undefined) {
            this.createFlowLogs(v, name, args.flowLogs, flowLogScopeOf(args.flowLogs, type), plan, endpoint, tags);
        }

        this.endpointId = endpoint.id;
        this.endpointArn = endpoint.arn;
        this.serviceReference = pulumi.output((serviceName ?? args.resourceConfigurationArn)!);
        this.connectionState = endpoint.state;
        this.networkInterfaceIds = endpoint.networkInterfaceIds.apply((ids) => ids ?? []);
        this.securityGroupId = created ? created.securityGroup.id : pulumi.output<string | undefined>(undefined);
        this.privateZoneId = zoneId ?? pulumi.output<string | undefined>(undefined);
        this.dnsNames = pulumi
            .all([recordFqdns, endpoint.dnsEntries])
            .apply(([records, entries]) => [...records, ...(entries ?? []).map((e) => e.dnsName).filter((n): n is string => !!n)]);
        this.privateIps = lookupPrivateIps(this, endpoint.networkInterfaceIds);

        this.registerOutputs({
            endpointId: this.endpointId,
            endpointArn: this.endpointArn,
            serviceReference: this.serviceReference,
            privateIps: this.privateIps,
            dnsNames: this.dnsNames,
            connectionState: this.connectionState,
            securityGroupId: this.securityGroupId,
            networkInterfaceIds: this.networkInterfaceIds,
            privateZoneId: this.privateZoneId,
        });
    }

    /**
     * The endpoint policy as the endpoint gets it: the JSON string, or the document serialised.
     * What was an Output is checked when it resolves, by the rules the constructor applies to plain
     * values: a JSON object, serialisable, and no policy at all for a customer endpoint service.
     */
    private policy(v: Validator, args: AwsPrivateEndpointArgs, serviceName: pulumi.Input<string> | undefined): pulumi.Input<string> | undefined {
        const field = args.policy !== undefined ? "policy" : "policyDocument";
        let policy: pulumi.Input<string> | undefined;
        if (args.policy !== undefined) {
            policy = whenResolved(v, "policy", args.policy, POLICY_JSON);
        } else if (args.policyDocument !== undefined) {
            const doc = args.policyDocument;
            policy =
                isKnown(doc) && !jsonProblem(doc).hasUnknowns
                    ? JSON.stringify(doc)
                    : pulumi.output(doc).apply((resolved) => {
                          const found = POLICY_DOCUMENT(resolved);
                          if (found) {
                              v.failAtDeployment("policyDocument", "<policy>", found.problem, found.fix);
                          }
                          return JSON.stringify(resolved);
                      });
        }
        if (policy === undefined || serviceName === undefined || (isKnown(serviceName) && isKnown(policy))) {
            return policy;
        }
        // The service name was an Output: a customer service refuses any policy, checked once known.
        return pulumi.all([serviceName, policy]).apply(([service, text]) => {
            if (isCustomerServiceName(service)) {
                v.failAtDeployment(field, "<policy>", ...customerPolicyProblem(service, field));
            }
            return text;
        });
    }

    private createFlowLogs(
        v: Validator,
        name: string,
        flowLogs: AwsEndpointFlowLogArgs,
        scope: AwsFlowLogScope,
        plan: EndpointPlan,
        endpoint: aws.ec2.VpcEndpoint,
        tags: Record<string, string>,
    ): void {
        const destType = flowLogs.destinationType ?? AwsFlowLogDestinationType.CloudWatchLogs;
        const destinationArn = whenResolved(v, "flowLogs.destinationArn", flowLogs.destinationArn, FLOW_LOG_DESTINATION(destType));
        let iamRoleArn: pulumi.Input<string> | undefined =
            flowLogs.iamRoleArn === undefined ? undefined : whenResolved(v, "flowLogs.iamRoleArn", flowLogs.iamRoleArn, textCheck("an IAM role ARN"));
        if (destType === AwsFlowLogDestinationType.CloudWatchLogs && iamRoleArn === undefined) {
            // The role is trusted by the flow-logs service for this account only (confused deputy),
            // and may write only to the given log group.
            const accountId = aws.getCallerIdentityOutput({}, { parent: this }).accountId;
            const role = new aws.iam.Role(
                childName(name, "flowlog-role"),
                {
                    description: `VPC flow logs of Private Link endpoint ${name} to CloudWatch Logs`,
                    assumeRolePolicy: pulumi.jsonStringify({
                        Version: "2012-10-17",
                        Statement: [
                            {
                                Effect: "Allow",
                                Principal: { Service: "vpc-flow-logs.amazonaws.com" },
                                Action: "sts:AssumeRole",
                                Condition: { StringEquals: { "aws:SourceAccount": accountId } },
                            },
                        ],
                    }),
                    tags,
                },
                { parent: this },
            );
            const logGroupArn = pulumi.output(destinationArn).apply((arn) => arn.replace(/:\*$/, ""));
            new aws.iam.RolePolicy(
                childName(name, "flowlog-policy"),
                {
                    role: role.id,
                    policy: pulumi.jsonStringify({
                        Version: "2012-10-17",
                        Statement: [
                            {
                                Effect: "Allow",
                                Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogGroups", "logs:DescribeLogStreams"],
                                Resource: [logGroupArn, pulumi.interpolate`${logGroupArn}:*`],
                            },
                        ],
                    }),
                },
                { parent: this },
            );
            iamRoleArn = role.arn;
        }
        const common = {
            logDestinationType: destType,
            logDestination: destinationArn,
            iamRoleArn: destType === AwsFlowLogDestinationType.CloudWatchLogs ? iamRoleArn : undefined,
            trafficType: flowLogs.trafficType ?? AwsFlowLogTrafficType.All,
            tags,
        };
        const subnetIds = checkedSubnetIds(v, "subnets", plan.subnets);
        plan.subnets.forEach((_, i) => {
            const key = plan.subnetKeys![i];
            if (scope === AwsFlowLogScope.Subnets) {
                new aws.ec2.FlowLog(childName(name, "flowlog", key), { subnetId: subnetIds[i], ...common }, { parent: this });
                return;
            }
            // One interface per subnet: the flow log of a subnet takes the endpoint's interface in
            // that subnet, looked up once the endpoint exists, so no resource is created inside
            // `apply` and a subnet added or removed moves no other flow log.
            new aws.ec2.FlowLog(
                childName(name, "flowlog", "eni", key),
                { eniId: endpointNetworkInterfaceIn(v, this, endpoint.networkInterfaceIds, subnetIds[i]), ...common },
                { parent: this },
            );
        });
    }
}

/**
 * The endpoint's network interface in `subnetId`, for a flow log registered before the interface
 * ids are known: each interface is looked up for its subnet (invokes inside `apply` add nothing to
 * the graph). Fails the deployment with a `DeploymentValidationError` on `flowLogs.scope` when the
 * subnet has no interface of the endpoint — typically none yet while a connection awaits
 * acceptance — rather than attach a flow log to the wrong interface or to none.
 */
export function endpointNetworkInterfaceIn(
    v: Validator,
    parent: pulumi.Resource,
    eniIds: pulumi.Output<string[]>,
    subnetId: pulumi.Input<string>,
): pulumi.Output<string> {
    return pulumi.all([eniIds, subnetId]).apply(async ([ids, subnet]) => {
        const enis = await Promise.all((ids ?? []).map((id) => aws.ec2.getNetworkInterface({ id }, { parent })));
        const match = enis.find((eni) => eni.subnetId === subnet);
        if (match === undefined) {
            v.failAtDeployment(
                "flowLogs.scope",
                AwsFlowLogScope.NetworkInterfaces,
                `but the endpoint has no network interface in subnet ${subnet} (it reports ${(ids ?? []).length}${(ids ?? []).length === 0 ? ", as it may while the connection awaits acceptance" : ""})`,
                "set flowLogs.scope to Subnets; or, once the connection is accepted, run `pulumi up --refresh` so the interfaces are read again",
            );
        }
        return match.id;
    });
}
