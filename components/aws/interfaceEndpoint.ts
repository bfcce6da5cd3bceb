/**
 * The vocabulary of AWS Interface endpoints that `AwsPrivateEndpoint` and `AwsServiceEndpoints`
 * share: address families, DNS record types and the rules between them, and the lookup of an
 * endpoint's private addresses. A module of its own, so the component files import it rather
 * than each other.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { childName, Validator } from "../core";

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
    /** A records. Needs an IPv4 or dual-stack endpoint. */
    Ipv4 = "ipv4",
    /** A and AAAA records. Needs a dual-stack endpoint. */
    Dualstack = "dualstack",
    /** AAAA records. Needs an IPv6 or dual-stack endpoint. */
    Ipv6 = "ipv6",
    /**
     * A records for every name and AAAA records for the regional and zonal names, as the service
     * defines. Needs a dual-stack endpoint.
     */
    ServiceDefined = "service-defined",
}

/**
 * AWS refuses DNS record types the address family cannot serve; say so before anything is created.
 * `service-defined` publishes A and AAAA records, so like `dualstack` it needs a dual-stack endpoint.
 */
export function validateDnsRecordIpType(v: Validator, ipType: AwsEndpointIpAddressType | undefined, recordType: AwsEndpointDnsRecordIpType | undefined): void {
    const family = ipType ?? AwsEndpointIpAddressType.Ipv4;
    const ok =
        recordType === undefined ||
        (recordType === AwsEndpointDnsRecordIpType.Ipv4 && family !== AwsEndpointIpAddressType.Ipv6) ||
        ((recordType === AwsEndpointDnsRecordIpType.Dualstack || recordType === AwsEndpointDnsRecordIpType.ServiceDefined) && family === AwsEndpointIpAddressType.Dualstack) ||
        (recordType === AwsEndpointDnsRecordIpType.Ipv6 && family !== AwsEndpointIpAddressType.Ipv4);
    if (!ok) {
        v.fail(
            "dnsRecordIpType",
            recordType,
            `which an endpoint of ipAddressType "${family}" cannot serve`,
            'match the record type to ipAddressType: "dualstack" and "service-defined" records need ipAddressType "dualstack"',
        );
    }
}

/**
 * Whether the endpoint's regional DNS name answers AAAA queries, so a friendly name pointing at it
 * needs an AAAA alias too: dual-stack, IPv6 and service-defined records do.
 */
export function servesIpv6(ipType: AwsEndpointIpAddressType | undefined, recordType: AwsEndpointDnsRecordIpType | undefined): boolean {
    if (recordType !== undefined) {
        return recordType !== AwsEndpointDnsRecordIpType.Ipv4;
    }
    return ipType === AwsEndpointIpAddressType.Dualstack || ipType === AwsEndpointIpAddressType.Ipv6;
}

/** Whether the endpoint's regional DNS name answers A queries. */
export function servesIpv4(ipType: AwsEndpointIpAddressType | undefined, recordType: AwsEndpointDnsRecordIpType | undefined): boolean {
    if (recordType !== undefined) {
        return recordType !== AwsEndpointDnsRecordIpType.Ipv6;
    }
    return ipType !== AwsEndpointIpAddressType.Ipv6;
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

/**
 * Why endpoints carry their policy in an `aws.ec2.VpcEndpointPolicy` rather than inline: the
 * endpoint's inline `policy` is optional and computed, so the provider keeps an omitted policy as
 * it was, and lifting a restriction would silently leave it in place. Deleting a
 * `VpcEndpointPolicy` resets the endpoint to AWS's default policy, so removing the policy from the
 * arguments reaches AWS. The endpoint ignores its own `policy`, which then only mirrors this
 * resource (the two must never both be set).
 */
export const ENDPOINT_POLICY_IGNORE = ["policy"];

/** Creates `${name}-policy`, the endpoint's policy document, when there is one. */
export function createEndpointPolicy(
    name: string,
    endpoint: aws.ec2.VpcEndpoint,
    policy: pulumi.Input<string> | undefined,
    parent: pulumi.Resource,
    region?: pulumi.Input<string>,
): aws.ec2.VpcEndpointPolicy | undefined {
    if (policy === undefined) {
        return undefined;
    }
    return new aws.ec2.VpcEndpointPolicy(childName(name, "policy"), { vpcEndpointId: endpoint.id, policy, region }, { parent });
}
