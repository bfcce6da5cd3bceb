/**
 * Runs a rule's function directly, in this process, the way the policy server runs it: the
 * properties go through the same protobuf `Struct` round trip and the same deserialiser, and are
 * wrapped in the SDK's unknown-checking proxy; a stack gets its parents and dependencies resolved
 * to resource objects. Fast enough to run a rule tens of thousands of times (the property and
 * timing tests), while the pack tests drive the real server over gRPC.
 */
import { PolicyResource, ResourceValidationPolicy, StackValidationPolicy, unknownCheckingProxy, UnknownValueError } from "@pulumi/policy";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { clearStackIndex, Rule } from "../../policies/core";
import { AnalyzerResourceInput, urnFor } from "../../tools/analyzer";
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { deserializeProperties } = require("@pulumi/policy/deserialize");

/** What one run of a rule said. */
export interface Outcome {
    violations: Array<{ message: string; urn?: string }>;
    /** Whether the rule said it could not check a value unknown during preview. */
    unknown: boolean;
    /** The reason, when the rule said it does not apply. */
    notApplicable?: string;
    /** Milliseconds the rule took. */
    ms: number;
}

class NotApplicable extends Error {
    constructor(public readonly reason?: string) {
        super(reason);
    }
}

/** Struct.fromJavaScript rejects undefined; the engine never sends it either. */
function strip(value: any): any {
    if (Array.isArray(value)) {
        return value.map(strip);
    }
    if (value && typeof value === "object") {
        const out: Record<string, any> = {};
        for (const [k, v] of Object.entries(value)) {
            if (v !== undefined) {
                // defineProperty: an own `__proto__` key stays a key, as it is on the wire.
                Object.defineProperty(out, k, { value: strip(v), enumerable: true, writable: true, configurable: true });
            }
        }
        return out;
    }
    return value;
}

/** Records every path at which a rule reads a string (with `get` or a property descriptor). */
export type ReadRecorder = (path: readonly string[]) => void;

function recording(value: any, path: readonly string[], record: ReadRecorder): any {
    if (value === null || typeof value !== "object") {
        return value;
    }
    const wrap = (key: string | symbol, v: any) => {
        if (typeof key !== "string") {
            return v;
        }
        if (typeof v === "string") {
            record([...path, key]);
        }
        return recording(v, [...path, key], record);
    };
    return new Proxy(value, {
        get: (target, key) => wrap(key, target[key as any]),
        getOwnPropertyDescriptor: (target, key) => {
            const d = Object.getOwnPropertyDescriptor(target, key);
            return d && "value" in d && d.configurable ? { ...d, value: wrap(key, d.value) } : d;
        },
    });
}

/** The properties as the policy server hands them to a rule (with `record`, every string read is recorded). */
export function serverProps(props: Record<string, any>, record?: ReadRecorder): Record<string, any> {
    const deserialised = deserializeProperties(Struct.fromJavaScript(strip(props ?? {})), false);
    return unknownCheckingProxy(record ? recording(deserialised, [], record) : deserialised);
}

function configGetter(config: Record<string, unknown>) {
    return <T extends object>() => config as T;
}

/** Runs a rule (the clock measures the rule alone: the properties are deserialised before). */
async function outcome(run: (report: (message: string, urn?: string) => void) => void | Promise<void>): Promise<Outcome> {
    const violations: Outcome["violations"] = [];
    const start = process.hrtime.bigint();
    let unknown = false;
    let notApplicable: string | undefined;
    try {
        await run((message, urn) => violations.push({ message, urn }));
    } catch (e) {
        if (e instanceof UnknownValueError) {
            unknown = true;
        } else if (e instanceof NotApplicable) {
            notApplicable = e.reason ?? "";
        } else {
            throw e;
        }
    }
    return { violations, unknown, notApplicable, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

const notApplicableFn = (reason?: string): never => {
    throw new NotApplicable(reason);
};

/** Runs a resource rule on one resource. */
export function runResourceRule(
    rule: ResourceValidationPolicy,
    input: AnalyzerResourceInput,
    config: Record<string, unknown> = {},
    record?: ReadRecorder,
    prepared?: Record<string, any>,
): Promise<Outcome> {
    const name = input.name ?? "res";
    const validations = Array.isArray(rule.validateResource) ? rule.validateResource : [rule.validateResource!];
    // `prepared`: properties already deserialised (by serverProps), shared by several rules.
    const propsOf = validations.map(() => prepared ?? serverProps(input.props, record));
    return outcome(async (report) => {
        for (const [i, validate] of validations.entries()) {
            const props = propsOf[i];
            const args: any = {
                type: input.type,
                props,
                urn: input.urn ?? urnFor(input.type, name),
                name,
                opts: {},
                isType: () => false,
                asType: () => undefined,
                getConfig: configGetter(config),
                notApplicable: notApplicableFn,
            };
            await validate(args, (message: string) => report(message));
        }
    });
}

/** The stack as the policy server hands it to a stack rule. */
export function serverStack(inputs: readonly AnalyzerResourceInput[], record?: (index: number, path: readonly string[]) => void): PolicyResource[] {
    const resources = inputs.map((r, index) => {
        const name = r.name ?? "res";
        return {
            type: r.type,
            name,
            urn: r.urn ?? urnFor(r.type, name),
            props: serverProps(r.props, record && ((path) => record(index, path))),
            opts: {},
            dependencies: [],
            propertyDependencies: {},
            isType: () => false,
            asType: () => undefined,
        } as unknown as PolicyResource;
    });
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    inputs.forEach((input, i) => {
        const r = resources[i] as any;
        if (input.parent && byUrn.has(input.parent)) {
            r.parent = byUrn.get(input.parent);
        }
        r.dependencies = (input.dependencies ?? []).map((u) => byUrn.get(u)).filter((d) => d);
        for (const [k, urns] of Object.entries(input.propertyDependencies ?? {})) {
            r.propertyDependencies[k] = urns.map((u) => byUrn.get(u)).filter((d) => d);
        }
    });
    return resources;
}

/** Runs a stack rule on a stack (a fresh stack index: one call of AnalyzeStack). */
export function runStackRule(
    rule: StackValidationPolicy,
    inputs: readonly AnalyzerResourceInput[] | { resources: PolicyResource[] },
    config: Record<string, unknown> = {},
    record?: (index: number, path: readonly string[]) => void,
): Promise<Outcome> {
    // A prepared stack (`{ resources }`) is shared by the rules of one call, as the stack index is.
    const resources = "resources" in inputs ? inputs.resources : serverStack(inputs, record);
    if (!("resources" in inputs)) {
        clearStackIndex();
    }
    return outcome((report) =>
        rule.validateStack({ resources, getConfig: configGetter(config), notApplicable: notApplicableFn } as any, (message: string, urn?: string) => report(message, urn)),
    );
}

/** Runs any rule: a resource rule on each resource of `inputs` (merged), or a stack rule on all of them. */
export async function runRule(
    rule: Rule,
    inputs: readonly AnalyzerResourceInput[],
    config: Record<string, unknown> = {},
    record?: (index: number, path: readonly string[]) => void,
): Promise<Outcome> {
    if ("validateStack" in rule) {
        return runStackRule(rule, inputs, config, record);
    }
    const out: Outcome = { violations: [], unknown: false, ms: 0 };
    for (const [index, input] of inputs.entries()) {
        const o = await runResourceRule(rule, input, config, record && ((path) => record(index, path)));
        out.violations.push(...o.violations);
        out.unknown ||= o.unknown;
        out.ms += o.ms;
    }
    return out;
}

/** Whether a rule is a stack rule. */
export function isStackRule(rule: Rule): rule is StackValidationPolicy {
    return "validateStack" in rule;
}
