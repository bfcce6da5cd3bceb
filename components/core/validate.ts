import * as pulumi from "@pulumi/pulumi";
import { Validator } from "./errors";
import { isCidr, isPort, isWholeInternet } from "./network";

/**
 * Argument checks shared by every component. Each takes the component's {@link Validator} so
 * the error names the component and instance, and each checks only values that are known when
 * the constructor runs: an `Output` or a promise is the cloud's to judge later.
 */

/** Whether a value is known now (not an Output, not a promise). */
export function isKnown<T>(value: pulumi.Input<T> | undefined): value is T {
    return (
        value !== undefined &&
        !pulumi.Output.isInstance(value) &&
        !(typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function")
    );
}

/** Throws unless `value` is present (an Output counts as present). */
export function requireValue(v: Validator, field: string, value: unknown, fix: string): void {
    if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) {
        v.fail(field, value, "but it is required", fix);
    }
}

/** Throws unless `value` is undefined or an array. */
export function requireArray(v: Validator, field: string, value: unknown): void {
    if (value !== undefined && !Array.isArray(value)) {
        v.fail(field, value, "which is not a list", `pass a list, e.g. ${field}: [...]`);
    }
}

/** Throws unless `value` is undefined or a plain boolean. */
export function requireBoolean(v: Validator, field: string, value: unknown): void {
    if (value !== undefined && typeof value !== "boolean") {
        v.fail(field, value, "which is not true or false", `pass a plain boolean for ${field}`);
    }
}

/** Throws unless `value` is undefined or a plain object (a map). */
export function requireMap(v: Validator, field: string, value: unknown): void {
    if (value !== undefined && (typeof value !== "object" || value === null || Array.isArray(value))) {
        v.fail(field, value, "which is not a map", `pass an object of key/value pairs for ${field}`);
    }
}

/** Throws unless a known string value is one of `allowed` (compared as the cloud does: case-sensitive). */
export function requireOneOf(
    v: Validator,
    field: string,
    value: pulumi.Input<string> | undefined,
    allowed: readonly string[],
): void {
    if (!isKnown(value)) {
        return;
    }
    if (typeof value !== "string" || !allowed.includes(value)) {
        v.fail(field, value, "which is not a supported value", `use one of ${allowed.map((a) => `"${a}"`).join(", ")}`);
    }
}

/** Throws if more than one of the named fields is set. */
export function requireAtMostOne(v: Validator, fields: Record<string, unknown>, fix: string): void {
    const set = Object.entries(fields).filter(([, value]) => value !== undefined);
    if (set.length > 1) {
        v.fail(set.map(([k]) => k).join(" and "), set.map(([, value]) => (isKnown(value) ? value : "<output>")), "but these options exclude each other", fix);
    }
}

/** Throws unless exactly one of the named fields is set. */
export function requireExactlyOne(v: Validator, fields: Record<string, unknown>, fix: string): void {
    const set = Object.entries(fields).filter(([, value]) => value !== undefined);
    if (set.length === 0) {
        v.fail(Object.keys(fields).join(" or "), undefined, undefined, fix);
    }
    requireAtMostOne(v, fields, fix);
}

/**
 * Validates an allow list of client CIDRs: each must be a valid CIDR, and none may cover the
 * whole internet. Private connectivity means the caller says who the clients are.
 */
export function validateAllowedCidrs(
    v: Validator,
    field: string,
    cidrs: pulumi.Input<string>[] | undefined,
): void {
    requireArray(v, field, cidrs);
    (cidrs ?? []).forEach((cidr, i) => {
        if (!isKnown(cidr)) {
            return;
        }
        if (!isCidr(cidr)) {
            v.fail(`${field}[${i}]`, cidr, "which is not a valid CIDR block", 'write it as address/prefix, e.g. "10.0.0.0/16"');
        }
        if (isWholeInternet(cidr)) {
            v.fail(
                `${field}[${i}]`,
                cidr,
                "which opens the service to the whole internet",
                "list the client CIDRs that need the service, e.g. the consumer VPC CIDR",
            );
        }
    });
}

/** Validates a list of ports: integers 1–65535, no duplicates. */
export function validatePorts(v: Validator, field: string, ports: number[] | undefined, options?: { nonEmpty?: boolean }): void {
    requireArray(v, field, ports);
    if (options?.nonEmpty && ports !== undefined && ports.length === 0) {
        v.fail(field, ports, "but at least one port is needed", "list the ports the service listens on, e.g. [443]");
    }
    const seen = new Set<number>();
    (ports ?? []).forEach((port, i) => {
        if (!isPort(port)) {
            v.fail(`${field}[${i}]`, port, "which is not a port", "use a whole number from 1 to 65535");
        }
        if (seen.has(port)) {
            v.fail(`${field}[${i}]`, port, "which is listed twice", "list each port once");
        }
        seen.add(port);
    });
}

/** Throws if a known string list contains duplicates. */
export function requireUnique(v: Validator, field: string, values: pulumi.Input<string>[] | undefined): void {
    const seen = new Map<string, number>();
    (values ?? []).forEach((value, i) => {
        if (!isKnown(value)) {
            return;
        }
        if (seen.has(value)) {
            v.fail(`${field}[${i}]`, value, `which repeats ${field}[${seen.get(value)}]`, "list each value once");
        }
        seen.set(value, i);
    });
}
