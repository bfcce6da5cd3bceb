/**
 * Preview-aware resolution of references between stack resources.
 *
 * During `pulumi preview` the ids and ARNs of resources that are about to be created are unknown,
 * and so is every input that carries one (`securityGroupIds: [sg.id]`). Reading such a value
 * through the policy SDK's proxy throws `UnknownValueError`, and a stack policy that throws is
 * reported as "can't run during preview" — for the whole stack. Matching references by reading the
 * `id` of every candidate would let a single new resource anywhere make every stack rule skip its
 * preview run.
 *
 * The engine also sends property dependencies: for every input, the URNs of the resources its
 * value came from. Those are known in preview, so a reference can be resolved without reading a
 * single unknown value. {@link referencesOf} uses them first, matches literal ids written into
 * the property second (or, through a {@link ReferenceMatcher}, the forms a cloud writes its
 * references in: Azure ARM ids, Google Cloud URLs), and throws `UnknownValueError` (by reading
 * the value through the proxy) only when an unknown part of the property cannot be attributed to any candidate — so a rule
 * still says "can't check" exactly when it cannot tell, and never passes silently.
 */
import { PolicyResource } from "@pulumi/policy";
import { isUnknownValue } from "../../common/unknown";
import { flattenStrings } from "./policy";
import { get, rawGet } from "./props";

export { isUnknownValue };

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

/** The known strings of a raw value (arrays and objects walked, unknowns skipped). */
export function knownStrings(value: unknown): string[] {
    return flattenStrings(value).filter((s) => !isUnknownValue(s));
}

/**
 * A shallow copy of resource properties with unknown values kept as their sentinels, e.g. for a
 * remediation that changes one property and must hand the others back as they came.
 */
export function rawCopy(props: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(props)) {
        out[key] = Object.getOwnPropertyDescriptor(props, key)?.value;
    }
    return out;
}

/**
 * Whether one value written into the referring property names `candidate` — for clouds whose
 * references are not plain id equality (Azure compares ARM ids case-insensitively and by the id
 * its inputs make; Google Cloud accepts full, partial and bare-name URLs). Gets known values only.
 */
export type ReferenceMatcher = (written: string, candidate: PolicyResource, referrer: PolicyResource) => boolean;

/** How {@link referencesOf} reads the referring property and matches what is written in it. */
export interface ReferenceOptions {
    /**
     * The candidate properties holding identifiers that a written value must equal (default
     * `["id"]`). An identifier that is unknown matches nothing. Not used with `matches`.
     */
    idProperties?: readonly string[];
    /** Replaces the identifier comparison. */
    matches?: ReferenceMatcher;
    /**
     * A dotted field to read in the property's value — in each element when it is a list
     * (`privateLinkServiceId` of every connection) — instead of the whole value. Other fields of
     * the elements are neither matched nor checked for unknowns.
     */
    field?: string;
}

/** The value of `property` (or the `field` of it or of each of its elements), read with `read`. */
function referenceValues(props: unknown, property: string, field: string | undefined, read: (obj: unknown, path: string) => unknown): unknown {
    const value = read(props, property);
    if (field === undefined) {
        return value;
    }
    const items = Array.isArray(value) ? Array.from(value) : [value];
    return items.map((item) => (isUnknownValue(item) ? item : read(item, field)));
}

/**
 * The resources among `candidates` that `r` names in its input `property`: through property
 * dependencies, and by the values written into the property — compared with the candidates'
 * identifiers (`idProperties`, e.g. `id`, `arn`), or judged by `matches`. A candidate whose
 * identifier is unknown (a resource about to be created) cannot be named by a literal, so it is
 * matched through dependencies (or, with `matches`, by what the matcher can tell from its inputs).
 * Candidates come back in their own order.
 *
 * Throws the SDK's `UnknownValueError` when the property holds an unknown value that no
 * dependency on a candidate accounts for.
 */
export function referencesOf(
    r: PolicyResource,
    property: string,
    candidates: readonly PolicyResource[],
    options: readonly string[] | ReferenceOptions = {},
): PolicyResource[] {
    const { idProperties = ["id"], matches, field }: ReferenceOptions = isList(options) ? { idProperties: options } : options;
    const depUrns = new Set((r.propertyDependencies?.[property] ?? []).map((d) => d.urn));
    const raw = referenceValues(r.props, property, field, rawGet);
    if (containsUnknown(raw) && !candidates.some((c) => depUrns.has(c.urn))) {
        // Read through the proxy: this throws UnknownValueError, which the policy server reports
        // as "can't run during preview".
        flattenStrings(referenceValues(r.props, property, field, get));
    }
    const written = knownStrings(raw);
    const values = new Set(written);
    const named = matches
        ? (c: PolicyResource) => written.some((w) => matches(w, c, r))
        : (c: PolicyResource) =>
              idProperties.some((p) => {
                  const id = rawGet(c.props, p);
                  return typeof id === "string" && !isUnknownValue(id) && values.has(id);
              });
    return candidates.filter((c) => c !== r && (depUrns.has(c.urn) || named(c)));
}

function isList(value: unknown): value is readonly string[] {
    return Array.isArray(value);
}
