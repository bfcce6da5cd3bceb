/**
 * Turns a recorded resource graph into what the Pulumi engine sends to policy packs: each
 * resource's inputs for Analyze (as during `pulumi preview`), and the whole stack with outputs,
 * parents and dependencies for AnalyzeStack.
 */
import { AnalyzerResourceInput } from "./analyzer";

/** The parts of a recorded resource the analyzer needs (tests/harness/mocks.ts records more). */
export interface GraphResource {
    /** The type token, e.g. `aws:ec2/vpcEndpoint:VpcEndpoint`. */
    type: string;
    /** The logical name. */
    name: string;
    /** The URN the mock monitor gave it. */
    urn: string;
    /** The id (custom resources only). */
    id: string;
    /** Whether it is a custom resource (false for components). */
    custom: boolean;
    /** The inputs, deserialised (Outputs resolved, unknowns absent). */
    inputs: Record<string, any>;
    /** The state the mock returned (inputs plus computed outputs). */
    state: Record<string, any>;
    /** The parent's URN, or undefined for a root resource. */
    parent?: string;
    /** The provider reference `urn::id` given to a custom resource, if any. */
    provider?: string;
    /** URNs of explicit and implicit dependencies. */
    dependencies: string[];
    /** Per input property, the URNs it depends on. */
    propertyDependencies: Record<string, string[]>;
}

function providerInput(r: GraphResource, byUrn: Map<string, GraphResource>): AnalyzerResourceInput["provider"] {
    if (!r.provider) {
        return undefined;
    }
    const urn = r.provider.split("::").slice(0, -1).join("::");
    const p = byUrn.get(urn);
    return p ? { type: p.type, name: p.name, urn: p.urn, props: p.inputs } : undefined;
}

/** The Analyze request of every resource: type, name, URN, inputs, parent and provider. */
export function toAnalyzeInputs(resources: GraphResource[]): AnalyzerResourceInput[] {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    return resources.map((r) => ({
        type: r.type,
        name: r.name,
        urn: r.urn,
        props: r.inputs,
        parent: r.parent,
        provider: providerInput(r, byUrn),
    }));
}

/** The AnalyzeStack request: outputs (with the id), parents and dependencies of every resource. */
export function toStackInputs(resources: GraphResource[]): AnalyzerResourceInput[] {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    return resources.map((r) => ({
        type: r.type,
        name: r.name,
        urn: r.urn,
        props: r.custom ? { ...r.state, id: r.id } : r.state,
        parent: r.parent,
        dependencies: r.dependencies,
        propertyDependencies: r.propertyDependencies,
        provider: providerInput(r, byUrn),
    }));
}
