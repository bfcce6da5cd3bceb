import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { Recorder, startMocks, unwrap } from "../../harness/mocks";
import { expectRejected } from "../../harness/validation";
import { cidrKey, ValidationError } from "../../../components/core";
import {
    AwsEndpointServiceIpAddressType,
    AwsPrivateLinkService,
    AwsPrivateLinkServiceArgs,
    AwsPrivateLinkServiceConnectionEvent,
    validateAwsPrivateLinkServiceArgs,
} from "../../../components/aws/privateLinkService";
import { AwsNlbHealthCheckProtocol, AwsNlbIpAddressType, AwsNlbListenerProtocol, AwsNlbTargetType, DEFAULT_TLS_POLICY } from "../../../components/aws/nlb";

const T = {
    component: "privatelink:index:AwsPrivateLinkService",
    service: "aws:ec2/vpcEndpointService:VpcEndpointService",
    lb: "aws:lb/loadBalancer:LoadBalancer",
    tg: "aws:lb/targetGroup:TargetGroup",
    listener: "aws:lb/listener:Listener",
    attachment: "aws:lb/targetGroupAttachment:TargetGroupAttachment",
    sg: "aws:ec2/securityGroup:SecurityGroup",
    ingress: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    egress: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    record: "aws:route53/record:Record",
    verification: "aws:vpc/endpointServicePrivateDnsVerification:EndpointServicePrivateDnsVerification",
    topic: "aws:sns/topic:Topic",
    topicPolicy: "aws:sns/topicPolicy:TopicPolicy",
    notification: "aws:ec2/vpcEndpointConnectionNotification:VpcEndpointConnectionNotification",
    accepter: "aws:ec2/vpcEndpointConnectionAccepter:VpcEndpointConnectionAccepter",
};

const NLB_ARN = "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/existing/0123456789abcdef";
const NLB_ARN_2 = "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/second/0123456789abcdef";
const GWLB_ARN = "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/gwy/inspect/0123456789abcdef";
const ALB_ARN = "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/web/0123456789abcdef";
const CERT = "arn:aws:acm:us-east-1:111111111111:certificate/11111111-2222-3333-4444-555555555555";
const TOPIC = "arn:aws:sns:us-east-1:111111111111:platform-events";
const ALB_KEY = "arn-aws-elasticloadbalancing-us-east-1-111111111111-loadbalancer-app-web-0123456789abcdef";

/** Mocks with a VPC lookup answer, which the created NLB uses for its default egress CIDR. */
function mocks(): Promise<Recorder> {
    return startMocks({
        invoke: (a) => (a.token === "aws:ec2/getVpc:getVpc" ? { id: a.inputs.id, cidrBlock: "10.0.0.0/16" } : undefined),
    });
}

function created(): AwsPrivateLinkServiceArgs {
    return {
        loadBalancer: {
            vpcId: "vpc-1",
            subnetIds: ["subnet-a", "subnet-b"],
            listeners: [{ port: 443, targets: [{ id: "10.0.1.10" }] }],
        },
    };
}

function maximal(): AwsPrivateLinkServiceArgs {
    return {
        loadBalancer: {
            vpcId: "vpc-1",
            subnetIds: ["subnet-a", "subnet-b", "subnet-c"],
            listeners: [
                {
                    port: 443,
                    protocol: AwsNlbListenerProtocol.Tls,
                    certificateArn: CERT,
                    targetPort: 8443,
                    targetProtocol: AwsNlbListenerProtocol.Tcp,
                    targets: [{ id: "10.0.1.10" }, { id: "10.0.2.10", port: 9443, availabilityZone: "all" }],
                    healthCheck: {
                        protocol: AwsNlbHealthCheckProtocol.Http,
                        port: 8080,
                        path: "/healthz",
                        interval: 10,
                        timeout: 5,
                        healthyThreshold: 2,
                        unhealthyThreshold: 2,
                    },
                    proxyProtocolV2: true,
                    deregistrationDelay: 30,
                },
                {
                    port: 53,
                    protocol: AwsNlbListenerProtocol.TcpUdp,
                    targetType: AwsNlbTargetType.Instance,
                    targets: [{ id: "i-0123456789abcdef0" }],
                },
                { port: 80, targetType: AwsNlbTargetType.Alb, targets: [{ id: ALB_ARN }] },
            ],
            allowedCidrs: ["10.20.0.0/16", "fd00:20::/56"],
            targetCidrs: ["10.0.0.0/16"],
            securityGroupIds: ["sg-0extra"],
            enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: true,
            ipAddressType: AwsNlbIpAddressType.Dualstack,
            deletionProtection: true,
            accessLogs: { bucket: "logs-bucket", prefix: "nlb/" },
        },
        allowedPrincipals: ["arn:aws:iam::222222222222:root", "arn:aws:iam::333333333333:role/consumer"],
        supportedRegions: ["eu-west-1"],
        supportedIpAddressTypes: [AwsEndpointServiceIpAddressType.Ipv4, AwsEndpointServiceIpAddressType.Ipv6],
        privateDns: { name: "orders.example.com", publicZoneId: "ZPUBLIC", waitForVerification: true },
        notifications: {},
        acceptEndpoints: [{ endpointId: "vpce-0aaa" }, { endpointId: "vpce-0bbb", rejectOnRemoval: true }],
        tags: { team: "payments" },
    };
}

/** The children of the default connection notifications: a new topic, its policy and the notification. */
const NOTIFICATIONS = [`${T.notification} orders-notification`, `${T.topic} orders-topic`, `${T.topicPolicy} orders-topic-policy`];

/** `type name` of every descendant of the component, sorted. */
function graph(rec: Recorder, name = "orders"): string[] {
    return rec
        .descendantsOf(rec.one(name, T.component))
        .map((r) => `${r.type} ${r.name}`)
        .sort();
}

async function build(args: AwsPrivateLinkServiceArgs, opts?: pulumi.ComponentResourceOptions) {
    const rec = await mocks();
    const svc = new AwsPrivateLinkService("orders", args, opts);
    await rec.settle();
    return { rec, svc };
}

describe("AwsPrivateLinkService", () => {
    describe("graph", () => {
        it("publishes existing NLBs with one endpoint service and its connection notifications by default", async () => {
            const { rec } = await build({ networkLoadBalancerArns: [NLB_ARN] });
            assert.deepStrictEqual(graph(rec), [`${T.service} orders-service`, ...NOTIFICATIONS].sort());
            const service = rec.one("orders-service", T.service);
            assert.strictEqual(service.inputs.acceptanceRequired, true);
            assert.deepStrictEqual(service.inputs.networkLoadBalancerArns, [NLB_ARN]);
            assert.strictEqual(service.inputs.gatewayLoadBalancerArns, undefined);
            // Explicit, so a later removal of every principal reaches the provider.
            assert.deepStrictEqual(service.inputs.allowedPrincipals, []);
            // The home region is always sent: AWS reports it as supported.
            assert.deepStrictEqual(service.inputs.supportedRegions, ["us-east-1"]);
            assert.deepStrictEqual(service.inputs.supportedIpAddressTypes, ["ipv4"]);
            assert.strictEqual(service.inputs.privateDnsName, undefined);
            assert.deepStrictEqual(service.inputs.tags, { "managed-by": "privatelink", "privatelink-component": "orders" });
        });

        it("creates an internal multi-AZ NLB with a dedicated security group for the default loadBalancer", async () => {
            const { rec } = await build(created());
            assert.deepStrictEqual(
                graph(rec),
                [
                    `${T.sg} orders-sg`,
                    `${T.service} orders-service`,
                    `${T.listener} orders-listener-443`,
                    `${T.lb} orders-nlb`,
                    `${T.tg} orders-tg-443`,
                    `${T.attachment} orders-target-443-10-0-1-10`,
                    `${T.egress} orders-egress-tcp-443-vpc`,
                    ...NOTIFICATIONS,
                ].sort(),
            );
            const nlb = rec.one("orders-nlb", T.lb);
            assert.strictEqual(nlb.inputs.loadBalancerType, "network");
            assert.strictEqual(nlb.inputs.internal, true);
            assert.strictEqual(nlb.inputs.enableCrossZoneLoadBalancing, true);
            assert.strictEqual(nlb.inputs.enableDeletionProtection, false);
            assert.strictEqual(nlb.inputs.ipAddressType, "ipv4");
            assert.deepStrictEqual(nlb.inputs.subnets, ["subnet-a", "subnet-b"]);
            assert.deepStrictEqual(nlb.inputs.securityGroups, ["sg-orderssg"]);
            // No client CIDRs: PrivateLink traffic is governed by principals and acceptance, and the
            // empty ingress set must not silently drop it.
            assert.strictEqual(nlb.inputs.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic, "off");
            assert.deepStrictEqual(nlb.inputs.accessLogs, { bucket: "", enabled: false }, "explicitly off, so removing access logs turns them off");

            const sg = rec.one("orders-sg", T.sg);
            assert.strictEqual(sg.inputs.vpcId, "vpc-1");
            assert.ok(typeof sg.inputs.description === "string" && sg.inputs.description.length > 0);
            assert.strictEqual(sg.inputs.ingress, undefined, "no inline rules");
            assert.strictEqual(sg.inputs.egress, undefined, "no inline rules");
            assert.strictEqual(rec.ofType(T.ingress).length, 0, "no client is admitted unless listed");

            const egress = rec.one("orders-egress-tcp-443-vpc", T.egress);
            assert.deepStrictEqual(
                [egress.inputs.securityGroupId, egress.inputs.ipProtocol, egress.inputs.fromPort, egress.inputs.toPort, egress.inputs.cidrIpv4],
                ["sg-orderssg", "tcp", 443, 443, "10.0.0.0/16"],
            );
            assert.ok(rec.invokes.some((i) => i.token === "aws:ec2/getVpc:getVpc" && i.inputs.id === "vpc-1"));

            const tg = rec.one("orders-tg-443", T.tg);
            assert.deepStrictEqual(
                [tg.inputs.vpcId, tg.inputs.port, tg.inputs.protocol, tg.inputs.targetType],
                ["vpc-1", 443, "TCP", "ip"],
            );
            // Every setting explicit, so removing one from the arguments restores its default.
            assert.deepStrictEqual(tg.inputs.healthCheck, { enabled: true, protocol: "TCP", port: "traffic-port", interval: 30, timeout: 10, healthyThreshold: 3, unhealthyThreshold: 3 });
            assert.deepStrictEqual([tg.inputs.proxyProtocolV2, tg.inputs.deregistrationDelay], [false, 300]);
            assert.deepStrictEqual(tg.replaceWith, [rec.one("orders-nlb", T.lb).urn], "a replaced load balancer replaces its target groups");
        });

        it("builds the exact graph of a maximal configuration", async () => {
            const { rec } = await build(maximal());
            const ingress = ["tcp-443", "tcp-53", "udp-53", "tcp-80"].flatMap((p) =>
                ["10-20-0-0-16", cidrKey("fd00:20::/56")].map((c) => `${T.ingress} orders-ingress-${p}-${c}`),
            );
            const egress = ["tcp-8443", "tcp-9443", "tcp-8080", "tcp-53", "udp-53", "tcp-80"].map(
                (p) => `${T.egress} orders-egress-${p}-10-0-0-0-16`,
            );
            assert.deepStrictEqual(
                graph(rec),
                [
                    `${T.accepter} orders-accept-vpce-0aaa`,
                    `${T.accepter} orders-accept-vpce-0bbb`,
                    `${T.notification} orders-notification`,
                    `${T.sg} orders-sg`,
                    `${T.service} orders-service`,
                    `${T.listener} orders-listener-443`,
                    `${T.listener} orders-listener-53`,
                    `${T.listener} orders-listener-80`,
                    `${T.lb} orders-nlb`,
                    `${T.tg} orders-tg-443`,
                    `${T.tg} orders-tg-53`,
                    `${T.tg} orders-tg-80`,
                    `${T.attachment} orders-target-443-10-0-1-10`,
                    `${T.attachment} orders-target-443-10-0-2-10-9443`,
                    `${T.attachment} orders-target-53-i-0123456789abcdef0`,
                    `${T.attachment} orders-target-80-${ALB_KEY}`,
                    `${T.record} orders-dns-txt`,
                    `${T.topic} orders-topic`,
                    `${T.topicPolicy} orders-topic-policy`,
                    `${T.verification} orders-dns-verification`,
                    ...ingress,
                    ...egress,
                ].sort(),
            );
            assert.strictEqual(rec.invokes.filter((i) => i.token === "aws:ec2/getVpc:getVpc").length, 0, "targetCidrs replace the VPC lookup");
        });

        it("passes the maximal configuration's inputs to the right children", async () => {
            const { rec } = await build(maximal());
            const tags = { "managed-by": "privatelink", "privatelink-component": "orders", team: "payments" };
            const service = rec.one("orders-service", T.service);
            assert.deepStrictEqual(service.inputs.allowedPrincipals, ["arn:aws:iam::222222222222:root", "arn:aws:iam::333333333333:role/consumer"]);
            assert.deepStrictEqual(service.inputs.supportedRegions, ["us-east-1", "eu-west-1"], "the home region first");
            assert.deepStrictEqual(service.inputs.supportedIpAddressTypes, ["ipv4", "ipv6"]);
            assert.strictEqual(service.inputs.privateDnsName, "orders.example.com");
            assert.strictEqual(service.inputs.acceptanceRequired, true);
            assert.deepStrictEqual(service.inputs.tags, tags);

            const nlb = rec.one("orders-nlb", T.lb);
            assert.deepStrictEqual(nlb.inputs.securityGroups, ["sg-orderssg", "sg-0extra"]);
            assert.strictEqual(nlb.inputs.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic, "on");
            assert.strictEqual(nlb.inputs.ipAddressType, "dualstack");
            assert.strictEqual(nlb.inputs.enableDeletionProtection, true);
            assert.deepStrictEqual(nlb.inputs.accessLogs, { bucket: "logs-bucket", prefix: "nlb/", enabled: true });
            assert.deepStrictEqual(nlb.inputs.subnets, ["subnet-a", "subnet-b", "subnet-c"]);

            const tls = rec.one("orders-listener-443", T.listener);
            assert.deepStrictEqual(
                [tls.inputs.protocol, tls.inputs.certificateArn, tls.inputs.sslPolicy],
                ["TLS", CERT, DEFAULT_TLS_POLICY],
            );
            const tg443 = rec.one("orders-tg-443", T.tg);
            assert.deepStrictEqual(
                [tg443.inputs.port, tg443.inputs.protocol, tg443.inputs.proxyProtocolV2, tg443.inputs.deregistrationDelay],
                [8443, "TCP", true, 30],
            );
            assert.deepStrictEqual(tg443.inputs.healthCheck, {
                enabled: true,
                protocol: "HTTP",
                port: "8080",
                path: "/healthz",
                matcher: "200-399",
                interval: 10,
                timeout: 5,
                healthyThreshold: 2,
                unhealthyThreshold: 2,
            });
            const tg53 = rec.one("orders-tg-53", T.tg);
            assert.deepStrictEqual([tg53.inputs.protocol, tg53.inputs.targetType], ["TCP_UDP", "instance"]);
            const tg80 = rec.one("orders-tg-80", T.tg);
            assert.deepStrictEqual([tg80.inputs.protocol, tg80.inputs.targetType, tg80.inputs.proxyProtocolV2], ["TCP", "alb", undefined]);
            assert.deepStrictEqual(tg80.inputs.healthCheck, { enabled: true, protocol: "HTTP", port: "traffic-port", path: "/", matcher: "200-399", interval: 30, timeout: 6, healthyThreshold: 3, unhealthyThreshold: 3 });
            const l80 = rec.one("orders-listener-80", T.listener);
            assert.strictEqual(l80.inputs.certificateArn, undefined);
            assert.strictEqual(l80.inputs.sslPolicy, undefined);

            const t2 = rec.one("orders-target-443-10-0-2-10-9443", T.attachment);
            assert.deepStrictEqual([t2.inputs.targetId, t2.inputs.port, t2.inputs.availabilityZone], ["10.0.2.10", 9443, "all"]);
            assert.strictEqual(rec.one(`orders-target-80-${ALB_KEY}`, T.attachment).inputs.targetId, ALB_ARN);

            const v6 = rec.one(`orders-ingress-tcp-443-${cidrKey("fd00:20::/56")}`, T.ingress);
            assert.deepStrictEqual([v6.inputs.cidrIpv6, v6.inputs.cidrIpv4, v6.inputs.fromPort, v6.inputs.toPort], ["fd00:20::/56", undefined, 443, 443]);
            const udp = rec.one("orders-ingress-udp-53-10-20-0-0-16", T.ingress);
            assert.deepStrictEqual([udp.inputs.ipProtocol, udp.inputs.cidrIpv4, udp.inputs.fromPort], ["udp", "10.20.0.0/16", 53]);
            for (const rule of [...rec.ofType(T.ingress), ...rec.ofType(T.egress)]) {
                assert.ok(rule.inputs.description, `${rule.name} has a description`);
                assert.ok(!["0.0.0.0/0", "::/0"].includes(rule.inputs.cidrIpv4 ?? rule.inputs.cidrIpv6), `${rule.name} is not open`);
                assert.strictEqual(rule.inputs.securityGroupId, "sg-orderssg");
                assert.deepStrictEqual(rule.inputs.tags, tags);
            }

            assert.deepStrictEqual(rec.one("orders-topic", T.topic).inputs.tags, tags);
            for (const type of [T.sg, T.lb, T.tg, T.listener]) {
                for (const r of rec.ofType(type)) {
                    assert.strictEqual(r.inputs.tags?.team, "payments", `${r.name} carries the user's tags`);
                    assert.strictEqual(r.inputs.tags?.["managed-by"], "privatelink");
                }
            }
        });

        it("publishes existing Gateway Load Balancers", async () => {
            const { rec, svc } = await build({ gatewayLoadBalancerArns: [GWLB_ARN], allowedPrincipals: ["arn:aws:iam::222222222222:root"] });
            assert.deepStrictEqual(graph(rec), [`${T.service} orders-service`, ...NOTIFICATIONS].sort());
            const service = rec.one("orders-service", T.service);
            assert.deepStrictEqual(service.inputs.gatewayLoadBalancerArns, [GWLB_ARN]);
            assert.strictEqual(service.inputs.networkLoadBalancerArns, undefined);
            assert.strictEqual(await unwrap(svc.loadBalancerArn), GWLB_ARN);
        });

        it("uses a given SNS topic without creating one or its policy", async () => {
            const { rec, svc } = await build({
                networkLoadBalancerArns: [NLB_ARN],
                notifications: { topicArn: TOPIC, events: [AwsPrivateLinkServiceConnectionEvent.Connect] },
            });
            assert.deepStrictEqual(graph(rec), [`${T.notification} orders-notification`, `${T.service} orders-service`]);
            const n = rec.one("orders-notification", T.notification);
            assert.deepStrictEqual(
                [n.inputs.connectionNotificationArn, n.inputs.connectionEvents, n.inputs.vpcEndpointServiceId],
                [TOPIC, ["Connect"], "orders-service-id"],
            );
            assert.strictEqual(await unwrap(svc.notificationTopicArn), TOPIC);
        });

        it("sends every connection event to a new topic that only this service may publish to, by default", async () => {
            const { rec, svc } = await build({ networkLoadBalancerArns: [NLB_ARN] });
            const service = rec.one("orders-service", T.service);
            const topic = rec.one("orders-topic", T.topic);
            assert.strictEqual(topic.inputs.kmsMasterKeyId, undefined);
            assert.deepStrictEqual(topic.inputs.tags, { "managed-by": "privatelink", "privatelink-component": "orders" });

            const policy = rec.one("orders-topic-policy", T.topicPolicy);
            assert.strictEqual(policy.inputs.arn, topic.state.arn);
            assert.deepStrictEqual(policy.propertyDependencies.arn, [topic.urn]);
            assert.deepStrictEqual(JSON.parse(policy.inputs.policy).Statement, [
                {
                    Sid: "AllowEndpointServiceNotifications",
                    Effect: "Allow",
                    Principal: { Service: "vpce.amazonaws.com" },
                    Action: "SNS:Publish",
                    Resource: topic.state.arn,
                    Condition: { ArnLike: { "aws:SourceArn": service.state.arn } },
                },
            ]);
            assert.deepStrictEqual([...policy.propertyDependencies.policy].sort(), [service.urn, topic.urn].sort());

            const n = rec.one("orders-notification", T.notification);
            assert.deepStrictEqual(
                [n.inputs.vpcEndpointServiceId, n.inputs.connectionNotificationArn, n.inputs.connectionEvents],
                ["orders-service-id", topic.state.arn, ["Accept", "Connect", "Delete", "Reject"]],
            );
            assert.deepStrictEqual(n.propertyDependencies.vpcEndpointServiceId, [service.urn]);
            assert.deepStrictEqual(n.propertyDependencies.connectionNotificationArn, [topic.urn]);
            // The one explicit edge: AWS checks the topic policy when the notification is created.
            const implied = new Set(Object.values(n.propertyDependencies).flat());
            assert.deepStrictEqual(n.dependencies.filter((d) => !implied.has(d)), [policy.urn]);
            assert.strictEqual(await unwrap(svc.notificationTopicArn), "arn:aws:sns:us-east-1:111111111111:orders-topic");
        });

        it("creates no topic, policy or notification with disableNotifications: true", async () => {
            const { rec, svc } = await build({ networkLoadBalancerArns: [NLB_ARN], disableNotifications: true });
            assert.deepStrictEqual(graph(rec), [`${T.service} orders-service`]);
            assert.strictEqual(await unwrap(svc.notificationTopicArn), undefined);
        });

        it("keeps notifications with disableNotifications: false", async () => {
            const { rec } = await build({ networkLoadBalancerArns: [NLB_ARN], disableNotifications: false, notifications: { topicArn: TOPIC } });
            assert.deepStrictEqual(graph(rec), [`${T.notification} orders-notification`, `${T.service} orders-service`]);
        });

        it("sets a private DNS name without a zone and leaves the TXT record to the caller", async () => {
            const { rec, svc } = await build({ networkLoadBalancerArns: [NLB_ARN], privateDns: { name: "orders.example.com" } });
            assert.deepStrictEqual(graph(rec), [`${T.service} orders-service`, ...NOTIFICATIONS].sort(), "no TXT record, no verification");
            assert.deepStrictEqual(await unwrap(svc.privateDnsVerification), {
                name: "_orders-service-verify",
                value: "vpce:orders-service-token",
                state: "pendingVerification",
            });
        });

        it("enforces the security group on PrivateLink traffic only as told once clients are listed", async () => {
            const on = created();
            on.loadBalancer!.allowedCidrs = ["10.20.0.0/16"];
            on.loadBalancer!.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic = true;
            let { rec } = await build(on);
            assert.strictEqual(rec.one("orders-nlb", T.lb).inputs.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic, "on");
            const off = created();
            off.loadBalancer!.allowedCidrs = ["10.20.0.0/16"];
            off.loadBalancer!.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic = false;
            ({ rec } = await build(off));
            assert.strictEqual(rec.one("orders-nlb", T.lb).inputs.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic, "off");
        });

        it("allows a wildcard principal only with allowWildcardPrincipal, and keeps acceptance on", async () => {
            const { rec } = await build({ networkLoadBalancerArns: [NLB_ARN], allowedPrincipals: ["*"], allowWildcardPrincipal: true });
            const service = rec.one("orders-service", T.service);
            assert.deepStrictEqual(service.inputs.allowedPrincipals, ["*"]);
            assert.strictEqual(service.inputs.acceptanceRequired, true);
        });

        it("names target, rule and accepter children by their known values, by explicit keys for unknown ones", async () => {
            const args = created();
            args.loadBalancer!.listeners[0].targets = [{ id: pulumi.output("10.0.1.10"), key: "web-1" }];
            args.loadBalancer!.allowedSources = [{ key: "clients", cidr: pulumi.output("10.20.0.0/16") }];
            args.loadBalancer!.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic = false;
            args.acceptEndpoints = [{ endpointId: pulumi.output("vpce-0aaa"), key: "consumer-a" }];
            const { rec } = await build(args);
            assert.strictEqual(rec.one("orders-target-443-web-1", T.attachment).inputs.targetId, "10.0.1.10");
            const rule = rec.one("orders-ingress-tcp-443-clients", T.ingress);
            assert.deepStrictEqual([rule.inputs.cidrIpv4, rule.inputs.cidrIpv6], ["10.20.0.0/16", undefined]);
            const accepter = rec.one("orders-accept-consumer-a", T.accepter);
            assert.strictEqual(accepter.inputs.vpcEndpointId, "vpce-0aaa");
            assert.strictEqual(accepter.retainOnDelete, true, "removing the entry must not reject the live connection");
        });
    });

    describe("wiring", () => {
        let rec: Recorder;
        const urnOf = (name: string) => rec.one(name).urn;
        before(async () => {
            ({ rec } = await build(maximal()));
        });

        it("connects listeners to their target groups and the NLB, and targets to their groups", () => {
            for (const port of [443, 53, 80]) {
                const listener = rec.one(`orders-listener-${port}`, T.listener);
                assert.deepStrictEqual(listener.inputs.defaultActions, [
                    { type: "forward", targetGroupArn: rec.one(`orders-tg-${port}`).state.arn },
                ]);
                assert.strictEqual(listener.inputs.loadBalancerArn, rec.one("orders-nlb").state.arn);
                assert.ok(listener.dependencies.includes(urnOf(`orders-tg-${port}`)));
                assert.ok(listener.dependencies.includes(urnOf("orders-nlb")));
            }
            const target = rec.one("orders-target-443-10-0-1-10", T.attachment);
            assert.strictEqual(target.inputs.targetGroupArn, rec.one("orders-tg-443").state.arn);
            assert.deepStrictEqual(target.propertyDependencies.targetGroupArn, [urnOf("orders-tg-443")]);
        });

        it("puts the service on the created NLB and the NLB behind its security group", () => {
            const service = rec.one("orders-service", T.service);
            assert.deepStrictEqual(service.inputs.networkLoadBalancerArns, [rec.one("orders-nlb").state.arn]);
            assert.deepStrictEqual(service.propertyDependencies.networkLoadBalancerArns, [urnOf("orders-nlb")]);
            assert.ok(rec.one("orders-nlb").propertyDependencies.securityGroups.includes(urnOf("orders-sg")));
        });

        it("writes the TXT record from the service's DNS configuration and verifies after it", () => {
            const txt = rec.one("orders-dns-txt", T.record);
            assert.deepStrictEqual(
                [txt.inputs.zoneId, txt.inputs.type, txt.inputs.name, txt.inputs.records, txt.inputs.ttl],
                ["ZPUBLIC", "TXT", "_orders-service-verify", ["vpce:orders-service-token"], 1800],
            );
            assert.deepStrictEqual(txt.propertyDependencies.name, [urnOf("orders-service")]);
            const verification = rec.one("orders-dns-verification", T.verification);
            assert.strictEqual(verification.inputs.serviceId, "orders-service-id");
            assert.strictEqual(verification.inputs.waitForVerification, true);
            assert.ok(verification.dependencies.includes(txt.urn), "verification waits for the TXT record");
            assert.ok(verification.dependencies.includes(urnOf("orders-service")));
        });

        it("lets only this service publish to the created topic, and subscribes after the policy exists", () => {
            const policy = rec.one("orders-topic-policy", T.topicPolicy);
            const topicArn = rec.one("orders-topic").state.arn;
            assert.strictEqual(policy.inputs.arn, topicArn);
            const doc = JSON.parse(policy.inputs.policy);
            assert.deepStrictEqual(doc.Statement, [
                {
                    Sid: "AllowEndpointServiceNotifications",
                    Effect: "Allow",
                    Principal: { Service: "vpce.amazonaws.com" },
                    Action: "SNS:Publish",
                    Resource: topicArn,
                    Condition: { ArnLike: { "aws:SourceArn": rec.one("orders-service").state.arn } },
                },
            ]);
            const n = rec.one("orders-notification", T.notification);
            assert.deepStrictEqual(
                [n.inputs.vpcEndpointServiceId, n.inputs.connectionNotificationArn, n.inputs.connectionEvents],
                ["orders-service-id", topicArn, ["Accept", "Connect", "Delete", "Reject"]],
            );
            assert.ok(n.dependencies.includes(policy.urn), "notification waits for the topic policy");
        });

        it("accepts each listed endpoint on this service", () => {
            for (const id of ["vpce-0aaa", "vpce-0bbb"]) {
                const accepter = rec.one(`orders-accept-${id}`, T.accepter);
                assert.deepStrictEqual([accepter.inputs.vpcEndpointServiceId, accepter.inputs.vpcEndpointId], ["orders-service-id", id]);
                assert.deepStrictEqual(accepter.propertyDependencies.vpcEndpointServiceId, [urnOf("orders-service")]);
            }
        });

        it("adds no explicit dependencies beyond the TXT record and the topic policy", () => {
            for (const r of rec.descendantsOf(rec.one("orders", T.component))) {
                const implied = new Set(Object.values(r.propertyDependencies).flat());
                const extra = r.dependencies.filter((d) => !implied.has(d));
                // Target groups are replaced with the load balancer (replaceWith), which the
                // engine records as a dependency.
                const expected =
                    r.name === "orders-dns-verification"
                        ? [urnOf("orders-dns-txt")]
                        : r.name === "orders-notification"
                          ? [urnOf("orders-topic-policy")]
                          : r.type === T.tg
                            ? [urnOf("orders-nlb")]
                            : [];
                assert.deepStrictEqual(extra, expected, `${r.name} has only the dependencies its data needs`);
            }
        });

        it("parents every child to the component", () => {
            const component = rec.one("orders", T.component);
            const children = rec.resources.filter((r) => r !== component && !r.type.startsWith("pulumi:providers:"));
            assert.ok(children.length > 30);
            for (const r of children) {
                assert.strictEqual(r.parent, component.urn, `${r.name} is a child of the component`);
            }
            assert.strictEqual(rec.descendantsOf(component).length, children.length);
        });

        it("registers the outputs last", () => {
            const outputs = rec.one("orders", T.component).outputs!;
            assert.deepStrictEqual(Object.keys(outputs).sort(), [
                "acceptedEndpointIds",
                "availabilityZones",
                "loadBalancerArn",
                "notificationTopicArn",
                "privateDnsVerification",
                "securityGroupId",
                "serviceArn",
                "serviceId",
                "serviceReference",
            ]);
            assert.strictEqual(outputs.serviceReference, "com.amazonaws.vpce.us-east-1.vpce-svc-orders-service");
            assert.deepStrictEqual(outputs.acceptedEndpointIds, ["vpce-0aaa", "vpce-0bbb"]);
        });
    });

    describe("providers", () => {
        for (const [label, args] of [
            ["created NLB, maximal", maximal()],
            ["existing NLBs", { networkLoadBalancerArns: [NLB_ARN, NLB_ARN_2], notifications: { topicArn: TOPIC } }],
        ] as Array<[string, AwsPrivateLinkServiceArgs]>) {
            it(`hands the caller's aws provider to every custom child (${label})`, async () => {
                const rec = await mocks();
                new AwsPrivateLinkService("orders", args, { providers: { aws: new aws.Provider("other", { region: "eu-west-1" }) } });
                await rec.settle();
                const custom = rec.descendantsOf(rec.one("orders", T.component)).filter((r) => r.custom);
                assert.ok(custom.length > 0);
                for (const r of custom) {
                    assert.strictEqual(rec.providerOf(r)?.name, "other", `${r.name} uses the caller's provider`);
                }
                for (const i of rec.invokes) {
                    assert.ok(i.provider?.includes("::other::"), `${i.token} uses the caller's provider`);
                }
            });
        }

        it("looks up the VPC CIDR through the caller's provider", async () => {
            const rec = await mocks();
            new AwsPrivateLinkService("orders", created(), { providers: { aws: new aws.Provider("other", { region: "eu-west-1" }) } });
            await rec.settle();
            const lookup = rec.invokes.filter((i) => i.token === "aws:ec2/getVpc:getVpc");
            assert.strictEqual(lookup.length, 1);
            assert.ok(lookup[0].provider?.includes("::other::"));
        });
    });

    describe("outputs", () => {
        it("resolve for a created NLB with private DNS and notifications", async () => {
            const { svc } = await build(maximal());
            assert.strictEqual(await unwrap(svc.serviceReference), "com.amazonaws.vpce.us-east-1.vpce-svc-orders-service");
            assert.strictEqual(await unwrap(svc.serviceId), "orders-service-id");
            assert.strictEqual(await unwrap(svc.serviceArn), "arn:aws:ec2:us-east-1:111111111111:vpc-endpoint-service/vpce-svc-orders-service");
            assert.strictEqual(
                await unwrap(svc.loadBalancerArn),
                "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/orders-nlb/0123456789abcdef",
            );
            assert.deepStrictEqual(await unwrap(svc.availabilityZones), ["us-east-1a", "us-east-1b"]);
            assert.deepStrictEqual(await unwrap(svc.privateDnsVerification), {
                name: "_orders-service-verify",
                value: "vpce:orders-service-token",
                state: "pendingVerification",
            });
            assert.strictEqual(await unwrap(svc.securityGroupId), "sg-orderssg");
            assert.strictEqual(await unwrap(svc.notificationTopicArn), "arn:aws:sns:us-east-1:111111111111:orders-topic");
            assert.deepStrictEqual(await unwrap(svc.acceptedEndpointIds), ["vpce-0aaa", "vpce-0bbb"]);
        });

        it("resolve for existing NLBs without the optional parts", async () => {
            const { svc } = await build({ networkLoadBalancerArns: [NLB_ARN, NLB_ARN_2], disableNotifications: true });
            assert.strictEqual(await unwrap(svc.serviceReference), "com.amazonaws.vpce.us-east-1.vpce-svc-orders-service");
            assert.strictEqual(await unwrap(svc.loadBalancerArn), NLB_ARN);
            assert.deepStrictEqual(await unwrap(svc.availabilityZones), ["us-east-1a", "us-east-1b"]);
            assert.strictEqual(await unwrap(svc.privateDnsVerification), undefined);
            assert.strictEqual(await unwrap(svc.securityGroupId), undefined);
            assert.strictEqual(await unwrap(svc.notificationTopicArn), undefined);
            assert.deepStrictEqual(await unwrap(svc.acceptedEndpointIds), []);
        });

        it("acceptedEndpointIds carries the accepters, so a consumer built from it waits for acceptance", async () => {
            const rec = await mocks();
            const svc = new AwsPrivateLinkService("orders", {
                networkLoadBalancerArns: [NLB_ARN],
                acceptEndpoints: [{ endpointId: "vpce-0aaa" }, { endpointId: pulumi.output("vpce-0bbb"), key: "b" }],
            });
            // What AwsPrivateEndpoint does with `acceptedBy`: enable private DNS once accepted.
            new aws.vpc.EndpointPrivateDns("consumer-dns", {
                vpcEndpointId: svc.acceptedEndpointIds.apply((ids) => ids[0]),
                privateDnsEnabled: true,
            });
            await rec.settle();
            assert.deepStrictEqual(await unwrap(svc.acceptedEndpointIds), ["vpce-0aaa", "vpce-0bbb"]);
            const accepters = [rec.one("orders-accept-vpce-0aaa", T.accepter), rec.one("orders-accept-b", T.accepter)];
            const consumer = rec.one("consumer-dns", "aws:vpc/endpointPrivateDns:EndpointPrivateDns");
            assert.strictEqual(consumer.inputs.vpcEndpointId, "vpce-0aaa");
            for (const accepter of accepters) {
                assert.ok(consumer.propertyDependencies.vpcEndpointId.includes(accepter.urn), `the consumer waits for ${accepter.name}`);
                assert.ok(consumer.dependencies.includes(accepter.urn));
            }
        });
    });

    describe("validation", () => {
        type Mutate = (a: any) => void;
        const nlb = (): any => ({ networkLoadBalancerArns: [NLB_ARN] });
        const lb = (m: Mutate) => () => {
            const a: any = created();
            m(a.loadBalancer);
            return a;
        };
        const listener = (m: Mutate) => lb((l) => m(l.listeners[0]));
        const svc = (m: Mutate) => () => {
            const a = nlb();
            m(a);
            return a;
        };
        const cases: Array<[string, () => any, string, string?]> = [
            ["args is null", () => null, "args"],
            ["args is a list", () => [], "args"],
            ["args is a string", () => "nlb", "args"],
            ["no load balancer option", () => ({}), "networkLoadBalancerArns or gatewayLoadBalancerArns or loadBalancer"],
            ["two load balancer options", () => ({ ...created(), networkLoadBalancerArns: [NLB_ARN] }), "networkLoadBalancerArns and loadBalancer"],
            ["NLB and GWLB arns", () => ({ networkLoadBalancerArns: [NLB_ARN], gatewayLoadBalancerArns: [GWLB_ARN] }), "networkLoadBalancerArns and gatewayLoadBalancerArns"],
            ["networkLoadBalancerArns not a list", () => ({ networkLoadBalancerArns: NLB_ARN }), "networkLoadBalancerArns"],
            ["networkLoadBalancerArns null", () => ({ networkLoadBalancerArns: null }), "networkLoadBalancerArns"],
            ["networkLoadBalancerArns empty", () => ({ networkLoadBalancerArns: [] }), "networkLoadBalancerArns"],
            ["an ALB as NLB", () => ({ networkLoadBalancerArns: [ALB_ARN] }), "networkLoadBalancerArns[0]"],
            ["a number as NLB", () => ({ networkLoadBalancerArns: [42] }), "networkLoadBalancerArns[0]"],
            ["a duplicate NLB", () => ({ networkLoadBalancerArns: [NLB_ARN, NLB_ARN] }), "networkLoadBalancerArns[1]"],
            ["an NLB as GWLB", () => ({ gatewayLoadBalancerArns: [NLB_ARN] }), "gatewayLoadBalancerArns[0]"],
            ["loadBalancer not an object", () => ({ loadBalancer: "yes" }), "loadBalancer"],
            ["loadBalancer null", () => ({ loadBalancer: null }), "loadBalancer"],
            ["vpcId missing", lb((l) => delete l.vpcId), "loadBalancer.vpcId"],
            ["vpcId not a VPC id", lb((l) => (l.vpcId = "subnet-a")), "loadBalancer.vpcId"],
            ["subnetIds missing", lb((l) => delete l.subnetIds), "loadBalancer.subnetIds"],
            ["subnetIds not a list", lb((l) => (l.subnetIds = "subnet-a")), "loadBalancer.subnetIds"],
            ["one subnet", lb((l) => (l.subnetIds = ["subnet-a"])), "loadBalancer.subnetIds"],
            ["a bad subnet id", lb((l) => (l.subnetIds = ["subnet-a", "vpc-1"])), "loadBalancer.subnetIds[1]"],
            ["a duplicate subnet", lb((l) => (l.subnetIds = ["subnet-a", "subnet-a"])), "loadBalancer.subnetIds[1]"],
            ["listeners missing", lb((l) => delete l.listeners), "loadBalancer.listeners"],
            ["listeners not a list", lb((l) => (l.listeners = { port: 443 })), "loadBalancer.listeners"],
            ["listeners empty", lb((l) => (l.listeners = [])), "loadBalancer.listeners"],
            ["listener not an object", lb((l) => (l.listeners = [443])), "loadBalancer.listeners[0]"],
            ["listener port 0", listener((l) => (l.port = 0)), "loadBalancer.listeners[0].port"],
            ["listener port as text", listener((l) => (l.port = "443")), "loadBalancer.listeners[0].port"],
            ["duplicate listener ports", lb((l) => l.listeners.push({ port: 443 })), "loadBalancer.listeners[1].port"],
            ["unknown listener protocol", listener((l) => (l.protocol = "HTTP")), "loadBalancer.listeners[0].protocol"],
            ["unknown target protocol", listener((l) => (l.targetProtocol = "tcp")), "loadBalancer.listeners[0].targetProtocol"],
            ["unknown target type", listener((l) => (l.targetType = "lambda")), "loadBalancer.listeners[0].targetType"],
            ["bad target port", listener((l) => (l.targetPort = 70000)), "loadBalancer.listeners[0].targetPort"],
            ["UDP behind TCP", listener((l) => (l.targetProtocol = "UDP")), "loadBalancer.listeners[0].targetProtocol"],
            ["TLS without certificate", listener((l) => (l.protocol = "TLS")), "loadBalancer.listeners[0].certificateArn"],
            ["TLS with empty certificate", listener((l) => Object.assign(l, { protocol: "TLS", certificateArn: " " })), "loadBalancer.listeners[0].certificateArn"],
            ["TLS with empty sslPolicy", listener((l) => Object.assign(l, { protocol: "TLS", certificateArn: CERT, sslPolicy: "" })), "loadBalancer.listeners[0].sslPolicy"],
            ["certificate on TCP", listener((l) => (l.certificateArn = CERT)), "loadBalancer.listeners[0].certificateArn"],
            ["sslPolicy on TCP", listener((l) => (l.sslPolicy = DEFAULT_TLS_POLICY)), "loadBalancer.listeners[0].sslPolicy"],
            ["ALB target behind UDP", listener((l) => Object.assign(l, { targetType: "alb", protocol: "UDP", targets: [] })), "loadBalancer.listeners[0].protocol"],
            ["ALB target with proxy protocol", listener((l) => Object.assign(l, { targetType: "alb", proxyProtocolV2: true, targets: [] })), "loadBalancer.listeners[0].proxyProtocolV2"],
            ["proxyProtocolV2 not boolean", listener((l) => (l.proxyProtocolV2 = "on")), "loadBalancer.listeners[0].proxyProtocolV2"],
            ["deregistrationDelay too long", listener((l) => (l.deregistrationDelay = 7200)), "loadBalancer.listeners[0].deregistrationDelay"],
            ["targets not a list", listener((l) => (l.targets = "10.0.1.10")), "loadBalancer.listeners[0].targets"],
            ["target not an object", listener((l) => (l.targets = ["10.0.1.10"])), "loadBalancer.listeners[0].targets[0]"],
            ["target id missing", listener((l) => (l.targets = [{}])), "loadBalancer.listeners[0].targets[0].id"],
            ["target id a number", listener((l) => (l.targets = [{ id: 10 }])), "loadBalancer.listeners[0].targets[0].id"],
            ["ip target not an IP", listener((l) => (l.targets = [{ id: "i-0123" }])), "loadBalancer.listeners[0].targets[0].id"],
            ["ip target a CIDR", listener((l) => (l.targets = [{ id: "10.0.1.0/24" }])), "loadBalancer.listeners[0].targets[0].id"],
            ["instance target not an instance", listener((l) => Object.assign(l, { targetType: "instance", targets: [{ id: "10.0.1.10" }] })), "loadBalancer.listeners[0].targets[0].id"],
            ["alb target not an ALB", listener((l) => Object.assign(l, { targetType: "alb", targets: [{ id: NLB_ARN }] })), "loadBalancer.listeners[0].targets[0].id"],
            ["target port bad", listener((l) => (l.targets = [{ id: "10.0.1.10", port: -1 }])), "loadBalancer.listeners[0].targets[0].port"],
            ["target zone empty", listener((l) => (l.targets = [{ id: "10.0.1.10", availabilityZone: "" }])), "loadBalancer.listeners[0].targets[0].availabilityZone"],
            ["duplicate target", listener((l) => (l.targets = [{ id: "10.0.1.10" }, { id: "10.0.1.10" }])), "loadBalancer.listeners[0].targets[1].id"],
            ["healthCheck not an object", listener((l) => (l.healthCheck = "TCP")), "loadBalancer.listeners[0].healthCheck"],
            ["unknown health check protocol", listener((l) => (l.healthCheck = { protocol: "UDP" })), "loadBalancer.listeners[0].healthCheck.protocol"],
            ["TCP health check on an ALB", listener((l) => Object.assign(l, { targetType: "alb", targets: [], healthCheck: { protocol: "TCP" } })), "loadBalancer.listeners[0].healthCheck.protocol"],
            ["health check port bad", listener((l) => (l.healthCheck = { port: 0 })), "loadBalancer.listeners[0].healthCheck.port"],
            ["path on a TCP check", listener((l) => (l.healthCheck = { path: "/healthz" })), "loadBalancer.listeners[0].healthCheck.path"],
            ["matcher on a TCP check", listener((l) => (l.healthCheck = { matcher: "200" })), "loadBalancer.listeners[0].healthCheck.matcher"],
            ["relative path", listener((l) => (l.healthCheck = { protocol: "HTTP", path: "healthz" })), "loadBalancer.listeners[0].healthCheck.path"],
            ["empty matcher", listener((l) => (l.healthCheck = { protocol: "HTTP", matcher: "" })), "loadBalancer.listeners[0].healthCheck.matcher"],
            ["interval too short", listener((l) => (l.healthCheck = { interval: 1 })), "loadBalancer.listeners[0].healthCheck.interval"],
            ["timeout fractional", listener((l) => (l.healthCheck = { timeout: 2.5 })), "loadBalancer.listeners[0].healthCheck.timeout"],
            ["healthyThreshold too high", listener((l) => (l.healthCheck = { healthyThreshold: 11 })), "loadBalancer.listeners[0].healthCheck.healthyThreshold"],
            ["unhealthyThreshold as text", listener((l) => (l.healthCheck = { unhealthyThreshold: "3" })), "loadBalancer.listeners[0].healthCheck.unhealthyThreshold"],
            ["allowedCidrs open to the internet", lb((l) => (l.allowedCidrs = ["0.0.0.0/0"])), "loadBalancer.allowedCidrs[0]"],
            ["allowedCidrs IPv6 open to the internet", lb((l) => (l.allowedCidrs = ["10.0.0.0/8", "::/0"])), "loadBalancer.allowedCidrs[1]"],
            ["allowedCidrs not a CIDR", lb((l) => (l.allowedCidrs = ["10.0.0.300/16"])), "loadBalancer.allowedCidrs[0]"],
            ["allowedCidrs not a list", lb((l) => (l.allowedCidrs = "10.0.0.0/8")), "loadBalancer.allowedCidrs"],
            ["allowedCidrs duplicate", lb((l) => (l.allowedCidrs = ["10.0.0.0/8", "10.0.0.0/8"])), "loadBalancer.allowedCidrs[1]"],
            ["allowedCidrs naming alike", lb((l) => (l.allowedCidrs = ["fd00:20::/56", "fd00::20/56"])), "loadBalancer.allowedCidrs[1]"],
            ["targetCidrs naming alike", lb((l) => (l.targetCidrs = ["fd00:20::/56", "fd00::20/56"])), "loadBalancer.targetCidrs[1]"],
            ["targetCidrs empty", lb((l) => (l.targetCidrs = [])), "loadBalancer.targetCidrs"],
            ["targetCidrs not a CIDR", lb((l) => (l.targetCidrs = ["vpc"])), "loadBalancer.targetCidrs[0]"],
            ["targetCidrs whole internet", lb((l) => (l.targetCidrs = ["0.0.0.0/0"])), "loadBalancer.targetCidrs[0]"],
            ["targetCidrs duplicate", lb((l) => (l.targetCidrs = ["10.0.0.0/16", "10.0.0.0/16"])), "loadBalancer.targetCidrs[1]"],
            ["securityGroupIds bad", lb((l) => (l.securityGroupIds = ["default"])), "loadBalancer.securityGroupIds[0]"],
            ["securityGroupIds duplicate", lb((l) => (l.securityGroupIds = ["sg-1", "sg-1"])), "loadBalancer.securityGroupIds[1]"],
            ["enforcement on without client CIDRs", lb((l) => (l.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic = true)), "loadBalancer.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic"],
            ["enforcement as text", lb((l) => (l.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic = "on")), "loadBalancer.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic"],
            ["unknown ipAddressType", lb((l) => (l.ipAddressType = "ipv6")), "loadBalancer.ipAddressType"],
            ["crossZoneLoadBalancing as text", lb((l) => (l.crossZoneLoadBalancing = "yes")), "loadBalancer.crossZoneLoadBalancing"],
            ["deletionProtection as number", lb((l) => (l.deletionProtection = 1)), "loadBalancer.deletionProtection"],
            ["accessLogs not an object", lb((l) => (l.accessLogs = "bucket")), "loadBalancer.accessLogs"],
            ["accessLogs without bucket", lb((l) => (l.accessLogs = {})), "loadBalancer.accessLogs.bucket"],
            ["accessLogs prefix a number", lb((l) => (l.accessLogs = { bucket: "b", prefix: 1 })), "loadBalancer.accessLogs.prefix"],
            ["acceptanceRequired as text", svc((a) => (a.acceptanceRequired = "true")), "acceptanceRequired"],
            ["allowWildcardPrincipal as text", svc((a) => (a.allowWildcardPrincipal = "yes")), "allowWildcardPrincipal"],
            ["allowedPrincipals not a list", svc((a) => (a.allowedPrincipals = "arn:aws:iam::222222222222:root")), "allowedPrincipals"],
            ["wildcard principal", svc((a) => (a.allowedPrincipals = ["*"])), "allowedPrincipals[0]"],
            ["account wildcard principal", svc((a) => (a.allowedPrincipals = ["arn:aws:iam::*:root"])), "allowedPrincipals[0]"],
            ["partial wildcard even when allowed", svc((a) => Object.assign(a, { allowedPrincipals: ["arn:aws:iam::*:root"], allowWildcardPrincipal: true })), "allowedPrincipals[0]"],
            ["wildcard with auto-acceptance", svc((a) => Object.assign(a, { allowedPrincipals: ["*"], allowWildcardPrincipal: true, acceptanceRequired: false })), "acceptanceRequired"],
            ["a bare account id", svc((a) => (a.allowedPrincipals = ["222222222222"])), "allowedPrincipals[0]"],
            ["an empty principal", svc((a) => (a.allowedPrincipals = [""])), "allowedPrincipals[0]"],
            ["a duplicate principal", svc((a) => (a.allowedPrincipals = ["arn:aws:iam::222222222222:root", "arn:aws:iam::222222222222:root"])), "allowedPrincipals[1]"],
            ["supportedRegions not a list", svc((a) => (a.supportedRegions = "eu-west-1")), "supportedRegions"],
            ["a bad region", svc((a) => (a.supportedRegions = ["Europe"])), "supportedRegions[0]"],
            ["a duplicate region", svc((a) => (a.supportedRegions = ["eu-west-1", "eu-west-1"])), "supportedRegions[1]"],
            ["regions on a GWLB service", () => ({ gatewayLoadBalancerArns: [GWLB_ARN], supportedRegions: ["eu-west-1"] }), "supportedRegions"],
            ["supportedIpAddressTypes empty", svc((a) => (a.supportedIpAddressTypes = [])), "supportedIpAddressTypes"],
            ["supportedIpAddressTypes not a list", svc((a) => (a.supportedIpAddressTypes = "ipv4")), "supportedIpAddressTypes"],
            ["an unknown IP type", svc((a) => (a.supportedIpAddressTypes = ["dualstack"])), "supportedIpAddressTypes[0]"],
            ["a duplicate IP type", svc((a) => (a.supportedIpAddressTypes = ["ipv4", "ipv4"])), "supportedIpAddressTypes[1]"],
            ["IPv6 on an IPv4 NLB", () => ({ ...created(), supportedIpAddressTypes: ["ipv6"] }), "supportedIpAddressTypes"],
            ["privateDns not an object", svc((a) => (a.privateDns = "api.example.com")), "privateDns"],
            ["privateDns on a GWLB service", () => ({ gatewayLoadBalancerArns: [GWLB_ARN], privateDns: { name: "api.example.com" } }), "privateDns"],
            ["privateDns name missing", svc((a) => (a.privateDns = {})), "privateDns.name"],
            ["privateDns name upper case", svc((a) => (a.privateDns = { name: "API.Example.com" })), "privateDns.name"],
            ["privateDns name with trailing dot", svc((a) => (a.privateDns = { name: "api.example.com." })), "privateDns.name"],
            ["privateDns name single label", svc((a) => (a.privateDns = { name: "api" })), "privateDns.name"],
            ["privateDns name longer than 253 characters", svc((a) => (a.privateDns = { name: `${"a".repeat(60)}.`.repeat(4) + "example.com" })), "privateDns.name"],
            ["privateDns name with an underscore", svc((a) => (a.privateDns = { name: "_api.example.com" })), "privateDns.name"],
            ["privateDns zone empty", svc((a) => (a.privateDns = { name: "api.example.com", publicZoneId: "" })), "privateDns.publicZoneId"],
            ["privateDns TTL negative", svc((a) => (a.privateDns = { name: "api.example.com", recordTtl: -1 })), "privateDns.recordTtl"],
            ["privateDns wait as text", svc((a) => (a.privateDns = { name: "api.example.com", waitForVerification: "yes" })), "privateDns.waitForVerification"],
            ["notifications not an object", svc((a) => (a.notifications = true)), "notifications"],
            ["disableNotifications with notifications", svc((a) => Object.assign(a, { disableNotifications: true, notifications: {} })), "disableNotifications"],
            ["disableNotifications with a given topic", svc((a) => Object.assign(a, { disableNotifications: true, notifications: { topicArn: TOPIC } })), "disableNotifications"],
            ["disableNotifications as text", svc((a) => (a.disableNotifications = "true")), "disableNotifications"],
            ["disableNotifications as an Output", svc((a) => (a.disableNotifications = pulumi.output(true))), "disableNotifications"],
            ["topicArn not an SNS ARN", svc((a) => (a.notifications = { topicArn: "platform-events" })), "notifications.topicArn"],
            ["topicArn with a KMS key", svc((a) => (a.notifications = { topicArn: TOPIC, topicKmsKeyId: "alias/sns" })), "notifications.topicKmsKeyId"],
            ["empty KMS key", svc((a) => (a.notifications = { topicKmsKeyId: "" })), "notifications.topicKmsKeyId"],
            ["events not a list", svc((a) => (a.notifications = { events: "Accept" })), "notifications.events"],
            ["events empty", svc((a) => (a.notifications = { events: [] })), "notifications.events"],
            ["an unknown event", svc((a) => (a.notifications = { events: ["accept"] })), "notifications.events[0]"],
            ["a duplicate event", svc((a) => (a.notifications = { events: ["Accept", "Accept"] })), "notifications.events[1]"],
            ["acceptEndpoints not a list", svc((a) => (a.acceptEndpoints = "vpce-0aaa")), "acceptEndpoints"],
            ["an accepted endpoint as a bare id", svc((a) => (a.acceptEndpoints = ["vpce-0aaa"])), "acceptEndpoints[0]"],
            ["an endpoint id that is not one", svc((a) => (a.acceptEndpoints = [{ endpointId: "vpc-0aaa" }])), "acceptEndpoints[0].endpointId"],
            ["an upper-case endpoint id", svc((a) => (a.acceptEndpoints = [{ endpointId: "vpce-0AAA" }])), "acceptEndpoints[0].endpointId"],
            ["a duplicate endpoint id", svc((a) => (a.acceptEndpoints = [{ endpointId: "vpce-0aaa" }, { endpointId: "vpce-0aaa" }])), "acceptEndpoints[1].endpointId"],
            ["an Output endpoint id without a key", svc((a) => (a.acceptEndpoints = [{ endpointId: pulumi.output("vpce-0aaa") }])), "acceptEndpoints[0].endpointId"],
            ["two accepters keyed alike", svc((a) => (a.acceptEndpoints = [{ endpointId: "vpce-0aaa", key: "A" }, { endpointId: pulumi.output("vpce-0b"), key: "a" }])), "acceptEndpoints[1].key"],
            ["an Output key", svc((a) => (a.acceptEndpoints = [{ endpointId: pulumi.output("vpce-0aaa"), key: pulumi.output("a") }])), "acceptEndpoints[0].key"],
            ["rejectOnRemoval as text", svc((a) => (a.acceptEndpoints = [{ endpointId: "vpce-0aaa", rejectOnRemoval: "yes" }])), "acceptEndpoints[0].rejectOnRemoval"],
            ["a hole in acceptEndpoints", svc((a) => (a.acceptEndpoints = [, { endpointId: "vpce-0aaa" }])), "acceptEndpoints[0]"],
            ["accepting with auto-acceptance", svc((a) => Object.assign(a, { acceptEndpoints: [{ endpointId: "vpce-0aaa" }], acceptanceRequired: false })), "acceptEndpoints"],
            ["tags not a map", svc((a) => (a.tags = ["team"])), "tags"],
            ["tags as an Output", svc((a) => (a.tags = pulumi.output({ team: "x" }))), "tags"],
            ["a tag that is not a string", svc((a) => (a.tags = { cost: 12 })), "tags.cost"],
            ["a reserved tag key", svc((a) => (a.tags = { "aws:team": "x" })), "tags.aws:team"],
            ["a tag value too long", svc((a) => (a.tags = { team: "x".repeat(257) })), "tags.team"],
        ];

        for (const [label, make, field] of cases) {
            it(`rejects ${label} (${field}) before registering anything`, async () => {
                await expectRejected(() => new AwsPrivateLinkService("orders", make()), { component: "AwsPrivateLinkService", name: "orders", field, mocks });
                // The exported validator says the same without creating anything.
                assert.throws(() => validateAwsPrivateLinkServiceArgs("orders", make()), (e: unknown) => ValidationError.isInstance(e) && e.field === field);
            });
        }

        for (const name of ["", "  "]) {
            it(`rejects the component name ${JSON.stringify(name)}`, async () => {
                await expectRejected(() => new AwsPrivateLinkService(name, { networkLoadBalancerArns: [NLB_ARN] }), { component: "AwsPrivateLinkService", name, field: "name", mocks });
            });
        }

        it("registers nothing but the caller's provider when validation fails with providers", async () => {
            const rec = await mocks();
            const provider = new aws.Provider("other", { region: "eu-west-1" });
            assert.throws(() => new AwsPrivateLinkService("orders", { networkLoadBalancerArns: [NLB_ARN], allowedPrincipals: ["*"] }, { providers: { aws: provider } }));
            await rec.settle();
            assert.deepStrictEqual(rec.summary(), ["pulumi:providers:aws other"]);
        });

        it("leaves Outputs to AWS and accepts every valid shape", () => {
            const args = maximal();
            args.allowedPrincipals = [pulumi.output("anything")];
            args.loadBalancer!.vpcId = pulumi.output("not-checked");
            args.loadBalancer!.subnetIds = [pulumi.output("a"), pulumi.output("b")];
            args.privateDns!.name = pulumi.output("Not.Checked.");
            args.acceptanceRequired = pulumi.output(false);
            assert.doesNotThrow(() => validateAwsPrivateLinkServiceArgs("orders", args));
            assert.doesNotThrow(() => validateAwsPrivateLinkServiceArgs("orders", maximal()));
            assert.doesNotThrow(() => validateAwsPrivateLinkServiceArgs("orders", created()));
            assert.doesNotThrow(() =>
                validateAwsPrivateLinkServiceArgs("orders", { networkLoadBalancerArns: [NLB_ARN], privateDns: { name: "*.example.com" } }),
            );
            // Every region name serviceNames.ts knows, including the European Sovereign Cloud.
            assert.doesNotThrow(() =>
                validateAwsPrivateLinkServiceArgs("orders", { networkLoadBalancerArns: [NLB_ARN], supportedRegions: ["eusc-de-east-1", "us-gov-west-1", "cn-north-1"] }),
            );
        });

        it("never throws anything but a ValidationError on hostile input", () => {
            const hostile: unknown[] = [undefined, null, 0, "", "x", [], [null], {}, { loadBalancer: {} }, { loadBalancer: { listeners: [null] } }, { networkLoadBalancerArns: [null] }, { networkLoadBalancerArns: [NLB_ARN], tags: null }, { networkLoadBalancerArns: [NLB_ARN], privateDns: null }, { networkLoadBalancerArns: [NLB_ARN], notifications: { events: [null] } }, { loadBalancer: { vpcId: "vpc-1", subnetIds: [null, 1], listeners: [] } }, { loadBalancer: { vpcId: "vpc-1", subnetIds: ["subnet-a", "subnet-b"], listeners: [{ port: 443, targets: [null] }] } }, { loadBalancer: { vpcId: "vpc-1", subnetIds: ["subnet-a", "subnet-b"], listeners: [{ port: 443, healthCheck: null }] } }, Object.create(null)];
            for (const h of hostile) {
                assert.throws(
                    () => validateAwsPrivateLinkServiceArgs("orders", h as AwsPrivateLinkServiceArgs),
                    (e: unknown) => ValidationError.isInstance(e),
                    `input ${JSON.stringify(h)}`,
                );
            }
        });
    });
});
