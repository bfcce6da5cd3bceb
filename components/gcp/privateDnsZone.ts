/**
 * `GcpPrivateDnsZone` is a private Cloud DNS zone shared by several VPC networks, with its record
 * sets: the hub zone of a hub-and-spoke network (Cloud Foundation Fabric's `dns` module with a
 * private `zone_config`), where PSC endpoints of many services get their names.
 *
 * The graph: zone → record-<name>-<type> …
 */
import * as pulumi from "@pulumi/pulumi";
import {
    childName,
    isHostName,
    isIpAddress,
    isKnown,
    mergeLabels,
    normalizeDnsName,
    parseCidr,
    requireArray,
    requireBoolean,
    requireEntryKeys,
    requireInteger,
    requireObject,
    requireOneOf,
    requireString,
    requireStringList,
    requireValue,
    startValidation,
    typeToken,
    Validator,
} from "../core";
import { createPrivateZone, createRecordSet, DEFAULT_RECORD_TTL, fqdn, GcpDnsRecordType, recordFqdn, recordSetKey, validateRecordName, validateZoneDnsName, validateZoneNetworks } from "./dns";
import { requireAutonameFits, requireGcpComponentName, requireGcpProject, validateGcpLabels } from "./validation";

const COMPONENT = "GcpPrivateDnsZone";

/** One record set of the zone. */
export interface GcpPrivateDnsRecordArgs {
    /**
     * The record's name relative to the zone (`orders`, `@` for the zone's own name, `*` for every
     * name below it), or in full with the trailing dot (`orders.svc.internal.`). The record is
     * named after it and its type, so adding one never touches the others.
     */
    name: string;
    /** The record type. */
    type: GcpDnsRecordType;
    /**
     * The record data: addresses for A and AAAA, one absolute name (with its trailing dot) for a
     * CNAME, text for TXT. Order does not matter.
     */
    values: pulumi.Input<string>[];
    /**
     * The TTL, in seconds.
     * @default 300
     */
    ttl?: pulumi.Input<number>;
}

/** The arguments of {@link GcpPrivateDnsZone}. */
export interface GcpPrivateDnsZoneArgs {
    /**
     * The zone's DNS name, e.g. `svc.internal.` (any case; the trailing dot may be left out).
     * Changing it replaces the zone.
     */
    dnsName: string;
    /**
     * The VPC networks whose clients resolve the zone, by id or self link: the hub and every
     * spoke that does not reach it through DNS peering. Order does not matter.
     */
    networks: pulumi.Input<string>[];
    /**
     * GKE clusters (ids, `projects/<p>/locations/<l>/clusters/<c>`) whose pods resolve the zone
     * through Cloud DNS for GKE. Order does not matter.
     * @default []
     */
    gkeClusters?: pulumi.Input<string>[];
    /**
     * The zone's record sets; one per name and type.
     * @default []
     */
    records?: GcpPrivateDnsRecordArgs[];
    /**
     * The project of the zone.
     * @default the provider's project
     */
    project?: pulumi.Input<string>;
    /**
     * A description of the zone.
     * @default "Private DNS zone <dnsName> (managed by privatelink)"
     */
    description?: pulumi.Input<string>;
    /**
     * Whether destroying the zone also deletes records created outside this component (by other
     * stacks, say). Without it, Cloud DNS refuses to delete a zone that still holds records.
     * @default false
     */
    forceDestroy?: pulumi.Input<boolean>;
    /**
     * Labels for the zone, over the component's own `managed-by` and `privatelink-component` labels.
     * @default {}
     */
    labels?: { [key: string]: string };
}

/** A record made absolute and keyed. */
interface PlannedRecord {
    key: string;
    fqdn: string;
    args: GcpPrivateDnsRecordArgs;
}

/**
 * Validates every plain argument of {@link GcpPrivateDnsZone} and throws a `ValidationError`
 * naming the field, the value and the fix. Values that are Outputs are left for Google Cloud to
 * judge.
 *
 * Internal. Exported for testing and for callers that want to check arguments up front.
 */
export function validateGcpPrivateDnsZoneArgs(name: string, args: GcpPrivateDnsZoneArgs): void {
    planRecords(name, args);
}

function planRecords(name: string, args: GcpPrivateDnsZoneArgs): PlannedRecord[] {
    const v: Validator = startValidation(COMPONENT, name, args, 'pass an arguments object, e.g. { dnsName: "svc.internal.", networks: [hub.id, spoke.id] }');
    requireGcpComponentName(v, name);
    requireAutonameFits(v, "name", name, childName(name, "zone"));
    const a = args as unknown as Record<string, unknown>;
    validateZoneDnsName(v, "dnsName", a.dnsName);
    const zone = a.dnsName as string;
    validateZoneNetworks(v, "networks", a.networks, { required: true });
    requireStringList(v, "gkeClusters", a.gkeClusters);
    ((a.gkeClusters as unknown[] | undefined) ?? []).forEach((c, i) => {
        if (isKnown(c) && !/^projects\/[^/]+\/locations\/[^/]+\/clusters\/[^/]+$/.test(c as string)) {
            v.fail(`gkeClusters[${i}]`, c, "which is not a GKE cluster id", 'use "projects/<project>/locations/<location>/clusters/<cluster>", e.g. cluster.id');
        }
    });
    requireGcpProject(v, "project", a.project);
    requireString(v, "description", a.description, { expected: "a short description of the zone" });
    requireBoolean(v, "forceDestroy", a.forceDestroy);
    validateGcpLabels(v, "labels", a.labels);

    requireArray(v, "records", a.records);
    const records = (a.records as unknown[] | undefined) ?? [];
    const planned = records.map((r, i) => {
        const field = `records[${i}]`;
        requireObject(v, field, r, 'pass { name: "orders", type: "A", values: ["10.10.0.50"] }', { mustBeKnown: true });
        const rec = r as Record<string, unknown>;
        const relative = validateRecordName(v, `${field}.name`, rec.name, zone);
        requireValue(v, `${field}.type`, rec.type, 'give the record type, e.g. "A"');
        requireOneOf(v, `${field}.type`, rec.type, Object.values(GcpDnsRecordType), { mustBeKnown: true });
        const type = rec.type as GcpDnsRecordType;
        requireValue(v, `${field}.values`, rec.values, "list the record data, e.g. the endpoint's address");
        requireStringList(v, `${field}.values`, rec.values);
        const values = rec.values as unknown[];
        if (values.length === 0) {
            v.fail(`${field}.values`, values, "but a record set needs at least one value", "list the record data, or remove the record");
        }
        validateRecordValues(v, `${field}.values`, type, values, relative);
        requireInteger(v, `${field}.ttl`, rec.ttl, 0, 604800);
        return { relative, type, args: r as GcpPrivateDnsRecordArgs };
    });
    // One record set per name and type; a CNAME stands alone at its name.
    const keys = requireEntryKeys(
        v,
        "records",
        planned.map((p) => ({ value: recordSetKey(p.relative, p.type) })),
        { valueField: "name", form: (key) => key, duplicateFix: "put every value of a name and type into one record's values" },
    );
    planned.forEach((p, i) => {
        if (p.type !== GcpDnsRecordType.CNAME) {
            return;
        }
        const other = planned.findIndex((q, j) => j !== i && q.relative === p.relative);
        if (other !== -1) {
            v.fail(`records[${i}].type`, p.type, `but records[${other}] has the same name, and a CNAME must stand alone at its name`, "remove one of the two records");
        }
    });
    return planned.map((p, i) => ({ key: keys[i], fqdn: recordFqdn(p.relative, zone), args: p.args }));
}

/** Checks the known values of a record against its type. */
function validateRecordValues(v: Validator, field: string, type: GcpDnsRecordType, values: unknown[], relative: string): void {
    if (type === GcpDnsRecordType.CNAME) {
        if (relative === "@") {
            v.fail(field.replace(/\.values$/, ".name"), "@", "but a CNAME cannot sit at the zone's own name (it holds the zone's SOA and NS records)", "use an A record at the apex, or a CNAME below it");
        }
        if (values.length !== 1) {
            v.fail(field, values, "but a CNAME has exactly one target", "give one target name");
        }
    }
    values.forEach((value, i) => {
        if (!isKnown(value)) {
            return;
        }
        const text = value as string;
        const at = `${field}[${i}]`;
        if (type === GcpDnsRecordType.A && !(isIpAddress(text) && !text.includes(":"))) {
            v.fail(at, text, "which is not an IPv4 address", 'use an address such as "10.10.0.50"');
        }
        if (type === GcpDnsRecordType.AAAA && !(isIpAddress(text) && text.includes(":") && parseCidr(`${text}/128`) !== undefined)) {
            v.fail(at, text, "which is not an IPv6 address", 'use an address such as "fd20::50"');
        }
        if ((type === GcpDnsRecordType.CNAME || type === GcpDnsRecordType.PTR) && !(text.endsWith(".") && isHostName(text, { minLabels: 2 }))) {
            v.fail(at, text, "which is not an absolute host name with its trailing dot", 'write the target in full, e.g. "orders.example.com."');
        }
    });
}

/**
 * A private Cloud DNS zone shared by several networks, with record sets.
 *
 * Secure by default: the zone is private and visible only to the listed networks (and GKE
 * clusters), so its names never appear in public DNS.
 *
 * Children (logical names):
 * - `${name}-zone`: the private `gcp.dns.ManagedZone`;
 * - `${name}-record-<name>-<type>`: one `gcp.dns.RecordSet` per record, named after its name and
 *   type (`hub-record-orders-a`, `hub-record-apex-txt`, `hub-record-wildcard-cname`).
 */
export class GcpPrivateDnsZone extends pulumi.ComponentResource {
    /** The managed zone's name, which `GcpPrivateEndpoint.existingZone.managedZone` takes. */
    public readonly zoneName: pulumi.Output<string>;
    /** The managed zone's id (`projects/<p>/managedZones/<n>`). */
    public readonly zoneId: pulumi.Output<string>;
    /** The zone's DNS name, lower case with its trailing dot. */
    public readonly dnsName: pulumi.Output<string>;
    /** The absolute names of the records (without the trailing dot), in the order given. */
    public readonly recordNames: pulumi.Output<string[]>;
    /** The self links of the networks the zone is visible to, sorted. */
    public readonly networkUrls: pulumi.Output<string[]>;

    /**
     * @param name The logical name; children are named `${name}-<role>`. Lower case, because
     *   the zone's Google Cloud name starts with it.
     * @param args The zone, the networks it is visible to and its records.
     * @param opts Options for the component; pass providers with `providers: { gcp }`.
     */
    constructor(name: string, args: GcpPrivateDnsZoneArgs, opts?: pulumi.ComponentResourceOptions) {
        // Validate before registering anything, so a bad argument leaves no half-built graph.
        const records = planRecords(name, args);
        super(typeToken(COMPONENT), name, {}, opts);

        const zone = createPrivateZone(this, childName(name, "zone"), {
            dnsName: args.dnsName,
            networks: args.networks,
            gkeClusters: args.gkeClusters,
            description: args.description ?? `Private DNS zone ${fqdn(args.dnsName)} (managed by privatelink)`,
            labels: mergeLabels(name, args.labels),
            project: args.project,
            forceDestroy: args.forceDestroy,
        });
        for (const r of records) {
            createRecordSet(this, childName(name, "record", r.key), {
                managedZone: zone.name,
                name: r.fqdn,
                type: r.args.type,
                ttl: r.args.ttl ?? DEFAULT_RECORD_TTL,
                rrdatas: r.args.values,
                project: args.project,
            });
        }

        this.zoneName = zone.name;
        this.zoneId = zone.id;
        this.dnsName = zone.dnsName;
        this.recordNames = pulumi.output(records.map((r) => normalizeDnsName(r.fqdn)));
        this.networkUrls = zone.privateVisibilityConfig.apply((c) => (c?.networks ?? []).map((n) => n.networkUrl));
        this.registerOutputs({
            zoneName: this.zoneName,
            zoneId: this.zoneId,
            dnsName: this.dnsName,
            recordNames: this.recordNames,
            networkUrls: this.networkUrls,
        });
    }
}
