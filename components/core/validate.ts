import * as pulumi from "@pulumi/pulumi";
import { Validator } from "./errors";
import { isCidr, isPort, isWholeInternet } from "../../common/network";

/**
 * Argument checks shared by every component. Each takes the component's {@link Validator} so
 * the error names the component and instance, and each checks only values that are known when
 * the constructor runs: an `Output` or a promise is the cloud's to judge later. Where a field is
 * typed as a plain value because the component decides its graph from it, pass
 * `{ mustBeKnown: true }` and an unknown value fails as well.
 */

/**
 * The key the Pulumi runtime reserves to mark its special values (secrets, assets, archives,
 * resource references) in serialised objects (`specialSigKey` in `@pulumi/pulumi/runtime/rpc`).
 */
export const PULUMI_SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";

/** Options of the checks that can also insist that a value is known now. */
export interface KnownOptions {
    /**
     * Fail on a value that is not known yet (an Output or a promise) instead of leaving it to the
     * cloud. For fields typed as plain values, which the component needs to build its graph.
     * @default false
     */
    mustBeKnown?: boolean;
}

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

/** Throws unless `value` is undefined, not known yet (see {@link KnownOptions}) or a boolean. */
export function requireBoolean(v: Validator, field: string, value: unknown, options?: KnownOptions): void {
    if (value === undefined || (!options?.mustBeKnown && !isKnown(value))) {
        return;
    }
    if (typeof value !== "boolean") {
        v.fail(field, value, "which is not true or false", `pass a plain boolean for ${field}`);
    }
}

/** Throws unless `value` is undefined, not known yet, or a whole number from `min` to `max`. */
export function requireInteger(v: Validator, field: string, value: unknown, min: number, max: number): void {
    if (isKnown(value) && (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max)) {
        v.fail(field, value, `which is not a whole number from ${min} to ${max}`, `use a value from ${min} to ${max}, or leave it out for the default`);
    }
}

/**
 * Throws unless `value` is undefined, not known yet, or a string; `null` fails (it is not "left
 * out"). With `nonEmpty` a blank string fails too. `expected` describes the value the fix asks
 * for (`use <expected>`); without it the fix says to pass a string.
 */
export function requireString(
    v: Validator,
    field: string,
    value: unknown,
    options?: { nonEmpty?: boolean; expected?: string },
): void {
    if (!isKnown(value) || (typeof value === "string" && !(options?.nonEmpty && value.trim() === ""))) {
        return;
    }
    v.fail(
        field,
        value,
        options?.nonEmpty ? "which is not a non-empty string" : "which is not a string",
        options?.expected !== undefined
            ? `use ${options.expected}`
            : value === null
              ? `pass a string for ${field}, or leave it out`
              : `pass a string for ${field}`,
    );
}

/** Throws unless `value` is undefined or a list whose known items are non-empty strings. */
export function requireStringList(v: Validator, field: string, value: unknown): void {
    requireArray(v, field, value);
    ((value as unknown[] | undefined) ?? []).forEach((item, i) => {
        requireValue(v, `${field}[${i}]`, item, `remove the empty entry from ${field}`);
        requireString(v, `${field}[${i}]`, item);
    });
}

/** Throws unless `value` is undefined or a plain object (a map). */
export function requireMap(v: Validator, field: string, value: unknown): void {
    if (value !== undefined && (typeof value !== "object" || value === null || Array.isArray(value))) {
        v.fail(field, value, "which is not a map", `pass an object of key/value pairs for ${field}`);
    }
}

/**
 * Throws unless `value` is undefined or a plain object whose values are strings (tags, labels).
 * The map must be known now: its keys name things the component creates or checks. `check`, if
 * given, judges each entry (the key, then the value as given) before its value is checked to be
 * a string, so the first bad entry is the one reported.
 */
export function requireStringMap(v: Validator, field: string, value: unknown, check?: (key: string, item: unknown) => void): void {
    if (value === undefined) {
        return;
    }
    if (!isKnown(value)) {
        v.fail(field, "<output>", `but ${field} must be known when the program runs`, `pass a plain map of string values, e.g. ${field}: { team: "payments" }`);
    }
    requireMap(v, field, value);
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        // Pulumi's Node runtime writes every input value as text (`${value}`) when it registers a
        // resource. A map whose own `toString` entry is a string cannot be written so: the
        // registration rejects inside the runtime with an unhandled "Cannot convert object to
        // primitive value" that names no resource (pulumi/pulumi#18068), and under test mocks it
        // hangs. Saying so here, with the field, is the only clear error the user can get.
        if (key === "toString") {
            v.fail(field, key, "which is a key the Pulumi Node.js runtime cannot register (it fails with \"Cannot convert object to primitive value\")", `rename the "toString" key of ${field}`);
        }
        // The runtime marks its special values (secrets, assets, resource references) with this key,
        // so a map that holds it is read as one of them: every registration that carries the map
        // fails and the program never settles.
        if (key === PULUMI_SIGNATURE_KEY) {
            v.fail(field, key, "which is the key the Pulumi runtime reserves to mark secrets and other special values", `rename the "${key}" key of ${field}`);
        }
        // Written into a plain object, `__proto__` sets the prototype instead of a property, so the
        // runtime drops it without a word.
        if (key === "__proto__") {
            v.fail(field, key, "which JavaScript treats as the object's prototype, so the tag would be dropped silently", `rename the "__proto__" key of ${field}`);
        }
        check?.(key, item);
        if (typeof item !== "string") {
            v.fail(`${field}.${key}`, item, "which is not a string", `give every entry of ${field} a string value`);
        }
    }
}

/**
 * Throws unless `value` is an object (not null, not a list): an arguments bag or a list entry.
 * A value not known yet passes unless `mustBeKnown` (see {@link KnownOptions}).
 */
export function requireObject(v: Validator, field: string, value: unknown, fix: string, options?: KnownOptions): void {
    if (value !== undefined && !options?.mustBeKnown && !isKnown(value)) {
        return;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value) || !isKnown(value)) {
        v.fail(field, value, "which is not an object", fix);
    }
}

/**
 * Starts validating one component instance: returns its {@link Validator} after checking that the
 * logical name is a string with more than white space (it prefixes every child's logical name)
 * and that `args` is an object (`argsFix` says what to pass).
 */
export function startValidation(component: string, name: unknown, args: unknown, argsFix: string): Validator {
    const v = new Validator(component, String(name));
    if (typeof name !== "string" || name.trim() === "") {
        v.fail("name", name, "which is not a non-empty string", "give the component a logical name, e.g. \"orders\"");
    }
    requireObject(v, "args", args, argsFix);
    return v;
}

/**
 * Throws unless `value` is undefined, not known yet (see {@link KnownOptions}) or one of `allowed`
 * (compared as the cloud does: case-sensitive). For enums: pass `Object.values(TheEnum)`.
 */
export function requireOneOf(
    v: Validator,
    field: string,
    value: unknown,
    allowed: readonly string[],
    options?: KnownOptions,
): void {
    if (value === undefined || (!options?.mustBeKnown && !isKnown(value))) {
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

/**
 * Throws on the first of the named fields that is set: options that do not apply where the
 * component is configured so. The fix says to leave the field out, then `advice` if given.
 */
export function requireAbsent(v: Validator, fields: Record<string, unknown>, problem: string, advice?: string): void {
    for (const [field, value] of Object.entries(fields)) {
        if (value !== undefined) {
            v.fail(field, value, problem, advice === undefined ? `leave ${field} out` : `leave ${field} out; ${advice}`);
        }
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
 * Validates an allow list of CIDRs: each must be a valid CIDR, and none may cover the whole
 * internet. Private connectivity means the caller says who the clients (or the targets) are.
 * `open` replaces the problem and fix of a whole-internet entry, e.g. for an egress list.
 */
export function validateAllowedCidrs(
    v: Validator,
    field: string,
    cidrs: pulumi.Input<string>[] | undefined,
    open?: { problem: string; fix: string },
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
                open?.problem ?? "which opens the service to the whole internet",
                open?.fix ?? "list the client CIDRs that need the service, e.g. the consumer VPC CIDR",
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

/**
 * Throws if a known value repeats in a list. With `itemField` the values are that field of the
 * list's objects, and the error names it (`subnets[1].subnetId`, not `subnets[1]`).
 */
export function requireUnique(v: Validator, field: string, values: readonly unknown[] | undefined, itemField?: string): void {
    const at = (i: number | undefined) => (itemField === undefined ? `${field}[${i}]` : `${field}[${i}].${itemField}`);
    const seen = new Map<unknown, number>();
    (values ?? []).forEach((value, i) => {
        if (!isKnown(value)) {
            return;
        }
        if (seen.has(value)) {
            v.fail(at(i), value, `which repeats ${at(seen.get(value))}`, "list each value once");
        }
        seen.set(value, i);
    });
}

/** What is wrong with a value, and what to do instead: the result of a {@link Check}. */
export interface Problem {
    /** What is wrong, e.g. "which is not a subnet id". */
    problem: string;
    /** What to do instead. */
    fix: string;
}

/**
 * Judges one value: undefined when it is fine, else the problem and the fix. One check serves both
 * moments a value can be judged: {@link requireValid} when the constructor runs and the value is
 * known, {@link whenResolved} when the value was an Output and resolves during the deployment. So
 * a refusal that holds for a plain value holds for an Output too.
 */
export type Check = (value: unknown) => Problem | undefined;

/** Throws a ValidationError when `value` is known and `check` finds a problem with it. */
export function requireValid(v: Validator, field: string, value: unknown, check: Check): void {
    if (!isKnown(value)) {
        return;
    }
    const found = check(value);
    if (found) {
        v.fail(field, value, found.problem, found.fix);
    }
}

/**
 * The value to hand to a child resource: a known value as it is (the constructor has judged it),
 * or an Output that applies `check` when the value resolves and fails the deployment with a
 * {@link DeploymentValidationError} naming the component and `field` instead of passing a bad value
 * to the provider. A value that stays unknown in a preview is checked in the update.
 */
export function whenResolved<T>(v: Validator, field: string, value: pulumi.Input<T>, check: Check): pulumi.Input<T> {
    if (isKnown(value)) {
        return value;
    }
    return pulumi.output(value).apply((resolved) => {
        const found = check(resolved);
        if (found) {
            v.failAtDeployment(field, resolved, found.problem, found.fix);
        }
        return resolved;
    }) as pulumi.Output<T>;
}

/** A {@link Check} that lets `undefined` through (an option left out) and judges anything else with `check`. */
export function optional(check: Check): Check {
    return (value) => (value === undefined ? undefined : check(value));
}

/** The result of {@link jsonProblem}. */
export interface JsonShape {
    /** Why the value cannot be written as JSON; undefined when it can. */
    problem?: string;
    /** Whether it holds Outputs or promises, so it can only be written once they resolve. */
    hasUnknowns: boolean;
}

/**
 * Whether a value (a policy document, say) can be written as JSON as it is, without throwing and
 * without losing parts: no cycles, no BigInt, functions or symbols, no `undefined` or holes in
 * lists (JSON would turn them into `null`), only plain objects. Outputs and promises inside are
 * noted, not judged: they are checked again once resolved.
 */
export function jsonProblem(value: unknown): JsonShape {
    const path: unknown[] = [];
    let hasUnknowns = false;
    const walk = (x: unknown, at: string): string | undefined => {
        if (x === null || typeof x === "string" || typeof x === "boolean") {
            return undefined;
        }
        if (typeof x === "number") {
            return Number.isFinite(x) ? undefined : `${at} is ${String(x)}, which JSON cannot hold`;
        }
        if (typeof x === "bigint" || typeof x === "function" || typeof x === "symbol" || x === undefined) {
            return `${at} is ${x === undefined ? "undefined" : `a ${typeof x}`}, which JSON cannot hold`;
        }
        if (!isKnown(x)) {
            hasUnknowns = true;
            return undefined;
        }
        if (path.includes(x)) {
            return `${at} refers back to itself`;
        }
        path.push(x);
        try {
            if (Array.isArray(x)) {
                for (let i = 0; i < x.length; i++) {
                    if (!(i in x)) {
                        return `${at}[${i}] is a hole in the list`;
                    }
                    const found = walk(x[i], `${at}[${i}]`);
                    if (found) {
                        return found;
                    }
                }
                return undefined;
            }
            const proto = Object.getPrototypeOf(x);
            if (proto !== Object.prototype && proto !== null) {
                return `${at} is a ${(x as object).constructor?.name ?? "non-plain"} object, not plain data`;
            }
            for (const key of Object.keys(x as object)) {
                const found = walk((x as Record<string, unknown>)[key], `${at}.${key}`);
                if (found) {
                    return found;
                }
            }
            return undefined;
        } finally {
            path.pop();
        }
    };
    const problem = walk(value, "the document");
    return { problem, hasUnknowns };
}
