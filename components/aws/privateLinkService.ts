/**
 * `AwsPrivateLinkService` publishes a service through AWS PrivateLink: a VPC endpoint service in
 * front of a Network Load Balancer (created here or given) or of Gateway Load Balancers, with the
 * access controls, private DNS name verification, connection notifications and connection
 * acceptance that the provider side of the pattern needs.
 *
 * The graph, with the optional parts in brackets:
 *
 *   [sg → ingress/egress rules] → [nlb → tg/listener per port → target attachments]
 *     → service → [dns-txt → dns-verification] [topic → topic-policy → notification] [accept-*]
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import {
    Validator,
    childName,
    isDnsName,
    isIpAddress,
    isKnown,
    isPort,
    keyOf,
    mergeTags,
    requireArray,
    requireBoolean,
    requireDistinctKeys,
    requireExactlyOne,
    requireInteger,
    requireObject,
    requireOneOf,
    requireString,
    requireUnique,
    requireValue,
    startValidation,
    targetKey,
    typeToken,
    validateAllowedCidrs,
} from "../core";
import { isRegionName } from "./serviceNames";
import { cidrProps, validateAwsTags } from "./validation";

const COMPONENT = "AwsPrivateLinkService";

/** The IP address types an endpoint service accepts connections on. */
export enum AwsEndpointServiceIpAddressType {
    /** IPv4 (the AWS default). */
    Ipv4 = "ipv4",
    /** IPv6; the load balancer must be dual-stack. */
    Ipv6 = "ipv6",
}

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

/** The endpoint connection events a notification reports. */
export enum AwsPrivateLinkServiceConnectionEvent {
    /** A connection request was accepted. */
    Accept = "Accept",
    /** A consumer requested a connection. */
    Connect = "Connect",
    /** A connection was deleted. */
    Delete = "Delete",
    /** A connection request was rejected. */
    Reject = "Reject",
}

/** One target registered with a listener's target group. */
export interface AwsPrivateLinkServiceTargetArgs {
    /**
     * The target: an IP address (`ip` targets), an EC2 instance id (`instance` targets) or an
     * Application Load Balancer ARN (`alb` targets).
     */
    id: pulumi.Input<string>;
    /**
     * The port the target receives traffic on.
     * @default the listener's `targetPort`
     */
    port?: number;
    /**
     * The availability zone of an `ip` target, or `all` for an address outside the VPC (on
     * premises, a peered VPC).
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
     * @default 10 for TCP and HTTP, 6 for HTTPS (AWS defaults)
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
    /** The port consumers connect to. Each listener needs its own port. */
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
    /** The ACM certificate of a TLS listener. Required for TLS, not allowed otherwise. */
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
     * service only in the zones the load balancer is in.
     */
    subnetIds: pulumi.Input<string>[];
    /** The listeners, one per port; at least one. */
    listeners: AwsPrivateLinkServiceListenerArgs[];
    /**
     * Client CIDRs allowed in on the listener ports by the load balancer's security group. With
     * PrivateLink traffic the source is the consumer client's private address, not the endpoint.
     * `0.0.0.0/0` and `::/0` are rejected.
     * @default [] (no client is allowed directly; PrivateLink traffic is governed by allowedPrincipals
     * and acceptance, see enforceSecurityGroupInboundRulesOnPrivateLinkTraffic)
     */
    allowedCidrs?: pulumi.Input<string>[];
    /**
     * CIDRs the load balancer may reach its targets in, on the target and health check ports.
     * @default the primary CIDR of the VPC
     */
    targetCidrs?: pulumi.Input<string>[];
    /**
     * Existing security groups to attach besides the dedicated one the component creates.
     * @default []
     */
    securityGroupIds?: pulumi.Input<string>[];
    /**
     * Whether the security groups' inbound rules also filter traffic that arrives through
     * PrivateLink. When on, PrivateLink traffic not allowed by `allowedCidrs` is dropped silently.
     * @default true when allowedCidrs is non-empty, else false
     */
    enforceSecurityGroupInboundRulesOnPrivateLinkTraffic?: boolean;
    /**
     * The IP address type of the load balancer; `dualstack` is needed to offer the service over IPv6.
     * @default ipv4
     */
    ipAddressType?: AwsNlbIpAddressType;
    /**
     * Whether the load balancer spreads traffic across zones, so a consumer in one zone still
     * reaches healthy targets in another.
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

/** A private DNS name for the service, and where to publish its ownership TXT record. */
export interface AwsPrivateLinkServicePrivateDnsArgs {
    /** The private DNS name consumers use, e.g. `api.example.com`. */
    name: pulumi.Input<string>;
    /**
     * The public Route 53 hosted zone of the domain. When given, the component writes the
     * verification TXT record there and starts the verification; otherwise publish the record
     * from the `privateDnsVerification` output yourself.
     * @default no TXT record and no verification
     */
    publicZoneId?: pulumi.Input<string>;
    /**
     * The TTL of the TXT record, in seconds.
     * @default 1800
     */
    recordTtl?: pulumi.Input<number>;
    /**
     * Whether `pulumi up` waits until AWS has verified the domain.
     * @default false
     */
    waitForVerification?: pulumi.Input<boolean>;
}

/** Connection notifications of the service. */
export interface AwsPrivateLinkServiceNotificationArgs {
    /**
     * An existing SNS topic. Its policy must let `vpce.amazonaws.com` publish.
     * @default a new topic whose policy lets only this endpoint service publish
     */
    topicArn?: pulumi.Input<string>;
    /**
     * The events to report.
     * @default Accept, Connect, Delete and Reject
     */
    events?: AwsPrivateLinkServiceConnectionEvent[];
    /**
     * A customer-managed KMS key to encrypt a created topic. Its key policy must let
     * `vpce.amazonaws.com` use it (`kms:GenerateDataKey*`, `kms:Decrypt`); the AWS-managed SNS key
     * does not, so it cannot be used here. Not allowed with `topicArn`.
     * @default no encryption at rest
     */
    topicKmsKeyId?: pulumi.Input<string>;
}

/** The arguments of {@link AwsPrivateLinkService}. */
export interface AwsPrivateLinkServiceArgs {
    /**
     * ARNs of existing Network Load Balancers to publish. Exactly one of `networkLoadBalancerArns`,
     * `gatewayLoadBalancerArns` and `loadBalancer` is required.
     */
    networkLoadBalancerArns?: pulumi.Input<string>[];
    /**
     * ARNs of existing Gateway Load Balancers to publish (consumers use GatewayLoadBalancer
     * endpoints). Exactly one of `networkLoadBalancerArns`, `gatewayLoadBalancerArns` and
     * `loadBalancer` is required.
     */
    gatewayLoadBalancerArns?: pulumi.Input<string>[];
    /**
     * An internal Network Load Balancer to create with its listeners and targets. Exactly one of
     * `networkLoadBalancerArns`, `gatewayLoadBalancerArns` and `loadBalancer` is required.
     */
    loadBalancer?: AwsPrivateLinkServiceLoadBalancerArgs;
    /**
     * Whether the service owner must accept each connection request. Turning it off lets every
     * allowed principal connect without review.
     * @default true
     */
    acceptanceRequired?: pulumi.Input<boolean>;
    /**
     * IAM principal ARNs allowed to discover and connect to the service, e.g.
     * `arn:aws:iam::123456789012:root`. Managed inline on the service: do not add
     * `aws.ec2.VpcEndpointServiceAllowedPrinciple` resources for the same service.
     * @default [] (only the owning account)
     */
    allowedPrincipals?: pulumi.Input<string>[];
    /**
     * Whether `*` (every AWS account) may be listed in `allowedPrincipals`. Requires manual acceptance.
     * @default false
     */
    allowWildcardPrincipal?: boolean;
    /**
     * Regions from which consumers may connect (cross-region PrivateLink); the service's own region
     * is always supported. Network Load Balancer services only.
     * @default only the service's region
     */
    supportedRegions?: pulumi.Input<string>[];
    /**
     * The IP address types the service accepts; `ipv6` needs a dual-stack load balancer.
     * @default ["ipv4"]
     */
    supportedIpAddressTypes?: AwsEndpointServiceIpAddressType[];
    /**
     * A private DNS name for the service, verified through a TXT record in the domain's public
     * zone. Network Load Balancer services only.
     * @default no private DNS name
     */
    privateDns?: AwsPrivateLinkServicePrivateDnsArgs;
    /**
     * Where connection events go. With manual acceptance a connection request waits until someone
     * accepts it, so by default every event goes to a new SNS topic that only this service may
     * publish to; subscribe your on-call channel to `notificationTopicArn`.
     * @default all four events to a new SNS topic
     */
    notifications?: AwsPrivateLinkServiceNotificationArgs;
    /**
     * Turn connection notifications off. Pending connection requests then go unnoticed unless you
     * watch the service another way; the `endpoint-service-notifications` policy reports it.
     * Not allowed with `notifications`.
     * @default false
     */
    disableNotifications?: boolean;
    /**
     * VPC endpoint ids (`vpce-…`) whose pending connections the component accepts, one
     * `VpcEndpointConnectionAccepter` each. Needs manual acceptance.
     * @default []
     */
    acceptEndpointIds?: pulumi.Input<string>[];
    /**
     * Tags for every taggable child resource, over the component's own `managed-by` and
     * `privatelink-component` tags.
     * @default {}
     */
    tags?: { [key: string]: string };
}

/** The data that proves ownership of the private DNS name's domain. */
export interface AwsPrivateLinkServiceDnsVerification {
    /** The name of the TXT record (the subdomain label to create in the domain's zone). */
    name: string;
    /** The value of the TXT record. */
    value: string;
    /** The verification state: `pendingVerification`, `verified` or `failed`. */
    state: string;
}

/** The security policy TLS listeners get unless told otherwise: TLS 1.3 and 1.2 only. */
export const DEFAULT_TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

const ALL_EVENTS = Object.values(AwsPrivateLinkServiceConnectionEvent) as string[];
const NLB_ARN = /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:loadbalancer\/net\/[^/]+\/[^/]+$/;
const GWLB_ARN = /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:loadbalancer\/gwy\/[^/]+\/[^/]+$/;
const ALB_ARN = /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:loadbalancer\/app\/[^/]+\/[^/]+$/;
const SNS_ARN = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_.-]+$/;
const PRINCIPAL_ARN = /^arn:aws[a-z-]*:iam::\d{12}:(root|role\/.+|user\/.+)$/;
/**
 * The shape of a private DNS name: stricter than {@link isDnsName}, because AWS publishes it as a
 * host name for consumers: lower case, fully qualified (two labels or more, the last starting with
 * a letter), no underscores, no trailing dot; `*.` only as the first label.
 */
const PRIVATE_DNS_NAME = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;
/** The fix when two CIDRs of a list would name their rules alike. */
const CIDR_KEY_FIX = "write each CIDR in its canonical form, once";

/**
 * Validates every plain argument of {@link AwsPrivateLinkService} and throws a `ValidationError`
 * naming the field, the value and the fix. Values that are Outputs are left for AWS to judge.
 *
 * Internal. Exported for testing and for callers that want to check arguments up front.
 */
export function validateAwsPrivateLinkServiceArgs(name: string, args: AwsPrivateLinkServiceArgs): void {
    const v = startValidation(COMPONENT, name, args, "pass an arguments object, e.g. { networkLoadBalancerArns: [nlb.arn] }");
    const a = args as unknown as Record<string, unknown>;

    // The front end: exactly one way to say which load balancer the service sits on.
    requireExactlyOne(
        v,
        {
            networkLoadBalancerArns: a.networkLoadBalancerArns,
            gatewayLoadBalancerArns: a.gatewayLoadBalancerArns,
            loadBalancer: a.loadBalancer,
        },
        "give exactly one of networkLoadBalancerArns (existing NLBs), gatewayLoadBalancerArns (existing GWLBs) or loadBalancer (create an internal NLB)",
    );
    validateArnList(v, "networkLoadBalancerArns", a.networkLoadBalancerArns, NLB_ARN, "a Network Load Balancer ARN (…:loadbalancer/net/<name>/<id>)");
    validateArnList(v, "gatewayLoadBalancerArns", a.gatewayLoadBalancerArns, GWLB_ARN, "a Gateway Load Balancer ARN (…:loadbalancer/gwy/<name>/<id>)");
    const isGateway = a.gatewayLoadBalancerArns !== undefined;
    if (a.loadBalancer !== undefined) {
        validateLoadBalancer(v, a.loadBalancer);
    }

    // Access control.
    requireBoolean(v, "acceptanceRequired", a.acceptanceRequired);
    requireBoolean(v, "allowWildcardPrincipal", a.allowWildcardPrincipal, { mustBeKnown: true });
    const acceptanceOff = a.acceptanceRequired === false;
    requireArray(v, "allowedPrincipals", a.allowedPrincipals);
    const principals = (a.allowedPrincipals as unknown[] | undefined) ?? [];
    principals.forEach((p, i) => {
        const field = `allowedPrincipals[${i}]`;
        if (!isKnown(p)) {
            return;
        }
        requireString(v, field, p, { nonEmpty: true, expected: "an IAM principal ARN, e.g. arn:aws:iam::123456789012:root" });
        const text = p as string;
        if (text.includes("*")) {
            if (a.allowWildcardPrincipal !== true) {
                v.fail(
                    field,
                    text,
                    "which lets every AWS account discover and request the service",
                    "list the consumer accounts' principal ARNs, or set allowWildcardPrincipal: true if the service is meant for everyone",
                );
            }
            if (text !== "*") {
                v.fail(field, text, "which is a partial wildcard that AWS does not support", 'list full principal ARNs, or "*" with allowWildcardPrincipal: true');
            }
            if (acceptanceOff) {
                v.fail(
                    "acceptanceRequired",
                    false,
                    'which, with "*" in allowedPrincipals, lets any AWS account connect without review',
                    "keep acceptanceRequired true (the default) for a service offered to every account",
                );
            }
        } else if (!PRINCIPAL_ARN.test(text)) {
            v.fail(field, text, "which is not an IAM principal ARN", "use arn:aws:iam::<account-id>:root, …:role/<name> or …:user/<name>");
        }
    });
    requireUnique(v, "allowedPrincipals", principals as pulumi.Input<string>[]);

    // Reach: regions and IP address types.
    requireArray(v, "supportedRegions", a.supportedRegions);
    const regions = (a.supportedRegions as unknown[] | undefined) ?? [];
    if (isGateway && regions.length > 0) {
        v.fail("supportedRegions", regions, "but cross-region access is only offered for Network Load Balancer services", "remove supportedRegions, or publish a Network Load Balancer");
    }
    regions.forEach((r, i) => {
        if (isKnown(r) && !isRegionName(r)) {
            v.fail(`supportedRegions[${i}]`, r, "which is not an AWS region code", 'use a region code such as "eu-west-1"');
        }
    });
    requireUnique(v, "supportedRegions", regions as pulumi.Input<string>[]);

    requireArray(v, "supportedIpAddressTypes", a.supportedIpAddressTypes);
    const ipTypes = (a.supportedIpAddressTypes as unknown[] | undefined) ?? [];
    if (a.supportedIpAddressTypes !== undefined && ipTypes.length === 0) {
        v.fail("supportedIpAddressTypes", ipTypes, "but the service needs at least one", 'leave it out for ["ipv4"], or list "ipv4" and/or "ipv6"');
    }
    ipTypes.forEach((t, i) => requireOneOf(v, `supportedIpAddressTypes[${i}]`, t as string, Object.values(AwsEndpointServiceIpAddressType)));
    requireUnique(v, "supportedIpAddressTypes", ipTypes as string[]);
    const lb = a.loadBalancer as Record<string, unknown> | undefined;
    if (lb !== undefined && ipTypes.includes(AwsEndpointServiceIpAddressType.Ipv6) && lb.ipAddressType !== AwsNlbIpAddressType.Dualstack) {
        v.fail(
            "supportedIpAddressTypes",
            ipTypes,
            "but the created load balancer is IPv4 only",
            'set loadBalancer.ipAddressType to "dualstack", or offer only "ipv4"',
        );
    }

    // Private DNS name.
    if (a.privateDns !== undefined) {
        requireObject(v, "privateDns", a.privateDns, "pass { name: \"api.example.com\", publicZoneId: zone.zoneId }", { mustBeKnown: true });
        if (isGateway) {
            v.fail("privateDns", a.privateDns, "but Gateway Load Balancer services have no DNS names", "remove privateDns");
        }
        const dns = a.privateDns as Record<string, unknown>;
        requireValue(v, "privateDns.name", dns.name, 'give the DNS name consumers use, e.g. "api.example.com"');
        // isDnsName adds the 253-character limit of a whole name to the per-label shape.
        if (isKnown(dns.name) && !(isDnsName(dns.name, { wildcard: true }) && PRIVATE_DNS_NAME.test(dns.name))) {
            v.fail("privateDns.name", dns.name, "which is not a lower-case DNS name", 'write a fully qualified name without a trailing dot, e.g. "api.example.com"');
        }
        if (dns.publicZoneId !== undefined) {
            requireString(v, "privateDns.publicZoneId", dns.publicZoneId, { nonEmpty: true, expected: "the id of the domain's public hosted zone, e.g. zone.zoneId" });
        }
        requireInteger(v, "privateDns.recordTtl", dns.recordTtl, 0, 172800);
        requireBoolean(v, "privateDns.waitForVerification", dns.waitForVerification);
    }

    // Notifications.
    requireBoolean(v, "disableNotifications", a.disableNotifications, { mustBeKnown: true });
    if (a.disableNotifications === true && a.notifications !== undefined) {
        v.fail("disableNotifications", true, "but notifications are configured too", "remove notifications, or remove disableNotifications");
    }
    if (a.notifications !== undefined) {
        requireObject(v, "notifications", a.notifications, "pass {} for a new topic, or { topicArn: topic.arn }", { mustBeKnown: true });
        const n = a.notifications as Record<string, unknown>;
        if (n.topicArn !== undefined) {
            requireString(v, "notifications.topicArn", n.topicArn, { nonEmpty: true, expected: "an SNS topic ARN" });
            if (isKnown(n.topicArn) && !SNS_ARN.test(n.topicArn as string)) {
                v.fail("notifications.topicArn", n.topicArn, "which is not an SNS topic ARN", "use arn:aws:sns:<region>:<account-id>:<topic>");
            }
            if (n.topicKmsKeyId !== undefined) {
                v.fail(
                    "notifications.topicKmsKeyId",
                    n.topicKmsKeyId,
                    "but it only applies to a topic the component creates",
                    "encrypt your own topic where it is defined, or drop topicArn to let the component create one",
                );
            }
        }
        if (n.topicKmsKeyId !== undefined) {
            requireString(v, "notifications.topicKmsKeyId", n.topicKmsKeyId, { nonEmpty: true, expected: "a KMS key id, ARN or alias" });
        }
        requireArray(v, "notifications.events", n.events);
        const events = (n.events as unknown[] | undefined) ?? [];
        if (n.events !== undefined && events.length === 0) {
            v.fail("notifications.events", events, "but a notification needs at least one event", "leave events out for all four, or list some of Accept, Connect, Delete, Reject");
        }
        events.forEach((e, i) => requireOneOf(v, `notifications.events[${i}]`, e as string, ALL_EVENTS));
        requireUnique(v, "notifications.events", events as string[]);
    }

    // Acceptance of known endpoints.
    requireArray(v, "acceptEndpointIds", a.acceptEndpointIds);
    const endpoints = (a.acceptEndpointIds as unknown[] | undefined) ?? [];
    endpoints.forEach((id, i) => {
        if (isKnown(id) && (typeof id !== "string" || !/^vpce-[0-9a-z]+$/.test(id))) {
            v.fail(`acceptEndpointIds[${i}]`, id, "which is not a VPC endpoint id", 'use the consumer endpoint\'s id, e.g. "vpce-0123456789abcdef0"');
        }
    });
    requireUnique(v, "acceptEndpointIds", endpoints as pulumi.Input<string>[]);
    if (endpoints.length > 0 && acceptanceOff) {
        v.fail("acceptEndpointIds", endpoints, "but with acceptanceRequired false connections are accepted automatically", "remove acceptEndpointIds, or keep acceptanceRequired true");
    }

    // A created load balancer's security group also carries a `Name` tag.
    validateAwsTags(v, "tags", a.tags, { nameTag: a.loadBalancer !== undefined });
}

/** Validates the arguments of a created Network Load Balancer. */
function validateLoadBalancer(v: Validator, value: unknown): void {
    requireObject(v, "loadBalancer", value, "pass { vpcId, subnetIds: [a, b], listeners: [{ port: 443, targets: [...] }] }", { mustBeKnown: true });
    const lb = value as Record<string, unknown>;

    requireValue(v, "loadBalancer.vpcId", lb.vpcId, "give the id of the VPC the load balancer and its targets are in");
    if (isKnown(lb.vpcId) && (typeof lb.vpcId !== "string" || !lb.vpcId.startsWith("vpc-"))) {
        v.fail("loadBalancer.vpcId", lb.vpcId, "which is not a VPC id", 'use an id such as "vpc-0123456789abcdef0", or vpc.id');
    }

    requireValue(v, "loadBalancer.subnetIds", lb.subnetIds, "list subnets in at least two availability zones");
    requireArray(v, "loadBalancer.subnetIds", lb.subnetIds);
    const subnets = lb.subnetIds as unknown[];
    if (subnets.length < 2) {
        v.fail(
            "loadBalancer.subnetIds",
            subnets,
            "but a PrivateLink service needs at least two availability zones",
            "list one subnet in each of at least two zones, so consumers in every zone can connect",
        );
    }
    subnets.forEach((s, i) => {
        if (isKnown(s) && (typeof s !== "string" || !s.startsWith("subnet-"))) {
            v.fail(`loadBalancer.subnetIds[${i}]`, s, "which is not a subnet id", 'use ids such as "subnet-0123456789abcdef0"');
        }
    });
    requireUnique(v, "loadBalancer.subnetIds", subnets as pulumi.Input<string>[]);

    requireValue(v, "loadBalancer.listeners", lb.listeners, "list at least one listener, e.g. [{ port: 443 }]");
    requireArray(v, "loadBalancer.listeners", lb.listeners);
    const listeners = lb.listeners as unknown[];
    if (listeners.length === 0) {
        v.fail("loadBalancer.listeners", listeners, "but the load balancer needs at least one", "list the ports to publish, e.g. [{ port: 443 }]");
    }
    const ports = new Map<number, number>();
    listeners.forEach((l, i) => {
        validateListener(v, `loadBalancer.listeners[${i}]`, l);
        const port = (l as AwsPrivateLinkServiceListenerArgs).port;
        if (ports.has(port)) {
            v.fail(`loadBalancer.listeners[${i}].port`, port, `which repeats loadBalancer.listeners[${ports.get(port)}].port`, "give each listener its own port (use TCP_UDP for TCP and UDP on one port)");
        }
        ports.set(port, i);
    });

    validateAllowedCidrs(v, "loadBalancer.allowedCidrs", lb.allowedCidrs as pulumi.Input<string>[] | undefined);
    requireUnique(v, "loadBalancer.allowedCidrs", lb.allowedCidrs as pulumi.Input<string>[] | undefined);
    requireDistinctKeys(v, "loadBalancer.allowedCidrs", lb.allowedCidrs as unknown[] | undefined, CIDR_KEY_FIX);

    requireArray(v, "loadBalancer.targetCidrs", lb.targetCidrs);
    const targetCidrs = (lb.targetCidrs as unknown[] | undefined) ?? [];
    if (lb.targetCidrs !== undefined && targetCidrs.length === 0) {
        v.fail("loadBalancer.targetCidrs", targetCidrs, "which would block all traffic to the targets", "leave it out to use the VPC CIDR, or list the CIDRs the targets are in");
    }
    validateAllowedCidrs(v, "loadBalancer.targetCidrs", targetCidrs as pulumi.Input<string>[], {
        problem: "which lets the load balancer reach the whole internet",
        fix: "list the CIDRs the targets are in, e.g. the VPC CIDR",
    });
    requireUnique(v, "loadBalancer.targetCidrs", targetCidrs);
    requireDistinctKeys(v, "loadBalancer.targetCidrs", targetCidrs, CIDR_KEY_FIX);

    requireArray(v, "loadBalancer.securityGroupIds", lb.securityGroupIds);
    const sgs = (lb.securityGroupIds as unknown[] | undefined) ?? [];
    sgs.forEach((s, i) => {
        if (isKnown(s) && (typeof s !== "string" || !s.startsWith("sg-"))) {
            v.fail(`loadBalancer.securityGroupIds[${i}]`, s, "which is not a security group id", 'use ids such as "sg-0123456789abcdef0"');
        }
    });
    requireUnique(v, "loadBalancer.securityGroupIds", sgs as pulumi.Input<string>[]);

    requireBoolean(v, "loadBalancer.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic", lb.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic, { mustBeKnown: true });
    const allowed = (lb.allowedCidrs as unknown[] | undefined) ?? [];
    if (lb.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic === true && allowed.length === 0 && sgs.length === 0) {
        v.fail(
            "loadBalancer.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic",
            true,
            "but no inbound rule allows any client, so every PrivateLink connection would be dropped silently",
            "list the consumer client CIDRs in loadBalancer.allowedCidrs, or leave enforcement off",
        );
    }
    requireOneOf(v, "loadBalancer.ipAddressType", lb.ipAddressType as string | undefined, Object.values(AwsNlbIpAddressType));
    requireBoolean(v, "loadBalancer.crossZoneLoadBalancing", lb.crossZoneLoadBalancing);
    requireBoolean(v, "loadBalancer.deletionProtection", lb.deletionProtection);
    if (lb.accessLogs !== undefined) {
        requireObject(v, "loadBalancer.accessLogs", lb.accessLogs, "pass { bucket: bucket.id }", { mustBeKnown: true });
        const logs = lb.accessLogs as Record<string, unknown>;
        requireValue(v, "loadBalancer.accessLogs.bucket", logs.bucket, "give the S3 bucket for the logs");
        requireString(v, "loadBalancer.accessLogs.bucket", logs.bucket, { nonEmpty: true, expected: "an S3 bucket name" });
        requireString(v, "loadBalancer.accessLogs.prefix", logs.prefix, { expected: 'a key prefix such as "nlb/"' });
    }
}

/** Validates one listener and its targets and health check. */
function validateListener(v: Validator, field: string, value: unknown): void {
    requireObject(v, field, value, "pass { port: 443, targets: [{ id: \"10.0.1.10\" }] }", { mustBeKnown: true });
    const l = value as Record<string, unknown>;
    if (!isPort(l.port)) {
        v.fail(`${field}.port`, l.port, "which is not a port", "use a whole number from 1 to 65535");
    }
    requireOneOf(v, `${field}.protocol`, l.protocol as string | undefined, Object.values(AwsNlbListenerProtocol));
    requireOneOf(v, `${field}.targetProtocol`, l.targetProtocol as string | undefined, Object.values(AwsNlbListenerProtocol));
    requireOneOf(v, `${field}.targetType`, l.targetType as string | undefined, Object.values(AwsNlbTargetType));
    if (l.targetPort !== undefined && !isPort(l.targetPort)) {
        v.fail(`${field}.targetPort`, l.targetPort, "which is not a port", "use a whole number from 1 to 65535, or leave it out to use the listener port");
    }
    const protocol = (l.protocol as AwsNlbListenerProtocol | undefined) ?? AwsNlbListenerProtocol.Tcp;
    const targetProtocol = (l.targetProtocol as AwsNlbListenerProtocol | undefined) ?? protocol;
    const targetType = (l.targetType as AwsNlbTargetType | undefined) ?? AwsNlbTargetType.Ip;
    if (targetProtocol !== protocol && !(protocol === AwsNlbListenerProtocol.Tls && targetProtocol === AwsNlbListenerProtocol.Tcp)) {
        v.fail(
            `${field}.targetProtocol`,
            targetProtocol,
            `which does not fit a ${protocol} listener`,
            `use ${protocol} (or TCP behind a TLS listener that terminates TLS)`,
        );
    }
    if (protocol === AwsNlbListenerProtocol.Tls) {
        requireValue(v, `${field}.certificateArn`, l.certificateArn, "give the ACM certificate ARN for the TLS listener");
        requireString(v, `${field}.certificateArn`, l.certificateArn, { nonEmpty: true, expected: "an ACM certificate ARN" });
        if (l.sslPolicy !== undefined) {
            requireString(v, `${field}.sslPolicy`, l.sslPolicy, { nonEmpty: true, expected: `an ELB security policy name, e.g. "${DEFAULT_TLS_POLICY}"` });
        }
    } else {
        for (const key of ["certificateArn", "sslPolicy"]) {
            if (l[key] !== undefined) {
                v.fail(`${field}.${key}`, l[key], `but the listener protocol is ${protocol}`, "remove it, or set protocol to TLS");
            }
        }
    }
    if (targetType === AwsNlbTargetType.Alb) {
        if (protocol !== AwsNlbListenerProtocol.Tcp) {
            v.fail(`${field}.protocol`, protocol, "but an Application Load Balancer target needs a TCP listener", "set protocol to TCP (the ALB terminates TLS itself)");
        }
        if (l.proxyProtocolV2 !== undefined && l.proxyProtocolV2 !== false) {
            v.fail(`${field}.proxyProtocolV2`, l.proxyProtocolV2, "but Application Load Balancers do not accept proxy protocol", "remove proxyProtocolV2");
        }
    }
    requireBoolean(v, `${field}.proxyProtocolV2`, l.proxyProtocolV2);
    requireInteger(v, `${field}.deregistrationDelay`, l.deregistrationDelay, 0, 3600);

    requireArray(v, `${field}.targets`, l.targets);
    const keys = new Map<string, number>();
    ((l.targets as unknown[] | undefined) ?? []).forEach((t, i) => {
        const tf = `${field}.targets[${i}]`;
        requireObject(v, tf, t, 'pass { id: "10.0.1.10" }', { mustBeKnown: true });
        const target = t as Record<string, unknown>;
        requireValue(v, `${tf}.id`, target.id, "give the target's IP address, instance id or ALB ARN");
        requireString(v, `${tf}.id`, target.id, { nonEmpty: true, expected: "the target's IP address, instance id or ALB ARN" });
        if (isKnown(target.id)) {
            const id = target.id as string;
            if (targetType === AwsNlbTargetType.Ip && !isIpAddress(id)) {
                v.fail(`${tf}.id`, id, "which is not an IP address", 'use the target\'s private address, e.g. "10.0.1.10", or set targetType');
            }
            if (targetType === AwsNlbTargetType.Instance && !/^i-[0-9a-f]+$/.test(id)) {
                v.fail(`${tf}.id`, id, "which is not an EC2 instance id", 'use an id such as "i-0123456789abcdef0", or set targetType');
            }
            if (targetType === AwsNlbTargetType.Alb && !ALB_ARN.test(id)) {
                v.fail(`${tf}.id`, id, "which is not an Application Load Balancer ARN", "use the ALB's arn, or set targetType");
            }
        }
        if (target.port !== undefined && !isPort(target.port)) {
            v.fail(`${tf}.port`, target.port, "which is not a port", "use a whole number from 1 to 65535, or leave it out for the target port");
        }
        if (target.availabilityZone !== undefined) {
            requireString(v, `${tf}.availabilityZone`, target.availabilityZone, { nonEmpty: true, expected: 'an availability zone name, or "all"' });
        }
        const key = targetKey(target.id, target.port as number | undefined, i);
        if (keys.has(key)) {
            v.fail(tf, target.id, `which repeats ${field}.targets[${keys.get(key)}]`, "register each target and port once");
        }
        keys.set(key, i);
    });

    if (l.healthCheck !== undefined) {
        const hf = `${field}.healthCheck`;
        requireObject(v, hf, l.healthCheck, 'pass { protocol: "HTTP", path: "/healthz" }', { mustBeKnown: true });
        const hc = l.healthCheck as Record<string, unknown>;
        requireOneOf(v, `${hf}.protocol`, hc.protocol as string | undefined, Object.values(AwsNlbHealthCheckProtocol));
        const hcProtocol = (hc.protocol as AwsNlbHealthCheckProtocol | undefined) ?? defaultHealthCheckProtocol(targetType);
        if (targetType === AwsNlbTargetType.Alb && hcProtocol === AwsNlbHealthCheckProtocol.Tcp) {
            v.fail(`${hf}.protocol`, hcProtocol, "but Application Load Balancer targets are checked over HTTP or HTTPS", "use HTTP or HTTPS");
        }
        if (hc.port !== undefined && !isPort(hc.port)) {
            v.fail(`${hf}.port`, hc.port, "which is not a port", "use a whole number from 1 to 65535, or leave it out for the traffic port");
        }
        const isHttp = hcProtocol !== AwsNlbHealthCheckProtocol.Tcp;
        for (const key of ["path", "matcher"]) {
            if (hc[key] === undefined) {
                continue;
            }
            if (!isHttp) {
                v.fail(`${hf}.${key}`, hc[key], "but a TCP health check has no HTTP request", "remove it, or set the health check protocol to HTTP or HTTPS");
            }
            requireString(v, `${hf}.${key}`, hc[key], { nonEmpty: true, expected: key === "path" ? 'a path such as "/healthz"' : 'status codes such as "200-399"' });
        }
        if (isKnown(hc.path) && typeof hc.path === "string" && !hc.path.startsWith("/")) {
            v.fail(`${hf}.path`, hc.path, "which does not start with /", 'write an absolute path, e.g. "/healthz"');
        }
        requireInteger(v, `${hf}.interval`, hc.interval, 5, 300);
        requireInteger(v, `${hf}.timeout`, hc.timeout, 2, 120);
        requireInteger(v, `${hf}.healthyThreshold`, hc.healthyThreshold, 2, 10);
        requireInteger(v, `${hf}.unhealthyThreshold`, hc.unhealthyThreshold, 2, 10);
    }
}

function validateArnList(v: Validator, field: string, value: unknown, pattern: RegExp, what: string): void {
    if (value === undefined) {
        return;
    }
    requireArray(v, field, value);
    const list = value as unknown[];
    if (list.length === 0) {
        v.fail(field, list, "but at least one load balancer is needed", `list ${what}`);
    }
    list.forEach((arn, i) => {
        if (isKnown(arn) && (typeof arn !== "string" || !pattern.test(arn))) {
            v.fail(`${field}[${i}]`, arn, `which is not ${what}`, `pass ${what}, e.g. lb.arn`);
        }
    });
    requireUnique(v, field, list as pulumi.Input<string>[]);
}

function defaultHealthCheckProtocol(targetType: AwsNlbTargetType): AwsNlbHealthCheckProtocol {
    // An ALB target group cannot be checked with a bare TCP connect: AWS requires HTTP(S).
    return targetType === AwsNlbTargetType.Alb ? AwsNlbHealthCheckProtocol.Http : AwsNlbHealthCheckProtocol.Tcp;
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
 * Publishes a service through AWS PrivateLink.
 *
 * Secure by default: connections need the owner's acceptance, no principal is allowed unless
 * listed (and `*` only with `allowWildcardPrincipal`), a created load balancer is internal,
 * spans at least two zones with cross-zone load balancing on, and has a dedicated security group
 * that admits only the listed client CIDRs on the listener ports and reaches only the targets.
 */
export class AwsPrivateLinkService extends pulumi.ComponentResource {
    /** The service name (`com.amazonaws.vpce.<region>.vpce-svc-…`): what a consumer's endpoint needs. */
    public readonly serviceReference: pulumi.Output<string>;
    /** The endpoint service id (`vpce-svc-…`). */
    public readonly serviceId: pulumi.Output<string>;
    /** The endpoint service ARN. */
    public readonly serviceArn: pulumi.Output<string>;
    /** The ARN of the load balancer behind the service (the created one, or the first given). */
    public readonly loadBalancerArn: pulumi.Output<string>;
    /** The availability zones the service is offered in. */
    public readonly availabilityZones: pulumi.Output<string[]>;
    /** The TXT record that proves ownership of the private DNS name; undefined without one. */
    public readonly privateDnsVerification: pulumi.Output<AwsPrivateLinkServiceDnsVerification | undefined>;
    /** The id of the load balancer's dedicated security group; undefined for given load balancers. */
    public readonly securityGroupId: pulumi.Output<string | undefined>;
    /** The SNS topic connection events go to; undefined when notifications are turned off. */
    public readonly notificationTopicArn: pulumi.Output<string | undefined>;
    /**
     * The endpoint ids from `acceptEndpointIds`, known once their connections are accepted. A
     * cross-account consumer passes this to `AwsPrivateEndpoint.acceptedBy` so that its private DNS
     * is turned on only after acceptance.
     */
    public readonly acceptedEndpointIds: pulumi.Output<string[]>;

    /**
     * @param name The logical name; children are named `${name}-<role>`.
     * @param args What to publish and who may connect.
     * @param opts Options for the component; pass providers with `providers: { aws }`.
     */
    constructor(name: string, args: AwsPrivateLinkServiceArgs, opts?: pulumi.ComponentResourceOptions) {
        // Validate before registering anything, so a bad argument leaves no half-built graph.
        validateAwsPrivateLinkServiceArgs(name, args);
        super(typeToken(COMPONENT), name, {}, opts);

        const tags = mergeTags(name, args.tags);
        const lbArgs = args.loadBalancer;

        let loadBalancerArn: pulumi.Output<string>;
        let securityGroupId: pulumi.Output<string | undefined> = pulumi.output(undefined);
        if (lbArgs) {
            const created = this.createLoadBalancer(name, lbArgs, tags);
            loadBalancerArn = created.arn;
            securityGroupId = created.securityGroupId;
        } else {
            const given = (args.networkLoadBalancerArns ?? args.gatewayLoadBalancerArns) as pulumi.Input<string>[];
            loadBalancerArn = pulumi.output(given[0]);
        }

        const service = new aws.ec2.VpcEndpointService(
            childName(name, "service"),
            {
                acceptanceRequired: args.acceptanceRequired ?? true,
                networkLoadBalancerArns: lbArgs ? [loadBalancerArn] : args.networkLoadBalancerArns,
                gatewayLoadBalancerArns: args.gatewayLoadBalancerArns,
                allowedPrincipals: args.allowedPrincipals,
                supportedRegions: args.supportedRegions,
                supportedIpAddressTypes: args.supportedIpAddressTypes ?? [AwsEndpointServiceIpAddressType.Ipv4],
                privateDnsName: args.privateDns?.name,
                tags,
            },
            { parent: this },
        );

        // Private DNS: AWS hands out a TXT record to prove the domain is ours. It must be
        // resolvable before verification starts, and nothing in the verification's inputs refers
        // to the record, so the order is stated explicitly.
        let privateDnsVerification: pulumi.Output<AwsPrivateLinkServiceDnsVerification | undefined> = pulumi.output(undefined);
        if (args.privateDns) {
            const config = service.privateDnsNameConfigurations.apply((configs) => configs?.[0]);
            privateDnsVerification = config.apply((c) => ({ name: c?.name ?? "", value: c?.value ?? "", state: c?.state ?? "" }));
            if (args.privateDns.publicZoneId !== undefined) {
                const txt = new aws.route53.Record(
                    childName(name, "dns-txt"),
                    {
                        zoneId: args.privateDns.publicZoneId,
                        // The configuration gives the record's label; Route 53 qualifies it with the zone's domain.
                        name: config.apply((c) => c?.name ?? ""),
                        type: "TXT",
                        ttl: args.privateDns.recordTtl ?? 1800,
                        records: [config.apply((c) => c?.value ?? "")],
                    },
                    { parent: this },
                );
                new aws.vpc.EndpointServicePrivateDnsVerification(
                    childName(name, "dns-verification"),
                    { serviceId: service.id, waitForVerification: args.privateDns.waitForVerification ?? false },
                    { parent: this, dependsOn: [txt] },
                );
            }
        }

        let notificationTopicArn: pulumi.Output<string | undefined> = pulumi.output(undefined);
        // Notifications are on unless turned off: with manual acceptance, a pending request nobody
        // hears about is a consumer left waiting.
        const notifications = args.disableNotifications ? undefined : (args.notifications ?? {});
        if (notifications) {
            let topicArn: pulumi.Input<string>;
            let topicPolicy: aws.sns.TopicPolicy | undefined;
            if (notifications.topicArn !== undefined) {
                topicArn = notifications.topicArn;
            } else {
                const topic = new aws.sns.Topic(
                    childName(name, "topic"),
                    { kmsMasterKeyId: notifications.topicKmsKeyId, tags },
                    { parent: this },
                );
                // Only this endpoint service may publish: the condition on the source ARN keeps
                // other services and accounts from writing to the topic through the same principal.
                topicPolicy = new aws.sns.TopicPolicy(
                    childName(name, "topic-policy"),
                    {
                        arn: topic.arn,
                        policy: pulumi.jsonStringify({
                            Version: "2012-10-17",
                            Statement: [
                                {
                                    Sid: "AllowEndpointServiceNotifications",
                                    Effect: "Allow",
                                    Principal: { Service: "vpce.amazonaws.com" },
                                    Action: "SNS:Publish",
                                    Resource: topic.arn,
                                    Condition: { ArnLike: { "aws:SourceArn": service.arn } },
                                },
                            ],
                        }),
                    },
                    { parent: this },
                );
                topicArn = topic.arn;
            }
            notificationTopicArn = pulumi.output(topicArn);
            new aws.ec2.VpcEndpointConnectionNotification(
                childName(name, "notification"),
                {
                    vpcEndpointServiceId: service.id,
                    connectionNotificationArn: topicArn,
                    connectionEvents: notifications.events ?? ALL_EVENTS,
                },
                // AWS checks that it may publish to the topic when the notification is created; the
                // topic policy grants that, but no input of the notification refers to it.
                { parent: this, ...(topicPolicy ? { dependsOn: [topicPolicy] } : {}) },
            );
        }

        const accepters = (args.acceptEndpointIds ?? []).map(
            (endpointId, i) =>
                new aws.ec2.VpcEndpointConnectionAccepter(
                    childName(name, "accept", keyOf(endpointId, i)),
                    { vpcEndpointServiceId: service.id, vpcEndpointId: endpointId },
                    { parent: this },
                ),
        );

        this.serviceReference = service.serviceName;
        this.serviceId = service.id;
        this.serviceArn = service.arn;
        this.loadBalancerArn = loadBalancerArn;
        this.availabilityZones = service.availabilityZones;
        this.privateDnsVerification = privateDnsVerification;
        this.securityGroupId = securityGroupId;
        this.notificationTopicArn = notificationTopicArn;
        // Read from the accepters, so whatever consumes this output (a consumer's late private DNS)
        // waits until the connections are really accepted.
        this.acceptedEndpointIds = pulumi.all(accepters.map((a) => a.vpcEndpointId));
        this.registerOutputs({
            serviceReference: this.serviceReference,
            serviceId: this.serviceId,
            serviceArn: this.serviceArn,
            loadBalancerArn: this.loadBalancerArn,
            availabilityZones: this.availabilityZones,
            privateDnsVerification: this.privateDnsVerification,
            securityGroupId: this.securityGroupId,
            notificationTopicArn: this.notificationTopicArn,
            acceptedEndpointIds: this.acceptedEndpointIds,
        });
    }

    /**
     * Creates the internal NLB with its dedicated security group, a target group and listener per
     * port, and the target registrations.
     */
    private createLoadBalancer(
        name: string,
        lb: AwsPrivateLinkServiceLoadBalancerArgs,
        tags: Record<string, string>,
    ): { arn: pulumi.Output<string>; securityGroupId: pulumi.Output<string | undefined> } {
        // A security group can only be attached to an NLB when it is created, never later, so the
        // component always creates one. Without allowedCidrs it admits nobody directly: traffic
        // from PrivateLink is then governed by allowed principals and acceptance alone.
        const sgName = childName(name, "sg");
        const sg = new aws.ec2.SecurityGroup(
            sgName,
            {
                vpcId: lb.vpcId,
                description: "PrivateLink service NLB - ingress from allowed client CIDRs on listener ports, egress to targets only",
                tags: { ...tags, Name: sgName },
            },
            { parent: this },
        );

        const listeners = lb.listeners.map((l) => {
            const protocol = l.protocol ?? AwsNlbListenerProtocol.Tcp;
            const targetType = l.targetType ?? AwsNlbTargetType.Ip;
            return {
                args: l,
                protocol,
                targetProtocol: l.targetProtocol ?? protocol,
                targetType,
                targetPort: l.targetPort ?? l.port,
                healthProtocol: l.healthCheck?.protocol ?? defaultHealthCheckProtocol(targetType),
            };
        });

        (lb.allowedCidrs ?? []).forEach((cidr, i) => {
            const key = keyOf(cidr, i);
            for (const l of listeners) {
                for (const ipProtocol of ipProtocolsOf(l.protocol)) {
                    new aws.vpc.SecurityGroupIngressRule(
                        childName(name, "ingress", ipProtocol, l.args.port, key),
                        {
                            securityGroupId: sg.id,
                            description: `PrivateLink clients to listener ${ipProtocol}/${l.args.port}`,
                            ipProtocol,
                            fromPort: l.args.port,
                            toPort: l.args.port,
                            ...cidrProps(cidr),
                            tags,
                        },
                        { parent: this },
                    );
                }
            }
        });

        // Health checks leave through the security group too, so the egress rules cover the
        // target ports and the health check ports.
        const egress = new Map<string, { ipProtocol: string; port: number; why: string }>();
        const addEgress = (ipProtocol: string, port: number, why: string) => {
            const key = `${ipProtocol}-${port}`;
            if (!egress.has(key)) {
                egress.set(key, { ipProtocol, port, why });
            }
        };
        for (const l of listeners) {
            for (const ipProtocol of ipProtocolsOf(l.targetProtocol)) {
                addEgress(ipProtocol, l.targetPort, "targets");
                for (const t of l.args.targets ?? []) {
                    if (t.port !== undefined) {
                        addEgress(ipProtocol, t.port, "targets");
                    }
                }
            }
            addEgress("tcp", l.args.healthCheck?.port ?? l.targetPort, "health checks");
        }
        const targetCidrs: Array<{ key: string; cidr: pulumi.Input<string> }> = lb.targetCidrs
            ? lb.targetCidrs.map((cidr, i) => ({ key: keyOf(cidr, i), cidr }))
            : [{ key: "vpc", cidr: aws.ec2.getVpcOutput({ id: lb.vpcId }, { parent: this }).cidrBlock }];
        for (const { key, cidr } of targetCidrs) {
            for (const rule of egress.values()) {
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
                    { parent: this },
                );
            }
        }

        const enforce = lb.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic ?? (lb.allowedCidrs ?? []).length > 0;
        const nlb = new aws.lb.LoadBalancer(
            childName(name, "nlb"),
            {
                loadBalancerType: "network",
                // PrivateLink needs no public address; an internal NLB is reachable only from the
                // VPC and through the endpoint service.
                internal: true,
                subnets: lb.subnetIds,
                ipAddressType: lb.ipAddressType ?? AwsNlbIpAddressType.Ipv4,
                enableCrossZoneLoadBalancing: lb.crossZoneLoadBalancing ?? true,
                enableDeletionProtection: lb.deletionProtection ?? false,
                securityGroups: [sg.id, ...(lb.securityGroupIds ?? [])],
                enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: enforce ? "on" : "off",
                accessLogs: lb.accessLogs ? { bucket: lb.accessLogs.bucket, prefix: lb.accessLogs.prefix, enabled: true } : undefined,
                tags,
            },
            { parent: this },
        );

        for (const l of listeners) {
            const port = l.args.port;
            const hc = l.args.healthCheck;
            const http = l.healthProtocol !== AwsNlbHealthCheckProtocol.Tcp;
            const isAlb = l.targetType === AwsNlbTargetType.Alb;
            const tg = new aws.lb.TargetGroup(
                childName(name, "tg", port),
                {
                    vpcId: lb.vpcId,
                    port: l.targetPort,
                    protocol: l.targetProtocol,
                    targetType: l.targetType,
                    // ALB target groups reject these attributes, so they are only sent for ip/instance targets.
                    proxyProtocolV2: isAlb ? undefined : l.args.proxyProtocolV2,
                    deregistrationDelay: l.args.deregistrationDelay,
                    healthCheck: {
                        enabled: true,
                        protocol: l.healthProtocol,
                        port: hc?.port !== undefined ? String(hc.port) : "traffic-port",
                        path: http ? (hc?.path ?? "/") : undefined,
                        matcher: http ? (hc?.matcher ?? "200-399") : undefined,
                        interval: hc?.interval,
                        timeout: hc?.timeout,
                        healthyThreshold: hc?.healthyThreshold,
                        unhealthyThreshold: hc?.unhealthyThreshold,
                    },
                    tags,
                },
                { parent: this },
            );
            const tls = l.protocol === AwsNlbListenerProtocol.Tls;
            new aws.lb.Listener(
                childName(name, "listener", port),
                {
                    loadBalancerArn: nlb.arn,
                    port,
                    protocol: l.protocol,
                    certificateArn: tls ? l.args.certificateArn : undefined,
                    sslPolicy: tls ? (l.args.sslPolicy ?? DEFAULT_TLS_POLICY) : undefined,
                    defaultActions: [{ type: "forward", targetGroupArn: tg.arn }],
                    tags,
                },
                { parent: this },
            );
            (l.args.targets ?? []).forEach(
                (t, i) =>
                    new aws.lb.TargetGroupAttachment(
                        childName(name, "target", port, targetKey(t.id, t.port, i)),
                        { targetGroupArn: tg.arn, targetId: t.id, port: t.port, availabilityZone: t.availabilityZone },
                        { parent: this },
                    ),
            );
        }

        return { arn: nlb.arn, securityGroupId: sg.id };
    }
}
