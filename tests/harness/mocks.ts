/**
 * A recording mock harness for component tests.
 *
 * `pulumi.runtime.setMocks` hands `newResource` only the type, name, inputs and provider of a
 * resource. The register request that reaches the mock monitor carries much more — parent,
 * dependencies, property dependencies, aliases, ignoreChanges, replaceOnChanges — and those are
 * exactly what a component's contract is made of. So this harness installs the stock MockMonitor
 * and wraps its `registerResource`, `readResource` and `registerResourceOutputs` to keep every
 * request, then lets tests query the resulting graph.
 */
import * as pulumi from "@pulumi/pulumi";
import type { GraphResource } from "../../tools/graph";
import { mockedInterfaces, mockId, mockState } from "./state";

/** One registered resource (custom or component), as the engine would have seen it. */
export interface RecordedResource extends GraphResource {
    /** Alias URNs or specs, as plain objects. */
    aliases: any[];
    ignoreChanges: string[];
    replaceOnChanges: string[];
    deleteBeforeReplace: boolean;
    retainOnDelete?: boolean;
    protect?: boolean;
    /** The `replacementTrigger` option, deserialised; undefined when not set. */
    replacementTrigger?: unknown;
    /** URNs of the resources whose replacement replaces this one (`replaceWith`). */
    replaceWith?: string[];
    /** Registered outputs of a component (after `registerOutputs`). */
    outputs?: Record<string, any>;
    /** Whether this came from a `get`/read rather than a registration. */
    read: boolean;
}

/** One invoke (data source call). */
export interface RecordedInvoke {
    token: string;
    inputs: Record<string, any>;
    provider?: string;
}

/** Computes the mocked state of a resource; return undefined to fall back to the defaults. */
export type StateMocker = (args: pulumi.runtime.MockResourceArgs) => Record<string, any> | undefined;
/** Answers an invoke; return undefined to fall back to the defaults. */
export type InvokeMocker = (args: pulumi.runtime.MockCallArgs) => Record<string, any> | undefined;

/** Options for {@link startMocks}. */
export interface MockOptions {
    project?: string;
    stack?: string;
    /** Extra state per resource, merged over the defaults. */
    state?: StateMocker;
    /** Invoke answers, tried before the defaults. */
    invoke?: InvokeMocker;
    /** Configuration values (`project:key` or `aws:region` → value). */
    config?: Record<string, string>;
    /**
     * Run as `pulumi preview` does: computed outputs of new resources are unknown, so `apply`
     * callbacks on them never run. Never await such outputs in a preview test: they do not resolve.
     * @default false (as `pulumi up` does)
     */
    preview?: boolean;
}

/** The graph recorded by the harness, with query helpers. */
export class Recorder {
    public readonly resources: RecordedResource[] = [];
    public readonly invokes: RecordedInvoke[] = [];
    private readonly byUrn = new Map<string, RecordedResource>();

    /** Forgets everything recorded so far. */
    public reset(): void {
        this.resources.length = 0;
        this.invokes.length = 0;
        this.byUrn.clear();
    }

    /** @internal */
    public add(r: RecordedResource): void {
        this.resources.push(r);
        this.byUrn.set(r.urn, r);
    }

    /** @internal */
    public setOutputs(urn: string, outputs: Record<string, any>): void {
        const r = this.byUrn.get(urn);
        if (r) {
            r.outputs = outputs;
        }
    }

    /** Waits until every registration the program started has reached the monitor. */
    public async settle(): Promise<void> {
        // Registrations chain promises; wait a few turns of the RPC queue so late ones land.
        for (let i = 0; i < 3; i++) {
            await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
            await new Promise((resolve) => setImmediate(resolve));
        }
    }

    /** All resources of a type token. */
    public ofType(type: string): RecordedResource[] {
        return this.resources.filter((r) => r.type === type);
    }

    /** The resource with this URN. */
    public byUrnOf(urn: string): RecordedResource | undefined {
        return this.byUrn.get(urn);
    }

    /** The single resource with this logical name (and type, if given); throws otherwise. */
    public one(name: string, type?: string): RecordedResource {
        const found = this.resources.filter((r) => r.name === name && (type === undefined || r.type === type));
        if (found.length !== 1) {
            const known = this.resources.map((r) => `${r.type}::${r.name}`).join("\n  ");
            throw new Error(`expected exactly one resource named "${name}"${type ? ` of type ${type}` : ""}, found ${found.length}. Registered:\n  ${known}`);
        }
        return found[0];
    }

    /** The resource with this logical name (and type), or undefined. */
    public find(name: string, type?: string): RecordedResource | undefined {
        return this.resources.find((r) => r.name === name && (type === undefined || r.type === type));
    }

    /** The direct children of a resource (by URN or logical name). */
    public childrenOf(parent: RecordedResource | string): RecordedResource[] {
        const urn = typeof parent === "string" ? (this.byUrn.get(parent)?.urn ?? this.one(parent).urn) : parent.urn;
        return this.resources.filter((r) => r.parent === urn);
    }

    /** Every resource below a resource, depth first. */
    public descendantsOf(parent: RecordedResource | string): RecordedResource[] {
        const out: RecordedResource[] = [];
        const walk = (p: RecordedResource | string) => {
            for (const c of this.childrenOf(p)) {
                out.push(c);
                walk(c);
            }
        };
        walk(parent);
        return out;
    }

    /** The provider resource a custom resource was given, resolved from its `urn::id` reference. */
    public providerOf(r: RecordedResource): RecordedResource | undefined {
        if (!r.provider) {
            return undefined;
        }
        const urn = r.provider.split("::").slice(0, -1).join("::");
        return this.byUrn.get(urn);
    }

    /** A compact `type name` listing, sorted, for graph snapshots. */
    public summary(filter?: (r: RecordedResource) => boolean): string[] {
        return typeNames(this.resources.filter(filter ?? (() => true)));
    }
}

/** `type name` of each resource, sorted: the form graph snapshots are written in. */
export function typeNames(resources: RecordedResource[]): string[] {
    return resources.map((r) => `${r.type} ${r.name}`).sort();
}

let active: Recorder | undefined;

/**
 * Installs recording mocks and returns the recorder. Call it (and await it) before creating any
 * resource; calling it again starts a new recording with a fresh runtime state.
 */
export async function startMocks(options: MockOptions = {}): Promise<Recorder> {
    const recorder = new Recorder();
    active = recorder;
    if (options.config) {
        pulumi.runtime.setAllConfig(options.config);
    }
    const mocks: pulumi.runtime.Mocks = {
        newResource: (args) => {
            if (options.preview) {
                // A preview knows only the inputs of a new resource: its id and every computed
                // output stay unknown, as they do under the CLI.
                return { id: args.id, state: { ...args.inputs, ...(options.state?.(args) ?? {}) } };
            }
            const state = {
                ...args.inputs,
                ...mockState(args),
                ...(options.state?.(args) ?? {}),
            };
            return { id: args.id || (args.custom === false ? "" : mockId(args.type, args.name)), state };
        },
        call: (args) => {
            recorder.invokes.push({ token: args.token, inputs: args.inputs, provider: args.provider });
            return options.invoke?.(args) ?? defaultInvoke(args);
        },
    };
    await pulumi.runtime.setMocks(mocks, options.project ?? "project", options.stack ?? "stack", options.preview ?? false);
    const monitor = pulumi.runtime.getMonitor() as any;
    wrapMonitor(monitor, recorder);
    return recorder;
}

/** The recorder of the last {@link startMocks} call. */
export function recorder(): Recorder {
    if (!active) {
        throw new Error("startMocks() has not been called");
    }
    return active;
}

function wrapMonitor(monitor: any, rec: Recorder): void {
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req: any, callback: (err: any, resp: any) => void) => {
        register(req, (err: any, resp: any) => {
            if (!err && resp) {
                const propDeps: Record<string, string[]> = {};
                req.getPropertydependenciesMap().forEach((v: any, k: string) => {
                    propDeps[k] = v.getUrnsList();
                });
                const urn: string = resp.getUrn();
                const stored = monitor.resources.get(urn);
                rec.add({
                    type: req.getType(),
                    name: req.getName(),
                    urn,
                    id: resp.getId(),
                    custom: req.getCustom(),
                    inputs: pulumi.runtime.deserializeProperties(req.getObject()),
                    state: stored ? pulumi.runtime.deserializeProperties(structOf(stored.state)) : {},
                    parent: req.getParent() || undefined,
                    provider: req.getProvider() || undefined,
                    dependencies: req.getDependenciesList(),
                    propertyDependencies: propDeps,
                    aliases: req.getAliasesList().map((a: any) => a.toObject()),
                    ignoreChanges: req.getIgnorechangesList(),
                    replaceOnChanges: req.getReplaceonchangesList(),
                    deleteBeforeReplace: req.getDeletebeforereplace(),
                    retainOnDelete: req.getRetainondelete(),
                    protect: req.getProtect(),
                    replacementTrigger: req.hasReplacementTrigger() ? pulumi.runtime.deserializeProperty(req.getReplacementTrigger().toJavaScript()) : undefined,
                    replaceWith: req.getReplaceWithList(),
                    read: false,
                });
            }
            callback(err, resp);
        });
    };
    const read = monitor.readResource.bind(monitor);
    monitor.readResource = (req: any, callback: (err: any, resp: any) => void) => {
        read(req, (err: any, resp: any) => {
            if (!err && resp) {
                rec.add({
                    type: req.getType(),
                    name: req.getName(),
                    urn: resp.getUrn(),
                    id: req.getId(),
                    custom: true,
                    inputs: pulumi.runtime.deserializeProperties(req.getProperties()),
                    state: pulumi.runtime.deserializeProperties(resp.getProperties()),
                    parent: req.getParent() || undefined,
                    provider: req.getProvider() || undefined,
                    dependencies: req.getDependenciesList(),
                    propertyDependencies: {},
                    aliases: [],
                    ignoreChanges: [],
                    replaceOnChanges: [],
                    deleteBeforeReplace: false,
                    read: true,
                });
            }
            callback(err, resp);
        });
    };
    const outputs = monitor.registerResourceOutputs.bind(monitor);
    monitor.registerResourceOutputs = (req: any, callback: (err: any, resp: any) => void) => {
        const o = req.getOutputs();
        rec.setOutputs(req.getUrn(), o ? pulumi.runtime.deserializeProperties(o) : {});
        outputs(req, callback);
    };
}

function structOf(value: any): any {
    // The stock monitor keeps serialised state; wrap it as a Struct-like object for deserialising.
    return { toJavaScript: () => value };
}

/** Default answers for the invokes our components and tests use. */
function defaultInvoke(args: pulumi.runtime.MockCallArgs): Record<string, any> {
    switch (args.token) {
        case "aws:index/getRegion:getRegion":
            return { name: "us-east-1", region: "us-east-1", id: "us-east-1", description: "US East (N. Virginia)" };
        case "aws:index/getPartition:getPartition":
            return { partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws", id: "aws" };
        case "aws:index/getCallerIdentity:getCallerIdentity":
            return { accountId: "111111111111", arn: "arn:aws:iam::111111111111:root", userId: "AIDA", id: "111111111111" };
        case "aws:ec2/getNetworkInterface:getNetworkInterface": {
            const eni = mockedInterfaces.get(args.inputs.id);
            return eni ? { id: args.inputs.id, subnetId: eni.subnetId, privateIp: eni.privateIp, privateIps: [eni.privateIp], ipv6Addresses: [] } : {};
        }
        case "aws:ec2/getVpc:getVpc":
            return { id: args.inputs.id ?? "vpc-mock", cidrBlock: "10.0.0.0/16", cidrBlockAssociations: [{ cidrBlock: "10.0.0.0/16" }] };
        default:
            return {};
    }
}

/** Resolves an Output (or plain value) to its value; unknown values resolve to undefined. */
export function unwrap<T>(value: pulumi.Input<T> | undefined): Promise<T> {
    return new Promise<T>((resolve) => {
        pulumi.output(value).apply((v) => {
            resolve(v as T);
            return v;
        });
    });
}

/** Resolves every Output-typed field of a component to a plain object. */
export async function outputsOf(component: pulumi.ComponentResource, names: string[]): Promise<Record<string, any>> {
    const out: Record<string, any> = {};
    for (const n of names) {
        out[n] = await unwrap((component as any)[n]);
    }
    return out;
}
