/**
 * A recording mock harness for component tests.
 *
 * `pulumi.runtime.setMocks` hands `newResource` only the type, name, inputs and provider of a
 * resource. The register request that reaches the mock monitor carries much more — parent,
 * dependencies, property dependencies, aliases, ignoreChanges, replaceOnChanges — and those are
 * exactly what a component's contract is made of. The offline `plan` command records them the same
 * way (tools/plan/recorder.ts); this harness uses that recorder with the test's own copy of
 * `@pulumi/pulumi` and the shared placeholders for computed outputs (tools/plan/placeholders.ts).
 */
import * as pulumi from "@pulumi/pulumi";
import { placeholderInvoke } from "../../tools/plan/placeholders";
import { Recorder, startRecording } from "../../tools/plan/recorder";
import { mockId, mockState, noteProvider, resetMockState } from "./state";

export { RecordedInvoke, RecordedResource, Recorder, typeNames } from "../../tools/plan/recorder";

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

let active: Recorder | undefined;

/**
 * Installs recording mocks and returns the recorder. Call it (and await it) before creating any
 * resource; calling it again starts a new recording with a fresh runtime state.
 */
export async function startMocks(options: MockOptions = {}): Promise<Recorder> {
    resetMockState();
    if (options.config) {
        pulumi.runtime.setAllConfig(options.config);
    }
    const recorder = await startRecording(pulumi, {
        project: options.project ?? "project",
        stack: options.stack ?? "stack",
        preview: options.preview,
        newResource: (args) => {
            if (options.preview) {
                // A preview knows only the inputs of a new resource: its id and every computed
                // output stay unknown, as they do under the CLI.
                return { id: args.id, state: { ...(options.state?.(args) ?? {}) } };
            }
            const id = args.id || (args.custom === false ? "" : (mockId(args) ?? `${args.name}-id`));
            noteProvider(args, id);
            return { id, state: { ...mockState(args), ...(options.state?.(args) ?? {}) } };
        },
        call: (args) => options.invoke?.(args) ?? placeholderInvoke(args),
    });
    active = recorder;
    return recorder;
}

/** The recorder of the last {@link startMocks} call. */
export function recorder(): Recorder {
    if (!active) {
        throw new Error("startMocks() has not been called");
    }
    return active;
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
