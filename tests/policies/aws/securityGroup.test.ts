import * as assert from "assert";
import { of, usePack, UNKNOWN, couldNotCheck } from "../../harness/policies";
import { TYPES } from "./fixtures";

describe("aws pack: security group rules", () => {
    const pack = usePack("aws");

    describe("security-group-no-public-sensitive-ingress", () => {
        const RULE = "security-group-no-public-sensitive-ingress";
        const sg = (ingress: unknown) => pack().analyze({ type: TYPES.securityGroup, name: "web", props: { description: "web", ingress } });
        const sgRule = (props: Record<string, any>) => pack().analyze({ type: TYPES.securityGroupRule, name: "r", props });
        const vpcRule = (props: Record<string, any>) => pack().analyze({ type: TYPES.securityGroupIngressRule, name: "r", props });
        const count = async (p: Promise<any>) => of(await p, RULE).length;

        it("reports SSH from 0.0.0.0/0 in an inline rule, at mandatory", async () => {
            const d = of(await sg([{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }]), RULE);
            assert.strictEqual(d.length, 1);
            assert.strictEqual(d[0].enforcementLevel, "mandatory");
            assert.match(d[0].message, /0\.0\.0\.0\/0 to 22 \(sensitive: 22\) \(ingress\[0\]\)/);
        });
        it("reports RDP from ::/0, ranges that cover a sensitive port, and all ports", async () => {
            assert.strictEqual(await count(sg([{ protocol: "tcp", fromPort: 3389, toPort: 3389, ipv6CidrBlocks: ["::/0"] }])), 1);
            assert.strictEqual(await count(sg([{ protocol: "tcp", fromPort: 20, toPort: 25, cidrBlocks: ["0.0.0.0/0"] }])), 1);
            const all = of(await sg([{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }]), RULE);
            assert.match(all[0].message, /all ports/);
            assert.strictEqual(await count(sg([{ protocol: "all", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }])), 1);
            assert.strictEqual(await count(sg([{ protocol: "tcp", fromPort: 0, toPort: 65535, cidrBlocks: ["0.0.0.0/0"] }])), 1);
        });
        it("reads ports written as strings and numeric protocols", async () => {
            assert.strictEqual(await count(sg([{ protocol: "6", fromPort: "22", toPort: "22", cidrBlocks: ["0.0.0.0/0"] }])), 1);
            assert.strictEqual(await count(sg([{ protocol: 6, fromPort: "3389", toPort: 3389, cidrBlocks: ["0.0.0.0/0"] }])), 1);
            assert.strictEqual(await count(sg([{ protocol: "TCP", fromPort: "443", toPort: "443", cidrBlocks: ["0.0.0.0/0"] }])), 0);
        });
        it("reports standalone SecurityGroupRule of type ingress, not egress", async () => {
            assert.strictEqual(await count(sgRule({ type: "ingress", protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"], securityGroupId: "sg-1" })), 1);
            assert.strictEqual(await count(sgRule({ type: "egress", protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"], securityGroupId: "sg-1" })), 0);
        });
        it("reports vpc.SecurityGroupIngressRule with cidrIpv4/cidrIpv6 and ipProtocol -1", async () => {
            assert.strictEqual(await count(vpcRule({ ipProtocol: "-1", cidrIpv4: "0.0.0.0/0", securityGroupId: "sg-1" })), 1);
            assert.strictEqual(await count(vpcRule({ ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv6: "::/0", securityGroupId: "sg-1" })), 1);
            assert.strictEqual(await count(vpcRule({ ipProtocol: "tcp", fromPort: 5432, toPort: 5432, cidrIpv4: "0.0.0.0/0" })), 1);
        });
        it("reports the default security group's inline ingress", async () => {
            const r = await pack().analyze({ type: TYPES.defaultSecurityGroup, name: "default", props: { ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] } });
            assert.strictEqual(of(r, RULE).length, 1);
        });
        it("passes HTTPS from the internet, sensitive ports from private ranges, and ICMP", async () => {
            assert.strictEqual(await count(sg([{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }])), 0);
            assert.strictEqual(await count(sg([{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["10.0.0.0/8"] }])), 0);
            assert.strictEqual(await count(sg([{ protocol: "icmp", fromPort: -1, toPort: -1, cidrBlocks: ["0.0.0.0/0"] }])), 0);
            assert.strictEqual(await count(vpcRule({ ipProtocol: "tcp", fromPort: 22, toPort: 22, referencedSecurityGroupId: "sg-2" })), 0);
            assert.strictEqual(await count(vpcRule({ ipProtocol: "tcp", fromPort: 0, toPort: 0, cidrIpv4: "0.0.0.0/0" })), 0);
        });
        it("passes when ingress and sources are missing", async () => {
            assert.strictEqual(await count(pack().analyze({ type: TYPES.securityGroup, props: {} })), 0);
            assert.strictEqual(await count(sg([{ protocol: "tcp", fromPort: 22, toPort: 22 }])), 0);
            assert.strictEqual(await count(sgRule({ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] })), 0);
        });
        it("treats missing ports with a public source as all ports, and unreadable ports as a violation", async () => {
            assert.match(of(await vpcRule({ ipProtocol: "tcp", cidrIpv4: "0.0.0.0/0" }), RULE)[0].message, /all ports/);
            assert.match(of(await sg([{ protocol: "tcp", fromPort: { x: 1 }, toPort: [], cidrBlocks: ["0.0.0.0/0"] }]), RULE)[0].message, /cannot be read/);
        });
        it("does not crash on wrong-typed values", async () => {
            assert.strictEqual(await count(sg("0.0.0.0/0")), 0);
            assert.strictEqual(await count(sg([null, 7, "x", { cidrBlocks: 5 }, { cidrBlocks: [5, null] }])), 0);
            assert.strictEqual(await count(sgRule({ type: 1, cidrBlocks: ["0.0.0.0/0"] })), 0);
            assert.strictEqual(await count(vpcRule({ ipProtocol: { a: 1 }, cidrIpv4: ["0.0.0.0/0"], fromPort: true })), 1);
        });
        it("says it could not check unknown sources or ports of a public rule", async () => {
            assert.ok(couldNotCheck(await sg(UNKNOWN), RULE));
            assert.ok(couldNotCheck(await sg([{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: [UNKNOWN] }]), RULE));
            assert.ok(couldNotCheck(await vpcRule({ ipProtocol: "tcp", fromPort: UNKNOWN, toPort: UNKNOWN, cidrIpv4: "0.0.0.0/0" }), RULE));
        });
        it("does not need unknown ports of a private rule", async () => {
            const r = await vpcRule({ ipProtocol: "tcp", fromPort: UNKNOWN, toPort: UNKNOWN, cidrIpv4: "10.0.0.0/8" });
            assert.deepStrictEqual(of(r, RULE), []);
        });
        it("takes its sensitive ports from configuration", async () => {
            await pack().configure({ [RULE]: { sensitivePorts: [8080, "9000"] } });
            assert.strictEqual(await count(sg([{ protocol: "tcp", fromPort: 8080, toPort: 8080, cidrBlocks: ["0.0.0.0/0"] }])), 1);
            assert.strictEqual(await count(sg([{ protocol: "tcp", fromPort: 9000, toPort: 9000, cidrBlocks: ["0.0.0.0/0"] }])), 1);
            assert.strictEqual(await count(sg([{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }])), 0);
            assert.strictEqual(await count(sg([{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }])), 1);
        });
        it("falls back to the default ports for a wrong-typed setting", async () => {
            await pack().configure({ [RULE]: { sensitivePorts: 22 } });
            assert.strictEqual(await count(sg([{ protocol: "tcp", fromPort: 3389, toPort: 3389, cidrBlocks: ["0.0.0.0/0"] }])), 1);
        });
    });

    describe("security-group-descriptions", () => {
        const RULE = "security-group-descriptions";
        const count = async (type: string, props: Record<string, any>) => of(await pack().analyze({ type, name: "x", props }), RULE).length;

        it("reports a group without description or with the provider default, at advisory", async () => {
            const d = of(await pack().analyze({ type: TYPES.securityGroup, name: "x", props: { description: "Managed by Pulumi" } }), RULE);
            assert.strictEqual(d.length, 1);
            assert.strictEqual(d[0].enforcementLevel, "advisory");
            assert.match(d[0].message, /provider default/);
            assert.strictEqual(await count(TYPES.securityGroup, {}), 1);
            assert.strictEqual(await count(TYPES.securityGroup, { description: "   " }), 1);
        });
        it("reports inline ingress and egress entries without description", async () => {
            const d = of(
                await pack().analyze({
                    type: TYPES.securityGroup,
                    name: "x",
                    props: { description: "app", ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, description: "ok" }, { protocol: "tcp" }], egress: [{ protocol: "-1", description: "" }] },
                }),
                RULE,
            );
            assert.deepStrictEqual(d.map((x) => /\((\w+\[\d\])\)/.exec(x.message)?.[1]), ["ingress[1]", "egress[0]"]);
        });
        it("reports standalone rules without description", async () => {
            assert.strictEqual(await count(TYPES.securityGroupRule, { type: "ingress" }), 1);
            assert.strictEqual(await count(TYPES.securityGroupIngressRule, { ipProtocol: "tcp" }), 1);
            assert.strictEqual(await count(TYPES.securityGroupEgressRule, { ipProtocol: "-1", description: "" }), 1);
        });
        it("passes described groups and rules", async () => {
            assert.strictEqual(await count(TYPES.securityGroup, { description: "endpoint ep: 443 from 10.0.0.0/16", ingress: [{ description: "443" }] }), 0);
            assert.strictEqual(await count(TYPES.securityGroupRule, { type: "egress", description: "to the VPC" }), 0);
            assert.strictEqual(await count(TYPES.securityGroupIngressRule, { description: "443 from the VPC" }), 0);
            assert.strictEqual(await count(TYPES.defaultSecurityGroup, {}), 0);
        });
        it("does not crash on wrong-typed values", async () => {
            assert.strictEqual(await count(TYPES.securityGroup, { description: 5, ingress: "x" }), 2);
            assert.strictEqual(await count(TYPES.securityGroupIngressRule, { description: ["a"] }), 1);
        });
        it("says it could not check an unknown description", async () => {
            assert.ok(couldNotCheck(await pack().analyze({ type: TYPES.securityGroup, props: { description: UNKNOWN } }), RULE));
            assert.ok(couldNotCheck(await pack().analyze({ type: TYPES.securityGroupIngressRule, props: { description: UNKNOWN } }), RULE));
        });
    });

    describe("security-group-no-unrestricted-egress", () => {
        const RULE = "security-group-no-unrestricted-egress";
        const count = async (type: string, props: Record<string, any>) => of(await pack().analyze({ type, name: "x", props }), RULE).length;

        it("reports all-ports egress to the internet (inline, SecurityGroupRule, vpc rule), at advisory", async () => {
            const d = of(await pack().analyze({ type: TYPES.securityGroup, name: "x", props: { egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] } }), RULE);
            assert.strictEqual(d.length, 1);
            assert.strictEqual(d[0].enforcementLevel, "advisory");
            assert.strictEqual(await count(TYPES.securityGroupRule, { type: "egress", protocol: "all", fromPort: 0, toPort: 0, ipv6CidrBlocks: ["::/0"] }), 1);
            assert.strictEqual(await count(TYPES.securityGroupEgressRule, { ipProtocol: "-1", cidrIpv4: "0.0.0.0/0" }), 1);
        });
        it("passes scoped egress, no egress, and ingress rules", async () => {
            assert.strictEqual(await count(TYPES.securityGroup, { egress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }] }), 0);
            assert.strictEqual(await count(TYPES.securityGroup, { egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["10.0.0.0/8"] }] }), 0);
            assert.strictEqual(await count(TYPES.securityGroup, {}), 0);
            assert.strictEqual(await count(TYPES.securityGroupRule, { type: "ingress", protocol: "-1", cidrBlocks: ["0.0.0.0/0"] }), 0);
        });
        it("does not crash on wrong-typed values", async () => {
            assert.strictEqual(await count(TYPES.securityGroup, { egress: [null, { cidrBlocks: "0.0.0.0/0", protocol: [] }] }), 1);
            assert.strictEqual(await count(TYPES.securityGroupEgressRule, { cidrIpv4: 0 }), 0);
        });
        it("says it could not check an unknown destination", async () => {
            assert.ok(couldNotCheck(await pack().analyze({ type: TYPES.securityGroupEgressRule, props: { ipProtocol: "-1", cidrIpv4: UNKNOWN } }), RULE));
        });
    });
});
