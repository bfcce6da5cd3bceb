import * as assert from "assert";
import * as fc from "fast-check";
import * as pulumi from "@pulumi/pulumi";
import {
    childName,
    cidrContains,
    isCidr,
    isDnsName,
    isKnown,
    isPublicRange,
    isWholeInternet,
    mergeLabels,
    mergeTags,
    normalizeDnsName,
    parseCidr,
    parsePortRange,
    slug,
    typeToken,
    validateAllowedCidrs,
    validatePorts,
    ValidationError,
    Validator,
    requireExactlyOne,
    requireStringMap,
    requireOneOf,
    startValidation,
    isValidLabelKey,
    isValidLabelValue,
} from "../../../components/core";

const v = new Validator("TestComponent", "t");

function expectValidation(fn: () => void, field: string): ValidationError {
    try {
        fn();
    } catch (e) {
        assert.ok(ValidationError.isInstance(e), `expected a ValidationError, got ${e}`);
        assert.strictEqual((e as ValidationError).field, field);
        assert.ok((e as Error).message.includes(field));
        assert.ok((e as Error).message.includes("Fix:"));
        return e as ValidationError;
    }
    assert.fail("expected a ValidationError");
}

describe("core: ValidationError", () => {
    it("names the component, instance, field, value and fix", () => {
        const e = expectValidation(() => v.fail("allowedCidrs[0]", "0.0.0.0/0", "which is open", "list client CIDRs"), "allowedCidrs[0]");
        assert.strictEqual(e.message, 'TestComponent "t": allowedCidrs[0] is "0.0.0.0/0", which is open. Fix: list client CIDRs');
        assert.strictEqual(e.component, "TestComponent");
        assert.strictEqual(e.resourceName, "t");
        assert.strictEqual(e.value, "0.0.0.0/0");
    });
    it("renders missing, long and circular values without throwing", () => {
        assert.match(expectValidation(() => v.fail("x", undefined, undefined, "set it"), "x").message, /x is missing\. Fix/);
        assert.match(expectValidation(() => v.fail("x", "a".repeat(500), undefined, "shorter"), "x").message, /\.\.\./);
        const circular: any = {};
        circular.self = circular;
        expectValidation(() => v.fail("x", circular, undefined, "no cycles"), "x");
        const uncallable: any = { toString: "x" };
        uncallable.self = uncallable;
        assert.match(expectValidation(() => v.fail("x", uncallable, undefined, "no cycles"), "x").message, /x is \[object Object\]/);
    });
});

describe("core: naming and tags", () => {
    it("builds child names, slugs and tokens", () => {
        assert.strictEqual(childName("orders", "sg"), "orders-sg");
        assert.strictEqual(childName("orders", "record", 0, "a"), "orders-record-0-a");
        assert.strictEqual(slug("ecr.dkr"), "ecr-dkr");
        assert.strictEqual(slug("  Com.AmazonAWS.US-East-1.S3 "), "com-amazonaws-us-east-1-s3");
        assert.strictEqual(typeToken("AwsPrivateEndpoint"), "privatelink:index:AwsPrivateEndpoint");
    });
    it("merges tags with our keys first and user values winning", () => {
        assert.deepStrictEqual(mergeTags("orders", { team: "a", "managed-by": "me" }), {
            "managed-by": "me",
            "privatelink-component": "orders",
            team: "a",
        });
        assert.deepStrictEqual(mergeTags("orders", undefined, { Name: "orders-sg" }), {
            "managed-by": "privatelink",
            "privatelink-component": "orders",
            Name: "orders-sg",
        });
    });
    it("produces valid Google Cloud labels from any component name", () => {
        fc.assert(
            fc.property(fc.string(), (name) => {
                const labels = mergeLabels(name, undefined);
                return Object.entries(labels).every(([k, val]) => isValidLabelKey(k) && isValidLabelValue(val));
            }),
        );
    });
});

describe("core: CIDR and ports", () => {
    it("parses IPv4 and IPv6 CIDRs and rejects everything else", () => {
        assert.deepStrictEqual(parseCidr("10.1.2.3/16"), { version: 4, address: "10.1.2.3", prefixLength: 16, canonical: "10.1.0.0/16" });
        assert.strictEqual(parseCidr("2001:db8::/32")?.version, 6);
        for (const bad of ["10.0.0.0", "10/8", "10.0.0.0/33", "300.0.0.0/8", "::/129", "", "abc/1", "10.0.0.0/8/8", 5, null, undefined, {}]) {
            assert.strictEqual(parseCidr(bad), undefined, `${JSON.stringify(bad)} should not parse`);
        }
    });
    it("recognises whole-internet and public ranges", () => {
        assert.ok(isWholeInternet("0.0.0.0/0"));
        assert.ok(isWholeInternet("::/0"));
        assert.ok(isWholeInternet("10.0.0.0/0"));
        assert.ok(!isWholeInternet("10.0.0.0/8"));
        assert.ok(isPublicRange("8.8.8.0/24"));
        assert.ok(!isPublicRange("10.0.0.0/8"));
        assert.ok(!isPublicRange("fd00::/8"));
    });
    it("tests containment", () => {
        assert.ok(cidrContains("10.0.0.0/16", "10.0.1.0/24"));
        assert.ok(!cidrContains("10.0.0.0/24", "10.0.0.0/16"));
        assert.ok(!cidrContains("10.0.0.0/8", "2001:db8::/32"));
    });
    it("parses ports and port ranges as the clouds write them", () => {
        assert.deepStrictEqual(parsePortRange(443), { from: 443, to: 443 });
        assert.deepStrictEqual(parsePortRange("8000-8080"), { from: 8000, to: 8080 });
        for (const bad of [0, 65536, 1.5, "80-70", "a", "", null]) {
            assert.strictEqual(parsePortRange(bad), undefined);
        }
    });
    it("never throws on arbitrary input (property)", () => {
        fc.assert(
            fc.property(fc.anything(), (x) => {
                parseCidr(x);
                isCidr(x);
                isWholeInternet(x);
                isPublicRange(x);
                parsePortRange(x);
                return true;
            }),
        );
    });
    it("parses every generated valid IPv4 CIDR and keeps its prefix (property)", () => {
        fc.assert(
            fc.property(fc.ipV4(), fc.integer({ min: 0, max: 32 }), (ip, prefix) => {
                const parsed = parseCidr(`${ip}/${prefix}`);
                return parsed !== undefined && parsed.prefixLength === prefix && cidrContains(parsed.canonical, `${ip}/32`);
            }),
        );
    });
});

describe("core: DNS names", () => {
    it("accepts DNS names in any ASCII case, with underscores and one trailing dot", () => {
        for (const ok of ["internal", "orders.internal", "Orders.Example.COM.", "_acme-challenge.example.com", "xn--bcher-kva.example", `${"a".repeat(63)}.com`]) {
            assert.ok(isDnsName(ok), ok);
        }
        assert.ok(isDnsName(`${"a.".repeat(126)}b`), "253 characters");
        assert.ok(isDnsName("*.example.com", { wildcard: true }));
    });
    it("rejects everything else", () => {
        const bad: unknown[] = ["", ".", "..", "a..b", ".a", "a b.com", "-a.com", "a-.com", `${"a".repeat(64)}.com`, `${"a.".repeat(127)}b`, "a.com..", "a/b", "\u212Aube.internal", 5, null, undefined];
        for (const b of bad) {
            assert.ok(!isDnsName(b), JSON.stringify(b));
        }
        assert.ok(!isDnsName("*.example.com"), "a wildcard only when asked");
        assert.ok(!isDnsName("a.*.example.com", { wildcard: true }), "* only as the first label");
    });
    it("normalises to lower case without one trailing dot", () => {
        assert.strictEqual(normalizeDnsName("Orders.Example.COM."), "orders.example.com");
        assert.strictEqual(normalizeDnsName("orders.internal"), "orders.internal");
    });
});

describe("core: argument validators", () => {
    it("rejects a component name that is empty, blank or not a string", () => {
        for (const name of ["", " ", "\t\n", undefined, 5]) {
            expectValidation(() => startValidation("TestComponent", name, {}, "pass an object"), "name");
        }
        startValidation("TestComponent", "orders", {}, "pass an object");
    });
    it("rejects open, malformed and non-list allow lists, naming the index", () => {
        expectValidation(() => validateAllowedCidrs(v, "allowedCidrs", ["10.0.0.0/8", "0.0.0.0/0"]), "allowedCidrs[1]");
        expectValidation(() => validateAllowedCidrs(v, "allowedCidrs", ["::/0"]), "allowedCidrs[0]");
        expectValidation(() => validateAllowedCidrs(v, "allowedCidrs", ["10.0.0.300/8"]), "allowedCidrs[0]");
        expectValidation(() => validateAllowedCidrs(v, "allowedCidrs", "10.0.0.0/8" as any), "allowedCidrs");
        validateAllowedCidrs(v, "allowedCidrs", ["10.0.0.0/8", pulumi.output("0.0.0.0/0")]);
    });
    it("validates ports", () => {
        expectValidation(() => validatePorts(v, "ports", [443, 443]), "ports[1]");
        expectValidation(() => validatePorts(v, "ports", [0]), "ports[0]");
        expectValidation(() => validatePorts(v, "ports", [], { nonEmpty: true }), "ports");
        validatePorts(v, "ports", [443, 8443]);
    });
    it("checks enums and exclusive options", () => {
        expectValidation(() => requireOneOf(v, "ipAddressType", "ipv5", ["ipv4", "dualstack"]), "ipAddressType");
        requireOneOf(v, "ipAddressType", pulumi.output("ipv5"), ["ipv4"]);
        expectValidation(() => requireExactlyOne(v, { serviceName: undefined, resourceConfigurationArn: undefined }, "set one"), "serviceName or resourceConfigurationArn");
        expectValidation(() => requireExactlyOne(v, { serviceName: "a", resourceConfigurationArn: "b" }, "set one"), "serviceName and resourceConfigurationArn");
    });
    it("rejects string maps the Pulumi runtime cannot register: a toString key breaks it", () => {
        const e = expectValidation(() => requireStringMap(v, "tags", { team: "a", toString: "b" }), "tags");
        assert.match(e.message, /tags is "toString", which is a key the Pulumi Node\.js runtime cannot register/);
        expectValidation(() => requireStringMap(v, "tags", { team: 1 }), "tags.team");
        requireStringMap(v, "tags", { team: "a", valueOf: "b", constructor: "c" });
    });
    it("knows which values are known at construction time", () => {
        assert.ok(isKnown("a"));
        assert.ok(!isKnown(pulumi.output("a")));
        assert.ok(!isKnown(Promise.resolve("a")));
        assert.ok(!isKnown(undefined));
    });
});
