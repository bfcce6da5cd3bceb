/**
 * A Markdown summary for a pull-request comment or a GitHub job summary: the verdict, the offline
 * caveat, per-stack counts, the findings table and the Mermaid diagram (which GitHub renders).
 */
import * as path from "path";
import { PlanReport } from "../report";
import { displayType } from "../resources";
import { renderMermaid } from "./mermaid";

/** A table cell: pipes and line breaks escaped. */
function cell(text: string): string {
    return text.replace(/\|/g, "\\|").replace(/[\r\n]+/g, " ");
}

/** Renders the report as Markdown. */
export function renderMarkdown(report: PlanReport): string {
    const s = report.summary;
    const verdict = s.failedPrograms > 0 ? "❌ a program failed" : s.mandatory > 0 ? "❌ mandatory policy violations" : "✅ no mandatory policy violations";
    const out = [`## privatelink plan: ${verdict}`, "", `> ${report.caveat}`, ""];
    out.push(`**${s.stacks}** stack${s.stacks === 1 ? "" : "s"}, **${s.resources}** resources, **${s.mandatory}** mandatory and **${s.advisory}** advisory violations, **${s.notChecked}** not checked.`, "");
    out.push("| Stack | Source | Resources | Mandatory | Advisory | Not checked | Program |", "|---|---|---:|---:|---:|---:|---|");
    for (const stack of report.stacks) {
        const count = (pred: (l: string) => boolean) => stack.findings.filter((f) => !f.couldNotCheck && pred(f.enforcementLevel)).length;
        out.push(
            `| ${cell(stack.stack)} | \`${cell(path.relative(report.root, stack.source) || stack.source)}\` | ${stack.resources.length} | ${count((l) => l === "mandatory" || l === "remediate")} | ${count((l) => l === "advisory")} | ${stack.findings.filter((f) => f.couldNotCheck).length} | ${stack.error ? `failed: ${cell(stack.error)}` : "ok"} |`,
        );
    }
    const findings = report.stacks.flatMap((stack) => stack.findings.map((f) => ({ stack: stack.stack, f })));
    out.push("", "### Findings", "");
    if (findings.length === 0) {
        out.push("None: every resource passes every policy of " + report.packs.map((p) => `\`${p.name}\``).join(", ") + ".");
    } else {
        out.push("| Level | Pack | Policy | Stack | Resource | Message |", "|---|---|---|---|---|---|");
        const order = (l: string) => (l === "mandatory" || l === "remediate" ? 0 : l === "advisory" ? 1 : 2);
        findings
            .sort((a, b) => order(a.f.couldNotCheck ? "x" : a.f.enforcementLevel) - order(b.f.couldNotCheck ? "x" : b.f.enforcementLevel))
            .forEach(({ stack, f }) => {
                const level = f.couldNotCheck ? "not checked" : f.enforcementLevel;
                const icon = level === "mandatory" || level === "remediate" ? "⛔" : level === "advisory" ? "⚠️" : "ℹ️";
                const resource = f.resourceName ? `\`${cell(f.resourceName)}\` (${cell(displayType(f.resourceType ?? ""))})` : "stack";
                const message = f.message.split("\n").filter((l) => l.trim() !== "").pop() ?? f.message;
                out.push(`| ${icon} ${level} | ${cell(f.pack)} | \`${cell(f.policy)}\` | ${cell(stack)} | ${resource} | ${cell(message)} |`);
            });
    }
    out.push("", "### Graph", "", "```mermaid", renderMermaid(report).trimEnd(), "```", "");
    return out.join("\n");
}
