/**
 * Runs a stack's Pulumi program offline: its `Pulumi.<stack>.yaml` config, the project's own
 * `@pulumi/pulumi` with recording mocks, placeholders for every value a cloud computes, and
 * `StackReference`s to the project's other stacks answered with those stacks' planned outputs.
 *
 * The program runs in this process, as `pulumi preview` runs it in the language host: its module
 * is required, its exports are the stack outputs. Before each run the program's own modules (not
 * `node_modules`) are dropped from the require cache, so several stacks run one after another.
 */
import * as fs from "fs";
import * as path from "path";
import type * as Pulumi from "@pulumi/pulumi";
import { noteProvider, placeholderId, placeholderInvoke, placeholderState, resetPlaceholders } from "./placeholders";
import { PulumiProject, qualify, readStack, StackSettings } from "./project";
import { RecordedResource, startRecording } from "./recorder";

/** What one offline run of a stack's program produced. */
export interface ProgramRun {
    stack: string;
    project: string;
    /** The stack file the config came from. */
    file: string;
    settings: StackSettings;
    /** Every registered resource (components, custom resources, providers, reads). */
    resources: RecordedResource[];
    /** The stack outputs (the program's exports), resolved; placeholders where a cloud computes them. */
    outputs: Record<string, unknown>;
    /** Why the program failed, if it did. */
    error?: string;
    /** Project config keys the stack file sets but the program never read (and Pulumi.yaml does not declare). */
    unreadKeys: string[];
    /** Stacks the program referenced with a StackReference. */
    references: string[];
}

/** How a run answers a `StackReference`: the outputs of the named stack, or undefined if not known (yet). */
export type ReferenceResolver = (name: string) => Record<string, unknown> | undefined;

/** How long a program may take to register its resources and resolve its outputs. */
const PROGRAM_TIMEOUT_MS = 120000;

/** The copy of `@pulumi/pulumi` the project's program uses: resolved from the project, as its modules resolve it. */
export function projectPulumi(project: PulumiProject): typeof Pulumi {
    const entry = require.resolve("@pulumi/pulumi", { paths: [project.dir] });
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    return require(entry);
}

let typescriptRegistered = false;

/**
 * Lets Node require the program's TypeScript, as the Pulumi Node.js host does: the project's own
 * ts-node and TypeScript when it has them, else the copies vendored in `@pulumi/pulumi`. Type
 * checking is off: `tsc` (or the CLI) checks types; the plan is about what the program builds.
 */
function registerTypeScript(project: PulumiProject): void {
    if (typescriptRegistered || require.extensions[".ts"] !== undefined) {
        typescriptRegistered = true;
        return;
    }
    const pulumiDir = path.dirname(require.resolve("@pulumi/pulumi/package.json", { paths: [project.dir] }));
    const resolveOr = (pkg: string, vendored: string) => {
        try {
            return require.resolve(pkg, { paths: [project.dir] });
        } catch {
            return path.join(pulumiDir, "vendor", vendored);
        }
    };
    const compiler = resolveOr("typescript", "typescript@3.8.3/typescript.js");
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const tsnode = require(resolveOr("ts-node", "ts-node@7.0.1"));
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const tsVersion: string = require(compiler).version;
    const [major, minor] = tsVersion.split(".").map(Number);
    const tsconfig = path.join(project.dir, "tsconfig.json");
    const hasTsconfig = fs.existsSync(tsconfig);
    tsnode.register({
        transpileOnly: true,
        compiler,
        skipProject: !hasTsconfig,
        project: hasTsconfig ? tsconfig : undefined,
        // Without a tsconfig.json, the defaults the Pulumi host uses: NodeNext module resolution
        // for TypeScript 4.7 and later, CommonJS before.
        compilerOptions: hasTsconfig ? undefined : major > 4 || (major === 4 && minor >= 7) ? { target: "ES2020", module: "nodenext", moduleResolution: "nodenext" } : { target: "ES2020", module: "commonjs", moduleResolution: "node" },
    });
    typescriptRegistered = true;
}

/**
 * Drops the program's own modules (not any node_modules) from the require cache, so the next run
 * loads them afresh: every module under the project folder and under the folder of `main`, which
 * may lie outside the project (`main: ../shared/index.ts`). Without the second, every stack after
 * the first would get the first stack's cached program, and build nothing of its own.
 */
function forgetProgram(project: PulumiProject): void {
    const mainDir = fs.existsSync(project.main) && fs.statSync(project.main).isDirectory() ? project.main : path.dirname(project.main);
    const roots = [...new Set([project.dir, mainDir])].map((d) => d + path.sep);
    for (const key of Object.keys(require.cache)) {
        const root = roots.find((r) => key.startsWith(r));
        if (root !== undefined && !key.slice(root.length).split(path.sep).includes("node_modules")) {
            delete require.cache[key];
        }
    }
}

/**
 * Resolves a value that may hold Outputs (deeply) to a plain value. Rejects when an Output in it
 * failed (a `requireOutput` that found nothing, an error thrown in an `apply`).
 */
async function resolveDeep(pulumi: typeof Pulumi, value: unknown): Promise<unknown> {
    // `promise()` is how the runtime itself awaits an Output; unlike `apply` it also rejects.
    const output = pulumi.output(value as Pulumi.Input<any>) as unknown as { promise(): Promise<unknown> };
    return output.promise();
}

/** Whether a StackReference name names a stack of this project: `stack`, `project/stack` or `org/project/stack`. */
export function localStackOf(name: string, project: PulumiProject): string | undefined {
    const parts = name.split("/");
    const stack = parts[parts.length - 1];
    if (parts.length >= 2 && parts[parts.length - 2] !== project.name) {
        return undefined;
    }
    return parts.length <= 3 ? stack : undefined;
}

/**
 * Runs `stack`'s program once. References the resolver cannot answer yet are listed in
 * `references` with empty outputs; the caller plans those stacks and runs this one again.
 */
export async function runProgram(project: PulumiProject, stack: string, resolve: ReferenceResolver): Promise<ProgramRun & { unresolved: string[] }> {
    const settings = readStack(project, stack);
    const pulumi = projectPulumi(project);
    const references = new Set<string>();
    const unresolved = new Set<string>();
    const configLookup = (key: string) => settings.config[key];
    // A reference to a stack not planned yet ends this run early: the caller plans that stack
    // and runs this one again, rather than waiting for outputs that fail on the missing values.
    let abort: () => void = () => undefined;
    const aborted = new Promise<"aborted">((resolve) => (abort = () => resolve("aborted")));

    resetPlaceholders();
    const recorder = await startRecording(pulumi, {
        project: project.name,
        stack,
        newResource: (args) => {
            if (args.type === "pulumi:pulumi:StackReference") {
                const name = String(args.inputs.name ?? args.name);
                references.add(name);
                const outputs = resolve(name);
                if (outputs === undefined) {
                    unresolved.add(name);
                    abort();
                }
                return { id: name, state: { name, outputs: outputs ?? {}, secretOutputNames: [] } };
            }
            const id = args.id || (args.custom === false ? "" : (placeholderId(args) ?? `${args.name}-id`));
            noteProvider(args, id);
            return { id, state: placeholderState(args, configLookup) };
        },
        call: (args) => placeholderInvoke(args, configLookup),
    });
    pulumi.runtime.setAllConfig(settings.config, settings.secretKeys);

    // Which of the program's own config keys does it read? A key the stack file sets that the
    // program never reads is a typo or a leftover, which `pulumi up` would silently ignore.
    const read = new Set<string>();
    let readAll = false;
    const runtimeConfig = require(require.resolve("@pulumi/pulumi/runtime/config", { paths: [project.dir] }));
    const originalGet = runtimeConfig.getConfig;
    const originalAll = runtimeConfig.allConfig;
    runtimeConfig.getConfig = (k: string) => {
        read.add(k);
        return originalGet(k);
    };
    runtimeConfig.allConfig = () => {
        readAll = true;
        return originalAll();
    };

    let error: string | undefined;
    const failures: unknown[] = [];
    const onFailure = (e: unknown) => failures.push(e);
    process.on("unhandledRejection", onFailure);
    process.on("uncaughtException", onFailure);
    let outputs: Record<string, unknown> = {};
    let timer: NodeJS.Timeout | undefined;
    try {
        if (project.typescript) {
            registerTypeScript(project);
        }
        forgetProgram(project);
        const run = (async () => {
            // eslint-disable-next-line @typescript-eslint/no-var-requires
            let exported = require(project.main);
            if (typeof exported === "function") {
                exported = await exported();
            }
            const resolved = await resolveDeep(pulumi, exported ?? {});
            await recorder.settle();
            return resolved;
        })();
        // A program whose outputs never settle would otherwise end the process silently (an empty
        // event loop) or hang; the timer keeps it alive long enough to say so.
        const timeout = new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`the program did not finish within ${PROGRAM_TIMEOUT_MS / 1000} s (an output that never resolves?)`)), PROGRAM_TIMEOUT_MS);
        });
        const resolved = await Promise.race([run, timeout, aborted]);
        if (resolved === "aborted") {
            // Let registrations already on their way land on this run's monitor, not the next one's.
            await Promise.race([recorder.settle(), new Promise((r) => setTimeout(r, 2000))]);
            run.catch(() => undefined);
        } else {
            outputs = resolved !== null && typeof resolved === "object" && !Array.isArray(resolved) ? (resolved as Record<string, unknown>) : {};
            await recorder.settle();
        }
    } catch (e) {
        failures.unshift(e);
    } finally {
        clearTimeout(timer);
        process.off("unhandledRejection", onFailure);
        process.off("uncaughtException", onFailure);
        runtimeConfig.getConfig = originalGet;
        runtimeConfig.allConfig = originalAll;
    }
    if (failures.length > 0 && unresolved.size === 0) {
        error = describeFailure(failures[0]);
    }
    const ownNamespace = `${project.name}:`;
    const unreadKeys =
        readAll || error !== undefined
            ? []
            : Object.keys(settings.config).filter((k) => k.startsWith(ownNamespace) && !read.has(k) && !project.declaredConfig.has(qualify(k, project.name)));
    return {
        stack,
        project: project.name,
        file: settings.file,
        settings,
        resources: [...recorder.resources],
        outputs,
        error,
        unreadKeys,
        references: [...references],
        unresolved: [...unresolved],
    };
}

/** One line that says why a program failed: the message, without a stack trace. */
export function describeFailure(e: unknown): string {
    if (e instanceof Error) {
        const message = e.message.split("\n").find((l) => l.trim() !== "") ?? e.name;
        return e.name && e.name !== "Error" && !message.startsWith(e.name) ? `${e.name}: ${message}` : message;
    }
    return String(e);
}
