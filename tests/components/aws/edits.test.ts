/**
 * The routine edits of a live stack, per AWS component, with what each must (and must only) do:
 * add, remove and reorder each list entry, rename the DNS name, turn each option on and then off.
 * `describeEdits` runs the component with the arguments before and after the edit under the
 * recording mocks and fails when any other URN is created, deleted or changed, when a resource
 * moves provider, or when a property is removed by omission instead of an explicit value.
 *
 * Edits that the harness cannot express as an input diff (a replacement trigger, a deployment-time
 * refusal) have their own tests at the end.
 */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { describeEdits, editTableSize, planEdit, RoutineEdit, summarise } from "../../harness/edits";
import { startMocks } from "../../harness/mocks";
import {
    AwsPrivateDnsRecordType,
    AwsPrivateDnsZone,
    AwsPrivateDnsZoneArgs,
    AwsPrivateEndpoint,
    AwsPrivateEndpointArgs,
    AwsPrivateLinkService,
    AwsPrivateLinkServiceArgs,
    AwsServiceEndpoints,
    AwsServiceEndpointsArgs,
    AwsNlbListenerProtocol,
} from "../../../components/aws";
import { deploymentErrorsOf, namesField } from "./deployment";

/** A deep copy with `change` applied: each edit starts from the same base. */
function edited<A>(base: () => A, change: (a: A) => void): A {
    const a = base();
    change(a);
    return a;
}

// ---------------------------------------------------------------------------------------------
// AwsPrivateLinkService

const P1 = "arn:aws:iam::222222222222:root";
const P2 = "arn:aws:iam::333333333333:root";
const P3 = "arn:aws:iam::444444444444:root";

function service(): AwsPrivateLinkServiceArgs {
    return {
        loadBalancer: {
            vpcId: "vpc-1",
            subnetIds: ["subnet-a", "subnet-b"],
            allowedCidrs: ["10.20.0.0/16", "10.21.0.0/16"],
            enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: true,
            listeners: [
                { port: 443, targets: [{ id: "10.0.1.10" }, { id: "10.0.2.10" }] },
                { port: 8443, targets: [{ id: "10.0.1.10" }] },
            ],
        },
        allowedPrincipals: [P1, P2],
        supportedRegions: ["eu-west-1", "eu-central-1"],
        privateDns: { name: "orders.example.com", publicZoneId: "ZPUBLIC" },
        acceptEndpoints: [{ endpointId: "vpce-0aaa" }, { endpointId: "vpce-0bbb" }],
    };
}

const svc = (change: (a: AwsPrivateLinkServiceArgs) => void) => edited(service, change);
const lb = (change: (l: NonNullable<AwsPrivateLinkServiceArgs["loadBalancer"]>) => void) => svc((a) => change(a.loadBalancer!));
/** The ingress rules of a client source on every listener port (TCP listeners). */
const ingressOf = (key: string, ports = [443, 8443]) => ports.map((p) => `orders-ingress-tcp-${p}-${key}`);

const serviceEdits: RoutineEdit<AwsPrivateLinkServiceArgs>[] = [
    { edit: "add a load balancer subnet", before: service(), after: lb((l) => l.subnetIds.push("subnet-c")), expect: { changed: { "orders-nlb": ["subnets"] } } },
    // The provider replaces the NLB for this; the target groups follow it (replaceWith), which the
    // dedicated test below checks, and the graph shows the one changed input.
    { edit: "remove a load balancer subnet", before: lb((l) => l.subnetIds.push("subnet-c")), after: service(), expect: { changed: { "orders-nlb": ["subnets"] } } },
    { edit: "reorder the load balancer subnets", before: service(), after: lb((l) => l.subnetIds.reverse()), expect: {} },
    { edit: "add an extra load balancer security group", before: service(), after: lb((l) => (l.securityGroupIds = ["sg-0extra"])), expect: { changed: { "orders-nlb": ["securityGroups"] } } },
    { edit: "add a client CIDR", before: service(), after: lb((l) => l.allowedCidrs!.push("10.22.0.0/16")), expect: { created: ingressOf("10-22-0-0-16") } },
    { edit: "remove a client CIDR", before: service(), after: lb((l) => l.allowedCidrs!.shift()), expect: { deleted: ingressOf("10-20-0-0-16") } },
    { edit: "reorder the client CIDRs", before: service(), after: lb((l) => l.allowedCidrs!.reverse()), expect: {} },
    {
        edit: "add a keyed client source",
        before: service(),
        after: lb((l) => (l.allowedSources = [{ key: "peer", cidr: "10.30.0.0/16" }])),
        expect: { created: ingressOf("peer") },
    },
    {
        edit: "remove a keyed client source",
        before: lb((l) => (l.allowedSources = [{ key: "peer", cidr: "10.30.0.0/16" }, { key: "other", cidr: "10.31.0.0/16" }])),
        after: lb((l) => (l.allowedSources = [{ key: "other", cidr: "10.31.0.0/16" }])),
        expect: { deleted: ingressOf("peer") },
    },
    {
        edit: "add a target CIDR",
        before: lb((l) => (l.targetCidrs = ["10.0.0.0/16"])),
        after: lb((l) => (l.targetCidrs = ["10.0.0.0/16", "10.1.0.0/16"])),
        expect: { created: ["orders-egress-tcp-443-10-1-0-0-16", "orders-egress-tcp-8443-10-1-0-0-16"] },
    },
    {
        edit: "remove a target CIDR",
        before: lb((l) => (l.targetCidrs = ["10.0.0.0/16", "10.1.0.0/16"])),
        after: lb((l) => (l.targetCidrs = ["10.1.0.0/16"])),
        expect: { deleted: ["orders-egress-tcp-443-10-0-0-0-16", "orders-egress-tcp-8443-10-0-0-0-16"] },
    },
    {
        edit: "reorder the target CIDRs",
        before: lb((l) => (l.targetCidrs = ["10.0.0.0/16", "10.1.0.0/16"])),
        after: lb((l) => (l.targetCidrs = ["10.1.0.0/16", "10.0.0.0/16"])),
        expect: {},
    },
    { edit: "add a target", before: service(), after: lb((l) => l.listeners[0].targets!.push({ id: "10.0.3.10" })), expect: { created: ["orders-target-443-10-0-3-10"] } },
    { edit: "remove the first target", before: service(), after: lb((l) => l.listeners[0].targets!.shift()), expect: { deleted: ["orders-target-443-10-0-1-10"] } },
    { edit: "reorder the targets", before: service(), after: lb((l) => l.listeners[0].targets!.reverse()), expect: {} },
    {
        edit: "register a target on a second port",
        before: service(),
        after: lb((l) => l.listeners[0].targets!.push({ id: "10.0.1.10", port: 9443 })),
        expect: { created: ["orders-target-443-10-0-1-10-9443", "orders-egress-tcp-9443-vpc"] },
    },
    {
        edit: "remove a keyed target given as an Output",
        before: lb((l) => l.listeners[0].targets!.push({ id: pulumi.output("10.0.9.10"), key: "late" })),
        after: service(),
        expect: { deleted: ["orders-target-443-late"] },
    },
    {
        edit: "add a listener",
        before: service(),
        after: lb((l) => l.listeners.push({ port: 53, protocol: AwsNlbListenerProtocol.Udp })),
        expect: {
            created: ["orders-tg-53", "orders-listener-53", "orders-ingress-udp-53-10-20-0-0-16", "orders-ingress-udp-53-10-21-0-0-16", "orders-egress-udp-53-vpc", "orders-egress-tcp-53-vpc"],
        },
    },
    {
        edit: "remove a listener",
        before: service(),
        after: lb((l) => l.listeners.pop()),
        expect: {
            deleted: ["orders-tg-8443", "orders-listener-8443", "orders-target-8443-10-0-1-10", "orders-egress-tcp-8443-vpc", ...ingressOf("10-20-0-0-16", [8443]), ...ingressOf("10-21-0-0-16", [8443])],
        },
    },
    { edit: "reorder the listeners", before: service(), after: lb((l) => l.listeners.reverse()), expect: {} },
    { edit: "add a principal", before: service(), after: svc((a) => a.allowedPrincipals!.push(P3)), expect: { changed: { "orders-service": ["allowedPrincipals"] } } },
    { edit: "remove a principal", before: service(), after: svc((a) => a.allowedPrincipals!.shift()), expect: { changed: { "orders-service": ["allowedPrincipals"] } } },
    // The whole list removed must still reach the provider, as [] (never an omission).
    { edit: "remove every principal", before: service(), after: svc((a) => delete a.allowedPrincipals), expect: { changed: { "orders-service": ["allowedPrincipals"] } } },
    { edit: "reorder the principals", before: service(), after: svc((a) => a.allowedPrincipals!.reverse()), expect: {} },
    { edit: "add a supported region", before: service(), after: svc((a) => a.supportedRegions!.push("us-west-2")), expect: { changed: { "orders-service": ["supportedRegions"] } } },
    { edit: "remove a supported region", before: service(), after: svc((a) => a.supportedRegions!.pop()), expect: { changed: { "orders-service": ["supportedRegions"] } } },
    { edit: "remove every supported region", before: service(), after: svc((a) => delete a.supportedRegions), expect: { changed: { "orders-service": ["supportedRegions"] } } },
    { edit: "reorder the supported regions", before: service(), after: svc((a) => a.supportedRegions!.reverse()), expect: {} },
    { edit: "accept another endpoint", before: service(), after: svc((a) => a.acceptEndpoints!.push({ endpointId: "vpce-0ccc" })), expect: { created: ["orders-accept-vpce-0ccc"] } },
    { edit: "stop accepting the first endpoint", before: service(), after: svc((a) => a.acceptEndpoints!.shift()), expect: { deleted: ["orders-accept-vpce-0aaa"] } },
    { edit: "reorder the accepted endpoints", before: service(), after: svc((a) => a.acceptEndpoints!.reverse()), expect: {} },
    {
        edit: "stop accepting a keyed endpoint given as an Output",
        before: svc((a) => a.acceptEndpoints!.unshift({ endpointId: pulumi.output("vpce-0fff"), key: "late" })),
        after: service(),
        expect: { deleted: ["orders-accept-late"] },
    },
    { edit: "rename the private DNS name", before: service(), after: svc((a) => (a.privateDns!.name = "api.example.com")), expect: { changed: { "orders-service": ["privateDnsName"] } } },
    { edit: "turn cross-zone load balancing off", before: service(), after: lb((l) => (l.crossZoneLoadBalancing = false)), expect: { changed: { "orders-nlb": ["enableCrossZoneLoadBalancing"] } } },
    { edit: "turn cross-zone load balancing back on", before: lb((l) => (l.crossZoneLoadBalancing = false)), after: service(), expect: { changed: { "orders-nlb": ["enableCrossZoneLoadBalancing"] } } },
    { edit: "turn deletion protection on", before: service(), after: lb((l) => (l.deletionProtection = true)), expect: { changed: { "orders-nlb": ["enableDeletionProtection"] } } },
    { edit: "turn deletion protection off", before: lb((l) => (l.deletionProtection = true)), after: service(), expect: { changed: { "orders-nlb": ["enableDeletionProtection"] } } },
    { edit: "turn access logs on", before: service(), after: lb((l) => (l.accessLogs = { bucket: "logs" })), expect: { changed: { "orders-nlb": ["accessLogs"] } } },
    { edit: "turn access logs off", before: lb((l) => (l.accessLogs = { bucket: "logs", prefix: "nlb/" })), after: service(), expect: { changed: { "orders-nlb": ["accessLogs"] } } },
    { edit: "turn security group enforcement off", before: service(), after: lb((l) => (l.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic = false)), expect: { changed: { "orders-nlb": ["enforceSecurityGroupInboundRulesOnPrivateLinkTraffic"] } } },
    { edit: "turn security group enforcement back on", before: lb((l) => (l.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic = false)), after: service(), expect: { changed: { "orders-nlb": ["enforceSecurityGroupInboundRulesOnPrivateLinkTraffic"] } } },
    { edit: "turn proxy protocol on", before: service(), after: lb((l) => (l.listeners[0].proxyProtocolV2 = true)), expect: { changed: { "orders-tg-443": ["proxyProtocolV2"] } } },
    { edit: "turn proxy protocol off", before: lb((l) => (l.listeners[0].proxyProtocolV2 = true)), after: service(), expect: { changed: { "orders-tg-443": ["proxyProtocolV2"] } } },
    {
        edit: "turn an HTTP health check on",
        before: service(),
        after: lb((l) => (l.listeners[0].healthCheck = { protocol: "HTTP" as never, path: "/healthz", interval: 10 })),
        expect: { changed: { "orders-tg-443": ["healthCheck"] } },
    },
    {
        edit: "turn the HTTP health check off again",
        before: lb((l) => (l.listeners[0].healthCheck = { protocol: "HTTP" as never, path: "/healthz", interval: 10 })),
        after: service(),
        expect: { changed: { "orders-tg-443": ["healthCheck"] } },
    },
    { edit: "stop waiting for verification", before: service(), after: svc((a) => (a.privateDns!.waitForVerification = false)), expect: { changed: { "orders-dns-verification": ["waitForVerification"] } } },
    { edit: "wait for verification again", before: svc((a) => (a.privateDns!.waitForVerification = false)), after: service(), expect: { changed: { "orders-dns-verification": ["waitForVerification"] } } },
    {
        edit: "turn a private DNS name on",
        before: svc((a) => delete a.privateDns),
        after: service(),
        expect: { created: ["orders-dns-txt", "orders-dns-verification"], changed: { "orders-service": ["privateDnsName"] } },
    },
    {
        edit: "turn notifications off",
        before: service(),
        after: svc((a) => (a.disableNotifications = true)),
        expect: { deleted: ["orders-topic", "orders-topic-policy", "orders-notification"] },
    },
    {
        edit: "turn notifications back on",
        before: svc((a) => (a.disableNotifications = true)),
        after: service(),
        expect: { created: ["orders-topic", "orders-topic-policy", "orders-notification"] },
    },
    {
        edit: "turn manual acceptance off (no accepters)",
        before: svc((a) => delete a.acceptEndpoints),
        after: svc((a) => Object.assign(a, { acceptEndpoints: undefined, acceptanceRequired: false })),
        expect: { changed: { "orders-service": ["acceptanceRequired"] } },
    },
    {
        edit: "turn manual acceptance back on",
        before: svc((a) => Object.assign(a, { acceptEndpoints: undefined, acceptanceRequired: false })),
        after: svc((a) => delete a.acceptEndpoints),
        expect: { changed: { "orders-service": ["acceptanceRequired"] } },
    },
];

describeEdits("AwsPrivateLinkService", (args: AwsPrivateLinkServiceArgs) => new AwsPrivateLinkService("orders", args), serviceEdits);

// ---------------------------------------------------------------------------------------------
// AwsPrivateEndpoint

const LOG_GROUP = "arn:aws:logs:us-east-1:111111111111:log-group:endpoint-flows";

function endpoint(): AwsPrivateEndpointArgs {
    return {
        vpcId: "vpc-1",
        serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0",
        subnets: [
            { subnetId: "subnet-a", availabilityZone: "us-east-1a" },
            { subnetId: "subnet-b", availabilityZone: "us-east-1b" },
        ],
        allowedCidrs: ["10.0.0.0/16", "10.1.0.0/16"],
        allowedSecurityGroupIds: ["sg-0app"],
        ports: [443],
        privateZone: {
            domainName: "orders.internal",
            additionalVpcs: [{ vpcId: "vpc-2" }, { vpcId: "vpc-3" }],
            crossAccountVpcs: [{ vpcId: "vpc-4" }],
        },
        flowLogs: { destinationArn: LOG_GROUP },
    };
}

const pe = (change: (a: AwsPrivateEndpointArgs) => void) => edited(endpoint, change);
/** An endpoint to an AWS service, which takes endpoint policies (a customer service does not). */
const endpointToAws = (change: (a: AwsPrivateEndpointArgs) => void = () => undefined) =>
    pe((a) => {
        a.serviceName = "com.amazonaws.us-east-1.ssm";
        change(a);
    });
const withoutZone = (change: (a: AwsPrivateEndpointArgs) => void = () => undefined) =>
    pe((a) => {
        delete a.privateZone;
        change(a);
    });

const endpointEdits: RoutineEdit<AwsPrivateEndpointArgs>[] = [
    {
        edit: "add a subnet",
        before: endpoint(),
        after: pe((a) => a.subnets.push({ subnetId: "subnet-c", availabilityZone: "us-east-1c" })),
        expect: { created: ["pe-flowlog-eni-subnet-c"], changed: { "pe-endpoint": ["subnetIds"] } },
    },
    {
        edit: "remove the first subnet",
        before: pe((a) => a.subnets.push({ subnetId: "subnet-c", availabilityZone: "us-east-1c" })),
        after: pe((a) => (a.subnets = [a.subnets[1], { subnetId: "subnet-c", availabilityZone: "us-east-1c" }])),
        expect: { deleted: ["pe-flowlog-eni-subnet-a"], changed: { "pe-endpoint": ["subnetIds"] } },
    },
    { edit: "reorder the subnets", before: endpoint(), after: pe((a) => a.subnets.reverse()), expect: {} },
    {
        edit: "add a keyed subnet given as an Output",
        before: endpoint(),
        after: pe((a) => a.subnets.push({ subnetId: pulumi.output("subnet-c"), key: "zone-c" })),
        expect: { created: ["pe-flowlog-eni-zone-c"], changed: { "pe-endpoint": ["subnetIds"] } },
    },
    { edit: "add a client CIDR", before: endpoint(), after: pe((a) => a.allowedCidrs!.push("fd00:1::/64")), expect: { created: ["pe-ingress-fd00-1-0-0-0-0-0-0-64-443"] } },
    { edit: "remove a client CIDR", before: endpoint(), after: pe((a) => a.allowedCidrs!.shift()), expect: { deleted: ["pe-ingress-10-0-0-0-16-443"] } },
    { edit: "reorder the client CIDRs", before: endpoint(), after: pe((a) => a.allowedCidrs!.reverse()), expect: {} },
    { edit: "add a client security group", before: endpoint(), after: pe((a) => a.allowedSecurityGroupIds!.push("sg-0batch")), expect: { created: ["pe-ingress-sg-0batch-443"] } },
    { edit: "remove a client security group", before: endpoint(), after: pe((a) => (a.allowedSecurityGroupIds = [])), expect: { deleted: ["pe-ingress-sg-0app-443"] } },
    {
        edit: "reorder the client security groups",
        before: pe((a) => a.allowedSecurityGroupIds!.push("sg-0batch")),
        after: pe((a) => (a.allowedSecurityGroupIds = ["sg-0batch", "sg-0app"])),
        expect: {},
    },
    {
        edit: "add a keyed client source given as an Output",
        before: endpoint(),
        after: pe((a) => (a.allowedSources = [{ key: "peer", cidr: pulumi.output("10.9.0.0/16") }])),
        expect: { created: ["pe-ingress-peer-443"] },
    },
    {
        edit: "remove a keyed client source",
        before: pe((a) => (a.allowedSources = [{ key: "peer", cidr: pulumi.output("10.9.0.0/16") }, { key: "app2", securityGroupId: pulumi.output("sg-0late") }])),
        after: pe((a) => (a.allowedSources = [{ key: "app2", securityGroupId: pulumi.output("sg-0late") }])),
        expect: { deleted: ["pe-ingress-peer-443"] },
    },
    {
        edit: "add a port",
        before: endpoint(),
        after: pe((a) => a.ports!.push(8443)),
        expect: { created: ["pe-ingress-10-0-0-0-16-8443", "pe-ingress-10-1-0-0-16-8443", "pe-ingress-sg-0app-8443"] },
    },
    { edit: "add a VPC to the private zone", before: endpoint(), after: pe((a) => a.privateZone!.additionalVpcs!.push({ vpcId: "vpc-5" })), expect: { created: ["pe-assoc-vpc-5"] } },
    { edit: "remove a VPC from the private zone", before: endpoint(), after: pe((a) => a.privateZone!.additionalVpcs!.shift()), expect: { deleted: ["pe-assoc-vpc-2"] } },
    { edit: "reorder the private zone's VPCs", before: endpoint(), after: pe((a) => a.privateZone!.additionalVpcs!.reverse()), expect: {} },
    { edit: "authorise another account's VPC", before: endpoint(), after: pe((a) => a.privateZone!.crossAccountVpcs!.push({ vpcId: "vpc-6" })), expect: { created: ["pe-auth-vpc-6"] } },
    { edit: "withdraw another account's VPC", before: endpoint(), after: pe((a) => (a.privateZone!.crossAccountVpcs = [])), expect: { deleted: ["pe-auth-vpc-4"] } },
    {
        edit: "rename the private zone's domain",
        before: endpoint(),
        after: pe((a) => (a.privateZone!.domainName = "orders.corp.internal")),
        expect: { changed: { "pe-zone": ["name"], "pe-alias-a": ["name"] } },
    },
    {
        // The endpoint moves to another VPC: its zone is replaced (replacementTrigger) with one
        // visible to the new VPC, checked below; the graph shows the inputs that follow.
        edit: "move the endpoint to another VPC",
        before: endpoint(),
        after: pe((a) => (a.vpcId = "vpc-9")),
        expect: { changed: { "pe-endpoint": ["vpcId"], "pe-sg": ["vpcId"], "pe-zone": ["vpcs"] } },
    },
    { edit: "turn AWS-managed private DNS on", before: withoutZone(), after: withoutZone((a) => (a.privateDnsEnabled = true)), expect: { changed: { "pe-endpoint": ["privateDnsEnabled"] } } },
    { edit: "turn AWS-managed private DNS off", before: withoutZone((a) => (a.privateDnsEnabled = true)), after: withoutZone(), expect: { changed: { "pe-endpoint": ["privateDnsEnabled"] } } },
    {
        edit: "turn private DNS after acceptance on",
        before: withoutZone((a) => (a.flowLogs!.scope = "Subnets" as never)),
        after: withoutZone((a) => Object.assign(a, { enablePrivateDnsAfterAcceptance: true, flowLogs: { ...a.flowLogs, scope: "Subnets" } })),
        // The late resource takes over the flag; the endpoint keeps it off and ignores it.
        expect: { created: ["pe-private-dns"] },
    },
    {
        edit: "turn private DNS after acceptance off, explicitly",
        before: withoutZone((a) => Object.assign(a, { enablePrivateDnsAfterAcceptance: true, flowLogs: { ...a.flowLogs, scope: "Subnets" } })),
        after: withoutZone((a) => Object.assign(a, { enablePrivateDnsAfterAcceptance: true, privateDnsEnabled: false, flowLogs: { ...a.flowLogs, scope: "Subnets" } })),
        expect: { changed: { "pe-private-dns": ["privateDnsEnabled"] } },
    },
    {
        edit: "turn an endpoint policy on",
        before: endpointToAws(),
        after: endpointToAws((a) => (a.policyDocument = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "ssm:*", Resource: "*" }] })),
        expect: { created: ["pe-endpoint-policy"] },
    },
    {
        // Deleting the policy resource resets the endpoint to AWS's default: the removal reaches AWS.
        edit: "turn the endpoint policy off",
        before: endpointToAws((a) => (a.policy = JSON.stringify({ Version: "2012-10-17", Statement: [] }))),
        after: endpointToAws(),
        expect: { deleted: ["pe-endpoint-policy"] },
    },
    {
        edit: "turn flow logs off",
        before: endpoint(),
        after: pe((a) => delete a.flowLogs),
        expect: { deleted: ["pe-flowlog-eni-subnet-a", "pe-flowlog-eni-subnet-b", "pe-flowlog-role", "pe-flowlog-policy"] },
    },
    {
        edit: "turn flow logs on",
        before: pe((a) => delete a.flowLogs),
        after: endpoint(),
        expect: { created: ["pe-flowlog-eni-subnet-a", "pe-flowlog-eni-subnet-b", "pe-flowlog-role", "pe-flowlog-policy"] },
    },
    {
        edit: "turn the private zone off",
        before: endpoint(),
        after: pe((a) => delete a.privateZone),
        expect: { deleted: ["pe-zone", "pe-assoc-vpc-2", "pe-assoc-vpc-3", "pe-auth-vpc-4", "pe-alias-a"] },
    },
];

describeEdits("AwsPrivateEndpoint", (args: AwsPrivateEndpointArgs) => new AwsPrivateEndpoint("pe", args), endpointEdits);

// ---------------------------------------------------------------------------------------------
// AwsServiceEndpoints

function services(): AwsServiceEndpointsArgs {
    return {
        vpcId: "vpc-1",
        services: ["ssm", "logs", "s3"],
        subnets: [{ subnetId: "subnet-a" }, { subnetId: "subnet-b" }],
        allowedCidrs: ["10.0.0.0/16", "10.1.0.0/16"],
        routeTableIds: ["rtb-1", "rtb-2"],
        principalAccountIds: ["111111111111", "222222222222"],
    };
}

const se = (change: (a: AwsServiceEndpointsArgs) => void) => edited(services, change);
const interfaces = ["se-ssm", "se-logs"];
const policies = ["se-ssm-policy", "se-logs-policy", "se-s3-policy"];
const allChanged = (names: string[], props: string[]) => Object.fromEntries(names.map((n) => [n, props]));

const serviceEndpointEdits: RoutineEdit<AwsServiceEndpointsArgs>[] = [
    { edit: "add a service", before: services(), after: se((a) => a.services.push("ecr.api")), expect: { created: ["se-ecr-api", "se-ecr-api-policy"] } },
    { edit: "add a global service", before: services(), after: se((a) => a.services.push("iam")), expect: { created: ["se-iam", "se-iam-policy"] } },
    { edit: "remove a service", before: services(), after: se((a) => a.services.shift()), expect: { deleted: ["se-ssm", "se-ssm-policy"] } },
    { edit: "reorder the services", before: services(), after: se((a) => a.services.reverse()), expect: {} },
    { edit: "add a subnet", before: services(), after: se((a) => a.subnets!.push({ subnetId: "subnet-c" })), expect: { changed: allChanged(interfaces, ["subnetIds"]) } },
    { edit: "remove a subnet", before: se((a) => a.subnets!.push({ subnetId: "subnet-c" })), after: services(), expect: { changed: allChanged(interfaces, ["subnetIds"]) } },
    { edit: "reorder the subnets", before: services(), after: se((a) => a.subnets!.reverse()), expect: {} },
    { edit: "add a client CIDR", before: services(), after: se((a) => a.allowedCidrs!.push("10.2.0.0/16")), expect: { created: ["se-ingress-10-2-0-0-16-443"] } },
    { edit: "remove a client CIDR", before: services(), after: se((a) => a.allowedCidrs!.pop()), expect: { deleted: ["se-ingress-10-1-0-0-16-443"] } },
    { edit: "reorder the client CIDRs", before: services(), after: se((a) => a.allowedCidrs!.reverse()), expect: {} },
    { edit: "add a route table", before: services(), after: se((a) => a.routeTableIds!.push("rtb-3")), expect: { changed: { "se-s3": ["routeTableIds"] } } },
    { edit: "remove a route table", before: services(), after: se((a) => a.routeTableIds!.shift()), expect: { changed: { "se-s3": ["routeTableIds"] } } },
    { edit: "reorder the route tables", before: services(), after: se((a) => a.routeTableIds!.reverse()), expect: {} },
    { edit: "add a principal account", before: services(), after: se((a) => a.principalAccountIds!.push("333333333333")), expect: { changed: allChanged(policies, ["policy"]) } },
    { edit: "remove a principal account", before: services(), after: se((a) => a.principalAccountIds!.pop()), expect: { changed: allChanged(policies, ["policy"]) } },
    { edit: "reorder the principal accounts", before: services(), after: se((a) => a.principalAccountIds!.reverse()), expect: {} },
    { edit: "turn private DNS off", before: services(), after: se((a) => (a.privateDnsEnabled = false)), expect: { changed: allChanged(interfaces, ["privateDnsEnabled"]) } },
    { edit: "turn private DNS back on", before: se((a) => (a.privateDnsEnabled = false)), after: services(), expect: { changed: allChanged(interfaces, ["privateDnsEnabled"]) } },
    // The policy is a resource of its own: deleting it resets the endpoint to AWS's default.
    { edit: "exempt a service from the policy", before: services(), after: se((a) => (a.policyExemptServices = ["logs"])), expect: { deleted: ["se-logs-policy"] } },
    { edit: "end the exemption", before: se((a) => (a.policyExemptServices = ["logs"])), after: services(), expect: { created: ["se-logs-policy"] } },
    {
        edit: "lift the restriction (allowAllPrincipals)",
        before: services(),
        after: se((a) => Object.assign(a, { principalAccountIds: undefined, allowAllPrincipals: true })),
        expect: { deleted: policies },
    },
];

describeEdits("AwsServiceEndpoints", (args: AwsServiceEndpointsArgs) => new AwsServiceEndpoints("se", args), serviceEndpointEdits);

// ---------------------------------------------------------------------------------------------
// AwsPrivateDnsZone

const ENDPOINT_DNS = "vpce-0abc-123.vpce-svc-0def.us-east-1.vpce.amazonaws.com";
const ENDPOINT_ZONE = "Z7HUB22UULQXV";

function zone(): AwsPrivateDnsZoneArgs {
    return {
        domainName: "internal.example.com",
        vpcs: [{ vpcId: "vpc-aaa" }, { vpcId: "vpc-bbb" }, { vpcId: "vpc-ccc" }],
        crossAccountVpcs: [{ vpcId: "vpc-ddd" }, { vpcId: "vpc-eee" }],
        records: [
            { name: "api", endpointDnsName: ENDPOINT_DNS, endpointHostedZoneId: ENDPOINT_ZONE },
            { name: "web", endpointDnsName: ENDPOINT_DNS, endpointHostedZoneId: ENDPOINT_ZONE },
        ],
        staticRecords: [{ name: "db", type: AwsPrivateDnsRecordType.A, values: ["10.0.0.5", "10.0.0.6"] }],
    };
}

const dz = (change: (a: AwsPrivateDnsZoneArgs) => void) => edited(zone, change);

const zoneEdits: RoutineEdit<AwsPrivateDnsZoneArgs>[] = [
    { edit: "add a VPC", before: zone(), after: dz((a) => a.vpcs.push({ vpcId: "vpc-fff" })), expect: { created: ["hub-assoc-vpc-fff"] } },
    { edit: "remove a VPC", before: zone(), after: dz((a) => a.vpcs.splice(1, 1)), expect: { deleted: ["hub-assoc-vpc-bbb"] } },
    { edit: "reorder the VPCs after the first", before: zone(), after: dz((a) => (a.vpcs = [a.vpcs[0], a.vpcs[2], a.vpcs[1]])), expect: {} },
    {
        edit: "add a keyed VPC given as an Output",
        before: zone(),
        after: dz((a) => a.vpcs.push({ vpcId: pulumi.output("vpc-fff"), key: "spoke-f" })),
        expect: { created: ["hub-assoc-spoke-f"] },
    },
    { edit: "authorise another account's VPC", before: zone(), after: dz((a) => a.crossAccountVpcs!.push({ vpcId: "vpc-ggg" })), expect: { created: ["hub-auth-vpc-ggg"] } },
    { edit: "withdraw another account's VPC", before: zone(), after: dz((a) => a.crossAccountVpcs!.shift()), expect: { deleted: ["hub-auth-vpc-ddd"] } },
    { edit: "reorder the other accounts' VPCs", before: zone(), after: dz((a) => a.crossAccountVpcs!.reverse()), expect: {} },
    { edit: "add an alias record", before: zone(), after: dz((a) => a.records!.push({ name: "auth", endpointDnsName: ENDPOINT_DNS, endpointHostedZoneId: ENDPOINT_ZONE })), expect: { created: ["hub-alias-auth-a"] } },
    { edit: "remove an alias record", before: zone(), after: dz((a) => a.records!.shift()), expect: { deleted: ["hub-alias-api-a"] } },
    { edit: "reorder the alias records", before: zone(), after: dz((a) => a.records!.reverse()), expect: {} },
    { edit: "add a static record", before: zone(), after: dz((a) => a.staticRecords!.push({ name: "cache", type: AwsPrivateDnsRecordType.CNAME, values: ["c.example.com"] })), expect: { created: ["hub-record-cache-cname"] } },
    { edit: "remove a static record", before: zone(), after: dz((a) => (a.staticRecords = [])), expect: { deleted: ["hub-record-db-a"] } },
    { edit: "add a value to a static record", before: zone(), after: dz((a) => a.staticRecords![0].values.push("10.0.0.7")), expect: { changed: { "hub-record-db-a": ["records"] } } },
    {
        edit: "rename the zone's domain",
        before: zone(),
        after: dz((a) => (a.domainName = "internal.example.org")),
        expect: { changed: { "hub-zone": ["name"], "hub-alias-api-a": ["name"], "hub-alias-web-a": ["name"], "hub-record-db-a": ["name"] } },
    },
    { edit: "rename an alias record", before: zone(), after: dz((a) => (a.records![0].name = "api2")), expect: { created: ["hub-alias-api2-a"], deleted: ["hub-alias-api-a"] } },
    { edit: "turn IPv6 on for a record", before: zone(), after: dz((a) => (a.records![0].ipv6 = true)), expect: { created: ["hub-alias-api-aaaa"] } },
    { edit: "turn IPv6 off for a record", before: dz((a) => (a.records![0].ipv6 = true)), after: zone(), expect: { deleted: ["hub-alias-api-aaaa"] } },
    { edit: "turn forceDestroy on", before: zone(), after: dz((a) => (a.forceDestroy = true)), expect: { changed: { "hub-zone": ["forceDestroy"] } } },
    { edit: "turn forceDestroy off", before: dz((a) => (a.forceDestroy = true)), after: zone(), expect: { changed: { "hub-zone": ["forceDestroy"] } } },
    { edit: "set a comment, then the default again", before: dz((a) => (a.comment = "hub zone")), after: zone(), expect: { changed: { "hub-zone": ["comment"] } } },
];

describeEdits("AwsPrivateDnsZone", (args: AwsPrivateDnsZoneArgs) => new AwsPrivateDnsZone("hub", args), zoneEdits);

// ---------------------------------------------------------------------------------------------
// What the input diff cannot show

describe("edit safety: what a replacement or the deployment decides", function () {
    this.timeout(120000);

    it("a removed load balancer subnet replaces the NLB, and every target group follows it", async () => {
        const diff = await planEdit((a: AwsPrivateLinkServiceArgs) => new AwsPrivateLinkService("orders", a), lb((l) => l.subnetIds.push("subnet-c")), service());
        const nlb = diff.after.one("orders-nlb");
        for (const tg of diff.after.resources.filter((r) => r.name.startsWith("orders-tg-"))) {
            assert.deepStrictEqual(tg.replaceWith, [nlb.urn], `${tg.name} is replaced with the load balancer`);
        }
    });

    it("renaming the private DNS name replaces the verification, so AWS checks the new TXT record", async () => {
        const diff = await planEdit((a: AwsPrivateLinkServiceArgs) => new AwsPrivateLinkService("orders", a), service(), svc((a) => (a.privateDns!.name = "api.example.com")));
        assert.strictEqual(diff.before.one("orders-dns-verification").replacementTrigger, "orders.example.com");
        assert.strictEqual(diff.after.one("orders-dns-verification").replacementTrigger, "api.example.com");
    });

    it("removing privateDns is refused at deployment while the service still has the name, with the manual step", async () => {
        // The provider cannot remove a private DNS name and keeps it in the state, which the mock
        // models by answering with the name the service was created with.
        const rec = await startMocks({ state: (a) => (a.type === "aws:ec2/vpcEndpointService:VpcEndpointService" ? { privateDnsName: "orders.example.com" } : undefined) });
        const errors = await deploymentErrorsOf(rec, () => new AwsPrivateLinkService("orders", svc((a) => delete a.privateDns)));
        assert.ok(errors.length > 0, "the removal is refused");
        for (const m of errors) {
            assert.ok(m.includes('AwsPrivateLinkService "orders": privateDns resolved to nothing') && /--remove-private-dns-name/.test(m), m);
        }
        // And the omission is the only one: nothing else is left to the provider's memory.
        const diff = await planEdit((a: AwsPrivateLinkServiceArgs) => new AwsPrivateLinkService("orders", a), service(), svc((a) => delete a.privateDns));
        assert.deepStrictEqual(summarise(diff).omitted, { "orders-service": ["privateDnsName"] });
        assert.deepStrictEqual(summarise(diff).deleted, ["orders-dns-txt", "orders-dns-verification"]);
    });

    it("a removed accepter keeps the live connection unless the entry asked to reject it", async () => {
        const rec = await startMocks();
        new AwsPrivateLinkService("orders", svc((a) => (a.acceptEndpoints = [{ endpointId: "vpce-0aaa" }, { endpointId: "vpce-0bbb", rejectOnRemoval: true }])));
        await rec.settle();
        assert.strictEqual(rec.one("orders-accept-vpce-0aaa").retainOnDelete, true);
        assert.strictEqual(rec.one("orders-accept-vpce-0bbb").retainOnDelete, false);
    });

    it("moving the endpoint to another VPC replaces its private zone, whose associations go first", async () => {
        const diff = await planEdit((a: AwsPrivateEndpointArgs) => new AwsPrivateEndpoint("pe", a), endpoint(), pe((a) => (a.vpcId = "vpc-9")));
        assert.strictEqual(diff.before.one("pe-zone").replacementTrigger, "vpc-1");
        assert.strictEqual(diff.after.one("pe-zone").replacementTrigger, "vpc-9");
        for (const name of ["pe-assoc-vpc-2", "pe-assoc-vpc-3", "pe-auth-vpc-4"]) {
            assert.strictEqual(diff.after.one(name).deleteBeforeReplace, true, `${name} is deleted before it is made again for the new zone`);
        }
    });

    it("reports the size of the edit tables", () => {
        const sizes = Object.fromEntries([...editTableSize].filter(([title]) => title.startsWith("Aws")));
        const total = Object.values(sizes).reduce((a, b) => a + b, 0);
        console.log(`      edit tables: ${JSON.stringify(sizes)} = ${total} edits over ${Object.keys(sizes).length} components`);
        assert.strictEqual(Object.keys(sizes).length, 4);
        assert.ok(total >= 100);
    });

    it("names a keyed resource by its key, so a key given as an Output is refused", () => {
        assert.throws(() => new AwsPrivateDnsZone("hub", dz((a) => a.vpcs.push({ vpcId: pulumi.output("vpc-x") }))), /vpcs\[3\]\.key/);
        void namesField;
    });
});
