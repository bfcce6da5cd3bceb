/**
 * Cloud DNS for Private Service Connect, shared by the Google Cloud components: private managed
 * zones bound to networks, and record sets in them. `GcpPrivateDnsZone`, `GcpPrivateEndpoint`
 * and `GcpGoogleApisEndpoint` all build their zones and records here, so a zone is private and
 * bound the same way whichever component made it, and record names read the same everywhere.
 */
import * as pulumi from "@pulumi/pulumi";
import * as dns from "@pulumi/gcp/dns";
import { isDnsName, isKnown, normalizeDnsName, recordKey, requireArray, requireValue, Validator } from "../core";
import { sortedStrings } from "./sets";
import { NETWORK_REF, requireGcpRef, selfLinkOf } from "./validation";

/** The record types the components write. */
export enum GcpDnsRecordType {
    /** IPv4 addresses. */
    A = "A",
    /** IPv6 addresses. */
    AAAA = "AAAA",
    /** An alias to another name; alone at its name, never at the zone apex. */
    CNAME = "CNAME",
    /** Free text, e.g. a domain verification token. */
    TXT = "TXT",
    /** Service locations: `priority weight port target.`. */
    SRV = "SRV",
    /** Mail exchangers: `preference host.`. */
    MX = "MX",
    /** Reverse lookups: a host name. */
    PTR = "PTR",
    /** Certificate authorities allowed to issue for the name. */
    CAA = "CAA",
}

/** The TTL the components give their records, in seconds. */
export const DEFAULT_RECORD_TTL = 300;

/** A DNS name as Cloud DNS writes zone and record names: lower case with one trailing dot. */
export function fqdn(name: string): string {
    return `${normalizeDnsName(name)}.`;
}

/**
 * The name of a record in a zone, relative to it: `@` for the apex, `api`, `*`, `*.svc`. A name
 * given with a trailing dot is absolute and must lie in the zone; undefined when it does not.
 */
export function relativeName(record: string, zoneDnsName: string): string | undefined {
    const zone = normalizeDnsName(zoneDnsName);
    if (record === "@") {
        return "@";
    }
    if (!record.endsWith(".")) {
        return normalizeDnsName(record);
    }
    const name = normalizeDnsName(record);
    if (name === zone) {
        return "@";
    }
    return name.endsWith(`.${zone}`) ? name.slice(0, -(zone.length + 1)) : undefined;
}

/** The absolute name (trailing dot) of a record given relative to its zone (see {@link relativeName}). */
export function recordFqdn(relative: string, zoneDnsName: string): string {
    return relative === "@" ? fqdn(zoneDnsName) : fqdn(`${relative}.${normalizeDnsName(zoneDnsName)}`);
}

/** The logical-name key of a record: its relative name (`apex`, `wildcard`, `api`) and its type. */
export function recordSetKey(relative: string, type: string): string {
    return `${recordKey(relative)}-${type.toLowerCase()}`;
}

/** Throws unless `value` is a DNS zone name (any case, with or without the trailing dot) of two labels or more. */
export function validateZoneDnsName(v: Validator, field: string, value: unknown): void {
    requireValue(v, field, value, 'give the zone\'s DNS name, e.g. "svc.internal."');
    if (!isKnown(value) || !isDnsName(value) || normalizeDnsName(value).split(".").length < 2) {
        v.fail(field, isKnown(value) ? value : "<output>", "which is not a DNS name of two labels or more known when the program runs", 'write the zone\'s name, e.g. "svc.internal."');
    }
}

/**
 * Throws unless `value` names a record in the zone `zoneDnsName`: `@`, a relative name (`api`,
 * `*`, `*.svc`) or an absolute name in the zone with its trailing dot. Returns the relative name.
 */
export function validateRecordName(v: Validator, field: string, value: unknown, zoneDnsName: string): string {
    if (typeof value !== "string" || value.trim() === "") {
        v.fail(field, isKnown(value) ? value : "<output>", "which is not a record name known when the program runs", 'write the name relative to the zone ("api", "@" for the apex, "*" for a wildcard) or in full with a trailing dot');
    }
    if (value !== "@" && !isDnsName(value, { wildcard: true })) {
        v.fail(field, value, "which is not a DNS name", 'use labels of letters, digits, "_" and "-", e.g. "api" or "*"');
    }
    const relative = relativeName(value, zoneDnsName);
    if (relative === undefined) {
        v.fail(field, value, `which is not in the zone ${fqdn(zoneDnsName)}`, `write a name ending in ".${fqdn(zoneDnsName)}", or a name relative to the zone`);
    }
    if (relative.split(".").slice(1).includes("*")) {
        v.fail(field, value, "which has a * that is not its first label", 'put the wildcard first, e.g. "*.svc"');
    }
    const full = recordFqdn(relative, zoneDnsName);
    if (full.length > 254) {
        v.fail(field, value, `which makes the name ${full} longer than 253 characters`, "shorten the record name");
    }
    return relative;
}

/**
 * Throws unless `value` is a list of network ids or self links (the networks a private zone is
 * visible to). With `required`, the list must be present and non-empty.
 */
export function validateZoneNetworks(v: Validator, field: string, value: unknown, options: { required?: boolean } = {}): void {
    if (options.required) {
        requireValue(v, field, value, "list the networks whose clients resolve the zone, e.g. [vpc.id]");
    }
    requireArray(v, field, value);
    const list = (value as unknown[] | undefined) ?? [];
    if (options.required && list.length === 0) {
        v.fail(field, list, "but a private zone must be visible to at least one network", "list the networks whose clients resolve the zone, e.g. [vpc.id]");
    }
    const seen = new Map<string, number>();
    list.forEach((network, i) => {
        requireValue(v, `${field}[${i}]`, network, "remove the empty entry, or give a network id");
        const ref = requireGcpRef(v, `${field}[${i}]`, network, NETWORK_REF);
        if (ref) {
            const id = `${ref.project}/${ref.name}`;
            if (seen.has(id)) {
                v.fail(`${field}[${i}]`, network, `which repeats ${field}[${seen.get(id)}]`, "list each network once");
            }
            seen.set(id, i);
        }
    });
}

/** What a private zone is made of. */
export interface PrivateZoneSpec {
    /** The zone's DNS name, in any case, with or without its trailing dot. */
    dnsName: string;
    /** Network ids or self links whose clients resolve the zone. */
    networks: readonly pulumi.Input<string>[];
    /** GKE cluster ids whose pods resolve the zone. */
    gkeClusters?: readonly pulumi.Input<string>[];
    /** What the zone is for. */
    description: pulumi.Input<string>;
    labels: Record<string, string>;
    project?: pulumi.Input<string>;
    /** Whether destroying the zone also deletes records someone else added. */
    forceDestroy?: pulumi.Input<boolean>;
}

/**
 * Creates a private managed zone bound to its networks. The network and cluster lists are sent
 * sorted and in full self-link form (the provider keeps them as sets and Google Cloud answers in
 * that form), and an empty cluster list is sent explicitly so that removing the last cluster
 * reaches the provider.
 */
export function createPrivateZone(parent: pulumi.Resource, logicalName: string, spec: PrivateZoneSpec): dns.ManagedZone {
    const networks = mapList(sortedStrings(spec.networks, (n) => selfLinkOf(n) as string), (networkUrl) => ({ networkUrl }));
    const gkeClusters = mapList(sortedStrings(spec.gkeClusters ?? []), (gkeClusterName) => ({ gkeClusterName }));
    return new dns.ManagedZone(
        logicalName,
        {
            dnsName: fqdn(spec.dnsName),
            description: spec.description,
            // A private zone answers only the networks bound to it: the endpoint IPs never appear
            // in public DNS, and clients elsewhere keep resolving the public names.
            visibility: "private",
            privateVisibilityConfig: { networks, gkeClusters },
            forceDestroy: spec.forceDestroy ?? false,
            labels: spec.labels,
            project: spec.project,
        },
        { parent },
    );
}

/** Maps a list that is plain when known now, keeping it plain (see `sortedSet`). */
function mapList<T>(list: pulumi.Input<string[]>, f: (item: string) => T): pulumi.Input<T[]> {
    return Array.isArray(list) ? list.map(f) : pulumi.output(list).apply((items) => items.map(f));
}

/** What a record set is made of. */
export interface RecordSetSpec {
    /** The managed zone's name (not its DNS name). */
    managedZone: pulumi.Input<string>;
    /** The absolute record name, with its trailing dot. */
    name: string;
    type: pulumi.Input<string>;
    /** The record data; sent sorted, since a DNS record set has no order. */
    rrdatas: readonly pulumi.Input<string>[];
    ttl?: pulumi.Input<number>;
    project?: pulumi.Input<string>;
}

/** Creates one record set. */
export function createRecordSet(parent: pulumi.Resource, logicalName: string, spec: RecordSetSpec): dns.RecordSet {
    return new dns.RecordSet(
        logicalName,
        {
            managedZone: spec.managedZone,
            name: spec.name,
            type: spec.type,
            ttl: spec.ttl ?? DEFAULT_RECORD_TTL,
            rrdatas: sortedStrings(spec.rrdatas),
            project: spec.project,
        },
        { parent },
    );
}
