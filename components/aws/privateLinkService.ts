/**
 * `AwsPrivateLinkService` publishes a service through AWS PrivateLink: a VPC endpoint service in
 * front of a Network Load Balancer (created here or given) or of Gateway Load Balancers, with the
 * access controls, private DNS name verification, connection notifications and connection
 * acceptance that the provider side of the pattern needs. The created load balancer lives in
 * `nlb.ts`; this file keeps the service, its DNS, notifications and accepters.
 *
 * The graph, with the optional parts in brackets:
 *
 *   [nlb.ts: sg → rules, nlb → tg/listener per port → targets]
 *     → service → [dns-txt → dns-verification] [topic → topic-policy → notification] [accept-*]
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import {
    Check,
    childName,
    isKnown,
    mergeTags,
    optional,
    requireEntryKeys,
    requireExactlyOne,
    requireOneOf,
    requireUnique,
    requireValid,
    startValidation,
    typeToken,
    Validator,
    whenResolved,
} from "../core";
import { isHostName } from "../../common/dns";
import { AwsNlbIpAddressType, AwsPrivateLinkServiceLoadBalancerArgs, createNetworkLoadBalancer, NetworkLoadBalancerPlan, validateNetworkLoadBalancer } from "./nlb";
import {
    asSet,
    awsIdCheck,
    booleanCheck,
    checkedList,
    integerCheck,
    patternCheck,
    regionCheck,
    requireAutonameFits,
    requireNameFitsTags,
    requireValidValue,
    SNS_TOPIC_NAME,
    textCheck,
    validateAwsTags,
    validateList,
    validateObjectList,
} from "./validation";

const COMPONENT = "AwsPrivateLinkService";

/** The IP address types an endpoint service accepts connections on. */
export enum AwsEndpointServiceIpAddressType {
    /** IPv4 (the AWS default). */
    Ipv4 = "ipv4",
    /** IPv6; the load balancer must be dual-stack. */
    Ipv6 = "ipv6",
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

/** A private DNS name for the service, and where to publish its ownership TXT record. */
export interface AwsPrivateLinkServicePrivateDnsArgs {
    /**
     * The private DNS name consumers use, e.g. `api.example.com`: a lower-case host name with two
     * labels or more, no trailing dot; `*.` only as the first label. Renaming it gives a new TXT
     * record and starts a new verification.
     */
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
     * Whether `pulumi up` waits until AWS has verified the domain. A consumer that turns private
     * DNS on for an endpoint to a service whose name is not verified yet is refused by AWS, so by
     * default the update waits (up to the provider's timeout) and fails if the TXT record does not
     * verify, rather than reporting success while consumers cannot use the name.
     * @default true
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

/** A consumer endpoint whose connection the component accepts. */
export interface AwsPrivateLinkServiceAcceptedEndpointArgs {
    /** The consumer's VPC endpoint id (`vpce-…`), e.g. a consumer stack's output. */
    endpointId: pulumi.Input<string>;
    /**
     * Names the accepter (`${name}-accept-<key>`), so adding, removing or reordering entries
     * touches no other connection. Required when `endpointId` is not known until deployment (a
     * `StackReference` output, `endpoint.endpointId`).
     * @default the endpoint id
     */
    key?: string;
    /**
     * Reject the connection when this entry is removed (or the stack destroyed). Off by default:
     * removing an accepter then only stops managing the acceptance, and the consumer stays
     * connected, because deleting a `VpcEndpointConnectionAccepter` calls
     * `RejectVpcEndpointConnections` and would cut a live consumer off. Turn it on (and run
     * `pulumi up`) before removing an entry or destroying the stack to reject the connection:
     * AWS deletes an endpoint service only once its connections are rejected.
     * @default false
     */
    rejectOnRemoval?: boolean;
}

/** The arguments of {@link AwsPrivateLinkService}. */
export interface AwsPrivateLinkServiceArgs {
    /**
     * ARNs of existing Network Load Balancers to publish. Exactly one of `networkLoadBalancerArns`,
     * `gatewayLoadBalancerArns` and `loadBalancer` is required.
     * @default none
     */
    networkLoadBalancerArns?: pulumi.Input<string>[];
    /**
     * ARNs of existing Gateway Load Balancers to publish (consumers use GatewayLoadBalancer
     * endpoints). Exactly one of `networkLoadBalancerArns`, `gatewayLoadBalancerArns` and
     * `loadBalancer` is required.
     * @default none
     */
    gatewayLoadBalancerArns?: pulumi.Input<string>[];
    /**
     * An internal Network Load Balancer to create with its listeners and targets. Exactly one of
     * `networkLoadBalancerArns`, `gatewayLoadBalancerArns` and `loadBalancer` is required.
     * @default none
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
     * `arn:aws:iam::123456789012:root`. Managed inline on the service and always sent in full
     * (an empty list when none), so removing a principal revokes it: the provider would keep an
     * omitted list as it was. Removing a principal stops new connections from it; connections
     * already accepted stay until rejected. Do not add `aws.ec2.VpcEndpointServiceAllowedPrinciple`
     * resources for the same service.
     * @default [] (only the owning account)
     */
    allowedPrincipals?: pulumi.Input<string>[];
    /**
     * Whether `*` (every AWS account) may be listed in `allowedPrincipals`. Requires manual acceptance.
     * @default false
     */
    allowWildcardPrincipal?: boolean;
    /**
     * Regions from which consumers may connect (cross-region PrivateLink). The service's own region
     * is always supported, and the component always sends it too (AWS reports it, so a list without
     * it would differ from AWS's on every update). The deploying principal needs the
     * `vpce:AllowMultiRegion` permission-only action (and no SCP that denies it). Network Load
     * Balancer services only.
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
     * zone. Network Load Balancer services only. Removing it from a service that has one is
     * refused at deployment: the AWS provider cannot remove a private DNS name, so the component
     * says how to remove it by hand instead of reporting a change that did not happen.
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
     * Consumer endpoints whose pending connections the component accepts, one
     * `VpcEndpointConnectionAccepter` each, named by key. Needs manual acceptance. Removing an
     * entry does not reject its connection unless the entry set `rejectOnRemoval`.
     * @default []
     */
    acceptEndpoints?: AwsPrivateLinkServiceAcceptedEndpointArgs[];
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

const ALL_EVENTS = Object.values(AwsPrivateLinkServiceConnectionEvent) as string[];
const NLB_ARN = patternCheck(/^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:loadbalancer\/net\/[^/]+\/[^/]+$/, "a Network Load Balancer ARN (…:loadbalancer/net/<name>/<id>)", "lb.arn");
const GWLB_ARN = patternCheck(/^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:loadbalancer\/gwy\/[^/]+\/[^/]+$/, "a Gateway Load Balancer ARN (…:loadbalancer/gwy/<name>/<id>)", "lb.arn");
const SNS_ARN = patternCheck(/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_.-]+$/, "an SNS topic ARN", "arn:aws:sns:<region>:<account-id>:<topic>");
const PRINCIPAL_ARN = /^arn:aws[a-z-]*:iam::\d{12}:(root|role\/.+|user\/.+)$/;
const ENDPOINT_ID = awsIdCheck("vpce");

/**
 * The check of one allowed principal: an IAM principal ARN, or `*` when the wildcard is allowed.
 * The same check judges plain principals in the constructor and Output principals when they
 * resolve, so `pulumi.output("*")` is refused like `"*"`.
 */
function principalCheck(allowWildcard: boolean): Check {
    return (value) => {
        if (typeof value !== "string" || value.trim() === "") {
            return { problem: "which is not an IAM principal ARN", fix: "use an IAM principal ARN, e.g. arn:aws:iam::123456789012:root" };
        }
        if (value.includes("*")) {
            if (value !== "*") {
                return { problem: "which is a partial wildcard that AWS does not support", fix: 'list full principal ARNs, or "*" with allowWildcardPrincipal: true' };
            }
            if (!allowWildcard) {
                return {
                    problem: "which lets every AWS account discover and request the service",
                    fix: "list the consumer accounts' principal ARNs, or set allowWildcardPrincipal: true if the service is meant for everyone",
                };
            }
            return undefined;
        }
        return PRINCIPAL_ARN.test(value) ? undefined : { problem: "which is not an IAM principal ARN", fix: "use arn:aws:iam::<account-id>:root, …:role/<name> or …:user/<name>" };
    };
}

/** A lower-case host name of two labels or more, no trailing dot, `*.` only first: what AWS publishes. */
const PRIVATE_DNS_NAME: Check = (value) =>
    isHostName(value, { wildcard: true, minLabels: 2, trailingDot: false, upperCase: false })
        ? undefined
        : { problem: "which is not a lower-case DNS name", fix: 'write a fully qualified name without a trailing dot, e.g. "api.example.com"' };

/** What the constructor builds, as validation found it. */
interface ServicePlan {
    loadBalancer?: NetworkLoadBalancerPlan;
    accepters: Array<{ key: string; field: string; entry: AwsPrivateLinkServiceAcceptedEndpointArgs }>;
}

/**
 * Validates every plain argument of {@link AwsPrivateLinkService} and throws a `ValidationError`
 * naming the field, the value and the fix. Values that are Outputs are judged when they resolve,
 * by the same checks.
 *
 * Internal. Exported for testing and for callers that want to check arguments up front.
 */
export function validateAwsPrivateLinkServiceArgs(name: string, args: AwsPrivateLinkServiceArgs): void {
    planService(name, args);
}

function planService(name: string, args: AwsPrivateLinkServiceArgs): ServicePlan {
    const v = startValidation(COMPONENT, name, args, "pass an arguments object, e.g. { networkLoadBalancerArns: [nlb.arn] }");

    // The front end: exactly one way to say which load balancer the service sits on.
    requireExactlyOne(
        v,
        {
            networkLoadBalancerArns: args.networkLoadBalancerArns,
            gatewayLoadBalancerArns: args.gatewayLoadBalancerArns,
            loadBalancer: args.loadBalancer,
        },
        "give exactly one of networkLoadBalancerArns (existing NLBs), gatewayLoadBalancerArns (existing GWLBs) or loadBalancer (create an internal NLB)",
    );
    for (const [field, list, check] of [
        ["networkLoadBalancerArns", args.networkLoadBalancerArns, NLB_ARN],
        ["gatewayLoadBalancerArns", args.gatewayLoadBalancerArns, GWLB_ARN],
    ] as const) {
        validateList(v, field, list, check, { nonEmpty: true, fix: "list at least one load balancer" });
        requireUnique(v, field, list);
    }
    const isGateway = args.gatewayLoadBalancerArns !== undefined;
    const loadBalancer = args.loadBalancer !== undefined ? validateNetworkLoadBalancer(v, name, args.loadBalancer) : undefined;

    // Access control.
    requireValid(v, "acceptanceRequired", args.acceptanceRequired, optional(booleanCheck));
    if (args.allowWildcardPrincipal !== undefined && typeof args.allowWildcardPrincipal !== "boolean") {
        v.fail("allowWildcardPrincipal", isKnown(args.allowWildcardPrincipal) ? args.allowWildcardPrincipal : "<output>", "which is not a plain true or false", "pass a plain boolean for allowWildcardPrincipal");
    }
    const acceptanceOff = args.acceptanceRequired === false;
    validateList(v, "allowedPrincipals", args.allowedPrincipals, principalCheck(args.allowWildcardPrincipal === true));
    requireUnique(v, "allowedPrincipals", args.allowedPrincipals);
    if (acceptanceOff && (args.allowedPrincipals ?? []).includes("*")) {
        v.fail("acceptanceRequired", false, 'which, with "*" in allowedPrincipals, lets any AWS account connect without review', "keep acceptanceRequired true (the default) for a service offered to every account");
    }

    // Reach: regions and IP address types.
    validateList(v, "supportedRegions", args.supportedRegions, regionCheck);
    if (isGateway && (args.supportedRegions ?? []).length > 0) {
        v.fail("supportedRegions", args.supportedRegions, "but cross-region access is only offered for Network Load Balancer services", "remove supportedRegions, or publish a Network Load Balancer");
    }
    requireUnique(v, "supportedRegions", args.supportedRegions);
    validateList(v, "supportedIpAddressTypes", args.supportedIpAddressTypes, (t) =>
        typeof t === "string" && (Object.values(AwsEndpointServiceIpAddressType) as string[]).includes(t) ? undefined : { problem: "which is not a supported value", fix: 'use "ipv4" or "ipv6"' },
    );
    if (args.supportedIpAddressTypes !== undefined && args.supportedIpAddressTypes.length === 0) {
        v.fail("supportedIpAddressTypes", args.supportedIpAddressTypes, "but the service needs at least one", 'leave it out for ["ipv4"], or list "ipv4" and/or "ipv6"');
    }
    args.supportedIpAddressTypes?.forEach((t, i) => {
        if (!isKnown(t)) {
            v.fail(`supportedIpAddressTypes[${i}]`, "<output>", "which is not known until deployment", 'pass "ipv4" or "ipv6" as plain text');
        }
    });
    requireUnique(v, "supportedIpAddressTypes", args.supportedIpAddressTypes);
    if (
        args.loadBalancer !== undefined &&
        (args.supportedIpAddressTypes ?? []).includes(AwsEndpointServiceIpAddressType.Ipv6) &&
        args.loadBalancer.ipAddressType !== AwsNlbIpAddressType.Dualstack
    ) {
        v.fail("supportedIpAddressTypes", args.supportedIpAddressTypes, "but the created load balancer is IPv4 only", 'set loadBalancer.ipAddressType to "dualstack", or offer only "ipv4"');
    }

    // Private DNS name.
    if (args.privateDns !== undefined) {
        const dns = args.privateDns;
        if (typeof dns !== "object" || dns === null || Array.isArray(dns) || !isKnown(dns)) {
            v.fail("privateDns", isKnown(dns) ? dns : "<output>", "which is not an object", 'pass { name: "api.example.com", publicZoneId: zone.zoneId }');
        }
        if (isGateway) {
            v.fail("privateDns", dns, "but Gateway Load Balancer services have no DNS names", "remove privateDns");
        }
        requireValidValue(v, "privateDns.name", dns.name, PRIVATE_DNS_NAME, 'give the DNS name consumers use, e.g. "api.example.com"');
        requireValid(v, "privateDns.publicZoneId", dns.publicZoneId, optional(textCheck("the id of the domain's public hosted zone, e.g. zone.zoneId")));
        requireValid(v, "privateDns.recordTtl", dns.recordTtl, optional(integerCheck(0, 172800)));
        requireValid(v, "privateDns.waitForVerification", dns.waitForVerification, optional(booleanCheck));
    }

    // Notifications.
    if (args.disableNotifications !== undefined && typeof args.disableNotifications !== "boolean") {
        v.fail("disableNotifications", isKnown(args.disableNotifications) ? args.disableNotifications : "<output>", "which is not a plain true or false", "pass a plain boolean for disableNotifications");
    }
    if (args.disableNotifications === true && args.notifications !== undefined) {
        v.fail("disableNotifications", true, "but notifications are configured too", "remove notifications, or remove disableNotifications");
    }
    if (args.notifications !== undefined) {
        const n = args.notifications;
        if (typeof n !== "object" || n === null || Array.isArray(n) || !isKnown(n)) {
            v.fail("notifications", isKnown(n) ? n : "<output>", "which is not an object", "pass {} for a new topic, or { topicArn: topic.arn }");
        }
        requireValid(v, "notifications.topicArn", n.topicArn, optional(SNS_ARN));
        if (n.topicArn !== undefined && n.topicKmsKeyId !== undefined) {
            v.fail(
                "notifications.topicKmsKeyId",
                isKnown(n.topicKmsKeyId) ? n.topicKmsKeyId : "<output>",
                "but it only applies to a topic the component creates",
                "encrypt your own topic where it is defined, or drop topicArn to let the component create one",
            );
        }
        requireValid(v, "notifications.topicKmsKeyId", n.topicKmsKeyId, optional(textCheck("a KMS key id, ARN or alias")));
        validateList(v, "notifications.events", n.events, (e) => (typeof e === "string" && ALL_EVENTS.includes(e) ? undefined : { problem: "which is not a supported value", fix: `use one of ${ALL_EVENTS.join(", ")}` }));
        if (n.events !== undefined && n.events.length === 0) {
            v.fail("notifications.events", n.events, "but a notification needs at least one event", "leave events out for all four, or list some of Accept, Connect, Delete, Reject");
        }
        n.events?.forEach((e, i) => requireOneOf(v, `notifications.events[${i}]`, e, ALL_EVENTS, { mustBeKnown: true }));
        requireUnique(v, "notifications.events", n.events);
        if (n.topicArn === undefined) {
            requireAutonameFits(v, name, childName(name, "topic"), SNS_TOPIC_NAME);
        }
    } else if (args.disableNotifications !== true) {
        requireAutonameFits(v, name, childName(name, "topic"), SNS_TOPIC_NAME);
    }

    // Acceptance of known endpoints.
    const entries = validateObjectList<AwsPrivateLinkServiceAcceptedEndpointArgs>(v, "acceptEndpoints", args.acceptEndpoints, (e, at) => {
        requireValidValue(v, `${at}.endpointId`, e.endpointId, ENDPOINT_ID, 'give the consumer endpoint\'s id, e.g. "vpce-0123456789abcdef0"');
        if (e.key !== undefined && typeof e.key !== "string") {
            v.fail(`${at}.key`, isKnown(e.key) ? e.key : "<output>", "which is not plain text", 'name the consumer with plain text, e.g. "consumer-a"');
        }
        if (e.rejectOnRemoval !== undefined && typeof e.rejectOnRemoval !== "boolean") {
            v.fail(`${at}.rejectOnRemoval`, isKnown(e.rejectOnRemoval) ? e.rejectOnRemoval : "<output>", "which is not a plain true or false", "pass true or false");
        }
    });
    requireUnique(v, "acceptEndpoints", entries.map((e) => e.endpointId), "endpointId");
    const keys = requireEntryKeys(v, "acceptEndpoints", entries.map((e) => ({ value: e.endpointId, key: e.key })), {
        valueField: "endpointId",
        keyField: "key",
        duplicateFix: "accept each endpoint once, with its own key",
    });
    if (entries.length > 0 && acceptanceOff) {
        v.fail("acceptEndpoints", entries, "but with acceptanceRequired false connections are accepted automatically", "remove acceptEndpoints, or keep acceptanceRequired true");
    }

    // A created load balancer's security group also carries a `Name` tag.
    validateAwsTags(v, "tags", args.tags, { nameTag: args.loadBalancer !== undefined });
    requireNameFitsTags(v, name, args.loadBalancer !== undefined ? [childName(name, "sg")] : []);
    return { loadBalancer, accepters: entries.map((entry, i) => ({ key: keys[i], field: `acceptEndpoints[${i}]`, entry })) };
}


/**
 * Publishes a service through AWS PrivateLink.
 *
 * Secure by default: connections need the owner's acceptance, no principal is allowed unless
 * listed (and `*` only with `allowWildcardPrincipal`), a created load balancer is internal,
 * spans at least two zones with cross-zone load balancing on, and has a dedicated security group
 * that admits only the listed client sources on the listener ports and reaches only the targets.
 *
 * Children (logical names, for component `name`):
 * - `${name}-service` — `aws.ec2.VpcEndpointService`
 * - with `loadBalancer`: `${name}-sg` (`aws.ec2.SecurityGroup`),
 *   `${name}-ingress-<tcp|udp>-<port>-<source>` (`aws.vpc.SecurityGroupIngressRule`) per listener
 *   port and client source (CIDR in key form, or the source's key),
 *   `${name}-egress-<tcp|udp>-<port>-<cidr|vpc>` (`aws.vpc.SecurityGroupEgressRule`) per target or
 *   health check port and target CIDR, `${name}-nlb` (`aws.lb.LoadBalancer`), and per listener
 *   `${name}-tg-<port>` (`aws.lb.TargetGroup`), `${name}-listener-<port>` (`aws.lb.Listener`) and
 *   `${name}-target-<port>-<target>[-<targetPort>]` (`aws.lb.TargetGroupAttachment`) per target
 *   (its id in key form, or its key)
 * - with `privateDns.publicZoneId`: `${name}-dns-txt` (`aws.route53.Record`) and
 *   `${name}-dns-verification` (`aws.vpc.EndpointServicePrivateDnsVerification`)
 * - unless notifications are off: `${name}-topic` (`aws.sns.Topic`) and `${name}-topic-policy`
 *   (`aws.sns.TopicPolicy`) without `notifications.topicArn`, and `${name}-notification`
 *   (`aws.ec2.VpcEndpointConnectionNotification`)
 * - `${name}-accept-<key>` (`aws.ec2.VpcEndpointConnectionAccepter`) per entry of `acceptEndpoints`
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
     * The endpoint ids from `acceptEndpoints`, known once their connections are accepted. A
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
        const plan = planService(name, args);
        super(typeToken(COMPONENT), name, {}, opts);
        const v = new Validator(COMPONENT, name);
        const tags = mergeTags(name, args.tags);

        let loadBalancerArn: pulumi.Output<string>;
        let securityGroupId: pulumi.Output<string | undefined> = pulumi.output(undefined);
        let networkLoadBalancerArns: pulumi.Input<pulumi.Input<string>[]> | undefined;
        if (plan.loadBalancer) {
            const created = createNetworkLoadBalancer(v, name, plan.loadBalancer, tags, this);
            loadBalancerArn = created.loadBalancer.arn;
            securityGroupId = created.securityGroup.id;
            networkLoadBalancerArns = [loadBalancerArn];
        } else {
            networkLoadBalancerArns = args.networkLoadBalancerArns && checkedList(v, "networkLoadBalancerArns", args.networkLoadBalancerArns, NLB_ARN);
            const given = networkLoadBalancerArns ?? checkedList(v, "gatewayLoadBalancerArns", args.gatewayLoadBalancerArns!, GWLB_ARN);
            loadBalancerArn = pulumi.output((given as pulumi.Input<string>[])[0]);
            networkLoadBalancerArns = networkLoadBalancerArns && asSet(networkLoadBalancerArns as pulumi.Input<string>[]);
        }
        const isGateway = args.gatewayLoadBalancerArns !== undefined;

        const principals = asSet(checkedList(v, "allowedPrincipals", args.allowedPrincipals ?? [], principalCheck(args.allowWildcardPrincipal === true)));
        const service = new aws.ec2.VpcEndpointService(
            childName(name, "service"),
            {
                acceptanceRequired: acceptanceOf(v, args),
                networkLoadBalancerArns,
                gatewayLoadBalancerArns: isGateway ? asSet(checkedList(v, "gatewayLoadBalancerArns", args.gatewayLoadBalancerArns!, GWLB_ARN)) : undefined,
                // Always the full list, `[]` when empty: the provider keeps an omitted list as it
                // was, so removed accounts would keep their access.
                allowedPrincipals: principals,
                // Gateway Load Balancer services have no regions; for Network Load Balancer
                // services the home region always comes first, because AWS always reports it.
                supportedRegions: isGateway ? undefined : this.supportedRegions(v, args.supportedRegions ?? []),
                supportedIpAddressTypes: args.supportedIpAddressTypes ?? [AwsEndpointServiceIpAddressType.Ipv4],
                // Left out when not asked for: the provider cannot remove a private DNS name (it
                // never calls RemovePrivateDnsName), so a removal is refused below instead.
                privateDnsName: args.privateDns ? whenResolved(v, "privateDns.name", args.privateDns.name, PRIVATE_DNS_NAME) : undefined,
                tags,
            },
            { parent: this },
        );

        // Private DNS: AWS hands out a TXT record to prove the domain is ours. It must be
        // resolvable before verification starts, and nothing in the verification's inputs refers
        // to the record, so the order is stated explicitly.
        let privateDnsVerification: pulumi.Output<AwsPrivateLinkServiceDnsVerification | undefined> = pulumi.output(undefined);
        let dnsCheck: pulumi.Output<unknown> = pulumi.output(undefined);
        if (args.privateDns) {
            const dns = args.privateDns;
            const config = service.privateDnsNameConfigurations.apply((configs) => configs?.[0]);
            privateDnsVerification = config.apply((c) => ({ name: c?.name ?? "", value: c?.value ?? "", state: c?.state ?? "" }));
            if (dns.publicZoneId !== undefined) {
                const txt = new aws.route53.Record(
                    childName(name, "dns-txt"),
                    {
                        zoneId: whenResolved(v, "privateDns.publicZoneId", dns.publicZoneId, textCheck("the id of the domain's public hosted zone")),
                        // The configuration gives the record's label; Route 53 qualifies it with the zone's domain.
                        name: config.apply((c) => c?.name ?? ""),
                        type: "TXT",
                        ttl: whenResolved(v, "privateDns.recordTtl", dns.recordTtl ?? 1800, integerCheck(0, 172800)),
                        records: [config.apply((c) => c?.value ?? "")],
                    },
                    { parent: this },
                );
                new aws.vpc.EndpointServicePrivateDnsVerification(
                    childName(name, "dns-verification"),
                    {
                        serviceId: service.id,
                        waitForVerification: whenResolved(v, "privateDns.waitForVerification", dns.waitForVerification ?? true, booleanCheck),
                    },
                    {
                        parent: this,
                        // The record's name and value come from the service, not from an input of the
                        // verification, so the order is stated.
                        dependsOn: [txt],
                        // A renamed private DNS name gets a new TXT record, but nothing in the
                        // verification's inputs changes; without a new verification AWS would never
                        // check the new record, so a new name replaces the verification.
                        replacementTrigger: dns.name,
                    },
                );
            }
        } else if (!isGateway) {
            // Refuse, at deployment, a removal the provider would silently not make.
            dnsCheck = pulumi.all([service.privateDnsName, service.id]).apply(([current, id]) => {
                if (typeof current === "string" && current !== "") {
                    v.failAtDeployment(
                        "privateDns",
                        undefined,
                        `but endpoint service ${id} still has the private DNS name "${current}", which the AWS provider cannot remove`,
                        `remove it by hand with \`aws ec2 modify-vpc-endpoint-service-configuration --service-id ${id} --remove-private-dns-name\`, then \`pulumi refresh\`; or keep privateDns`,
                    );
                }
                return current;
            });
        }

        let notificationTopicArn: pulumi.Output<string | undefined> = pulumi.output(undefined);
        // Notifications are on unless turned off: with manual acceptance, a pending request nobody
        // hears about is a consumer left waiting.
        const notifications = args.disableNotifications ? undefined : (args.notifications ?? {});
        if (notifications) {
            let topicArn: pulumi.Input<string>;
            let topicPolicy: aws.sns.TopicPolicy | undefined;
            if (notifications.topicArn !== undefined) {
                topicArn = whenResolved(v, "notifications.topicArn", notifications.topicArn, SNS_ARN);
            } else {
                const topic = new aws.sns.Topic(
                    childName(name, "topic"),
                    {
                        kmsMasterKeyId: notifications.topicKmsKeyId === undefined ? undefined : whenResolved(v, "notifications.topicKmsKeyId", notifications.topicKmsKeyId, textCheck("a KMS key id, ARN or alias")),
                        tags,
                    },
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

        const accepters = plan.accepters.map(
            ({ key, field, entry }) =>
                new aws.ec2.VpcEndpointConnectionAccepter(
                    childName(name, "accept", key),
                    { vpcEndpointServiceId: service.id, vpcEndpointId: whenResolved(v, `${field}.endpointId`, entry.endpointId, ENDPOINT_ID) },
                    // Deleting an accepter rejects the live connection (RejectVpcEndpointConnections):
                    // removing an entry must not cut a consumer off unless the entry asked for it.
                    { parent: this, retainOnDelete: entry.rejectOnRemoval !== true },
                ),
        );

        // The removal check of the private DNS name rides on the service reference, so a refused
        // removal fails the deployment rather than going unnoticed.
        this.serviceReference = pulumi.all([service.serviceName, dnsCheck]).apply(([serviceName]) => serviceName);
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

    /** The supported regions to send: the provider's region first, then the listed ones, each once. */
    private supportedRegions(v: Validator, listed: readonly pulumi.Input<string>[]): pulumi.Output<string[]> {
        const home = aws.getRegionOutput({}, { parent: this }).region;
        return pulumi.all([home, ...checkedList(v, "supportedRegions", listed, regionCheck)]).apply(([own, ...others]) => [...new Set([own, ...[...others].sort()])]);
    }
}

/**
 * `acceptanceRequired` as the service gets it. When it or a principal is an Output, the rule that
 * `*` needs manual acceptance is checked once both are known, like it is for plain values.
 */
function acceptanceOf(v: Validator, args: AwsPrivateLinkServiceArgs): pulumi.Input<boolean> {
    const acceptance = args.acceptanceRequired ?? true;
    const principals = args.allowedPrincipals ?? [];
    if (isKnown(acceptance) && principals.every((p) => isKnown(p))) {
        return acceptance;
    }
    return pulumi.all([acceptance, ...principals]).apply(([accept, ...resolved]) => {
        if (typeof accept !== "boolean") {
            v.failAtDeployment("acceptanceRequired", accept, "which is not true or false", "pass true or false");
        }
        if (accept === false && resolved.includes("*")) {
            v.failAtDeployment("acceptanceRequired", false, 'which, with "*" in allowedPrincipals, lets any AWS account connect without review', "keep acceptanceRequired true (the default) for a service offered to every account");
        }
        return accept;
    });
}
