import { Rule } from "../core";
import { peRequiresDns, privatelinkZoneNoAutoregistration } from "./rules/dns";
import { nsgNoBroadInbound, nsgNoInternetInbound, nsgNoInternetInboundSensitivePorts } from "./rules/networkSecurityGroup";
import { targetPublicNetworkAccessDisabled } from "./rules/paas";
import { peConnectionHasName, peManualConnectionHasRequestMessage, peSubnetHasNsg, peSubnetNsgPoliciesEnabled } from "./rules/privateEndpoint";
import {
    plsAutoApprovalSubsetOfVisibility,
    plsNatIpCount,
    plsNatSubnetPoliciesDisabled,
    plsNoPublicVisibility,
    plsNoWildcardAutoApproval,
    plsProxyProtocolConsistency,
} from "./rules/privateLinkService";
import { requiredTags } from "./rules/tags";

/** Every rule of the Azure pack, in the order they are reported. */
export const azurePolicies: Rule[] = [
    // Provider side: who can see and connect to a private link service.
    plsNoPublicVisibility,
    plsNoWildcardAutoApproval,
    plsAutoApprovalSubsetOfVisibility,
    plsNatIpCount,
    plsNatSubnetPoliciesDisabled,
    plsProxyProtocolConsistency,
    // Network security groups.
    nsgNoInternetInboundSensitivePorts,
    nsgNoInternetInbound,
    nsgNoBroadInbound,
    // Consumer side: private endpoints, their subnets, DNS and targets.
    peConnectionHasName,
    peManualConnectionHasRequestMessage,
    peSubnetHasNsg,
    peSubnetNsgPoliciesEnabled,
    peRequiresDns,
    privatelinkZoneNoAutoregistration,
    targetPublicNetworkAccessDisabled,
    // Hygiene.
    requiredTags,
];
