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
    arr,
    configOf,
    describeRange,
    equalsIgnoreCase,
    forTypes,
    framework,
    get,
    isAllPorts,
    isInternetSource,
    normaliseProtocol,
    PortRange,
    portList,
    portListSchema,
    portRangeOf,
    protocolHasPorts,
    sensitiveExposure,
    sensitivePortsOf,
    sensitivePortsSchema,
    str,
    strings,
} from "../../core";
import { T } from "./util";

const NSG_DOCS = "https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview";

/** An inbound Allow rule whose source includes the internet, with what it opens. */
export interface InternetInboundRule {
    /** `security rule "x" of NSG "y"` or `security rule "x"`. */
    label: string;
    /** The internet words/CIDRs among its sources, as written. */
    sources: string[];
    /** Normalised protocol: "all", "tcp", "udp", "icmp", …; undefined when unreadable. */
    protocol: string | undefined;
    /** Destination port ranges; ranges that could not be parsed are left out. */
    ranges: PortRange[];
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

/** The inbound Allow rules of a resource that admit traffic from the internet. */
export function internetInboundRules(args: ResourceValidationArgs, props: Record<string, any>): InternetInboundRule[] {
    const out: InternetInboundRule[] = [];
    for (const { label, rule } of securityRulesOf(args, props)) {
        if (!equalsIgnoreCase(get(rule, "direction"), "Inbound") || !equalsIgnoreCase(get(rule, "access"), "Allow")) {
            continue;
        }
        const single = str(rule, "sourceAddressPrefix");
        const sources = [...(single === undefined ? [] : [single]), ...strings(rule, "sourceAddressPrefixes")].filter(isInternetSource);
        if (sources.length === 0) {
            continue;
        }
        const specs = [get(rule, "destinationPortRange"), ...arr(rule, "destinationPortRanges")].filter((v) => v !== undefined && v !== null);
        // Azure requires a destination port; a rule without one is read as "every port", the safe side.
        const ranges = specs.length === 0 ? [portRangeOf("*")!] : specs.map((s) => portRangeOf(s)).filter((r): r is PortRange => r !== undefined);
        out.push({ label, sources, protocol: normaliseProtocol(get(rule, "protocol")), ranges });
    }
    return out;
}

const PORT_NAMES: Record<number, string> = {
    22: "SSH",
    23: "Telnet",
    445: "SMB",
    1433: "SQL Server",
    3306: "MySQL",
    3389: "RDP",
    5432: "PostgreSQL",
    6379: "Redis",
    9200: "Elasticsearch",
    27017: "MongoDB",
};

function portLabel(p: number): string {
    return PORT_NAMES[p] ? `${p} (${PORT_NAMES[p]})` : String(p);
}

function protocolLabel(p: string | undefined): string {
    return p === undefined || p === "all" ? "any protocol" : p.toUpperCase();
}

/**
 * Management and database ports open to the internet are the first thing scanners find. Mirrors
 * Azure Policy 22730e10 "Management ports should be closed on your virtual machines", Checkov
 * CKV_AZURE_9 (RDP) / CKV_AZURE_10 (SSH), Trivy AZU-0048 / AZU-0050 / AZU-0074.
 */
export const nsgNoInternetInboundSensitivePorts: ResourceValidationPolicy = {
    name: "nsg-no-internet-inbound-sensitive-ports",
    description:
        "Checks whether network security group rules allow inbound traffic from the internet (*, Internet, Any, 0.0.0.0/0, ::/0) to sensitive ports such as SSH 22 and RDP 3389, or to every port.",
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
        },
    },
    validateResource: forTypes([T.networkSecurityGroup, T.securityRule], (props, args, report) => {
        const sensitive = sensitivePortsOf(args);
        const config = configOf(args, { allPortsAreSensitive: true });
        for (const r of internetInboundRules(args, props)) {
            const exposure = sensitiveExposure(r.protocol, r.ranges, sensitive);
            const allPorts = config.allPortsAreSensitive && exposure.allPorts;
            const hits = exposure.ports;
            if (!allPorts && hits.length === 0) {
                continue;
            }
            const what = allPorts ? "every port" : `port${hits.length > 1 ? "s" : ""} ${hits.map(portLabel).join(", ")}`;
            report(`${r.label} allows inbound ${protocolLabel(r.protocol)} from ${r.sources.map((s) => `"${s}"`).join(", ")} to ${what}; restrict the source.`);
        }
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
        },
    },
    validateResource: forTypes([T.networkSecurityGroup, T.securityRule], (props, args, report) => {
        const config = configOf(args, { allowedPorts: [] as number[] });
        const allowed = portList(config.allowedPorts);
        for (const r of internetInboundRules(args, props)) {
            const from = r.sources.map((s) => `"${s}"`).join(", ");
            if (!protocolHasPorts(r.protocol)) {
                report(`${r.label} allows inbound ${protocolLabel(r.protocol)} from ${from}.`);
                continue;
            }
            const open = r.ranges.filter((range) => !(range.from === range.to && allowed.includes(range.from)));
            if (open.length > 0) {
                const what = open.map((range) => (isAllPorts(range) ? "every port" : `port ${describeRange(range)}`)).join(", ");
                report(`${r.label} allows inbound ${protocolLabel(r.protocol)} from ${from} to ${what}.`);
            }
        }
    }),
};
