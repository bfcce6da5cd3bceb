/** Shared constants for the GCP pack tests. */
import { AnalyzeResult, urnFor } from "../../harness/policies";

export const T = {
    serviceAttachment: "gcp:compute/serviceAttachment:ServiceAttachment",
    subnetwork: "gcp:compute/subnetwork:Subnetwork",
    firewall: "gcp:compute/firewall:Firewall",
    firewallPolicyRule: "gcp:compute/firewallPolicyRule:FirewallPolicyRule",
    networkFirewallPolicyRule: "gcp:compute/networkFirewallPolicyRule:NetworkFirewallPolicyRule",
    regionNetworkFirewallPolicyRule: "gcp:compute/regionNetworkFirewallPolicyRule:RegionNetworkFirewallPolicyRule",
    forwardingRule: "gcp:compute/forwardingRule:ForwardingRule",
    globalForwardingRule: "gcp:compute/globalForwardingRule:GlobalForwardingRule",
    address: "gcp:compute/address:Address",
    globalAddress: "gcp:compute/globalAddress:GlobalAddress",
    regionNetworkEndpointGroup: "gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup",
    managedZone: "gcp:dns/managedZone:ManagedZone",
    recordSet: "gcp:dns/recordSet:RecordSet",
    regionalEndpoint: "gcp:networkconnectivity/regionalEndpoint:RegionalEndpoint",
} as const;

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
