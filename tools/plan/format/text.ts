/**
 * The text format: the resource tree the way `pulumi preview` prints it (type, name, and the key
 * inputs and explicit providers), the stack outputs, then the policy findings per pack with their
 * enforcement levels, and a summary. Coloured on a terminal, plain otherwise.
 */
import * as path from "path";
import { styleText } from "util";
import { Finding, PlanReport, StackReport } from "../report";
import { displayType, toTree, TreeNode } from "../resources";

type Style = Parameters<typeof styleText>[0];

/** How the text is styled: ANSI colours on a terminal (unless NO_COLOR), plain otherwise. */
export interface TextOptions {
    color: boolean;
}

function painter(color: boolean): (style: Style, text: string) => string {
    return color ? (style, text) => styleText(style, text) : (_style, text) => text;
}

/** Renders the whole report as text. */
export function renderText(report: PlanReport, options: TextOptions): string {
    const paint = painter(options.color);
    const out: string[] = [];
    for (const stack of report.stacks) {
        out.push(...renderStack(report, stack, paint), "");
    }
    const s = report.summary;
    const verdict = s.failedPrograms > 0 ? paint("red", "program failed") : s.mandatory > 0 ? paint("red", "mandatory violations") : paint("green", "no mandatory violations");
    out.push(
        paint("bold", "Summary:"),
        `    ${s.stacks} stack${s.stacks === 1 ? "" : "s"}, ${s.resources} resources; ${s.mandatory} mandatory, ${s.advisory} advisory violation${s.advisory === 1 ? "" : "s"}, ${s.notChecked} not checked; ${verdict}`,
        `    ${report.caveat}`,
    );
    return `${out.join("\n")}\n`;
}

function renderStack(report: PlanReport, stack: StackReport, paint: (style: Style, text: string) => string): string[] {
    const out: string[] = [];
    const source = path.relative(report.root, stack.source) || stack.source;
    const verb = report.mode === "state" ? "Auditing deployed stack" : "Previewing stack";
    out.push(paint("bold", `${verb} ${stack.stack} (project ${stack.project}) from ${source}`));
    out.push(paint("dim", report.caveat), "");
    if (stack.error !== undefined) {
        out.push(paint("red", `    error: the program failed: ${stack.error}`), "");
    }

    // The tree: one line per resource, its type indented under its parent like `pulumi preview`.
    const sign = report.mode === "state" ? " " : "+";
    const rows: Array<[string, string, string, string]> = [];
    const byUrn = new Map(stack.resources.map((r) => [r.urn, r]));
    const roots = toTree(stack.resources);
    const hasStack = stack.resources.some((r) => r.type === "pulumi:pulumi:Stack");
    const walk = (node: TreeNode, prefix: string, last: boolean, depth: number) => {
        const branch = depth === 0 ? "" : `${prefix}${last ? "└─ " : "├─ "}`;
        const provider = node.resource.provider ? byUrn.get(node.resource.provider) : undefined;
        const info = [...node.resource.keyInputs, ...(provider && !provider.name.startsWith("default") ? [`provider=${provider.name}`] : [])].join(" ");
        rows.push([sign, `${branch}${displayType(node.resource.type)}`, node.resource.name, info]);
        const childPrefix = depth === 0 ? "" : `${prefix}${last ? "   " : "│  "}`;
        node.children.forEach((c, i) => walk(c, childPrefix, i === node.children.length - 1, depth + 1));
    };
    if (hasStack) {
        roots.forEach((r, i) => walk(r, "", i === roots.length - 1, 0));
    } else {
        rows.push([sign, "pulumi:pulumi:Stack", `${stack.project}-${stack.stack}`, ""]);
        roots.forEach((r, i) => walk(r, "", i === roots.length - 1, 1));
    }
    const typeWidth = Math.min(60, Math.max(4, ...rows.map((r) => r[1].length)));
    const nameWidth = Math.min(48, Math.max(4, ...rows.map((r) => r[2].length)));
    out.push(paint("bold", `     ${"Type".padEnd(typeWidth)}  ${"Name".padEnd(nameWidth)}  Info`));
    for (const [s, type, name, info] of rows) {
        out.push(` ${paint("green", s)}   ${type.padEnd(typeWidth)}  ${name.padEnd(nameWidth)}  ${paint("dim", info)}`.trimEnd());
    }

    const outputs = Object.entries(stack.outputs);
    if (outputs.length > 0) {
        out.push("", paint("bold", "Outputs:"));
        for (const [k, v] of outputs) {
            out.push(`    ${k}: ${JSON.stringify(v)}`);
        }
    }

    out.push("", paint("bold", "Policies:"));
    for (const pack of report.packs) {
        const findings = stack.findings.filter((f) => f.pack === pack.name);
        const mandatory = findings.some((f) => !f.couldNotCheck && (f.enforcementLevel === "mandatory" || f.enforcementLevel === "remediate"));
        const mark = mandatory ? paint("red", "✗") : findings.length > 0 ? paint("yellow", "!") : paint("green", "✓");
        out.push(`    ${mark} ${pack.name}@v${pack.version} (local: ${path.relative(report.root, pack.dir) || pack.dir})`);
        for (const f of findings) {
            out.push(...renderFinding(f, paint));
        }
    }
    const created = stack.resources.length;
    out.push("", paint("bold", "Resources:"), `    ${report.mode === "state" ? `${created} deployed` : `+ ${created} to create`}`);
    return out;
}

function renderFinding(f: Finding, paint: (style: Style, text: string) => string): string[] {
    const level = f.couldNotCheck ? "not checked" : f.enforcementLevel;
    const color: Style = f.couldNotCheck ? "dim" : level === "mandatory" || level === "remediate" ? "red" : "yellow";
    const where = f.resourceType ? ` (${displayType(f.resourceType)}: ${f.resourceName})` : "";
    const message = f.message.split("\n").filter((l) => l.trim() !== "").pop() ?? f.message;
    return [`        - ${paint(color, `[${level}]`)}  ${f.policy}${where}`, `          ${message}`];
}
