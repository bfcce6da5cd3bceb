/**
 * Rules for the consumer side of Azure Private Link: `network.PrivateEndpoint` — its connections
 * (which ARM validates only at apply) and, across the stack, the subnet it sits in.
 */
import { PolicyResource, ResourceValidationPolicy, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { equalsIgnoreCase, forTypes, framework, get, stackIndex, str, UnknownParts } from "../../core";
import { connectionsOf, networkIndex, subnetHasNsg, SubnetRef, subnetsReferencedBy, T } from "./util";

/** ARM's limit on a connection's `requestMessage`. */
export const MAX_REQUEST_MESSAGE = 140;

/**
 * The connection `name` is typed optional, but ARM rejects a connection without it
 * (`InvalidRequestFormat`) — at apply, after preview passed (pulumi/pulumi-azure-native#4213).
 * A private endpoint without any connection is rejected the same way.
 */
export const peConnectionHasName: ResourceValidationPolicy = {
    name: "pe-connection-has-name",
    description:
        "Checks whether every private endpoint has at least one connection and every connection (privateLinkServiceConnections, manualPrivateLinkServiceConnections) has a name.",
    enforcementLevel: "mandatory",
    severity: "medium",
    url: "https://github.com/pulumi/pulumi-azure-native/issues/4213",
    remediationSteps:
        "Give each entry of privateLinkServiceConnections / manualPrivateLinkServiceConnections a name (e.g. the endpoint's name); AzurePrivateEndpoint always sets it.",
    validateResource: forTypes([T.privateEndpoint], (props, args, report) => {
        const connections = connectionsOf(props);
        if (connections.length === 0) {
            report(`private endpoint "${args.name}" has no privateLinkServiceConnections or manualPrivateLinkServiceConnections.`);
            return;
        }
        const unnamed = connections.filter(({ connection }) => {
            const name = str(connection, "name");
            return name === undefined || name.trim() === "";
        });
        for (const { property } of unnamed) {
            report(`private endpoint "${args.name}" has a connection in ${property} without a name; Azure rejects it at apply.`);
        }
    }),
};

/**
 * A manual connection arrives Pending at the service owner, who sees only its request message;
 * ARM rejects messages over 140 characters.
 */
export const peManualConnectionHasRequestMessage: ResourceValidationPolicy = {
    name: "pe-manual-connection-has-request-message",
    description: `Checks whether every manual private endpoint connection has a requestMessage of at most ${MAX_REQUEST_MESSAGE} characters for the service owner who approves it.`,
    enforcementLevel: "advisory",
    severity: "low",
    url: "https://learn.microsoft.com/azure/private-link/manage-private-endpoint",
    remediationSteps: `Set requestMessage on each manualPrivateLinkServiceConnections entry: who asks and why, in at most ${MAX_REQUEST_MESSAGE} characters.`,
    validateResource: forTypes([T.privateEndpoint], (props, args, report) => {
        for (const { property, connection } of connectionsOf(props)) {
            if (property !== "manualPrivateLinkServiceConnections") {
                continue;
            }
            const label = `manual connection "${str(connection, "name") ?? "?"}" of private endpoint "${args.name}"`;
            const message = str(connection, "requestMessage");
            if (message === undefined || message.trim() === "") {
                report(`${label} has no requestMessage; the service owner sees no reason to approve it.`);
            } else if (message.length > MAX_REQUEST_MESSAGE) {
                report(`${label} has a requestMessage of ${message.length} characters; Azure allows at most ${MAX_REQUEST_MESSAGE}.`);
            }
        }
    }),
};

/**
 * Each private endpoint of the stack with the stack's subnet(s) it sits in, judged by `check` one
 * endpoint and subnet at a time: an unknown value of one hides nothing about the others, and the
 * rule says "could not check" for the unknown parts once the known ones have reported.
 */
function forEachEndpointSubnet(args: StackValidationArgs, check: (pe: PolicyResource, subnet: SubnetRef) => void): void {
    const ix = stackIndex(args);
    const endpoints = ix.ofType(T.privateEndpoint);
    if (endpoints.length === 0) {
        args.notApplicable("no private endpoint in the stack");
    }
    const index = networkIndex(ix);
    const parts = new UnknownParts();
    for (const pe of endpoints) {
        const subnets = parts.run(() => subnetsReferencedBy(pe, "subnet", () => [get(pe.props, "subnet.id")], index)) ?? [];
        for (const subnet of subnets) {
            parts.run(() => check(pe, subnet));
        }
    }
    parts.finish();
}

/**
 * An NSG on the endpoint's subnet is the only network-level control over who reaches the private
 * endpoint from inside the VNet (and its peers). Subnets outside the stack are not checked.
 */
export const peSubnetHasNsg: StackValidationPolicy = {
    name: "pe-subnet-has-nsg",
    description: "Checks whether the subnet of every private endpoint is associated with a network security group (networkSecurityGroup.id).",
    enforcementLevel: "advisory",
    severity: "medium",
    framework: framework("Azure Policy", "e71308d3-144b-4262-b144-efdc3cc90517", "Subnets should be associated with a Network Security Group"),
    url: "https://azure.github.io/PSRule.Rules.Azure/en/rules/Azure.VNET.UseNSGs/",
    remediationSteps:
        "Associate a network security group that allows only the consumers' CIDRs on the service ports with the private endpoint's subnet (networkSecurityGroup: { id } on the Subnet).",
    validateStack: (args, report) =>
        forEachEndpointSubnet(args, (pe, subnet) => {
            if (!subnetHasNsg(subnet)) {
                report(`${subnet.label}, the subnet of private endpoint "${pe.name}", has no network security group.`, subnet.owner.urn);
            }
        }),
};

const NSG_POLICY_VALUES = ["Enabled", "NetworkSecurityGroupEnabled"];

/**
 * With `privateEndpointNetworkPolicies` "Disabled" (the Azure and azure-native default) an NSG on
 * the subnet does not apply to private endpoint traffic: the NSG is there, and silently ignored.
 */
export const peSubnetNsgPoliciesEnabled: StackValidationPolicy = {
    name: "pe-subnet-nsg-policies-enabled",
    description:
        "Checks whether a private endpoint subnet that has a network security group sets privateEndpointNetworkPolicies to \"Enabled\" or \"NetworkSecurityGroupEnabled\", so the NSG applies to endpoint traffic.",
    enforcementLevel: "advisory",
    severity: "medium",
    url: "https://learn.microsoft.com/azure/private-link/disable-private-endpoint-network-policy",
    remediationSteps:
        "Set privateEndpointNetworkPolicies: \"NetworkSecurityGroupEnabled\" (or \"Enabled\" to honour route tables too) on the private endpoint's subnet.",
    validateStack: (args, report) =>
        forEachEndpointSubnet(args, (pe, subnet) => {
            if (!subnetHasNsg(subnet)) {
                return;
            }
            const value = get(subnet.props, "privateEndpointNetworkPolicies");
            if (!equalsIgnoreCase(value, ...NSG_POLICY_VALUES)) {
                report(
                    `${subnet.label}, the subnet of private endpoint "${pe.name}", has an NSG but privateEndpointNetworkPolicies ${
                        value === undefined || value === null ? "unset (default Disabled)" : JSON.stringify(value)
                    }, so the NSG does not apply to the endpoint.`,
                    subnet.owner.urn,
                );
            }
        }),
};
