import * as assert from "assert";
import { of, usePack, UNKNOWN, couldNotCheck } from "../../harness/policies";
import { res, TYPES } from "./fixtures";

const NLB_ARN = "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/nlb/0123";
const GWLB_ARN = "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/gwy/gwlb/0123";
const goodNlb = (props: Record<string, any> = {}) =>
    res(TYPES.loadBalancer, "nlb", { loadBalancerType: "network", internal: true, subnets: ["subnet-a", "subnet-b"], enableCrossZoneLoadBalancing: true, arn: NLB_ARN, ...props });
const serviceFor = (props: Record<string, any> = {}, deps?: Record<string, string[]>) =>
    res(TYPES.vpcEndpointService, "svc", { acceptanceRequired: true, networkLoadBalancerArns: [NLB_ARN], id: "vpce-svc-1", ...props }, { propertyDependencies: deps });

describe("aws pack: stack rules", () => {
    const pack = usePack("aws");
    const stack = (...rs: any[]) => pack().analyzeStack(rs);

    describe("endpoint-security-group-no-public-ingress", () => {
        const RULE = "endpoint-security-group-no-public-ingress";
        const sg = (props: Record<string, any> = {}) => res(TYPES.securityGroup, "ep-sg", { id: "sg-1", description: "ep", ...props });
        const ep = (props: Record<string, any> = {}, deps?: Record<string, string[]>) =>
            res(TYPES.vpcEndpoint, "ep", { vpcEndpointType: "Interface", serviceName: "com.amazonaws.us-east-1.ssm", securityGroupIds: ["sg-1"], ...props }, { propertyDependencies: deps });

        it("reports an attached group with public inline ingress on any port, at mandatory", async () => {
            const g = sg({ ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"], description: "x" }] });
            const d = of(await stack(g, ep()), RULE);
            assert.strictEqual(d.length, 1);
            assert.strictEqual(d[0].enforcementLevel, "mandatory");
            assert.strictEqual(d[0].urn, g.urn);
            assert.match(d[0].message, /of endpoint "ep"/);
        });
        it("reports standalone SecurityGroupRule and vpc.SecurityGroupIngressRule that target an attached group", async () => {
            const g = sg({ id: UNKNOWN });
            const e = ep({ securityGroupIds: [UNKNOWN] }, { securityGroupIds: [g.urn] });
            const viaDeps = res(TYPES.securityGroupIngressRule, "in", { securityGroupId: UNKNOWN, cidrIpv6: "::/0", ipProtocol: "tcp", fromPort: 443, toPort: 443 }, { propertyDependencies: { securityGroupId: [g.urn] } });
            const legacy = res(TYPES.securityGroupRule, "legacy", { type: "ingress", securityGroupId: UNKNOWN, cidrBlocks: ["0.0.0.0/0"], protocol: "icmp", fromPort: -1, toPort: -1 }, { propertyDependencies: { securityGroupId: [g.urn] } });
            const egress = res(TYPES.securityGroupRule, "egress", { type: "egress", securityGroupId: UNKNOWN, cidrBlocks: ["0.0.0.0/0"], protocol: "-1" }, { propertyDependencies: { securityGroupId: [g.urn] } });
            const d = of(await stack(g, e, viaDeps, legacy, egress), RULE);
            assert.deepStrictEqual(d.map((x) => x.urn).sort(), [legacy.urn, viaDeps.urn].sort());
        });
        it("matches a standalone rule by the group's id and an attachment through SecurityGroupAssociation", async () => {
            const g = sg();
            const e = ep({ securityGroupIds: [], id: "vpce-1" });
            const assoc = res(TYPES.securityGroupAssociation, "assoc", { vpcEndpointId: "vpce-1", securityGroupId: "sg-1" });
            const rule = res(TYPES.securityGroupIngressRule, "in", { securityGroupId: "sg-1", cidrIpv4: "0.0.0.0/0", ipProtocol: "-1" });
            assert.strictEqual(of(await stack(g, e, assoc, rule), RULE).length, 1);
        });
        it("passes an unattached public group and an attached private one", async () => {
            const publicSg = res(TYPES.securityGroup, "web", { id: "sg-web", ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }] });
            const webRule = res(TYPES.securityGroupIngressRule, "web-in", { securityGroupId: "sg-web", cidrIpv4: "0.0.0.0/0", ipProtocol: "tcp", fromPort: 80, toPort: 80 });
            const g = sg({ ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.0.0.0/16"] }] });
            const rule = res(TYPES.securityGroupIngressRule, "in", { securityGroupId: "sg-1", cidrIpv4: "10.0.0.0/16", ipProtocol: "tcp", fromPort: 443, toPort: 443 });
            const r = await stack(publicSg, webRule, g, rule, ep());
            assert.deepStrictEqual(of(r, RULE), []);
        });
        it("is not applicable when no group of the stack is attached to an endpoint", async () => {
            const r = await stack(sg(), ep({ securityGroupIds: ["sg-other"] }));
            assert.ok(r.notApplicable.some((n) => n.policyName === RULE));
        });
        it("does not crash on wrong-typed values", async () => {
            const r = await stack(sg({ ingress: [null, { cidrBlocks: 5 }], id: "sg-1" }), ep({ securityGroupIds: [1, "sg-1"] }), res(TYPES.securityGroupRule, "x", { type: 5, securityGroupId: "sg-1" }));
            assert.deepStrictEqual(of(r, RULE), []);
        });
        it("says it could not check unknown sources of an attached group", async () => {
            assert.ok(couldNotCheck(await stack(sg({ ingress: [{ cidrBlocks: [UNKNOWN] }] }), ep()), RULE));
            assert.ok(couldNotCheck(await stack(sg(), ep({ securityGroupIds: UNKNOWN })), RULE));
        });
        it("still runs in preview when an unrelated group's id is unknown", async () => {
            const other = res(TYPES.securityGroup, "other", { id: UNKNOWN, ingress: [{ cidrBlocks: [UNKNOWN] }] });
            const g = sg({ ingress: [{ protocol: "-1", cidrBlocks: ["0.0.0.0/0"] }] });
            const r = await stack(other, g, ep());
            assert.strictEqual(of(r, RULE).length, 1);
            assert.ok(!couldNotCheck(r, RULE));
        });
    });

    describe("endpoint-service-lb-internal / -multi-az / -cross-zone", () => {
        const INTERNAL = "endpoint-service-lb-internal";
        const MULTI = "endpoint-service-lb-multi-az";
        const CROSS = "endpoint-service-lb-cross-zone";
        const all = (r: any) => [...of(r, INTERNAL), ...of(r, MULTI), ...of(r, CROSS)];

        it("passes an internal cross-zone NLB in two subnets, matched by arn", async () => {
            assert.deepStrictEqual(all(await stack(goodNlb(), serviceFor())), []);
        });
        it("reports an internet-facing NLB (mandatory), one subnet and no cross-zone (advisory), matched by arn", async () => {
            const lb = goodNlb({ internal: false, subnets: ["subnet-a"], enableCrossZoneLoadBalancing: false });
            const r = await stack(lb, serviceFor());
            assert.strictEqual(of(r, INTERNAL)[0].enforcementLevel, "mandatory");
            assert.strictEqual(of(r, INTERNAL)[0].urn, lb.urn);
            assert.strictEqual(of(r, MULTI)[0].enforcementLevel, "advisory");
            assert.strictEqual(of(r, CROSS)[0].enforcementLevel, "advisory");
        });
        it("matches the load balancer by property dependencies when the ARN is unknown (preview)", async () => {
            const lb = goodNlb({ arn: UNKNOWN, id: UNKNOWN, internal: undefined, enableCrossZoneLoadBalancing: undefined, subnets: undefined, subnetMappings: [{ subnetId: "subnet-a" }] });
            const r = await stack(lb, serviceFor({ networkLoadBalancerArns: [UNKNOWN] }, { networkLoadBalancerArns: [lb.urn] }));
            assert.strictEqual(of(r, INTERNAL).length, 1);
            assert.strictEqual(of(r, MULTI).length, 1);
            assert.strictEqual(of(r, CROSS).length, 1);
        });
        it("matches aws.alb load balancers and counts subnetMappings", async () => {
            const lb = res(TYPES.albLoadBalancer, "nlb", { loadBalancerType: "network", internal: true, subnetMappings: [{ subnetId: "a" }, { subnetId: "b" }], enableCrossZoneLoadBalancing: true, arn: NLB_ARN });
            assert.deepStrictEqual(all(await stack(lb, serviceFor())), []);
        });
        it("exempts Gateway Load Balancers from internal, not from multi-AZ and cross-zone", async () => {
            const gwlb = res(TYPES.loadBalancer, "gwlb", { loadBalancerType: "gateway", subnets: ["a"], arn: GWLB_ARN });
            const svc = serviceFor({ networkLoadBalancerArns: undefined, gatewayLoadBalancerArns: [GWLB_ARN] });
            const r = await stack(gwlb, svc);
            assert.deepStrictEqual(of(r, INTERNAL), []);
            assert.strictEqual(of(r, MULTI).length, 1);
            assert.strictEqual(of(r, CROSS).length, 1);
        });
        it("ignores load balancers no endpoint service uses, and is not applicable without one", async () => {
            const r = await stack(goodNlb({ internal: false, arn: "arn:other" }), serviceFor());
            assert.deepStrictEqual(all(r), []);
            assert.ok(r.notApplicable.some((n) => n.policyName === INTERNAL));
        });
        it("reports a missing internal flag and missing subnets", async () => {
            const r = await stack(res(TYPES.loadBalancer, "nlb", { loadBalancerType: "network", arn: NLB_ARN, enableCrossZoneLoadBalancing: true }), serviceFor());
            assert.strictEqual(of(r, INTERNAL).length, 1);
            assert.match(of(r, MULTI)[0].message, /spans 0 subnets/);
        });
        it("takes the minimum subnets from configuration", async () => {
            await pack().configure({ [MULTI]: { minimumSubnets: 3 } });
            assert.strictEqual(of(await stack(goodNlb(), serviceFor()), MULTI).length, 1);
        });
        it("does not crash on wrong-typed values", async () => {
            const lb = goodNlb({ internal: "yes", subnets: "subnet-a", subnetMappings: [null, 5, { subnetId: 7 }], enableCrossZoneLoadBalancing: 1, loadBalancerType: 3 });
            const r = await stack(lb, serviceFor({ networkLoadBalancerArns: NLB_ARN }));
            assert.strictEqual(all(r).length, 3);
        });
        it("says it could not check unknown values that decide the verdict", async () => {
            assert.ok(couldNotCheck(await stack(goodNlb({ internal: UNKNOWN }), serviceFor()), INTERNAL));
            assert.ok(couldNotCheck(await stack(goodNlb({ subnets: [UNKNOWN, UNKNOWN] }), serviceFor()), MULTI));
            assert.ok(couldNotCheck(await stack(goodNlb(), serviceFor({ networkLoadBalancerArns: UNKNOWN })), CROSS));
        });
    });

    describe("endpoint-service-notifications", () => {
        const RULE = "endpoint-service-notifications";

        it("reports a service without connection notification, at advisory", async () => {
            const svc = serviceFor();
            const d = of(await stack(svc), RULE);
            assert.strictEqual(d.length, 1);
            assert.strictEqual(d[0].enforcementLevel, "advisory");
            assert.strictEqual(d[0].urn, svc.urn);
        });
        it("passes a notification that refers to the service by id or by dependency", async () => {
            const svc = serviceFor();
            const byId = res(TYPES.vpcEndpointConnectionNotification, "n", { vpcEndpointServiceId: "vpce-svc-1", connectionNotificationArn: "arn:aws:sns:us-east-1:1:t", connectionEvents: ["Connect"] });
            assert.deepStrictEqual(of(await stack(svc, byId), RULE), []);
            const byDep = res(TYPES.vpcEndpointConnectionNotification, "n", { vpcEndpointServiceId: UNKNOWN }, { propertyDependencies: { vpcEndpointServiceId: [svc.urn] } });
            assert.deepStrictEqual(of(await stack(svc, byDep), RULE), []);
        });
        it("reports the one service of two without a notification; endpoint-side notifications do not count", async () => {
            const a = serviceFor();
            const b = res(TYPES.vpcEndpointService, "svc-b", { id: UNKNOWN });
            const n = res(TYPES.vpcEndpointConnectionNotification, "n", { vpcEndpointServiceId: UNKNOWN }, { propertyDependencies: { vpcEndpointServiceId: [b.urn] } });
            const endpointSide = res(TYPES.vpcEndpointConnectionNotification, "e", { vpcEndpointId: "vpce-1" });
            const d = of(await stack(a, b, n, endpointSide), RULE);
            assert.deepStrictEqual(d.map((x) => x.urn), [a.urn]);
        });
        it("is not applicable without endpoint services", async () => {
            assert.ok((await stack(res(TYPES.vpc, "v", {}))).notApplicable.some((n) => n.policyName === RULE));
        });
        it("does not crash on wrong-typed values", async () => {
            assert.strictEqual(of(await stack(serviceFor({ id: 5 }), res(TYPES.vpcEndpointConnectionNotification, "n", { vpcEndpointServiceId: { id: "vpce-svc-1" } })), RULE).length, 1);
        });
        it("says it could not check a notification whose service id is unknown without a dependency", async () => {
            assert.ok(couldNotCheck(await stack(serviceFor(), res(TYPES.vpcEndpointConnectionNotification, "n", { vpcEndpointServiceId: UNKNOWN })), RULE));
        });
    });

    describe("vpc-required-endpoints", () => {
        const RULE = "vpc-required-endpoints";
        const vpc = res(TYPES.vpc, "main", { id: "vpc-1", cidrBlock: "10.0.0.0/16" });
        const endpoint = (name: string, serviceName: unknown, vpcId: unknown = "vpc-1", deps?: Record<string, string[]>) =>
            res(TYPES.vpcEndpoint, name, { vpcEndpointType: "Interface", serviceName, vpcId }, { propertyDependencies: deps });

        it("passes and is not applicable with the default (nothing required)", async () => {
            const r = await stack(vpc);
            assert.deepStrictEqual(of(r, RULE), []);
            assert.ok(r.notApplicable.some((n) => n.policyName === RULE));
        });
        it("reports the services a VPC lacks, at advisory", async () => {
            await pack().configure({ [RULE]: { requiredServices: ["ec2", "ssm", "ecr.api"] } });
            const d = of(await stack(vpc, endpoint("ssm", "com.amazonaws.us-east-1.ssm")), RULE);
            assert.strictEqual(d.length, 1);
            assert.strictEqual(d[0].enforcementLevel, "advisory");
            assert.strictEqual(d[0].urn, vpc.urn);
            assert.match(d[0].message, /no endpoint for ec2, ecr\.api/);
        });
        it("passes a VPC with every required service (FIPS variants and other partitions count)", async () => {
            await pack().configure({ [RULE]: { requiredServices: ["EC2", "ssm", "s3"] } });
            const r = await stack(
                vpc,
                endpoint("ec2", "com.amazonaws.us-east-1.ec2-fips"),
                endpoint("ssm", "cn.com.amazonaws.cn-north-1.ssm"),
                res(TYPES.vpcEndpoint, "s3", { serviceName: "com.amazonaws.us-east-1.s3", vpcId: UNKNOWN }, { propertyDependencies: { vpcId: [vpc.urn] } }),
            );
            assert.deepStrictEqual(of(r, RULE), []);
        });
        it("checks each VPC on its own, including VPCs known only from endpoints", async () => {
            await pack().configure({ [RULE]: { requiredServices: ["ssm"] } });
            const r = await stack(vpc, endpoint("ssm", "com.amazonaws.us-east-1.ssm"), endpoint("ec2", "com.amazonaws.us-east-1.ec2", "vpc-external"));
            const d = of(r, RULE);
            assert.strictEqual(d.length, 1);
            assert.match(d[0].message, /VPC vpc-external has no endpoint for ssm/);
        });
        it("does not count customer services or near-miss names", async () => {
            await pack().configure({ [RULE]: { requiredServices: ["ec2"] } });
            const r = await stack(vpc, endpoint("c", "com.amazonaws.vpce.us-east-1.vpce-svc-ec2"), endpoint("m", "com.amazonaws.us-east-1.ec2messages"));
            assert.strictEqual(of(r, RULE).length, 1);
        });
        it("does not crash on wrong-typed values", async () => {
            await pack().configure({ [RULE]: { requiredServices: ["ssm", 5, null] } });
            const r = await stack(vpc, endpoint("a", 5), endpoint("b", "com.amazonaws.us-east-1.ssm", 5));
            assert.strictEqual(of(r, RULE).length, 1);
        });
        it("uses unknown service names only when they could decide, and skips customer services in preview", async () => {
            await pack().configure({ [RULE]: { requiredServices: ["ssm"] } });
            assert.deepStrictEqual(of(await stack(vpc, endpoint("ssm", "com.amazonaws.us-east-1.ssm"), endpoint("u", UNKNOWN)), RULE), []);
            assert.ok(couldNotCheck(await stack(vpc, endpoint("u", UNKNOWN)), RULE));
            const svc = res(TYPES.vpcEndpointService, "svc", {});
            const r = await stack(vpc, svc, endpoint("c", UNKNOWN, "vpc-1", { serviceName: [svc.urn] }));
            assert.strictEqual(of(r, RULE).filter((d) => d.message.includes("no endpoint for ssm")).length, 1);
        });
    });
});
