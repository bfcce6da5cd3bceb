/**
 * SARIF 2.1.0, the format code scanning (GitHub, Azure DevOps, GitLab) ingests. One run per
 * policy pack, the pack's policies as rules (with help text, links and a `security-severity`
 * GitHub ranks alerts by), one result per finding. Each result points at the file the plan read —
 * the stack's `Pulumi.<stack>.yaml` at the line that sets one of the resource's inputs, or the
 * `--state` file — and names the resource (URN) as its logical location.
 *
 * Built with the `@types/sarif` types, so a field the standard does not have fails to compile.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import type { Log, ReportingDescriptor, Result, Run } from "sarif";
import { Finding, PlanReport, PolicyMetadata, ResourceReport, StackReport } from "../report";

/** GitHub's security-severity scale (0.0–10.0) for our severities. */
const SECURITY_SEVERITY: Record<string, string> = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0", unspecified: "3.0" };

function level(f: Pick<Finding, "enforcementLevel" | "couldNotCheck">): Result.level {
    if (f.couldNotCheck) {
        return "note";
    }
    switch (f.enforcementLevel) {
        case "mandatory":
        case "remediate":
            return "error";
        case "advisory":
            return "warning";
        default:
            return "none";
    }
}

/** A URI relative to the working directory (where a pipeline runs), with forward slashes. */
function artifactUri(file: string): string {
    return path.relative(process.cwd(), file).split(path.sep).join("/") || path.basename(file);
}

/**
 * The line of the stack file that sets something this resource was built from: the first line
 * whose value (comments aside) holds one of its literal string inputs — an id, a CIDR, an ARN —
 * other than its tags, which every resource of a component shares. 1 when none is found.
 */
function lineOf(lines: readonly string[], resource: ResourceReport | undefined): number {
    if (resource === undefined) {
        return 1;
    }
    const values = new Set<string>();
    const collect = (v: unknown) => {
        if (typeof v === "string" && v.length >= 6 && !v.includes("\n")) {
            values.add(v);
        } else if (Array.isArray(v)) {
            v.forEach(collect);
        } else if (v && typeof v === "object") {
            Object.values(v).forEach(collect);
        }
    };
    Object.entries(resource.inputs).forEach(([k, v]) => (k === "tags" || k === "labels" ? undefined : collect(v)));
    for (let i = 0; i < lines.length; i++) {
        const text = lines[i].replace(/(^|\s)#.*$/, "");
        if ([...values].some((v) => text.includes(v))) {
            return i + 1;
        }
    }
    return 1;
}

function rule(p: PolicyMetadata): ReportingDescriptor {
    const first = p.description.split(/(?<=\.)\s/)[0];
    return {
        id: p.name,
        name: p.name,
        shortDescription: { text: first },
        fullDescription: { text: p.description },
        ...(p.url ? { helpUri: p.url } : {}),
        help: { text: p.remediationSteps ?? p.description },
        defaultConfiguration: { level: level({ enforcementLevel: p.enforcementLevel, couldNotCheck: false }) },
        properties: { "security-severity": SECURITY_SEVERITY[p.severity] ?? "3.0", tags: ["security", "privatelink", p.pack], precision: "high" },
    };
}

/** Renders the report as a SARIF log. */
export function renderSarif(report: PlanReport, version: string): Log {
    const fileLines = new Map<string, string[]>();
    const linesOf = (file: string) => {
        if (!fileLines.has(file)) {
            fileLines.set(file, fs.existsSync(file) ? fs.readFileSync(file, "utf8").split("\n") : []);
        }
        return fileLines.get(file)!;
    };
    const runs: Run[] = report.packs.map((pack) => {
        const policies = report.policies.filter((p) => p.pack === pack.name);
        const rules = policies.map(rule);
        const results: Result[] = [];
        for (const stack of report.stacks) {
            const byUrn = new Map(stack.resources.map((r) => [r.urn, r]));
            for (const f of stack.findings.filter((x) => x.pack === pack.name)) {
                results.push(result(f, stack, byUrn.get(f.urn ?? ""), rules, linesOf(stack.source)));
            }
        }
        return {
            tool: { driver: { name: pack.name, version: pack.version, semanticVersion: pack.version, rules } },
            automationDetails: { id: `privatelink-plan/${pack.name}/` },
            columnKind: "utf16CodeUnits",
            results,
            properties: { offline: true, caveat: report.caveat, planner: `privatelink-plan ${version}` },
        };
    });
    return { version: "2.1.0", $schema: "https://json.schemastore.org/sarif-2.1.0.json", runs };
}

function result(f: Finding, stack: StackReport, resource: ResourceReport | undefined, rules: ReportingDescriptor[], lines: readonly string[]): Result {
    const message = f.message.split("\n").filter((l) => l.trim() !== "").pop() ?? f.message;
    const ruleIndex = rules.findIndex((r) => r.id === f.policy);
    const fingerprint = crypto.createHash("sha256").update(`${f.pack}/${f.policy}/${stack.stack}/${f.urn ?? ""}/${message}`).digest("hex");
    return {
        ruleId: f.policy,
        ...(ruleIndex >= 0 ? { ruleIndex } : {}),
        level: level(f),
        message: { text: f.resourceName ? `${message} (stack ${stack.stack}, resource ${f.resourceName})` : `${message} (stack ${stack.stack})` },
        locations: [
            {
                physicalLocation: { artifactLocation: { uri: artifactUri(stack.source) }, region: { startLine: lineOf(lines, resource) } },
                logicalLocations: [f.urn ? { name: f.resourceName ?? f.urn, fullyQualifiedName: f.urn, kind: "resource" } : { name: stack.stack, kind: "module" }],
            },
        ],
        partialFingerprints: { "privatelinkFinding/v1": fingerprint },
        properties: { stack: stack.stack, enforcementLevel: f.enforcementLevel, severity: f.severity, couldNotCheck: f.couldNotCheck },
    };
}
