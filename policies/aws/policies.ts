import { Rule } from "../core";
import {
    endpointPolicyNotOpen,
    endpointPolicyRestricted,
    interfaceEndpointMultiAz,
    interfaceEndpointNoDefaultSecurityGroup,
    interfaceEndpointPrivateDns,
    interfaceEndpointSecurityGroups,
} from "./rules/endpoint";
import { endpointServiceAcceptanceRequired, endpointServiceNotifications, endpointServiceTrustedPrincipals } from "./rules/endpointService";
import { latticeResourceConfigNotShareable } from "./rules/lattice";
import { endpointServiceLbCrossZone, endpointServiceLbInternal, endpointServiceLbMultiAz } from "./rules/loadBalancer";
import {
    endpointSecurityGroupNoPublicIngress,
    securityGroupDescriptions,
    securityGroupNoBroadIngress,
    securityGroupNoPublicSensitiveIngress,
    securityGroupNoPublicSensitiveIngressAcrossRules,
    securityGroupNoUnrestrictedEgress,
} from "./rules/securityGroup";
import { requiredTags } from "./rules/tags";
import { vpcRequiredEndpoints } from "./rules/vpc";

/** Every rule of the AWS pack, in the order they are reported. */
export const awsPolicies: Rule[] = [
    // Provider side: endpoint services.
    endpointServiceAcceptanceRequired,
    endpointServiceTrustedPrincipals,
    // Security groups and rules.
    securityGroupNoPublicSensitiveIngress,
    securityGroupDescriptions,
    securityGroupNoUnrestrictedEgress,
    securityGroupNoBroadIngress,
    // Consumer side: endpoints.
    interfaceEndpointSecurityGroups,
    endpointPolicyNotOpen,
    // Lattice.
    latticeResourceConfigNotShareable,
    // Tags.
    requiredTags,
    // Stack relationships.
    securityGroupNoPublicSensitiveIngressAcrossRules,
    endpointSecurityGroupNoPublicIngress,
    interfaceEndpointNoDefaultSecurityGroup,
    interfaceEndpointMultiAz,
    interfaceEndpointPrivateDns,
    endpointPolicyRestricted,
    endpointServiceLbInternal,
    endpointServiceLbMultiAz,
    endpointServiceLbCrossZone,
    endpointServiceNotifications,
    vpcRequiredEndpoints,
];
