/**
 * A Mermaid flowchart of the planned graph: one subgraph per stack, inside it one per cloud, and
 * inside that one per component with its children; edges for the dependencies between resources.
 * Resources with a finding are marked (red for mandatory, amber for advisory) and carry the
 * finding's policy in their label. GitHub renders the diagram in Markdown.
 */
import { Finding, PlanReport, ResourceReport } from "../report";
import { cloudOf, displayType } from "../resources";

const CLOUD_LABELS: Record<string, string> = { aws: "AWS", azure: "Azure", gcp: "Google Cloud", other: "Other" };

/** Text safe inside a quoted Mermaid label. */
function label(text: string): string {
    return text.replace(/"/g, "#quot;").replace(/[<>]/g, (c) => (c === "<" ? "#lt;" : "#gt;")).replace(/[\r\n]+/g, " ");
}

/** Renders the report as a Mermaid flowchart. */
export function renderMermaid(report: PlanReport): string {
    const out = ["flowchart LR"];
    const ids = new Map<string, string>();
    let next = 0;
    const idOf = (key: string) => {
        if (!ids.has(key)) {
            ids.set(key, `n${next++}`);
        }
        return ids.get(key)!;
    };
    const marked: Array<[string, "mandatory" | "advisory"]> = [];
    const edges: string[] = [];
    report.stacks.forEach((stack, si) => {
        const findingsOf = (urn: string): Finding[] => stack.findings.filter((f) => f.urn === urn && !f.couldNotCheck);
        out.push(`    subgraph s${si}["stack ${label(stack.stack)}${stack.error ? " (program failed)" : ""}"]`);
        const shown = stack.resources.filter((r) => !r.type.startsWith("pulumi:providers:") && r.type !== "pulumi:pulumi:Stack");
        const children = new Map<string, ResourceReport[]>();
        for (const r of shown) {
            const key = r.parent && shown.some((p) => p.urn === r.parent) ? r.parent : "";
            children.set(key, [...(children.get(key) ?? []), r]);
        }
        const node = (r: ResourceReport, indent: string) => {
            const id = idOf(`${si}:${r.urn}`);
            const findings = findingsOf(r.urn);
            const kids = children.get(r.urn) ?? [];
            const policies = [...new Set(findings.map((f) => f.policy))];
            const text = `${displayType(r.type)}<br/>${r.name}${policies.length > 0 ? `<br/>⚠ ${policies.join(", ")}` : ""}`;
            if (kids.length > 0) {
                out.push(`${indent}subgraph ${id}["${label(text).replace(/#lt;br\/#gt;/g, "<br/>")}"]`);
                kids.forEach((k) => node(k, `${indent}    `));
                out.push(`${indent}end`);
            } else {
                out.push(`${indent}${id}["${label(text).replace(/#lt;br\/#gt;/g, "<br/>")}"]`);
            }
            if (findings.some((f) => f.enforcementLevel === "mandatory" || f.enforcementLevel === "remediate")) {
                marked.push([id, "mandatory"]);
            } else if (findings.length > 0) {
                marked.push([id, "advisory"]);
            }
        };
        const roots = children.get("") ?? [];
        const clouds = [...new Set(roots.map((r) => cloudOf(r.type)))];
        clouds.forEach((cloud) => {
            out.push(`        subgraph s${si}_${cloud}["${CLOUD_LABELS[cloud] ?? cloud}"]`);
            roots.filter((r) => cloudOf(r.type) === cloud).forEach((r) => node(r, "            "));
            out.push("        end");
        });
        out.push("    end");
        const shownUrns = new Set(shown.map((r) => r.urn));
        for (const r of shown) {
            for (const dep of r.dependencies) {
                // Edges between leaf resources only: an edge to a subgraph (a component) says less.
                if (shownUrns.has(dep) && !children.has(dep) && !children.has(r.urn) && dep !== r.urn) {
                    edges.push(`    ${idOf(`${si}:${dep}`)} --> ${idOf(`${si}:${r.urn}`)}`);
                }
            }
        }
    });
    out.push(...new Set(edges));
    out.push("    classDef mandatory fill:#fdd,stroke:#c00,stroke-width:2px,color:#600");
    out.push("    classDef advisory fill:#ffe8b0,stroke:#b80,color:#530");
    for (const [id, cls] of marked) {
        out.push(`    class ${id} ${cls}`);
    }
    return `${out.join("\n")}\n`;
}
