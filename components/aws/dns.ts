/**
 * Route 53 building blocks shared by the AWS components: a private hosted zone with its VPC
 * associations and cross-account authorisations, and alias records that point a friendly name at
 * an endpoint's DNS entry.
 *
 * Associations follow one rule so they never fight each other: the zone is created with its first
 * VPC inline (Route 53 requires one at creation) and `ignoreChanges: ["vpcs"]`, and every further
 * VPC of the zone owner's account gets its own `aws.route53.ZoneAssociation`. Mixing inline `vpcs`
 * with association resources without that `ignoreChanges` gives a perpetual diff.
 *
 * A VPC of another account can only be associated from that account (Route 53 requires the VPC
 * owner to make the association): the zone owner creates a `VpcAssociationAuthorization`, and the
 * VPC owner then creates the `ZoneAssociation` with a provider for their account.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { childName, isKnown, requireEntryKeys, Validator, whenResolved } from "../core";
import { awsIdCheck, regionCheck, requireValidValue, validateObjectList } from "./validation";

/** A VPC that a private hosted zone is visible to. */
export interface ZoneVpcArgs {
    /** The VPC id (`vpc-…`). */
    vpcId: pulumi.Input<string>;
    /**
     * The VPC's region, when it differs from the zone provider's region.
     * @default the provider's region
     */
    vpcRegion?: pulumi.Input<string>;
    /**
     * Names the VPC's association or authorisation (`${name}-assoc-<key>`, `${name}-auth-<key>`),
     * so adding, removing or reordering VPCs replaces nothing else. Required when `vpcId` is not
     * known until deployment (`vpc.id`, a `StackReference` output).
     * @default the VPC id
     */
    key?: string;
}

/** A validated VPC entry, with the key that names its child and the field it came from. */
export interface KeyedZoneVpc {
    key: string;
    field: string;
    vpcId: pulumi.Input<string>;
    vpcRegion?: pulumi.Input<string>;
}

/** The check every VPC id passes. */
export const VPC_ID = awsIdCheck("vpc");

/**
 * Validates one list of VPCs: objects with a VPC id, a region where given, a plain key where
 * given. `seen` collects known ids across lists (id → field), so a VPC listed twice, or in both an
 * own-account and a cross-account list, is caught here.
 */
export function validateZoneVpcs(v: Validator, field: string, value: unknown, seen: Map<string, string>, rules?: { required?: boolean; fix?: string }): ZoneVpcArgs[] {
    return validateObjectList<ZoneVpcArgs>(
        v,
        field,
        value,
        (vpc, at) => {
            requireValidValue(v, `${at}.vpcId`, vpc.vpcId, VPC_ID, 'give the VPC id, e.g. vpc.id or "vpc-0123456789abcdef0"');
            if (isKnown(vpc.vpcId)) {
                const earlier = seen.get(vpc.vpcId as string);
                if (earlier !== undefined) {
                    const crossList = earlier.split("[")[0] !== at.split("[")[0];
                    v.fail(
                        `${at}.vpcId`,
                        vpc.vpcId,
                        crossList ? `which is also listed as ${earlier}.vpcId; a VPC is either in the zone owner's account or in another one` : `which repeats ${earlier}.vpcId`,
                        crossList ? "keep the VPC in the list of the account that owns it" : "list each VPC once",
                    );
                }
                seen.set(vpc.vpcId as string, at);
            }
            if (vpc.vpcRegion !== undefined && isKnown(vpc.vpcRegion)) {
                const found = regionCheck(vpc.vpcRegion);
                if (found) {
                    v.fail(`${at}.vpcRegion`, vpc.vpcRegion, found.problem, `${found.fix}, or leave it out for the provider's region`);
                }
            }
            if (vpc.key !== undefined && typeof vpc.key !== "string") {
                v.fail(`${at}.key`, isKnown(vpc.key) ? vpc.key : "<output>", "which is not plain text", 'name the VPC with plain text, e.g. "spoke-a"');
            }
        },
        rules,
    );
}

/** The VPCs of a list with the keys that name their children (explicit key, else the VPC id). */
export function keyedZoneVpcs(v: Validator, field: string, vpcs: readonly ZoneVpcArgs[], offset = 0): KeyedZoneVpc[] {
    const keys = requireEntryKeys(
        v,
        field,
        vpcs.map((vpc) => ({ value: vpc.vpcId, key: vpc.key })),
        { valueField: "vpcId", keyField: "key", duplicateFix: "list each VPC once, with its own key", firstIndex: offset },
    );
    return vpcs.map((vpc, i) => ({ key: keys[i], field: `${field}[${i + offset}]`, vpcId: vpc.vpcId, vpcRegion: vpc.vpcRegion }));
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
    authorizations: aws.route53.VpcAssociationAuthorization[];
}

/** The arguments of {@link createPrivateZone}. */
export interface PrivateZoneArgs {
    domainName: pulumi.Input<string>;
    /** The zone's creation VPC (inline on the zone), with the field it came from. */
    primary: { field: string; vpcId: pulumi.Input<string>; vpcRegion?: pulumi.Input<string> };
    /** Further VPCs of the zone owner's account: one `ZoneAssociation` each. */
    associations: readonly KeyedZoneVpc[];
    /** VPCs of other accounts: one `VpcAssociationAuthorization` each. */
    authorizations: readonly KeyedZoneVpc[];
    comment?: pulumi.Input<string>;
    forceDestroy?: pulumi.Input<boolean>;
    tags: Record<string, string>;
    /**
     * Replace the zone when the creation VPC changes. For a zone that belongs to one endpoint, whose
     * creation VPC is the endpoint's: when the endpoint moves to another VPC, a zone that ignored the
     * change would stay visible to the old VPC only.
     * @default false
     */
    replaceOnPrimaryChange?: boolean;
}

/**
 * Creates `${name}-zone`, visible to the creation VPC inline, `${name}-assoc-<key>` per further
 * VPC and `${name}-auth-<key>` per cross-account VPC. VPC ids and regions that are Outputs are
 * checked when they resolve.
 */
export function createPrivateZone(v: Validator, name: string, args: PrivateZoneArgs, parent: pulumi.Resource): PrivateZoneResources {
    const primaryVpcId = whenResolved(v, `${args.primary.field}`, args.primary.vpcId, VPC_ID);
    const zone = new aws.route53.Zone(
        childName(name, "zone"),
        {
            name: args.domainName,
            comment: args.comment ?? "Private hosted zone managed by privatelink",
            // Explicit, so the secure choice shows in the state and in policy checks, and turning
            // it off again reaches the provider.
            forceDestroy: args.forceDestroy ?? false,
            vpcs: [{ vpcId: primaryVpcId, vpcRegion: checkedRegion(v, `${args.primary.field}.vpcRegion`, args.primary.vpcRegion) }],
            tags: args.tags,
        },
        {
            parent,
            // Further VPCs are attached with ZoneAssociation resources; without ignoreChanges the
            // inline list would try to remove them on every update.
            ignoreChanges: ["vpcs"],
            ...(args.replaceOnPrimaryChange ? { replacementTrigger: primaryVpcId } : {}),
        },
    );
    const associate = (vpc: KeyedZoneVpc, role: "assoc" | "auth") => {
        const props = {
            zoneId: zone.zoneId,
            vpcId: whenResolved(v, `${vpc.field}.vpcId`, vpc.vpcId, VPC_ID),
            vpcRegion: checkedRegion(v, `${vpc.field}.vpcRegion`, vpc.vpcRegion),
        };
        // Route 53 allows one association (and authorisation) per zone and VPC: a replacement made
        // before the old one is gone would be refused, so the old one goes first.
        const opts = { parent, deleteBeforeReplace: true };
        return role === "assoc"
            ? new aws.route53.ZoneAssociation(childName(name, "assoc", vpc.key), props, opts)
            : new aws.route53.VpcAssociationAuthorization(childName(name, "auth", vpc.key), props, opts);
    };
    const associations = args.associations.map((vpc) => associate(vpc, "assoc") as aws.route53.ZoneAssociation);
    const authorizations = args.authorizations.map((vpc) => associate(vpc, "auth") as aws.route53.VpcAssociationAuthorization);
    return { zone, associations, authorizations };
}

function checkedRegion(v: Validator, field: string, region: pulumi.Input<string> | undefined): pulumi.Input<string> | undefined {
    return region === undefined ? undefined : whenResolved(v, field, region, regionCheck);
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
 * as well when the endpoint answers on IPv6 (dual-stack, IPv6 or service-defined DNS records).
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
