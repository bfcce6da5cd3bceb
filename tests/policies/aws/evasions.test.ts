/**
 * The evasions of issue 11 on the AWS pack, each a resource or stack that passed silently before:
 * the internet split into pieces, a known violation beside an unknown value, UDP on SSH's port, a
 * placeholder description, a literal id of a resource being replaced, a prototype key.
 */
import * as assert from "assert";
import { couldNotCheck, of, UNKNOWN, usePack } from "../../harness/policies";
import { endpointServiceLbInternal } from "../../../policies/aws/rules/loadBalancer";
import { runStackRule } from "../direct";
import { res, TYPES } from "./fixtures";

const SENSITIVE = "security-group-no-public-sensitive-ingress";
const ACROSS = "security-group-no-public-sensitive-ingress-across-rules";
const ENDPOINT_SG = "endpoint-security-group-no-public-ingress";
const BROAD = "security-group-no-broad-ingress";

const tcp = (port: number, cidrBlocks: string[], extra: Record<string, unknown> = {}) => ({ protocol: "tcp", fromPort: port, toPort: port, cidrBlocks, description: "x", ...extra });

describe("aws pack: evasions", () => {
    const pack = usePack("aws");
    const sg = (ingress: unknown[], name = "sg") => pack().analyze({ type: TYPES.securityGroup, name, props: { description: "app", ingress } });

    describe("the whole internet split into pieces", () => {
        it("reports 0.0.0.0/1 and 128.0.0.0/1 in one inline entry, in two entries, and in a SecurityGroupRule", async () => {
            assert.strictEqual(of(await sg([tcp(22, ["0.0.0.0/1", "128.0.0.0/1"])]), SENSITIVE).length, 1);
            const two = of(await sg([tcp(22, ["0.0.0.0/1"]), tcp(22, ["128.0.0.0/1"])]), SENSITIVE);
            assert.strictEqual(two.length, 1);
            assert.match(two[0].message, /ingress\[0\].*ingress\[1\].*together cover the internet, to TCP 22 \(SSH\)/);
            assert.strictEqual(two[0].enforcementLevel, "mandatory");
            const rule = await pack().analyze({ type: TYPES.securityGroupRule, name: "r", props: { type: "ingress", protocol: "tcp", fromPort: 3389, toPort: 3389, cidrBlocks: ["0.0.0.0/2", "64.0.0.0/2", "128.0.0.0/1"] } });
            assert.strictEqual(of(rule, SENSITIVE).length, 1);
        });
        it("reports ::/1 and 8000::/1, and a range split across an all-ports entry and a port entry", async () => {
            assert.strictEqual(of(await sg([{ protocol: "tcp", fromPort: 22, toPort: 22, ipv6CidrBlocks: ["::/1", "8000::/1"] }]), SENSITIVE).length, 1);
            const mixed = of(await sg([{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/1"] }, tcp(22, ["128.0.0.0/1"])]), SENSITIVE);
            assert.strictEqual(mixed.length, 1);
            assert.match(mixed[0].message, /TCP 22/);
        });
        it("passes pieces that reach different ports, or that leave a gap", async () => {
            assert.deepStrictEqual(of(await sg([tcp(22, ["0.0.0.0/1"]), tcp(443, ["128.0.0.0/1"])]), SENSITIVE), []);
            assert.deepStrictEqual(of(await sg([tcp(22, ["0.0.0.0/1", "128.0.0.0/2", "192.0.0.0/3"])]), SENSITIVE), []);
        });
        it("counts a smaller union as the internet when configured, and reports broad single ranges at advisory", async () => {
            await pack().configure({ [SENSITIVE]: { internetIpv4PrefixLength: 1 } });
            assert.strictEqual(of(await sg([tcp(22, ["0.0.0.0/1"])]), SENSITIVE).length, 1);
            await pack().configure({});
            const broad = of(await sg([tcp(443, ["0.0.0.0/1"]), tcp(443, ["10.0.0.0/8"])]), BROAD);
            assert.strictEqual(broad.length, 1);
            assert.strictEqual(broad[0].enforcementLevel, "advisory");
            assert.match(broad[0].message, /0\.0\.0\.0\/1 \(ingress\[0\]\)/);
        });
        it("reports two vpc.SecurityGroupIngressRules on one group that together admit the internet (stack)", async () => {
            const group = res(TYPES.securityGroup, "web", { id: "sg-0web", description: "web" });
            const a = res(TYPES.securityGroupIngressRule, "a", { securityGroupId: "sg-0web", cidrIpv4: "0.0.0.0/1", ipProtocol: "tcp", fromPort: 22, toPort: 22 });
            const b = res(TYPES.securityGroupIngressRule, "b", { securityGroupId: UNKNOWN, cidrIpv4: "128.0.0.0/1", ipProtocol: "tcp", fromPort: 22, toPort: 22 }, { propertyDependencies: { securityGroupId: [group.urn] } });
            const d = of(await pack().analyzeStack([group, a, b]), ACROSS);
            assert.strictEqual(d.length, 1);
            assert.strictEqual(d[0].urn, group.urn);
            assert.match(d[0].message, /rule "a".*rule "b"/);
            // Each rule alone is no violation of the resource rule, and a rule on another port adds nothing.
            assert.deepStrictEqual(of(await pack().analyze(a), SENSITIVE), []);
            const c = res(TYPES.securityGroupIngressRule, "c", { securityGroupId: "sg-0web", cidrIpv4: "128.0.0.0/1", ipProtocol: "tcp", fromPort: 443, toPort: 443 });
            assert.deepStrictEqual(of(await pack().analyzeStack([group, a, c]), ACROSS), []);
        });
        it("reports an endpoint's group whose rules together admit the internet on any port (stack)", async () => {
            const group = res(TYPES.securityGroup, "ep-sg", { id: "sg-0ep", description: "ep", ingress: [tcp(443, ["0.0.0.0/1"])] });
            const rule = res(TYPES.securityGroupIngressRule, "in", { securityGroupId: "sg-0ep", cidrIpv4: "128.0.0.0/1", ipProtocol: "tcp", fromPort: 443, toPort: 443 });
            const ep = res(TYPES.vpcEndpoint, "ep", { vpcEndpointType: "Interface", serviceName: "com.amazonaws.us-east-1.ssm", securityGroupIds: ["sg-0ep"] });
            const d = of(await pack().analyzeStack([group, rule, ep]), ENDPOINT_SG);
            assert.strictEqual(d.length, 1);
            assert.match(d[0].message, /together cover the internet, on TCP 443/);
        });
    });

    describe("a known violation beside an unknown value", () => {
        it("reports the open entry and says it could not check the unknown one (inline)", async () => {
            const r = await sg([{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: UNKNOWN }, tcp(22, ["0.0.0.0/0"])]);
            assert.strictEqual(of(r, SENSITIVE).filter((d) => d.enforcementLevel === "mandatory").length, 1);
            assert.ok(couldNotCheck(r, SENSITIVE));
        });
        it("reports a public group of one endpoint while another endpoint's group is unknown (stack)", async () => {
            const open = res(TYPES.securityGroup, "open", { id: "sg-0open", description: "x", ingress: [tcp(443, ["0.0.0.0/0"])] });
            const e1 = res(TYPES.vpcEndpoint, "e1", { vpcEndpointType: "Interface", serviceName: "com.amazonaws.us-east-1.ssm", securityGroupIds: ["sg-0open"] });
            const e2 = res(TYPES.vpcEndpoint, "e2", { vpcEndpointType: "Interface", serviceName: "com.amazonaws.us-east-1.ec2", securityGroupIds: [UNKNOWN] });
            const r = await pack().analyzeStack([open, e1, e2]);
            assert.strictEqual(of(r, ENDPOINT_SG).filter((d) => d.enforcementLevel === "mandatory").length, 1);
            assert.ok(couldNotCheck(r, ENDPOINT_SG));
        });
    });

    describe("protocol-aware sensitive ports", () => {
        it("does not count UDP 22 as SSH, counts UDP 3389 as RDP, and honours port/protocol entries", async () => {
            assert.deepStrictEqual(of(await sg([{ protocol: "udp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }]), SENSITIVE), []);
            assert.strictEqual(of(await sg([{ protocol: "udp", fromPort: 3389, toPort: 3389, cidrBlocks: ["0.0.0.0/0"] }]), SENSITIVE).length, 1);
            assert.strictEqual(of(await sg([{ protocol: "17", fromPort: 3389, toPort: 3389, cidrBlocks: ["0.0.0.0/0"] }]), SENSITIVE).length, 1);
            await pack().configure({ [SENSITIVE]: { sensitivePorts: ["53/udp", 22] } });
            assert.strictEqual(of(await sg([{ protocol: "udp", fromPort: 53, toPort: 53, cidrBlocks: ["0.0.0.0/0"] }]), SENSITIVE).length, 1);
            assert.deepStrictEqual(of(await sg([{ protocol: "tcp", fromPort: 53, toPort: 53, cidrBlocks: ["0.0.0.0/0"] }]), SENSITIVE), []);
        });
    });

    describe("placeholder descriptions", () => {
        it("reports the Terraform provider's default description like Pulumi's", async () => {
            const d = of(await pack().analyze({ type: TYPES.securityGroup, name: "x", props: { description: "Managed by Terraform" } }), "security-group-descriptions");
            assert.strictEqual(d.length, 1);
            assert.match(d[0].message, /placeholder/);
        });
    });

    describe("a literal id of a resource being replaced", () => {
        const groupBeingReplaced = res(TYPES.securityGroup, "sg", { id: UNKNOWN, name: "default", description: "x", ingress: [tcp(443, ["0.0.0.0/0"])] });
        const ep = (props: Record<string, unknown> = {}) =>
            res(TYPES.vpcEndpoint, "ep", { vpcEndpointType: "Interface", serviceName: "com.amazonaws.us-east-1.ssm", securityGroupIds: ["sg-0123456789abcdef0"], id: "vpce-0ep", ...props });
        it("says endpoint-security-group-no-public-ingress and interface-endpoint-no-default-security-group could not check", async () => {
            const r = await pack().analyzeStack([groupBeingReplaced, ep()]);
            assert.ok(couldNotCheck(r, ENDPOINT_SG));
            assert.ok(couldNotCheck(r, "interface-endpoint-no-default-security-group"));
        });
        it("says endpoint-policy-restricted could not check a VpcEndpointPolicy of an endpoint being replaced", async () => {
            const policy = res(TYPES.vpcEndpointPolicy, "pol", { vpcEndpointId: "vpce-0123456789abcdef0", policy: "{}" });
            const r = await pack().analyzeStack([ep({ id: UNKNOWN }), policy]);
            assert.ok(couldNotCheck(r, "endpoint-policy-restricted"));
        });
        it("says the endpoint-service-lb-* rules could not check a load balancer being replaced", async () => {
            const arn = "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/nlb/0123";
            const lb = res(TYPES.loadBalancer, "nlb", { loadBalancerType: "network", internal: false, subnets: ["subnet-a"], arn: UNKNOWN, id: UNKNOWN });
            const svc = res(TYPES.vpcEndpointService, "svc", { acceptanceRequired: true, networkLoadBalancerArns: [arn], id: "vpce-svc-1" });
            const r = await pack().analyzeStack([lb, svc]);
            for (const rule of ["endpoint-service-lb-internal", "endpoint-service-lb-multi-az", "endpoint-service-lb-cross-zone"]) {
                assert.ok(couldNotCheck(r, rule), rule);
            }
        });
        it("still passes a literal that names a group outside the stack when every group of the stack is known", async () => {
            const known = res(TYPES.securityGroup, "sg", { id: "sg-0known", description: "x", ingress: [tcp(443, ["0.0.0.0/0"])] });
            const r = await pack().analyzeStack([known, ep()]);
            assert.ok(!couldNotCheck(r, ENDPOINT_SG));
        });
    });

    describe("prototype lookups", () => {
        it("reports a missing required tag named like an Object.prototype member", async () => {
            await pack().configure({ "required-tags": { requiredKeys: ["constructor", "toString", "__proto__"], onlyComponentResources: false } });
            const d = of(await pack().analyze({ type: TYPES.vpcEndpoint, name: "ep", props: { tags: { "managed-by": "privatelink" } } }), "required-tags");
            assert.strictEqual(d.length, 1);
            assert.match(d[0].message, /constructor, toString, __proto__/);
        });
        it("does not read a property through a replaced prototype (the server's deserialiser assigns a __proto__ key)", async () => {
            const lb = res(TYPES.loadBalancer, "nlb", JSON.parse('{"__proto__": {"internal": true}, "loadBalancerType": "network", "subnets": ["subnet-a", "subnet-b"], "arn": "arn:lb"}'));
            const svc = res(TYPES.vpcEndpointService, "svc", { acceptanceRequired: true, networkLoadBalancerArns: ["arn:lb"], id: "vpce-svc-1" });
            const outcome = await runStackRule(endpointServiceLbInternal, [lb, svc]);
            assert.strictEqual(outcome.violations.length, 1, JSON.stringify(outcome));
        });
    });
});
