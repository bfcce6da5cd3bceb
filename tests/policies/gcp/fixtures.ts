/** Shared constants for the GCP pack tests. */
import { AnalyzeResult, urnFor } from "../../harness/policies";

/** The pack's own type tokens, so the tests and the rules cannot disagree about them. */
export { T } from "../../../policies/gcp/rules/util";

/** A component type, to make URNs of resources created inside our components. */
export const COMPONENT = "privatelink:index:GcpPrivateLinkService";

/** A stack resource for analyzeStack with its URN filled in. */
export function res(
    type: string,
    name: string,
    props: Record<string, any>,
    extra: { parentType?: string; propertyDependencies?: Record<string, string[]> } = {},
) {
    return {
        type,
        name,
        urn: urnFor(type, name, extra.parentType),
        props,
        propertyDependencies: extra.propertyDependencies,
    };
}

/** Whether a policy was reported as not applicable. */
export function notApplicable(result: AnalyzeResult, policy: string): boolean {
    return result.notApplicable.some((n) => n.policyName === policy);
}

export const COMPUTE = "https://www.googleapis.com/compute/v1";
