import * as assert from "assert";
import { of, usePack, UNKNOWN, couldNotCheck } from "../../harness/policies";
import { TYPES } from "./fixtures";

describe("aws pack: lattice rules", () => {
    const pack = usePack("aws");

    describe("lattice-resource-config-not-shareable", () => {
        const RULE = "lattice-resource-config-not-shareable";
        const cfg = (props: Record<string, any>) => pack().analyze({ type: TYPES.latticeResourceConfiguration, name: "rds", props: { type: "SINGLE", ...props } });

        it("reports a configuration that allows shareable service networks, at advisory", async () => {
            const d = of(await cfg({ allowAssociationToShareableServiceNetwork: true }), RULE);
            assert.strictEqual(d.length, 1);
            assert.strictEqual(d[0].enforcementLevel, "advisory");
            assert.match(d[0].message, /allowAssociationToShareableServiceNetwork/);
        });
        it("reports the AWS default (property missing)", async () => {
            assert.strictEqual(of(await cfg({}), RULE).length, 1);
        });
        it("passes false, also written as a string", async () => {
            assert.deepStrictEqual(of(await cfg({ allowAssociationToShareableServiceNetwork: false }), RULE), []);
            assert.deepStrictEqual(of(await cfg({ allowAssociationToShareableServiceNetwork: "false" }), RULE), []);
        });
        it("is not applicable to child configurations and other types", async () => {
            assert.ok((await cfg({ type: "CHILD" })).notApplicable.some((n) => n.policyName === RULE));
            assert.ok((await pack().analyze({ type: TYPES.vpcEndpoint, props: {} })).notApplicable.some((n) => n.policyName === RULE));
        });
        it("does not crash on wrong-typed values", async () => {
            assert.strictEqual(of(await cfg({ allowAssociationToShareableServiceNetwork: { no: true }, type: 5 }), RULE).length, 1);
        });
        it("says it could not check an unknown value", async () => {
            assert.ok(couldNotCheck(await cfg({ allowAssociationToShareableServiceNetwork: UNKNOWN }), RULE));
        });
    });
});
