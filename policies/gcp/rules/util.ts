/**
 * Google Cloud helpers of the GCP pack: type tokens, GCP resource references (full, partial and
 * bare-name URL forms) and the matcher that lets `referencesOf` resolve them, and firewall rule
 * views over `Firewall` and the firewall-policy rule resources.
 *
 * Unknown values: rules read properties through `policies/core` readers, so reading a value that
 * is unknown during preview throws the SDK's `UnknownValueError` and the rule reports "can't run".
 * The only exception is the core's `rawGet`, used where the engine's property dependencies already
 * say which resource an unknown value comes from (an attachment's `natSubnets: [subnet.id]` during
 * preview): there the relationship is known even though the value is not, so the rule still runs.
 */
import { PolicyResource } from "@pulumi/policy";
import {
    ALL_PORTS,
    arr,
    bool,
    equalsIgnoreCase,
    get,
    isUnknownValue,
    normaliseProtocol,
    portRangeOf,
    PortRange,
    protocolHasPorts,
    rawGet,
    ReferenceMatcher,
    referencesOf,
    StackIndex,
    str,
    strings,
    trimTrailing,
    Candidates,
    UnknownParts,
} from "../../core";
import { GcpRef, GOOGLE_API_BUNDLES as BUNDLES, parseGcpRef } from "../../../common/gcp";
import { isIpAddress } from "../../../common/network";

/** Type tokens of the resources the GCP rules read (verified against @pulumi/gcp 9.37). */
export const T = {
    serviceAttachment: "gcp:compute/serviceAttachment:ServiceAttachment",
    subnetwork: "gcp:compute/subnetwork:Subnetwork",
    firewall: "gcp:compute/firewall:Firewall",
    firewallPolicyRule: "gcp:compute/firewallPolicyRule:FirewallPolicyRule",
    networkFirewallPolicyRule: "gcp:compute/networkFirewallPolicyRule:NetworkFirewallPolicyRule",
    regionNetworkFirewallPolicyRule: "gcp:compute/regionNetworkFirewallPolicyRule:RegionNetworkFirewallPolicyRule",
    forwardingRule: "gcp:compute/forwardingRule:ForwardingRule",
    globalForwardingRule: "gcp:compute/globalForwardingRule:GlobalForwardingRule",
    address: "gcp:compute/address:Address",
    globalAddress: "gcp:compute/globalAddress:GlobalAddress",
    regionNetworkEndpointGroup: "gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup",
    managedZone: "gcp:dns/managedZone:ManagedZone",
    recordSet: "gcp:dns/recordSet:RecordSet",
    regionalEndpoint: "gcp:networkconnectivity/regionalEndpoint:RegionalEndpoint",
} as const;

/** Every firewall-like type: VPC firewall rules and the three firewall-policy rule resources. */
export const FIREWALL_TYPES: readonly string[] = [
    T.firewall,
    T.firewallPolicyRule,
    T.networkFirewallPolicyRule,
    T.regionNetworkFirewallPolicyRule,
];

// ---------------------------------------------------------------------------------------------
// Resource references

/**
 * A Google Cloud resource reference and its parser: the one reader of self links, ids and bare
 * names, shared with the components (`common/gcp.ts`).
 */
export type { GcpRef };
export const parseRef = parseGcpRef;

/**
 * A service attachment reference: `projects/<p>/regions/<r>/serviceAttachments/<n>` in any URL
 * form (`project` is undefined for the project-relative `regions/<r>/serviceAttachments/<n>`).
 */
export function parseAttachmentRef(value: unknown): GcpRef | undefined {
    const ref = parseRef(value);
    return ref && equalsIgnoreCase(ref.collection, "serviceAttachments") ? ref : undefined;
}

/** Strips a `projects/` prefix from a configured project id or number. */
export function projectKey(value: string): string {
    return trimTrailing(value.trim().replace(/^projects\//i, ""), "/").toLowerCase();
}

/** Whether two parsed references can name the same resource (parts missing on either side are not compared). */
function sameRef(a: GcpRef, b: GcpRef): boolean {
    const eq = (x?: string, y?: string, ignoreCase = false) =>
        x === undefined || y === undefined || (ignoreCase ? x.toLowerCase() === y.toLowerCase() : x === y);
    return a.name === b.name && eq(a.project, b.project, true) && eq(a.location, b.location) && eq(a.collection, b.collection, true);
}

/**
 * The references under which a stack resource is known: its `id` and `selfLink` (when known) and
 * one assembled from its `project`/`region`/`name` inputs (known during preview too).
 */
function identitiesOf(resource: PolicyResource, collection: string): GcpRef[] {
    const out: GcpRef[] = [];
    for (const key of ["id", "selfLink"]) {
        const ref = parseRef(knownString(rawGet(resource.props, key)));
        if (ref) {
            out.push(ref);
        }
    }
    const name = knownString(rawGet(resource.props, "name"));
    if (name !== undefined) {
        out.push({
            name,
            collection,
            project: knownString(rawGet(resource.props, "project")),
            location: knownString(rawGet(resource.props, "region")) ?? knownString(rawGet(resource.props, "location")),
        });
    }
    return out;
}

function knownString(v: unknown): string | undefined {
    return typeof v === "string" && v !== "" && !isUnknownValue(v) ? v : undefined;
}

/**
 * How `referencesOf` matches the GCP references written into a property (full URL, partial URL,
 * id or bare name) against the resources of `collection` ("subnetworks", "managedZones", …): by
 * each candidate's id, selfLink and project/region/name. A bare or partial reference inherits the
 * project and region of the referring resource where it leaves them out.
 */
export function gcpRefMatcher(collection: string): ReferenceMatcher {
    return (written, candidate, referrer) => {
        const ref = parseRef(written);
        if (ref === undefined) {
            return false;
        }
        const full: GcpRef = {
            ...ref,
            project: ref.project ?? knownString(rawGet(referrer.props, "project")),
            location: ref.location ?? (ref.project === undefined ? knownString(rawGet(referrer.props, "region")) : undefined),
        };
        return identitiesOf(candidate, collection).some((id) => sameRef(full, id));
    };
}

// ---------------------------------------------------------------------------------------------
// Firewall rules

/** One allow entry of a firewall rule: its protocol and the port ranges it opens. */
export interface AllowEntry {
    /** Where it is written, for messages: `allows[0]`, `match.layer4Configs[1]`. */
    where: string;
    protocol: string;
    ranges: PortRange[];
    /** Port specs that cannot be read (`"22-"`, `"all"`, `""`): never taken as compliant. */
    unreadable: unknown[];
}

/**
 * Normalises a GCP protocol (names, numbers, numeric strings). A missing protocol counts as "all"
 * (the safe reading); a value of the wrong type as a protocol without ports.
 */
export function gcpProtocol(value: unknown): string {
    if (value === undefined || value === null) {
        return "all";
    }
    if (typeof value !== "string" && typeof value !== "number") {
        return "invalid";
    }
    const p = normaliseProtocol(typeof value === "number" ? String(value) : value);
    return p === undefined || p === "" ? "all" : p;
}

/**
 * The port ranges an allow entry opens. GCP writes ports as strings (`"22"`, `"20-25"`); no ports
 * (or an empty list) means every port. Protocols without ports (icmp, esp, …) open none.
 */
export function rangesOf(protocol: string, ports: unknown): PortRange[] {
    if (!protocolHasPorts(protocol)) {
        return [];
    }
    const list = ports === undefined || ports === null ? [] : Array.isArray(ports) ? Array.from(ports) : [ports];
    if (list.length === 0) {
        return [ALL_PORTS];
    }
    return list
        .filter((p) => typeof p === "string" || typeof p === "number")
        .map((p) => portRangeOf(p))
        .filter((x): x is PortRange => x !== undefined);
}

/** The port specs of an allow entry that cannot be read (a protocol without ports has none). */
export function unreadablePorts(protocol: string, ports: unknown): unknown[] {
    if (!protocolHasPorts(protocol) || ports === undefined || ports === null) {
        return [];
    }
    const list = Array.isArray(ports) ? Array.from(ports) : [ports];
    return list.filter((p) => (typeof p !== "string" && typeof p !== "number") || portRangeOf(p) === undefined);
}

/**
 * Whether a VPC firewall rule or firewall-policy rule is an enabled ingress rule that allows
 * traffic. `direction` defaults to INGRESS (as GCP does): anything but EGRESS counts as ingress.
 * Policy rules allow unless `action` is `deny` or `goto_next`; VPC rules allow through `allows`.
 */
export function isEnabledIngressAllow(type: string, props: Record<string, unknown>): boolean {
    if (bool(props, "disabled") === true || equalsIgnoreCase(str(props, "direction")?.trim(), "EGRESS")) {
        return false;
    }
    return type === T.firewall || !equalsIgnoreCase(str(props, "action")?.trim(), "deny", "goto_next");
}

/** The source ranges of a firewall rule, with how they were found. */
export interface FirewallSources {
    /** The sources as the API applies them (defaults filled in). */
    ranges: string[];
    /** Why the API uses 0.0.0.0/0 where the rule does not say so, when it does. */
    defaulted?: string;
}

/**
 * The source ranges of a firewall rule (`sourceRanges`, or `match.srcIpRanges` of a policy rule),
 * as the API applies them to an ingress VPC firewall rule:
 * - with no `sourceRanges`, `sourceTags` or `sourceServiceAccounts`, the source is 0.0.0.0/0
 *   ("If you don't specify a source, Google Cloud uses 0.0.0.0/0": VPC firewall rules, sources
 *   for ingress rules, https://cloud.google.com/firewall/docs/firewalls#sources-for-rules; the
 *   provider sends an empty list as none: hashicorp/terraform-provider-google#4031, #20712);
 * - an empty string among `sourceRanges` (`[""]`, e.g. from an unset variable) names no range. No
 *   documentation says what the API makes of it; the rule takes the reading that cannot pass an
 *   open rule: a rule whose only ranges are empty has no source range, and the API applies
 *   0.0.0.0/0 to an ingress rule with no source (the default above, and the provider issue about
 *   it, hashicorp/terraform-provider-google#6789).
 */
export function firewallSources(type: string, props: Record<string, unknown>): FirewallSources {
    if (type !== T.firewall) {
        return { ranges: strings(props, "match.srcIpRanges") };
    }
    const raw = get(props, "sourceRanges");
    if (raw !== undefined && raw !== null && !(Array.isArray(raw) && raw.length === 0) && !(Array.isArray(raw) && raw.every((r) => typeof r === "string"))) {
        // A value of the wrong type is no list of ranges the API would take (it rejects the rule).
        return { ranges: strings(props, "sourceRanges") };
    }
    const written = strings(props, "sourceRanges");
    if (written.some((r) => r.trim() === "")) {
        return {
            ranges: [...written.filter((r) => r.trim() !== ""), "0.0.0.0/0"],
            defaulted: "an empty string in sourceRanges, judged as no source range, to which the API applies 0.0.0.0/0",
        };
    }
    if (written.length > 0) {
        return { ranges: written };
    }
    if (strings(props, "sourceTags").length > 0 || strings(props, "sourceServiceAccounts").length > 0) {
        return { ranges: [] };
    }
    return { ranges: ["0.0.0.0/0"], defaulted: "no sourceRanges, sourceTags or sourceServiceAccounts, so the API applies 0.0.0.0/0" };
}

/** The source ranges of a firewall rule as the API applies them (see {@link firewallSources}). */
export function sourcesOf(type: string, props: Record<string, unknown>): string[] {
    return firewallSources(type, props).ranges;
}

/**
 * The allow entries of a firewall rule (`allows`, or `match.layer4Configs` of a policy rule), each
 * read in `parts` when given: an entry with an unknown value is left out (and remembered), the
 * others are still judged.
 */
export function entriesOf(type: string, props: Record<string, unknown>, parts?: UnknownParts): AllowEntry[] {
    const [path, key] = type === T.firewall ? ["allows", "protocol"] : ["match.layer4Configs", "ipProtocol"];
    const run = <R>(f: () => R): R | undefined => (parts ? parts.run(f) : f());
    const out: AllowEntry[] = [];
    (run(() => arr(props, path)) ?? []).forEach((a, i) => {
        run(() => {
            if (a === null || typeof a !== "object" || Array.isArray(a)) {
                return;
            }
            const protocol = gcpProtocol(get(a, key));
            const ports = get(a, "ports");
            out.push({ where: `${path}[${i}]`, protocol, ranges: rangesOf(protocol, ports), unreadable: unreadablePorts(protocol, ports) });
        });
    });
    return out;
}

/** The name of a resource for messages: its `name` input when known, else the logical name. */
export function displayName(props: Record<string, unknown>, logical: string): string {
    return knownString(rawGet(props, "name")) ?? logical;
}

// ---------------------------------------------------------------------------------------------
// Private Service Connect endpoints

/** The Google API bundles a global PSC endpoint can target (one list with the components). */
export const GOOGLE_API_BUNDLES: string[] = [...BUNDLES];

/**
 * Whether a stack resource is a Private Service Connect endpoint: a `ForwardingRule` whose target
 * is a service attachment, or a `GlobalForwardingRule` whose target is `all-apis` or `vpc-sc`.
 * A target unknown during preview counts as an attachment when the engine links it to a
 * `ServiceAttachment` of the stack, and as no endpoint when it comes from another resource.
 */
export function isPscEndpoint(r: PolicyResource): boolean {
    if (r.type !== T.forwardingRule && r.type !== T.globalForwardingRule) {
        return false;
    }
    const target = rawGet(r.props, "target");
    if (isUnknownValue(target)) {
        const deps = r.propertyDependencies?.target ?? [];
        if (deps.length === 0) {
            void get(r.props, "target"); // raises the SDK's "unknown during preview" error
        }
        return r.type === T.forwardingRule && deps.some((d) => d.type === T.serviceAttachment);
    }
    return r.type === T.forwardingRule ? parseAttachmentRef(target) !== undefined : equalsIgnoreCase(target, ...GOOGLE_API_BUNDLES);
}

/** Whether a string is an IPv4 or IPv6 address (no prefix): the common checker, `isIpAddress`. */
export const looksLikeIp = (value: string): boolean => isIpAddress(value);

/**
 * Candidates named by GCP references of `collection`: looked up by the name a reference ends in
 * (its id, self link or `name` input), then judged by {@link gcpRefMatcher}. A reference that names
 * none of them while one has no known name, id or self link is undecided (see `Candidates`).
 */
export function gcpCandidates(resources: readonly PolicyResource[], collection: string): Candidates {
    return new Candidates(resources, {
        matches: gcpRefMatcher(collection),
        candidateKeys: (c) => identitiesOf(c, collection).map((id) => id.name),
        writtenKey: (written) => parseRef(written)?.name,
        identityProperties: ["name", "id", "selfLink"],
        literalMayNameUnknown: (written) => parseRef(written) !== undefined,
    });
}

/** The stack's `Address` and `GlobalAddress` resources, indexed once per call. */
export function addressCandidates(ix: StackIndex): Candidates {
    return ix.shared("gcp:addresses", () => gcpCandidates(ix.ofType(T.address, T.globalAddress), "addresses"));
}

/**
 * The addresses (`Address` / `GlobalAddress` resources) a PSC endpoint uses, and the IPs it is
 * known to answer on (a literal `ipAddress`, or the `address` of its address resource).
 */
export function endpointAddresses(endpoint: PolicyResource, candidates: Candidates): { addresses: PolicyResource[]; ips: string[] } {
    const addresses = referencesOf(endpoint, "ipAddress", candidates);
    const ips = new Set<string>();
    const literal = knownString(rawGet(endpoint.props, "ipAddress"));
    if (literal !== undefined && looksLikeIp(literal)) {
        ips.add(literal);
    }
    for (const a of addresses) {
        const ip = knownString(rawGet(a.props, "address"));
        if (ip !== undefined) {
            ips.add(ip);
        }
    }
    return { addresses, ips: [...ips] };
}
