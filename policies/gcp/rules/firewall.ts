/**
 * Rules for firewall rules: `gcp.compute.Firewall` (VPC firewall rules) and the firewall-policy
 * rule resources (`FirewallPolicyRule`, `NetworkFirewallPolicyRule`,
 * `RegionNetworkFirewallPolicyRule`), which express the same thing as `match.srcIpRanges` and
 * `match.layer4Configs`.
 */
import { ResourceValidationPolicy } from "@pulumi/policy";
import {
    bool,
    broadSourceLimits,
    broadSources,
    broadSourceSchema,
    coversInternet,
    DEFAULT_SENSITIVE_PORTS,
    describeRange,
    forTypes,
    framework,
    internetThresholdOf,
    internetThresholdSchema,
    isAllPorts,
    isInternetSource,
    sensitiveExposure,
    sensitivePortsOf,
    sensitivePortsSchema,
    str,
    UnknownParts,
} from "../../core";
import { displayName, entriesOf, FIREWALL_TYPES, firewallSources, isEnabledIngressAllow, T } from "./util";

/**
 * The default sensitive ports of the GCP pack: the shared list plus FTP (20, 21), which Checkov
 * checks separately on GCP (CKV_GCP_75/77).
 */
export const GCP_SENSITIVE_PORTS = [20, 21, ...DEFAULT_SENSITIVE_PORTS].sort((a, b) => a - b);

/** No ingress from the whole internet to SSH, RDP, databases and other sensitive ports. */
export const firewallNoPublicSensitivePorts: ResourceValidationPolicy = {
    name: "firewall-no-public-sensitive-ports",
    description:
        "Checks whether enabled ingress firewall rules allow traffic from 0.0.0.0/0 or ::/0 (also ranges that together cover either, and the 0.0.0.0/0 the API applies to a rule without sources or with sourceRanges [\"\"]) to a sensitive port on its protocols (SSH, RDP, FTP, databases; configurable). Direction defaults to INGRESS; a missing port list means every port; ports that cannot be read are reported.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: framework(
        "CIS Google Cloud Platform Foundation Benchmark",
        "3.6, 3.7",
        "Ensure that SSH (3.6) and RDP (3.7) access is restricted from the internet. Also Checkov CKV_GCP_2/3/75/77/88, CKV2_GCP_12; SCC OPEN_SSH_PORT, OPEN_RDP_PORT, OPEN_MYSQL_PORT, OPEN_POSTGRESQL_PORT; Trivy AVD-GCP-0070/0071; Forseti restrict_fw_rules_ssh_world_open / rdp_world_open.",
    ),
    url: "https://cloud.google.com/security-command-center/docs/concepts-vulnerabilities-findings",
    remediationSteps:
        "Replace 0.0.0.0/0 and ::/0 in sourceRanges with the ranges that need access: for a Private Service Connect producer, the NAT subnet CIDRs and the health-check ranges 35.191.0.0/16 and 130.211.0.0/22. Reach VMs for administration through IAP TCP forwarding (35.235.240.0/20) instead of the internet.",
    configSchema: {
        properties: {
            sensitivePorts: sensitivePortsSchema("Ports that must never be reachable from the whole internet.", GCP_SENSITIVE_PORTS),
            ...internetThresholdSchema(),
        },
    },
    validateResource: forTypes(FIREWALL_TYPES, (props, args, report) => {
        const sensitive = sensitivePortsOf(args, GCP_SENSITIVE_PORTS);
        if (!isEnabledIngressAllow(args.type, props)) {
            return;
        }
        const sources = firewallSources(args.type, props);
        if (!coversInternet(sources.ranges, internetThresholdOf(args))) {
            return;
        }
        const words = sources.ranges.filter(isInternetSource);
        const open = `${(words.length > 0 ? words : sources.ranges).join(", ")}${sources.defaulted ? ` (${sources.defaulted})` : ""}`;
        const name = displayName(props, args.name);
        // Each allow entry on its own: an unknown value in one hides nothing about the others.
        const parts = new UnknownParts();
        const exposed = new Set<number>();
        const where: string[] = [];
        const unreadable: string[] = [];
        for (const entry of entriesOf(args.type, props, parts)) {
            if (entry.unreadable.length > 0) {
                unreadable.push(`${entry.protocol} ${entry.unreadable.map((u) => JSON.stringify(u)).join(", ")}`);
            }
            const exposure = sensitiveExposure(entry.protocol, entry.ranges, sensitive);
            exposure.ports.forEach((p) => exposed.add(p));
            exposure.ranges.forEach((range) => where.push(`${entry.protocol} ${describeRange(range)}`));
        }
        if (exposed.size > 0) {
            const ports = [...exposed].sort((a, b) => a - b).join(", ");
            report(`firewall rule "${name}" allows ingress from ${open} to sensitive port${exposed.size > 1 ? "s" : ""} ${ports} (${where.join("; ")}).`);
        }
        if (unreadable.length > 0) {
            report(`firewall rule "${name}" allows ingress from ${open} on ports that cannot be read (${unreadable.join("; ")}); write ports as GCP does ("22", "8000-8100").`);
        }
        parts.finish();
    }),
};

/** Ingress allow entries name their ports instead of opening every port. */
export const firewallNoAllPortsIngress: ResourceValidationPolicy = {
    name: "firewall-no-all-ports-ingress",
    description:
        "Checks whether enabled ingress firewall rules allow every port (protocol all, or tcp/udp/sctp without ports or with 0-65535) from any source.",
    enforcementLevel: "advisory",
    severity: "medium",
    framework: framework(
        "Trivy",
        "AVD-GCP-0072",
        "google-compute-disable-allow-all-ports: firewall rules should not allow all ports. Also KICS 22ef1d26-80f8-4a6c-8c15-f35aab3cac78; Forseti restrict_fw_rules_world_open_tcp_udp_all_ports.",
    ),
    url: "https://github.com/aquasecurity/trivy-checks/tree/main/checks/cloud/google/compute",
    remediationSteps:
        "List the service ports in allows[].ports (e.g. the load balancer's ports for a producer behind a service attachment) instead of protocol all or an empty port list.",
    validateResource: forTypes(FIREWALL_TYPES, (props, args, report) => {
        if (!isEnabledIngressAllow(args.type, props)) {
            return;
        }
        const parts = new UnknownParts();
        const wide = entriesOf(args.type, props, parts).filter((e) => e.ranges.some(isAllPorts)).map((e) => e.protocol);
        if (wide.length > 0) {
            report(`firewall rule "${displayName(props, args.name)}" allows ingress on all ports (${[...new Set(wide)].join(", ")}); list the ports the service needs.`);
        }
        parts.finish();
    }),
};

const LOG_METADATA = ["INCLUDE_ALL_METADATA", "EXCLUDE_ALL_METADATA"];

/** Firewall rules log the connections they match. */
export const firewallLoggingEnabled: ResourceValidationPolicy = {
    name: "firewall-logging-enabled",
    description:
        "Checks whether firewall rules log the connections they match: logConfig.metadata is INCLUDE_ALL_METADATA or EXCLUDE_ALL_METADATA (the deprecated enableLogging: true also counts); firewall-policy rules need enableLogging: true.",
    enforcementLevel: "advisory",
    severity: "low",
    framework: framework(
        "Security Command Center (Security Health Analytics)",
        "FIREWALL_RULE_LOGGING_DISABLED",
        "Firewall rule logging is disabled. Also Forseti GCPNetworkEnableFirewallLogsConstraintV1.",
    ),
    url: "https://cloud.google.com/security-command-center/docs/concepts-vulnerabilities-findings",
    remediationSteps:
        'Set logConfig: { metadata: "INCLUDE_ALL_METADATA" } on the firewall rule (or EXCLUDE_ALL_METADATA to reduce log volume); on firewall-policy rules set enableLogging: true.',
    validateResource: forTypes(FIREWALL_TYPES, (props, args, report) => {
        const name = displayName(props, args.name);
        if (args.type !== T.firewall) {
            if (bool(props, "enableLogging") !== true) {
                report(`firewall policy rule "${name}" does not log; set enableLogging to true.`);
            }
            return;
        }
        const metadata = str(props, "logConfig.metadata");
        if (metadata !== undefined && LOG_METADATA.includes(metadata)) {
            return;
        }
        if (metadata === undefined && bool(props, "enableLogging") === true) {
            return;
        }
        report(
            metadata === undefined
                ? `firewall rule "${name}" does not log; set logConfig.metadata to INCLUDE_ALL_METADATA.`
                : `firewall rule "${name}" has logConfig.metadata "${metadata}"; use INCLUDE_ALL_METADATA or EXCLUDE_ALL_METADATA.`,
        );
    }),
};

/**
 * Advisory: any single source range of an enabled ingress rule broader than a prefix length, public
 * or not (`0.0.0.0/1` is half of the internet). Defaults count: a rule with no sources is 0.0.0.0/0.
 */
export const firewallNoBroadSourceRanges: ResourceValidationPolicy = {
    name: "firewall-no-broad-source-ranges",
    description:
        "Checks whether any single source range of an enabled ingress firewall rule (sourceRanges, as the API applies them, or match.srcIpRanges) is broader than minimumPrefixLength (IPv4, default /8) or minimumIpv6PrefixLength (default /32).",
    enforcementLevel: "advisory",
    severity: "medium",
    framework: framework("Trivy", "AVD-GCP-0027", "google-compute-no-public-ingress: firewall rules should not allow ingress from broad public ranges"),
    url: "https://cloud.google.com/firewall/docs/firewalls#sources-for-rules",
    remediationSteps: "Narrow sourceRanges to the networks that need access (for a PSC producer: the NAT subnet CIDRs and the health-check ranges), or use sourceTags / sourceServiceAccounts.",
    configSchema: { properties: broadSourceSchema() },
    validateResource: forTypes(FIREWALL_TYPES, (props, args, report) => {
        if (!isEnabledIngressAllow(args.type, props)) {
            return;
        }
        const limits = broadSourceLimits(args);
        const sources = firewallSources(args.type, props);
        const broad = broadSources(sources.ranges, limits);
        if (broad.length > 0) {
            report(
                `firewall rule "${displayName(props, args.name)}" allows ingress from ${broad.join(", ")}${sources.defaulted ? ` (${sources.defaulted})` : ""}, broader than /${limits.ipv4} (IPv4) or /${limits.ipv6} (IPv6); narrow the sources.`,
            );
        }
    }),
};
