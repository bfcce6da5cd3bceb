/**
 * `AwsPrivateDnsZone`: the central (hub) private hosted zone of the AWS Private Link pattern.
 *
 * One Route 53 private hosted zone, made visible to the hub's own VPCs, authorised for VPCs in
 * other accounts, holding friendly alias records that point at interface endpoints plus optional
 * static A/AAAA/CNAME records.
 *
 * Cross-account associations themselves are the VPC owner's to make, with a provider for their
 * account. The component does not take that provider as an argument: the schema inference of
 * `@pulumi/pulumi/provider/experimental` renders an `aws.Provider` argument as
 * `/aws/v…/schema.json#/resources/aws`, which the schema binder cannot resolve (providers are
 * referenced as `#/provider`), and that would break the package for every other language.
 *
 * The zone and its own-account associations come from `dns.ts` (first VPC inline with
 * `ignoreChanges: ["vpcs"]`, one `ZoneAssociation` per further VPC), so every component that owns
 * a zone handles associations the same way.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import {
    Check,
    childName,
    isDnsLabel,
    isDnsName,
    isIpAddress,
    isKnown,
    mergeTags,
    normalizeDnsName,
    recordKey,
    requireBoolean,
    requireOneOf,
    requireValid,
    startValidation,
    typeToken,
    Validator,
    whenResolved,
} from "../core";
import { isHostName } from "../../common/dns";
import { createAliasRecords, createPrivateZone, keyedZoneVpcs, KeyedZoneVpc, validateZoneVpcs } from "./dns";
import { isRegionName } from "./serviceNames";
import { booleanCheck, requireNameFitsTags, requireValidValue, validateAwsTags, validateObjectList } from "./validation";

/** The class name, used in type tokens and error messages. */
const COMPONENT = "AwsPrivateDnsZone";

/** TTL of static records when none is given: short enough to repoint a name within minutes. */
const DEFAULT_TTL = 300;

/** The comment Route 53 shows for zones created by this component when none is given. */
const DEFAULT_COMMENT = "Central private hosted zone managed by privatelink";

/** Record types a static record (`staticRecords`) can have. */
export enum AwsPrivateDnsRecordType {
    /** IPv4 addresses. */
    A = "A",
    /** IPv6 addresses. */
    AAAA = "AAAA",
    /** One canonical name; nothing else may share the record's name. */
    CNAME = "CNAME",
}

/** A VPC in the zone owner's account that the zone is visible to. */
export interface AwsPrivateDnsZoneVpcArgs {
    /**
     * The VPC id (`vpc-…`). It must be in the same account as the zone (the account of the
     * component's `aws` provider); VPCs of other accounts go in `crossAccountVpcs`.
     */
    vpcId: pulumi.Input<string>;
    /**
     * The VPC's region, when it differs from the region of the component's `aws` provider.
     * @default the region of the component's `aws` provider
     */
    vpcRegion?: pulumi.Input<string>;
    /**
     * Names the VPC's association (`${name}-assoc-<key>`), so adding, removing or reordering VPCs
     * replaces nothing else. Required when `vpcId` is not known until deployment (`vpc.id`, a
     * `StackReference` output), except for the first VPC, which is set on the zone itself.
     * @default the VPC id
     */
    key?: string;
}

/**
 * A VPC in another account that may use the zone (hub and spoke). The zone owner, this component,
 * creates a `VpcAssociationAuthorization`; Route 53 then accepts an association made *from the
 * VPC owner's account*, with a provider for that account. In the same program:
 *
 *     new aws.route53.ZoneAssociation("spoke-hub-dns", { zoneId: hub.zoneId, vpcId, vpcRegion },
 *         { provider: spokeProvider, dependsOn: [hub] });
 *
 * `dependsOn: [hub]` orders it after the authorisation; in a separate program, read `zoneId`
 * from a `StackReference`.
 */
export interface AwsPrivateDnsZoneCrossAccountVpcArgs {
    /** The VPC id (`vpc-…`) in the other account. */
    vpcId: pulumi.Input<string>;
    /**
     * The VPC's region, when it differs from the region of the component's `aws` provider. The
     * VPC owner's association must name the same region.
     * @default the region of the component's `aws` provider
     */
    vpcRegion?: pulumi.Input<string>;
    /**
     * Names the VPC's authorisation (`${name}-auth-<key>`). Required when `vpcId` is not known
     * until deployment.
     * @default the VPC id
     */
    key?: string;
}

/**
 * A friendly name that aliases an endpoint's DNS name: an `A` alias record, plus an `AAAA` alias
 * record when `ipv6` is set. Use the endpoint's first DNS entry (the regional name), e.g.
 * `endpoint.dnsEntries[0].dnsName` / `.hostedZoneId`.
 */
export interface AwsPrivateDnsZoneAliasRecordArgs {
    /**
     * The record name. Relative to the zone (`api`, `api.eu`, `*` for a wildcard, `@` for the
     * zone apex), or a full name within the zone: either ending in the zone's domain
     * (`api.internal.example.com`) or absolute with a trailing dot (`api.internal.example.com.`).
     * It also keys the child's logical name, so renaming a record replaces it.
     */
    name: string;
    /** The DNS name of the alias target, e.g. the endpoint's regional DNS name. */
    endpointDnsName: pulumi.Input<string>;
    /** The Route 53 hosted zone id that serves `endpointDnsName` (`Z…`). */
    endpointHostedZoneId: pulumi.Input<string>;
    /**
     * Also create an `AAAA` alias record, for dual-stack or IPv6 endpoints.
     * @default false
     */
    ipv6?: boolean;
}

/** A static (non-alias) record. */
export interface AwsPrivateDnsZoneStaticRecordArgs {
    /**
     * The record name, written as for alias records: relative to the zone (`db`, `*`, `@`) or a
     * full name within it. A CNAME may not be at the zone apex and may not share its name with
     * any other record. It also keys the child's logical name.
     */
    name: string;
    /** The record type: `A`, `AAAA` or `CNAME`. */
    type: AwsPrivateDnsRecordType;
    /**
     * The record values: IPv4 addresses for `A`, IPv6 addresses for `AAAA`, exactly one DNS name
     * for `CNAME`. Each value at most once.
     */
    values: pulumi.Input<string>[];
    /**
     * Time to live in seconds.
     * @default 300
     */
    ttl?: pulumi.Input<number>;
}

/** Arguments of `AwsPrivateDnsZone`. */
export interface AwsPrivateDnsZoneArgs {
    /**
     * The zone's domain name, e.g. `internal.example.com`, or a service's AWS name such as
     * `ssm.us-east-1.amazonaws.com` for centralised endpoints. At least two labels; written in
     * lower case without a trailing dot (both are normalised). Changing it replaces the zone.
     */
    domainName: pulumi.Input<string>;
    /**
     * VPCs in the zone owner's account that resolve the zone; at least one. The first is the
     * zone's creation VPC and is set inline on the zone; keep it first, since the zone ignores
     * later changes to its inline VPC (moving another VPC to the front would ask Route 53 to
     * associate a VPC twice). Every further VPC gets a `ZoneAssociation` named by its key (the VPC
     * id unless given), so adding, removing or reordering them touches nothing else.
     */
    vpcs: AwsPrivateDnsZoneVpcArgs[];
    /**
     * VPCs in other accounts that may associate with the zone (hub and spoke). Each gets a
     * `VpcAssociationAuthorization`; the VPC owner then creates the `ZoneAssociation` with a
     * provider for their account (see `AwsPrivateDnsZoneCrossAccountVpcArgs`). Remove those
     * associations before destroying the zone.
     * @default []
     */
    crossAccountVpcs?: AwsPrivateDnsZoneCrossAccountVpcArgs[];
    /**
     * Alias records that point friendly names at endpoints (`A`, and `AAAA` when `ipv6`).
     * @default []
     */
    records?: AwsPrivateDnsZoneAliasRecordArgs[];
    /**
     * Static A, AAAA or CNAME records.
     * @default []
     */
    staticRecords?: AwsPrivateDnsZoneStaticRecordArgs[];
    /**
     * The zone's comment, at most 256 characters.
     * @default "Central private hosted zone managed by privatelink"
     */
    comment?: pulumi.Input<string>;
    /**
     * Delete every record of the zone when the zone is destroyed, including records made outside
     * this program. Off, so a destroy never wipes records someone else relies on.
     * @default false
     */
    forceDestroy?: pulumi.Input<boolean>;
    /**
     * Tags for the zone (Route 53 records and associations take no tags). The `managed-by` and
     * `privatelink-component` tags are always added.
     * @default {}
     */
    tags?: Record<string, string>;
}

/**
 * A central private hosted zone: VPC associations in the owner's account, association
 * authorisations for VPCs of other accounts, and alias and static records.
 *
 * Children (for component name `hub`):
 * - `hub-zone` — `aws.route53.Zone`, visible to `vpcs[0]`
 * - `hub-assoc-<vpcId>` — `aws.route53.ZoneAssociation` per further own VPC (`vpcs[1]` on)
 * - `hub-auth-<vpcId>` — `aws.route53.VpcAssociationAuthorization` per cross-account VPC
 * - `hub-alias-<record>-a` / `-aaaa` — alias `aws.route53.Record`s per entry of `records`
 * - `hub-record-<record>-<type>` — `aws.route53.Record` per entry of `staticRecords`
 *
 * `<vpcId>` is the VPC's key: its id in logical-name form, or the `key` given for a VPC whose id
 * is not known until deployment; `<record>` is the record name as written, in logical-name form
 * (`@` → `apex`, `*` → `wildcard`).
 */
export class AwsPrivateDnsZone extends pulumi.ComponentResource {
    /** The hosted zone id (`Z…`), for records and associations made elsewhere. */
    public readonly zoneId: pulumi.Output<string>;
    /** The hosted zone ARN. */
    public readonly zoneArn: pulumi.Output<string>;
    /** The zone's domain name, normalised (lower case, no trailing dot). */
    public readonly domainName: pulumi.Output<string>;
    /** The zone's name servers (Route 53 reports them for private zones too). */
    public readonly nameServers: pulumi.Output<string[]>;
    /** The fully-qualified names of every record the component created, each once. */
    public readonly recordFqdns: pulumi.Output<string[]>;
    /** The VPCs associated with the zone by this component (`vpcs`); resolves once they are. */
    public readonly associatedVpcIds: pulumi.Output<string[]>;
    /**
     * The cross-account VPCs authorised to associate with the zone; resolves once they are, so a
     * VPC owner's association can wait on it (or on the component).
     */
    public readonly authorizedVpcIds: pulumi.Output<string[]>;

    constructor(name: string, args: AwsPrivateDnsZoneArgs, opts?: pulumi.ComponentResourceOptions) {
        // Validate before registering anything, so a bad argument leaves no trace in the graph.
        const plan = planZone(name, args);
        super(typeToken(COMPONENT), name, {}, opts);
        const v = new Validator(COMPONENT, name);

        const domain: string | pulumi.Output<string> = isKnown(args.domainName)
            ? normalizeDnsName(args.domainName)
            : pulumi.output(whenResolved(v, "domainName", args.domainName, DOMAIN_NAME)).apply(normalizeDnsName);

        const { zone, associations, authorizations } = createPrivateZone(
            v,
            name,
            {
                domainName: domain,
                primary: { field: "vpcs[0]", vpcId: args.vpcs[0].vpcId, vpcRegion: args.vpcs[0].vpcRegion },
                associations: plan.associations,
                authorizations: plan.authorizations,
                comment: args.comment === undefined ? DEFAULT_COMMENT : whenResolved(v, "comment", args.comment, COMMENT),
                forceDestroy: args.forceDestroy === undefined ? false : whenResolved(v, "forceDestroy", args.forceDestroy, booleanCheck),
                tags: mergeTags(name, args.tags),
            },
            this,
        );

        const fqdn = (recordName: string): pulumi.Input<string> =>
            typeof domain === "string" ? resolveRecordName(recordName, domain) : domain.apply((d) => resolveRecordName(recordName, d));

        const records: aws.route53.Record[] = [];
        (args.records ?? []).forEach((record, i) => {
            const field = `records[${i}]`;
            records.push(
                ...createAliasRecords(
                    childName(name, "alias", recordKey(record.name)),
                    {
                        zoneId: zone.zoneId,
                        recordName: fqdn(record.name),
                        target: pulumi.output({
                            dnsName: whenResolved(v, `${field}.endpointDnsName`, record.endpointDnsName, ENDPOINT_DNS_NAME),
                            hostedZoneId: whenResolved(v, `${field}.endpointHostedZoneId`, record.endpointHostedZoneId, HOSTED_ZONE_ID),
                        }),
                        ipv6: record.ipv6 ?? false,
                    },
                    this,
                ),
            );
        });
        (args.staticRecords ?? []).forEach((record, i) => {
            const field = `staticRecords[${i}]`;
            const check = staticValueCheck(record.type);
            records.push(
                new aws.route53.Record(
                    childName(name, "record", recordKey(record.name), record.type.toLowerCase()),
                    {
                        zoneId: zone.zoneId,
                        name: fqdn(record.name),
                        type: record.type,
                        ttl: whenResolved(v, `${field}.ttl`, record.ttl ?? DEFAULT_TTL, TTL),
                        records: record.values.map((value, j) => whenResolved(v, `${field}.values[${j}]`, value, check)),
                    },
                    { parent: this },
                ),
            );
        });

        this.zoneId = zone.zoneId;
        this.zoneArn = zone.arn;
        this.domainName = zone.name;
        this.nameServers = zone.nameServers;
        this.recordFqdns = pulumi
            .all(records.map((r) => r.fqdn))
            .apply((names) => Array.from(new Set(names.filter((n) => !!n))));
        // The first VPC is associated by the zone itself; tie its id to the zone so the output
        // resolves only once the association exists, like the others.
        const primaryVpcId = pulumi.all([zone.zoneId, args.vpcs[0].vpcId]).apply(([, vpcId]) => vpcId);
        this.associatedVpcIds = pulumi.all([primaryVpcId, ...associations.map((a) => a.vpcId)]);
        this.authorizedVpcIds = pulumi.all(authorizations.map((a) => a.vpcId));

        this.registerOutputs({
            zoneId: this.zoneId,
            zoneArn: this.zoneArn,
            domainName: this.domainName,
            nameServers: this.nameServers,
            recordFqdns: this.recordFqdns,
            associatedVpcIds: this.associatedVpcIds,
            authorizedVpcIds: this.authorizedVpcIds,
        });
    }
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

const HOSTED_ZONE_ID_PATTERN = /^Z[A-Z0-9]{1,31}$/;
const MAX_TTL = 2147483647;

const HOSTED_ZONE_ID: Check = (value) =>
    typeof value === "string" && HOSTED_ZONE_ID_PATTERN.test(value)
        ? undefined
        : { problem: "which is not a Route 53 hosted zone id", fix: 'pass the id Route 53 gives, upper case and starting with "Z", e.g. "Z7HUB22UULQXV"' };
const ENDPOINT_DNS_NAME: Check = (value) =>
    isDnsName(value, { wildcard: true })
        ? undefined
        : { problem: "which is not a DNS name", fix: "pass the endpoint's regional DNS name, e.g. vpce-0abc-123.vpce-svc-0def.us-east-1.vpce.amazonaws.com" };
const TTL: Check = (value) =>
    typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= MAX_TTL
        ? undefined
        : { problem: "which is not a TTL", fix: `use whole seconds from 0 to ${MAX_TTL}, e.g. ${DEFAULT_TTL}` };
const COMMENT: Check = (value) =>
    typeof value === "string" && value.length <= 256 ? undefined : { problem: "which is not a text of at most 256 characters", fix: "shorten the comment or leave it out" };

/** The zone's domain name: the one host-name checker, two labels or more, not shadowing AWS names. */
const DOMAIN_NAME: Check = (value) => {
    const fix = 'use a lower-case DNS name with at least two labels, e.g. "internal.example.com"';
    if (typeof value !== "string") {
        return { problem: "which is not a text", fix };
    }
    if (/\s/.test(value)) {
        return { problem: "which contains whitespace", fix };
    }
    if (!isHostName(value, { minLabels: 2 })) {
        return { problem: "which is not a host name of two labels or more (letters, digits and inner hyphens, 63 characters a label, 253 in all)", fix };
    }
    if (shadowsAwsNames(normalizeDnsName(value))) {
        return {
            problem: "which would shadow names AWS resolves for every associated VPC (all service endpoints, or instance host names)",
            fix: 'name a zone you own, or one zone per AWS service, e.g. "ssm.us-east-1.amazonaws.com"',
        };
    }
    return undefined;
};

/** The check of one value of a static record of `type`. */
function staticValueCheck(type: AwsPrivateDnsRecordType): Check {
    return (value) => {
        const ok =
            typeof value === "string" &&
            (type === AwsPrivateDnsRecordType.A
                ? isIpAddress(value) && !value.includes(":")
                : type === AwsPrivateDnsRecordType.AAAA
                  ? isIpAddress(value) && value.includes(":")
                  : isDnsName(value));
        if (ok) {
            return undefined;
        }
        const expected =
            type === AwsPrivateDnsRecordType.A
                ? "an IPv4 address, e.g. 10.0.1.10"
                : type === AwsPrivateDnsRecordType.AAAA
                  ? "an IPv6 address, e.g. fd00::10"
                  : "a DNS name, e.g. api.internal.example.com";
        return { problem: `which is not valid for a ${type} record`, fix: `use ${expected}` };
    };
}

/**
 * Whether a zone would shadow names AWS itself resolves in every associated VPC: all AWS service
 * endpoints of a partition or region (`amazonaws.com`, `<region>.amazonaws.com`), or the VPC's
 * own instance host names (`compute.internal`, `ec2.internal`, `<region>.compute.internal`).
 */
function shadowsAwsNames(name: string): boolean {
    if (/^(amazonaws\.com(\.cn)?|compute\.internal|ec2\.internal)$/.test(name)) {
        return true;
    }
    const regional = /^([^.]+)\.(amazonaws\.com(\.cn)?|compute\.internal)$/.exec(name);
    return regional !== null && isRegionName(regional[1]);
}

/** What the constructor builds, as validation found it. */
interface ZonePlan {
    associations: KeyedZoneVpc[];
    authorizations: KeyedZoneVpc[];
}

/**
 * Checks every argument of {@link AwsPrivateDnsZone} that is known now, and throws a
 * `ValidationError` naming the field and the fix for the first problem. Values that are Outputs
 * are checked by the same rules when they resolve. Never throws anything else, whatever it is
 * given.
 */
export function validateAwsPrivateDnsZoneArgs(name: string, args: AwsPrivateDnsZoneArgs): void {
    planZone(name, args);
}

function planZone(name: string, args: AwsPrivateDnsZoneArgs): ZonePlan {
    const v = startValidation(COMPONENT, name, args, "pass the arguments as an object with at least domainName and vpcs");

    // Domain name.
    if (args.domainName === undefined || args.domainName === null || (typeof args.domainName === "string" && args.domainName.trim() === "")) {
        v.fail("domainName", args.domainName, "but it is required", 'give the zone\'s domain, e.g. "internal.example.com"');
    }
    requireValid(v, "domainName", args.domainName, DOMAIN_NAME);
    const domain = isKnown(args.domainName) ? normalizeDnsName(args.domainName) : undefined;

    // VPCs of the zone owner, then of other accounts; a VPC id may appear once across both.
    const seen = new Map<string, string>();
    const vpcs = validateZoneVpcs(v, "vpcs", args.vpcs, seen, { required: true, fix: "list at least one VPC of the zone owner's account, e.g. [{ vpcId: vpc.id }]" });
    if (vpcs.length === 0) {
        v.fail("vpcs", args.vpcs, "but Route 53 needs at least one VPC to create a private zone", "list at least one VPC of the zone owner's account, e.g. [{ vpcId: vpc.id }]");
    }
    const cross = validateZoneVpcs(v, "crossAccountVpcs", args.crossAccountVpcs, seen);

    // Records.
    const claims = new RecordClaims(v);
    validateObjectList<AwsPrivateDnsZoneAliasRecordArgs>(v, "records", args.records, (record, field) => {
        const parsed = validateRecordName(v, `${field}.name`, record.name, domain);
        requireValidValue(v, `${field}.endpointDnsName`, record.endpointDnsName, ENDPOINT_DNS_NAME, "pass the endpoint's DNS name, e.g. endpoint.dnsEntries[0].dnsName");
        requireValidValue(v, `${field}.endpointHostedZoneId`, record.endpointHostedZoneId, HOSTED_ZONE_ID, "pass the hosted zone id of the endpoint's DNS name, e.g. endpoint.dnsEntries[0].hostedZoneId");
        requireBoolean(v, `${field}.ipv6`, record.ipv6, { mustBeKnown: true });
        claims.claim(`${field}.name`, record.name, parsed, "alias", record.ipv6 ? ["A", "AAAA"] : ["A"]);
    });

    const recordTypes = Object.values(AwsPrivateDnsRecordType) as string[];
    validateObjectList<AwsPrivateDnsZoneStaticRecordArgs>(v, "staticRecords", args.staticRecords, (record, field) => {
        const parsed = validateRecordName(v, `${field}.name`, record.name, domain);
        if (record.type === undefined || record.type === null) {
            v.fail(`${field}.type`, record.type, "but it is required", `give the record type, one of ${recordTypes.join(", ")}`);
        }
        // The type decides the logical name and the value checks, so it must be plain.
        requireOneOf(v, `${field}.type`, record.type, recordTypes, { mustBeKnown: true });
        if (record.type === AwsPrivateDnsRecordType.CNAME && parsed.apex) {
            v.fail(
                `${field}.name`,
                record.name,
                "but a CNAME cannot be at the zone apex, which holds the zone's SOA and NS records",
                "use a name below the apex, or an alias record (records) for an endpoint",
            );
        }
        validateStaticValues(v, field, record);
        requireValid(v, `${field}.ttl`, record.ttl, (x) => (x === undefined ? undefined : TTL(x)));
        claims.claim(`${field}.name`, record.name, parsed, "record", [record.type]);
    });

    // Zone settings.
    requireValid(v, "comment", args.comment, (x) => (x === undefined ? undefined : COMMENT(x)));
    requireBoolean(v, "forceDestroy", args.forceDestroy);
    validateAwsTags(v, "tags", args.tags, { keyErrorsOnMap: true });
    requireNameFitsTags(v, name);

    // The first VPC is set on the zone itself and names no child; the others do.
    return {
        associations: keyedZoneVpcs(v, "vpcs", vpcs.slice(1), 1),
        authorizations: keyedZoneVpcs(v, "crossAccountVpcs", cross),
    };
}

/** A record name, parsed. */
interface ParsedRecordName {
    /** The name as written, lower case, without its trailing dot (`@` kept). */
    written: string;
    /** The fully-qualified name, when the zone's domain is known. */
    fqdn?: string;
    /** Whether the record is at the zone apex (`@` or the domain itself). */
    apex: boolean;
}

/** Validates a record name (relative, `@`, or within the zone) and returns it parsed. */
function validateRecordName(v: Validator, field: string, value: unknown, domain: string | undefined): ParsedRecordName {
    const fix = 'use a name relative to the zone such as "api", "*" or "@", or a full name within the zone';
    if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) {
        v.fail(field, value, "but a record name is required", fix);
    }
    if (typeof value !== "string") {
        // The name keys the child's logical name, so it must be plain text, not an Output.
        v.fail(field, isKnown(value) ? value : "<output>", "which is not plain text", fix);
    }
    if (/\s/.test(value)) {
        v.fail(field, value, "which contains whitespace", fix);
    }
    const absolute = value.endsWith(".");
    const written = normalizeDnsName(value);
    if (written === "@") {
        if (absolute) {
            v.fail(field, value, "which is not a DNS name", fix);
        }
        return { written, fqdn: domain, apex: true };
    }
    const labels = written.split(".");
    labels.forEach((label, i) => {
        if (label.length === 0) {
            v.fail(field, value, "which has an empty label (a leading dot or two dots in a row)", fix);
        }
        if (label.length > 63) {
            v.fail(field, value, "which has a label longer than 63 characters", fix);
        }
        if (label === "*" ? i !== 0 : !isDnsLabel(label)) {
            v.fail(field, value, `whose label "${label}" is not letters, digits, "_" and inner hyphens ("*" only first)`, fix);
        }
    });
    if (domain === undefined) {
        if (absolute) {
            v.fail(
                field,
                value,
                "which is absolute, but domainName is not known until deployment, so it cannot be checked against the zone",
                "write the name relative to the zone, e.g. \"api\"",
            );
        }
        return { written, apex: false };
    }
    const within = written === domain || written.endsWith(`.${domain}`);
    if (!within) {
        // Absolute names must be in the zone. A relative name that ends in the zone's parent
        // domain (api.example.com for zone internal.example.com) is almost always a full name of
        // another zone written by mistake, not the record api.example.com.internal.example.com.
        const parent = domain.split(".").slice(1).join(".");
        if (absolute || written === parent || written.endsWith(`.${parent}`)) {
            v.fail(field, value, `which lies outside the zone "${domain}"`, fix);
        }
    }
    const fqdn = resolveRecordName(value, domain);
    if (fqdn.length > 253) {
        v.fail(field, value, "which makes a name longer than 253 characters", "shorten the record name");
    }
    return { written, fqdn, apex: fqdn === domain };
}

/**
 * Tracks which names and types the records take, to catch duplicates, CNAME conflicts, and two
 * names that would map to one logical name.
 */
class RecordClaims {
    /** Name (FQDN, or the written name when the domain is unknown) → type → field. */
    private readonly byName = new Map<string, Map<string, string>>();
    /** Logical-name key → field and written name. */
    private readonly byKey = new Map<string, { field: string; written: string }>();

    constructor(private readonly v: Validator) {}

    public claim(field: string, value: string, parsed: ParsedRecordName, role: string, types: string[]): void {
        const name = parsed.fqdn ?? parsed.written;
        const taken = this.byName.get(name) ?? new Map<string, string>();
        for (const type of types) {
            const same = taken.get(type);
            if (same !== undefined) {
                this.v.fail(field, value, `which repeats the ${type} record of ${same}`, "list each name and type once");
            }
            const cname = taken.get("CNAME");
            if (type === "CNAME" ? taken.size > 0 : cname !== undefined) {
                const other = type === "CNAME" ? [...taken.values()][0] : cname;
                this.v.fail(
                    field,
                    value,
                    `which collides with ${other}: a CNAME cannot share its name with another record`,
                    "use a different name for one of the two",
                );
            }
            taken.set(type, field);
        }
        this.byName.set(name, taken);

        const key = `${role}:${recordKey(value)}:${role === "record" ? types[0] : ""}`;
        const earlier = this.byKey.get(key);
        if (earlier !== undefined && earlier.written !== parsed.written) {
            this.v.fail(
                field,
                value,
                `which maps to the same logical name as ${earlier.field} ("${recordKey(value)}")`,
                "write both names the same way (relative, or full), or rename one of them",
            );
        }
        this.byKey.set(key, { field, written: parsed.written });
    }
}

/** Validates the values of a static record against its type. */
function validateStaticValues(v: Validator, field: string, record: AwsPrivateDnsZoneStaticRecordArgs): void {
    const values = record.values;
    if (!Array.isArray(values) || values.length === 0) {
        v.fail(`${field}.values`, isKnown(values) ? values : "<output>", Array.isArray(values) ? "but a record needs at least one value" : "which is not a list", "list the record's values");
    }
    if (record.type === AwsPrivateDnsRecordType.CNAME && values.length !== 1) {
        v.fail(`${field}.values`, values, "but a CNAME has exactly one value", "give the one name it points to");
    }
    const check = staticValueCheck(record.type);
    const seen = new Map<string, number>();
    for (let i = 0; i < values.length; i++) {
        const f = `${field}.values[${i}]`;
        const value: unknown = values[i];
        if (!(i in values) || value === undefined || value === null || (typeof value === "string" && value.trim() === "")) {
            v.fail(f, value, "which is an empty entry", "remove the empty value");
        }
        if (!isKnown(value)) {
            continue;
        }
        requireValid(v, f, value, check);
        const key = (value as string).toLowerCase();
        if (seen.has(key)) {
            v.fail(f, value, `which repeats ${field}.values[${seen.get(key)}]`, "list each value once");
        }
        seen.set(key, i);
    }
}

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

/**
 * The fully-qualified name of a record in zone `domain`: `@` is the apex; a name ending in a dot,
 * equal to the domain or ending in `.<domain>` is already full; anything else is relative.
 */
export function resolveRecordName(recordName: string, domain: string): string {
    const zone = normalizeDnsName(domain);
    const absolute = recordName.endsWith(".");
    const name = normalizeDnsName(recordName);
    if (name === "@") {
        return zone;
    }
    if (absolute || name === zone || name.endsWith(`.${zone}`)) {
        return name;
    }
    return `${name}.${zone}`;
}
