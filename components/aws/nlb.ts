/**
 * The internal Network Load Balancer that `AwsPrivateLinkService` creates in front of a service
 * when it is not given one: its argument types, their validation and the resources.
 *
 * The graph, per component `name`:
 *
 *   `${name}-sg` (the load balancer's own security group)
 *     → `${name}-ingress-<ipProtocol>-<port>-<source>` per listener port and allowed client source
 *     → `${name}-egress-<ipProtocol>-<port>-<targetCidr>` per target / health check port and target CIDR
 *   `${name}-nlb`
 *     → `${name}-tg-<port>` and `${name}-listener-<port>` per listener
 *     → `${name}-target-<port>-<target>` per registered target
 *
 * Validation takes the typed arguments (a renamed field fails to compile) but trusts none of their
 * values: they may come from YAML, another language or a fuzzer.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import {
    Check,
    childName,
    cidrKey,
    isIpAddress,
    isKnown,
    isPort,
    optional,
    requireEntryKeys,
    requireOneOf,
    requireValid,
    Validator,
    whenResolved,
} from "../core";
import { IngressSource, SECURITY_GROUP_ID, sourceAddress, validateIngressSources, AwsAllowedSourceArgs } from "./securityGroup";
import {
    asSet,
    awsIdCheck,
    booleanCheck,
    checkedList,
    cidrCheck,
    cidrProps,
    integerCheck,
    LOAD_BALANCER_NAME,
    patternCheck,
    requireAutonameFits,
    requireValidValue,
    SECURITY_GROUP_NAME,
    TARGET_GROUP_NAME,
    textCheck,
    validateList,
    validateObjectList,
} from "./validation";

/** The protocol of a listener (or target group) on the Network Load Balancer. */
export enum AwsNlbListenerProtocol {
    /** Plain TCP; the load balancer passes the stream through. */
    Tcp = "TCP",
    /** TLS terminated on the load balancer with an ACM certificate. */
    Tls = "TLS",
    /** UDP. */
    Udp = "UDP",
    /** TCP and UDP on the same port. */
    TcpUdp = "TCP_UDP",
}

/** How the targets of a listener are addressed. */
export enum AwsNlbTargetType {
    /** Targets are IP addresses (pods, tasks, on-premises hosts). */
    Ip = "ip",
    /** Targets are EC2 instance ids. */
    Instance = "instance",
    /** The target is an Application Load Balancer (by ARN); the listener must be TCP. */
    Alb = "alb",
}

/** The protocol of a target group's health check. */
export enum AwsNlbHealthCheckProtocol {
    /** A TCP connect. */
    Tcp = "TCP",
    /** An HTTP request; `path` and `matcher` apply. */
    Http = "HTTP",
    /** An HTTPS request; `path` and `matcher` apply. */
    Https = "HTTPS",
}

/** The IP address type of a created Network Load Balancer. */
export enum AwsNlbIpAddressType {
    /** IPv4 only. */
    Ipv4 = "ipv4",
    /** IPv4 and IPv6; needed to offer the service over IPv6. */
    Dualstack = "dualstack",
}

/** One target registered with a listener's target group. */
export interface AwsPrivateLinkServiceTargetArgs {
    /**
     * The target: an IP address (`ip` targets), an EC2 instance id (`instance` targets) or an
     * Application Load Balancer ARN (`alb` targets). Checked when it resolves if it is an Output.
     */
    id: pulumi.Input<string>;
    /**
     * Names the target's registration (`${name}-target-<listener port>-<key>[-<port>]`), so adding,
     * removing or reordering targets deregisters nothing else. Required when `id` is not known until
     * deployment (`instance.id`, a `StackReference` output); unique per listener and port.
     * @default the target id
     */
    key?: string;
    /**
     * The port the target receives traffic on.
     * @default the listener's `targetPort`
     */
    port?: number;
    /**
     * The availability zone of an `ip` target, or `all` for an address outside the VPC (on
     * premises, a peered VPC). Changing it re-registers the target.
     * @default the zone of the subnet that holds the address
     */
    availabilityZone?: pulumi.Input<string>;
}

/** The health check of a listener's target group. */
export interface AwsPrivateLinkServiceHealthCheckArgs {
    /**
     * The health check protocol.
     * @default TCP, or HTTP for `alb` targets
     */
    protocol?: AwsNlbHealthCheckProtocol;
    /**
     * The port to check. The load balancer's security group allows it outbound.
     * @default the traffic port of each target
     */
    port?: number;
    /**
     * The request path of an HTTP or HTTPS check.
     * @default "/"
     */
    path?: pulumi.Input<string>;
    /**
     * The HTTP status codes that count as healthy, e.g. `200-399`. HTTP and HTTPS checks only.
     * @default "200-399"
     */
    matcher?: pulumi.Input<string>;
    /**
     * Seconds between checks (5–300).
     * @default 30
     */
    interval?: pulumi.Input<number>;
    /**
     * Seconds after which a check fails (2–120).
     * @default 6 for HTTP, 10 for TCP and HTTPS (the AWS defaults for Network Load Balancers)
     */
    timeout?: pulumi.Input<number>;
    /**
     * Consecutive successes before a target is healthy (2–10).
     * @default 3
     */
    healthyThreshold?: pulumi.Input<number>;
    /**
     * Consecutive failures before a target is unhealthy (2–10).
     * @default 3
     */
    unhealthyThreshold?: pulumi.Input<number>;
}

/** A listener of the created Network Load Balancer, with its target group and targets. */
export interface AwsPrivateLinkServiceListenerArgs {
    /** The port consumers connect to. Each listener needs its own port; it names the listener's resources. */
    port: number;
    /**
     * The listener protocol.
     * @default TCP
     */
    protocol?: AwsNlbListenerProtocol;
    /**
     * The port the targets listen on.
     * @default the listener `port`
     */
    targetPort?: number;
    /**
     * The protocol of the target group. It must equal the listener protocol, except that a TLS
     * listener may forward plain TCP to its targets (TLS terminated on the load balancer).
     * @default the listener protocol
     */
    targetProtocol?: AwsNlbListenerProtocol;
    /**
     * How targets are addressed.
     * @default ip
     */
    targetType?: AwsNlbTargetType;
    /**
     * Targets to register. Leave empty when something else registers them (an Auto Scaling group,
     * ECS, the AWS Load Balancer Controller).
     * @default []
     */
    targets?: AwsPrivateLinkServiceTargetArgs[];
    /**
     * The target group's health check.
     * @default TCP on the traffic port (HTTP on "/" for `alb` targets)
     */
    healthCheck?: AwsPrivateLinkServiceHealthCheckArgs;
    /**
     * The ACM certificate of a TLS listener. Required for TLS, not allowed otherwise.
     * @default none
     */
    certificateArn?: pulumi.Input<string>;
    /**
     * The TLS security policy of a TLS listener.
     * @default "ELBSecurityPolicy-TLS13-1-2-2021-06"
     */
    sslPolicy?: pulumi.Input<string>;
    /**
     * Whether the targets receive a proxy protocol v2 header, which carries the consumer's VPC
     * endpoint id (the only way a target can tell PrivateLink consumers apart). Not for `alb` targets.
     * @default false
     */
    proxyProtocolV2?: pulumi.Input<boolean>;
    /**
     * Seconds to drain a deregistered target (0–3600).
     * @default 300
     */
    deregistrationDelay?: pulumi.Input<number>;
}

/** Where the created Network Load Balancer writes access logs (TLS listeners only). */
export interface AwsPrivateLinkServiceAccessLogsArgs {
    /** The S3 bucket; its policy must let the ELB log delivery service write. */
    bucket: pulumi.Input<string>;
    /**
     * The key prefix inside the bucket.
     * @default no prefix
     */
    prefix?: pulumi.Input<string>;
}

/** An internal Network Load Balancer to create in front of the service. */
export interface AwsPrivateLinkServiceLoadBalancerArgs {
    /** The VPC of the load balancer and its target groups. */
    vpcId: pulumi.Input<string>;
    /**
     * The subnets of the load balancer, in at least two availability zones. Consumers can reach the
     * service only in the zones the load balancer is in. Adding a subnet updates the load balancer
     * in place; removing or swapping one replaces it (the provider cannot remove subnets from a
     * Network Load Balancer), and its target groups, listeners and target registrations are replaced
     * with it, while the endpoint service moves to the new load balancer in place.
     */
    subnetIds: pulumi.Input<string>[];
    /** The listeners, one per port; at least one. */
    listeners: AwsPrivateLinkServiceListenerArgs[];
    /**
     * Client CIDRs allowed in on the listener ports by the load balancer's security group, in
     * canonical form; each names its rules. With PrivateLink traffic the source is the consumer
     * client's private address, not the endpoint. `0.0.0.0/0` and `::/0` are rejected. Once any
     * client source is listed, `enforceSecurityGroupInboundRulesOnPrivateLinkTraffic` must be set.
     * @default [] (no client is allowed directly; PrivateLink traffic is governed by allowedPrincipals
     * and acceptance, see enforceSecurityGroupInboundRulesOnPrivateLinkTraffic)
     */
    allowedCidrs?: string[];
    /**
     * Client sources that are not known until deployment (another stack's VPC CIDR, a client
     * security group), each with a key that names its rules. Same rules as `allowedCidrs`.
     * @default []
     */
    allowedSources?: AwsAllowedSourceArgs[];
    /**
     * CIDRs the load balancer may reach its targets in, on the target and health check ports, in
     * canonical form; each names its rules.
     * @default the primary CIDR of the VPC
     */
    targetCidrs?: string[];
    /**
     * Existing security groups to attach besides the dedicated one the component creates.
     * @default []
     */
    securityGroupIds?: pulumi.Input<string>[];
    /**
     * Whether the security groups' inbound rules also filter traffic that arrives through
     * PrivateLink. On: only clients in `allowedCidrs` / `allowedSources` reach the service through
     * PrivateLink, and every other consumer's connections are dropped without an error. Off: every
     * accepted consumer reaches the service, and the client sources govern only traffic from inside
     * the VPC. Required once any client source is listed, because turning it on silently cuts off
     * consumers whose client addresses are not listed; refused as `true` with no source at all.
     * @default false while no client source is listed
     */
    enforceSecurityGroupInboundRulesOnPrivateLinkTraffic?: boolean;
    /**
     * The IP address type of the load balancer; `dualstack` is needed to offer the service over IPv6.
     * @default ipv4
     */
    ipAddressType?: AwsNlbIpAddressType;
    /**
     * Whether the load balancer spreads traffic across zones, so a consumer in one zone still
     * reaches healthy targets in another. It costs inter-AZ data transfer on traffic that crosses
     * zones (AWS bills it like any inter-AZ traffic); the default keeps it on, because a zone
     * without healthy targets would otherwise drop its consumers' connections, and the AWS pack's
     * cross-zone rule expects it.
     * @default true
     */
    crossZoneLoadBalancing?: pulumi.Input<boolean>;
    /**
     * Whether the load balancer is protected from deletion. Turn it on for production services;
     * it must be turned off again before the stack can be destroyed.
     * @default false
     */
    deletionProtection?: pulumi.Input<boolean>;
    /**
     * Access logs of the load balancer.
     * @default no access logs
     */
    accessLogs?: AwsPrivateLinkServiceAccessLogsArgs;
}

/** The security policy TLS listeners get unless told otherwise: TLS 1.3 and 1.2 only. */
export const DEFAULT_TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

const ALB_ARN = /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:loadbalancer\/app\/[^/]+\/[^/]+$/;
const VPC_ID = awsIdCheck("vpc");
const SUBNET_ID = awsIdCheck("subnet");
const PORT_FIX = "use a whole number from 1 to 65535";

/** One listener as the component builds it: defaults applied, targets keyed. */
interface ListenerPlan {
    field: string;
    args: AwsPrivateLinkServiceListenerArgs;
    port: number;
    protocol: AwsNlbListenerProtocol;
    targetProtocol: AwsNlbListenerProtocol;
    targetType: AwsNlbTargetType;
    targetPort: number;
    healthProtocol: AwsNlbHealthCheckProtocol;
    targets: Array<{ key: string; field: string; target: AwsPrivateLinkServiceTargetArgs }>;
}

/** The validated load balancer: what {@link createNetworkLoadBalancer} builds. */
export interface NetworkLoadBalancerPlan {
    args: AwsPrivateLinkServiceLoadBalancerArgs;
    listeners: ListenerPlan[];
    sources: IngressSource[];
    targetCidrs?: Array<{ key: string; cidr: string }>;
    enforce: boolean;
}

/**
 * Validates the arguments of a created Network Load Balancer (under `loadBalancer.`) and returns
 * what to build. `name` is the component's name, which the load balancer's and target groups'
 * physical names are derived from.
 */
export function validateNetworkLoadBalancer(v: Validator, name: string, lb: AwsPrivateLinkServiceLoadBalancerArgs): NetworkLoadBalancerPlan {
    const f = (field: string) => `loadBalancer.${field}`;
    if (typeof lb !== "object" || lb === null || Array.isArray(lb) || !isKnown(lb)) {
        v.fail("loadBalancer", isKnown(lb) ? lb : "<output>", "which is not an object", "pass { vpcId, subnetIds: [a, b], listeners: [{ port: 443, targets: [...] }] }");
    }
    requireValidValue(v, f("vpcId"), lb.vpcId, VPC_ID, "give the id of the VPC the load balancer and its targets are in");

    validateList(v, f("subnetIds"), lb.subnetIds, SUBNET_ID, { required: true, fix: "list subnets in at least two availability zones" });
    if (lb.subnetIds.length < 2) {
        v.fail(
            f("subnetIds"),
            lb.subnetIds,
            "but a PrivateLink service needs at least two availability zones",
            "list one subnet in each of at least two zones, so consumers in every zone can connect",
        );
    }
    requireDistinct(v, f("subnetIds"), lb.subnetIds);

    const ports = new Map<number, number>();
    const listeners = validateObjectList<AwsPrivateLinkServiceListenerArgs>(
        v,
        f("listeners"),
        lb.listeners,
        (l, at, i) => {
            validateListener(v, at, l);
            if (ports.has(l.port)) {
                v.fail(`${at}.port`, l.port, `which repeats ${f("listeners")}[${ports.get(l.port)}].port`, "give each listener its own port (use TCP_UDP for TCP and UDP on one port)");
            }
            ports.set(l.port, i);
        },
        { required: true, nonEmpty: true, fix: "list the ports to publish, e.g. [{ port: 443 }]" },
    ).map((l, i) => planListener(v, `${f("listeners")}[${i}]`, l));

    const sources = validateIngressSources(
        v,
        { cidrs: f("allowedCidrs"), sources: f("allowedSources") },
        { cidrs: lb.allowedCidrs, sources: lb.allowedSources },
    );

    let targetCidrs: Array<{ key: string; cidr: string }> | undefined;
    if (lb.targetCidrs !== undefined) {
        const check = cidrCheck({ problem: "which lets the load balancer reach the whole internet", fix: "list the CIDRs the targets are in, e.g. the VPC CIDR" });
        validateList(v, f("targetCidrs"), lb.targetCidrs, check, { nonEmpty: true, fix: "leave it out to use the VPC CIDR, or list the CIDRs the targets are in" });
        lb.targetCidrs.forEach((c, i) => {
            if (!isKnown(c)) {
                v.fail(`${f("targetCidrs")}[${i}]`, "<output>", "which is not known until deployment, so it cannot name its rules", "pass the CIDR as plain text, or leave targetCidrs out for the VPC CIDR");
            }
        });
        const keys = requireEntryKeys(v, f("targetCidrs"), lb.targetCidrs.map((value) => ({ value })), { form: cidrKey, duplicateFix: "list each CIDR once" });
        targetCidrs = lb.targetCidrs.map((cidr, i) => ({ key: keys[i], cidr }));
    }

    validateList(v, f("securityGroupIds"), lb.securityGroupIds, SECURITY_GROUP_ID);
    requireDistinct(v, f("securityGroupIds"), lb.securityGroupIds ?? []);

    const enforceField = f("enforceSecurityGroupInboundRulesOnPrivateLinkTraffic");
    const enforce = lb.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic;
    if (enforce !== undefined && typeof enforce !== "boolean") {
        v.fail(enforceField, isKnown(enforce) ? enforce : "<output>", "which is not a plain true or false", `pass true or false for ${enforceField}`);
    }
    if (enforce === undefined && sources.length > 0) {
        v.fail(
            enforceField,
            undefined,
            "but client sources are listed, and whether they also filter PrivateLink traffic is a choice with consequences",
            "set it to true to admit through PrivateLink only the listed clients (every other consumer is cut off silently), or to false to let every accepted consumer in and apply the list to traffic from inside the VPC only",
        );
    }
    if (enforce === true && sources.length === 0 && (lb.securityGroupIds ?? []).length === 0) {
        v.fail(
            enforceField,
            true,
            "but no inbound rule allows any client, so every PrivateLink connection would be dropped silently",
            "list the consumer client CIDRs in loadBalancer.allowedCidrs, or leave enforcement off",
        );
    }
    requireOneOf(v, f("ipAddressType"), lb.ipAddressType, Object.values(AwsNlbIpAddressType), { mustBeKnown: true });
    requireValid(v, f("crossZoneLoadBalancing"), lb.crossZoneLoadBalancing, optional(booleanCheck));
    requireValid(v, f("deletionProtection"), lb.deletionProtection, optional(booleanCheck));
    if (lb.accessLogs !== undefined) {
        const logs = lb.accessLogs;
        if (typeof logs !== "object" || logs === null || Array.isArray(logs) || !isKnown(logs)) {
            v.fail(f("accessLogs"), isKnown(logs) ? logs : "<output>", "which is not an object", "pass { bucket: bucket.id }");
        }
        requireValidValue(v, f("accessLogs.bucket"), logs.bucket, textCheck("an S3 bucket name"), "give the S3 bucket for the logs");
        requireValid(v, f("accessLogs.prefix"), logs.prefix, optional(stringCheck('a key prefix such as "nlb/"')));
    }

    // Pulumi names these children after their logical names; AWS limits the names.
    requireAutonameFits(v, name, childName(name, "nlb"), LOAD_BALANCER_NAME);
    requireAutonameFits(v, name, childName(name, "sg"), SECURITY_GROUP_NAME);
    for (const l of listeners) {
        requireAutonameFits(v, name, childName(name, "tg", l.port), TARGET_GROUP_NAME);
    }
    return { args: lb, listeners, sources, targetCidrs, enforce: enforce === true };
}

/** Validates one listener and its targets and health check. */
function validateListener(v: Validator, field: string, l: AwsPrivateLinkServiceListenerArgs): void {
    if (!isPort(l.port)) {
        v.fail(`${field}.port`, l.port, "which is not a port", PORT_FIX);
    }
    requireOneOf(v, `${field}.protocol`, l.protocol, Object.values(AwsNlbListenerProtocol), { mustBeKnown: true });
    requireOneOf(v, `${field}.targetProtocol`, l.targetProtocol, Object.values(AwsNlbListenerProtocol), { mustBeKnown: true });
    requireOneOf(v, `${field}.targetType`, l.targetType, Object.values(AwsNlbTargetType), { mustBeKnown: true });
    if (l.targetPort !== undefined && !isPort(l.targetPort)) {
        v.fail(`${field}.targetPort`, l.targetPort, "which is not a port", `${PORT_FIX}, or leave it out to use the listener port`);
    }
    const protocol = l.protocol ?? AwsNlbListenerProtocol.Tcp;
    const targetProtocol = l.targetProtocol ?? protocol;
    const targetType = l.targetType ?? AwsNlbTargetType.Ip;
    if (targetProtocol !== protocol && !(protocol === AwsNlbListenerProtocol.Tls && targetProtocol === AwsNlbListenerProtocol.Tcp)) {
        v.fail(`${field}.targetProtocol`, targetProtocol, `which does not fit a ${protocol} listener`, `use ${protocol} (or TCP behind a TLS listener that terminates TLS)`);
    }
    if (protocol === AwsNlbListenerProtocol.Tls) {
        requireValidValue(v, `${field}.certificateArn`, l.certificateArn, textCheck("an ACM certificate ARN"), "give the ACM certificate ARN for the TLS listener");
        requireValid(v, `${field}.sslPolicy`, l.sslPolicy, optional(textCheck(`an ELB security policy name, e.g. "${DEFAULT_TLS_POLICY}"`)));
    } else {
        for (const [key, value] of [["certificateArn", l.certificateArn], ["sslPolicy", l.sslPolicy]] as const) {
            if (value !== undefined) {
                v.fail(`${field}.${key}`, isKnown(value) ? value : "<output>", `but the listener protocol is ${protocol}`, "remove it, or set protocol to TLS");
            }
        }
    }
    if (targetType === AwsNlbTargetType.Alb) {
        if (protocol !== AwsNlbListenerProtocol.Tcp) {
            v.fail(`${field}.protocol`, protocol, "but an Application Load Balancer target needs a TCP listener", "set protocol to TCP (the ALB terminates TLS itself)");
        }
        if (l.proxyProtocolV2 !== undefined && l.proxyProtocolV2 !== false) {
            v.fail(`${field}.proxyProtocolV2`, isKnown(l.proxyProtocolV2) ? l.proxyProtocolV2 : "<output>", "but Application Load Balancers do not accept proxy protocol", "remove proxyProtocolV2");
        }
    }
    requireValid(v, `${field}.proxyProtocolV2`, l.proxyProtocolV2, optional(booleanCheck));
    requireValid(v, `${field}.deregistrationDelay`, l.deregistrationDelay, optional(integerCheck(0, 3600)));

    const idCheck = targetIdCheck(targetType);
    validateObjectList<AwsPrivateLinkServiceTargetArgs>(v, `${field}.targets`, l.targets, (t, tf) => {
        requireValidValue(v, `${tf}.id`, t.id, idCheck, "give the target's IP address, instance id or ALB ARN");
        if (t.port !== undefined && !isPort(t.port)) {
            v.fail(`${tf}.port`, t.port, "which is not a port", `${PORT_FIX}, or leave it out for the target port`);
        }
        requireValid(v, `${tf}.availabilityZone`, t.availabilityZone, optional(textCheck('an availability zone name, or "all"')));
        if (t.key !== undefined && typeof t.key !== "string") {
            v.fail(`${tf}.key`, isKnown(t.key) ? t.key : "<output>", "which is not plain text", 'name the target with plain text, e.g. "web-1"');
        }
    });

    if (l.healthCheck !== undefined) {
        const hf = `${field}.healthCheck`;
        const hc = l.healthCheck;
        if (typeof hc !== "object" || hc === null || Array.isArray(hc) || !isKnown(hc)) {
            v.fail(hf, isKnown(hc) ? hc : "<output>", "which is not an object", 'pass { protocol: "HTTP", path: "/healthz" }');
        }
        requireOneOf(v, `${hf}.protocol`, hc.protocol, Object.values(AwsNlbHealthCheckProtocol), { mustBeKnown: true });
        const hcProtocol = hc.protocol ?? defaultHealthCheckProtocol(targetType);
        if (targetType === AwsNlbTargetType.Alb && hcProtocol === AwsNlbHealthCheckProtocol.Tcp) {
            v.fail(`${hf}.protocol`, hcProtocol, "but Application Load Balancer targets are checked over HTTP or HTTPS", "use HTTP or HTTPS");
        }
        if (hc.port !== undefined && !isPort(hc.port)) {
            v.fail(`${hf}.port`, hc.port, "which is not a port", `${PORT_FIX}, or leave it out for the traffic port`);
        }
        const isHttp = hcProtocol !== AwsNlbHealthCheckProtocol.Tcp;
        for (const [key, value] of [["path", hc.path], ["matcher", hc.matcher]] as const) {
            if (value !== undefined && !isHttp) {
                v.fail(`${hf}.${key}`, isKnown(value) ? value : "<output>", "but a TCP health check has no HTTP request", "remove it, or set the health check protocol to HTTP or HTTPS");
            }
        }
        requireValid(v, `${hf}.path`, hc.path, optional(HEALTH_PATH));
        requireValid(v, `${hf}.matcher`, hc.matcher, optional(textCheck('status codes such as "200-399"')));
        requireValid(v, `${hf}.interval`, hc.interval, optional(integerCheck(5, 300)));
        requireValid(v, `${hf}.timeout`, hc.timeout, optional(integerCheck(2, 120)));
        requireValid(v, `${hf}.healthyThreshold`, hc.healthyThreshold, optional(integerCheck(2, 10)));
        requireValid(v, `${hf}.unhealthyThreshold`, hc.unhealthyThreshold, optional(integerCheck(2, 10)));
    }
}

/** A listener with its defaults and the keys of its targets. */
function planListener(v: Validator, field: string, l: AwsPrivateLinkServiceListenerArgs): ListenerPlan {
    const protocol = l.protocol ?? AwsNlbListenerProtocol.Tcp;
    const targetType = l.targetType ?? AwsNlbTargetType.Ip;
    const targets = l.targets ?? [];
    // A target is named by its id (or key) and, when it has one, its own port: the same instance
    // may be registered on two ports, but not twice on one.
    const keys = requireEntryKeys(
        v,
        `${field}.targets`,
        targets.map((t) => ({ value: t.id, key: t.key, suffix: t.port === undefined ? undefined : String(t.port) })),
        { valueField: "id", keyField: "key", duplicateFix: "register each target and port once" },
    );
    return {
        field,
        args: l,
        port: l.port,
        protocol,
        targetProtocol: l.targetProtocol ?? protocol,
        targetType,
        targetPort: l.targetPort ?? l.port,
        healthProtocol: l.healthCheck?.protocol ?? defaultHealthCheckProtocol(targetType),
        targets: targets.map((target, i) => ({ key: keys[i], field: `${field}.targets[${i}]`, target })),
    };
}


/** A check for any string, empty allowed (a key prefix). */
function stringCheck(what: string): Check {
    return (value) => (typeof value === "string" ? undefined : { problem: "which is not a string", fix: `use ${what}` });
}

const HEALTH_PATH: Check = (value) =>
    typeof value !== "string" || value.trim() === ""
        ? { problem: "which is not a non-empty string", fix: 'use a path such as "/healthz"' }
        : !value.startsWith("/")
          ? { problem: "which does not start with /", fix: 'write an absolute path, e.g. "/healthz"' }
          : undefined;

/** The check of a target id for a target type. */
function targetIdCheck(targetType: AwsNlbTargetType): Check {
    switch (targetType) {
        case AwsNlbTargetType.Instance:
            return awsIdCheck("i");
        case AwsNlbTargetType.Alb:
            return patternCheck(ALB_ARN, "an Application Load Balancer ARN", "the ALB's arn");
        default:
            return (value) =>
                typeof value === "string" && isIpAddress(value)
                    ? undefined
                    : { problem: "which is not an IP address", fix: 'use the target\'s private address, e.g. "10.0.1.10", or set targetType' };
    }
}

/** Throws if a known entry repeats in a list of ids. */
function requireDistinct(v: Validator, field: string, list: readonly unknown[]): void {
    const seen = new Map<unknown, number>();
    list.forEach((entry, i) => {
        if (!isKnown(entry)) {
            return;
        }
        if (seen.has(entry)) {
            v.fail(`${field}[${i}]`, entry, `which repeats ${field}[${seen.get(entry)}]`, "list each value once");
        }
        seen.set(entry, i);
    });
}

function defaultHealthCheckProtocol(targetType: AwsNlbTargetType): AwsNlbHealthCheckProtocol {
    // An ALB target group cannot be checked with a bare TCP connect: AWS requires HTTP(S).
    return targetType === AwsNlbTargetType.Alb ? AwsNlbHealthCheckProtocol.Http : AwsNlbHealthCheckProtocol.Tcp;
}

/** The AWS default health check timeout of a Network Load Balancer target group, per protocol. */
function defaultHealthCheckTimeout(protocol: AwsNlbHealthCheckProtocol): number {
    return protocol === AwsNlbHealthCheckProtocol.Http ? 6 : 10;
}

/** The IP protocols (security group terms) a listener protocol carries. */
function ipProtocolsOf(protocol: AwsNlbListenerProtocol): string[] {
    switch (protocol) {
        case AwsNlbListenerProtocol.Udp:
            return ["udp"];
        case AwsNlbListenerProtocol.TcpUdp:
            return ["tcp", "udp"];
        default:
            return ["tcp"];
    }
}

/**
 * The egress the load balancer needs per listener: the target protocol on every port a target
 * receives traffic on, and TCP on every health check port. Health checks are TCP, HTTP or HTTPS
 * even for UDP targets, so a UDP listener still needs TCP egress, on the health check port or, by
 * default, on each target's own traffic port.
 */
function egressOf(listeners: readonly ListenerPlan[]): Array<{ ipProtocol: string; port: number; why: string }> {
    const egress = new Map<string, { ipProtocol: string; port: number; why: string }>();
    const add = (ipProtocol: string, port: number, why: string) => {
        const key = `${ipProtocol}-${port}`;
        if (!egress.has(key)) {
            egress.set(key, { ipProtocol, port, why });
        }
    };
    for (const l of listeners) {
        const trafficPorts = [l.targetPort, ...l.targets.map((t) => t.target.port).filter((p): p is number => p !== undefined)];
        for (const ipProtocol of ipProtocolsOf(l.targetProtocol)) {
            for (const port of trafficPorts) {
                add(ipProtocol, port, "targets");
            }
        }
        const hcPort = l.args.healthCheck?.port;
        for (const port of hcPort !== undefined ? [hcPort] : trafficPorts) {
            add("tcp", port, "health checks");
        }
    }
    return [...egress.values()];
}

/** What {@link createNetworkLoadBalancer} returns. */
export interface NetworkLoadBalancerResources {
    loadBalancer: aws.lb.LoadBalancer;
    securityGroup: aws.ec2.SecurityGroup;
}

/**
 * Creates the internal NLB with its dedicated security group, a target group and listener per
 * port, and the target registrations, from a plan of {@link validateNetworkLoadBalancer}.
 */
export function createNetworkLoadBalancer(v: Validator, name: string, plan: NetworkLoadBalancerPlan, tags: Record<string, string>, parent: pulumi.Resource): NetworkLoadBalancerResources {
    const lb = plan.args;
    const vpcId = whenResolved(v, "loadBalancer.vpcId", lb.vpcId, VPC_ID);
    // A security group can only be attached to an NLB when it is created, never later, so the
    // component always creates one. Without client sources it admits nobody directly: traffic
    // from PrivateLink is then governed by allowed principals and acceptance alone.
    const sgName = childName(name, "sg");
    const sg = new aws.ec2.SecurityGroup(
        sgName,
        {
            vpcId,
            description: "PrivateLink service NLB - ingress from allowed client CIDRs on listener ports, egress to targets only",
            tags: { ...tags, Name: sgName },
        },
        { parent },
    );

    for (const source of plan.sources) {
        const { address } = sourceAddress(v, source);
        for (const l of plan.listeners) {
            for (const ipProtocol of ipProtocolsOf(l.protocol)) {
                new aws.vpc.SecurityGroupIngressRule(
                    childName(name, "ingress", ipProtocol, l.port, source.key),
                    {
                        securityGroupId: sg.id,
                        description: `PrivateLink clients to listener ${ipProtocol}/${l.port}`,
                        ipProtocol,
                        fromPort: l.port,
                        toPort: l.port,
                        ...address,
                        tags,
                    },
                    { parent },
                );
            }
        }
    }

    const targetCidrs: Array<{ key: string; cidr: pulumi.Input<string> }> =
        plan.targetCidrs ?? [{ key: "vpc", cidr: aws.ec2.getVpcOutput({ id: vpcId }, { parent }).cidrBlock }];
    for (const { key, cidr } of targetCidrs) {
        for (const rule of egressOf(plan.listeners)) {
            new aws.vpc.SecurityGroupEgressRule(
                childName(name, "egress", rule.ipProtocol, rule.port, key),
                {
                    securityGroupId: sg.id,
                    description: `NLB to ${rule.why} ${rule.ipProtocol}/${rule.port}`,
                    ipProtocol: rule.ipProtocol,
                    fromPort: rule.port,
                    toPort: rule.port,
                    ...cidrProps(cidr),
                    tags,
                },
                { parent },
            );
        }
    }

    const nlb = new aws.lb.LoadBalancer(
        childName(name, "nlb"),
        {
            loadBalancerType: "network",
            // PrivateLink needs no public address; an internal NLB is reachable only from the
            // VPC and through the endpoint service.
            internal: true,
            subnets: asSet(checkedList(v, "loadBalancer.subnetIds", lb.subnetIds, SUBNET_ID)),
            ipAddressType: lb.ipAddressType ?? AwsNlbIpAddressType.Ipv4,
            enableCrossZoneLoadBalancing: whenResolved(v, "loadBalancer.crossZoneLoadBalancing", lb.crossZoneLoadBalancing ?? true, booleanCheck),
            enableDeletionProtection: whenResolved(v, "loadBalancer.deletionProtection", lb.deletionProtection ?? false, booleanCheck),
            securityGroups: [sg.id, ...asSet(checkedList(v, "loadBalancer.securityGroupIds", lb.securityGroupIds ?? [], SECURITY_GROUP_ID))],
            // Always explicit: the setting is computed by the provider, so leaving it out would keep
            // whatever it was.
            enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: plan.enforce ? "on" : "off",
            // Explicitly off when not asked for, so removing access logs turns them off.
            accessLogs: lb.accessLogs
                ? {
                      bucket: whenResolved(v, "loadBalancer.accessLogs.bucket", lb.accessLogs.bucket, textCheck("an S3 bucket name")),
                      // Checked again when an Output resolves: anything but a string (a list, a
                      // number) would reach the provider as written. Resolved to nothing, it is "".
                      prefix:
                          lb.accessLogs.prefix === undefined || isKnown(lb.accessLogs.prefix)
                              ? (lb.accessLogs.prefix ?? "")
                              : pulumi
                                    .output(whenResolved(v, "loadBalancer.accessLogs.prefix", lb.accessLogs.prefix, optional(stringCheck('a key prefix such as "nlb/"'))))
                                    .apply((prefix) => prefix ?? ""),
                      enabled: true,
                  }
                : { bucket: "", enabled: false },
            tags,
        },
        { parent },
    );

    for (const l of plan.listeners) {
        const hc = l.args.healthCheck;
        const http = l.healthProtocol !== AwsNlbHealthCheckProtocol.Tcp;
        const isAlb = l.targetType === AwsNlbTargetType.Alb;
        const hf = `${l.field}.healthCheck`;
        const tg = new aws.lb.TargetGroup(
            childName(name, "tg", l.port),
            {
                vpcId,
                port: l.targetPort,
                protocol: l.targetProtocol,
                targetType: l.targetType,
                // ALB target groups reject these attributes, so they are only sent for ip/instance targets.
                proxyProtocolV2: isAlb ? undefined : whenResolved(v, `${l.field}.proxyProtocolV2`, l.args.proxyProtocolV2 ?? false, booleanCheck),
                deregistrationDelay: whenResolved(v, `${l.field}.deregistrationDelay`, l.args.deregistrationDelay ?? 300, integerCheck(0, 3600)),
                // Every setting explicit, so removing one from the arguments restores its default.
                healthCheck: {
                    enabled: true,
                    protocol: l.healthProtocol,
                    port: hc?.port !== undefined ? String(hc.port) : "traffic-port",
                    path: http ? whenResolved(v, `${hf}.path`, hc?.path ?? "/", HEALTH_PATH) : undefined,
                    matcher: http ? whenResolved(v, `${hf}.matcher`, hc?.matcher ?? "200-399", textCheck('status codes such as "200-399"')) : undefined,
                    interval: whenResolved(v, `${hf}.interval`, hc?.interval ?? 30, integerCheck(5, 300)),
                    timeout: whenResolved(v, `${hf}.timeout`, hc?.timeout ?? defaultHealthCheckTimeout(l.healthProtocol), integerCheck(2, 120)),
                    healthyThreshold: whenResolved(v, `${hf}.healthyThreshold`, hc?.healthyThreshold ?? 3, integerCheck(2, 10)),
                    unhealthyThreshold: whenResolved(v, `${hf}.unhealthyThreshold`, hc?.unhealthyThreshold ?? 3, integerCheck(2, 10)),
                },
                tags,
            },
            {
                parent,
                // A Network Load Balancer target group serves one load balancer. When the load
                // balancer is replaced (the provider replaces it when a subnet is removed), the new
                // listener could not forward to a group the old load balancer still holds
                // (TargetGroupAssociationLimit), so the group is replaced with it.
                replaceWith: [nlb],
            },
        );
        const tls = l.protocol === AwsNlbListenerProtocol.Tls;
        new aws.lb.Listener(
            childName(name, "listener", l.port),
            {
                loadBalancerArn: nlb.arn,
                port: l.port,
                protocol: l.protocol,
                certificateArn: tls ? whenResolved(v, `${l.field}.certificateArn`, l.args.certificateArn!, textCheck("an ACM certificate ARN")) : undefined,
                sslPolicy: tls ? whenResolved(v, `${l.field}.sslPolicy`, l.args.sslPolicy ?? DEFAULT_TLS_POLICY, textCheck("an ELB security policy name")) : undefined,
                defaultActions: [{ type: "forward", targetGroupArn: tg.arn }],
                tags,
            },
            { parent },
        );
        const idCheck = targetIdCheck(l.targetType);
        for (const { key, field, target } of l.targets) {
            new aws.lb.TargetGroupAttachment(
                childName(name, "target", l.port, key),
                {
                    targetGroupArn: tg.arn,
                    targetId: whenResolved(v, `${field}.id`, target.id, idCheck),
                    port: target.port,
                    availabilityZone: target.availabilityZone === undefined ? undefined : whenResolved(v, `${field}.availabilityZone`, target.availabilityZone, textCheck('an availability zone name, or "all"')),
                },
                { parent },
            );
        }
    }

    return { loadBalancer: nlb, securityGroup: sg };
}
