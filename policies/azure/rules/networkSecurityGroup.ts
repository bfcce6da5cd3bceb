/**
 * Rules for network security group rules: the inline `securityRules` of
 * `network.NetworkSecurityGroup` and the standalone `network.SecurityRule` resource. Azure
 * compares `direction`, `access` and `protocol` case-insensitively and treats `*`, `Internet`,
 * `Any`, `0.0.0.0/0` and `::/0` as "anywhere", in `sourceAddressPrefix` as in the plural
 * `sourceAddressPrefixes`; ports come from `destinationPortRange` and `destinationPortRanges`.
 *
 * Like Checkov and Azure Policy, the rules look at each Allow rule on its own: a Deny rule of a
 * higher priority that shadows it is not taken into account.
 */
import { ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import {
    ALL_PORTS,
    arr,
    broadSourceLimits,
    broadSources,
    broadSourceSchema,
    configOf,
    coversInternet,
    describeGrants,
    describeRange,
    describeUnionFinding,
    equalsIgnoreCase,
    forTypes,
    framework,
    get,
    Grant,
    InternetThreshold,
    internetThresholdOf,
    internetThresholdSchema,
    isAllPorts,
    isInternetSource,
    normaliseProtocol,
    PortRange,
    portLabel,
    portList,
    portListSchema,
    portRangeOf,
    protocolHasPorts,
    SensitiveIngress,
    sensitivePortsOf,
    sensitivePortsSchema,
    str,
    strings,
    UnknownParts,
} from "../../core";
import { T } from "./util";

const NSG_DOCS = "https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview";

/** An inbound Allow rule with sources, with what it opens. */
export interface InboundRule {
    /** `security rule "x" of NSG "y"` or `security rule "x"`. */
    label: string;
    /** Every source as written (`sourceAddressPrefix` and `sourceAddressPrefixes`). */
    sources: string[];
    /** Normalised protocol: "all", "tcp", "udp", "icmp", …; undefined when unreadable. */
    protocol: string | undefined;
    /** Destination port ranges that could be read. */
    ranges: PortRange[];
    /** Destination port specs that cannot be read (`"22-"`, `"1e1"`, `"22,3389"`): never taken as compliant. */
    unreadable: unknown[];
}

/** An internet inbound rule: an {@link InboundRule} whose sources count as the internet. */
export interface InternetInboundRule extends InboundRule {
    /** The sources to name in messages: the "anywhere" words and CIDRs, or all sources of a union. */
    shown: string[];
}

/** The security rules a resource declares: the inline rules of an NSG, or the standalone rule itself. */
function securityRulesOf(args: ResourceValidationArgs, props: Record<string, any>): Array<{ label: string; rule: unknown }> {
    if (args.type === T.securityRule) {
        return [{ label: `security rule "${str(props, "name") ?? args.name}"`, rule: props }];
    }
    return arr(props, "securityRules")
        .filter((r) => r !== null && typeof r === "object")
        .map((rule, i) => ({ label: `security rule "${str(rule, "name") ?? `#${i + 1}`}" of NSG "${args.name}"`, rule }));
}

/**
 * The inbound Allow rules with sources of a resource, each read on its own in `parts`: a rule with
 * an unknown value is left out (and remembered), the others are still judged.
 */
export function inboundAllowRules(args: ResourceValidationArgs, props: Record<string, any>, parts: UnknownParts): InboundRule[] {
    const out: InboundRule[] = [];
    for (const { label, rule } of parts.run(() => securityRulesOf(args, props)) ?? []) {
        parts.run(() => {
            if (!equalsIgnoreCase(get(rule, "direction"), "Inbound") || !equalsIgnoreCase(get(rule, "access"), "Allow")) {
                return;
            }
            const single = str(rule, "sourceAddressPrefix");
            const sources = [...(single === undefined ? [] : [single]), ...strings(rule, "sourceAddressPrefixes")];
            if (sources.length === 0) {
                return;
            }
            const specs = [get(rule, "destinationPortRange"), ...arr(rule, "destinationPortRanges")].filter((v) => v !== undefined && v !== null);
            // Azure requires a destination port; a rule without one is read as "every port", the safe side.
            const parsed = specs.map((spec) => ({ spec, range: portRangeOf(spec) }));
            out.push({
                label,
                sources,
                protocol: normaliseProtocol(get(rule, "protocol")),
                ranges: specs.length === 0 ? [ALL_PORTS] : parsed.flatMap((p) => (p.range ? [p.range] : [])),
                unreadable: parsed.filter((p) => p.range === undefined).map((p) => p.spec),
            });
        });
    }
    return out;
}

/** The inbound Allow rules of a resource whose own sources count as the internet (each rule alone). */
export function internetInboundRules(args: ResourceValidationArgs, props: Record<string, any>, parts: UnknownParts, threshold: InternetThreshold): InternetInboundRule[] {
    return inboundAllowRules(args, props, parts)
        .filter((r) => coversInternet(r.sources, threshold))
        .map((r) => {
            const words = r.sources.filter(isInternetSource);
            return { ...r, shown: words.length > 0 ? words : r.sources };
        });
}

/** A rule as a grant for the union checks; ports that cannot be read count as every port. */
function grantOf(r: InboundRule): Grant {
    return { where: r.label, sources: r.sources, protocol: r.protocol, ranges: r.unreadable.length > 0 ? [ALL_PORTS] : r.ranges };
}

function protocolLabel(p: string | undefined): string {
    return p === undefined || p === "all" ? "any protocol" : p.toUpperCase();
}

const quoted = (xs: readonly unknown[]) => xs.map((x) => JSON.stringify(x)).join(", ");

/**
 * Management and database ports open to the internet are the first thing scanners find. Mirrors
 * Azure Policy 22730e10 "Management ports should be closed on your virtual machines", Checkov
 * CKV_AZURE_9 (RDP) / CKV_AZURE_10 (SSH), Trivy AZU-0048 / AZU-0050 / AZU-0074.
 */
export const nsgNoInternetInboundSensitivePorts: ResourceValidationPolicy = {
    name: "nsg-no-internet-inbound-sensitive-ports",
    description:
        "Checks whether network security group rules allow inbound traffic from the internet (*, Internet, Any, 0.0.0.0/0, ::/0, or prefixes that together cover either, within a rule or across the rules of one NSG) to sensitive ports on their protocols, such as SSH TCP 22 and RDP TCP/UDP 3389, or to every port; port specs that cannot be read are reported.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: framework("Azure Policy", "22730e10-96f6-4aac-ad84-9383d35b5917", "Management ports should be closed on your virtual machines"),
    url: NSG_DOCS,
    remediationSteps:
        "Replace the internet source with the specific CIDRs, service tags or application security groups that need access, or change the rule's access to Deny. Reach management ports through Azure Bastion or a private endpoint instead.",
    configSchema: {
        properties: {
            sensitivePorts: sensitivePortsSchema("Ports that must never be open to the internet."),
            allPortsAreSensitive: {
                type: "boolean",
                default: true,
                description: "Report a rule that opens every port (\"*\", 0-65535) to the internet even if sensitivePorts is empty.",
            },
            ...internetThresholdSchema(),
        },
    },
    validateResource: forTypes([T.networkSecurityGroup, T.securityRule], (props, args, report) => {
        const config = configOf(args, { allPortsAreSensitive: true });
        const check = new SensitiveIngress(sensitivePortsOf(args), internetThresholdOf(args));
        const parts = new UnknownParts();
        const rules = inboundAllowRules(args, props, parts);
        for (const r of rules) {
            if (!check.isInternet(r.sources)) {
                continue;
            }
            const words = r.sources.filter(isInternetSource);
            const from = (words.length > 0 ? words : r.sources).map((s) => `"${s}"`).join(", ");
            if (r.unreadable.length > 0 && protocolHasPorts(r.protocol)) {
                check.explainAll();
                report(`${r.label} allows inbound ${protocolLabel(r.protocol)} from ${from} on destination ports that cannot be read (${quoted(r.unreadable)}); restrict the source and write the ports as Azure does ("22", "8000-8100", "*").`);
                continue;
            }
            const exposure = check.single(r.protocol, r.ranges);
            const allPorts = config.allPortsAreSensitive && exposure.allPorts;
            const hits = exposure.ports;
            if (!allPorts && hits.length === 0) {
                continue;
            }
            const what = allPorts ? "every port" : `port${hits.length > 1 ? "s" : ""} ${hits.map(portLabel).join(", ")}`;
            report(`${r.label} allows inbound ${protocolLabel(r.protocol)} from ${from} to ${what}; restrict the source.`);
        }
        // Then the rules together: sources split into pieces (across rules, or within one) that reach the same ports.
        for (const finding of check.union(rules.map(grantOf), { allPortsCount: config.allPortsAreSensitive })) {
            const what = finding.allPorts ? `${finding.exposure.protocol.toUpperCase()} every port` : describeUnionFinding(finding);
            report(`NSG "${args.name}" allows inbound from ${describeGrants(finding.exposure.grants)}, which together cover the internet, to ${what}; restrict the sources.`);
        }
        parts.finish();
    }),
};

/**
 * The private connectivity pattern never needs inbound traffic from the internet: endpoints and
 * NAT IPs are private. Advisory, because an NSG in the same stack may legitimately front a public
 * service — list its ports in `allowedPorts`. Mirrors PSRule Azure.NSG.AnyInboundSource
 * (AZR-000137), Trivy AZU-0047, Checkov CKV_AZURE_160 (HTTP) / CKV_AZURE_77 (UDP).
 */
export const nsgNoInternetInbound: ResourceValidationPolicy = {
    name: "nsg-no-internet-inbound",
    description: "Checks whether network security group rules allow any inbound traffic from the internet (*, Internet, Any, 0.0.0.0/0, ::/0) outside the allowed ports.",
    enforcementLevel: "advisory",
    severity: "medium",
    framework: framework("PSRule for Azure", "Azure.NSG.AnyInboundSource", "AZR-000137: Network security groups should avoid any inbound rules"),
    url: "https://azure.github.io/PSRule.Rules.Azure/en/rules/Azure.NSG.AnyInboundSource/",
    remediationSteps:
        "Allow inbound traffic only from the consumer CIDRs, service tags (e.g. VirtualNetwork, AzureLoadBalancer) or application security groups; for a deliberately public service add its ports to allowedPorts.",
    configSchema: {
        properties: {
            allowedPorts: portListSchema([], "TCP/UDP ports that may be open to the internet (e.g. 443 of a public front end)."),
            ...internetThresholdSchema(),
        },
    },
    validateResource: forTypes([T.networkSecurityGroup, T.securityRule], (props, args, report) => {
        const config = configOf(args, { allowedPorts: [] as number[] });
        const allowed = portList(config.allowedPorts);
        const parts = new UnknownParts();
        for (const r of internetInboundRules(args, props, parts, internetThresholdOf(args))) {
            const from = r.shown.map((s) => `"${s}"`).join(", ");
            if (!protocolHasPorts(r.protocol)) {
                report(`${r.label} allows inbound ${protocolLabel(r.protocol)} from ${from}.`);
                continue;
            }
            if (r.unreadable.length > 0) {
                report(`${r.label} allows inbound ${protocolLabel(r.protocol)} from ${from} on destination ports that cannot be read (${quoted(r.unreadable)}).`);
            }
            const open = r.ranges.filter((range) => !(range.from === range.to && allowed.includes(range.from)));
            if (open.length > 0) {
                const what = open.map((range) => (isAllPorts(range) ? "every port" : `port ${describeRange(range)}`)).join(", ");
                report(`${r.label} allows inbound ${protocolLabel(r.protocol)} from ${from} to ${what}.`);
            }
        }
        parts.finish();
    }),
};

/**
 * Advisory: any single source range of an inbound Allow rule broader than a prefix length, public
 * or not (`0.0.0.0/1` is half of the internet).
 */
export const nsgNoBroadInbound: ResourceValidationPolicy = {
    name: "nsg-no-broad-inbound",
    description:
        "Checks whether any single source of an inbound Allow rule of a network security group (inline or network.SecurityRule) is broader than minimumPrefixLength (IPv4, default /8) or minimumIpv6PrefixLength (default /32); *, Internet and Any count as /0.",
    enforcementLevel: "advisory",
    severity: "medium",
    framework: framework("PSRule for Azure", "Azure.NSG.AnyInboundSource", "AZR-000137: Network security groups should avoid any inbound rules"),
    url: "https://azure.github.io/PSRule.Rules.Azure/en/rules/Azure.NSG.AnyInboundSource/",
    remediationSteps: "Narrow the source to the consumer CIDRs, a service tag or an application security group.",
    configSchema: { properties: broadSourceSchema() },
    validateResource: forTypes([T.networkSecurityGroup, T.securityRule], (props, args, report) => {
        const limits = broadSourceLimits(args);
        const parts = new UnknownParts();
        for (const r of inboundAllowRules(args, props, parts)) {
            const broad = broadSources(r.sources, limits);
            if (broad.length > 0) {
                report(`${r.label} allows inbound from ${broad.map((b) => `"${b}"`).join(", ")}, broader than /${limits.ipv4} (IPv4) or /${limits.ipv6} (IPv6); narrow the source.`);
            }
        }
        parts.finish();
    }),
};
