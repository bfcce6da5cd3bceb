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
 * the value through the proxy) only when an unknown part of the property cannot be attributed to
 * any candidate — so a rule still says "can't check" exactly when it cannot tell, and never passes
 * silently.
 *
 * Candidates are indexed once ({@link Candidates}): each reference is looked up by its key instead
 * of being compared with every candidate, so resolving the references of a whole stack takes time
 * linear in the stack, not quadratic.
 */
import { PolicyResource, UnknownValueError } from "@pulumi/policy";
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

/** How candidates are named by the values written into a referring property. */
export interface CandidateOptions {
    /**
     * The candidate properties holding identifiers that a written value must equal (default
     * `["id"]`). An identifier that is unknown matches nothing. Not used with `matches`.
     */
    idProperties?: readonly string[];
    /** Replaces the identifier comparison. */
    matches?: ReferenceMatcher;
    /**
     * With `matches`: the keys a candidate can be named under (its name, lower-cased, say), and
     * {@link writtenKey} the key of a written value. A written value is then judged only against
     * the candidates of its key. Without them every candidate is judged (linear per value).
     */
    candidateKeys?: (candidate: PolicyResource) => Iterable<string>;
    /** With `matches` and `candidateKeys`: the key of a written value, or undefined if it names nothing. */
    writtenKey?: (written: string) => string | undefined;
    /**
     * The properties that identify a candidate (default: `idProperties`). A candidate none of whose
     * identifiers is known but one of which is unknown (a resource being created or replaced)
     * cannot be named by a literal, and cannot be ruled out either.
     */
    identityProperties?: readonly string[];
    /**
     * Whether a literal that names no candidate might name a candidate with unknown identifiers:
     * the reference is then undecided, and {@link referencesOf} reads the candidate's identifier
     * through the proxy (throwing `UnknownValueError`: "can't run during preview") instead of
     * passing silently. Given a predicate, only literals that could name such a candidate (of the
     * right shape: an `sg-…` id for a security group) count. Default: never (the literal is taken
     * to name something outside the stack).
     */
    literalMayNameUnknown?: boolean | ((written: string, candidate: PolicyResource) => boolean);
}

/** The known string value of a raw property, or undefined. */
function knownString(v: unknown): string | undefined {
    return typeof v === "string" && v !== "" && !isUnknownValue(v) ? v : undefined;
}

/**
 * The candidates of a reference, indexed once for every referrer: by URN (property dependencies),
 * by identifier or key (written values), and the list of those whose identifiers are all unknown.
 */
export class Candidates {
    private readonly position = new Map<PolicyResource, number>();
    private readonly byUrn = new Map<string, PolicyResource>();
    private readonly byKey = new Map<string, PolicyResource[]>();
    /** Candidates with no known identifier and at least one unknown one. */
    public readonly anonymous: PolicyResource[] = [];
    private readonly keyed: boolean;

    constructor(
        public readonly list: readonly PolicyResource[],
        public readonly options: CandidateOptions = {},
    ) {
        const { idProperties = ["id"], matches, candidateKeys, writtenKey } = options;
        this.keyed = matches === undefined || (candidateKeys !== undefined && writtenKey !== undefined);
        const identities = options.identityProperties ?? (matches === undefined ? idProperties : []);
        list.forEach((c, i) => {
            this.position.set(c, i);
            this.byUrn.set(c.urn, c);
            const keys = matches === undefined ? idProperties.map((p) => knownString(rawGet(c.props, p))).filter((k): k is string => k !== undefined) : candidateKeys ? [...candidateKeys(c)] : [];
            for (const key of new Set(keys)) {
                const group = this.byKey.get(key);
                if (group) {
                    group.push(c);
                } else {
                    this.byKey.set(key, [c]);
                }
            }
            const raw = identities.map((p) => rawGet(c.props, p));
            if (raw.some(isUnknownValue) && !raw.some((v) => knownString(v) !== undefined)) {
                this.anonymous.push(c);
            }
        });
    }

    /** Whether `r` is one of the candidates. */
    public has(r: PolicyResource): boolean {
        return this.position.has(r);
    }

    /** The candidate with this URN. */
    public byUrnOf(urn: string): PolicyResource | undefined {
        return this.byUrn.get(urn);
    }

    /** The candidates a written value names (known values only). */
    public named(written: string, referrer: PolicyResource): PolicyResource[] {
        const { matches, writtenKey } = this.options;
        if (matches === undefined) {
            return this.byKey.get(written) ?? [];
        }
        if (!this.keyed) {
            return this.list.filter((c) => matches(written, c, referrer));
        }
        const key = writtenKey!(written);
        return key === undefined ? [] : (this.byKey.get(key) ?? []).filter((c) => matches(written, c, referrer));
    }

    /**
     * The candidates a known written value names; when it names none but might name a candidate
     * whose identifiers are unknown (see {@link CandidateOptions.literalMayNameUnknown}), reads
     * that candidate's identifier through the proxy, which throws `UnknownValueError`.
     */
    public resolveLiteral(written: string, referrer: PolicyResource, exclude: ReadonlySet<PolicyResource> = new Set()): PolicyResource[] {
        const named = this.named(written, referrer).filter((c) => c !== referrer);
        const mayName = this.options.literalMayNameUnknown ?? false;
        if (named.length === 0 && mayName !== false) {
            const undecided = this.anonymous.find((c) => c !== referrer && !exclude.has(c) && (mayName === true || mayName(written, c)));
            if (undecided !== undefined) {
                const identities = this.options.identityProperties ?? this.options.idProperties ?? ["id"];
                identities.forEach((p) => get(undecided.props, p));
            }
        }
        return named;
    }

    /** `resources` in the candidates' own order. */
    public inOrder(resources: Iterable<PolicyResource>): PolicyResource[] {
        return [...new Set(resources)].sort((a, b) => this.position.get(a)! - this.position.get(b)!);
    }
}

/** How {@link referencesOf} reads the referring property. */
export interface ReferenceOptions extends CandidateOptions {
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

/** The outcome of resolving one reference: what it names, and the unknown read that left it undecided. */
export interface Resolved {
    /** The candidates it names, in their own order. */
    targets: PolicyResource[];
    /**
     * The SDK's `UnknownValueError` when part of the reference could not be resolved (an unknown
     * value no dependency accounts for, or a literal that might name a candidate whose identifiers
     * are unknown). `targets` still holds what the known part names.
     */
    unknown?: UnknownValueError;
}

/**
 * The resources among `candidates` that `r` names in its input `property`: through property
 * dependencies, and by the values written into the property — compared with the candidates'
 * identifiers (`idProperties`, e.g. `id`, `arn`), or judged by `matches`. A candidate whose
 * identifier is unknown (a resource about to be created) cannot be named by a literal, so it is
 * matched through dependencies (or, with `matches`, by what the matcher can tell from its inputs).
 * Never throws for unknowns: see {@link Resolved.unknown}.
 */
export function resolveReferences(
    r: PolicyResource,
    property: string,
    candidates: Candidates | readonly PolicyResource[],
    options: readonly string[] | ReferenceOptions = {},
): Resolved {
    const opts: ReferenceOptions = isList(options) ? { idProperties: options } : options;
    const index = candidates instanceof Candidates ? candidates : new Candidates(candidates, opts);
    const field = opts.field;
    const found = new Set<PolicyResource>();
    let unknown: UnknownValueError | undefined;
    const note = (read: () => void) => {
        try {
            read();
        } catch (e) {
            if (!(e instanceof UnknownValueError)) {
                throw e;
            }
            unknown ??= e;
        }
    };
    let viaDependency = false;
    for (const d of r.propertyDependencies?.[property] ?? []) {
        const c = index.byUrnOf(d.urn);
        if (c !== undefined && c !== r) {
            found.add(c);
            viaDependency = true;
        }
    }
    const raw = referenceValues(r.props, property, field, rawGet);
    if (!viaDependency && containsUnknown(raw)) {
        // Read through the proxy: this throws UnknownValueError, which the policy server reports
        // as "can't run during preview".
        note(() => flattenStrings(referenceValues(r.props, property, field, get)));
    }
    for (const written of new Set(knownStrings(raw))) {
        note(() => index.resolveLiteral(written, r, found).forEach((c) => found.add(c)));
    }
    return { targets: index.inOrder(found), unknown };
}

/**
 * The resources among `candidates` that `r` names in its input `property` (see
 * {@link resolveReferences}). Pass a {@link Candidates} index when resolving many referrers
 * against the same candidates; a plain list is indexed for this one call.
 *
 * Throws the SDK's `UnknownValueError` when the property holds an unknown value that no
 * dependency on a candidate accounts for, and (with `literalMayNameUnknown`) when a literal names
 * no candidate but might name one whose identifiers are unknown.
 */
export function referencesOf(
    r: PolicyResource,
    property: string,
    candidates: Candidates | readonly PolicyResource[],
    options: readonly string[] | ReferenceOptions = {},
): PolicyResource[] {
    const { targets, unknown } = resolveReferences(r, property, candidates, options);
    if (unknown !== undefined) {
        throw unknown;
    }
    return targets;
}

function isList(value: unknown): value is readonly string[] {
    return Array.isArray(value);
}
