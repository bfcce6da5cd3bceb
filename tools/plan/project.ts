/**
 * Reads a Pulumi project the way the CLI does: `Pulumi.yaml` (name, runtime, main,
 * stackConfigDir, declared config) and `Pulumi.<stack>.yaml` files, with the config handed to the
 * program as the engine hands it (every key `namespace:name`, structured values as JSON text).
 *
 * Every mistake is a {@link PlanError} that names the file (and line) and the fix.
 */
import * as fs from "fs";
import * as path from "path";
import { isMap, isScalar, LineCounter, parseDocument, Scalar, YAMLMap } from "yaml";
import { ExitCode, PlanError } from "./errors";

/** A Pulumi project: its `Pulumi.yaml`, resolved. */
export interface PulumiProject {
    /** The folder that holds `Pulumi.yaml`. */
    dir: string;
    /** The path of `Pulumi.yaml`. */
    file: string;
    /** The project name (the config namespace of the program's own keys). */
    name: string;
    /** The runtime (`nodejs`). */
    runtime: string;
    /** Whether the runtime is told to run TypeScript (`runtime.options.typescript`, default true). */
    typescript: boolean;
    /** The program's entry: a file or a folder, absolute. */
    main: string;
    /** Where the stack files live, absolute. */
    stackConfigDir: string;
    /** Project-level config keys declared in `Pulumi.yaml` (`config:`), fully qualified. */
    declaredConfig: Set<string>;
}

/** One stack's settings, read from its `Pulumi.<stack>.yaml`. */
export interface StackSettings {
    /** The stack name. */
    stack: string;
    /** The path of the stack file. */
    file: string;
    /** The config as the engine passes it: `{ "ns:key": "value or JSON" }`. */
    config: Record<string, string>;
    /** Keys whose value is a secret (`secure:`); offline their value is a placeholder. */
    secretKeys: string[];
    /** The line of each config key in the file (1-based), for messages and SARIF locations. */
    lines: Map<string, number>;
}

/** The placeholder an offline run gives a secret, which it cannot decrypt. */
export const SECRET_PLACEHOLDER = "[secret: not decrypted offline]";

function readYaml(file: string, what: string): { doc: ReturnType<typeof parseDocument>; counter: LineCounter } {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (e) {
        throw new PlanError(ExitCode.MalformedFile, file, `cannot read the ${what}: ${(e as Error).message}`, "check the path and the file's permissions");
    }
    const counter = new LineCounter();
    const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
    const err = doc.errors[0];
    if (err) {
        const line = counter.linePos(err.pos[0]).line;
        throw new PlanError(ExitCode.MalformedFile, `${file}:${line}`, `is not valid YAML (${err.message.split("\n")[0]})`, `correct the ${what} at line ${line}`);
    }
    return { doc, counter };
}

/** The nearest folder at or above `start` that holds a `Pulumi.yaml` (or `.yml`). */
export function findProjectDir(start: string): string | undefined {
    let dir = path.resolve(start);
    for (;;) {
        if (["Pulumi.yaml", "Pulumi.yml"].some((f) => fs.existsSync(path.join(dir, f)))) {
            return dir;
        }
        const up = path.dirname(dir);
        if (up === dir) {
            return undefined;
        }
        dir = up;
    }
}

/** Reads `Pulumi.yaml` of the project at or above `start`. */
export function loadProject(start: string): PulumiProject {
    const dir = findProjectDir(start);
    if (dir === undefined) {
        throw new PlanError(ExitCode.Usage, path.resolve(start), "is not inside a Pulumi project (no Pulumi.yaml here or above)", "run the command in your project's folder, or pass --cwd <project folder>");
    }
    const file = ["Pulumi.yaml", "Pulumi.yml"].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f))!;
    const { doc } = readYaml(file, "project file");
    const data = doc.toJS() as Record<string, any> | null;
    if (data === null || typeof data !== "object" || Array.isArray(data)) {
        throw new PlanError(ExitCode.MalformedFile, file, "is not a map of project settings", "write name:, runtime: and main: at the top level");
    }
    if (typeof data.name !== "string" || data.name.trim() === "") {
        throw new PlanError(ExitCode.MalformedFile, file, "has no project name", "add name: <project> at the top level");
    }
    const runtime = typeof data.runtime === "string" ? data.runtime : data.runtime?.name;
    if (runtime !== "nodejs") {
        throw new PlanError(ExitCode.MalformedFile, file, `has runtime ${JSON.stringify(runtime)}, but the offline plan runs Node.js programs`, "plan a nodejs project (use --state to audit a deployed stack of any language)");
    }
    const options = typeof data.runtime === "object" ? (data.runtime.options ?? {}) : {};
    const declaredConfig = new Set<string>();
    if (data.config !== undefined && data.config !== null) {
        if (typeof data.config !== "object" || Array.isArray(data.config)) {
            throw new PlanError(ExitCode.MalformedFile, file, "has a config: section that is not a map", "declare each key as key: { type: string, description: … }");
        }
        for (const key of Object.keys(data.config)) {
            declaredConfig.add(qualify(key, data.name));
        }
    }
    return {
        dir,
        file,
        name: data.name,
        runtime,
        typescript: options.typescript !== false,
        main: path.resolve(dir, typeof data.main === "string" ? data.main : "."),
        stackConfigDir: path.resolve(dir, typeof data.stackConfigDir === "string" ? data.stackConfigDir : "."),
        declaredConfig,
    };
}

/** A config key with its namespace: `key` → `<project>:key`. */
export function qualify(key: string, project: string): string {
    return key.includes(":") ? key : `${project}:${key}`;
}

/** The path of a stack's settings file. */
export function stackFile(project: PulumiProject, stack: string): string {
    return path.join(project.stackConfigDir, `Pulumi.${stack}.yaml`);
}

/** Every stack of the project that has a settings file, sorted by name. */
export function listStacks(project: PulumiProject): string[] {
    if (!fs.existsSync(project.stackConfigDir)) {
        return [];
    }
    return fs
        .readdirSync(project.stackConfigDir)
        .map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1])
        .filter((s): s is string => s !== undefined)
        .sort();
}

/** Reads a stack's settings file. */
export function readStack(project: PulumiProject, stack: string): StackSettings {
    const file = stackFile(project, stack);
    if (!/^[A-Za-z0-9_.\-/]+$/.test(stack) || !fs.existsSync(file)) {
        const known = listStacks(project);
        throw new PlanError(
            ExitCode.UnknownStack,
            path.relative(process.cwd(), file) || file,
            `does not exist, so there is no stack "${stack}"`,
            known.length > 0 ? `name one of the project's stacks: ${known.join(", ")}` : `create ${path.basename(file)} with the stack's config`,
        );
    }
    const { doc, counter } = readYaml(file, "stack file");
    const root = doc.contents;
    if (root !== null && !isMap(root)) {
        throw new PlanError(ExitCode.MalformedFile, file, "is not a map of stack settings", "put the settings under config: at the top level");
    }
    const configNode = root === null ? undefined : (root as YAMLMap).get("config", true);
    const config: Record<string, string> = {};
    const secretKeys: string[] = [];
    const lines = new Map<string, number>();
    if (configNode === undefined || configNode === null) {
        return { stack, file, config, secretKeys, lines };
    }
    if (!isMap(configNode)) {
        const line = lineOf(configNode, counter);
        throw new PlanError(ExitCode.MalformedFile, `${file}:${line}`, "has a config: that is not a map of keys to values", "write config: as key: value pairs, e.g. aws:region: eu-west-1");
    }
    for (const pair of configNode.items) {
        const keyNode = pair.key;
        const line = lineOf(keyNode, counter);
        if (!isScalar(keyNode) || typeof keyNode.value !== "string" || keyNode.value.trim() === "") {
            throw new PlanError(ExitCode.MalformedFile, `${file}:${line}`, "has a config key that is not text", "write each key as namespace:name, e.g. aws:region");
        }
        const key = qualify(keyNode.value, project.name);
        if (!/^[^:\s]+:[^:\s]+$/.test(key)) {
            throw new PlanError(ExitCode.MalformedFile, `${file}:${line}`, `has the config key ${JSON.stringify(keyNode.value)}, which is not namespace:name`, "write the key as <namespace>:<name>, e.g. aws:region");
        }
        const value = pair.value === null || pair.value === undefined ? null : (pair.value as Scalar).toJSON();
        lines.set(key, line);
        if (value !== null && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 1 && typeof (value as any).secure === "string") {
            config[key] = SECRET_PLACEHOLDER;
            secretKeys.push(key);
            continue;
        }
        config[key] = typeof value === "string" ? value : JSON.stringify(value);
    }
    return { stack, file, config, secretKeys, lines };
}

function lineOf(node: unknown, counter: LineCounter): number {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? counter.linePos(range[0]).line : 1;
}
