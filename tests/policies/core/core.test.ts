/**
 * Plain unit tests of the shared rule helpers. The packs' own tests exercise them through the
 * analyzer; these pin their semantics directly, including the "never throw" promise on any input.
 */
import * as assert from "assert";
import * as fc from "fast-check";
import {
    arr,
    bool,
    configOf,
    describeRange,
    equalsIgnoreCase,
    get,
    groupBy,
    isComponentChild,
    isInternetSource,
    json,
    normaliseProtocol,
    num,
    portRangeOf,
    protocolHasPorts,
    sensitiveExposure,
    str,
    strings,
} from "../../../policies/core";

describe("policies/core: property readers", () => {
    const props = { a: { b: "x", n: "42", t: "TRUE", list: ["p", 1, "q"] }, one: "solo" };
    it("read nested values and coerce only what providers send as strings", () => {
        assert.strictEqual(get(props, "a.b"), "x");
        assert.strictEqual(str(props, "a.n"), "42");
        assert.strictEqual(num(props, "a.n"), 42);
        assert.strictEqual(bool(props, "a.t"), true);
        assert.deepStrictEqual(strings(props, "a.list"), ["p", "q"]);
        assert.deepStrictEqual(arr(props, "one"), ["solo"]);
        assert.deepStrictEqual(arr(props, "missing"), []);
        assert.strictEqual(str(props, "a.b.c"), undefined);
        assert.ok(equalsIgnoreCase("Inbound", "inbound"));
        assert.deepStrictEqual(json('{"x":1}'), { x: 1 });
        assert.strictEqual(json("{not json"), undefined);
    });
    it("never throw on any shape (property)", () => {
        fc.assert(
            fc.property(fc.anything(), fc.string(), (value, path) => {
                get(value, path);
                str(value, path);
                bool(value, path);
                num(value, path);
                arr(value, path);
                strings(value, path);
                json(value);
                return true;
            }),
        );
    });
});

describe("policies/core: network semantics", () => {
    it("treats every way of writing 'the internet' as the internet, in any case", () => {
        for (const s of ["0.0.0.0/0", "::/0", "*", "Internet", "INTERNET", "any", "Any", " 0.0.0.0/0 "]) {
            assert.ok(isInternetSource(s), s);
        }
        for (const s of ["10.0.0.0/8", "VirtualNetwork", "AzureLoadBalancer", "", 0, null]) {
            assert.ok(!isInternetSource(s), String(s));
        }
    });
    it("normalises protocols as the clouds write them", () => {
        assert.strictEqual(normaliseProtocol("-1"), "all");
        assert.strictEqual(normaliseProtocol(-1), "all");
        assert.strictEqual(normaliseProtocol("*"), "all");
        assert.strictEqual(normaliseProtocol("ALL"), "all");
        assert.strictEqual(normaliseProtocol("6"), "tcp");
        assert.strictEqual(normaliseProtocol("Udp"), "udp");
        assert.ok(!protocolHasPorts("icmp"));
        assert.ok(protocolHasPorts("all"));
    });
    it("reads port ranges from numbers, strings, ranges and 'every port' spellings", () => {
        assert.deepStrictEqual(portRangeOf(22), { from: 22, to: 22 });
        assert.deepStrictEqual(portRangeOf("22"), { from: 22, to: 22 });
        assert.deepStrictEqual(portRangeOf("20-25"), { from: 20, to: 25 });
        assert.deepStrictEqual(portRangeOf(1000, "2000"), { from: 1000, to: 2000 });
        assert.strictEqual(describeRange(portRangeOf("*")!), "all ports");
        assert.strictEqual(describeRange(portRangeOf(-1)!), "all ports");
        assert.strictEqual(describeRange(portRangeOf(0, 0)!), "all ports");
        assert.strictEqual(portRangeOf("25-20"), undefined);
        assert.strictEqual(portRangeOf("http"), undefined);
    });
    it("finds the sensitive ports a rule exposes", () => {
        const e = sensitiveExposure("tcp", [{ from: 20, to: 25 }], [22, 3389]);
        assert.deepStrictEqual(e.ports, [22]);
        assert.strictEqual(sensitiveExposure("icmp", [{ from: 0, to: 65535 }], [22]).ports.length, 0);
        assert.ok(sensitiveExposure("all", [{ from: 0, to: 65535 }], [22]).allPorts);
    });
});

describe("policies/core: ownership and config", () => {
    it("recognises resources created inside privatelink components from the URN alone", () => {
        assert.ok(isComponentChild("urn:pulumi:s::p::privatelink:index:AwsPrivateEndpoint$aws:ec2/vpcEndpoint:VpcEndpoint::pe-endpoint"));
        assert.ok(!isComponentChild("urn:pulumi:s::p::aws:ec2/vpcEndpoint:VpcEndpoint::pe"));
        assert.ok(!isComponentChild("urn:pulumi:s::p::privatelink:index:AwsPrivateEndpoint::pe"));
        assert.ok(!isComponentChild(undefined));
    });
    it("fills config defaults and ignores wrong-typed settings", () => {
        const args = { getConfig: <T>() => ({ ports: "22", strict: true }) as unknown as T };
        assert.deepStrictEqual(configOf(args, { ports: [22, 3389], strict: false, extra: "x" }), { ports: [22, 3389], strict: true, extra: "x" });
        const throwing = { getConfig: <T>(): T => { throw new Error("no config"); } };
        assert.deepStrictEqual(configOf(throwing, { a: 1 }), { a: 1 });
    });
});

describe("policies/core: grouping", () => {
    it("groups items under every key they have, in first-seen order", () => {
        const groups = groupBy(["pls-a", "pls-b", "pls-c"], (p) => (p === "pls-a" ? ["lb1", "lb2"] : p === "pls-b" ? ["lb2"] : []));
        assert.deepStrictEqual([...groups], [["lb1", ["pls-a"]], ["lb2", ["pls-a", "pls-b"]]]);
        assert.strictEqual(groupBy([], () => ["k"]).size, 0);
    });
});
