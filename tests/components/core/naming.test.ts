import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { cidrKey, requireEntryKeys, ValidationError, Validator } from "../../../components/core";

const v = new Validator("Test", "t");

function errorOf(fn: () => unknown): ValidationError {
    try {
        fn();
    } catch (e) {
        if (ValidationError.isInstance(e)) {
            return e;
        }
        throw e;
    }
    assert.fail("expected a ValidationError");
}

describe("core: requireEntryKeys names list entries by value or explicit key, never by position", () => {
    it("keys known values in slug form and explicit keys over values", () => {
        assert.deepStrictEqual(requireEntryKeys(v, "ids", [{ value: "vpce-0abc" }, { value: pulumi.output("x"), key: "Consumer A" }], { keyField: "key" }), [
            "vpce-0abc",
            "consumer-a",
        ]);
    });

    it("refuses an Output value without a key, naming the key field", () => {
        const e = errorOf(() => requireEntryKeys(v, "endpoints", [{ value: pulumi.output("vpce-1") }], { valueField: "endpointId", keyField: "key" }));
        assert.strictEqual(e.field, "endpoints[0].endpointId");
        assert.match(e.fix, /endpoints\[0\]\.key/);
    });

    it("refuses an Output in a list that takes no keys", () => {
        const e = errorOf(() => requireEntryKeys(v, "cidrs", [{ value: Promise.resolve("10.0.0.0/8") }]));
        assert.strictEqual(e.field, "cidrs[0]");
    });

    it("catches entries that differ as written but name their children alike", () => {
        for (const pair of [["sg-0abc", "sg-0ABC"], ["sg-a.b", "sg-a_b"]]) {
            const e = errorOf(() => requireEntryKeys(v, "sgs", pair.map((value) => ({ value }))));
            assert.strictEqual(e.field, "sgs[1]");
        }
        const e = errorOf(() => requireEntryKeys(v, "cidrs", ["fd00:20::/56", "fd00:20:0::/56"].map((value) => ({ value })), { form: cidrKey }));
        assert.strictEqual(e.field, "cidrs[1]");
        assert.deepStrictEqual(requireEntryKeys(v, "cidrs", ["a::b/128", "a:b::/128"].map((value) => ({ value })), { form: cidrKey }).length, 2);
    });

    it("refuses a key or value with nothing to name by", () => {
        assert.strictEqual(errorOf(() => requireEntryKeys(v, "x", [{ value: "x", key: "--" }], { keyField: "key" })).field, "x[0].key");
        assert.strictEqual(errorOf(() => requireEntryKeys(v, "x", [{ value: "***" }])).field, "x[0]");
    });
});
