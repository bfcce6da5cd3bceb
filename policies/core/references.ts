/**
 * Preview-aware resolution of references between stack resources.
 *
 * During `pulumi preview` the ids and ARNs of resources that are about to be created are unknown,
 * and so is every input that carries one (`securityGroupIds: [sg.id]`). Reading such a value
 * through the policy SDK's proxy throws `UnknownValueError`, and a stack policy that throws is
 * reported as "can't run during preview" — for the whole stack. `referencedBy` reads the `id` of
 * every candidate, so a single new resource anywhere makes every stack rule that uses it skip its
 * preview run.
 *
 * The engine also sends property dependencies: for every input, the URNs of the resources its
 * value came from. Those are known in preview, so a reference can be resolved without reading a
 * single unknown value. {@link referencesOf} uses them first, matches literal ids written into
 * the property second, and throws `UnknownValueError` (by reading the value through the proxy)
 * only when an unknown part of the property cannot be attributed to any candidate — so a rule
 * still says "can't check" exactly when it cannot tell, and never passes silently.
 */
import { PolicyResource } from "@pulumi/policy";
import { flattenStrings } from "./policy";

/**
 * The sentinels the engine sends for values that are unknown during preview (one per type; the
 * CLI sends the string one for all of them). Mirrors `@pulumi/policy/proxy.ts`, which does not
 * export them in its typings.
 */
const UNKNOWN_SENTINELS = new Set([
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
    "030794c1-ac77-496b-92df-f27374a8bd58",
    "e48ece36-62e2-4504-bad9-02848725956a",
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
]);

/** Whether a raw (unproxied) value is the engine's "unknown during preview" sentinel. */
export function isUnknownValue(value: unknown): boolean {
    return typeof value === "string" && UNKNOWN_SENTINELS.has(value);
}

/**
 * Reads a nested property WITHOUT the unknown check: the value comes back raw (an unknown value is
 * returned as its sentinel instead of throwing). Only for deciding whether a value is unknown —
 * a rule's verdict must still read values through the proxy (`get`, `str`, …).
 *
 * The SDK's proxy defines only a `get` trap, so property descriptors reach the target untouched.
 */
export function rawGet(obj: unknown, path: string): unknown {
    let cur: unknown = obj;
    for (const key of path.split(".")) {
        if (cur === null || cur === undefined || typeof cur !== "object") {
            return undefined;
        }
        cur = Object.getOwnPropertyDescriptor(cur, key)?.value;
    }
    return cur;
}

/** Whether a raw value contains an unknown anywhere (arrays and objects walked). */
export function containsUnknown(value: unknown): boolean {
    if (isUnknownValue(value)) {
        return true;
    }
    if (Array.isArray(value)) {
        return value.some(containsUnknown);
    }
    if (value && typeof value === "object") {
        return Object.values(value).some(containsUnknown);
    }
    return false;
}

/** The known strings of a raw value (unknowns skipped). */
function knownStrings(value: unknown): string[] {
    return flattenStrings(value).filter((s) => !isUnknownValue(s));
}

/**
 * The resources among `candidates` that `r` names in its input `property`: through property
 * dependencies, and by the identifiers (`idProperties`, e.g. `id`, `arn`) written into the
 * property. A candidate whose identifier is unknown (a resource about to be created) cannot be
 * named by a literal, so it is matched through dependencies only.
 *
 * Throws the SDK's `UnknownValueError` when the property holds an unknown value that no
 * dependency accounts for.
 */
export function referencesOf(
    r: PolicyResource,
    property: string,
    candidates: readonly PolicyResource[],
    idProperties: readonly string[] = ["id"],
): PolicyResource[] {
    const depUrns = new Set((r.propertyDependencies?.[property] ?? []).map((d) => d.urn));
    const raw = rawGet(r.props, property);
    if (containsUnknown(raw) && !candidates.some((c) => depUrns.has(c.urn))) {
        // Read through the proxy: this throws UnknownValueError, which the policy server reports
        // as "can't run during preview".
        flattenStrings((r.props ?? {})[property]);
    }
    const values = new Set(knownStrings(raw));
    return candidates.filter((c) => {
        if (c === r) {
            return false;
        }
        if (depUrns.has(c.urn)) {
            return true;
        }
        return idProperties.some((p) => {
            const id = rawGet(c.props, p);
            return typeof id === "string" && !isUnknownValue(id) && values.has(id);
        });
    });
}
