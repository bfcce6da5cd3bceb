/**
 * Building blocks of stack rules, cloud-neutral: resources by type, reference maps between them,
 * distinct ids counted without reading unknowns, partial checks that report what they know and
 * say "could not check" only for the rest, and the per-call index every stack rule of a pack
 * shares.
 *
 * Stack rules must grow linearly with the stack: every lookup here goes through a map built once,
 * never through a scan of every resource for every resource.
 */
import { PolicyResource, UnknownValueError } from "@pulumi/policy";
import { arr, get, rawGet } from "./props";
import { Candidates, isUnknownValue, ReferenceOptions, resolveReferences } from "./references";

/** The resources with one of `types`, in stack order. */
export function ofTypes(resources: readonly PolicyResource[], ...types: string[]): PolicyResource[] {
    const wanted = new Set(types);
    return resources.filter((r) => wanted.has(r.type));
}

/**
 * For each resource of `from`, the resources of the candidates it names in a property, with the
 * referrers whose reference is (partly) unknown kept apart in {@link ReferenceMap.unknown}, so a
 * rule can judge every known reference and say "could not check" for the rest.
 */
export class ReferenceMap extends Map<PolicyResource, PolicyResource[]> {
    /** The referrers whose reference could not be resolved, with the unknown read. */
    public readonly unknown = new Map<PolicyResource, UnknownValueError>();
    private inverse: Map<PolicyResource, PolicyResource[]> | undefined;

    /** The referrers that name `target`. */
    public referrersOf(target: PolicyResource): PolicyResource[] {
        if (this.inverse === undefined) {
            this.inverse = new Map();
            for (const [referrer, targets] of this) {
                for (const t of targets) {
                    const list = this.inverse.get(t);
                    if (list) {
                        list.push(referrer);
                    } else {
                        this.inverse.set(t, [referrer]);
                    }
                }
            }
        }
        return this.inverse.get(target) ?? [];
    }

    /** Throws the first unknown read (all-or-nothing callers). */
    public throwIfUnknown(): this {
        const [first] = this.unknown.values();
        if (first !== undefined) {
            throw first;
        }
        return this;
    }
}

/**
 * For each resource of `from`, the resources of `candidates` it names in `property`. Always pass
 * every candidate of the type (not a pre-filtered subset): an unknown value is attributed to the
 * candidates its property dependencies name, and is undecided only when it names none of them.
 * Undecided references are in `unknown` (and their known part in the map); nothing is thrown.
 */
export function referenceMap(
    from: readonly PolicyResource[],
    property: string,
    candidates: Candidates | readonly PolicyResource[],
    options: readonly string[] | ReferenceOptions = ["id"],
): ReferenceMap {
    const opts: ReferenceOptions = Array.isArray(options) ? { idProperties: options as readonly string[] } : (options as ReferenceOptions);
    const index = candidates instanceof Candidates ? candidates : new Candidates(candidates, opts);
    const map = new ReferenceMap();
    for (const r of from) {
        const { targets, unknown } = resolveReferences(r, property, index, opts);
        map.set(r, targets);
        if (unknown !== undefined) {
            map.unknown.set(r, unknown);
        }
    }
    return map;
}

/** The resources of `from` that name `target`, given a {@link referenceMap}. */
export function referrersOf(map: ReferenceMap, target: PolicyResource): PolicyResource[] {
    return map.referrersOf(target);
}

/**
 * Counts the distinct ids in properties such as `subnetIds`, `subnets`, `subnetMappings[].subnetId`
 * or an association's `subnetId`, without reading unknown elements: known ids are counted
 * exactly, and each unknown element may or may not repeat one. Only when the unknown elements
 * decide a verdict are they read through the proxy, so the rule reports it could not run.
 */
export class DistinctIds {
    public readonly known = new Set<string>();
    public unknown = 0;
    private readonly sources: Array<() => void> = [];

    /** Adds a list property; `key` picks a field of object elements. */
    public addList(props: Record<string, any>, property: string, key?: string): this {
        const raw = rawGet(props, property);
        if (isUnknownValue(raw)) {
            arr(props, property); // the list itself is unknown: throws UnknownValueError
        }
        if (!Array.isArray(raw)) {
            return this;
        }
        for (const item of raw) {
            const v = key === undefined || isUnknownValue(item) ? item : item && typeof item === "object" && !Array.isArray(item) ? rawGet(item, key) : undefined;
            this.add(v);
        }
        this.sources.push(() => {
            for (const item of arr(props, property)) {
                if (key !== undefined && item !== null && typeof item === "object" && !Array.isArray(item)) {
                    get(item, key);
                }
            }
        });
        return this;
    }

    /** Adds a scalar property (an association's `subnetId`). */
    public addOne(props: Record<string, any>, property: string): this {
        this.add(rawGet(props, property));
        this.sources.push(() => get(props, property));
        return this;
    }

    /** How many distinct ids there may be at most. */
    public get upperBound(): number {
        return this.known.size + this.unknown;
    }

    /**
     * Whether there are at least `minimum` distinct ids: true/false when certain; when unknown ids
     * decide it, reads them through the proxy (throws UnknownValueError).
     */
    public atLeast(minimum: number): boolean {
        if (this.known.size >= minimum) {
            return true;
        }
        if (this.upperBound < minimum) {
            return false;
        }
        this.sources.forEach((read) => read());
        return false;
    }

    private add(v: unknown): void {
        if (isUnknownValue(v)) {
            this.unknown++;
        } else if (typeof v === "string" && v.trim() !== "") {
            this.known.add(v.trim());
        }
    }
}

/** Whether an error is the policy SDK's "value unknown during preview". */
export function isUnknownValueError(e: unknown): e is UnknownValueError {
    return e instanceof UnknownValueError;
}

/**
 * Runs the parts of a check one by one, so that a part that reads a value unknown during preview
 * does not hide a violation that another part knows: each part reports what it finds, the parts
 * that hit an unknown are remembered, and {@link finish} rethrows the first of them. The policy
 * server keeps the violations already reported and adds its advisory "can't run during preview"
 * for the unknown part.
 */
export class UnknownParts {
    private first: UnknownValueError | undefined;
    private count = 0;

    /** Remembers an unknown read that happened elsewhere (an undecided reference). */
    public note(error: UnknownValueError | undefined): void {
        if (error !== undefined) {
            this.first ??= error;
            this.count++;
        }
    }

    /** Runs `part`; an unknown read ends the part and is remembered (the part returns undefined). */
    public run<T>(part: () => T): T | undefined {
        try {
            return part();
        } catch (e) {
            if (isUnknownValueError(e)) {
                this.first ??= e;
                this.count++;
                return undefined;
            }
            throw e;
        }
    }

    /** How many parts hit an unknown value. */
    public get unknownParts(): number {
        return this.count;
    }

    /** Rethrows the first unknown read, if any, once the known parts have reported. */
    public finish(): void {
        if (this.first !== undefined) {
            throw this.first;
        }
    }
}

// ------------------------------------------------------------------------------------------------
// The per-call stack index
// ------------------------------------------------------------------------------------------------

/**
 * What the stack rules of a pack share during one `AnalyzeStack` call: the resources by type and
 * the indexes built from them (reference maps, groupings), each built once and handed to every
 * rule that asks for it.
 *
 * The policy server deserialises the stack anew for each stack rule, so the rules of one call see
 * equal resources, not the same objects. The first rule's resources and indexes are kept for the
 * rest of the call; a rule uses {@link StackIndex.resources} (not its own `args.resources`) so that
 * every object it compares comes from one set. One call runs synchronously within one turn of the
 * event loop (our rules never wait for I/O), so the index lives until the turn ends
 * (`setImmediate`), and it is reused only for a stack with the same resources (URNs and types, in
 * order) — a later call always builds its own.
 */
export class StackIndex {
    private readonly byType = new Map<string, PolicyResource[]>();
    private readonly memo = new Map<string, unknown>();

    constructor(public readonly resources: readonly PolicyResource[]) {
        for (const r of resources) {
            const list = this.byType.get(r.type);
            if (list) {
                list.push(r);
            } else {
                this.byType.set(r.type, [r]);
            }
        }
    }

    /** The resources of the given types, in stack order. */
    public ofType(...types: string[]): PolicyResource[] {
        if (types.length === 1) {
            return this.byType.get(types[0]) ?? [];
        }
        return types.length === 0 ? [] : ofTypes(this.resources, ...types);
    }

    /** The value under `key`, built by `build` the first time any rule of this call asks. */
    public shared<T>(key: string, build: (index: StackIndex) => T): T {
        if (!this.memo.has(key)) {
            this.memo.set(key, build(this));
        }
        return this.memo.get(key) as T;
    }

    /** Whether this index was built from a stack with the same resources as `resources`. */
    public sameStack(resources: readonly PolicyResource[]): boolean {
        if (resources.length !== this.resources.length) {
            return false;
        }
        for (let i = 0; i < resources.length; i++) {
            if (resources[i].urn !== this.resources[i].urn || resources[i].type !== this.resources[i].type) {
                return false;
            }
        }
        return true;
    }
}

let current: StackIndex | undefined;

/** The index of the stack being analysed (see {@link StackIndex}). */
export function stackIndex(args: { resources: readonly PolicyResource[] }): StackIndex {
    if (current === undefined || !current.sameStack(args.resources)) {
        const index = new StackIndex(args.resources);
        current = index;
        setImmediate(() => {
            if (current === index) {
                current = undefined;
            }
        });
    }
    return current;
}

/** Forgets the index of the current call (for callers that run rules directly, one stack after another). */
export function clearStackIndex(): void {
    current = undefined;
}
