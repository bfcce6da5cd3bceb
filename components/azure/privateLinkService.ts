/**
 * `AzurePrivateLinkService`: publish a service behind a Standard internal load balancer through
 * Azure Private Link, so consumers in other VNets, subscriptions and tenants reach it through
 * their own private endpoints.
 *
 * The graph, optional parts in brackets:
 *
 *   [nat-subnet] → [lb (frontend, backend pool, probes, rules)] → pls → [approval-<endpoint>]
 *
 * Secure by default: visible to no subscription but through RBAC until subscriptions are listed,
 * never `*` unless explicitly allowed, auto-approval only for visible subscriptions, so every
 * other connection arrives Pending for the owner; approvals are kept when removed from the list
 * (a deleted approval would drop a live connection).
 */
import * as pulumi from "@pulumi/pulumi";
import * as network from "@pulumi/azure-native/network";
import * as authorization from "@pulumi/azure-native/authorization";
import {
    Validator,
    childName,
    cidrContains,
    isCidr,
    isIpAddress,
    isKnown,
    isPort,
    mergeTags,
    parseCidr,
    requireArray,
    requireBoolean,
    requireExactlyOne,
    requireInteger,
    requireObject,
    requireOneOf,
    requireString,
    requireStringList,
    requireUnique,
    requireValue,
    slug,
    startValidation,
    typeToken,
} from "../core";
import { isHostName } from "../../common/dns";
import {
    FRONTEND_IP_CONFIGURATION_TYPE,
    NETWORK_SECURITY_GROUP_TYPE,
    PRIVATE_ENDPOINT_TYPE,
    SUBNET_TYPE,
    isSubscriptionId,
    requireArmId,
    requireIdEntries,
} from "./ids";
import { regionHasZones } from "./regions";
import { requireResourceName, validateAzureTags } from "./validation";

const COMPONENT = "AzurePrivateLinkService";

/** The platform's limit of NAT IP configurations per private link service. */
export const MAX_NAT_IPS = 8;

/** The name of the created load balancer's frontend and backend pool. */
const FRONTEND = "frontend";
const BACKEND_POOL = "backend";

/** The transport protocol of a load-balancing rule (Private Link carries TCP and UDP only). */
export enum AzureLoadBalancerProtocol {
    /** TCP. */
    Tcp = "Tcp",
    /** UDP; its health probe must still be TCP, HTTP or HTTPS. */
    Udp = "Udp",
}

/** The protocol of a health probe. */
export enum AzureLoadBalancerProbeProtocol {
    /** A TCP connect. */
    Tcp = "Tcp",
    /** An HTTP GET of `requestPath`; healthy on 200. */
    Http = "Http",
    /** An HTTPS GET of `requestPath`; healthy on 200. */
    Https = "Https",
}

/** The health probe of a load-balancing rule. */
export interface AzurePrivateLinkServiceProbeArgs {
    /**
     * The probe protocol.
     * @default Tcp
     */
    protocol?: AzureLoadBalancerProbeProtocol;
    /**
     * The port to probe.
     * @default the rule's backend port
     */
    port?: number;
    /**
     * The path of an HTTP or HTTPS probe.
     * @default "/"
     */
    requestPath?: string;
    /**
     * Seconds between probes (5–2147483646).
     * @default 5
     */
    intervalInSeconds?: number;
    /**
     * Consecutive failures (or successes) before a backend changes state (1–2147483647).
     * @default 1
     */
    probeThreshold?: number;
}

/** A load-balancing rule of the created load balancer: one frontend port to the backend pool. */
export interface AzurePrivateLinkServiceRuleArgs {
    /** The port consumers connect to. Each protocol and port once. */
    frontendPort: number;
    /**
     * The port the backends listen on.
     * @default the frontend port
     */
    backendPort?: number;
    /**
     * The protocol.
     * @default Tcp
     */
    protocol?: AzureLoadBalancerProtocol;
    /**
     * Minutes an idle flow is kept (4–100). Private Link itself drops flows idle for about five
     * minutes: clients need keepalives under 300 seconds whatever this says.
     * @default 4
     */
    idleTimeoutInMinutes?: number;
    /**
     * Send a TCP reset when an idle flow times out, so clients learn of it at once.
     * @default true for Tcp rules
     */
    enableTcpReset?: boolean;
    /**
     * The rule's health probe.
     * @default a TCP probe of the backend port every 5 seconds
     */
    probe?: AzurePrivateLinkServiceProbeArgs;
}

/** A Standard internal load balancer to create in front of the service. */
export interface AzurePrivateLinkServiceLoadBalancerArgs {
    /**
     * The subnet of the load balancer's frontend IP.
     * @default the NAT subnet
     */
    frontendSubnetId?: pulumi.Input<string>;
    /**
     * A static private IP for the frontend.
     * @default a dynamic IP of the frontend subnet
     */
    frontendPrivateIpAddress?: pulumi.Input<string>;
    /**
     * The availability zones of the frontend; a zone-redundant frontend survives the loss of a
     * zone. Use `[]` in a region without availability zones.
     * @default ["1", "2", "3"], or [] when `location` is a known region without availability zones
     */
    zones?: string[];
    /** The load-balancing rules, one per protocol and frontend port; at least one. */
    rules: AzurePrivateLinkServiceRuleArgs[];
    /**
     * The load balancer's resource name. It is set rather than autonamed because the rules refer
     * to the frontend, pool and probes by ids that contain it.
     * @default `${name}-lb`
     */
    loadBalancerName?: pulumi.Input<string>;
}

/** A NAT subnet to create: consumer traffic reaches the backends from its addresses. */
export interface AzurePrivateLinkServiceNatSubnetArgs {
    /** The VNet to create the subnet in (the VNet of the load balancer). */
    virtualNetworkName: pulumi.Input<string>;
    /**
     * The subnet's CIDR, at least a /28 so 8 addresses stay free for NAT IPs.
     */
    addressPrefix: pulumi.Input<string>;
    /**
     * The resource group of the VNet.
     * @default the service's resource group
     */
    resourceGroupName?: pulumi.Input<string>;
    /**
     * The subnet's name.
     * @default a name derived from the logical name
     */
    subnetName?: pulumi.Input<string>;
    /**
     * A network security group for the subnet (it does not filter the NAT IPs themselves).
     * @default none
     */
    networkSecurityGroupId?: pulumi.Input<string>;
}

/** One NAT IP configuration of the service. */
export interface AzurePrivateLinkServiceNatIpArgs {
    /**
     * The configuration's name, which also keys it. Required for a dynamic IP.
     * @default `nat-<address>` for a static IP
     */
    name?: string;
    /**
     * A static IPv4 address in the NAT subnet.
     * @default a dynamic address
     */
    privateIpAddress?: pulumi.Input<string>;
}

/** A pending connection of a known consumer endpoint for the component to approve. */
export interface AzurePrivateLinkServiceApprovalArgs {
    /**
     * The resource id of the consumer's private endpoint (its `endpointId`). The component finds
     * the connection the endpoint requested on the service and approves it.
     */
    privateEndpointId: pulumi.Input<string>;
    /**
     * The key that names the approval (`${name}-approval-<key>`). Required when
     * `privateEndpointId` is not known when the program runs (an Output, a StackReference).
     * @default the endpoint's name from `privateEndpointId`
     */
    key?: string;
    /**
     * The reason recorded with the approval, which the consumer sees.
     * @default "Approved by <name>."
     */
    description?: pulumi.Input<string>;
}

/** Arguments of `AzurePrivateLinkService`. */
export interface AzurePrivateLinkServiceArgs {
    /** The resource group of the service (and of a created load balancer). */
    resourceGroupName: pulumi.Input<string>;
    /**
     * The region; the VNet, the load balancer and the service must share it.
     * @default the resource group's region
     */
    location?: pulumi.Input<string>;
    /**
     * The service's resource name; it prefixes the alias.
     * @default a name derived from the logical name
     */
    serviceName?: pulumi.Input<string>;
    /**
     * Frontend IP configuration ids of an existing Standard load balancer to publish. Exactly one
     * of `loadBalancerFrontendIpConfigurationIds` and `loadBalancer`.
     * @default none
     */
    loadBalancerFrontendIpConfigurationIds?: pulumi.Input<string>[];
    /**
     * A Standard internal load balancer to create. Exactly one of
     * `loadBalancerFrontendIpConfigurationIds` and `loadBalancer`.
     * @default none
     */
    loadBalancer?: AzurePrivateLinkServiceLoadBalancerArgs;
    /**
     * The id of an existing NAT subnet. Its `privateLinkServiceNetworkPolicies` must be
     * `"Disabled"`: Azure refuses NAT IPs in a subnet with the policies enabled, and an
     * azure-native `network.Subnet` enables them unless told otherwise. Exactly one of
     * `natSubnetId` and `natSubnet`.
     * @default none
     */
    natSubnetId?: pulumi.Input<string>;
    /**
     * A NAT subnet to create, with `privateLinkServiceNetworkPolicies: "Disabled"`. Exactly one of
     * `natSubnetId` and `natSubnet`.
     * @default none
     */
    natSubnet?: AzurePrivateLinkServiceNatSubnetArgs;
    /**
     * The NAT IP configurations, 1–8, the first being primary. More NAT IPs carry more
     * concurrent connections. Adding, removing or reordering any but the first changes only that
     * entry.
     * @default one dynamic IP named "nat-primary"
     */
    natIpConfigurations?: AzurePrivateLinkServiceNatIpArgs[];
    /**
     * Subscriptions that may see the service and request connections by its alias. Unset (empty),
     * only principals with RBAC rights on the service can.
     * @default [] (RBAC only)
     */
    visibilitySubscriptionIds?: pulumi.Input<string>[];
    /**
     * Subscriptions whose connections are approved without the owner; each must be visible.
     * Every other connection arrives Pending.
     * @default []
     */
    autoApprovalSubscriptionIds?: pulumi.Input<string>[];
    /**
     * Allow `*` in `visibilitySubscriptionIds`: every subscription that learns the alias may
     * request a connection (each still needs approval).
     * @default false
     */
    allowAnySubscriptionVisibility?: boolean;
    /**
     * Allow `*` in `autoApprovalSubscriptionIds` (with `*` visibility): anyone who learns the
     * alias connects without the owner's approval.
     * @default false
     */
    allowAnySubscriptionAutoApproval?: boolean;
    /**
     * Send PROXY protocol v2 headers (the client's source IP and the endpoint's LINKID) to the
     * backends. It applies to every backend of the load balancer: turn it on for every service
     * sharing it, and only when the backends parse the header, or their health probes fail.
     * @default false
     */
    enableProxyProtocol?: pulumi.Input<boolean>;
    /**
     * FQDNs of the service, shown to consumers for their DNS (informational).
     * @default []
     */
    fqdns?: pulumi.Input<string>[];
    /**
     * Pending connections of known consumer endpoints to approve, each keyed by its endpoint.
     * @default []
     */
    approvals?: AzurePrivateLinkServiceApprovalArgs[];
    /**
     * Delete the connection when its entry leaves `approvals` (the consumer endpoint becomes
     * Disconnected). Off, a removed approval is only forgotten by the stack and the live connection
     * stays approved.
     * @default false
     */
    removeConnectionsOnDelete?: boolean;
    /**
     * Tags for every resource that takes tags, over the component's `managed-by` and
     * `privatelink-component` tags.
     * @default {}
     */
    tags?: { [key: string]: string };
}

/** A load-balancing rule with its defaults filled in and its key. */
interface RulePlan {
    key: string;
    frontendPort: number;
    backendPort: number;
    protocol: AzureLoadBalancerProtocol;
    idleTimeoutInMinutes: number;
    enableTcpReset: boolean;
    probe: Required<Omit<AzurePrivateLinkServiceProbeArgs, "requestPath">> & { requestPath?: string };
}

/** What the validation worked out. */
interface ServicePlan {
    natIps: Array<{ name: string; privateIpAddress?: pulumi.Input<string> }>;
    rules: RulePlan[];
    zones: string[];
    approvalKeys: string[];
}

function planService(name: string, args: AzurePrivateLinkServiceArgs): ServicePlan {
    const v: Validator = startValidation(COMPONENT, name, args, "pass an arguments object, e.g. { resourceGroupName, natSubnetId, loadBalancerFrontendIpConfigurationIds }");
    const a = args as unknown as Record<string, unknown>;
    requireValue(v, "resourceGroupName", a.resourceGroupName, 'give the service\'s resource group, e.g. "orders-rg"');
    requireString(v, "resourceGroupName", a.resourceGroupName, { nonEmpty: true });
    requireString(v, "location", a.location, { nonEmpty: true, expected: 'an Azure region, e.g. "eastus"' });
    requireString(v, "serviceName", a.serviceName);
    requireResourceName(v, "serviceName", a.serviceName);
    validateAzureTags(v, "tags", a.tags);

    // The front end: an existing load balancer's frontends, or a new internal one.
    requireExactlyOne(
        v,
        { loadBalancerFrontendIpConfigurationIds: a.loadBalancerFrontendIpConfigurationIds, loadBalancer: a.loadBalancer },
        "give loadBalancerFrontendIpConfigurationIds (frontends of an existing Standard load balancer) or loadBalancer (create an internal one), not both",
    );
    requireStringList(v, "loadBalancerFrontendIpConfigurationIds", a.loadBalancerFrontendIpConfigurationIds);
    const frontends = (a.loadBalancerFrontendIpConfigurationIds as unknown[] | undefined) ?? [];
    if (a.loadBalancerFrontendIpConfigurationIds !== undefined && frontends.length === 0) {
        v.fail("loadBalancerFrontendIpConfigurationIds", frontends, "but the service needs at least one frontend", "list the frontend IP configuration id of the load balancer");
    }
    frontends.forEach((id, i) =>
        requireArmId(v, `loadBalancerFrontendIpConfigurationIds[${i}]`, id, FRONTEND_IP_CONFIGURATION_TYPE, "a load balancer frontend IP configuration"),
    );
    requireUnique(v, "loadBalancerFrontendIpConfigurationIds", frontends.map((f) => (isKnown(f) && typeof f === "string" ? f.toLowerCase() : f)));

    // The NAT subnet.
    requireExactlyOne(
        v,
        { natSubnetId: a.natSubnetId, natSubnet: a.natSubnet },
        "give natSubnetId (an existing subnet with privateLinkServiceNetworkPolicies Disabled) or natSubnet (create one), not both",
    );
    requireString(v, "natSubnetId", a.natSubnetId);
    requireArmId(v, "natSubnetId", a.natSubnetId, SUBNET_TYPE, "a subnet");
    let natCidr: string | undefined;
    if (a.natSubnet !== undefined) {
        requireObject(v, "natSubnet", a.natSubnet, 'pass { virtualNetworkName: "orders-vnet", addressPrefix: "10.1.2.0/28" }', { mustBeKnown: true });
        const s = a.natSubnet as Record<string, unknown>;
        requireValue(v, "natSubnet.virtualNetworkName", s.virtualNetworkName, "give the name of the VNet to create the subnet in");
        requireString(v, "natSubnet.virtualNetworkName", s.virtualNetworkName, { nonEmpty: true });
        requireValue(v, "natSubnet.addressPrefix", s.addressPrefix, 'give the subnet\'s CIDR, e.g. "10.1.2.0/28"');
        requireString(v, "natSubnet.addressPrefix", s.addressPrefix);
        if (isKnown(s.addressPrefix)) {
            const parsed = isCidr(s.addressPrefix) ? parseCidr(s.addressPrefix) : undefined;
            if (parsed === undefined) {
                v.fail("natSubnet.addressPrefix", s.addressPrefix, "which is not a CIDR block", 'write it as address/prefix, e.g. "10.1.2.0/28"');
            }
            if (parsed.version !== 4 || parsed.prefixLength > 28) {
                v.fail("natSubnet.addressPrefix", s.addressPrefix, "which is not an IPv4 block of /28 or larger (Private Link NAT IPs are IPv4, and 8 addresses must stay free)", 'use a /28 or larger IPv4 block, e.g. "10.1.2.0/28"');
            }
            natCidr = s.addressPrefix as string;
        }
        requireString(v, "natSubnet.resourceGroupName", s.resourceGroupName, { nonEmpty: true });
        requireString(v, "natSubnet.subnetName", s.subnetName);
        requireResourceName(v, "natSubnet.subnetName", s.subnetName);
        requireString(v, "natSubnet.networkSecurityGroupId", s.networkSecurityGroupId);
        requireArmId(v, "natSubnet.networkSecurityGroupId", s.networkSecurityGroupId, NETWORK_SECURITY_GROUP_TYPE, "a network security group");
    }

    // NAT IPs.
    requireArray(v, "natIpConfigurations", a.natIpConfigurations);
    const natEntries = (a.natIpConfigurations as unknown[] | undefined) ?? [{ name: "nat-primary" }];
    if (natEntries.length === 0 || natEntries.length > MAX_NAT_IPS) {
        v.fail("natIpConfigurations", natEntries, `which has ${natEntries.length} entries; a private link service takes 1 to ${MAX_NAT_IPS} NAT IPs`, `list 1 to ${MAX_NAT_IPS} NAT IP configurations`);
    }
    const natIps = natEntries.map((e, i) => {
        const field = `natIpConfigurations[${i}]`;
        requireObject(v, field, e, 'pass { name: "nat-1" } for a dynamic IP or { privateIpAddress: "10.1.2.10" }', { mustBeKnown: true });
        const entry = e as Record<string, unknown>;
        requireString(v, `${field}.name`, entry.name);
        if (entry.name !== undefined && !isKnown(entry.name)) {
            v.fail(`${field}.name`, "<output>", "but the name keys the NAT IP and must be known when the program runs", "pass a plain name");
        }
        requireResourceName(v, `${field}.name`, entry.name);
        requireString(v, `${field}.privateIpAddress`, entry.privateIpAddress);
        const ip = entry.privateIpAddress;
        if (isKnown(ip)) {
            if (!isIpAddress(ip) || String(ip).includes(":")) {
                v.fail(`${field}.privateIpAddress`, ip, "which is not an IPv4 address", 'use an address of the NAT subnet, e.g. "10.1.2.10"');
            }
            if (natCidr !== undefined && !cidrContains(natCidr, `${ip}/32`)) {
                v.fail(`${field}.privateIpAddress`, ip, `which is not in the NAT subnet ${natCidr}`, "use an address of natSubnet.addressPrefix");
            }
        }
        if (entry.name === undefined && (ip === undefined || !isKnown(ip))) {
            v.fail(
                `${field}.name`,
                undefined,
                ip === undefined ? "but a dynamic NAT IP has no address to be named by" : "but the address is not known when the program runs, so it cannot name the entry",
                'give the entry a name, e.g. "nat-2" (names key NAT IPs, so reordering them changes nothing)',
            );
        }
        return { name: (entry.name as string | undefined) ?? `nat-${slug(String(ip))}`, privateIpAddress: ip as pulumi.Input<string> | undefined };
    });
    requireUnique(v, "natIpConfigurations", natIps.map((n) => n.name), "name");
    requireUnique(v, "natIpConfigurations", natEntries.map((e) => (e as Record<string, unknown>).privateIpAddress), "privateIpAddress");

    // Who may see and who is connected without approval.
    requireBoolean(v, "allowAnySubscriptionVisibility", a.allowAnySubscriptionVisibility, { mustBeKnown: true });
    requireBoolean(v, "allowAnySubscriptionAutoApproval", a.allowAnySubscriptionAutoApproval, { mustBeKnown: true });
    const visible = validateSubscriptions(v, "visibilitySubscriptionIds", a.visibilitySubscriptionIds, a.allowAnySubscriptionVisibility === true, {
        problem: "which lets every subscription that learns the alias see the service and request connections",
        fix: "list the consumer subscription ids, or set allowAnySubscriptionVisibility: true if the service is meant for everyone",
    });
    validateSubscriptions(v, "autoApprovalSubscriptionIds", a.autoApprovalSubscriptionIds, a.allowAnySubscriptionAutoApproval === true, {
        problem: "which connects anyone who learns the alias without the owner's approval",
        fix: "list the trusted subscription ids and approve other connections (they arrive Pending), or set allowAnySubscriptionAutoApproval: true",
    });
    const visibleAll = visible.some((s) => s === "*");
    const visibleKeys = new Set(visible.filter(isKnown).map((s) => String(s).toLowerCase()));
    (a.autoApprovalSubscriptionIds as unknown[] | undefined)?.forEach((s, i) => {
        if (!isKnown(s) || visibleAll) {
            return;
        }
        if (s === "*") {
            v.fail(`autoApprovalSubscriptionIds[${i}]`, s, "but visibility is not \"*\", and auto-approval must be a subset of visibility", 'add "*" to visibilitySubscriptionIds (with allowAnySubscriptionVisibility), or list subscriptions');
        }
        // A list of Outputs cannot be compared now; Azure documents the subset rule, the pack checks it.
        if (visible.some((x) => !isKnown(x))) {
            return;
        }
        if (!visibleKeys.has(String(s).toLowerCase())) {
            v.fail(`autoApprovalSubscriptionIds[${i}]`, s, "which is not in visibilitySubscriptionIds; auto-approval must be a subset of visibility", "add the subscription to visibilitySubscriptionIds, or remove it from autoApprovalSubscriptionIds");
        }
    });

    requireBoolean(v, "enableProxyProtocol", a.enableProxyProtocol);
    requireStringList(v, "fqdns", a.fqdns);
    ((a.fqdns as unknown[] | undefined) ?? []).forEach((f, i) => {
        if (isKnown(f) && !isHostName(f, { minLabels: 2, trailingDot: false })) {
            v.fail(`fqdns[${i}]`, f, "which is not a fully qualified host name", 'write it like "orders.contoso.com"');
        }
    });
    requireUnique(v, "fqdns", ((a.fqdns as unknown[] | undefined) ?? []).map((f) => (isKnown(f) && typeof f === "string" ? f.toLowerCase() : f)));

    // The load balancer to create.
    let rules: RulePlan[] = [];
    let zones: string[] = [];
    if (a.loadBalancer !== undefined) {
        ({ rules, zones } = validateLoadBalancer(v, a.loadBalancer, a.location));
    }

    // Approvals of known consumers.
    requireBoolean(v, "removeConnectionsOnDelete", a.removeConnectionsOnDelete, { mustBeKnown: true });
    const approvalKeys = requireIdEntries(v, "approvals", a.approvals, {
        idField: "privateEndpointId",
        type: PRIVATE_ENDPOINT_TYPE,
        what: "a private endpoint",
        entryFix: "pass { privateEndpointId: endpoint.endpointId, key: \"consumer-a\" }",
        duplicateFix: "give endpoints of the same name in other resource groups a key",
        check: (entry, at) => requireString(v, `${at}.description`, entry.description),
    });
    return { natIps, rules, zones, approvalKeys };
}

/** Validates a subscription list: GUIDs, `*` only when allowed, each once. Returns the list. */
function validateSubscriptions(v: Validator, field: string, value: unknown, allowAny: boolean, wildcard: { problem: string; fix: string }): unknown[] {
    requireStringList(v, field, value);
    const list = (value as unknown[] | undefined) ?? [];
    list.forEach((s, i) => {
        if (!isKnown(s)) {
            return;
        }
        if (s === "*") {
            if (!allowAny) {
                v.fail(`${field}[${i}]`, s, wildcard.problem, wildcard.fix);
            }
            if (list.length > 1) {
                v.fail(field, list, 'which lists "*" beside subscriptions', 'give "*" alone, or the subscriptions alone');
            }
        } else if (!isSubscriptionId(s)) {
            v.fail(`${field}[${i}]`, s, "which is not a subscription id (a GUID)", 'use the subscription id, e.g. "00000000-0000-0000-0000-000000000000"');
        }
    });
    requireUnique(v, field, list.map((s) => (isKnown(s) && typeof s === "string" ? s.toLowerCase() : s)));
    return list;
}

/** Validates the load balancer to create and fills in its rules' defaults. */
function validateLoadBalancer(v: Validator, value: unknown, location: unknown): { rules: RulePlan[]; zones: string[] } {
    requireObject(v, "loadBalancer", value, "pass { rules: [{ frontendPort: 443 }] }", { mustBeKnown: true });
    const lb = value as Record<string, unknown>;
    requireString(v, "loadBalancer.frontendSubnetId", lb.frontendSubnetId);
    requireArmId(v, "loadBalancer.frontendSubnetId", lb.frontendSubnetId, SUBNET_TYPE, "a subnet");
    requireString(v, "loadBalancer.frontendPrivateIpAddress", lb.frontendPrivateIpAddress);
    if (isKnown(lb.frontendPrivateIpAddress) && !(isIpAddress(lb.frontendPrivateIpAddress) && !String(lb.frontendPrivateIpAddress).includes(":"))) {
        v.fail("loadBalancer.frontendPrivateIpAddress", lb.frontendPrivateIpAddress, "which is not an IPv4 address", 'use an address of the frontend subnet, e.g. "10.1.1.10"');
    }
    requireString(v, "loadBalancer.loadBalancerName", lb.loadBalancerName);
    requireResourceName(v, "loadBalancer.loadBalancerName", lb.loadBalancerName);
    requireStringList(v, "loadBalancer.zones", lb.zones);
    const zoneList = (lb.zones as unknown[] | undefined) ?? undefined;
    zoneList?.forEach((z, i) => {
        if (!["1", "2", "3"].includes(z as string)) {
            v.fail(`loadBalancer.zones[${i}]`, z, "which is not an availability zone", 'use "1", "2" or "3"');
        }
    });
    requireUnique(v, "loadBalancer.zones", zoneList ?? []);
    const zones =
        (zoneList as string[] | undefined) ?? (isKnown(location) && typeof location === "string" && !regionHasZones(location) ? [] : ["1", "2", "3"]);

    requireArray(v, "loadBalancer.rules", lb.rules);
    const rules = (lb.rules as unknown[] | undefined) ?? [];
    if (rules.length === 0) {
        v.fail("loadBalancer.rules", lb.rules, "but the load balancer needs at least one rule", "list the ports the service listens on, e.g. rules: [{ frontendPort: 443 }]");
    }
    const plans = rules.map((r, i) => {
        const field = `loadBalancer.rules[${i}]`;
        requireObject(v, field, r, "pass { frontendPort: 443 }", { mustBeKnown: true });
        const rule = r as Record<string, unknown>;
        requireValue(v, `${field}.frontendPort`, rule.frontendPort, "give the port consumers connect to");
        for (const p of ["frontendPort", "backendPort"]) {
            if (rule[p] !== undefined && !isPort(rule[p])) {
                v.fail(`${field}.${p}`, rule[p], "which is not a port", "use a whole number from 1 to 65535 (the platform's HA ports rule is not offered behind Private Link)");
            }
        }
        requireOneOf(v, `${field}.protocol`, rule.protocol, Object.values(AzureLoadBalancerProtocol), { mustBeKnown: true });
        requireInteger(v, `${field}.idleTimeoutInMinutes`, rule.idleTimeoutInMinutes, 4, 100);
        if (rule.idleTimeoutInMinutes !== undefined && !isKnown(rule.idleTimeoutInMinutes)) {
            v.fail(`${field}.idleTimeoutInMinutes`, "<output>", "but it must be known when the program runs", "pass a plain number");
        }
        requireBoolean(v, `${field}.enableTcpReset`, rule.enableTcpReset, { mustBeKnown: true });
        const protocol = (rule.protocol as AzureLoadBalancerProtocol | undefined) ?? AzureLoadBalancerProtocol.Tcp;
        if (protocol === AzureLoadBalancerProtocol.Udp && rule.enableTcpReset === true) {
            v.fail(`${field}.enableTcpReset`, true, "but a UDP rule has no TCP flows to reset", "leave enableTcpReset out for UDP rules");
        }
        const backendPort = (rule.backendPort as number | undefined) ?? (rule.frontendPort as number);
        if (rule.probe !== undefined) {
            requireObject(v, `${field}.probe`, rule.probe, 'pass { protocol: "Http", requestPath: "/healthz" }', { mustBeKnown: true });
        }
        const probe = (rule.probe as Record<string, unknown> | undefined) ?? {};
        requireOneOf(v, `${field}.probe.protocol`, probe.protocol, Object.values(AzureLoadBalancerProbeProtocol), { mustBeKnown: true });
        const probeProtocol = (probe.protocol as AzureLoadBalancerProbeProtocol | undefined) ?? AzureLoadBalancerProbeProtocol.Tcp;
        if (probe.port !== undefined && !isPort(probe.port)) {
            v.fail(`${field}.probe.port`, probe.port, "which is not a port", "use a whole number from 1 to 65535");
        }
        requireString(v, `${field}.probe.requestPath`, probe.requestPath);
        if (probe.requestPath !== undefined) {
            if (probeProtocol === AzureLoadBalancerProbeProtocol.Tcp) {
                v.fail(`${field}.probe.requestPath`, probe.requestPath, "but a TCP probe has no path", "set probe.protocol to Http or Https, or leave requestPath out");
            }
            if (!String(probe.requestPath).startsWith("/")) {
                v.fail(`${field}.probe.requestPath`, probe.requestPath, "which does not start with /", 'write the path like "/healthz"');
            }
        }
        requireInteger(v, `${field}.probe.intervalInSeconds`, probe.intervalInSeconds, 5, 2147483646);
        requireInteger(v, `${field}.probe.probeThreshold`, probe.probeThreshold, 1, 2147483647);
        return {
            key: `${protocol.toLowerCase()}-${rule.frontendPort as number}`,
            frontendPort: rule.frontendPort as number,
            backendPort,
            protocol,
            idleTimeoutInMinutes: (rule.idleTimeoutInMinutes as number | undefined) ?? 4,
            enableTcpReset: protocol === AzureLoadBalancerProtocol.Tcp ? rule.enableTcpReset !== false : false,
            probe: {
                protocol: probeProtocol,
                port: (probe.port as number | undefined) ?? backendPort,
                requestPath: probeProtocol === AzureLoadBalancerProbeProtocol.Tcp ? undefined : ((probe.requestPath as string | undefined) ?? "/"),
                intervalInSeconds: (probe.intervalInSeconds as number | undefined) ?? 5,
                probeThreshold: (probe.probeThreshold as number | undefined) ?? 1,
            },
        };
    });
    requireUnique(v, "loadBalancer.rules", plans.map((p) => p.key), "frontendPort");
    return { rules: plans, zones };
}

/**
 * Validates the plain arguments of an `AzurePrivateLinkService` and throws a
 * `ValidationError` naming the field and the fix. Values that are Outputs are left for Azure.
 */
export function validateAzurePrivateLinkServiceArgs(name: string, args: AzurePrivateLinkServiceArgs): void {
    planService(name, args);
}

/**
 * The name Azure gave the connection that the endpoint `endpointId` requested on the service, from
 * the service's `privateEndpointConnections` (ids compared without case). Throws a ValidationError
 * on `field` when the endpoint has requested none yet, so the deployment fails with a clear error.
 *
 * Internal. Exported for tests.
 */
export function connectionNameOf(
    v: Validator,
    field: string,
    serviceName: string,
    connections: ReadonlyArray<{ name?: string; privateEndpoint?: { id?: string } }> | undefined,
    endpointId: string,
): string {
    const connection = (connections ?? []).find((c) => c.privateEndpoint?.id?.toLowerCase() === endpointId.toLowerCase());
    if (connection === undefined || connection.name === undefined) {
        v.fail(
            field,
            endpointId,
            `which has no connection request on private link service "${serviceName}"`,
            "create the consumer's private endpoint to this service's alias or id first, then run `pulumi up` again",
        );
    }
    return connection.name;
}

/** A connection of the service as consumers requested it. */
export interface AzurePrivateLinkServiceConnection {
    /** The connection's name on the service (platform-generated). */
    name: string;
    /** The consumer endpoint's resource id. */
    privateEndpointId: string;
    /** `Pending`, `Approved`, `Rejected` or `Disconnected`. */
    status: string;
    /** The LINKID of the connection, which PROXY protocol v2 headers carry (TLV 0xEE). */
    linkIdentifier: string;
}

/**
 * A Private Link Service on a Standard internal load balancer.
 *
 * Children (logical names): `${name}-nat-subnet` (with `natSubnet`), `${name}-lb` (the load
 * balancer, with `loadBalancer`: frontend `frontend`, backend pool `backend`, probes
 * `probe-<protocol>-<port>` and rules `rule-<protocol>-<port>` inside it), `${name}-pls` (the
 * `network.PrivateLinkService`), and `${name}-approval-<key>` (a
 * `network.PrivateLinkServicePrivateEndpointConnection` per approval, kept on delete unless
 * `removeConnectionsOnDelete`).
 */
export class AzurePrivateLinkService extends pulumi.ComponentResource {
    /** The alias consumers connect to (`<name>.<guid>.<region>.azure.privatelinkservice`). */
    public readonly serviceReference: pulumi.Output<string>;
    /** The private link service's resource id (for consumers with RBAC rights on it). */
    public readonly serviceId: pulumi.Output<string>;
    /** The NAT IP addresses: backends see consumer traffic coming from these. */
    public readonly natIps: pulumi.Output<string[]>;
    /** The NAT subnet's id (created or given). */
    public readonly natSubnetId: pulumi.Output<string>;
    /** The load balancer's id (created, or the one of the given frontends). */
    public readonly loadBalancerId: pulumi.Output<string>;
    /** The id of the created load balancer's backend pool, for the backends to join; undefined with existing frontends. */
    public readonly backendPoolId: pulumi.Output<string | undefined>;
    /** The connections consumers requested, with their state and LINKID. */
    public readonly connections: pulumi.Output<AzurePrivateLinkServiceConnection[]>;

    /**
     * @param name The logical name; children are named `${name}-<role>`.
     * @param args See `AzurePrivateLinkServiceArgs`.
     * @param opts Component options; `providers: { "azure-native": p }` reaches every child.
     */
    constructor(name: string, args: AzurePrivateLinkServiceArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = planService(name, args);
        super(typeToken(COMPONENT), name, {}, opts);
        const v: Validator = new Validator(COMPONENT, name);
        const tags = mergeTags(name, args.tags);

        let natSubnetId: pulumi.Input<string>;
        if (args.natSubnet !== undefined) {
            const s = args.natSubnet;
            const subnet = new network.Subnet(
                childName(name, "nat-subnet"),
                {
                    resourceGroupName: s.resourceGroupName ?? args.resourceGroupName,
                    virtualNetworkName: s.virtualNetworkName,
                    subnetName: s.subnetName,
                    addressPrefix: s.addressPrefix,
                    // azure-native defaults this to Enabled, and Azure then refuses NAT IPs here.
                    privateLinkServiceNetworkPolicies: "Disabled",
                    // NAT IPs need no outbound internet access of their own.
                    defaultOutboundAccess: false,
                    networkSecurityGroup: s.networkSecurityGroupId !== undefined ? { id: s.networkSecurityGroupId } : undefined,
                },
                { parent: this },
            );
            natSubnetId = subnet.id;
        } else {
            natSubnetId = args.natSubnetId!;
        }

        let frontendIds: pulumi.Input<pulumi.Input<string>[]>;
        let loadBalancerId: pulumi.Output<string>;
        let backendPoolId: pulumi.Output<string | undefined> = pulumi.output<string | undefined>(undefined);
        if (args.loadBalancer !== undefined) {
            const lbArgs = args.loadBalancer;
            const lbName = lbArgs.loadBalancerName ?? childName(name, "lb");
            // The rules refer to the frontend, pool and probes of the same load balancer by id, before
            // it exists; those ids are built from the subscription, resource group and name.
            const subscriptionId = authorization.getClientConfigOutput({ parent: this }).subscriptionId;
            const self = pulumi.interpolate`/subscriptions/${subscriptionId}/resourceGroups/${args.resourceGroupName}/providers/Microsoft.Network/loadBalancers/${lbName}`;
            const ruleOrder = [...plan.rules].sort((x, y) => x.key.localeCompare(y.key));
            const lb = new network.LoadBalancer(
                childName(name, "lb"),
                {
                    resourceGroupName: args.resourceGroupName,
                    location: args.location,
                    loadBalancerName: lbName,
                    // Private Link serves only Standard load balancers.
                    sku: { name: "Standard", tier: "Regional" },
                    frontendIPConfigurations: [
                        {
                            name: FRONTEND,
                            subnet: { id: lbArgs.frontendSubnetId ?? natSubnetId },
                            privateIPAddress: lbArgs.frontendPrivateIpAddress,
                            privateIPAllocationMethod: lbArgs.frontendPrivateIpAddress !== undefined ? "Static" : "Dynamic",
                            privateIPAddressVersion: "IPv4",
                            zones: plan.zones,
                        },
                    ],
                    backendAddressPools: [{ name: BACKEND_POOL }],
                    probes: ruleOrder.map((r) => ({
                        name: `probe-${r.key}`,
                        protocol: r.probe.protocol,
                        port: r.probe.port,
                        requestPath: r.probe.requestPath,
                        intervalInSeconds: r.probe.intervalInSeconds,
                        probeThreshold: r.probe.probeThreshold,
                    })),
                    loadBalancingRules: ruleOrder.map((r) => ({
                        name: `rule-${r.key}`,
                        protocol: r.protocol,
                        frontendPort: r.frontendPort,
                        backendPort: r.backendPort,
                        frontendIPConfiguration: { id: pulumi.interpolate`${self}/frontendIPConfigurations/${FRONTEND}` },
                        backendAddressPool: { id: pulumi.interpolate`${self}/backendAddressPools/${BACKEND_POOL}` },
                        probe: { id: pulumi.interpolate`${self}/probes/probe-${r.key}` },
                        idleTimeoutInMinutes: r.idleTimeoutInMinutes,
                        enableTcpReset: r.enableTcpReset,
                        // Floating IP rewrites the destination to the frontend IP; Private Link
                        // backends expect their own address.
                        enableFloatingIP: false,
                        // An internal load balancer gives no outbound connectivity anyway.
                        disableOutboundSnat: true,
                    })),
                    tags,
                },
                { parent: this },
            );
            loadBalancerId = lb.id;
            // From the load balancer, so the service waits for it through data flow.
            frontendIds = [pulumi.interpolate`${lb.id}/frontendIPConfigurations/${FRONTEND}`];
            backendPoolId = pulumi.interpolate`${lb.id}/backendAddressPools/${BACKEND_POOL}`;
        } else {
            const given = args.loadBalancerFrontendIpConfigurationIds!;
            frontendIds = given;
            loadBalancerId = pulumi.output(given[0]).apply((id) => id.replace(/\/frontendIPConfigurations\/[^/]+$/i, ""));
        }

        // Primary first; the others sorted by name, so reordering them changes nothing.
        const [primary, ...others] = plan.natIps;
        const natOrder = [primary, ...[...others].sort((x, y) => x.name.localeCompare(y.name))];
        const sortedList = (list: pulumi.Input<string>[] | undefined) => pulumi.all(list ?? []).apply((items) => [...items].sort());
        const pls = new network.PrivateLinkService(
            childName(name, "pls"),
            {
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                serviceName: args.serviceName,
                loadBalancerFrontendIpConfigurations: pulumi.output(frontendIds).apply((ids) => ids.map((id) => ({ id }))),
                ipConfigurations: natOrder.map((n) => ({
                    name: n.name,
                    primary: n === primary,
                    privateIPAllocationMethod: n.privateIpAddress !== undefined ? "Static" : "Dynamic",
                    privateIPAddress: n.privateIpAddress,
                    privateIPAddressVersion: "IPv4",
                    subnet: { id: natSubnetId },
                })),
                // Always explicit (an empty list is RBAC-only visibility, no auto-approval), and
                // sorted, so reordering a list changes nothing.
                visibility: { subscriptions: sortedList(args.visibilitySubscriptionIds) },
                autoApproval: { subscriptions: sortedList(args.autoApprovalSubscriptionIds) },
                enableProxyProtocol: args.enableProxyProtocol ?? false,
                fqdns: sortedList(args.fqdns),
                tags,
            },
            { parent: this },
        );

        (args.approvals ?? []).forEach((approval, i) => {
            const field = `approvals[${i}].privateEndpointId`;
            // The connection's name on the service is generated by Azure when the consumer requests
            // it: look it up by the consumer's endpoint id once both exist (an invoke, not a resource).
            const connectionName = pulumi.all([pls.name, args.resourceGroupName, approval.privateEndpointId]).apply(async ([serviceName, rg, endpointId]) => {
                const found = await network.getPrivateLinkService({ resourceGroupName: rg, serviceName }, { parent: this });
                return connectionNameOf(v, field, serviceName, found.privateEndpointConnections, endpointId);
            });
            new network.PrivateLinkServicePrivateEndpointConnection(
                childName(name, "approval", plan.approvalKeys[i]),
                {
                    resourceGroupName: args.resourceGroupName,
                    serviceName: pls.name,
                    peConnectionName: connectionName,
                    privateLinkServiceConnectionState: {
                        status: "Approved",
                        description: approval.description ?? `Approved by ${name}.`,
                        actionsRequired: "None",
                    },
                },
                // Deleting this resource deletes the live connection (the consumer's endpoint becomes
                // Disconnected): removing an entry must only forget it, unless asked otherwise.
                { parent: this, retainOnDelete: args.removeConnectionsOnDelete !== true },
            );
        });

        this.serviceReference = pls.alias;
        this.serviceId = pls.id;
        this.natSubnetId = pulumi.output(natSubnetId);
        this.loadBalancerId = loadBalancerId;
        this.backendPoolId = backendPoolId;
        this.natIps = pls.ipConfigurations.apply((configs) => (configs ?? []).map((c) => c.privateIPAddress).filter((ip): ip is string => !!ip));
        this.connections = pls.privateEndpointConnections.apply((connections) =>
            (connections ?? []).map((c) => ({
                name: c.name ?? "",
                privateEndpointId: c.privateEndpoint?.id ?? "",
                status: c.privateLinkServiceConnectionState?.status ?? "",
                linkIdentifier: c.linkIdentifier ?? "",
            })),
        );
        this.registerOutputs({
            serviceReference: this.serviceReference,
            serviceId: this.serviceId,
            natIps: this.natIps,
            natSubnetId: this.natSubnetId,
            loadBalancerId: this.loadBalancerId,
            backendPoolId: this.backendPoolId,
            connections: this.connections,
        });
    }
}
