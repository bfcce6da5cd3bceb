/**
 * `required-tags` for the Azure resources our components create: every taggable resource carries
 * `managed-by` (and `privatelink-component`) so cost reports and audits can tell them apart.
 */
import { framework, requiredTagsRule } from "../../core";
import { T } from "./util";

/** The taggable types the components create (zone groups, subnets, rules and record sets take no tags). */
export const TAGGABLE_TYPES = [
    T.privateLinkService,
    T.privateEndpoint,
    T.networkSecurityGroup,
    T.applicationSecurityGroup,
    T.loadBalancer,
    T.virtualNetwork,
    T.routeTable,
    T.privateZone,
    T.virtualNetworkLink,
];

export const requiredTags = requiredTagsRule({
    name: "required-tags",
    property: "tags",
    noun: "tag",
    types: TAGGABLE_TYPES,
    description: "Checks whether resources created by privatelink components carry the required tag keys (default: managed-by).",
    framework: framework("PSRule for Azure", "Azure.Resource.RequiredTags", "Resources must use standard tagging"),
    url: "https://azure.github.io/PSRule.Rules.Azure/en/rules/Azure.Resource.RequiredTags/",
    remediationSteps:
        "Pass the tags through the component's tags argument (components always add managed-by and privatelink-component), or add the keys to the resource's tags.",
});
