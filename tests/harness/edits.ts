/**
 * The edit-safety harness: what a routine edit of a live stack would do.
 *
 * Users do not deploy once; they edit. This harness runs a program (a component, or a whole
 * stack) with arguments v1 and then v2 under the recording mocks, and compares the two graphs by
 * URN, as the engine would before asking providers for diffs:
 *
 * - **created**: URNs only in v2 (a new resource; when it replaces a v1 URN it is a replacement
 *   of a live resource, unless an alias on it names the old URN);
 * - **deleted**: URNs only in v1 (the engine deletes them; for some resources that does more than
 *   the user asked, e.g. a deleted connection accepter rejects a live connection);
 * - **changed**: URNs in both whose inputs or parent differ, with the properties that changed, or
 *   whose provider differs (a replacement);
 * - **implicit removals**: properties a v1 resource set that its v2 twin leaves out. Bridged
 *   providers treat many properties as optional+computed and ignore an omitted one, so a removal
 *   must reach the provider as an explicit value (`[]`, `false`, `""`); an omission is a bug.
 *
 * {@link describeEdits} turns a table of routine edits into mocha tests; each edit says exactly
 * which resources it may create, delete or change, and any other URN that moves fails the test.
 */
import * as assert from "assert";
import { isDeepStrictEqual } from "util";
import { MockOptions, RecordedResource, Recorder, startMocks } from "./mocks";

/** One resource that exists in both graphs but whose registration differs. */
export interface ChangedResource {
    urn: string;
    /** The logical name. */
    name: string;
    /** Input properties whose value differs (set, changed or removed), sorted. */
    properties: string[];
    /** Input properties set in v1 and absent in v2 (an implicit removal), sorted. */
    omitted: string[];
    /** Whether the provider reference changed, which replaces a custom resource. */
    moved: boolean;
}

/** What the engine would see between two runs of a program. */
export interface GraphDiff {
    created: RecordedResource[];
    deleted: RecordedResource[];
    changed: ChangedResource[];
}

/** Whether a value counts as "set" for the implicit-removal check. */
function isSet(value: unknown): boolean {
    return value !== undefined && value !== null;
}

/** The parts of a URN: stack, project, qualified type (`parentType$type`) and name. */
function urnParts(urn: string): { stack: string; project: string; qualifiedType: string; name: string } {
    const [, stack = "stack", project = "project", qualifiedType = "", name = ""] = /^urn:pulumi:([^:]*)::([^:]*)::(.*?)::([^:]*)$/.exec(urn) ?? [];
    return { stack, project, qualifiedType, name };
}

/**
 * The URNs the aliases of `r` name, as the engine resolves them: its own aliases (a URN, or a
 * spec whose empty fields default to the resource's own name, type and parent), and those it
 * inherits, because the engine gives every child of an aliased parent the alias under each of
 * the parent's old URNs. `byUrn` finds the parents.
 */
export function aliasUrns(r: RecordedResource, byUrn: ReadonlyMap<string, RecordedResource> = new Map()): string[] {
    const { stack, project } = urnParts(r.urn);
    const qualify = (parentUrn: string | undefined, type: string) => {
        // The root stack resource does not prefix its children's types.
        const parentType = parentUrn === undefined ? undefined : urnParts(parentUrn).qualifiedType;
        return parentType && parentType !== "pulumi:pulumi:Stack" ? `${parentType}$${type}` : type;
    };
    const own = (r.aliases ?? []).map((a: any) => {
        if (a.urn) {
            return a.urn as string;
        }
        const spec = a.spec ?? {};
        const parentUrn: string | undefined = spec.noparent ? undefined : spec.parenturn || r.parent;
        return `urn:pulumi:${spec.stack || stack}::${spec.project || project}::${qualify(parentUrn, spec.type || r.type)}::${spec.name || r.name}`;
    });
    const parent = r.parent === undefined ? undefined : byUrn.get(r.parent);
    const inherited = parent === undefined ? [] : aliasUrns(parent, byUrn).map((p) => `urn:pulumi:${stack}::${project}::${qualify(p, r.type)}::${r.name}`);
    return [...new Set([...own, ...inherited])];
}

/** Compares two recorded graphs by URN. Provider resources and reads are compared like the rest. */
export function diffGraphs(before: readonly RecordedResource[], after: readonly RecordedResource[]): GraphDiff {
    const v1 = new Map(before.map((r) => [r.urn, r]));
    const v2 = new Map(after.map((r) => [r.urn, r]));
    const created = after.filter((r) => !v1.has(r.urn));
    const deleted = before.filter((r) => !v2.has(r.urn));
    const changed: ChangedResource[] = [];
    for (const [urn, b] of v1) {
        const a = v2.get(urn);
        if (!a) {
            continue;
        }
        const keys = new Set([...Object.keys(b.inputs ?? {}), ...Object.keys(a.inputs ?? {})]);
        const properties = [...keys].filter((k) => !isDeepStrictEqual(b.inputs?.[k], a.inputs?.[k]));
        const omitted = properties.filter((k) => isSet(b.inputs?.[k]) && !isSet(a.inputs?.[k])).sort();
        if (b.parent !== a.parent) {
            // Same URN (same parent type chain), another parent instance: reported as a change.
            properties.push("<parent>");
        }
        properties.sort();
        const moved = providerUrn(b.provider) !== providerUrn(a.provider);
        if (properties.length > 0 || moved) {
            changed.push({ urn, name: a.name, properties, omitted, moved });
        }
    }
    return { created, deleted, changed };
}

/** The URN part of a provider reference `urn::id` (ids of mocked providers may differ per run). */
function providerUrn(ref: string | undefined): string | undefined {
    return ref === undefined ? undefined : ref.split("::").slice(0, -1).join("::");
}

/**
 * Runs `program` under fresh recording mocks and returns the recorder once every registration
 * has landed. A program that throws fails the caller's test with that error.
 */
export async function record(program: () => unknown, options?: MockOptions): Promise<Recorder> {
    const rec = await startMocks(options);
    await program();
    await rec.settle();
    return rec;
}

/** Runs `program(v1)` then `program(v2)`, each under fresh mocks, and diffs the graphs. */
export async function planEdit<A>(program: (args: A) => unknown, v1: A, v2: A, options?: MockOptions): Promise<GraphDiff & { before: Recorder; after: Recorder }> {
    const before = await record(() => program(v1), options);
    const beforeResources = [...before.resources];
    const after = await record(() => program(v2), options);
    return { ...diffGraphs(beforeResources, after.resources), before, after };
}

/** What a routine edit may do: every other URN must stay as it is. */
export interface EditExpectation {
    /** Logical names of the resources the edit creates. @default [] */
    created?: string[];
    /** Logical names of the resources the edit deletes. @default [] */
    deleted?: string[];
    /** Logical name → the input properties the edit changes on it. @default {} */
    changed?: Record<string, string[]>;
}

/** One routine edit of a live stack, with what it must (and must only) do. */
export interface RoutineEdit<A> {
    /** What the user does, e.g. "remove the second subnet". */
    edit: string;
    /** The arguments before the edit. */
    before: A;
    /** The arguments after the edit. */
    after: A;
    /** What the edit may change. */
    expect: EditExpectation;
}

/** The diff of an edit as plain names, for assertions and messages. */
export function summarise(diff: GraphDiff): { created: string[]; deleted: string[]; changed: Record<string, string[]>; omitted: Record<string, string[]>; moved: string[] } {
    const changed: Record<string, string[]> = {};
    const omitted: Record<string, string[]> = {};
    for (const c of diff.changed) {
        if (c.properties.length > 0) {
            changed[c.name] = c.properties;
        }
        if (c.omitted.length > 0) {
            omitted[c.name] = c.omitted;
        }
    }
    return {
        created: diff.created.map((r) => r.name).sort(),
        deleted: diff.deleted.map((r) => r.name).sort(),
        changed,
        omitted,
        moved: diff.changed.filter((c) => c.moved).map((c) => c.name).sort(),
    };
}

/**
 * Checks one edit: exactly the expected resources are created, deleted and changed (by logical
 * name, with exactly the expected properties; `<parent>` for a new parent under the same URN), no
 * resource moves to another provider, and no property is removed by omission.
 */
export function assertEdit(diff: GraphDiff, expect: EditExpectation, label = "edit"): void {
    const s = summarise(diff);
    const sortRecord = (r: Record<string, string[]>) =>
        Object.fromEntries(
            Object.entries(r)
                .map(([k, v]): [string, string[]] => [k, [...v].sort()])
                .sort(([a], [b]) => a.localeCompare(b)),
        );
    const detail = `\n${label}: ${JSON.stringify(s, null, 1)}`;
    assert.deepStrictEqual(s.created, [...(expect.created ?? [])].sort(), `created${detail}`);
    assert.deepStrictEqual(s.deleted, [...(expect.deleted ?? [])].sort(), `deleted${detail}`);
    assert.deepStrictEqual(sortRecord(s.changed), sortRecord(expect.changed ?? {}), `changed${detail}`);
    assert.deepStrictEqual(s.moved, [], `moved to another provider (a replacement)${detail}`);
    assert.deepStrictEqual(s.omitted, {}, `removed by omission instead of an explicit value${detail}`);
}

/**
 * Registers one mocha test per routine edit of `program`. The table's size is `edits.length`;
 * {@link editTableSize} counts the tests across components for the closing note.
 */
export function describeEdits<A>(title: string, program: (args: A) => unknown, edits: ReadonlyArray<RoutineEdit<A>>, options?: MockOptions): void {
    editTableSize.set(title, edits.length);
    describe(`edit safety: ${title}`, function () {
        this.timeout(120000);
        for (const e of edits) {
            it(e.edit, async () => {
                const diff = await planEdit(program, e.before, e.after, options);
                assertEdit(diff, e.expect, e.edit);
            });
        }
    });
}

/** The number of routine edits registered per component (title → count). */
export const editTableSize = new Map<string, number>();

/**
 * The stable identity of a resource for URN snapshots: the qualified type (the parent chain) and
 * the logical name, without the stack and project, e.g.
 * `privatelink:index:AwsPrivateLinkService$aws:ec2/vpcEndpointService:VpcEndpointService::orders-service`.
 */
export function urnIdentity(urn: string): string {
    return urn.split("::").slice(2).join("::");
}
