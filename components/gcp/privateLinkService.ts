/**
 * `GcpPrivateLinkService` publishes a service through Private Service Connect: a service
 * attachment on the producer's internal load balancer forwarding rule, the NAT subnets consumer
 * traffic is translated into, and the firewall rules that let that traffic (and Google's health
 * checks) reach the backends.
 *
 * The graph, with the optional parts in brackets:
 *
 *   [nat-<cidr> …] → attachment
 *   [ingress-psc] [ingress-health-checks]
 */
import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/gcp/compute";
import { GCP_HEALTH_CHECK_RANGES, isGcpProjectId, isGcpProjectNumber, parseGcpRef } from "../../common/gcp";
import {
    cidrContains,
    cidrKey,
    childName,
    isDnsName,
    isKnown,
    parseCidr,
    requireArray,
    requireBoolean,
    requireEntryKeys,
    requireExactlyOne,
    requireInteger,
    requireObject,
    requireOneOf,
    requireString,
    requireStringList,
    requireValue,
    startValidation,
    typeToken,
    validateAllowedCidrs,
    validatePorts,
    ValidationError,
    Validator,
} from "../core";
import { compareText, sortedSet, sortedStrings } from "./sets";
import {
    NETWORK_REF,
    regionOf,
    requireAutonameFits,
    requireGcpComponentName,
    requireGcpProject,
    requireGcpRef,
    requireGcpRegion,
    requireSameRegion,
    selfLinkOf,
} from "./validation";

const COMPONENT = "GcpPrivateLinkService";

/** How a service attachment accepts consumer connections. */
export enum GcpConnectionPreference {
    /**
     * Only consumers on the accept list connect; every other endpoint stays PENDING until the
     * producer lists it (or REJECTED when on the reject list).
     */
    AcceptManual = "ACCEPT_MANUAL",
    /** Every consumer that knows the attachment's URL connects, without review. */
    AcceptAutomatic = "ACCEPT_AUTOMATIC",
}

/** The IP protocol the producer firewall rules allow. */
export enum GcpFirewallProtocol {
    /** TCP. */
    Tcp = "tcp",
    /** UDP. */
    Udp = "udp",
}

/** How much a firewall rule's log entries say about each connection. */
export enum GcpFirewallLogMetadata {
    /** Log entries carry the instance, VPC and location details of both ends. */
    IncludeAll = "INCLUDE_ALL_METADATA",
    /** Log entries carry only the connection itself: smaller, cheaper logs. */
    ExcludeAll = "EXCLUDE_ALL_METADATA",
}

/**
 * One consumer allowed to connect, and how many endpoints it may connect. Give exactly one of
 * `projectIdOrNum`, `networkUrl` and `endpointUrl`.
 */
export interface GcpConsumerAcceptListArgs {
    /**
     * A consumer project, by id (`consumer-project`) or number (`123456789012`).
     * @default none (give exactly one of projectIdOrNum, networkUrl and endpointUrl)
     */
    projectIdOrNum?: pulumi.Input<string>;
    /**
     * A consumer VPC network, by id or self link (`projects/<p>/global/networks/<n>`): endpoints
     * in that network only, e.g. one Shared VPC of a host project.
     * @default none (give exactly one of projectIdOrNum, networkUrl and endpointUrl)
     */
    networkUrl?: pulumi.Input<string>;
    /**
     * One consumer endpoint (its forwarding rule), by id or self link
     * (`projects/<p>/regions/<r>/forwardingRules/<n>`). The provider's change detection ignores
     * this field inside an entry, so change an endpoint entry by removing it and adding a new one.
     * @default none (give exactly one of projectIdOrNum, networkUrl and endpointUrl)
     */
    endpointUrl?: pulumi.Input<string>;
    /** The most endpoints this consumer may connect (1 or more). */
    connectionLimit: pulumi.Input<number>;
}

/**
 * The producer firewall rules: they let consumer traffic, translated into the NAT subnets, and
 * Google's health checks reach the load balancer's backends.
 */
export interface GcpPrivateLinkServiceFirewallArgs {
    /** The ports the backends serve the service on (at least one). */
    ports: number[];
    /**
     * The protocol of the service ports.
     * @default tcp
     */
    protocol?: GcpFirewallProtocol;
    /**
     * Network tags of the backend instances the rules apply to. Give exactly one of
     * `targetTags` and `targetServiceAccounts`: a rule without targets would apply to every
     * instance of the network.
     * @default none (give exactly one of targetTags and targetServiceAccounts)
     */
    targetTags?: pulumi.Input<string>[];
    /**
     * Service account emails of the backend instances the rules apply to. Give exactly one of
     * `targetTags` and `targetServiceAccounts`.
     * @default none (give exactly one of targetTags and targetServiceAccounts)
     */
    targetServiceAccounts?: pulumi.Input<string>[];
    /**
     * Whether to create the rule that admits Google's health-check ranges (35.191.0.0/16,
     * 130.211.0.0/22). Turn it off when a shared rule of the network already admits them (Fabric's
     * `net-vpc-firewall` creates one by default).
     * @default true
     */
    allowHealthChecks?: boolean;
    /**
     * The ports the load balancer's health check probes.
     * @default the service `ports`
     */
    healthCheckPorts?: number[];
    /**
     * More IPv4 source ranges allowed on the service ports besides the NAT subnets, e.g. the
     * proxy-only subnet of a proxy load balancer (whose backends see the proxies, not the NAT
     * addresses). `0.0.0.0/0` is rejected.
     * @default []
     */
    additionalSourceRanges?: pulumi.Input<string>[];
    /**
     * The priority of the rules (0–65535, lower wins).
     * @default 1000
     */
    priority?: pulumi.Input<number>;
    /**
     * How much the rules' log entries record. Logging itself is always on.
     * @default INCLUDE_ALL_METADATA
     */
    logMetadata?: GcpFirewallLogMetadata;
}

/** The arguments of {@link GcpPrivateLinkService}. */
export interface GcpPrivateLinkServiceArgs {
    /**
     * The producer's internal load balancer forwarding rule to publish, by id or self link
     * (`projects/<p>/regions/<r>/forwardingRules/<n>`, or `…/global/forwardingRules/<n>` for a
     * cross-region internal Application Load Balancer): pass `forwardingRule.id`.
     */
    targetService: pulumi.Input<string>;
    /**
     * The region of the attachment and of the NAT subnets: the region of the forwarding rule.
     * A zone such as `europe-west3-a` is rejected.
     * @default the region in targetService when it is known, else the provider's region
     */
    region?: pulumi.Input<string>;
    /**
     * The producer project of the attachment, the NAT subnets and the firewall rules.
     * @default the provider's project
     */
    project?: pulumi.Input<string>;
    /**
     * The producer VPC network, by id or self link. Needed to create NAT subnets or the firewall
     * rules.
     * @default none; required with natSubnetCidrs or firewall
     */
    network?: pulumi.Input<string>;
    /**
     * IPv4 CIDRs of NAT subnets to create, one subnet of purpose PRIVATE_SERVICE_CONNECT each
     * (prefix /8 to /29). Consumer traffic reaches the backends from these addresses, and their
     * size bounds how many endpoints can connect. Each subnet is named after its CIDR, so adding
     * one never touches the others.
     * @default []
     */
    natSubnetCidrs?: string[];
    /**
     * Existing NAT subnets (purpose PRIVATE_SERVICE_CONNECT), by id or self link. A NAT subnet
     * serves one attachment only. Their ranges are read to admit them in the firewall rules.
     * At least one NAT subnet is needed, created or given.
     * @default []
     */
    natSubnetIds?: pulumi.Input<string>[];
    /**
     * How connections are accepted. With `ACCEPT_MANUAL` only the consumers on
     * `consumerAcceptLists` connect. `ACCEPT_AUTOMATIC` lets every consumer that knows the
     * attachment's URL connect and cannot be combined with accept or reject lists. Switching a
     * listed attachment to automatic takes two deployments: first remove both lists (keeping
     * manual acceptance), then switch; one change that does both is rejected by the API
     * ("Incorrect combination of connection preference with accept and/or reject list",
     * hashicorp/terraform-provider-google#17153).
     * @default ACCEPT_MANUAL
     */
    connectionPreference?: GcpConnectionPreference;
    /**
     * The consumers allowed to connect, each by project, network or endpoint with its connection
     * limit. Managed as a whole: do not accept consumers on the console or with gcloud as well,
     * the next deployment would take them off again. Order does not matter.
     * @default [] (nobody connects until listed)
     */
    consumerAcceptLists?: GcpConsumerAcceptListArgs[];
    /**
     * Consumer projects (id or number) or networks (id or self link) whose connections are
     * rejected. Order does not matter.
     * @default []
     */
    consumerRejectLists?: pulumi.Input<string>[];
    /**
     * Whether the backends receive a PROXY protocol v2 header with the consumer's address and
     * the endpoint's PSC connection id. The backends must expect it.
     * @default false
     */
    enableProxyProtocol?: pulumi.Input<boolean>;
    /**
     * One DNS domain for consumer DNS automation, lower case with its trailing dot
     * (`orders.example.com.`): consumer endpoints get a private zone for it automatically.
     * WARNING: Google Cloud cannot change it in place. Adding, changing or removing it replaces
     * the attachment, which closes every consumer connection (endpoints that set
     * recreateClosedPsc reconnect after their own replacement); every deployment that sets it
     * says so in a warning on the attachment.
     * @default no domain
     */
    domainName?: pulumi.Input<string>;
    /**
     * Whether changes to the accept and reject lists also apply to connections already ACCEPTED
     * or REJECTED, not only to PENDING ones: taking a consumer off the list then really
     * disconnects it.
     * @default true
     */
    reconcileConnections?: pulumi.Input<boolean>;
    /**
     * How many connections propagated through Network Connectivity Center each consumer may
     * have (0 or more).
     * @default 250
     */
    propagatedConnectionLimit?: pulumi.Input<number>;
    /**
     * A description of the attachment.
     * @default "Private Service Connect service <name> (managed by privatelink)"
     */
    description?: pulumi.Input<string>;
    /**
     * The producer firewall rules for the backends. Required unless `disableFirewall`: without
     * them the network's implied deny blocks consumer traffic and health checks.
     * @default none; required unless disableFirewall is true
     */
    firewall?: GcpPrivateLinkServiceFirewallArgs;
    /**
     * Create no firewall rules, because the network's firewall (a firewall policy, a shared
     * rule) already admits the NAT subnets and health checks. Not allowed with `firewall`.
     * @default false
     */
    disableFirewall?: boolean;
}

/** One consumer endpoint connected to the attachment, as Google Cloud reports it. */
export interface GcpServiceAttachmentConnection {
    /** The URL of the consumer's forwarding rule. */
    endpoint: string;
    /** PENDING, ACCEPTED, REJECTED or CLOSED. */
    status: string;
    /** The URL of the consumer's network. */
    consumerNetwork: string;
    /** The PSC connection id the backends see in the PROXY protocol header. */
    pscConnectionId: string;
    /** NAT addresses the connection uses, when Google Cloud reports them. */
    natIps: string[];
}

const CONSUMER_KINDS = ["projectIdOrNum", "networkUrl", "endpointUrl"] as const;

/**
 * Validates every plain argument of {@link GcpPrivateLinkService} and throws a `ValidationError`
 * naming the field, the value and the fix. Values that are Outputs are left for Google Cloud to
 * judge.
 *
 * Internal. Exported for testing and for callers that want to check arguments up front.
 */
export function validateGcpPrivateLinkServiceArgs(name: string, args: GcpPrivateLinkServiceArgs): void {
    const v: Validator = startValidation(COMPONENT, name, args, "pass an arguments object, e.g. { targetService: ilb.id, network: vpc.id, natSubnetCidrs: [\"10.100.0.0/24\"], firewall: {...} }");
    requireGcpComponentName(v, name);
    const a = args as unknown as Record<string, unknown>;
    // The longest child name the component's own name makes, checked before names that entries make.
    requireAutonameFits(v, "name", name, a.disableFirewall === true ? childName(name, "attachment") : childName(name, "ingress", "health-checks"));

    // Where: the target, the region and the project.
    requireValue(v, "targetService", a.targetService, "pass the internal load balancer's forwarding rule, e.g. forwardingRule.id");
    requireGcpRef(v, "targetService", a.targetService, {
        collections: ["forwardingRules"],
        what: "a forwarding rule id or self link",
        example: "projects/my-project/regions/europe-west3/forwardingRules/orders-ilb",
    });
    requireGcpRegion(v, "region", a.region);
    requireSameRegion(v, "targetService", a.targetService, a.region, "region");
    requireGcpProject(v, "project", a.project);
    requireGcpRef(v, "network", a.network, NETWORK_REF);

    // NAT subnets.
    requireArray(v, "natSubnetCidrs", a.natSubnetCidrs);
    const cidrs = (a.natSubnetCidrs as unknown[] | undefined) ?? [];
    cidrs.forEach((cidr, i) => {
        const field = `natSubnetCidrs[${i}]`;
        const parsed = isKnown(cidr) ? parseCidr(cidr) : undefined;
        if (parsed === undefined || parsed.version !== 4) {
            v.fail(field, isKnown(cidr) ? cidr : "<output>", "which is not an IPv4 CIDR block known when the program runs", 'write it as address/prefix, e.g. "10.100.0.0/24"');
        }
        if (parsed.prefixLength < 8 || parsed.prefixLength > 29) {
            v.fail(field, cidr, "whose prefix is outside /8 to /29, the sizes Google Cloud allows for a subnet", "use a prefix from /8 to /29, e.g. /24");
        }
        cidrs.slice(0, i).forEach((other, j) => {
            if (cidrContains(other as string, cidr as string) || cidrContains(cidr as string, other as string)) {
                v.fail(field, cidr, `which overlaps natSubnetCidrs[${j}] (${String(other)})`, "give each NAT subnet its own range");
            }
        });
    });
    const natKeys = requireEntryKeys(v, "natSubnetCidrs", cidrs.map((value) => ({ value })), { form: cidrKey, duplicateFix: "list each NAT subnet once" });
    natKeys.forEach((key, i) => requireAutonameFits(v, `natSubnetCidrs[${i}]`, cidrs[i], childName(name, "nat", key)));
    requireStringList(v, "natSubnetIds", a.natSubnetIds);
    const given = (a.natSubnetIds as unknown[] | undefined) ?? [];
    given.forEach((id, i) =>
        requireGcpRef(v, `natSubnetIds[${i}]`, id, {
            collections: ["subnetworks"],
            what: "a subnetwork id or self link",
            example: "projects/my-project/regions/europe-west3/subnetworks/orders-psc-nat",
        }),
    );
    requireUniqueRefs(v, "natSubnetIds", given);
    given.forEach((id, i) => requireSameRegion(v, `natSubnetIds[${i}]`, id, a.region ?? regionOf(a.targetService), a.region !== undefined ? "region" : "the region of targetService"));
    if (cidrs.length + given.length === 0) {
        v.fail("natSubnetCidrs", a.natSubnetCidrs, "and natSubnetIds is empty too, but a service attachment needs at least one NAT subnet", 'list a CIDR to create one, e.g. natSubnetCidrs: ["10.100.0.0/24"], or pass natSubnetIds');
    }
    if (cidrs.length > 0) {
        requireValue(v, "network", a.network, "give the producer VPC network the NAT subnets are created in, e.g. vpc.id");
    }

    // Acceptance.
    requireOneOf(v, "connectionPreference", a.connectionPreference, Object.values(GcpConnectionPreference), { mustBeKnown: true });
    const automatic = a.connectionPreference === GcpConnectionPreference.AcceptAutomatic;
    requireArray(v, "consumerAcceptLists", a.consumerAcceptLists);
    const accepts = (a.consumerAcceptLists as unknown[] | undefined) ?? [];
    const rejects = (a.consumerRejectLists as unknown[] | undefined) ?? [];
    if (automatic && (accepts.length > 0 || rejects.length > 0)) {
        v.fail(
            accepts.length > 0 ? "consumerAcceptLists" : "consumerRejectLists",
            accepts.length > 0 ? accepts : rejects,
            "but ACCEPT_AUTOMATIC accepts every consumer, and Google Cloud rejects accept or reject lists with it",
            "keep ACCEPT_MANUAL (the default) to list consumers, or remove both lists first and switch to ACCEPT_AUTOMATIC in a second deployment",
        );
    }
    const consumers = new Map<string, string>();
    accepts.forEach((entry, i) => {
        const field = `consumerAcceptLists[${i}]`;
        requireObject(v, field, entry, 'pass { projectIdOrNum: "consumer-project", connectionLimit: 10 }', { mustBeKnown: true });
        const e = entry as Record<string, unknown>;
        requireExactlyOne(
            v,
            Object.fromEntries(CONSUMER_KINDS.map((k) => [`${field}.${k}`, e[k]])),
            "give exactly one of projectIdOrNum, networkUrl and endpointUrl per entry (one entry per consumer)",
        );
        const kind = CONSUMER_KINDS.find((k) => e[k] !== undefined) as (typeof CONSUMER_KINDS)[number];
        const value = e[kind];
        if (kind === "projectIdOrNum") {
            requireString(v, `${field}.projectIdOrNum`, value, { nonEmpty: true, expected: 'a project id or number, e.g. "consumer-project"' });
            requireGcpProject(v, `${field}.projectIdOrNum`, value);
        } else if (kind === "networkUrl") {
            requireGcpRef(v, `${field}.networkUrl`, value, NETWORK_REF);
        } else {
            requireGcpRef(v, `${field}.endpointUrl`, value, {
                collections: ["forwardingRules"],
                what: "a consumer forwarding rule id or self link",
                example: "projects/consumer-project/regions/europe-west3/forwardingRules/orders-endpoint",
            });
        }
        requireValue(v, `${field}.connectionLimit`, e.connectionLimit, "give the most endpoints this consumer may connect, e.g. 10");
        requireInteger(v, `${field}.connectionLimit`, e.connectionLimit, 1, 1_000_000);
        if (isKnown(value)) {
            const id = consumerId(value as string);
            if (consumers.has(id)) {
                v.fail(`${field}.${kind}`, value, `which repeats ${consumers.get(id)}`, "list each consumer once, with the total connection limit");
            }
            consumers.set(id, `${field}.${kind}`);
        }
    });
    requireStringList(v, "consumerRejectLists", a.consumerRejectLists);
    const rejected = new Map<string, number>();
    rejects.forEach((entry, i) => {
        const field = `consumerRejectLists[${i}]`;
        if (!isKnown(entry)) {
            return;
        }
        if (!isGcpProjectId(entry) && !isGcpProjectNumber(entry)) {
            requireGcpRef(v, field, entry, { ...NETWORK_REF, what: "a project id or number, or a network id or self link" });
        }
        const id = consumerId(entry as string);
        if (consumers.has(id)) {
            v.fail(field, entry, `which ${consumers.get(id)} accepts`, "list a consumer on one list only");
        }
        if (rejected.has(id)) {
            v.fail(field, entry, `which repeats consumerRejectLists[${rejected.get(id)}]`, "list each consumer once");
        }
        rejected.set(id, i);
    });

    // The attachment's own settings.
    requireBoolean(v, "enableProxyProtocol", a.enableProxyProtocol);
    requireBoolean(v, "reconcileConnections", a.reconcileConnections);
    requireInteger(v, "propagatedConnectionLimit", a.propagatedConnectionLimit, 0, 1_000_000);
    requireString(v, "description", a.description, { expected: "a short description of the service" });
    if (isKnown(a.domainName)) {
        const domain = a.domainName;
        if (typeof domain !== "string" || !domain.endsWith(".") || domain !== domain.toLowerCase() || !isDnsName(domain) || domain.split(".").length < 3) {
            v.fail("domainName", domain, "which is not a lower-case DNS domain with its trailing dot", 'write it in full with the trailing dot, e.g. "orders.example.com."');
        }
    }

    // Firewall.
    requireBoolean(v, "disableFirewall", a.disableFirewall, { mustBeKnown: true });
    if (a.disableFirewall === true && a.firewall !== undefined) {
        v.fail("disableFirewall", true, "but firewall is given too", "remove firewall, or remove disableFirewall");
    }
    if (a.disableFirewall !== true) {
        requireValue(v, "firewall", a.firewall, "give firewall: { ports: [443], targetTags: [\"orders-backend\"] }, or set disableFirewall: true when the network's firewall already admits the NAT subnets and health checks");
        validateFirewall(v, a.firewall);
        requireValue(v, "network", a.network, "give the producer VPC network the firewall rules belong to, e.g. vpc.id");
    }
}

/** Validates the producer firewall arguments. */
function validateFirewall(v: Validator, value: unknown): void {
    requireObject(v, "firewall", value, "pass { ports: [443], targetTags: [\"orders-backend\"] }", { mustBeKnown: true });
    const fw = value as Record<string, unknown>;
    requireValue(v, "firewall.ports", fw.ports, "list the ports the backends serve, e.g. [443]");
    validatePorts(v, "firewall.ports", fw.ports as number[], { nonEmpty: true });
    requireOneOf(v, "firewall.protocol", fw.protocol, Object.values(GcpFirewallProtocol), { mustBeKnown: true });
    requireExactlyOne(
        v,
        { "firewall.targetTags": fw.targetTags, "firewall.targetServiceAccounts": fw.targetServiceAccounts },
        "give the backends' network tags in targetTags or their service accounts in targetServiceAccounts (one of them), so the rules do not apply to every instance of the network",
    );
    for (const field of ["targetTags", "targetServiceAccounts"]) {
        const list = fw[field];
        requireStringList(v, `firewall.${field}`, list);
        if (Array.isArray(list) && list.length === 0) {
            v.fail(`firewall.${field}`, list, "but an empty target list makes the rules apply to every instance of the network", `list at least one ${field === "targetTags" ? "network tag" : "service account email"}`);
        }
        requireUniqueStrings(v, `firewall.${field}`, list as unknown[] | undefined);
    }
    ((fw.targetTags as unknown[] | undefined) ?? []).forEach((tag, i) => {
        if (isKnown(tag) && !/^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/.test(tag as string)) {
            v.fail(`firewall.targetTags[${i}]`, tag, "which is not a network tag (lower-case letters, digits and hyphens, 1–63 characters)", 'use the tag the backends carry, e.g. "orders-backend"');
        }
    });
    ((fw.targetServiceAccounts as unknown[] | undefined) ?? []).forEach((sa, i) => {
        if (isKnown(sa) && !/^[^@\s]+@[a-z0-9.-]+\.[a-z]+$/.test(sa as string)) {
            v.fail(`firewall.targetServiceAccounts[${i}]`, sa, "which is not a service account email", 'use an email such as "orders@my-project.iam.gserviceaccount.com"');
        }
    });
    requireBoolean(v, "firewall.allowHealthChecks", fw.allowHealthChecks, { mustBeKnown: true });
    if (fw.healthCheckPorts !== undefined) {
        if (fw.allowHealthChecks === false) {
            v.fail("firewall.healthCheckPorts", fw.healthCheckPorts, "but allowHealthChecks is false, so no rule uses them", "remove healthCheckPorts, or allow health checks");
        }
        validatePorts(v, "firewall.healthCheckPorts", fw.healthCheckPorts as number[], { nonEmpty: true });
    }
    validateAllowedCidrs(v, "firewall.additionalSourceRanges", fw.additionalSourceRanges as pulumi.Input<string>[] | undefined, {
        problem: "which opens the backends to the whole internet",
        fix: "list only the ranges that must reach the backends, e.g. the proxy-only subnet",
    });
    ((fw.additionalSourceRanges as unknown[] | undefined) ?? []).forEach((cidr, i) => {
        if (isKnown(cidr) && parseCidr(cidr)?.version !== 4) {
            v.fail(`firewall.additionalSourceRanges[${i}]`, cidr, "which is an IPv6 range, but the rules admit IPv4 sources (a Google Cloud firewall rule holds one family)", "create a separate IPv6 rule for IPv6 sources");
        }
    });
    requireUniqueStrings(v, "firewall.additionalSourceRanges", fw.additionalSourceRanges as unknown[] | undefined);
    requireInteger(v, "firewall.priority", fw.priority, 0, 65535);
    requireOneOf(v, "firewall.logMetadata", fw.logMetadata, Object.values(GcpFirewallLogMetadata), { mustBeKnown: true });
}

/** Throws if a known string repeats in a list. */
function requireUniqueStrings(v: Validator, field: string, list: unknown[] | undefined): void {
    const seen = new Map<unknown, number>();
    (list ?? []).forEach((item, i) => {
        if (!isKnown(item)) {
            return;
        }
        if (seen.has(item)) {
            v.fail(`${field}[${i}]`, item, `which repeats ${field}[${seen.get(item)}]`, "list each value once");
        }
        seen.set(item, i);
    });
}

/** Throws if two known references of a list name the same resource in different forms. */
function requireUniqueRefs(v: Validator, field: string, list: unknown[]): void {
    const seen = new Map<string, number>();
    list.forEach((item, i) => {
        if (!isKnown(item) || typeof item !== "string") {
            return;
        }
        const id = selfLinkOf(item) as string;
        if (seen.has(id)) {
            v.fail(`${field}[${i}]`, item, `which repeats ${field}[${seen.get(id)}]`, "list each subnet once");
        }
        seen.set(id, i);
    });
}

/** A consumer's identity for duplicate checks: a project as written, a URL in self-link form. */
function consumerId(value: string): string {
    return parseGcpRef(value)?.collection === undefined ? value.toLowerCase() : ((selfLinkOf(value) as string) ?? value);
}

/** The form in which a consumer reference is sent: projects as written, URLs as full self links. */
function consumerForm(value: string): string {
    return parseGcpRef(value)?.collection === undefined ? value : (selfLinkOf(value) as string);
}

/**
 * Publishes a service through Private Service Connect.
 *
 * Secure by default: connections are accepted manually and only from the consumers on the accept
 * list, list changes also reconcile live connections, and the producer firewall rules admit only
 * the NAT subnets (and Google's health checks) on the service ports, only to the backends named
 * by tag or service account, with logging on.
 *
 * Children (logical names):
 * - `${name}-nat-<cidr>`: one `gcp.compute.Subnetwork` of purpose PRIVATE_SERVICE_CONNECT per
 *   entry of `natSubnetCidrs`, named after its CIDR (`orders-nat-10-100-0-0-24`);
 * - `${name}-attachment`: the `gcp.compute.ServiceAttachment`;
 * - `${name}-ingress-psc`: the `gcp.compute.Firewall` rule admitting the NAT subnets on the
 *   service ports (unless `disableFirewall`);
 * - `${name}-ingress-health-checks`: the `gcp.compute.Firewall` rule admitting Google's health
 *   checks on the health-check ports (unless `disableFirewall` or `firewall.allowHealthChecks` is false).
 */
export class GcpPrivateLinkService extends pulumi.ComponentResource {
    /** The attachment's self link: what a consumer's `GcpPrivateEndpoint.serviceReference` needs. */
    public readonly serviceReference: pulumi.Output<string>;
    /** The attachment's id (`projects/<p>/regions/<r>/serviceAttachments/<n>`). */
    public readonly serviceAttachmentId: pulumi.Output<string>;
    /** The ids of the attachment's NAT subnets, created and given, sorted. */
    public readonly natSubnetIds: pulumi.Output<string[]>;
    /** The consumer endpoints connected to the attachment and the state of each connection. */
    public readonly connectedEndpoints: pulumi.Output<GcpServiceAttachmentConnection[]>;
    /** The ids of the producer firewall rules; empty with `disableFirewall`. */
    public readonly firewallRuleIds: pulumi.Output<string[]>;

    /**
     * @param name The logical name; children are named `${name}-<role>`. Lower case, because
     *   Google Cloud names of the children start with it.
     * @param args What to publish and who may connect.
     * @param opts Options for the component; pass providers with `providers: { gcp }`.
     */
    constructor(name: string, args: GcpPrivateLinkServiceArgs, opts?: pulumi.ComponentResourceOptions) {
        // Validate before registering anything, so a bad argument leaves no half-built graph.
        validateGcpPrivateLinkServiceArgs(name, args);
        super(typeToken(COMPONENT), name, {}, opts);

        const region = args.region ?? regionOf(args.targetService);
        const project = args.project;

        // NAT subnets, each named after its CIDR so that adding or removing one leaves the others alone.
        const cidrs = args.natSubnetCidrs ?? [];
        const created = cidrs.map((cidr) => {
            const canonical = parseCidr(cidr)!.canonical;
            const subnet = new compute.Subnetwork(
                childName(name, "nat", cidrKey(cidr)),
                {
                    network: args.network!,
                    region,
                    project,
                    ipCidrRange: canonical,
                    // Consumer connections are translated into these addresses; Google Cloud keeps
                    // VMs and forwarding rules out of a subnet of this purpose.
                    purpose: "PRIVATE_SERVICE_CONNECT",
                    description: `Private Service Connect NAT subnet of ${name} (managed by privatelink)`,
                },
                { parent: this },
            );
            return { id: subnet.id, cidr: pulumi.output(canonical) };
        });
        // Given NAT subnets: their ranges are read so the firewall rule can admit them. A range
        // that does not resolve fails the deployment here, naming the field, before the attachment
        // is changed.
        const given = (args.natSubnetIds ?? []).map((id, i) => {
            const info = compute.getSubnetworkOutput({ selfLink: id }, { parent: this });
            const cidr = pulumi.all([id, info.ipCidrRange]).apply(([subnetId, range]) => {
                if (typeof range !== "string" || parseCidr(range) === undefined) {
                    throw new ValidationError({
                        component: COMPONENT,
                        resourceName: name,
                        field: `natSubnetIds[${i}]`,
                        value: subnetId,
                        problem: "whose IPv4 range could not be read",
                        fix: "pass the id of an existing subnet of purpose PRIVATE_SERVICE_CONNECT in the attachment's region",
                    });
                }
                return parseCidr(range)!.canonical;
            });
            // The attachment takes the subnet only once its range has been read.
            return { id: pulumi.all([id, cidr]).apply(([subnetId]) => subnetId), cidr };
        });
        const natSubnets = [...created, ...given];

        const acceptLists = sortedSet(
            (args.consumerAcceptLists ?? []).map((e) => ({
                projectIdOrNum: e.projectIdOrNum,
                networkUrl: e.networkUrl === undefined ? undefined : selfLinkOf(e.networkUrl),
                endpointUrl: e.endpointUrl === undefined ? undefined : selfLinkOf(e.endpointUrl),
                connectionLimit: e.connectionLimit,
            })),
            (e) => `${e.projectIdOrNum !== undefined ? "p" : e.networkUrl !== undefined ? "n" : "e"}:${e.projectIdOrNum ?? e.networkUrl ?? e.endpointUrl}`,
        );

        const attachment = new compute.ServiceAttachment(
            childName(name, "attachment"),
            {
                targetService: args.targetService,
                region,
                project,
                description: args.description ?? `Private Service Connect service ${name} (managed by privatelink)`,
                connectionPreference: args.connectionPreference ?? GcpConnectionPreference.AcceptManual,
                // Every list is sent, empty when there is nothing to list, so that removing the
                // last entry reaches the provider; and sorted, because the provider keeps them as
                // sets and a reordered list must not show a diff.
                natSubnets: sortedStrings(natSubnets.map((s) => s.id)),
                consumerAcceptLists: acceptLists,
                consumerRejectLists: sortedStrings(args.consumerRejectLists ?? [], consumerForm),
                enableProxyProtocol: args.enableProxyProtocol ?? false,
                domainNames: args.domainName === undefined ? [] : [args.domainName],
                reconcileConnections: args.reconcileConnections ?? true,
                propagatedConnectionLimit: args.propagatedConnectionLimit ?? 250,
                // Without it the provider leaves a limit of 0 out of the request, and Google
                // Cloud's default of 250 applies instead.
                sendPropagatedConnectionLimitIfZero: true,
            },
            { parent: this },
        );

        if (args.domainName !== undefined) {
            // Said on every deployment that sets it, next to the attachment: the one setting of
            // the attachment whose change closes every consumer connection.
            pulumi.log.warn(
                "domainName cannot change in place: changing or removing it replaces the service attachment, which closes every consumer connection (endpoints with recreateClosedPsc reconnect on their next deployment).",
                attachment,
            );
        }

        const firewallRuleIds: pulumi.Output<string>[] = [];
        if (!args.disableFirewall && args.firewall) {
            firewallRuleIds.push(...this.createFirewall(name, args, args.firewall, natSubnets.map((s) => s.cidr)));
        }

        this.serviceReference = attachment.selfLink;
        this.serviceAttachmentId = attachment.id;
        this.natSubnetIds = pulumi.output(sortedStrings(natSubnets.map((s) => s.id)));
        this.connectedEndpoints = attachment.connectedEndpoints.apply((list) =>
            (list ?? []).map((c) => ({
                endpoint: c.endpoint ?? "",
                status: c.status ?? "",
                consumerNetwork: c.consumerNetwork ?? "",
                pscConnectionId: c.pscConnectionId ?? "",
                natIps: c.natIps ?? [],
            })),
        );
        this.firewallRuleIds = pulumi.all(firewallRuleIds);
        this.registerOutputs({
            serviceReference: this.serviceReference,
            serviceAttachmentId: this.serviceAttachmentId,
            natSubnetIds: this.natSubnetIds,
            connectedEndpoints: this.connectedEndpoints,
            firewallRuleIds: this.firewallRuleIds,
        });
    }

    /**
     * Creates the producer firewall rules: the NAT subnets (and any extra ranges) on the service
     * ports, Google's health checks on the health-check ports. Two rules rather than one, so the
     * health-check ranges never reach the service ports unless the health check probes them.
     */
    private createFirewall(
        name: string,
        args: GcpPrivateLinkServiceArgs,
        fw: GcpPrivateLinkServiceFirewallArgs,
        natCidrs: pulumi.Output<string>[],
    ): pulumi.Output<string>[] {
        const protocol = fw.protocol ?? GcpFirewallProtocol.Tcp;
        // Sending both target lists, one of them empty, makes a switch from tags to service
        // accounts (or back) reach the provider as the removal it is.
        const targets = {
            targetTags: sortedStrings(fw.targetTags ?? []),
            targetServiceAccounts: sortedStrings(fw.targetServiceAccounts ?? []),
        };
        const common = {
            network: args.network!,
            project: args.project,
            direction: "INGRESS",
            priority: fw.priority ?? 1000,
            logConfig: { metadata: fw.logMetadata ?? GcpFirewallLogMetadata.IncludeAll },
            ...targets,
        };
        const sources = pulumi
            .all([pulumi.all(natCidrs), pulumi.output(fw.additionalSourceRanges ?? [])])
            .apply(([nat, extra]) => [...new Set([...nat, ...extra.map((c) => parseCidr(c)?.canonical ?? c)])].sort(compareText));
        const servicePorts = [...fw.ports].sort((x, y) => x - y);
        const ids: pulumi.Output<string>[] = [];
        const psc = new compute.Firewall(
            childName(name, "ingress", "psc"),
            {
                ...common,
                description: `Private Service Connect consumers of ${name} (NAT subnets) to the service on ${protocol}/${servicePorts.join(",")}`,
                sourceRanges: sources,
                allows: [{ protocol, ports: servicePorts.map(String) }],
            },
            { parent: this },
        );
        ids.push(psc.id);
        if (fw.allowHealthChecks ?? true) {
            const ports = [...(fw.healthCheckPorts ?? fw.ports)].sort((x, y) => x - y);
            const hc = new compute.Firewall(
                childName(name, "ingress", "health-checks"),
                {
                    ...common,
                    description: `Google Cloud health checks of the ${name} load balancer to its backends on tcp/${ports.join(",")}`,
                    sourceRanges: [...GCP_HEALTH_CHECK_RANGES].sort(compareText),
                    // Health checks probe over TCP (TCP, HTTP, HTTPS and HTTP/2 checks), also for UDP services.
                    allows: [{ protocol: GcpFirewallProtocol.Tcp, ports: ports.map(String) }],
                },
                { parent: this },
            );
            ids.push(hc.id);
        }
        return ids;
    }
}
