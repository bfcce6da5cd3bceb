/**
 * Rules for the provider side of Azure Private Link: `network.PrivateLinkService` — who may see
 * and request the service (visibility), who is connected without the owner's approval
 * (auto-approval), its NAT IP configurations and, across the stack, its NAT subnet and the PROXY
 * protocol setting of the services sharing one load balancer.
 *
 * No Azure Policy built-in, Checkov, Trivy or PSRule rule covers `Microsoft.Network/privateLinkServices`,
 * so these rules map to the Microsoft cloud security benchmark control they serve (NS-2) and to the
 * platform documentation.
 */
import { PolicyResource, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { arr, bool, Candidates, configOf, equalsIgnoreCase, forTypes, framework, get, groupBy, stackIndex, str, strings, UnknownParts } from "../../core";
import { armCandidates, isWildcard, networkIndex, normaliseId, subnetsReferencedBy, subscriptionKey, T } from "./util";

const PLS_DOCS = "https://learn.microsoft.com/azure/private-link/private-link-service-overview";
const MCSB_NS2 = framework("Microsoft cloud security benchmark", "NS-2", "Secure cloud services with network controls");

/** The platform's limit of NAT IP configurations per private link service. */
export const MAX_NAT_IPS = 8;

/** A PLS with `*` in visibility can be found and requested by any subscription that learns its alias. */
export const plsNoPublicVisibility: ResourceValidationPolicy = {
    name: "pls-no-public-visibility",
    description: "Checks whether private link services restrict visibility to listed subscriptions (visibility.subscriptions does not contain \"*\").",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: MCSB_NS2,
    url: PLS_DOCS,
    remediationSteps:
        "List the consumer subscription ids in visibility.subscriptions instead of \"*\", or leave visibility unset (RBAC only). AzurePrivateLinkService never sets \"*\".",
    validateResource: forTypes([T.privateLinkService], (props, args, report) => {
        if (strings(props, "visibility.subscriptions").some(isWildcard)) {
            report(`private link service "${args.name}" is visible to every subscription ("*" in visibility.subscriptions); list the consumer subscriptions.`);
        }
    }),
};

/** A PLS with `*` in auto-approval connects any requester without the owner's approval. */
export const plsNoWildcardAutoApproval: ResourceValidationPolicy = {
    name: "pls-no-wildcard-autoapproval",
    description: "Checks whether private link services auto-approve only listed subscriptions (autoApproval.subscriptions does not contain \"*\").",
    enforcementLevel: "mandatory",
    severity: "critical",
    framework: MCSB_NS2,
    url: PLS_DOCS,
    remediationSteps:
        "Remove \"*\" from autoApproval.subscriptions; list trusted subscriptions only and approve other connections manually (they arrive Pending).",
    validateResource: forTypes([T.privateLinkService], (props, args, report) => {
        if (strings(props, "autoApproval.subscriptions").some(isWildcard)) {
            report(`private link service "${args.name}" auto-approves every subscription ("*" in autoApproval.subscriptions); list trusted subscriptions only.`);
        }
    }),
};

/**
 * Auto-approval is documented as a subset of visibility. A subscription that is auto-approved but
 * not visible points at a typo or a stale list. With visibility unset (RBAC only) no subscription
 * is listed as visible, so any auto-approval entry is reported too, unless
 * `allowWithRbacOnlyVisibility` is set: then RBAC on the service is trusted to grant the
 * auto-approved consumers access (e.g. cross-tenant via RBAC). `*` entries are left to the two
 * wildcard rules, so one mistake is reported once.
 */
export const plsAutoApprovalSubsetOfVisibility: ResourceValidationPolicy = {
    name: "pls-autoapproval-subset-of-visibility",
    description: "Checks whether every auto-approved subscription of a private link service is also listed in its visibility (compared case-insensitively).",
    enforcementLevel: "advisory",
    severity: "medium",
    url: PLS_DOCS,
    remediationSteps:
        "Add each auto-approved subscription to visibility.subscriptions, or remove it from autoApproval.subscriptions. Subscription ids are compared case-insensitively.",
    configSchema: {
        properties: {
            allowWithRbacOnlyVisibility: {
                type: "boolean",
                default: false,
                description: "Accept auto-approved subscriptions when visibility is unset (RBAC-only visibility).",
            },
        },
    },
    validateResource: forTypes([T.privateLinkService], (props, args, report) => {
        const config = configOf(args, { allowWithRbacOnlyVisibility: false });
        const auto = strings(props, "autoApproval.subscriptions").filter((s) => !isWildcard(s) && s.trim() !== "");
        if (auto.length === 0) {
            return;
        }
        const visible = strings(props, "visibility.subscriptions");
        if (visible.some(isWildcard)) {
            return;
        }
        if (visible.length === 0) {
            if (!config.allowWithRbacOnlyVisibility) {
                report(
                    `private link service "${args.name}" auto-approves ${auto.join(", ")} but lists no visibility subscriptions; add them to visibility.subscriptions.`,
                );
            }
            return;
        }
        const keys = new Set(visible.map(subscriptionKey));
        const missing = auto.filter((s) => !keys.has(subscriptionKey(s)));
        if (missing.length > 0) {
            report(`private link service "${args.name}" auto-approves subscriptions not in its visibility: ${missing.join(", ")}.`);
        }
    }),
};

/** A PLS needs 1–8 NAT IP configurations; ARM rejects other counts at apply, not at preview. */
export const plsNatIpCount: ResourceValidationPolicy = {
    name: "pls-nat-ip-count",
    description: `Checks whether private link services have between minNatIps (default 1) and ${MAX_NAT_IPS} NAT IP configurations (ipConfigurations).`,
    enforcementLevel: "advisory",
    severity: "low",
    url: PLS_DOCS,
    remediationSteps: `Give the private link service 1 to ${MAX_NAT_IPS} ipConfigurations in its NAT subnet; use 2 or more for more concurrent connections, and keep 8 free addresses in the subnet.`,
    configSchema: {
        properties: {
            minNatIps: {
                type: "integer",
                minimum: 1,
                maximum: MAX_NAT_IPS,
                default: 1,
                description: "The least number of NAT IP configurations a private link service must have.",
            },
        },
    },
    validateResource: forTypes([T.privateLinkService], (props, args, report) => {
        const config = configOf(args, { minNatIps: 1 });
        const min = Math.min(Math.max(1, Math.floor(config.minNatIps)), MAX_NAT_IPS);
        const count = arr(props, "ipConfigurations").length;
        if (count < min) {
            report(`private link service "${args.name}" has ${count} NAT IP configuration${count === 1 ? "" : "s"}; it needs at least ${min}.`);
        } else if (count > MAX_NAT_IPS) {
            report(`private link service "${args.name}" has ${count} NAT IP configurations; Azure allows at most ${MAX_NAT_IPS}.`);
        }
    }),
};

/**
 * azure-native's `network.Subnet` defaults `privateLinkServiceNetworkPolicies` to "Enabled", and
 * Azure refuses a PLS whose NAT IPs sit in such a subnet — so a missing value is a violation.
 */
export const plsNatSubnetPoliciesDisabled: StackValidationPolicy = {
    name: "pls-nat-subnet-policies-disabled",
    description:
        "Checks whether the NAT subnet of every private link service (ipConfigurations[].subnet) sets privateLinkServiceNetworkPolicies to \"Disabled\" (the azure-native default is \"Enabled\").",
    enforcementLevel: "mandatory",
    severity: "high",
    url: "https://learn.microsoft.com/azure/private-link/disable-private-link-service-network-policy",
    remediationSteps:
        "Set privateLinkServiceNetworkPolicies: \"Disabled\" on the subnet that holds the private link service's NAT IPs (a standalone network.Subnet, or the inline subnet of the VirtualNetwork).",
    validateStack: (args, report) => {
        const ix = stackIndex(args);
        const services = ix.ofType(T.privateLinkService);
        if (services.length === 0) {
            args.notApplicable("no private link service in the stack");
        }
        const index = networkIndex(ix);
        // Each service and subnet on its own: an unknown value of one hides nothing about another.
        const parts = new UnknownParts();
        for (const pls of services) {
            const subnets =
                parts.run(() =>
                    subnetsReferencedBy(pls, "ipConfigurations", () => arr(pls.props, "ipConfigurations").map((c) => get(c, "subnet.id")), index),
                ) ?? [];
            for (const subnet of subnets) {
                parts.run(() => {
                    const value = get(subnet.props, "privateLinkServiceNetworkPolicies");
                    if (!equalsIgnoreCase(value, "Disabled")) {
                        report(
                            `${subnet.label}, the NAT subnet of private link service "${pls.name}", has privateLinkServiceNetworkPolicies ${
                                value === undefined || value === null ? "unset (default Enabled)" : JSON.stringify(value)
                            }; set it to "Disabled".`,
                            subnet.owner.urn,
                        );
                    }
                });
            }
        }
        parts.finish();
    },
};

/** The id of the load balancer of a frontend IP configuration id (`…/frontendIPConfigurations/<name>`), lower case. */
function loadBalancerIdOf(frontendId: string): string {
    const at = frontendId.lastIndexOf("/frontendipconfigurations/");
    return at >= 0 && !frontendId.slice(at + "/frontendipconfigurations/".length).includes("/") ? frontendId.slice(0, at) : frontendId;
}

/** The load balancer a PLS is attached to: a `LoadBalancer` in the stack (its URN) or the LB's id. */
function loadBalancerKeys(pls: PolicyResource, lbs: Candidates): string[] {
    const deps = (pls.propertyDependencies?.loadBalancerFrontendIpConfigurations ?? []).filter((d) => d.type === T.loadBalancer);
    if (deps.length > 0) {
        return deps.map((d) => d.urn);
    }
    const keys = new Set<string>();
    for (const fe of arr(pls.props, "loadBalancerFrontendIpConfigurations")) {
        const feId = normaliseId(str(fe, "id"));
        if (feId === undefined) {
            continue;
        }
        const lbId = loadBalancerIdOf(feId);
        const [lb] = lbs.named(lbId, pls);
        keys.add(lb ? lb.urn : lbId);
    }
    return [...keys];
}

/**
 * PROXY protocol v2 applies to every backend of the load balancer: when two services on one LB
 * disagree, the backends either get headers they don't expect or miss the ones they need, and
 * health probes fail.
 */
export const plsProxyProtocolConsistency: StackValidationPolicy = {
    name: "pls-proxy-protocol-consistency",
    description: "Checks whether all private link services on one load balancer agree on enableProxyProtocol.",
    enforcementLevel: "advisory",
    severity: "medium",
    url: PLS_DOCS,
    remediationSteps:
        "Set the same enableProxyProtocol on every private link service of the load balancer, and make sure its backends parse PROXY v2 headers when it is on.",
    validateStack: (args, report) => {
        const ix = stackIndex(args);
        const services = ix.ofType(T.privateLinkService);
        if (services.length < 2) {
            args.notApplicable("fewer than two private link services in the stack");
        }
        const lbs = armCandidates(ix.ofType(T.loadBalancer), "Microsoft.Network", [["loadBalancers", ["loadBalancerName", "name"]]]);
        const byLb = groupBy(services, (pls) => loadBalancerKeys(pls, lbs));
        for (const group of byLb.values()) {
            const on = group.filter((p) => bool(p.props, "enableProxyProtocol") === true);
            const off = group.filter((p) => !on.includes(p));
            if (on.length === 0 || off.length === 0) {
                continue;
            }
            const names = (ps: PolicyResource[]) => ps.map((p) => `"${p.name}"`).join(", ");
            for (const p of group) {
                const mine = on.includes(p);
                report(
                    `private link service "${p.name}" has PROXY protocol ${mine ? "on" : "off"} but ${names(mine ? off : on)} on the same load balancer ${
                        (mine ? off : on).length > 1 ? "have" : "has"
                    } it ${mine ? "off" : "on"}.`,
                    p.urn,
                );
            }
        }
    },
};
