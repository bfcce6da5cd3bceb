import { Rule } from "../core";
import {
    endpointPolicyNotOpen,
    endpointPolicyRestricted,
    interfaceEndpointMultiAz,
    interfaceEndpointNoDefaultSecurityGroup,
    interfaceEndpointPrivateDns,
    interfaceEndpointSecurityGroups,
} from "./rules/endpoint";
import { endpointServiceAcceptanceRequired, endpointServiceTrustedPrincipals } from "./rules/endpointService";
import { latticeResourceConfigNotShareable } from "./rules/lattice";
import { securityGroupDescriptions, securityGroupNoPublicSensitiveIngress, securityGroupNoUnrestrictedEgress } from "./rules/securityGroup";
import {
    endpointSecurityGroupNoPublicIngress,
    endpointServiceLbCrossZone,
    endpointServiceLbInternal,
    endpointServiceLbMultiAz,
    endpointServiceNotifications,
    vpcRequiredEndpoints,
} from "./rules/stack";
import { requiredTags } from "./rules/tags";

/** Every rule of the AWS pack, in the order they are reported. */
export const awsPolicies: Rule[] = [
    // Provider side: endpoint services.
    endpointServiceAcceptanceRequired,
    endpointServiceTrustedPrincipals,
    // Security groups and rules.
    securityGroupNoPublicSensitiveIngress,
    securityGroupDescriptions,
    securityGroupNoUnrestrictedEgress,
    // Consumer side: endpoints.
    interfaceEndpointSecurityGroups,
    endpointPolicyNotOpen,
    // Lattice.
    latticeResourceConfigNotShareable,
    // Tags.
    requiredTags,
    // Stack relationships.
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
