/**
 * Recording mocks: run a Pulumi program with `pulumi.runtime.setMocks` and keep every registered
 * resource the way the engine would have seen it.
 *
 * `setMocks` hands `newResource` only the type, name, inputs and provider of a resource. The
 * register request that reaches the mock monitor carries much more — parent, dependencies,
 * property dependencies, aliases, ignoreChanges, replaceOnChanges — and policy packs and
 * edit-safety checks need exactly those. So this installs the stock MockMonitor and wraps its
 * `registerResource`, `readResource` and `registerResourceOutputs` to keep every request.
 *
 * It works on whichever copy of `@pulumi/pulumi` it is given: the offline `plan` command passes
 * the copy the user's project resolves (the copy its program registers resources with); the test
 * harness passes its own.
 */
import type * as Pulumi from "@pulumi/pulumi";
import type { GraphResource } from "../graph";

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

/** The graph recorded so far, with query helpers. */
export class Recorder {
    public readonly resources: RecordedResource[] = [];
    public readonly invokes: RecordedInvoke[] = [];
    private readonly byUrn = new Map<string, RecordedResource>();

    constructor(private readonly pulumi: typeof Pulumi) {}

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
            await (this.pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
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

/** Options of {@link startRecording}. */
export interface RecordingOptions {
    project: string;
    stack: string;
    /** Whether the program runs as in `pulumi preview` (unknown values never resolve). @default false */
    preview?: boolean;
    /**
     * Computes a resource's mocked state; its result is merged over the inputs. Without an `id`
     * key the id is `${name}-id` (none for components); an `id` key set to undefined leaves the id
     * unknown, as in a preview.
     */
    newResource: (args: Pulumi.runtime.MockResourceArgs) => { id?: string; state: Record<string, any> } | Promise<{ id?: string; state: Record<string, any> }>;
    /** Answers an invoke. */
    call: (args: Pulumi.runtime.MockCallArgs) => Record<string, any> | Promise<Record<string, any>>;
}

/**
 * Installs recording mocks on `pulumi` and returns the recorder. Await it before creating any
 * resource; calling it again starts a new recording with a fresh runtime state.
 */
export async function startRecording(pulumi: typeof Pulumi, options: RecordingOptions): Promise<Recorder> {
    const recorder = new Recorder(pulumi);
    const mocks: Pulumi.runtime.Mocks = {
        newResource: async (args) => {
            const result = await options.newResource(args);
            const id = "id" in result ? result.id : args.id || (args.custom === false ? "" : `${args.name}-id`);
            return { id: id as string, state: { ...args.inputs, ...result.state } };
        },
        call: async (args) => {
            recorder.invokes.push({ token: args.token, inputs: args.inputs, provider: args.provider });
            return options.call(args);
        },
    };
    await pulumi.runtime.setMocks(mocks, options.project, options.stack, options.preview ?? false);
    wrapMonitor(pulumi, pulumi.runtime.getMonitor() as any, recorder);
    return recorder;
}

function wrapMonitor(pulumi: typeof Pulumi, monitor: any, rec: Recorder): void {
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
                    replacementTrigger: req.hasReplacementTrigger?.() ? pulumi.runtime.deserializeProperty(req.getReplacementTrigger().toJavaScript()) : undefined,
                    replaceWith: req.getReplaceWithList?.() ?? [],
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
