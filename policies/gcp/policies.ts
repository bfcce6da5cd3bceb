import { Rule } from "../core";
import { dnsZonePrivate } from "./rules/dns";
import { endpointAllowedProducers, googleApisEndpointVpcSc } from "./rules/endpoint";
import { firewallLoggingEnabled, firewallNoAllPortsIngress, firewallNoBroadSourceRanges, firewallNoPublicSensitivePorts } from "./rules/firewall";
import { requiredLabels } from "./rules/labels";
import { natSubnetNotShared, natSubnetPurpose } from "./rules/natSubnet";
import { serviceAttachmentAcceptListBounded, serviceAttachmentManualAcceptance } from "./rules/serviceAttachment";

/** Every rule of the Google Cloud pack, in the order they are reported. */
export const gcpPolicies: Rule[] = [
    serviceAttachmentManualAcceptance,
    serviceAttachmentAcceptListBounded,
    natSubnetPurpose,
    natSubnetNotShared,
    firewallNoPublicSensitivePorts,
    firewallNoAllPortsIngress,
    firewallNoBroadSourceRanges,
    firewallLoggingEnabled,
    endpointAllowedProducers,
    googleApisEndpointVpcSc,
    dnsZonePrivate,
    requiredLabels,
];
