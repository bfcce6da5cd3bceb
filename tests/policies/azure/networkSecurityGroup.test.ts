import * as assert from "assert";
import { couldNotCheck, UNKNOWN, usePack } from "../../harness/policies";
import { expectViolations, notApplicable, TYPES } from "./fixtures";

const NSG = TYPES.nsg;
const RULE_TYPE = TYPES.rule;

/** An inbound Allow rule from the internet to SSH, to be varied per test. */
function rule(overrides: Record<string, any> = {}): Record<string, any> {
    return {
        name: "ssh",
        priority: 100,
        direction: "Inbound",
        access: "Allow",
        protocol: "Tcp",
        sourceAddressPrefix: "*",
        sourcePortRange: "*",
        destinationAddressPrefix: "*",
        destinationPortRange: "22",
        ...overrides,
    };
}

const nsg = (...rules: Array<Record<string, any>>) => ({ type: NSG, name: "nsg", props: { securityRules: rules } });
const standalone = (overrides: Record<string, any> = {}) => ({
    type: RULE_TYPE,
    name: "ssh-rule",
    props: { networkSecurityGroupName: "nsg", resourceGroupName: "rg", ...rule(overrides) },
});

describe("azure pack: network security group rules", () => {
    const pack = usePack("azure");

    describe("nsg-no-internet-inbound-sensitive-ports", () => {
        const RULE = "nsg-no-internet-inbound-sensitive-ports";
        it("reports an inline rule allowing SSH from *, at mandatory", async () => {
            const [d] = expectViolations(await pack().analyze(nsg(rule())), RULE, 1, "mandatory");
            assert.match(d.message, /security rule "ssh" of NSG "nsg" allows inbound TCP from "\*" to port 22 \(SSH\)/);
        });
        it("reports a standalone SecurityRule allowing RDP from Internet", async () => {
            const [d] = expectViolations(await pack().analyze(standalone({ sourceAddressPrefix: "Internet", destinationPortRange: "3389" })), RULE, 1);
            assert.match(d.message, /security rule "ssh" allows .* 3389 \(RDP\)/);
        });
        it("treats *, Internet, Any, 0.0.0.0/0 and ::/0 in any case as the internet", async () => {
            for (const source of ["*", "internet", "INTERNET", "Any", "any", "0.0.0.0/0", "::/0", " Internet "]) {
                expectViolations(await pack().analyze(nsg(rule({ sourceAddressPrefix: source }))), RULE, 1);
            }
        });
        it("reads the plural sourceAddressPrefixes", async () => {
            const r = await pack().analyze(nsg(rule({ sourceAddressPrefix: undefined, sourceAddressPrefixes: ["10.0.0.0/8", "0.0.0.0/0"] })));
            assert.match(expectViolations(r, RULE, 1)[0].message, /"0\.0\.0\.0\/0"/);
        });
        it("compares direction, access and protocol case-insensitively", async () => {
            expectViolations(await pack().analyze(nsg(rule({ direction: "inbound", access: "ALLOW", protocol: "tcp" }))), RULE, 1);
        });
        it("reads port ranges, the plural destinationPortRanges, numbers and *", async () => {
            const a = await pack().analyze(nsg(rule({ destinationPortRange: "20-25" })));
            assert.match(expectViolations(a, RULE, 1)[0].message, /ports 22 \(SSH\), 23 \(Telnet\)/);
            const b = await pack().analyze(nsg(rule({ destinationPortRange: undefined, destinationPortRanges: ["443", "3380-3390"] })));
            assert.match(expectViolations(b, RULE, 1)[0].message, /3389/);
            expectViolations(await pack().analyze(nsg(rule({ destinationPortRange: 22 }))), RULE, 1);
            assert.match(expectViolations(await pack().analyze(nsg(rule({ destinationPortRange: "*" }))), RULE, 1)[0].message, /every port/);
        });
        it("reads protocol * and Udp as carrying ports, and skips Icmp", async () => {
            assert.match(expectViolations(await pack().analyze(nsg(rule({ protocol: "*" }))), RULE, 1)[0].message, /any protocol/);
            expectViolations(await pack().analyze(nsg(rule({ protocol: "Udp", destinationPortRange: "3389" }))), RULE, 1);
            expectViolations(await pack().analyze(nsg(rule({ protocol: "Icmp", destinationPortRange: "*" }))), RULE, 0);
        });
        it("passes private sources, other ports, Deny and Outbound rules", async () => {
            expectViolations(await pack().analyze(nsg(rule({ sourceAddressPrefix: "10.0.0.0/8" }))), RULE, 0);
            expectViolations(await pack().analyze(nsg(rule({ sourceAddressPrefix: "VirtualNetwork" }))), RULE, 0);
            expectViolations(await pack().analyze(nsg(rule({ destinationPortRange: "443" }))), RULE, 0);
            expectViolations(await pack().analyze(nsg(rule({ access: "Deny" }))), RULE, 0);
            expectViolations(await pack().analyze(nsg(rule({ direction: "Outbound" }))), RULE, 0);
            expectViolations(await pack().analyze(standalone({ sourceAddressPrefixes: ["203.0.113.0/24"], sourceAddressPrefix: undefined })), RULE, 0);
        });
        it("reports each offending rule of an NSG", async () => {
            expectViolations(await pack().analyze(nsg(rule(), rule({ name: "ok", destinationPortRange: "443" }), rule({ name: "rdp", destinationPortRange: "3389" }))), RULE, 2);
        });
        it("honours sensitivePorts", async () => {
            await pack().configure({ [RULE]: { sensitivePorts: [8080] } });
            expectViolations(await pack().analyze(nsg(rule())), RULE, 0);
            expectViolations(await pack().analyze(nsg(rule({ destinationPortRange: "8000-8100" }))), RULE, 1);
            // Every port stays sensitive.
            expectViolations(await pack().analyze(nsg(rule({ destinationPortRange: "*" }))), RULE, 1);
        });
        it("honours allPortsAreSensitive: false", async () => {
            await pack().configure({ [RULE]: { sensitivePorts: [], allPortsAreSensitive: false } });
            expectViolations(await pack().analyze(nsg(rule({ destinationPortRange: "*" }))), RULE, 0);
        });
        it("ignores wrong-typed settings", async () => {
            await pack().configure({ [RULE]: { sensitivePorts: "22", allPortsAreSensitive: "no" } });
            expectViolations(await pack().analyze(nsg(rule())), RULE, 1);
            await pack().configure({ [RULE]: { sensitivePorts: ["22", null, 3389.5, 22] } });
            expectViolations(await pack().analyze(nsg(rule())), RULE, 1);
        });
        it("passes an empty NSG and rules with missing properties", async () => {
            expectViolations(await pack().analyze({ type: NSG, props: {} }), RULE, 0);
            expectViolations(await pack().analyze(nsg(rule({ direction: undefined }))), RULE, 0);
            expectViolations(await pack().analyze(nsg(rule({ access: undefined }))), RULE, 0);
            expectViolations(await pack().analyze(nsg(rule({ sourceAddressPrefix: undefined }))), RULE, 0);
        });
        it("reads a rule without destination ports as every port", async () => {
            expectViolations(await pack().analyze(nsg(rule({ destinationPortRange: undefined }))), RULE, 1);
        });
        it("does not crash on wrong types", async () => {
            expectViolations(await pack().analyze({ type: NSG, props: { securityRules: "allow-all" } }), RULE, 0);
            expectViolations(await pack().analyze({ type: NSG, props: { securityRules: [null, 5, "x", []] } }), RULE, 0);
            // A port spec that cannot be read is reported, never taken as compliant (issue 11).
            expectViolations(await pack().analyze(nsg(rule({ destinationPortRange: { from: 22 } }))), RULE, 1);
            expectViolations(await pack().analyze(nsg(rule({ sourceAddressPrefix: 0, sourceAddressPrefixes: "Internet" }))), RULE, 1);
            expectViolations(await pack().analyze(nsg(rule({ protocol: 6, direction: ["Inbound"] }))), RULE, 0);
            expectViolations(await pack().analyze(nsg(rule({ destinationPortRanges: { a: 1 }, destinationPortRange: "garbage" }))), RULE, 1);
        });
        it("says it could not check unknown values", async () => {
            assert.ok(couldNotCheck(await pack().analyze(nsg(rule({ sourceAddressPrefix: UNKNOWN }))), RULE));
            assert.ok(couldNotCheck(await pack().analyze(standalone({ destinationPortRange: UNKNOWN })), RULE));
            assert.ok(couldNotCheck(await pack().analyze({ type: NSG, props: { securityRules: UNKNOWN } }), RULE));
        });
        it("is not applicable to other types", async () => {
            assert.ok(notApplicable(await pack().analyze({ type: TYPES.subnet, props: {} }), RULE));
        });
    });

    describe("nsg-no-internet-inbound", () => {
        const RULE = "nsg-no-internet-inbound";
        it("reports any port open to the internet, at advisory", async () => {
            const [d] = expectViolations(await pack().analyze(nsg(rule({ destinationPortRange: "443" }))), RULE, 1, "advisory");
            assert.match(d.message, /allows inbound TCP from "\*" to port 443/);
        });
        it("reports ICMP from the internet", async () => {
            expectViolations(await pack().analyze(standalone({ protocol: "Icmp", sourceAddressPrefix: "Internet" })), RULE, 1);
        });
        it("passes private sources", async () => {
            expectViolations(await pack().analyze(nsg(rule({ sourceAddressPrefix: "10.1.0.0/16" }))), RULE, 0);
        });
        it("honours allowedPorts", async () => {
            await pack().configure({ [RULE]: { allowedPorts: [443, 80] } });
            expectViolations(await pack().analyze(nsg(rule({ destinationPortRange: undefined, destinationPortRanges: ["443", 80] }))), RULE, 0);
            assert.match(
                expectViolations(await pack().analyze(nsg(rule({ destinationPortRange: undefined, destinationPortRanges: ["443", "8000-8080"] }))), RULE, 1)[0].message,
                /port 8000-8080/,
            );
            expectViolations(await pack().analyze(nsg(rule({ destinationPortRange: "*" }))), RULE, 1);
        });
        it("ignores a wrong-typed allowedPorts and does not crash on wrong types", async () => {
            await pack().configure({ [RULE]: { allowedPorts: 443 } });
            expectViolations(await pack().analyze(nsg(rule({ destinationPortRange: "443" }))), RULE, 1);
            expectViolations(await pack().analyze({ type: NSG, props: { securityRules: { a: rule() } } }), RULE, 0);
        });
        it("says it could not check an unknown value", async () => {
            assert.ok(couldNotCheck(await pack().analyze(nsg(rule({ access: UNKNOWN }))), RULE));
        });
    });
});
