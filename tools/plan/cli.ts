#!/usr/bin/env node
/**
 * `privatelink-plan` (`npm run plan -- <stack>`): the offline plan of a Pulumi stack.
 *
 * It runs the stack's program with its `Pulumi.<stack>.yaml` config under recording mocks (no
 * cloud, no Pulumi CLI, no credentials), prints the resource tree the way `pulumi preview` does,
 * runs every policy pack over every resource and the stack through the Analyzer gRPC interface
 * the CLI uses, and exits non-zero on a mandatory violation. `--state <file>` audits a deployed
 * stack from a `pulumi stack export` file instead. See README § The offline plan command.
 */
import * as fs from "fs";
import * as path from "path";
import { parseArgs } from "util";
import { ExitCode, PlanError } from "./errors";
import { renderMarkdown } from "./format/markdown";
import { renderMermaid } from "./format/mermaid";
import { renderSarif } from "./format/sarif";
import { renderText } from "./format/text";
import { analyzeResources, applyPolicyConfig, choosePacks, configurePacks, packageRoot, policyMetadata, RunningPack, startPacks, stopPacks } from "./policies";
import { listStacks, loadProject, readStack } from "./project";
import { CAVEATS, FORMAT_VERSION, PlanReport, StackReport, summarise } from "./report";
import { resourceReports } from "./resources";
import { StackPlanner } from "./stacks";
import { readStateFile } from "./state";

/** The output formats. */
export const FORMATS = ["text", "json", "sarif", "mermaid", "markdown"] as const;
export type Format = (typeof FORMATS)[number];

const USAGE = `Usage: privatelink-plan [stack ...] [options]

Plans a Pulumi stack offline and checks it with the privatelink policy packs.

  [stack ...]                 stacks to plan (default: --default-stack, $PULUMI_STACK, or the only stack)
  --all                       plan every stack of the project
  --state <file>              audit a deployed stack from a \`pulumi stack export\` file instead
  --format <format>           text (default), json, sarif, mermaid or markdown
  --output [<format>=]<file>  write the format (or the named one) to a file; repeatable
  --pack <cloud|folder>       packs to run: aws, azure, gcp (default all) or a pack folder; repeatable
  --policy-config [<pack>=]<file>
                              a --policy-pack-config JSON file, for every pack or the named one; repeatable
  --cwd <folder>              the Pulumi project folder (default: the current folder)
  --default-stack <stack>     the stack to plan when none is named
  --color / --no-color        force colours on or off (default: on for a terminal, off with NO_COLOR)
  -h, --help                  this text
  --version                   the version

Exit codes: 0 no mandatory violation, 1 mandatory violation, 2 a program failed, 3 unknown stack,
4 malformed stack or state file, 5 unknown config key, 6 invalid policy config, 64 usage error.`;

/** What the command line asks for. */
export interface PlanOptions {
    stacks: string[];
    all: boolean;
    state?: string;
    format: Format;
    outputs: Array<{ format: Format; file: string }>;
    packs: string[];
    policyConfigs: string[];
    cwd: string;
    defaultStack?: string;
    color?: boolean;
}

/** Parses argv (without node and script). Throws a usage PlanError on a mistake. */
export function parseOptions(argv: string[]): PlanOptions | "help" | "version" {
    let parsed;
    try {
        parsed = parseArgs({
            args: argv,
            allowPositionals: true,
            strict: true,
            options: {
                all: { type: "boolean" },
                state: { type: "string" },
                format: { type: "string" },
                output: { type: "string", multiple: true },
                pack: { type: "string", multiple: true },
                "policy-config": { type: "string", multiple: true },
                cwd: { type: "string" },
                "default-stack": { type: "string" },
                color: { type: "boolean" },
                "no-color": { type: "boolean" },
                help: { type: "boolean", short: "h" },
                version: { type: "boolean" },
            },
        });
    } catch (e) {
        throw new PlanError(ExitCode.Usage, "command line", (e as Error).message.replace(/\.$/, ""), "see privatelink-plan --help");
    }
    const v = parsed.values;
    if (v.help) {
        return "help";
    }
    if (v.version) {
        return "version";
    }
    const format = (v.format ?? "text") as Format;
    if (!FORMATS.includes(format)) {
        throw new PlanError(ExitCode.Usage, `--format ${v.format}`, "is not a format", `use one of ${FORMATS.join(", ")}`);
    }
    const outputs = (v.output ?? []).map((o) => {
        const m = /^([a-z]+)=(.+)$/.exec(o);
        if (m && (FORMATS as readonly string[]).includes(m[1])) {
            return { format: m[1] as Format, file: m[2] };
        }
        return { format, file: o };
    });
    if (v.state !== undefined && (v.all || parsed.positionals.length > 0)) {
        throw new PlanError(ExitCode.Usage, "--state", "audits one export file, so it takes no stack names or --all", "leave the stack names out, or drop --state");
    }
    if (v.all && parsed.positionals.length > 0) {
        throw new PlanError(ExitCode.Usage, "--all", "plans every stack, so it takes no stack names", "leave the stack names out, or drop --all");
    }
    return {
        stacks: parsed.positionals,
        all: v.all === true,
        state: v.state,
        format,
        outputs,
        packs: v.pack ?? [],
        policyConfigs: v["policy-config"] ?? [],
        cwd: path.resolve(v.cwd ?? process.cwd()),
        defaultStack: v["default-stack"],
        color: v["no-color"] ? false : v.color ? true : undefined,
    };
}

/** The package's version, for the report. */
function toolVersion(): string {
    return JSON.parse(fs.readFileSync(path.join(packageRoot(), "package.json"), "utf8")).version;
}

/** Progress on stderr, only on a terminal: stacks planned, resources analyzed. */
class Progress {
    private readonly on = process.stderr.isTTY === true;
    private last = 0;
    public say(text: string): void {
        const now = Date.now();
        if (this.on && now - this.last > 80) {
            this.last = now;
            process.stderr.write(`\r\x1b[2K${text}`);
        }
    }
    public done(): void {
        if (this.on) {
            process.stderr.write("\r\x1b[2K");
        }
    }
}

/** Runs a plan and returns the report; throws PlanError for input mistakes. */
export async function plan(options: PlanOptions, progress = new Progress()): Promise<PlanReport> {
    const choices = choosePacks(options.packs, options.cwd);
    let packs: RunningPack[] = [];
    try {
        if (options.state !== undefined) {
            const deployed = readStateFile(options.state);
            packs = await startPacks(choices);
            applyPolicyConfig(options.policyConfigs, packs);
            await configurePacks(packs, deployed.stack, deployed.project);
            const findings = await analyzeResources(packs, deployed.resources, (d, t) => progress.say(`analyzing ${d}/${t}`));
            const stacks: StackReport[] = [
                {
                    stack: deployed.stack,
                    project: deployed.project,
                    source: path.resolve(options.state),
                    resources: resourceReports(deployed.resources),
                    outputs: deployed.outputs,
                    findings,
                    references: [],
                },
            ];
            return report("state", process.cwd(), packs, stacks);
        }

        const project = loadProject(options.cwd);
        const known = listStacks(project);
        const names = options.all
            ? known
            : options.stacks.length > 0
              ? options.stacks
              : [options.defaultStack ?? process.env.PULUMI_STACK ?? (known.length === 1 ? known[0] : undefined)].filter((s): s is string => s !== undefined);
        if (names.length === 0) {
            throw new PlanError(ExitCode.Usage, project.file, `has ${known.length} stacks and none was named`, `name one (${known.join(", ") || "none yet"}), or pass --all`);
        }
        // Cheap checks first: every named stack file exists and reads, and the packs accept their
        // --policy-config, before any program runs.
        names.forEach((name) => readStack(project, name));
        packs = await startPacks(choices);
        applyPolicyConfig(options.policyConfigs, packs);
        const planner = new StackPlanner(project, (s) => progress.say(`planning ${s} (${names.indexOf(s) + 1}/${names.length})`));
        const runs = [];
        for (const name of names) {
            const run = await planner.plan(name);
            if (run.unreadKeys.length > 0) {
                const key = run.unreadKeys[0];
                const line = run.settings.lines.get(key);
                throw new PlanError(
                    ExitCode.UnknownConfigKey,
                    `${path.relative(process.cwd(), run.file) || run.file}${line ? `:${line}` : ""}`,
                    `sets ${key}, which the program never reads and Pulumi.yaml does not declare`,
                    `correct the key's name, or remove it${run.unreadKeys.length > 1 ? ` (also: ${run.unreadKeys.slice(1).join(", ")})` : ""}`,
                );
            }
            runs.push(run);
        }
        const stacks: StackReport[] = [];
        for (const run of runs) {
            await configurePacks(packs, run.stack, run.project);
            const findings = await analyzeResources(packs, run.resources, (d, t) => progress.say(`analyzing ${run.stack}: ${d}/${t}`));
            stacks.push({
                stack: run.stack,
                project: run.project,
                source: run.file,
                resources: resourceReports(run.resources),
                outputs: run.outputs,
                findings,
                references: run.references,
                ...(run.error !== undefined ? { error: run.error } : {}),
            });
        }
        return report("program", project.dir, packs, stacks);
    } finally {
        progress.done();
        stopPacks(packs);
    }
}

function report(mode: "program" | "state", root: string, packs: RunningPack[], stacks: StackReport[]): PlanReport {
    return {
        formatVersion: FORMAT_VERSION,
        tool: { name: "privatelink-plan", version: toolVersion() },
        mode,
        offline: true,
        caveat: CAVEATS[mode],
        root,
        packs: packs.map((p) => ({ name: p.name, version: p.version, dir: p.choice.dir })),
        policies: policyMetadata(packs),
        stacks,
        summary: summarise(stacks),
    };
}

/** Renders a report in a format. */
export function render(report: PlanReport, format: Format, color: boolean): string {
    switch (format) {
        case "json":
            return `${JSON.stringify(report, null, 2)}\n`;
        case "sarif":
            return `${JSON.stringify(renderSarif(report, report.tool.version), null, 2)}\n`;
        case "mermaid":
            return renderMermaid(report);
        case "markdown":
            return renderMarkdown(report);
        default:
            return renderText(report, { color });
    }
}

/** The exit code of a report: a failed program first, then mandatory violations. */
export function exitCodeOf(report: PlanReport): ExitCode {
    if (report.summary.failedPrograms > 0) {
        return ExitCode.ProgramFailed;
    }
    return report.summary.mandatory > 0 ? ExitCode.MandatoryViolation : ExitCode.Ok;
}

/** The command: parse, plan, write, exit. Never prints a stack trace for an input mistake. */
export async function main(argv: string[]): Promise<number> {
    try {
        const options = parseOptions(argv);
        if (options === "help") {
            process.stdout.write(`${USAGE}\n`);
            return ExitCode.Ok;
        }
        if (options === "version") {
            process.stdout.write(`${toolVersion()}\n`);
            return ExitCode.Ok;
        }
        const result = await plan(options);
        const color = options.color ?? (process.stdout.isTTY === true && process.env.NO_COLOR === undefined);
        const toStdout = options.outputs.every((o) => o.format !== options.format) || options.outputs.length === 0;
        for (const o of options.outputs) {
            fs.mkdirSync(path.dirname(path.resolve(o.file)), { recursive: true });
            fs.writeFileSync(o.file, render(result, o.format, false));
        }
        if (toStdout) {
            process.stdout.write(render(result, options.format, options.format === "text" && color));
        } else {
            const s = result.summary;
            process.stderr.write(`privatelink-plan: ${s.stacks} stack(s), ${s.mandatory} mandatory, ${s.advisory} advisory, ${s.failedPrograms} failed program(s)\n`);
        }
        return exitCodeOf(result);
    } catch (e) {
        if (e instanceof PlanError) {
            process.stderr.write(`privatelink-plan: ${e.message}\n`);
            return e.code;
        }
        process.stderr.write(`privatelink-plan: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
        return ExitCode.ProgramFailed;
    }
}

if (require.main === module) {
    main(process.argv.slice(2)).then(
        (code) => {
            process.exitCode = code;
            // The packs and gRPC channels are stopped; leftover handles of a user's program
            // (timers, sockets) must not keep the command alive.
            setImmediate(() => process.exit(code));
        },
        () => process.exit(ExitCode.ProgramFailed),
    );
}
