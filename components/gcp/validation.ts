/**
 * Google Cloud rules that every Google Cloud component applies the same way: regions (never a
 * zone), references (self links and ids of networks, subnetworks, forwarding rules, service
 * attachments), project ids, labels, and the names Pulumi derives for children. Generic argument
 * checks live in `core/validate.ts`; the keys that name children after list entries live beside
 * `childName` in `core/naming.ts`.
 */
import * as pulumi from "@pulumi/pulumi";
import { computeSelfLink, GcpRef, isGcpProjectId, isGcpProjectNumber, isGcpRegion, isGcpZone, parseGcpRef } from "../../common/gcp";
import { COMPONENT_TAG, isKnown, isValidLabelKey, isValidLabelValue, MANAGED_BY_TAG, requireString, requireStringMap, Validator } from "../core";

// ---------------------------------------------------------------------------------------------
// Regions and projects

/** Throws unless `value` is undefined, not known yet, or a region name; a zone gets its own message. */
export function requireGcpRegion(v: Validator, field: string, value: unknown): void {
    if (!isKnown(value)) {
        return;
    }
    requireString(v, field, value, { nonEmpty: true, expected: 'a region such as "europe-west3"' });
    if (isGcpZone(value)) {
        v.fail(field, value, "which is a zone, but a region is needed", `use the region, "${(value as string).slice(0, -2)}"`);
    }
    if (!isGcpRegion(value)) {
        v.fail(field, value, "which is not a Google Cloud region", 'use a region such as "europe-west3" or "us-central1"');
    }
}

/** Throws unless `value` is undefined, not known yet, or a project id (`my-project`) or number. */
export function requireGcpProject(v: Validator, field: string, value: unknown): void {
    if (!isKnown(value)) {
        return;
    }
    if (!isGcpProjectId(value) && !isGcpProjectNumber(value)) {
        v.fail(field, value, "which is not a project id or number", 'use the project id, e.g. "consumer-project-1", or its number, e.g. "123456789012"');
    }
}

// ---------------------------------------------------------------------------------------------
// References

/** What {@link requireGcpRef} accepts. */
export interface GcpRefRule {
    /** The collections the reference may name, e.g. `["networks"]`. */
    collections: readonly string[];
    /** What the value should be, for messages: "a network id or self link". */
    what: string;
    /** An example of a good value. */
    example: string;
    /** Accept a bare resource name (resolved by Google Cloud in the resource's own project). @default false */
    allowName?: boolean;
    /** Insist on `projects/<p>/...`: the reference crosses projects or is compared as a URL. @default true unless allowName */
    requireProject?: boolean;
}

/**
 * Throws unless `value` is undefined, not known yet, or a reference of one of the rule's
 * collections, in any form Google Cloud accepts (self link, `projects/…` id). Returns the parsed
 * reference when the value is known.
 */
export function requireGcpRef(v: Validator, field: string, value: unknown, rule: GcpRefRule): GcpRef | undefined {
    if (!isKnown(value)) {
        return undefined;
    }
    requireString(v, field, value, { nonEmpty: true, expected: `${rule.what}, e.g. "${rule.example}"` });
    const ref = parseGcpRef(value);
    const fix = `pass ${rule.what}, e.g. "${rule.example}"`;
    if (ref === undefined) {
        v.fail(field, value, `which is not ${rule.what}`, fix);
    }
    if (ref.collection === undefined) {
        if (!rule.allowName) {
            v.fail(field, value, `which is a bare name, but ${rule.what} is needed`, fix);
        }
        if (!/^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/.test(ref.name)) {
            v.fail(field, value, "which is not a Google Cloud resource name", fix);
        }
        return ref;
    }
    if (!rule.collections.includes(ref.collection)) {
        v.fail(field, value, `which names a ${ref.collection} resource, not ${rule.what}`, fix);
    }
    if ((rule.requireProject ?? !rule.allowName) && ref.project === undefined) {
        v.fail(field, value, "which leaves out its project", fix);
    }
    return ref;
}

/** The reference rule for VPC networks: an id or self link naming the project. */
export const NETWORK_REF: GcpRefRule = {
    collections: ["networks"],
    what: "a network id or self link",
    example: "projects/my-project/global/networks/my-vpc",
};

/** The reference rule for subnetworks: an id, self link or name in the resource's project. */
export const SUBNETWORK_REF: GcpRefRule = {
    collections: ["subnetworks"],
    what: "a subnetwork id, self link or name",
    example: "projects/my-project/regions/europe-west3/subnetworks/my-subnet",
    allowName: true,
};

/**
 * A reference in the full self-link form when it is known and names its project (Google Cloud
 * answers with that form, so a value written so never shows a permanent diff), else as given.
 */
export function selfLinkOf(value: pulumi.Input<string>): pulumi.Input<string> {
    if (isKnown(value)) {
        return computeSelfLink(value) ?? value;
    }
    return pulumi.output(value).apply((v) => computeSelfLink(v) ?? v);
}

/** The region a known reference names (`regions/<r>/…`), if any. */
export function regionOf(value: unknown): string | undefined {
    if (!isKnown(value)) {
        return undefined;
    }
    const location = parseGcpRef(value)?.location;
    return location !== undefined && isGcpRegion(location) ? location : undefined;
}

/**
 * Throws when a known region argument and the region a known reference names differ: the
 * resources of one Private Service Connect service or endpoint live in one region.
 */
export function requireSameRegion(v: Validator, field: string, value: unknown, region: unknown, regionField: string): void {
    const named = regionOf(value);
    if (named !== undefined && isKnown(region) && typeof region === "string" && region !== named) {
        v.fail(field, value, `which is in ${named}, but ${regionField} is ${region}`, `use a resource in ${region}, or set ${regionField} to "${named}"`);
    }
}

// ---------------------------------------------------------------------------------------------
// Labels

/** The most labels a Google Cloud resource takes. */
export const GCP_MAX_LABELS = 64;

/**
 * Validates user labels: a plain map known now, at most {@link GCP_MAX_LABELS} keys together with
 * the component's own, keys of 1–63 lower-case letters, digits, `_` and `-` starting with a
 * letter, values of at most 63 of the same characters.
 */
export function validateGcpLabels(v: Validator, field: string, value: unknown): void {
    requireStringMap(v, field, value, (key, label) => {
        if (!isValidLabelKey(key)) {
            v.fail(`${field}.${key}`, label, `but "${key}" is not a label key Google Cloud accepts (1–63 lower-case letters, digits, _ and -, starting with a letter)`, "rename the label key");
        }
        if (typeof label === "string" && !isValidLabelValue(label)) {
            v.fail(`${field}.${key}`, label, "which is not a label value Google Cloud accepts (at most 63 lower-case letters, digits, _ and -)", "write the value in lower case without spaces or dots");
        }
    });
    const keys = new Set([MANAGED_BY_TAG, COMPONENT_TAG, ...Object.keys((value as Record<string, string> | undefined) ?? {})]);
    if (keys.size > GCP_MAX_LABELS) {
        v.fail(field, `<${keys.size - 2} labels>`, `but a Google Cloud resource takes at most ${GCP_MAX_LABELS} labels, 2 of them the component's`, "drop some labels");
    }
}

// ---------------------------------------------------------------------------------------------
// Names of children

/** The most characters of a Compute Engine or Cloud DNS resource name. */
export const GCP_MAX_NAME = 63;
/** What Pulumi appends to a logical name to make a physical name: `-` and seven hex digits. */
const AUTONAME_SUFFIX = 8;

/**
 * Throws unless the component's logical name can start the physical names Pulumi derives for its
 * children: Google Cloud names are lower case, start with a letter and hold only letters, digits
 * and hyphens, and Pulumi does not change the case of a logical name when it autonames.
 */
export function requireGcpComponentName(v: Validator, name: string): void {
    if (!/^[a-z][-a-z0-9]*$/.test(name)) {
        v.fail("name", name, "which cannot start a Google Cloud resource name (children are named after it)", 'use lower-case letters, digits and hyphens, starting with a letter, e.g. "orders"');
    }
}

/**
 * Throws when the physical name Pulumi derives from a child's logical name (the logical name, a
 * hyphen and seven hex digits) would exceed the 63 characters Google Cloud allows. `field` and
 * `value` name the argument that makes the name long.
 */
export function requireAutonameFits(v: Validator, field: string, value: unknown, logicalName: string): void {
    if (logicalName.length + AUTONAME_SUFFIX > GCP_MAX_NAME) {
        v.fail(
            field,
            value,
            `which names a child "${logicalName}" whose Google Cloud name would be ${logicalName.length + AUTONAME_SUFFIX} characters (at most ${GCP_MAX_NAME})`,
            "shorten the component's name or this value (or give the entry a shorter key where it takes one)",
        );
    }
}
