/**
 * The hostile-input fuzzer of the AWS components: arbitraries of argument sets that start valid
 * and are then broken in the ways users and other languages break them, and a runner that builds
 * each set under the recording mocks (preview or update) and sorts the outcome into what the
 * contract allows and what it forbids.
 *
 * Allowed outcomes:
 * - `rejected`: a `ValidationError` naming a field, with a fix, and nothing registered;
 * - `built`: the whole graph registered, the component's outputs registered, and no garbage sent
 *   to any provider;
 * - `refused at deployment`: an input that was an Output resolved to a bad value, and every error
 *   of the run is a `DeploymentValidationError` naming the component and the field.
 *
 * Forbidden: any other exception (a TypeError), a `ValidationError` after something was
 * registered, a deployment error that is not the component's (an unrelated TypeError inside an
 * `apply`), a run that never settles (outputs never registered, no error), a duplicate URN, and
 * garbage reaching a provider (`null`/`undefined` list entries, `NaN`, a malformed id or CIDR in an
 * id or CIDR input, a tag AWS refuses).
 *
 * Argument sets are recipes: plain data with markers that `materialize` turns into Outputs,
 * promises, holes, circular objects and own `__proto__` keys inside the mocks, so fast-check can
 * print a failing recipe.
 */
import * as fc from "fast-check";
import * as pulumi from "@pulumi/pulumi";
import { isAwsId } from "../../../common/aws";
import { parseCidr } from "../../../common/network";
import { DeploymentValidationError, ValidationError } from "../../../components/core";
import { RecordedResource, Recorder, startMocks } from "../../harness/mocks";
import { DeploymentErrors, settleOrQuiet } from "./deployment";

// ---------------------------------------------------------------------------------------------
// Recipes

/** A marker: the value as an Output. */
export const OUTPUT = "$output";
/** A marker: the value as a promise. */
export const PROMISE = "$promise";
/** A marker: a list with a hole before the value. */
export const SPARSE = "$sparse";
/** A marker: an object that refers to itself. */
export const CIRCULAR = "$circular";
/** A marker: an object with an own key (e.g. `__proto__`) set without touching the prototype. */
export const OWN_KEY = "$ownKey";

type Recipe = unknown;

/** Turns a recipe into the arguments a user's program would pass. */
export function materialize(recipe: Recipe): unknown {
    if (Array.isArray(recipe)) {
        const out: unknown[] = new Array(recipe.length);
        for (const key of Object.keys(recipe)) {
            out[Number(key)] = materialize(recipe[Number(key)]);
        }
        return out;
    }
    if (typeof recipe !== "object" || recipe === null) {
        return recipe;
    }
    const r = recipe as Record<string, unknown>;
    if (OUTPUT in r) {
        const value = materialize(r[OUTPUT]);
        try {
            return pulumi.output(value);
        } catch {
            // No program can make an Output of a circular object either: pass it as it is.
            return value;
        }
    }
    if (PROMISE in r) {
        return Promise.resolve(materialize(r[PROMISE]));
    }
    if (SPARSE in r) {
        // eslint-disable-next-line no-sparse-arrays
        const holey: unknown[] = [, materialize(r[SPARSE])];
        return holey;
    }
    if (CIRCULAR in r) {
        const self: Record<string, unknown> = { Version: "2012-10-17" };
        self.Statement = [{ Effect: "Allow", Resource: self }];
        return self;
    }
    if (OWN_KEY in r) {
        const [key, value] = r[OWN_KEY] as [string, unknown];
        const out: Record<string, unknown> = { team: "x" };
        Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
        return out;
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(r)) {
        Object.defineProperty(out, key, { value: materialize(r[key]), enumerable: true, writable: true, configurable: true });
    }
    return out;
}

/** Every path into a recipe (objects and lists, not markers), the root excluded. */
function pathsOf(recipe: Recipe, prefix: (string | number)[] = []): (string | number)[][] {
    if (typeof recipe !== "object" || recipe === null) {
        return [];
    }
    if (!Array.isArray(recipe) && [OUTPUT, PROMISE, SPARSE, CIRCULAR, OWN_KEY].some((m) => m in (recipe as object))) {
        return [];
    }
    const out: (string | number)[][] = [];
    for (const key of Object.keys(recipe)) {
        const k: string | number = Array.isArray(recipe) ? Number(key) : key;
        const path = [...prefix, k];
        out.push(path, ...pathsOf((recipe as Record<string, unknown>)[key], path));
    }
    return out;
}

function getAt(recipe: Recipe, path: (string | number)[]): unknown {
    return path.reduce<unknown>((x, k) => (typeof x === "object" && x !== null ? (x as Record<string, unknown>)[k as string] : undefined), recipe);
}

function setAt(recipe: Recipe, path: (string | number)[], value: unknown, how: "set" | "delete"): void {
    const parent = getAt(recipe, path.slice(0, -1)) as Record<string | number, unknown> | undefined;
    if (typeof parent !== "object" || parent === null) {
        return;
    }
    const key = path[path.length - 1];
    if (how === "delete") {
        // A deleted list entry leaves a hole, as `delete list[i]` does.
        delete parent[key];
    } else {
        parent[key] = value;
    }
}

/** The values users, YAML and other languages pass where they should not. */
export function hostileValue(): fc.Arbitrary<unknown> {
    const base = fc.oneof(
        fc.constantFrom<unknown>(
            null,
            undefined,
            Number.NaN,
            Number.POSITIVE_INFINITY,
            -1,
            0,
            1.5,
            2 ** 53,
            70000,
            "",
            " ",
            "x",
            "*",
            "0.0.0.0/0",
            "::/0",
            " 10.9.0.0/16 ",
            "10.0.0.1/16",
            "fd00::20/56",
            "constructor",
            "__proto__",
            "toString",
            "hasOwnProperty",
            "4dabf18193072939515e22adb298388d",
            true,
            false,
            [],
            {},
            [null],
            [undefined],
            "a".repeat(300),
            "sg-0ABC",
            "vpc-X",
            "subnet-A",
            "vpce-0AAA",
            "arn:aws:iam::*:root",
            "-",
            "internal-x",
            "Api.Example.COM.",
            "eu-west-1",
            "us-east-1a",
        ),
        fc.anything({ maxDepth: 2, maxKeys: 3 }),
        fc.string({ maxLength: 20 }),
        fc.bigInt(),
        fc.array(fc.constantFrom<unknown>(null, undefined, "x", 1, "subnet-a", "10.0.0.0/8"), { maxLength: 3 }),
    );
    return fc.oneof(
        { arbitrary: base, weight: 6 },
        { arbitrary: base.map((x) => ({ [OUTPUT]: x })), weight: 2 },
        { arbitrary: base.map((x) => ({ [PROMISE]: x })), weight: 1 },
        { arbitrary: base.map((x) => ({ [SPARSE]: x })), weight: 1 },
        { arbitrary: fc.constant({ [CIRCULAR]: true }), weight: 1 },
        {
            arbitrary: fc.constantFrom("__proto__", "4dabf18193072939515e22adb298388d", "toString", "aws:x", "").map((k) => ({ [OWN_KEY]: [k, "v"] })),
            weight: 1,
        },
    );
}

/** Variants of a valid string that collide with it once slugged or case-folded, or look alike. */
function variantOf(text: string): fc.Arbitrary<string> {
    return fc.constantFrom(text.toUpperCase(), text.replace(/\./g, "_"), text.replace(/-/g, "."), ` ${text} `, `${text}.`, text.slice(0, -1), `${text}${text}`);
}

type Mutation = { pick: number; how: "set" | "delete" | "wrap" | "promise" | "dup" | "variant" | "add"; value: unknown; variant: number };

const mutation: fc.Arbitrary<Mutation> = fc.record({
    pick: fc.nat(),
    how: fc.constantFrom<Mutation["how"]>("set", "set", "set", "delete", "wrap", "wrap", "promise", "dup", "variant", "add", "add"),
    value: hostileValue(),
    variant: fc.nat(6),
});

/** Applies one mutation to a recipe, in place; `extra` are argument paths the recipe may lack. */
function mutate(recipe: Recipe, m: Mutation, extra: readonly string[]): void {
    if (m.how === "add") {
        if (extra.length > 0) {
            const path = extra[m.pick % extra.length].split(".");
            if (typeof getAt(recipe, path.slice(0, -1)) === "object") {
                setAt(recipe, path, m.value, "set");
            }
        }
        return;
    }
    const paths = pathsOf(recipe);
    if (paths.length === 0) {
        return;
    }
    const path = paths[m.pick % paths.length];
    const current = getAt(recipe, path);
    switch (m.how) {
        case "set":
            setAt(recipe, path, m.value, "set");
            return;
        case "delete":
            setAt(recipe, path, undefined, "delete");
            return;
        case "wrap":
            setAt(recipe, path, { [OUTPUT]: current }, "set");
            return;
        case "promise":
            setAt(recipe, path, { [PROMISE]: current }, "set");
            return;
        case "dup": {
            // A list entry twice, or a case/slug variant of it beside it.
            const parent = getAt(recipe, path.slice(0, -1));
            if (Array.isArray(parent)) {
                parent.push(clone(current));
            }
            return;
        }
        case "variant":
            if (typeof current === "string") {
                const variants = fc.sample(variantOf(current), { numRuns: 7, seed: 1 });
                const parent = getAt(recipe, path.slice(0, -1));
                const v = variants[m.variant % variants.length];
                if (Array.isArray(parent)) {
                    parent.push(v);
                } else {
                    setAt(recipe, path, v, "set");
                }
            }
            return;
    }
}

/**
 * Argument sets for a component: `valid` recipes, each broken by zero to three mutations (some
 * stay valid, with values turned into Outputs; `extra` names argument paths a mutation may add),
 * paired with a component name that is usually short and sometimes long or odd.
 */
export function hostileArgs(valid: fc.Arbitrary<Recipe>, extra: readonly string[] = []): fc.Arbitrary<{ name: string; recipe: Recipe }> {
    const name = fc.oneof(
        { arbitrary: fc.constantFrom("f", "orders", "svc-a"), weight: 8 },
        { arbitrary: fc.constantFrom("a".repeat(40), "b".repeat(250), "internal", "sg-x", "my.service", "x y", "ünï"), weight: 2 },
    );
    return fc
        .tuple(name, valid, fc.array(mutation, { minLength: 0, maxLength: 3 }))
        .map(([n, v, mutations]) => {
            const recipe = clone(v);
            for (const m of mutations) {
                mutate(recipe, m, extra);
            }
            return { name: n, recipe };
        });
}

/** A deep copy of a recipe that keeps holes, `undefined` and BigInt values. */
function clone(recipe: Recipe): Recipe {
    if (Array.isArray(recipe)) {
        const out: unknown[] = new Array(recipe.length);
        for (const key of Object.keys(recipe)) {
            out[Number(key)] = clone(recipe[Number(key)]);
        }
        return out;
    }
    if (typeof recipe === "object" && recipe !== null) {
        const out: Record<string, unknown> = {};
        for (const key of Object.keys(recipe)) {
            Object.defineProperty(out, key, { value: clone((recipe as Record<string, unknown>)[key]), enumerable: true, writable: true, configurable: true });
        }
        return out;
    }
    return recipe;
}

// ---------------------------------------------------------------------------------------------
// Outcomes

/** The outcome of one argument set. */
export type Outcome = "rejected" | "built" | "refused at deployment";

/** What one component's fuzz run found. */
export interface FuzzReport {
    counts: Record<Outcome, number>;
    /** Forbidden outcomes, with the recipe that produced them (empty when the contract held). */
    failures: Array<{ problem: string; recipe: string }>;
}

/** How one component is fuzzed. */
export interface FuzzSpec {
    /** The class name, as errors name it. */
    component: string;
    /** The component's type token. */
    type: string;
    /** Builds the component. */
    build: (name: string, args: unknown) => void;
}

/** The AWS id kind an input property carries, for the garbage check. */
const ID_INPUTS: Record<string, Parameters<typeof isAwsId>[1]> = {
    vpcId: "vpc",
    subnetId: "subnet",
    subnetIds: "subnet",
    subnets: "subnet",
    securityGroupIds: "sg",
    securityGroups: "sg",
    referencedSecurityGroupId: "sg",
    routeTableIds: "rtb",
    vpcEndpointId: "vpce",
};

/** Garbage in one resource's inputs, as a sentence, or undefined. */
export function garbageIn(r: RecordedResource): string | undefined {
    const isUnknown = (x: unknown) => typeof x === "object" && x !== null && "__pulumiUnknown" in x;
    const idProblem = (key: string, x: unknown, at: string): string | undefined => {
        const kind = Object.prototype.hasOwnProperty.call(ID_INPUTS, key) ? ID_INPUTS[key] : undefined;
        if (kind === undefined) {
            return undefined;
        }
        for (const id of Array.isArray(x) ? x : [x]) {
            if (id !== undefined && !isUnknown(id) && !isAwsId(id, kind)) {
                return `${at} is ${JSON.stringify(id)}, not a ${kind} id`;
            }
        }
        return undefined;
    };
    const walk = (x: unknown, at: string): string | undefined => {
        if (typeof x === "number" && !Number.isFinite(x)) {
            return `${at} is ${x}`;
        }
        if (Array.isArray(x)) {
            for (let i = 0; i < x.length; i++) {
                if (x[i] === null || x[i] === undefined) {
                    return `${at}[${i}] is ${x[i]}`;
                }
                const found = walk(x[i], `${at}[${i}]`);
                if (found) {
                    return found;
                }
            }
            return undefined;
        }
        if (typeof x === "object" && x !== null && !isUnknown(x)) {
            for (const [k, value] of Object.entries(x)) {
                const found = idProblem(k, value, `${at}.${k}`) ?? walk(value, `${at}.${k}`);
                if (found) {
                    return found;
                }
            }
        }
        return undefined;
    };
    const found = walk(r.inputs, r.name);
    if (found) {
        return found;
    }
    for (const prop of ["cidrIpv4", "cidrIpv6"]) {
        const cidr = r.inputs?.[prop];
        if (typeof cidr === "string" && parseCidr(cidr)?.canonical !== cidr) {
            return `${r.name}.${prop} is ${JSON.stringify(cidr)}, not a canonical CIDR`;
        }
    }
    const tags = r.inputs?.tags;
    if (tags !== undefined && !isUnknown(tags)) {
        if (typeof tags !== "object" || tags === null) {
            return `${r.name}.tags is ${JSON.stringify(tags)}`;
        }
        const entries = Object.entries(tags);
        if (entries.length > 50) {
            return `${r.name} has ${entries.length} tags`;
        }
        for (const [k, value] of entries) {
            if (typeof value !== "string" || value.length > 256 || k.length > 128 || k.length === 0 || k.toLowerCase().startsWith("aws:")) {
                return `${r.name}.tags[${JSON.stringify(k)}] is ${JSON.stringify(value).slice(0, 60)}`;
            }
        }
    }
    return undefined;
}

function messageOf(e: unknown): string {
    return e instanceof Error ? e.message : String(e);
}

/** Runs the argument sets in batches under one recorder and sorts every outcome. */
export async function runFuzz(spec: FuzzSpec, cases: ReadonlyArray<{ name: string; recipe: Recipe }>, preview: boolean, batch = Number(process.env.FUZZ_BATCH ?? 20)): Promise<FuzzReport> {
    const report: FuzzReport = { counts: { rejected: 0, built: 0, "refused at deployment": 0 }, failures: [] };
    let rec = await startMocks({ preview });
    let serial = 0;
    for (let start = 0; start < cases.length; start += batch) {
        // A fresh runtime now and then keeps the recorder small.
        if (rec.resources.length > 4000) {
            rec = await startMocks({ preview });
        }
        const slice = cases.slice(start, start + batch);
        const runs = await runBatch(spec, rec, slice, () => serial++);
        if (runs.foreign.length > 0 && slice.length > 1) {
            // An error that names no component: find its argument set by running them one by one.
            for (const c of slice) {
                const single = await runBatch(spec, rec, [c], () => serial++);
                record(report, single.results, single.foreign, [c]);
            }
            continue;
        }
        record(report, runs.results, runs.foreign, slice);
    }
    return report;
}

function record(report: FuzzReport, results: Array<{ outcome?: Outcome; problem?: string }>, foreign: string[], slice: ReadonlyArray<{ name: string; recipe: Recipe }>): void {
    results.forEach((r, i) => {
        const problem = r.problem ?? (foreign.length > 0 ? `deployment error that names no component: ${foreign[0]}` : undefined);
        if (problem) {
            report.failures.push({ problem, recipe: `${JSON.stringify(slice[i].name)} ${fc.stringify(slice[i].recipe)}` });
        } else {
            report.counts[r.outcome!]++;
        }
    });
}

async function runBatch(
    spec: FuzzSpec,
    rec: Recorder,
    slice: ReadonlyArray<{ name: string; recipe: Recipe }>,
    next: () => number,
): Promise<{ results: Array<{ outcome?: Outcome; problem?: string }>; foreign: string[] }> {
    const rejections = new DeploymentErrors();
    const runs = slice.map((c) => {
        const name = `${c.name}${"z"}${next()}`;
        let thrown: unknown;
        try {
            spec.build(name, materialize(c.recipe));
        } catch (e) {
            thrown = e;
        }
        return { name, thrown };
    });
    // A run is done when its component registered its outputs or the runtime reported an error
    // of its own; a run still not done after 20 s never settled.
    const done = (r: { name: string; thrown: unknown }) =>
        r.thrown !== undefined || componentOf(rec, spec, r.name)?.outputs !== undefined || rejections.errors.some((e) => messageOf(e).includes(`"${r.name}": `));
    try {
        await settleOrQuiet(rec, rejections, () => runs.every(done), 20000);
    } finally {
        rejections.stop();
    }
    const messages = [...new Set(rejections.errors.map(messageOf))];
    // The runtime wraps a failed input once per level it serialises: strip every wrapping.
    const unwrapped = (m: string) => m.replace(/^([A-Za-z]*Error: )?(error serializing property "[^"]*": )*/, "");
    const foreign = messages.filter((m) => !/^Aws[A-Za-z]+ "/.test(unwrapped(m)) || !/ Fix: /.test(m));
    const results = runs.map(({ name, thrown }) => classify(spec, rec, name, thrown, messages.filter((m) => m.includes(`${spec.component} "${name}": `))));
    return { results, foreign };
}

function componentOf(rec: Recorder, spec: FuzzSpec, name: string): RecordedResource | undefined {
    return rec.resources.find((r) => r.type === spec.type && r.name === name);
}

function classify(spec: FuzzSpec, rec: Recorder, name: string, thrown: unknown, deployment: string[]): { outcome?: Outcome; problem?: string } {
    const mine = rec.resources.filter((r) => r.name === name || r.name.startsWith(`${name}-`));
    if (thrown !== undefined) {
        if (!ValidationError.isInstance(thrown)) {
            return { problem: `threw ${messageOf(thrown).slice(0, 300)}` };
        }
        if (!thrown.field || !thrown.fix || !thrown.message.startsWith(`${spec.component} "${name}": ${thrown.field} `)) {
            return { problem: `a ValidationError that does not name its field and fix: ${thrown.message.slice(0, 200)}` };
        }
        if (mine.length > 0) {
            return { problem: `rejected after registering ${mine.map((r) => r.name).join(", ")}` };
        }
        return { outcome: "rejected" };
    }
    const urns = new Set<string>();
    for (const r of mine) {
        if (urns.has(r.urn)) {
            return { problem: `duplicate URN ${r.urn}` };
        }
        urns.add(r.urn);
        const garbage = r.custom ? garbageIn(r) : undefined;
        if (garbage) {
            return { problem: `garbage reached the provider: ${garbage}` };
        }
    }
    if (deployment.length > 0) {
        const bad = deployment.find((m) => !/ Fix: /.test(m) || !m.includes(" resolved to "));
        return bad ? { problem: `a deployment error without field and fix: ${bad.slice(0, 200)}` } : { outcome: "refused at deployment" };
    }
    const component = componentOf(rec, spec, name);
    if (!component || component.outputs === undefined) {
        return { problem: "never settled: no error, and the component's outputs were never registered" };
    }
    return { outcome: "built" };
}

/** How many argument sets to run per component and mode: `FUZZ_RUNS`, else the CI default. */
export function fuzzRuns(ciDefault: number): number {
    const n = Number(process.env.FUZZ_RUNS);
    return Number.isInteger(n) && n > 0 ? n : ciDefault;
}

export { DeploymentValidationError };
