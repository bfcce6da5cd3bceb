/**
 * The policy side of `plan`: which packs run, their configuration (`--policy-config`, validated
 * against each policy's `configSchema` as the CLI validates `--policy-pack-config`), and running
 * them over a stack's resources through the Analyzer gRPC interface, as `pulumi preview
 * --policy-pack` does: `Analyze` for every resource, then `AnalyzeStack` once.
 */
import * as fs from "fs";
import * as path from "path";
import Ajv from "ajv";
import { Diagnostic, PackConfig, PolicyInfoResult, PolicyPackClient } from "../analyzer";
import { GraphResource, toAnalyzeInputs, toStackInputs } from "../graph";
import { ExitCode, PlanError } from "./errors";
import { Finding, PolicyMetadata } from "./report";

/** The packs that ship with privatelink. */
export const BUILTIN_PACKS = ["aws", "azure", "gcp"] as const;

/** The enforcement levels a policy config may set. */
const LEVELS = ["advisory", "mandatory", "remediate", "disabled"];

/** The root of the privatelink package this file belongs to (source tree or installed package). */
export function packageRoot(): string {
    let dir = __dirname;
    for (;;) {
        const manifest = path.join(dir, "package.json");
        if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, "utf8")).name === "privatelink") {
            return dir;
        }
        const up = path.dirname(dir);
        if (up === dir) {
            throw new Error(`cannot find the privatelink package above ${__dirname}`);
        }
        dir = up;
    }
}

/** A pack chosen for the run: a built-in one by cloud, or a pack folder given by path. */
export interface PackChoice {
    /** `aws`, `azure`, `gcp`, or the folder as given. */
    id: string;
    dir: string;
}

/** The npm package a built-in pack is published as. */
export function packPackage(cloud: string): string {
    return `privatelink-policy-${cloud}`;
}

/**
 * Where a built-in pack is: the `privatelink-policy-<cloud>` package the project installed (what a
 * user's pipeline has), else the pack folder of this repo when the command runs from its source.
 */
export function builtinPackDir(cloud: string, projectDir: string): string | undefined {
    try {
        return fs.realpathSync(path.dirname(require.resolve(`${packPackage(cloud)}/package.json`, { paths: [projectDir, packageRoot()] })));
    } catch {
        const dir = path.join(packageRoot(), "policies", cloud);
        return fs.existsSync(path.join(dir, "PulumiPolicy.yaml")) ? dir : undefined;
    }
}

/**
 * Resolves `--pack` values. None: every built-in pack that is installed (at least one must be).
 * A built-in pack named but not installed, or a folder without PulumiPolicy.yaml, is a usage error.
 */
export function choosePacks(values: readonly string[], projectDir: string = process.cwd()): PackChoice[] {
    const wanted = [...new Set(values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter((v) => v !== ""))];
    const install = (clouds: readonly string[]) => `npm install --save-dev ${clouds.map(packPackage).join(" ")}`;
    if (wanted.length === 0) {
        const found = BUILTIN_PACKS.flatMap((cloud) => {
            const dir = builtinPackDir(cloud, projectDir);
            return dir === undefined ? [] : [{ id: cloud, dir }];
        });
        if (found.length === 0) {
            throw new PlanError(ExitCode.Usage, projectDir, "has no privatelink policy pack installed", `install the packs for your clouds (${install(BUILTIN_PACKS)}), or pass --pack <pack folder>`);
        }
        return found;
    }
    return wanted.map((id) => {
        if ((BUILTIN_PACKS as readonly string[]).includes(id)) {
            const dir = builtinPackDir(id, projectDir);
            if (dir === undefined) {
                throw new PlanError(ExitCode.Usage, `--pack ${id}`, `names the ${packPackage(id)} pack, which is not installed`, install([id]));
            }
            return { id, dir };
        }
        const dir = path.resolve(id);
        if (fs.existsSync(path.join(dir, "PulumiPolicy.yaml"))) {
            return { id, dir };
        }
        throw new PlanError(ExitCode.Usage, `--pack ${id}`, "is neither a built-in pack nor a policy pack folder (no PulumiPolicy.yaml)", `use one of ${BUILTIN_PACKS.join(", ")}, or the path of a policy pack folder`);
    });
}

/** A started pack with what it says about itself. */
export interface RunningPack {
    choice: PackChoice;
    client: PolicyPackClient;
    name: string;
    version: string;
    policies: PolicyInfoResult[];
    config: PackConfig;
}

/** Starts the chosen packs (in parallel) and reads their metadata. */
export async function startPacks(choices: readonly PackChoice[]): Promise<RunningPack[]> {
    return Promise.all(
        choices.map(async (choice) => {
            const client = await PolicyPackClient.start(choice.dir);
            const info = await client.info();
            return { choice, client, name: info.name, version: info.version, policies: info.policies, config: {} };
        }),
    );
}

/** Stops every pack. */
export function stopPacks(packs: readonly RunningPack[]): void {
    packs.forEach((p) => p.client.stop());
}

/**
 * Reads the `--policy-config` values (`<file>` for every pack, `<pack>=<file>` for one) and sets
 * each pack's configuration. A file is the CLI's `--policy-pack-config` format: policy name (or
 * `all`) → an enforcement level, or `{ enforcementLevel?, ...settings }`. Unknown policies, unknown
 * settings, wrong types and bad levels are refused with the file and the fix.
 */
export function applyPolicyConfig(values: readonly string[], packs: RunningPack[]): void {
    const ajv = new Ajv({ allErrors: false, strict: false });
    for (const value of values) {
        const eq = value.indexOf("=");
        const [target, file] = eq > 0 && !fs.existsSync(value) ? [value.slice(0, eq), value.slice(eq + 1)] : [undefined, value];
        const targets = target === undefined ? packs : packs.filter((p) => p.choice.id === target || p.name === target);
        if (target !== undefined && targets.length === 0) {
            throw new PlanError(ExitCode.InvalidPolicyConfig, `--policy-config ${value}`, `names the pack "${target}", which is not running`, `use one of ${packs.map((p) => p.choice.id).join(", ")}, or leave the pack= prefix out`);
        }
        let doc: unknown;
        try {
            doc = JSON.parse(fs.readFileSync(file, "utf8"));
        } catch (e) {
            throw new PlanError(ExitCode.InvalidPolicyConfig, file, `is not a readable JSON policy config (${(e as Error).message.split("\n")[0]})`, "write a JSON object of policy name → enforcement level or settings");
        }
        if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
            throw new PlanError(ExitCode.InvalidPolicyConfig, file, "is not a JSON object", "write a JSON object of policy name → enforcement level or settings");
        }
        for (const [policy, entry] of Object.entries(doc as Record<string, unknown>)) {
            const owners = policy === "all" ? targets : targets.filter((p) => p.policies.some((x) => x.name === policy));
            if (owners.length === 0) {
                throw new PlanError(
                    ExitCode.InvalidPolicyConfig,
                    file,
                    `configures "${policy}", which no ${target ?? "running"} pack has`,
                    `use a policy name of ${targets.map((p) => p.name).join(", ")} (see their config.example.json), or remove it`,
                );
            }
            const settings: Record<string, unknown> = typeof entry === "string" ? { enforcementLevel: entry } : (entry as Record<string, unknown>);
            if (settings === null || typeof settings !== "object" || Array.isArray(settings)) {
                throw new PlanError(ExitCode.InvalidPolicyConfig, file, `sets "${policy}" to ${JSON.stringify(entry)}`, 'give an enforcement level ("mandatory") or an object of settings');
            }
            const { enforcementLevel, ...props } = settings;
            if (enforcementLevel !== undefined && (typeof enforcementLevel !== "string" || !LEVELS.includes(enforcementLevel))) {
                throw new PlanError(ExitCode.InvalidPolicyConfig, file, `sets the enforcement level of "${policy}" to ${JSON.stringify(enforcementLevel)}`, `use one of ${LEVELS.join(", ")}`);
            }
            for (const pack of owners) {
                const names = policy === "all" ? pack.policies.map((p) => p.name) : [policy];
                for (const name of names) {
                    const info = pack.policies.find((p) => p.name === name)!;
                    if (policy !== "all") {
                        validateSettings(ajv, file, pack, info, props);
                    }
                    pack.config[name] = { ...(pack.config[name] ?? {}), ...(enforcementLevel !== undefined ? { enforcementLevel } : {}), ...(policy === "all" ? {} : props) };
                }
            }
        }
    }
}

function validateSettings(ajv: Ajv, file: string, pack: RunningPack, info: PolicyInfoResult, props: Record<string, unknown>): void {
    const known = info.configSchema?.properties ?? {};
    for (const key of Object.keys(props)) {
        if (!Object.prototype.hasOwnProperty.call(known, key)) {
            const settings = Object.keys(known);
            throw new PlanError(
                ExitCode.InvalidPolicyConfig,
                file,
                `sets "${key}" for ${pack.name}/${info.name}, which takes ${settings.length === 0 ? "no settings" : `only ${settings.join(", ")}`}`,
                settings.length === 0 ? "keep only enforcementLevel for this policy" : "correct the setting's name",
            );
        }
    }
    const schema = { type: "object", properties: known, required: info.configSchema?.required ?? [] };
    const validate = ajv.compile(schema);
    if (!validate(props)) {
        const err = validate.errors?.[0];
        const where = err?.instancePath ? err.instancePath.slice(1).replace(/\//g, ".") : "its settings";
        throw new PlanError(ExitCode.InvalidPolicyConfig, file, `gives ${pack.name}/${info.name} ${where} that ${err?.message ?? "breaks its schema"}`, `see the policy's configSchema (config.example.json of the pack) for the allowed values`);
    }
}

/** Sends the packs their configuration and the stack's identity. */
export async function configurePacks(packs: readonly RunningPack[], stack: string, project: string): Promise<void> {
    for (const pack of packs) {
        await pack.client.configure(pack.config);
        // Like `pulumi preview`: a dry run (remediations are reported, not applied).
        await pack.client.configureStack({ stack, project, dryRun: true });
    }
}

/** Every finding of every pack for one stack's resources: Analyze per resource, then AnalyzeStack. */
export async function analyzeResources(packs: readonly RunningPack[], resources: readonly GraphResource[], progress?: (done: number, total: number) => void): Promise<Finding[]> {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const inputs = toAnalyzeInputs([...resources]);
    const stackInputs = toStackInputs([...resources]);
    const total = packs.length * (inputs.length + 1);
    let done = 0;
    const findings: Finding[] = [];
    for (const pack of packs) {
        // Analyze answers for the one resource it was sent; the engine attributes its diagnostics
        // to that resource, so a diagnostic without a URN gets the analyzed resource's.
        const toFinding = (d: Diagnostic, analyzed?: string): Finding => {
            const urn = d.urn || analyzed;
            const r = urn ? byUrn.get(urn) : undefined;
            return {
                pack: d.policyPackName || pack.name,
                packVersion: pack.version,
                policy: d.policyName,
                enforcementLevel: d.enforcementLevel,
                severity: d.severity,
                message: d.message,
                urn: urn || undefined,
                resourceType: r?.type,
                resourceName: r?.name,
                couldNotCheck: /can't run policy/i.test(d.message),
            };
        };
        for (const input of inputs) {
            findings.push(...(await pack.client.analyze(input)).diagnostics.map((d) => toFinding(d, input.urn)));
            progress?.(++done, total);
        }
        findings.push(...(await pack.client.analyzeStack(stackInputs)).diagnostics.map((d) => toFinding(d)));
        progress?.(++done, total);
    }
    return findings;
}

/** The metadata of every policy of the running packs. */
export function policyMetadata(packs: readonly RunningPack[]): PolicyMetadata[] {
    return packs.flatMap((pack) =>
        pack.policies.map((p) => ({
            pack: pack.name,
            packVersion: pack.version,
            name: p.name,
            description: p.description,
            enforcementLevel: (pack.config[p.name]?.enforcementLevel as string | undefined) ?? p.enforcementLevel,
            severity: p.severity,
            url: p.url || undefined,
            remediationSteps: p.remediationSteps || undefined,
        })),
    );
}
