import * as assert from "assert";
import { of, usePack, UNKNOWN, couldNotCheck } from "../../harness/policies";
import { POLICY_FULL_ACCESS, POLICY_OWN_ACCOUNT, res, TYPES } from "./fixtures";

const iface = (props: Record<string, any>) => ({ vpcEndpointType: "Interface", vpcId: "vpc-1", serviceName: "com.amazonaws.us-east-1.ssm", ...props });

describe("aws pack: endpoint rules", () => {
    const pack = usePack("aws");

    describe("interface-endpoint-security-groups", () => {
        const RULE = "interface-endpoint-security-groups";
        const ep = (props: Record<string, any>) => pack().analyze({ type: TYPES.vpcEndpoint, name: "ep", props });

        it("reports an Interface endpoint without security groups, at advisory", async () => {
            const d = of(await ep(iface({ securityGroupIds: [] })), RULE);
            assert.strictEqual(d.length, 1);
            assert.strictEqual(d[0].enforcementLevel, "advisory");
            assert.match(d[0].message, /default security group/);
        });
        it("reports a missing securityGroupIds", async () => {
            assert.strictEqual(of(await ep(iface({})), RULE).length, 1);
        });
        it("passes an Interface endpoint with its own group", async () => {
            assert.deepStrictEqual(of(await ep(iface({ securityGroupIds: ["sg-1"] })), RULE), []);
        });
        it("is not applicable to Gateway endpoints (the default type) and other types", async () => {
            for (const props of [{ serviceName: "com.amazonaws.us-east-1.s3" }, { vpcEndpointType: "Gateway" }, { vpcEndpointType: "interface" }]) {
                const r = await ep(props);
                assert.deepStrictEqual(of(r, RULE), []);
                assert.ok(r.notApplicable.some((n) => n.policyName === RULE));
            }
        });
        it("reports configured default security group ids", async () => {
            await pack().configure({ [RULE]: { defaultSecurityGroupIds: ["sg-default"] } });
            const d = of(await ep(iface({ securityGroupIds: ["sg-1", "sg-default"] })), RULE);
            assert.strictEqual(d.length, 1);
            assert.match(d[0].message, /sg-default/);
            assert.deepStrictEqual(of(await ep(iface({ securityGroupIds: ["sg-1"] })), RULE), []);
        });
        it("does not crash on wrong-typed values", async () => {
            assert.strictEqual(of(await ep(iface({ securityGroupIds: [5, null] })), RULE).length, 1);
            assert.deepStrictEqual(of(await ep(iface({ securityGroupIds: "sg-1" })), RULE), []);
            assert.deepStrictEqual(of(await ep({ vpcEndpointType: 7 }), RULE), []);
        });
        it("counts unknown group ids without reading them, and says so when it must read them", async () => {
            assert.deepStrictEqual(of(await ep(iface({ securityGroupIds: [UNKNOWN] })), RULE), []);
            assert.ok(couldNotCheck(await ep(iface({ securityGroupIds: UNKNOWN })), RULE));
            assert.ok(couldNotCheck(await ep({ vpcEndpointType: UNKNOWN }), RULE));
            await pack().configure({ [RULE]: { defaultSecurityGroupIds: ["sg-default"] } });
            assert.ok(couldNotCheck(await ep(iface({ securityGroupIds: [UNKNOWN] })), RULE));
        });
    });

    describe("endpoint-policy-not-open", () => {
        const RULE = "endpoint-policy-not-open";
        const ep = (props: Record<string, any>) => pack().analyze({ type: TYPES.vpcEndpoint, name: "ep", props });
        const doc = (statement: Record<string, any>) => JSON.stringify({ Version: "2012-10-17", Statement: [statement] });

        it("reports the full-access statement in its spellings, at advisory", async () => {
            const d = of(await ep(iface({ policy: POLICY_FULL_ACCESS })), RULE);
            assert.strictEqual(d.length, 1);
            assert.strictEqual(d[0].enforcementLevel, "advisory");
            for (const s of [
                { Effect: "Allow", Principal: { AWS: "*" }, Action: ["*"], Resource: ["*"] },
                { Effect: "Allow", Principal: { AWS: ["*"] }, Action: "*:*", Resource: "*", Condition: {} },
                { Effect: "Allow", Action: "*" },
                { Effect: "Allow", Principal: "*", NotAction: "s3:DeleteBucket", Resource: "*" },
            ]) {
                assert.strictEqual(of(await ep(iface({ policy: doc(s) })), RULE).length, 1, JSON.stringify(s));
            }
        });
        it("reports Gateway endpoints' open policies too, and policies given as objects", async () => {
            assert.strictEqual(of(await ep({ serviceName: "com.amazonaws.us-east-1.s3", policy: POLICY_FULL_ACCESS }), RULE).length, 1);
            assert.strictEqual(of(await ep(iface({ policy: JSON.parse(POLICY_FULL_ACCESS) })), RULE).length, 1);
        });
        it("passes conditioned, scoped and deny statements", async () => {
            assert.deepStrictEqual(of(await ep(iface({ policy: POLICY_OWN_ACCOUNT })), RULE), []);
            for (const s of [
                { Effect: "Allow", Principal: "*", Action: "ssm:*", Resource: "*" },
                { Effect: "Allow", Principal: "*", Action: "*", Resource: "arn:aws:s3:::my-bucket/*" },
                { Effect: "Allow", Principal: { AWS: "arn:aws:iam::111111111111:root" }, Action: "*", Resource: "*" },
                { Effect: "Deny", Principal: "*", Action: "*", Resource: "*" },
                { Effect: "allow", Principal: "*", Action: "*", Resource: "*" },
            ]) {
                assert.deepStrictEqual(of(await ep(iface({ policy: doc(s) })), RULE), [], JSON.stringify(s));
            }
        });
        it("is not applicable without an inline policy (the stack rule checks that)", async () => {
            const r = await ep(iface({}));
            assert.deepStrictEqual(of(r, RULE), []);
            assert.ok(r.notApplicable.some((n) => n.policyName === RULE));
        });
        it("skips customer endpoint services, Lattice and GWLB endpoints", async () => {
            for (const props of [
                iface({ serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0123", policy: POLICY_FULL_ACCESS }),
                iface({ serviceName: "cn.com.amazonaws.vpce.cn-north-1.vpce-svc-0123", policy: POLICY_FULL_ACCESS }),
                { vpcEndpointType: "Resource", resourceConfigurationArn: "arn:aws:vpc-lattice:us-east-1:1:resourceconfiguration/rcfg-1", policy: POLICY_FULL_ACCESS },
                { vpcEndpointType: "GatewayLoadBalancer", serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-1", policy: POLICY_FULL_ACCESS },
            ]) {
                assert.deepStrictEqual(of(await ep(props), RULE), [], JSON.stringify(props));
            }
        });
        it("reports a policy that is not a policy document, and does not crash on wrong types", async () => {
            assert.match(of(await ep(iface({ policy: "{not json" })), RULE)[0].message, /not a JSON policy/);
            assert.strictEqual(of(await ep(iface({ policy: 42 })), RULE).length, 1);
            assert.strictEqual(of(await ep(iface({ policy: JSON.stringify({ Statement: "x" }) })), RULE).length, 0);
            assert.strictEqual(of(await ep(iface({ policy: JSON.stringify({ Statement: [null, 1, { Effect: ["Allow"] }] }) })), RULE).length, 0);
        });
        it("says it could not check an unknown policy or service name", async () => {
            assert.ok(couldNotCheck(await ep(iface({ policy: UNKNOWN })), RULE));
            assert.ok(couldNotCheck(await ep(iface({ serviceName: UNKNOWN, policy: POLICY_FULL_ACCESS })), RULE));
        });
    });

    describe("interface-endpoint-no-default-security-group (stack)", () => {
        const RULE = "interface-endpoint-no-default-security-group";

        it("reports an endpoint whose group resolves to the VPC default group (read by id), at advisory", async () => {
            const sg = res(TYPES.securityGroup, "vpc-default", { id: "sg-0default", name: "default", vpcId: "vpc-1" });
            const ep = res(TYPES.vpcEndpoint, "ep", iface({ securityGroupIds: ["sg-0default"] }));
            const d = of(await pack().analyzeStack([sg, ep]), RULE);
            assert.strictEqual(d.length, 1);
            assert.strictEqual(d[0].enforcementLevel, "advisory");
            assert.strictEqual(d[0].urn, ep.urn);
        });
        it("reports a DefaultSecurityGroup attached through a SecurityGroupAssociation", async () => {
            const sg = res(TYPES.defaultSecurityGroup, "dsg", { id: "sg-0d", vpcId: "vpc-1" });
            const ep = res(TYPES.vpcEndpoint, "ep", iface({ securityGroupIds: [] , id: "vpce-1"}));
            const assoc = res(TYPES.securityGroupAssociation, "assoc", { vpcEndpointId: "vpce-1", securityGroupId: UNKNOWN }, { propertyDependencies: { securityGroupId: [sg.urn] } });
            assert.strictEqual(of(await pack().analyzeStack([sg, ep, assoc]), RULE).length, 1);
        });
        it("passes dedicated groups, groups outside the stack, and unattached default groups", async () => {
            const dflt = res(TYPES.securityGroup, "vpc-default", { id: "sg-0default", name: "default" });
            const own = res(TYPES.securityGroup, "own", { id: UNKNOWN, name: UNKNOWN });
            const ep = res(TYPES.vpcEndpoint, "ep", iface({ securityGroupIds: [UNKNOWN, "sg-external"] }), { propertyDependencies: { securityGroupIds: [own.urn] } });
            const r = await pack().analyzeStack([dflt, own, ep]);
            assert.deepStrictEqual(of(r, RULE), []);
            assert.ok(!couldNotCheck(r, RULE));
        });
        it("ignores Gateway endpoints and is not applicable without endpoints", async () => {
            const dflt = res(TYPES.securityGroup, "vpc-default", { id: "sg-0default", name: "default" });
            assert.deepStrictEqual(of(await pack().analyzeStack([dflt, res(TYPES.vpcEndpoint, "gw", { securityGroupIds: ["sg-0default"] })]), RULE), []);
            const r = await pack().analyzeStack([dflt]);
            assert.ok(r.notApplicable.some((n) => n.policyName === RULE));
        });
        it("does not crash on wrong-typed values", async () => {
            const r = await pack().analyzeStack([res(TYPES.securityGroup, "s", { id: 5, name: ["default"] }), res(TYPES.vpcEndpoint, "ep", iface({ securityGroupIds: { a: 5 } }))]);
            assert.deepStrictEqual(of(r, RULE), []);
        });
        it("says it could not check an unknown group list with no dependency on a group", async () => {
            const r = await pack().analyzeStack([res(TYPES.securityGroup, "s", { id: "sg-1" }), res(TYPES.vpcEndpoint, "ep", iface({ securityGroupIds: UNKNOWN }))]);
            assert.ok(couldNotCheck(r, RULE));
        });
    });

    describe("interface-endpoint-multi-az (stack)", () => {
        const RULE = "interface-endpoint-multi-az";
        const stack = (...rs: any[]) => pack().analyzeStack(rs);

        it("reports an Interface endpoint in one subnet, at advisory", async () => {
            const d = of(await stack(res(TYPES.vpcEndpoint, "ep", iface({ subnetIds: ["subnet-a"] }))), RULE);
            assert.strictEqual(d.length, 1);
            assert.strictEqual(d[0].enforcementLevel, "advisory");
            assert.match(d[0].message, /1 subnet;/);
        });
        it("reports missing subnets and counts duplicates once", async () => {
            assert.strictEqual(of(await stack(res(TYPES.vpcEndpoint, "ep", iface({}))), RULE).length, 1);
            assert.strictEqual(of(await stack(res(TYPES.vpcEndpoint, "ep", iface({ subnetIds: ["subnet-a", "subnet-a"] }))), RULE).length, 1);
        });
        it("passes two subnets, inline or through VpcEndpointSubnetAssociation", async () => {
            assert.deepStrictEqual(of(await stack(res(TYPES.vpcEndpoint, "ep", iface({ subnetIds: ["subnet-a", "subnet-b"] }))), RULE), []);
            const ep = res(TYPES.vpcEndpoint, "ep", iface({ subnetIds: ["subnet-a"] }));
            const a = res(TYPES.vpcEndpointSubnetAssociation, "a", { vpcEndpointId: UNKNOWN, subnetId: "subnet-b" }, { propertyDependencies: { vpcEndpointId: [ep.urn] } });
            assert.deepStrictEqual(of(await stack(ep, a), RULE), []);
        });
        it("ignores Gateway and Resource endpoints", async () => {
            assert.deepStrictEqual(of(await stack(res(TYPES.vpcEndpoint, "gw", { serviceName: "com.amazonaws.us-east-1.s3" }), res(TYPES.vpcEndpoint, "r", { vpcEndpointType: "Resource", subnetIds: ["s"] })), RULE), []);
        });
        it("takes the minimum from configuration", async () => {
            await pack().configure({ [RULE]: { minimumSubnets: 3 } });
            assert.strictEqual(of(await stack(res(TYPES.vpcEndpoint, "ep", iface({ subnetIds: ["a", "b"] }))), RULE).length, 1);
            await pack().configure({ [RULE]: { minimumSubnets: 1 } });
            assert.deepStrictEqual(of(await stack(res(TYPES.vpcEndpoint, "ep", iface({ subnetIds: ["a"] }))), RULE), []);
            await pack().configure({ [RULE]: { minimumSubnets: "three" } });
            assert.strictEqual(of(await stack(res(TYPES.vpcEndpoint, "ep", iface({ subnetIds: ["a"] }))), RULE).length, 1);
        });
        it("does not crash on wrong-typed values", async () => {
            assert.strictEqual(of(await stack(res(TYPES.vpcEndpoint, "ep", iface({ subnetIds: [1, null, { a: 1 }] }))), RULE).length, 1);
            assert.strictEqual(of(await stack(res(TYPES.vpcEndpoint, "ep", iface({ subnetIds: "subnet-a" }))), RULE).length, 1);
        });
        it("decides with unknown subnet ids when it can, and says so when it cannot", async () => {
            assert.strictEqual(of(await stack(res(TYPES.vpcEndpoint, "ep", iface({ subnetIds: [UNKNOWN] }))), RULE).filter((d) => d.message.includes("1 subnet")).length, 1);
            assert.deepStrictEqual(of(await stack(res(TYPES.vpcEndpoint, "ep", iface({ subnetIds: ["a", "b", UNKNOWN] }))), RULE), []);
            assert.ok(couldNotCheck(await stack(res(TYPES.vpcEndpoint, "ep", iface({ subnetIds: [UNKNOWN, UNKNOWN] }))), RULE));
            assert.ok(couldNotCheck(await stack(res(TYPES.vpcEndpoint, "ep", iface({ subnetIds: UNKNOWN }))), RULE));
        });
    });

    describe("interface-endpoint-private-dns (stack)", () => {
        const RULE = "interface-endpoint-private-dns";
        const stack = (...rs: any[]) => pack().analyzeStack(rs);

        it("reports an AWS-service Interface endpoint without private DNS, at advisory", async () => {
            const d = of(await stack(res(TYPES.vpcEndpoint, "ssm", iface({ privateDnsEnabled: false }))), RULE);
            assert.strictEqual(d.length, 1);
            assert.strictEqual(d[0].enforcementLevel, "advisory");
            assert.match(d[0].message, /com\.amazonaws\.us-east-1\.ssm/);
            assert.strictEqual(of(await stack(res(TYPES.vpcEndpoint, "ec2", iface({ serviceName: "cn.com.amazonaws.cn-north-1.ec2" }))), RULE).length, 1);
        });
        it("passes privateDnsEnabled, an EndpointPrivateDns, or alias records to the endpoint", async () => {
            assert.deepStrictEqual(of(await stack(res(TYPES.vpcEndpoint, "ssm", iface({ privateDnsEnabled: true }))), RULE), []);
            const ep = res(TYPES.vpcEndpoint, "ssm", iface({ id: "vpce-1" }));
            const dns = res(TYPES.endpointPrivateDns, "dns", { vpcEndpointId: "vpce-1", privateDnsEnabled: true });
            assert.deepStrictEqual(of(await stack(ep, dns), RULE), []);
            const off = res(TYPES.endpointPrivateDns, "dns", { vpcEndpointId: "vpce-1", privateDnsEnabled: false });
            assert.strictEqual(of(await stack(ep, off), RULE).length, 1);
            const rec = res(TYPES.route53Record, "alias", { type: "A", aliases: [{ name: UNKNOWN, zoneId: UNKNOWN }] }, { propertyDependencies: { aliases: [ep.urn] } });
            assert.deepStrictEqual(of(await stack(ep, rec), RULE), []);
        });
        it("skips customer services, Gateway endpoints and exempt services", async () => {
            const svc = res(TYPES.vpcEndpointService, "svc", { acceptanceRequired: true });
            const customer = res(TYPES.vpcEndpoint, "c", iface({ serviceName: UNKNOWN }), { propertyDependencies: { serviceName: [svc.urn] } });
            const literal = res(TYPES.vpcEndpoint, "l", iface({ serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0123" }));
            const gw = res(TYPES.vpcEndpoint, "gw", { serviceName: "com.amazonaws.us-east-1.s3" });
            const r = await stack(svc, customer, literal, gw);
            assert.deepStrictEqual(of(r, RULE), []);
            await pack().configure({ [RULE]: { exemptServices: ["SSM"] } });
            assert.deepStrictEqual(of(await stack(res(TYPES.vpcEndpoint, "ssm", iface({}))), RULE), []);
        });
        it("does not crash on wrong-typed values", async () => {
            const r = await stack(res(TYPES.vpcEndpoint, "a", iface({ serviceName: 5, privateDnsEnabled: "yes" })), res(TYPES.vpcEndpoint, "b", iface({ privateDnsEnabled: [true] })));
            assert.strictEqual(of(r, RULE).length, 1);
        });
        it("says it could not check an unknown service name or flag", async () => {
            assert.ok(couldNotCheck(await stack(res(TYPES.vpcEndpoint, "a", iface({ serviceName: UNKNOWN }))), RULE));
            assert.ok(couldNotCheck(await stack(res(TYPES.vpcEndpoint, "a", iface({ privateDnsEnabled: UNKNOWN }))), RULE));
        });
    });

    describe("endpoint-policy-restricted (stack)", () => {
        const RULE = "endpoint-policy-restricted";
        const stack = (...rs: any[]) => pack().analyzeStack(rs);

        it("reports an AWS-service endpoint without any policy, at advisory", async () => {
            const d = of(await stack(res(TYPES.vpcEndpoint, "ssm", iface({}))), RULE);
            assert.strictEqual(d.length, 1);
            assert.strictEqual(d[0].enforcementLevel, "advisory");
            assert.match(d[0].message, /default full-access policy/);
            assert.strictEqual(of(await stack(res(TYPES.vpcEndpoint, "s3", { serviceName: "com.amazonaws.us-east-1.s3" })), RULE).length, 1);
        });
        it("reports the effective policy: the endpoint's own output, or its VpcEndpointPolicy", async () => {
            assert.strictEqual(of(await stack(res(TYPES.vpcEndpoint, "ssm", iface({ policy: POLICY_FULL_ACCESS }))), RULE).length, 1);
            const ep = res(TYPES.vpcEndpoint, "ssm", iface({ id: "vpce-1", policy: POLICY_OWN_ACCOUNT }));
            const open = res(TYPES.vpcEndpointPolicy, "pol", { vpcEndpointId: "vpce-1", policy: POLICY_FULL_ACCESS });
            const d = of(await stack(ep, open), RULE);
            assert.strictEqual(d.length, 1);
            assert.strictEqual(d[0].urn, open.urn);
            const empty = res(TYPES.vpcEndpointPolicy, "pol", { vpcEndpointId: UNKNOWN }, { propertyDependencies: { vpcEndpointId: [ep.urn] } });
            assert.strictEqual(of(await stack(ep, empty), RULE).length, 1);
        });
        it("passes a restricted inline policy or a restricted VpcEndpointPolicy", async () => {
            assert.deepStrictEqual(of(await stack(res(TYPES.vpcEndpoint, "ssm", iface({ policy: POLICY_OWN_ACCOUNT }))), RULE), []);
            const ep = res(TYPES.vpcEndpoint, "ssm", iface({ id: "vpce-1", policy: POLICY_FULL_ACCESS }));
            const pol = res(TYPES.vpcEndpointPolicy, "pol", { vpcEndpointId: "vpce-1", policy: POLICY_OWN_ACCOUNT });
            assert.deepStrictEqual(of(await stack(ep, pol), RULE), []);
        });
        it("skips customer services, Lattice, GWLB endpoints and exempt services", async () => {
            const r = await stack(
                res(TYPES.vpcEndpoint, "c", iface({ serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0123" })),
                res(TYPES.vpcEndpoint, "l", { vpcEndpointType: "ServiceNetwork", serviceNetworkArn: "arn:aws:vpc-lattice:us-east-1:1:servicenetwork/sn-1" }),
                res(TYPES.vpcEndpoint, "g", { vpcEndpointType: "GatewayLoadBalancer", serviceName: "com.amazonaws.us-east-1.ec2" }),
            );
            assert.deepStrictEqual(of(r, RULE), []);
            await pack().configure({ [RULE]: { exemptServices: ["ssm"] } });
            assert.deepStrictEqual(of(await stack(res(TYPES.vpcEndpoint, "ssm", iface({}))), RULE), []);
        });
        it("does not crash on wrong-typed values", async () => {
            const r = await stack(res(TYPES.vpcEndpoint, "a", iface({ policy: 5 })), res(TYPES.vpcEndpointPolicy, "p", { vpcEndpointId: [1], policy: {} }));
            assert.strictEqual(of(r, RULE).length, 1);
        });
        it("says it could not check an unknown policy", async () => {
            assert.ok(couldNotCheck(await stack(res(TYPES.vpcEndpoint, "a", iface({ policy: UNKNOWN }))), RULE));
        });
    });
});
