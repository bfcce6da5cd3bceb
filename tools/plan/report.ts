/**
 * The result of a `plan` run, the one shape every output format renders. `--format json` prints
 * it as is; its JSON Schema is `tools/plan/plan-result.schema.json` (`formatVersion` 1). A field
 * is only ever added within a format version; renaming or removing one bumps it.
 */

/** The version of the JSON shape (see plan-result.schema.json). */
export const FORMAT_VERSION = 1;

/** What the plan ran: stack programs offline, or the state of a deployed stack. */
export type PlanMode = "program" | "state";

/** One resource of a planned (or deployed) stack. */
export interface ResourceReport {
    urn: string;
    type: string;
    name: string;
    /** The parent's URN; undefined for a root resource. */
    parent?: string;
    /** The provider resource's URN when one is given explicitly (`providers`/`provider` option). */
    provider?: string;
    /** Whether it is a custom resource (false for components). */
    custom: boolean;
    /** URNs of the resources it depends on (explicitly or through its inputs). */
    dependencies: string[];
    /** The inputs as registered; values a cloud computes are placeholders (program mode). */
    inputs: Record<string, unknown>;
    /** A few inputs that say what the resource is, `key=value`, for the tree. */
    keyInputs: string[];
}

/** One policy finding: a violation, or a notice that a policy could not check a value. */
export interface Finding {
    /** The pack's name, e.g. `privatelink-aws`. */
    pack: string;
    /** The pack's version. */
    packVersion: string;
    policy: string;
    /** `mandatory`, `advisory`, `remediate` or `disabled`, as the pack reported it. */
    enforcementLevel: string;
    /** `low` … `critical`, or `unspecified`. */
    severity: string;
    message: string;
    /** The resource it is about; undefined for a finding about the whole stack. */
    urn?: string;
    /** The resource's type and name, when `urn` is set. */
    resourceType?: string;
    resourceName?: string;
    /** Whether this is a "could not check" notice rather than a violation. */
    couldNotCheck: boolean;
}

/** One stack's plan. */
export interface StackReport {
    stack: string;
    project: string;
    /** The file the plan read: the stack's `Pulumi.<stack>.yaml`, or the `--state` file. */
    source: string;
    resources: ResourceReport[];
    /** Stack outputs (program mode) or the root stack's outputs (state mode). */
    outputs: Record<string, unknown>;
    findings: Finding[];
    /** Stacks it read through StackReference. */
    references: string[];
    /** Why its program failed; then `resources` holds what was registered before. */
    error?: string;
}

/** A policy a pack offers, for SARIF rule metadata. */
export interface PolicyMetadata {
    pack: string;
    packVersion: string;
    name: string;
    description: string;
    enforcementLevel: string;
    severity: string;
    url?: string;
    remediationSteps?: string;
}

/** Counts over every stack of the run. */
export interface PlanSummary {
    stacks: number;
    resources: number;
    mandatory: number;
    advisory: number;
    /** "Could not check" notices (counted apart from violations). */
    notChecked: number;
    failedPrograms: number;
}

/** The whole result of one `plan` run. */
export interface PlanReport {
    formatVersion: number;
    tool: { name: string; version: string };
    mode: PlanMode;
    /** Always true: nothing is read from or sent to any cloud. */
    offline: boolean;
    /** What the offline run cannot know, in one sentence for every format to print. */
    caveat: string;
    /** The project folder (program mode), relative paths in the report are relative to it. */
    root: string;
    packs: Array<{ name: string; version: string; dir: string }>;
    policies: PolicyMetadata[];
    stacks: StackReport[];
    summary: PlanSummary;
}

/** The caveat of each mode. */
export const CAVEATS: Record<PlanMode, string> = {
    program:
        "Offline plan: nothing was read from or sent to any cloud. Values a cloud computes (ids, ARNs, addresses, DNS names) are placeholders, so a policy that depends on them may judge differently at `pulumi preview`.",
    state: "Offline audit of a `pulumi stack export` file: the resources are as recorded in the state, which may have drifted from what is deployed now.",
};

/** Counts findings and resources. */
export function summarise(stacks: readonly StackReport[]): PlanSummary {
    const findings = stacks.flatMap((s) => s.findings);
    return {
        stacks: stacks.length,
        resources: stacks.reduce((n, s) => n + s.resources.length, 0),
        mandatory: findings.filter((f) => !f.couldNotCheck && (f.enforcementLevel === "mandatory" || f.enforcementLevel === "remediate")).length,
        advisory: findings.filter((f) => !f.couldNotCheck && f.enforcementLevel === "advisory").length,
        notChecked: findings.filter((f) => f.couldNotCheck).length,
        failedPrograms: stacks.filter((s) => s.error !== undefined).length,
    };
}
