/**
 * Subnet placement of endpoint network interfaces, and the small argument-shape checks the AWS
 * endpoint components share.
 *
 * An Interface endpoint gets one ENI per subnet and AWS allows one subnet per Availability Zone;
 * high availability needs two AZs or more. AZ names (`us-east-1a`) are mapped to physical zones
 * per account, AZ ids (`use1-az1`) are not, so both are accepted and each is checked on its own.
 */
import * as pulumi from "@pulumi/pulumi";
import { isKnown, requireArray, requireValue, slug, Validator } from "../core";

/** A subnet to place an endpoint network interface in. */
export interface AwsEndpointSubnetArgs {
    /** The subnet id. One subnet per Availability Zone. */
    subnetId: pulumi.Input<string>;
    /**
     * The subnet's Availability Zone name (e.g. `us-east-1a`). Used only to check that no two
     * subnets share a zone before anything is created.
     * @default not checked
     */
    availabilityZone?: pulumi.Input<string>;
    /**
     * The subnet's Availability Zone id (e.g. `use1-az1`), the account-independent form. Used only
     * to check that no two subnets share a zone.
     * @default not checked
     */
    availabilityZoneId?: pulumi.Input<string>;
}

/** Limits for {@link validateEndpointSubnets}. */
export interface SubnetRules {
    /** Fewest subnets allowed. */
    min: number;
    /** Most subnets allowed. */
    max?: number;
    /** The fix to suggest when there are fewer than `min`. */
    minFix: string;
    /** The fix to suggest when there are more than `max`. */
    maxFix?: string;
}

/**
 * Validates a list of endpoint subnets: a list of objects with a subnet id each, within the
 * count limits, no subnet twice, and no Availability Zone (name or id) twice where known.
 */
export function validateEndpointSubnets(v: Validator, field: string, subnets: unknown, rules: SubnetRules): void {
    requireValue(v, field, subnets, "list the subnets, one per Availability Zone, e.g. [{ subnetId: \"subnet-a\" }, { subnetId: \"subnet-b\" }]");
    requireArray(v, field, subnets);
    const list = subnets as unknown[];
    list.forEach((entry, i) => {
        if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
            v.fail(`${field}[${i}]`, entry, "which is not a subnet object", `write it as { subnetId: "subnet-…" }`);
        }
        const s = entry as Record<string, unknown>;
        requireValue(v, `${field}[${i}].subnetId`, s.subnetId, "give the subnet id, e.g. \"subnet-0123456789abcdef0\"");
        requireInputString(v, `${field}[${i}].subnetId`, s.subnetId);
        requireInputString(v, `${field}[${i}].availabilityZone`, s.availabilityZone);
        requireInputString(v, `${field}[${i}].availabilityZoneId`, s.availabilityZoneId);
    });
    if (list.length < rules.min) {
        v.fail(field, subnets, `which has ${list.length} subnet(s) but at least ${rules.min} are needed`, rules.minFix);
    }
    if (rules.max !== undefined && list.length > rules.max) {
        v.fail(field, subnets, `which has ${list.length} subnets but at most ${rules.max} are allowed`, rules.maxFix ?? `pass at most ${rules.max}`);
    }
    const typed = list as AwsEndpointSubnetArgs[];
    requireUniqueItems(v, field, "subnetId", typed.map((s) => s.subnetId));
    for (const key of ["availabilityZone", "availabilityZoneId"] as const) {
        const seen = new Map<string, number>();
        typed.forEach((s, i) => {
            const az = s[key];
            if (!isKnown(az) || az === undefined) {
                return;
            }
            if (seen.has(az)) {
                v.fail(
                    `${field}[${i}].${key}`,
                    az,
                    `which is the zone of ${field}[${seen.get(az)}] too; an endpoint takes one subnet per Availability Zone`,
                    "keep one subnet per zone and add a subnet in another zone for availability",
                );
            }
            seen.set(az, i);
        });
    }
}

/** The logical-name key of a subnet: its id when known (reordering then replaces nothing), else its position. */
export function subnetKey(subnet: AwsEndpointSubnetArgs, index: number): string {
    return isKnown(subnet.subnetId) && typeof subnet.subnetId === "string" ? slug(subnet.subnetId) : String(index);
}

// ---------------------------------------------------------------------------------------------
// Argument-shape checks. Generic; candidates for core/validate.ts. They only judge values that are
// known now: an Output is the cloud's to judge later.

/** Throws unless a known value is a string. */
export function requireInputString(v: Validator, field: string, value: unknown): void {
    if (value !== undefined && value !== null && isKnown(value as pulumi.Input<unknown>) && typeof value !== "string") {
        v.fail(field, value, "which is not a string", `pass a string for ${field}`);
    }
    if (value === null) {
        v.fail(field, value, "which is not a string", `pass a string for ${field}, or leave it out`);
    }
}

/** Throws unless `value` is undefined or a list whose known items are non-empty strings. */
export function requireStringList(v: Validator, field: string, value: unknown): void {
    requireArray(v, field, value);
    ((value as unknown[] | undefined) ?? []).forEach((item, i) => {
        requireValue(v, `${field}[${i}]`, item, `remove the empty entry from ${field}`);
        requireInputString(v, `${field}[${i}]`, item);
    });
}

/** Throws unless `value` is undefined or a plain object whose values are strings (tags). */
export function requireStringMap(v: Validator, field: string, value: unknown): void {
    if (value === undefined) {
        return;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value) || pulumi.Output.isInstance(value)) {
        v.fail(field, value, "which is not a map of strings", `pass a plain object, e.g. ${field}: { team: "payments" }`);
    }
    for (const [k, item] of Object.entries(value as Record<string, unknown>)) {
        if (typeof item !== "string") {
            v.fail(`${field}.${k}`, item, "which is not a string", "tag values are strings");
        }
    }
}

/** Throws unless `value` is undefined or one of an enum's values. */
export function requireEnumValue(v: Validator, field: string, value: unknown, values: readonly string[]): void {
    if (value === undefined) {
        return;
    }
    if (typeof value !== "string" || !values.includes(value)) {
        v.fail(field, value, "which is not a supported value", `use one of ${values.map((a) => `"${a}"`).join(", ")}`);
    }
}

/**
 * Throws if a known value repeats across the items of a list of objects, naming the item's field
 * (`subnets[1].subnetId`) rather than a synthetic list (core's `requireUnique`).
 */
export function requireUniqueItems(v: Validator, listField: string, itemField: string, values: unknown[]): void {
    const seen = new Map<unknown, number>();
    values.forEach((value, i) => {
        if (!isKnown(value as pulumi.Input<unknown>)) {
            return;
        }
        if (seen.has(value)) {
            v.fail(`${listField}[${i}].${itemField}`, value, `which repeats ${listField}[${seen.get(value)}].${itemField}`, "list each value once");
        }
        seen.set(value, i);
    });
}

/** Throws unless `value` is an object (the args bag). */
export function requireArgsObject(v: Validator, args: unknown): void {
    if (typeof args !== "object" || args === null || Array.isArray(args)) {
        v.fail("args", args, "which is not an object", "pass an arguments object");
    }
}
