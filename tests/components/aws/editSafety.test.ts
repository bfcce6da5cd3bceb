/**
 * The edit-safety findings of issue 6, one test each (with `edits.test.ts`, which holds the
 * tables of routine edits): what each component now does on the edit that used to go wrong.
 */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import {
    AwsEndpointDnsRecordIpType,
    AwsEndpointIpAddressType,
    AwsNlbListenerProtocol,
    AwsPrivateEndpoint,
    AwsPrivateEndpointArgs,
    AwsPrivateLinkService,
    AwsPrivateLinkServiceArgs,
    awsServiceName,
    isRegionlessService,
} from "../../../components/aws";
import { Recorder, startMocks } from "../../harness/mocks";
import { expectRejected } from "../../harness/validation";
import { planEdit, summarise } from "../../harness/edits";

const T = {
    accepter: "aws:ec2/vpcEndpointConnectionAccepter:VpcEndpointConnectionAccepter",
    attachment: "aws:lb/targetGroupAttachment:TargetGroupAttachment",
    egress: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    verification: "aws:vpc/endpointServicePrivateDnsVerification:EndpointServicePrivateDnsVerification",
    service: "aws:ec2/vpcEndpointService:VpcEndpointService",
    lb: "aws:lb/loadBalancer:LoadBalancer",
    record: "aws:route53/record:Record",
    auth: "aws:route53/vpcAssociationAuthorization:VpcAssociationAuthorization",
    assoc: "aws:route53/zoneAssociation:ZoneAssociation",
    privateDns: "aws:vpc/endpointPrivateDns:EndpointPrivateDns",
};

const created = (): AwsPrivateLinkServiceArgs => ({
    loadBalancer: { vpcId: "vpc-1", subnetIds: ["subnet-a", "subnet-b"], listeners: [{ port: 443, targets: [{ id: "10.0.1.10" }] }] },
});
const endpoint = (): AwsPrivateEndpointArgs => ({
    vpcId: "vpc-1",
    serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0",
    subnets: [{ subnetId: "subnet-a" }, { subnetId: "subnet-b" }],
    allowedCidrs: ["10.0.0.0/16"],
});

async function built(make: () => unknown): Promise<Recorder> {
    const rec = await startMocks();
    make();
    await rec.settle();
    return rec;
}

describe("issue 6: AWS edit safety, item by item", function () {
    this.timeout(120000);

    it("item 1: accepters and target registrations of Outputs are named by key, and a removed accepter keeps its connection", async () => {
        const args: AwsPrivateLinkServiceArgs = {
            ...created(),
            acceptEndpoints: [{ endpointId: pulumi.output("vpce-0aaa"), key: "consumer-a" }, { endpointId: "vpce-0bbb", rejectOnRemoval: true }],
        };
        args.loadBalancer!.listeners[0].targets = [{ id: pulumi.output("10.0.9.9"), key: "web" }];
        const rec = await built(() => new AwsPrivateLinkService("orders", args));
        assert.strictEqual(rec.one("orders-accept-consumer-a", T.accepter).retainOnDelete, true);
        assert.strictEqual(rec.one("orders-accept-vpce-0bbb", T.accepter).retainOnDelete, false);
        assert.ok(rec.find("orders-target-443-web", T.attachment));
        // Without a key an Output is refused: a list position would re-accept on every edit.
        await expectRejected(() => new AwsPrivateLinkService("orders", { ...created(), acceptEndpoints: [{ endpointId: pulumi.output("vpce-0aaa") }] }), {
            component: "AwsPrivateLinkService",
            name: "orders",
            field: "acceptEndpoints[0].endpointId",
        });
    });

    it("item 2: principals and regions are always sent; a private DNS name removal is refused at deployment (edits.test.ts)", async () => {
        const rec = await built(() => new AwsPrivateLinkService("orders", created()));
        const service = rec.one("orders-service", T.service);
        assert.deepStrictEqual([service.inputs.allowedPrincipals, service.inputs.supportedRegions], [[], ["us-east-1"]]);
    });

    it("item 3: supportedRegions always holds the service's own region first", async () => {
        const rec = await built(() => new AwsPrivateLinkService("orders", { ...created(), supportedRegions: ["us-east-1", "eu-west-1"] }));
        assert.deepStrictEqual(rec.one("orders-service", T.service).inputs.supportedRegions, ["us-east-1", "eu-west-1"], "listed once, home first");
    });

    it("item 4: the target groups are replaced with a replaced load balancer (edits.test.ts checks replaceWith)", async () => {
        const diff = await planEdit(
            (a: AwsPrivateLinkServiceArgs) => new AwsPrivateLinkService("orders", a),
            { ...created(), loadBalancer: { ...created().loadBalancer!, subnetIds: ["subnet-a", "subnet-b", "subnet-c"] } },
            created(),
        );
        assert.deepStrictEqual(summarise(diff).changed, { "orders-nlb": ["subnets"] });
        assert.deepStrictEqual(diff.after.one("orders-tg-443").replaceWith, [diff.after.one("orders-nlb", T.lb).urn]);
    });

    it("item 5: the verification waits by default and is replaced when the name changes", async () => {
        const rec = await built(() => new AwsPrivateLinkService("orders", { ...created(), privateDns: { name: "orders.example.com", publicZoneId: "ZPUBLIC" } }));
        const verification = rec.one("orders-dns-verification", T.verification);
        assert.strictEqual(verification.inputs.waitForVerification, true);
        assert.strictEqual(verification.replacementTrigger, "orders.example.com");
    });

    it("item 6: once client CIDRs are listed, enforcement on PrivateLink traffic must be chosen", async () => {
        const args = created();
        args.loadBalancer!.allowedCidrs = ["10.20.0.0/16"];
        const e = await expectRejected(() => new AwsPrivateLinkService("orders", args), {
            component: "AwsPrivateLinkService",
            name: "orders",
            field: "loadBalancer.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic",
        });
        assert.match(e.fix, /cut off silently/);
    });

    it("item 7: cross-zone load balancing stays on by default (its cost is documented)", async () => {
        const rec = await built(() => new AwsPrivateLinkService("orders", created()));
        assert.strictEqual(rec.one("orders-nlb", T.lb).inputs.enableCrossZoneLoadBalancing, true);
    });

    it("item 8: another account's VPC gets an authorisation, not an association made with the zone owner's provider", async () => {
        const rec = await built(() => new AwsPrivateEndpoint("pe", { ...endpoint(), privateZone: { domainName: "orders.internal", additionalVpcs: [{ vpcId: "vpc-2" }], crossAccountVpcs: [{ vpcId: "vpc-3" }] } }));
        assert.strictEqual(rec.one("pe-assoc-vpc-2", T.assoc).inputs.vpcId, "vpc-2");
        const auth = rec.one("pe-auth-vpc-3", T.auth);
        assert.deepStrictEqual([auth.inputs.vpcId, auth.inputs.zoneId], ["vpc-3", "ZPEZONE"]);
        assert.strictEqual(rec.find("pe-assoc-vpc-3"), undefined);
        assert.strictEqual(rec.one("pe-zone").replacementTrigger, "vpc-1", "the zone follows the endpoint to another VPC");
    });

    it("item 9: service-defined DNS records need a dual-stack endpoint, and give an AAAA alias", async () => {
        for (const ipAddressType of [undefined, AwsEndpointIpAddressType.Ipv4, AwsEndpointIpAddressType.Ipv6]) {
            await expectRejected(() => new AwsPrivateEndpoint("pe", { ...endpoint(), ipAddressType, dnsRecordIpType: AwsEndpointDnsRecordIpType.ServiceDefined }), {
                component: "AwsPrivateEndpoint",
                name: "pe",
                field: "dnsRecordIpType",
            });
        }
        const rec = await built(() =>
            new AwsPrivateEndpoint("pe", {
                ...endpoint(),
                ipAddressType: AwsEndpointIpAddressType.Dualstack,
                dnsRecordIpType: AwsEndpointDnsRecordIpType.ServiceDefined,
                privateZone: { domainName: "orders.internal" },
            }),
        );
        assert.ok(rec.find("pe-alias-a", T.record) && rec.find("pe-alias-aaaa", T.record));
    });

    it("item 10: a UDP listener with a target port override gets TCP egress for its health checks", async () => {
        const args = created();
        args.loadBalancer!.listeners = [{ port: 53, protocol: AwsNlbListenerProtocol.Udp, targets: [{ id: "10.0.1.10", port: 5353 }] }];
        const rec = await built(() => new AwsPrivateLinkService("orders", args));
        const egress = rec.ofType(T.egress).map((r) => `${r.inputs.ipProtocol}/${r.inputs.fromPort}`).sort();
        assert.deepStrictEqual(egress, ["tcp/53", "tcp/5353", "udp/53", "udp/5353"]);
    });

    it("item 11: turning late private DNS off is explicit, through the late resource", async () => {
        const rec = await built(() => new AwsPrivateEndpoint("pe", { ...endpoint(), enablePrivateDnsAfterAcceptance: true, privateDnsEnabled: false }));
        assert.strictEqual(rec.one("pe-private-dns", T.privateDns).inputs.privateDnsEnabled, false);
        await expectRejected(() => new AwsPrivateEndpoint("pe", { ...endpoint(), enablePrivateDnsAfterAcceptance: true, privateDnsEnabled: true }), {
            component: "AwsPrivateEndpoint",
            name: "pe",
            field: "privateDnsEnabled and enablePrivateDnsAfterAcceptance",
        });
    });

    it("item 12: component names that would give load balancer or target group names AWS refuses are refused", async () => {
        for (const name of ["a".repeat(20), "internal", "internal-api", "my.service", "-orders", "api_v2"]) {
            const e = await expectRejected(() => new AwsPrivateLinkService(name, created()), { component: "AwsPrivateLinkService", name, field: "name" });
            assert.match(e.message, /load balancer|target group|security group/);
        }
        // The longest name that still fits: `${name}-tg-443` plus Pulumi's 8 characters in 32.
        await built(() => new AwsPrivateLinkService("a".repeat(17), created()));
    });

    it("item 13: global services get no region in their name", () => {
        assert.strictEqual(awsServiceName("iam", "eu-west-1"), "com.amazonaws.iam");
        assert.strictEqual(awsServiceName("route53", "eu-west-1"), "com.amazonaws.route53");
        assert.strictEqual(awsServiceName("ssm", "eu-west-1"), "com.amazonaws.eu-west-1.ssm");
        assert.ok(isRegionlessService("iam") && !isRegionlessService("constructor"));
    });
});
