/**
 * The evasions of issue 11 on the Azure pack: the internet split into pieces across
 * `sourceAddressPrefixes` and across the rules of one NSG, a known violation beside an unknown
 * rule, port specs that cannot be read, UDP on a TCP-only port, prototype keys.
 */
import * as assert from "assert";
import { couldNotCheck, of, UNKNOWN, usePack } from "../../harness/policies";
import { res, TYPES } from "./fixtures";

const SENSITIVE = "nsg-no-internet-inbound-sensitive-ports";
const BROAD = "nsg-no-broad-inbound";

function rule(overrides: Record<string, any> = {}): Record<string, any> {
    return { name: "r", priority: 100, direction: "Inbound", access: "Allow", protocol: "Tcp", sourcePortRange: "*", destinationAddressPrefix: "*", destinationPortRange: "22", ...overrides };
}

describe("azure pack: evasions", () => {
    const pack = usePack("azure");
    const nsg = (...rules: Array<Record<string, any>>) => pack().analyze({ type: TYPES.nsg, name: "nsg", props: { securityRules: rules } });

    it("reports the internet split into pieces in sourceAddressPrefixes, IPv4 and IPv6", async () => {
        assert.strictEqual(of(await nsg(rule({ sourceAddressPrefixes: ["0.0.0.0/1", "128.0.0.0/1"] })), SENSITIVE).length, 1);
        assert.strictEqual(of(await nsg(rule({ sourceAddressPrefixes: ["::/1", "8000::/1"] })), SENSITIVE).length, 1);
        assert.deepStrictEqual(of(await nsg(rule({ sourceAddressPrefixes: ["0.0.0.0/1", "128.0.0.0/2"] })), SENSITIVE), []);
    });
    it("reports the internet split across two rules of one NSG that reach the same port", async () => {
        const d = of(await nsg(rule({ name: "a", sourceAddressPrefix: "0.0.0.0/1" }), rule({ name: "b", sourceAddressPrefix: "128.0.0.0/1", destinationPortRange: "20-25" })), SENSITIVE);
        assert.strictEqual(d.length, 1);
        assert.match(d[0].message, /security rule "a".*security rule "b".*together cover the internet, to TCP 22 \(SSH\)/);
        assert.deepStrictEqual(of(await nsg(rule({ name: "a", sourceAddressPrefix: "0.0.0.0/1" }), rule({ name: "b", sourceAddressPrefix: "128.0.0.0/1", destinationPortRange: "443" })), SENSITIVE), []);
    });
    it("counts a smaller union as the internet when configured, for IPv4 and IPv6", async () => {
        await pack().configure({ [SENSITIVE]: { internetIpv4PrefixLength: 1, internetIpv6PrefixLength: 1 } });
        assert.strictEqual(of(await nsg(rule({ sourceAddressPrefix: "0.0.0.0/1" })), SENSITIVE).length, 1);
        assert.strictEqual(of(await nsg(rule({ sourceAddressPrefixes: ["::/1"] })), SENSITIVE).length, 1);
        assert.deepStrictEqual(of(await nsg(rule({ sourceAddressPrefix: "0.0.0.0/2" })), SENSITIVE), []);
        await pack().configure({});
        assert.deepStrictEqual(of(await nsg(rule({ sourceAddressPrefix: "0.0.0.0/1" })), SENSITIVE), []);
    });
    it("reports broad single ranges at advisory", async () => {
        const d = of(await nsg(rule({ sourceAddressPrefix: "0.0.0.0/1", destinationPortRange: "443" })), BROAD);
        assert.strictEqual(d.length, 1);
        assert.strictEqual(d[0].enforcementLevel, "advisory");
    });
    it("reports the known open rule beside a rule with an unknown source, and says it could not check that one", async () => {
        const r = await nsg(rule({ name: "unknown", sourceAddressPrefix: UNKNOWN }), rule({ name: "open", sourceAddressPrefix: "*" }));
        assert.strictEqual(of(r, SENSITIVE).filter((d) => d.enforcementLevel === "mandatory").length, 1);
        assert.ok(couldNotCheck(r, SENSITIVE));
    });
    it("reports port specs it cannot read, never passes them", async () => {
        for (const spec of ["22-", "22-21", "all", "", "1e1", "22,3389", 22.5, "0x16"]) {
            const d = of(await nsg(rule({ sourceAddressPrefix: "Internet", destinationPortRange: spec })), SENSITIVE);
            assert.strictEqual(d.length, 1, JSON.stringify(spec));
            assert.match(d[0].message, /cannot be read/);
        }
    });
    it("does not count UDP 22 as SSH, counts UDP 3389 as RDP", async () => {
        assert.deepStrictEqual(of(await nsg(rule({ sourceAddressPrefix: "*", protocol: "Udp" })), SENSITIVE), []);
        assert.strictEqual(of(await nsg(rule({ sourceAddressPrefix: "*", protocol: "Udp", destinationPortRange: "3389" })), SENSITIVE).length, 1);
    });
    it("reports a missing required tag named like an Object.prototype member", async () => {
        await pack().configure({ "required-tags": { requiredKeys: ["constructor", "hasOwnProperty"], onlyComponentResources: false } });
        const d = of(await pack().analyze(res(TYPES.nsg, "nsg", { tags: {} })), "required-tags");
        assert.strictEqual(d.length, 1);
        assert.match(d[0].message, /constructor, hasOwnProperty/);
    });
});
