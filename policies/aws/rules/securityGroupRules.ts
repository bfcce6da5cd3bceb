/**
 * Security group rules as AWS reads them, wherever they are written: the inline `ingress`/`egress`
 * entries of a security group, `aws.ec2.SecurityGroupRule`, and `aws.vpc.SecurityGroupIngressRule`
 * / `SecurityGroupEgressRule` — their sources, protocols and ports (AWS port semantics) and
 * descriptions.
 */
import { ALL_PORTS, arr, get, Grant, isWholeInternet, normaliseProtocol, PortRange, portRangeOf, protocolHasPorts, str } from "../../core";
import { GROUP_TYPES, T } from "./types";

/** One security group rule, inline or standalone, as the verdicts need it. */
export interface SgRule {
    /** Where it is written: `ingress[0]` for inline entries, `rule` for standalone resources. */
    where: string;
    direction: "ingress" | "egress";
    /** The object that holds the rule's fields. */
    obj: unknown;
    /** The properties that hold source/destination CIDRs. */
    cidrKeys: readonly string[];
    /** The property that holds the protocol. */
    protocolKey: string;
}

const EC2_CIDR_KEYS = ["cidrBlocks", "ipv6CidrBlocks"];
const VPC_CIDR_KEYS = ["cidrIpv4", "cidrIpv6"];

/**
 * The rules a resource defines: inline `ingress`/`egress` entries of a security group, or the one
 * rule of a `SecurityGroupRule` / `vpc.SecurityGroupIngressRule` / `vpc.SecurityGroupEgressRule`.
 * `directions` limits what is read, so an unknown egress list does not stop an ingress check.
 */
export function rulesOf(type: string, props: Record<string, any>, directions: ReadonlyArray<"ingress" | "egress"> = ["ingress", "egress"]): SgRule[] {
    if (GROUP_TYPES.includes(type)) {
        return directions.flatMap((direction) =>
            arr(props, direction).map((obj, i) => ({ where: `${direction}[${i}]`, direction, obj, cidrKeys: EC2_CIDR_KEYS, protocolKey: "protocol" })),
        );
    }
    if (type === T.securityGroupRule) {
        const direction = str(props, "type");
        if ((direction === "ingress" || direction === "egress") && directions.includes(direction)) {
            return [{ where: "rule", direction, obj: props, cidrKeys: EC2_CIDR_KEYS, protocolKey: "protocol" }];
        }
        return [];
    }
    if (type === T.securityGroupIngressRule || type === T.securityGroupEgressRule) {
        const direction = type === T.securityGroupIngressRule ? "ingress" : "egress";
        return directions.includes(direction) ? [{ where: "rule", direction, obj: props, cidrKeys: VPC_CIDR_KEYS, protocolKey: "ipProtocol" }] : [];
    }
    return [];
}

/** Every source CIDR of a rule as written (the strings of its CIDR properties). */
export function sourcesOf(rule: SgRule): string[] {
    return rule.cidrKeys.flatMap((k) => arr(rule.obj, k)).filter((c): c is string => typeof c === "string");
}

/** A rule's protocol, normalised (`-1` is "all"); undefined when it cannot be read. */
export function protocolOf(rule: SgRule): string | undefined {
    const raw = get(rule.obj, rule.protocolKey);
    return normaliseProtocol(typeof raw === "number" ? String(raw) : raw);
}

/**
 * A rule as a grant for the union checks: its sources, protocol and ports. Ports that cannot be
 * read count as every port (the safe side); a protocol without ports opens none.
 */
export function grantOf(rule: SgRule, where: string = rule.where): Grant {
    const sources = sourcesOf(rule);
    const protocol = protocolOf(rule);
    const ports = portsOf(rule);
    return { where, sources, protocol: ports === undefined ? "all" : protocol, ranges: ports === null ? [] : [ports ?? ALL_PORTS] };
}

/** The CIDRs of a rule that mean "the whole internet" (`0.0.0.0/0`, `::/0`, any `/0`). */
export function internetCidrs(rule: SgRule): string[] {
    return rule.cidrKeys.flatMap((k) => arr(rule.obj, k)).filter((c): c is string => isWholeInternet(c));
}

/**
 * The ports a rule opens, as AWS reads them: protocol `-1`/`all` means every port whatever the
 * port fields say; TCP/UDP/SCTP use `fromPort`/`toPort` (numbers or numeric strings); ICMP and
 * other protocols carry no ports (`null`). `undefined` when the ports cannot be read.
 */
export function portsOf(rule: SgRule): PortRange | null | undefined {
    const rawProtocol = get(rule.obj, rule.protocolKey);
    const protocol = normaliseProtocol(typeof rawProtocol === "number" ? String(rawProtocol) : rawProtocol);
    if (protocol === "all") {
        return ALL_PORTS;
    }
    if (protocol !== undefined && !protocolHasPorts(protocol)) {
        return null;
    }
    const from = get(rule.obj, "fromPort");
    const to = get(rule.obj, "toPort");
    const zero = (v: unknown) => v === 0 || (typeof v === "string" && v.trim() === "0");
    if (zero(from) && zero(to)) {
        // For TCP/UDP, 0-0 is port 0 (only protocol -1 writes "all ports" as 0/0).
        return { from: 0, to: 0 };
    }
    return portRangeOf(from, to);
}

/** A rule's description, trimmed; undefined when missing, empty or not a string. */
export function descriptionOf(obj: unknown): string | undefined {
    const d = str(obj, "description")?.trim();
    return d ? d : undefined;
}
