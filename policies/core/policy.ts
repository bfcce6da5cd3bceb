/**
 * Building blocks every rule of every pack uses: matching resources by type token, reading a
 * rule's configuration with defaults, and telling resources that our components created apart
 * from the rest of a stack.
 */
import {
    ReportViolation,
    ResourceValidation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationPolicy,
} from "@pulumi/policy";
import { TYPE_TOKEN_PREFIX } from "../../common/tokens";

/** A rule: a resource or stack validation policy with full metadata. */
export type Rule = ResourceValidationPolicy | StackValidationPolicy;

/**
 * Validates only resources whose type token is in `types`, and reports the rule as not applicable
 * to any other type. Rules match type tokens (not SDK classes) so a pack does not load a cloud's
 * whole provider SDK to start.
 */
export function forTypes(
    types: readonly string[],
    validate: (props: Record<string, any>, args: ResourceValidationArgs, report: ReportViolation) => void | Promise<void>,
): ResourceValidation {
    return (args, report) => {
        if (!types.includes(args.type)) {
            args.notApplicable(`applies to ${types.join(", ")}`);
        }
        return validate(args.props ?? {}, args, report);
    };
}

/**
 * Reads a rule's configuration and fills in defaults. The policy server hands over only what the
 * pack's config file says; JSON-schema defaults are not applied for us. Values of the wrong type
 * are ignored in favour of the default, so a bad config file cannot crash a rule.
 */
export function configOf<T extends Record<string, unknown>>(args: { getConfig<C extends object>(): C }, defaults: T): T {
    let given: Record<string, unknown> | undefined;
    try {
        given = args.getConfig<Record<string, unknown>>();
    } catch {
        given = undefined;
    }
    const out: Record<string, unknown> = { ...defaults };
    for (const key of Object.keys(defaults)) {
        const v = given !== undefined && given !== null && Object.prototype.hasOwnProperty.call(given, key) ? given[key] : undefined;
        if (v === undefined || v === null) {
            continue;
        }
        const d = defaults[key];
        if (Array.isArray(d) ? Array.isArray(v) : typeof v === typeof d) {
            out[key] = v;
        }
    }
    return out as T;
}

/** Short names (services, ids) from a config list: the non-empty strings, trimmed and lower-cased. */
export function shortNames(values: unknown[]): string[] {
    return values.filter((v): v is string => typeof v === "string" && v.trim() !== "").map((v) => v.trim().toLowerCase());
}

/** A positive integer setting, or the default. */
export function positiveInt(value: unknown, fallback: number): number {
    return typeof value === "number" && Number.isInteger(value) && value >= 1 ? value : fallback;
}

/** The type token prefix of this package's components (one source: `common/tokens.ts`). */
export const COMPONENT_PREFIX = TYPE_TOKEN_PREFIX;

/**
 * Whether a resource was created inside one of our components. The URN's type part lists the
 * types of every ancestor (`privatelink:index:AwsPrivateEndpoint$aws:ec2/vpcEndpoint:VpcEndpoint`),
 * so this needs no lookup.
 */
export function isComponentChild(urn: unknown): boolean {
    if (typeof urn !== "string") {
        return false;
    }
    const typePart = urn.split("::")[2] ?? "";
    const chain = typePart.split("$");
    return chain.slice(0, -1).some((t) => t.startsWith(COMPONENT_PREFIX));
}

/** Every string inside a value (arrays and objects walked), for id matching. */
export function flattenStrings(value: unknown): string[] {
    if (typeof value === "string") {
        return [value];
    }
    if (Array.isArray(value)) {
        return value.flatMap(flattenStrings);
    }
    if (value && typeof value === "object") {
        return Object.values(value).flatMap(flattenStrings);
    }
    return [];
}

/** A compliance framework reference, as the policy SDK's metadata expects it. */
export function framework(name: string, reference: string, specification?: string, version = "") {
    return { name, version, reference, specification: specification ?? reference };
}

/**
 * Groups items under every key `keysOf` gives them, in the order keys and items are first seen.
 * Stack rules use it to find resources that share something: a load balancer, a NAT subnet, a
 * security group.
 */
export function groupBy<T, K>(items: Iterable<T>, keysOf: (item: T) => Iterable<K>): Map<K, T[]> {
    const groups = new Map<K, T[]>();
    for (const item of items) {
        for (const key of keysOf(item)) {
            const group = groups.get(key);
            if (group) {
                group.push(item);
            } else {
                groups.set(key, [item]);
            }
        }
    }
    return groups;
}
