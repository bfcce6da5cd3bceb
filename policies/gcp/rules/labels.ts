/**
 * Required labels on the labelable resources our components create. Of the resources a Private
 * Service Connect component creates, these take `labels` in @pulumi/gcp 9.37: `Address`,
 * `GlobalAddress`, `ForwardingRule`, `GlobalForwardingRule`, `ManagedZone` and
 * `networkconnectivity.RegionalEndpoint`. `ServiceAttachment`, `Subnetwork`, `Firewall`,
 * `RecordSet` and `RegionNetworkEndpointGroup` have no labels and are not checked.
 *
 * The rule is `required-labels` (GCP calls them labels; AWS and Azure packs use `required-tags`).
 */
import { framework, requiredTagsRule } from "../../core";
import { T } from "./util";

/** The labelable types checked by `required-labels`. */
export const LABELED_TYPES: readonly string[] = [
    T.address,
    T.globalAddress,
    T.forwardingRule,
    T.globalForwardingRule,
    T.managedZone,
    T.regionalEndpoint,
];

export const requiredLabels = requiredTagsRule({
    name: "required-labels",
    property: "labels",
    noun: "label",
    types: LABELED_TYPES,
    description:
        "Checks whether labelable resources created by privatelink components (addresses, forwarding rules, DNS zones, regional endpoints) carry the required labels (default: managed-by).",
    enforcementLevel: "advisory",
    severity: "low",
    framework: framework(
        "Forseti Config Validator (GoogleCloudPlatform/policy-library)",
        "GCPEnforceLabelConstraintV1",
        "gcp-enforce-labels-v1: resources carry the required label keys.",
    ),
    url: "https://cloud.google.com/resource-manager/docs/creating-managing-labels",
    remediationSteps:
        "Add the required keys to labels (the components add managed-by: privatelink and privatelink-component: <name> themselves; pass extra keys through the component's labels argument). Label keys and values are lower case.",
});
