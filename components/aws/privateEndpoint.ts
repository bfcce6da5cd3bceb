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
    childName,
    isDnsName,
    isKnown,
    mergeTags,
    requireAbsent,
    requireAtMostOne,
    requireBoolean,
    requireExactlyOne,
    requireObject,
    requireOneOf,
    requireString,
    requireUnique,
    requireValue,
    startValidation,
    subnetKey,
    typeToken,
    Validator,
} from "../core";
import { createAliasRecords, createPrivateZone, endpointAliasTarget, ZoneVpcArgs } from "./dns";
import { createEndpointSecurityGroup, DEFAULT_ENDPOINT_PORTS, validateEndpointAccess } from "./securityGroup";
import { isCustomerServiceName, isRegionName } from "./serviceNames";
import { AwsEndpointSubnetArgs, validateEndpointSubnets } from "./subnets";
import { validateAwsTags } from "./validation";

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

/** The IP address family of the endpoint's network interfaces. */
export enum AwsEndpointIpAddressType {
    /** IPv4 only. */
    Ipv4 = "ipv4",
    /** IPv4 and IPv6. */
    Dualstack = "dualstack",
    /** IPv6 only (IPv6-only subnets). */
    Ipv6 = "ipv6",
}

/** Which DNS records AWS publishes for the endpoint. */
export enum AwsEndpointDnsRecordIpType {
    /** A records. */
    Ipv4 = "ipv4",
    /** A and AAAA records. */
    Dualstack = "dualstack",
    /** AAAA records. */
    Ipv6 = "ipv6",
    /** Whatever the service supports. */
    ServiceDefined = "service-defined",
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
     * Domain of a new private hosted zone, e.g. `orders.internal`. The zone is visible to `vpcId`
     * and `additionalVpcs`.
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
     * More VPCs the new zone is visible to, besides `vpcId` (only with `domainName`). Each gets an
     * `aws.route53.ZoneAssociation`; cross-account VPCs need a `VpcAssociationAuthorization` first.
     * @default []
     */
    additionalVpcs?: ZoneVpcArgs[];
}

/**
 * VPC flow logs for the endpoint. By default there is one flow log per endpoint network interface:
 * an Interface or Gateway Load Balancer endpoint has exactly one interface per subnet, so the
 * number of flow logs is known when the program runs although the interface ids are not; flow log
 * `i` takes the `i`-th id of the endpoint's `networkInterfaceIds` (sorted, so not necessarily
 * subnet `i`'s) once the endpoint exists; changing the subnets may move ids between indexes and so
 * replace some flow logs. With `scope: Subnets` the flow logs are attached to the subnets instead.
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
     * endpoints only) records only the endpoint's traffic, in `${name}-flowlog-eni-<i>`. `Subnets`
     * records everything else in the endpoint's subnets too, in `${name}-flowlog-<subnet>`, but
     * needs no interface ids: use it for a service in another account that requires acceptance
     * (with `enablePrivateDnsAfterAcceptance` it is required), because AWS does not guarantee the
     * interfaces exist while the connection is `pendingAcceptance`, and an interface-scoped flow
     * log then fails the update with a `flowLogs.scope` error.
     * @default AwsFlowLogScope.NetworkInterfaces, or AwsFlowLogScope.Subnets for Resource endpoints
     */
    scope?: AwsFlowLogScope;
}

/** Arguments of {@link AwsPrivateEndpoint}. */
export interface AwsPrivateEndpointArgs {
    /** The consumer VPC. For private DNS it needs `enableDnsSupport` and `enableDnsHostnames`. */
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
     * take exactly one.
     */
    subnets: AwsEndpointSubnetArgs[];
    /**
     * Allow a single subnet for Interface and Resource endpoints (no zone redundancy), e.g. for
     * development.
     * @default false
     */
    allowSingleAz?: boolean;
    /**
     * Client CIDRs allowed to reach the endpoint on `ports` (IPv4 or IPv6). Never `0.0.0.0/0` or
     * `::/0`. With `allowedSecurityGroupIds`, at least one source is required unless
     * `securityGroupIds` is given.
     * @default []
     */
    allowedCidrs?: pulumi.Input<string>[];
    /**
     * Client security groups allowed to reach the endpoint on `ports`.
     * @default []
     */
    allowedSecurityGroupIds?: pulumi.Input<string>[];
    /**
     * The TCP ports the service listens on; one ingress rule per source and port.
     * @default [443]
     */
    ports?: number[];
    /**
     * Existing security groups to attach instead of creating one. Excludes `allowedCidrs`,
     * `allowedSecurityGroupIds` and `ports`.
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
     * Endpoint policy as an object (serialised to JSON). Same rules as `policy`; excludes it.
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
     * @default AWS's default for the address type
     */
    dnsRecordIpType?: AwsEndpointDnsRecordIpType;
    /**
     * Let AWS answer the service's private DNS name inside the VPC (same-account or already
     * accepted services). Excludes `privateZone` and `enablePrivateDnsAfterAcceptance`.
     * @default false
     */
    privateDnsEnabled?: boolean;
    /**
     * For services in another account that require acceptance: leave private DNS off on the
     * endpoint and enable it with a separate `aws.vpc.EndpointPrivateDns` resource, because AWS
     * refuses private DNS while the connection is pending. Across stacks, set this in a later
     * `pulumi up` once the provider has accepted; in one program, pass `acceptedBy`.
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
     * VPC flow logs on the endpoint's network interfaces (or, with `flowLogs.scope`, its subnets).
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

/**
 * Validates the plain arguments of an {@link AwsPrivateEndpoint} and throws a `ValidationError`
 * naming the field and the fix. Values that are Outputs are left for the cloud to judge.
 */
export function validateAwsPrivateEndpointArgs(name: string, args: AwsPrivateEndpointArgs): void {
    const v = startValidation(COMPONENT, name, args, "pass an arguments object");
    requireValue(v, "vpcId", args.vpcId, 'give the consumer VPC id, e.g. "vpc-0123456789abcdef0"');
    requireString(v, "vpcId", args.vpcId);

    // What to reach.
    requireString(v, "serviceName", args.serviceName);
    requireString(v, "resourceConfigurationArn", args.resourceConfigurationArn);
    requireExactlyOne(
        v,
        { serviceName: args.serviceName ?? undefined, resourceConfigurationArn: args.resourceConfigurationArn ?? undefined },
        "give serviceName for an endpoint service, or resourceConfigurationArn for a VPC Lattice resource, not both",
    );
    requireValue(v, args.serviceName !== undefined ? "serviceName" : "resourceConfigurationArn", args.serviceName ?? args.resourceConfigurationArn, "give a non-empty value");
    if (isKnown(args.serviceName) && typeof args.serviceName === "string" && args.serviceName.trim() !== "") {
        if (/^vpce-svc-/.test(args.serviceName)) {
            v.fail("serviceName", args.serviceName, "which is an endpoint service id, not its name", "use the service name, com.amazonaws.vpce.<region>.vpce-svc-… (the provider's serviceReference output)");
        }
        if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(args.serviceName)) {
            v.fail("serviceName", args.serviceName, "which is not an endpoint service name", "use a name such as com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0 or com.amazonaws.us-east-1.ssm");
        }
    }
    if (isKnown(args.resourceConfigurationArn) && typeof args.resourceConfigurationArn === "string" && args.resourceConfigurationArn.trim() !== "") {
        if (!/^arn:[a-z-]+:vpc-lattice:[a-z0-9-]+:\d{12}:resourceconfiguration\/rcfg-[0-9a-z]+$/.test(args.resourceConfigurationArn)) {
            v.fail("resourceConfigurationArn", args.resourceConfigurationArn, "which is not a VPC Lattice resource configuration ARN", "use arn:aws:vpc-lattice:<region>:<account>:resourceconfiguration/rcfg-…");
        }
    }
    requireOneOf(v, "endpointType", args.endpointType, Object.values(AwsEndpointType), { mustBeKnown: true });
    const type = endpointTypeOf(args);
    if (type === AwsEndpointType.Resource && args.resourceConfigurationArn === undefined) {
        v.fail("endpointType", args.endpointType, "but Resource endpoints reach a resource configuration", "give resourceConfigurationArn instead of serviceName");
    }
    if (type !== AwsEndpointType.Resource && args.resourceConfigurationArn !== undefined) {
        v.fail("endpointType", args.endpointType, "but resourceConfigurationArn makes a Resource endpoint", "leave endpointType out or set it to Resource");
    }
    requireString(v, "serviceRegion", args.serviceRegion);
    if (args.serviceRegion !== undefined) {
        if (type !== AwsEndpointType.Interface) {
            v.fail("serviceRegion", args.serviceRegion, `but cross-region access exists only for Interface endpoints, not ${type}`, "leave serviceRegion out");
        }
        if (isKnown(args.serviceRegion) && !isRegionName(args.serviceRegion)) {
            v.fail("serviceRegion", args.serviceRegion, "which is not an AWS region name", 'use a region such as "eu-west-1"');
        }
    }

    // Where.
    requireBoolean(v, "allowSingleAz", args.allowSingleAz, { mustBeKnown: true });
    if (type === AwsEndpointType.GatewayLoadBalancer) {
        validateEndpointSubnets(v, "subnets", args.subnets, {
            min: 1,
            max: 1,
            minFix: "give the one subnet of this zone's Gateway Load Balancer endpoint",
            maxFix: "a Gateway Load Balancer endpoint takes exactly one subnet; create one endpoint per zone",
        });
    } else {
        validateEndpointSubnets(v, "subnets", args.subnets, {
            min: args.allowSingleAz === true ? 1 : 2,
            minFix: "give one subnet in each of two or more Availability Zones, or set allowSingleAz: true to accept no zone redundancy",
        });
    }

    // Who.
    if (type === AwsEndpointType.GatewayLoadBalancer) {
        requireAbsent(
            v,
            { allowedCidrs: args.allowedCidrs, allowedSecurityGroupIds: args.allowedSecurityGroupIds, ports: args.ports, securityGroupIds: args.securityGroupIds },
            "but Gateway Load Balancer endpoints have no security groups",
            "filter traffic in the appliances behind the load balancer",
        );
    } else {
        validateEndpointAccess(v, args, "ports");
    }

    // Policy.
    requireString(v, "policy", args.policy);
    requireAtMostOne(v, { policy: args.policy, policyDocument: args.policyDocument }, "give the policy once, as a JSON string (policy) or as an object (policyDocument)");
    if (args.policy !== undefined && isKnown(args.policy)) {
        let parsed: unknown;
        try {
            parsed = JSON.parse(args.policy);
        } catch {
            parsed = undefined;
        }
        if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
            v.fail("policy", args.policy, "which is not a JSON policy document", 'write a JSON object, e.g. {"Version":"2012-10-17","Statement":[...]}');
        }
    }
    if (args.policyDocument !== undefined && isKnown(args.policyDocument)) {
        const doc: unknown = args.policyDocument;
        if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
            v.fail("policyDocument", doc, "which is not a policy object", "pass an object with Version and Statement");
        }
    }
    const policyField = args.policy !== undefined ? "policy" : args.policyDocument !== undefined ? "policyDocument" : undefined;
    if (policyField !== undefined) {
        if (type === AwsEndpointType.GatewayLoadBalancer) {
            v.fail(policyField, "<policy>", "but Gateway Load Balancer endpoints do not support endpoint policies", `leave ${policyField} out`);
        }
        if (isKnown(args.serviceName) && isCustomerServiceName(args.serviceName)) {
            v.fail(
                policyField,
                "<policy>",
                `but ${args.serviceName} is a customer endpoint service, which accepts only the default full-access policy`,
                `leave ${policyField} out and control access with the service's allowed principals and this endpoint's security group`,
            );
        }
    }

    // DNS.
    requireOneOf(v, "ipAddressType", args.ipAddressType, Object.values(AwsEndpointIpAddressType), { mustBeKnown: true });
    requireOneOf(v, "dnsRecordIpType", args.dnsRecordIpType, Object.values(AwsEndpointDnsRecordIpType), { mustBeKnown: true });
    requireBoolean(v, "privateDnsEnabled", args.privateDnsEnabled, { mustBeKnown: true });
    requireBoolean(v, "enablePrivateDnsAfterAcceptance", args.enablePrivateDnsAfterAcceptance, { mustBeKnown: true });
    requireString(v, "acceptedBy", args.acceptedBy);
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
    if (args.enablePrivateDnsAfterAcceptance === true && type !== AwsEndpointType.Interface) {
        v.fail("enablePrivateDnsAfterAcceptance", true, `but acceptance applies to Interface endpoints, not ${type}`, "use privateDnsEnabled instead");
    }
    const dnsFix = "choose one DNS mode: AWS-managed private DNS (privateDnsEnabled), private DNS after acceptance (enablePrivateDnsAfterAcceptance), or your own zone (privateZone)";
    const dnsModes = {
        privateDnsEnabled: args.privateDnsEnabled === true ? true : undefined,
        enablePrivateDnsAfterAcceptance: args.enablePrivateDnsAfterAcceptance === true ? true : undefined,
        privateZone: args.privateZone,
    };
    requireAtMostOne(v, { privateDnsEnabled: dnsModes.privateDnsEnabled, enablePrivateDnsAfterAcceptance: dnsModes.enablePrivateDnsAfterAcceptance }, dnsFix);
    requireAtMostOne(v, { privateDnsEnabled: dnsModes.privateDnsEnabled, privateZone: dnsModes.privateZone }, dnsFix);
    requireAtMostOne(v, { enablePrivateDnsAfterAcceptance: dnsModes.enablePrivateDnsAfterAcceptance, privateZone: dnsModes.privateZone }, dnsFix);
    if (args.acceptedBy !== undefined && args.enablePrivateDnsAfterAcceptance !== true) {
        v.fail("acceptedBy", "<value>", "but it only orders enablePrivateDnsAfterAcceptance", "set enablePrivateDnsAfterAcceptance: true, or leave acceptedBy out");
    }
    if (args.privateZone !== undefined) {
        validatePrivateZone(v, args.privateZone, args.vpcId);
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
    if (args.flowLogs !== undefined) {
        validateFlowLogs(v, args.flowLogs, type, args.enablePrivateDnsAfterAcceptance === true);
    }
    validateAwsTags(v, "tags", args.tags, { nameTag: true });
}

function endpointTypeOf(args: AwsPrivateEndpointArgs): AwsEndpointType {
    return args.endpointType ?? (args.resourceConfigurationArn !== undefined ? AwsEndpointType.Resource : AwsEndpointType.Interface);
}

/** AWS refuses DNS record types the address family cannot serve; say so before anything is created. */
export function validateDnsRecordIpType(v: Validator, ipType: AwsEndpointIpAddressType | undefined, recordType: AwsEndpointDnsRecordIpType | undefined): void {
    const family = ipType ?? AwsEndpointIpAddressType.Ipv4;
    const ok =
        recordType === undefined ||
        recordType === AwsEndpointDnsRecordIpType.ServiceDefined ||
        (recordType === AwsEndpointDnsRecordIpType.Ipv4 && family !== AwsEndpointIpAddressType.Ipv6) ||
        (recordType === AwsEndpointDnsRecordIpType.Dualstack && family === AwsEndpointIpAddressType.Dualstack) ||
        (recordType === AwsEndpointDnsRecordIpType.Ipv6 && family !== AwsEndpointIpAddressType.Ipv4);
    if (!ok) {
        v.fail("dnsRecordIpType", recordType, `which an endpoint of ipAddressType "${family}" cannot serve`, "match the record type to ipAddressType (dualstack records need a dualstack endpoint)");
    }
}

/** Whether the endpoint's DNS name answers AAAA, so a friendly name needs an AAAA alias too. */
export function servesIpv6(ipType: AwsEndpointIpAddressType | undefined, recordType: AwsEndpointDnsRecordIpType | undefined): boolean {
    if (recordType !== undefined) {
        return recordType === AwsEndpointDnsRecordIpType.Dualstack || recordType === AwsEndpointDnsRecordIpType.Ipv6;
    }
    return ipType === AwsEndpointIpAddressType.Dualstack || ipType === AwsEndpointIpAddressType.Ipv6;
}

/** Whether the endpoint's DNS name answers A queries. */
function servesIpv4(ipType: AwsEndpointIpAddressType | undefined, recordType: AwsEndpointDnsRecordIpType | undefined): boolean {
    if (recordType !== undefined) {
        return recordType !== AwsEndpointDnsRecordIpType.Ipv6;
    }
    return ipType !== AwsEndpointIpAddressType.Ipv6;
}

function validatePrivateZone(v: Validator, zone: AwsEndpointPrivateZoneArgs, vpcId: pulumi.Input<string>): void {
    requireObject(v, "privateZone", zone, 'write it as { domainName: "orders.internal" } or { zoneId, recordName }');
    requireString(v, "privateZone.domainName", zone.domainName);
    requireString(v, "privateZone.zoneId", zone.zoneId);
    requireString(v, "privateZone.recordName", zone.recordName);
    requireExactlyOne(
        v,
        { "privateZone.domainName": zone.domainName ?? undefined, "privateZone.zoneId": zone.zoneId ?? undefined },
        "give domainName to create a zone, or zoneId to use an existing one",
    );
    requireValue(v, zone.domainName !== undefined ? "privateZone.domainName" : "privateZone.zoneId", zone.domainName ?? zone.zoneId, "give a non-empty value");
    if (isKnown(zone.domainName) && !isDnsName(zone.domainName)) {
        v.fail("privateZone.domainName", zone.domainName, "which is not a DNS domain name", 'use a name such as "orders.internal"');
    }
    if (zone.zoneId !== undefined) {
        requireValue(v, "privateZone.recordName", zone.recordName, 'name the record to create in the existing zone, e.g. "orders.corp.internal"');
        if (zone.additionalVpcs !== undefined) {
            v.fail("privateZone.additionalVpcs", zone.additionalVpcs, "but the component associates VPCs only with a zone it creates", "associate the existing zone with more VPCs where it is managed (e.g. AwsPrivateDnsZone)");
        }
    }
    if (zone.additionalVpcs !== undefined) {
        if (!Array.isArray(zone.additionalVpcs)) {
            v.fail("privateZone.additionalVpcs", zone.additionalVpcs, "which is not a list", "pass a list of { vpcId, vpcRegion? }");
        }
        zone.additionalVpcs.forEach((vpc, i) => {
            requireObject(v, `privateZone.additionalVpcs[${i}]`, vpc, 'write it as { vpcId: "vpc-…" }');
            requireValue(v, `privateZone.additionalVpcs[${i}].vpcId`, vpc.vpcId, "give the VPC id");
            requireString(v, `privateZone.additionalVpcs[${i}].vpcId`, vpc.vpcId);
            requireString(v, `privateZone.additionalVpcs[${i}].vpcRegion`, vpc.vpcRegion);
            if (isKnown(vpc.vpcId) && isKnown(vpcId) && vpc.vpcId === vpcId) {
                v.fail(`privateZone.additionalVpcs[${i}].vpcId`, vpc.vpcId, "which is vpcId, already associated with the zone", "list only the other VPCs");
            }
        });
        requireUnique(v, "privateZone.additionalVpcs", zone.additionalVpcs.map((x) => x.vpcId), "vpcId");
    }
}

/** The flow log scope in effect: as given, else interfaces where the endpoint has one per subnet. */
function flowLogScopeOf(flowLogs: AwsEndpointFlowLogArgs, type: AwsEndpointType): AwsFlowLogScope {
    return flowLogs.scope ?? (type === AwsEndpointType.Resource ? AwsFlowLogScope.Subnets : AwsFlowLogScope.NetworkInterfaces);
}

function validateFlowLogs(v: Validator, flowLogs: AwsEndpointFlowLogArgs, type: AwsEndpointType, lateDns: boolean): void {
    requireObject(v, "flowLogs", flowLogs, "write it as { destinationArn: <log group or bucket ARN> }");
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
    requireValue(v, "flowLogs.destinationArn", flowLogs.destinationArn, "give the ARN of a CloudWatch Logs log group or an S3 bucket");
    requireString(v, "flowLogs.destinationArn", flowLogs.destinationArn);
    requireOneOf(v, "flowLogs.destinationType", flowLogs.destinationType, Object.values(AwsFlowLogDestinationType), { mustBeKnown: true });
    requireOneOf(v, "flowLogs.trafficType", flowLogs.trafficType, Object.values(AwsFlowLogTrafficType), { mustBeKnown: true });
    requireString(v, "flowLogs.iamRoleArn", flowLogs.iamRoleArn);
    const destType = flowLogs.destinationType ?? AwsFlowLogDestinationType.CloudWatchLogs;
    if (isKnown(flowLogs.destinationArn)) {
        const service = /^arn:[a-z-]+:([a-z0-9-]+):/.exec(flowLogs.destinationArn)?.[1];
        const expected = destType === AwsFlowLogDestinationType.S3 ? "s3" : "logs";
        if (service !== expected) {
            v.fail(
                "flowLogs.destinationArn",
                flowLogs.destinationArn,
                `which is not ${destType === AwsFlowLogDestinationType.S3 ? "an S3 bucket" : "a CloudWatch Logs log group"} ARN`,
                `give an arn:<partition>:${expected}:… ARN, or set flowLogs.destinationType to match the destination`,
            );
        }
    }
    if (flowLogs.iamRoleArn !== undefined && destType === AwsFlowLogDestinationType.S3) {
        v.fail("flowLogs.iamRoleArn", flowLogs.iamRoleArn, "but S3 delivery uses the bucket policy, not a role", "leave iamRoleArn out for S3 destinations");
    }
}

/**
 * A private endpoint in a consumer VPC.
 *
 * Children (logical names): `${name}-sg` and `${name}-ingress-<source>-<port>` (unless
 * `securityGroupIds`), `${name}-endpoint`, `${name}-private-dns` (with
 * `enablePrivateDnsAfterAcceptance`), `${name}-zone` and `${name}-assoc-<vpc>` (new private zone),
 * `${name}-alias-a` / `${name}-alias-aaaa` (private zone records), `${name}-flowlog-role` and
 * `${name}-flowlog-policy` (CloudWatch flow logs without a role), `${name}-flowlog-eni-<i>` (flow
 * logs on network interfaces, the default) or `${name}-flowlog-<subnet>` (`flowLogs.scope: Subnets`).
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
        validateAwsPrivateEndpointArgs(name, args);
        super(typeToken(COMPONENT), name, {}, opts);
        const v = new Validator(COMPONENT, name);
        const type = endpointTypeOf(args);
        const tags = mergeTags(name, args.tags);
        const subnets = args.subnets;
        const hasSecurityGroups = type !== AwsEndpointType.GatewayLoadBalancer;

        // Security group: the caller's, or a dedicated one with ingress only from the listed clients.
        const created =
            hasSecurityGroups && args.securityGroupIds === undefined
                ? createEndpointSecurityGroup(
                      v,
                      name,
                      {
                          vpcId: args.vpcId,
                          purpose: `endpoint ${name}`,
                          allowedCidrs: args.allowedCidrs ?? [],
                          allowedSecurityGroupIds: args.allowedSecurityGroupIds ?? [],
                          ports: args.ports ?? DEFAULT_ENDPOINT_PORTS,
                          tags,
                      },
                      this,
                  )
                : undefined;
        const securityGroupIds = hasSecurityGroups ? (args.securityGroupIds ?? [created!.securityGroup.id]) : undefined;

        const policy =
            args.policy ?? (args.policyDocument !== undefined ? pulumi.output(args.policyDocument).apply((d) => JSON.stringify(d)) : undefined);
        const lateDns = args.enablePrivateDnsAfterAcceptance === true;
        const endpoint = new aws.ec2.VpcEndpoint(
            childName(name, "endpoint"),
            {
                vpcId: args.vpcId,
                // Always explicit: the provider's default is Gateway.
                vpcEndpointType: type,
                serviceName: args.serviceName,
                resourceConfigurationArn: args.resourceConfigurationArn,
                serviceRegion: args.serviceRegion,
                subnetIds: subnets.map((s) => s.subnetId),
                securityGroupIds,
                // With late enablement the flag lives on EndpointPrivateDns only; setting it in two
                // places makes them fight. GWLB endpoints have no DNS at all.
                privateDnsEnabled: type === AwsEndpointType.GatewayLoadBalancer || lateDns ? undefined : args.privateDnsEnabled === true,
                ipAddressType: args.ipAddressType,
                dnsOptions: args.dnsRecordIpType !== undefined ? { dnsRecordIpType: args.dnsRecordIpType } : undefined,
                policy,
                tags: { Name: childName(name, "endpoint"), ...tags },
            },
            // EndpointPrivateDns changes the endpoint's private DNS flag out of band.
            { parent: this, ignoreChanges: lateDns ? ["privateDnsEnabled"] : undefined },
        );

        if (lateDns) {
            // Data flow orders this after the acceptance: `acceptedBy` must be known first.
            const endpointId =
                args.acceptedBy !== undefined ? pulumi.all([endpoint.id, args.acceptedBy]).apply(([id]) => id) : endpoint.id;
            new aws.vpc.EndpointPrivateDns(childName(name, "private-dns"), { vpcEndpointId: endpointId, privateDnsEnabled: true }, { parent: this });
        }

        // Friendly name in a private hosted zone.
        let zoneId: pulumi.Output<string> | undefined;
        let recordFqdns: pulumi.Output<string[]> = pulumi.output([]);
        if (args.privateZone !== undefined) {
            const pz = args.privateZone;
            if (pz.domainName !== undefined) {
                const { zone } = createPrivateZone(
                    name,
                    {
                        domainName: pz.domainName,
                        vpcs: [{ vpcId: args.vpcId }, ...(pz.additionalVpcs ?? [])],
                        comment: `Private Link endpoint ${name}, managed by privatelink`,
                        tags,
                    },
                    this,
                );
                zoneId = zone.zoneId;
            } else {
                zoneId = pulumi.output(pz.zoneId!);
            }
            const records = createAliasRecords(
                childName(name, "alias"),
                {
                    zoneId,
                    recordName: pz.recordName ?? pz.domainName!,
                    target: endpointAliasTarget(endpoint),
                    ipv6: servesIpv6(args.ipAddressType, args.dnsRecordIpType),
                },
                this,
            );
            recordFqdns = records[0].fqdn.apply((f) => (f ? [f] : []));
        }

        if (args.flowLogs !== undefined) {
            this.createFlowLogs(v, name, args.flowLogs, flowLogScopeOf(args.flowLogs, type), subnets, endpoint, tags);
        }

        this.endpointId = endpoint.id;
        this.endpointArn = endpoint.arn;
        this.serviceReference = pulumi.output((args.serviceName ?? args.resourceConfigurationArn)!);
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

    private createFlowLogs(
        v: Validator,
        name: string,
        flowLogs: AwsEndpointFlowLogArgs,
        scope: AwsFlowLogScope,
        subnets: AwsEndpointSubnetArgs[],
        endpoint: aws.ec2.VpcEndpoint,
        tags: Record<string, string>,
    ): void {
        const destType = flowLogs.destinationType ?? AwsFlowLogDestinationType.CloudWatchLogs;
        let iamRoleArn: pulumi.Input<string> | undefined = flowLogs.iamRoleArn;
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
            const logGroupArn = pulumi.output(flowLogs.destinationArn).apply((arn) => arn.replace(/:\*$/, ""));
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
            logDestination: flowLogs.destinationArn,
            iamRoleArn: destType === AwsFlowLogDestinationType.CloudWatchLogs ? iamRoleArn : undefined,
            trafficType: flowLogs.trafficType ?? AwsFlowLogTrafficType.All,
            tags,
        };
        if (scope === AwsFlowLogScope.Subnets) {
            // These logical names predate the scope option: keep them, or live flow logs are replaced.
            subnets.forEach((subnet, i) => {
                new aws.ec2.FlowLog(childName(name, "flowlog", subnetKey(subnet.subnetId, i)), { subnetId: subnet.subnetId, ...common }, { parent: this });
            });
            return;
        }
        // One interface per subnet: the count is known now, the ids only once the endpoint exists.
        // Each flow log takes its id through an Output, so no resource is created inside `apply`.
        const expected = subnets.length;
        for (let i = 0; i < expected; i++) {
            new aws.ec2.FlowLog(
                childName(name, "flowlog", "eni", i),
                { eniId: endpoint.networkInterfaceIds.apply((ids) => endpointNetworkInterfaceAt(v, ids, i, expected)), ...common },
                { parent: this },
            );
        }
    }
}

/**
 * The `index`-th of an endpoint's network interface ids in sorted order (AWS does not promise an
 * order), for a flow log registered before the ids are known. Throws a `ValidationError` on
 * `flowLogs.scope` when the endpoint reports a different number of interfaces than it has subnets —
 * typically none yet while a connection awaits acceptance, or a list read before a subnet change
 * settled — rather than attach a flow log to the wrong interface or to none.
 */
export function endpointNetworkInterfaceAt(v: Validator, ids: readonly string[] | undefined, index: number, expected: number): string {
    const sorted = [...(ids ?? [])].sort();
    if (sorted.length !== expected) {
        v.fail(
            "flowLogs.scope",
            AwsFlowLogScope.NetworkInterfaces,
            `but the endpoint reports ${sorted.length} network interface(s) for its ${expected} subnet(s)${sorted.length === 0 ? ", as it may while the connection awaits acceptance" : ""}`,
            "set flowLogs.scope to Subnets; or, once the connection is accepted, run `pulumi up --refresh` so the interface ids are read again",
        );
    }
    return sorted[index];
}

/**
 * Looks up the private IPs of an endpoint's ENIs. Invokes (not resources) inside `apply` are fine:
 * they add nothing to the graph. A failed lookup yields no address rather than failing the update
 * after the endpoint already exists.
 */
export function lookupPrivateIps(parent: pulumi.Resource, eniIds: pulumi.Output<string[]>): pulumi.Output<string[]> {
    return eniIds.apply(async (ids) => {
        const found = await Promise.all(
            (ids ?? []).map((id) =>
                aws.ec2.getNetworkInterface({ id }, { parent }).catch((e: unknown) => {
                    pulumi.log.warn(`could not look up network interface ${id}: ${e instanceof Error ? e.message : String(e)}`, parent);
                    return undefined;
                }),
            ),
        );
        const ips: string[] = [];
        for (const eni of found) {
            if (!eni) {
                continue;
            }
            const v4 = eni.privateIps && eni.privateIps.length > 0 ? eni.privateIps : eni.privateIp ? [eni.privateIp] : [];
            ips.push(...v4, ...(eni.ipv6Addresses ?? []));
        }
        return ips;
    });
}
