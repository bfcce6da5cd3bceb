/**
 * Route 53 building blocks shared by the AWS components: a private hosted zone with its VPC
 * associations, and alias records that point a friendly name at an endpoint's DNS entry.
 *
 * Associations follow one rule so they never fight each other: the zone is created with its first
 * VPC inline (Route 53 requires one at creation) and `ignoreChanges: ["vpcs"]`, and every further
 * VPC gets its own `aws.route53.ZoneAssociation`. Mixing inline `vpcs` with association resources
 * without that `ignoreChanges` gives a perpetual diff.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { associationKey, childName } from "../core";

/** A VPC that a private hosted zone is visible to. */
export interface ZoneVpcArgs {
    /** The VPC id. */
    vpcId: pulumi.Input<string>;
    /**
     * The VPC's region, when it differs from the zone provider's region.
     * @default the provider's region
     */
    vpcRegion?: pulumi.Input<string>;
}

/** An alias target: a DNS name and the hosted zone that serves it (an endpoint's DNS entry). */
export interface AliasTarget {
    dnsName: string;
    hostedZoneId: string;
}

/** What {@link createPrivateZone} creates. */
export interface PrivateZoneResources {
    zone: aws.route53.Zone;
    associations: aws.route53.ZoneAssociation[];
}

/** Creates a private hosted zone visible to `vpcs[0]` inline and to the rest through associations. */
export function createPrivateZone(
    name: string,
    args: {
        domainName: pulumi.Input<string>;
        vpcs: ZoneVpcArgs[];
        comment?: pulumi.Input<string>;
        forceDestroy?: pulumi.Input<boolean>;
        tags: Record<string, string>;
    },
    parent: pulumi.Resource,
): PrivateZoneResources {
    const [primary, ...rest] = args.vpcs;
    const zone = new aws.route53.Zone(
        childName(name, "zone"),
        {
            name: args.domainName,
            comment: args.comment ?? "Private hosted zone managed by privatelink",
            forceDestroy: args.forceDestroy,
            vpcs: [{ vpcId: primary.vpcId, vpcRegion: primary.vpcRegion }],
            tags: args.tags,
        },
        // Further VPCs are attached with ZoneAssociation resources; without ignoreChanges the inline
        // list would try to remove them on every update.
        { parent, ignoreChanges: ["vpcs"] },
    );
    const associations = rest.map(
        (vpc, i) =>
            new aws.route53.ZoneAssociation(
                childName(name, "assoc", associationKey(vpc.vpcId, i)),
                { zoneId: zone.zoneId, vpcId: vpc.vpcId, vpcRegion: vpc.vpcRegion },
                { parent },
            ),
    );
    return { zone, associations };
}

/**
 * The alias target of an interface endpoint: its first DNS entry, the regional name
 * (`vpce-….vpce-svc-….<region>.vpce.amazonaws.com`). Later entries are zonal names.
 */
export function endpointAliasTarget(endpoint: aws.ec2.VpcEndpoint): pulumi.Output<AliasTarget> {
    return endpoint.dnsEntries.apply((entries) => {
        const first = entries?.[0];
        return { dnsName: first?.dnsName ?? "", hostedZoneId: first?.hostedZoneId ?? "" };
    });
}

/**
 * Creates alias records `recordName` → `target` in `zoneId`: an `A` record, and an `AAAA` record
 * as well when the endpoint answers on IPv6 (dual-stack or IPv6 DNS record type).
 */
export function createAliasRecords(
    name: string,
    args: {
        zoneId: pulumi.Input<string>;
        recordName: pulumi.Input<string>;
        target: pulumi.Input<AliasTarget>;
        ipv6: boolean;
    },
    parent: pulumi.Resource,
): aws.route53.Record[] {
    const target = pulumi.output(args.target);
    const types = args.ipv6 ? ["A", "AAAA"] : ["A"];
    return types.map(
        (type) =>
            new aws.route53.Record(
                childName(name, type.toLowerCase()),
                {
                    zoneId: args.zoneId,
                    name: args.recordName,
                    type,
                    aliases: [
                        {
                            name: target.dnsName,
                            zoneId: target.hostedZoneId,
                            // Interface endpoints have no health checks of their own; the endpoint
                            // ENIs are kept healthy by AWS.
                            evaluateTargetHealth: false,
                        },
                    ],
                },
                { parent },
            ),
    );
}
