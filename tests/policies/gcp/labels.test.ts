import * as assert from "assert";
import { couldNotCheck, of, UNKNOWN, urnFor, usePack } from "../../harness/policies";
import { COMPONENT, notApplicable, T } from "./fixtures";

const RULE = "required-labels";
const LABELED = [T.address, T.globalAddress, T.forwardingRule, T.globalForwardingRule, T.managedZone, T.regionalEndpoint];
const UNLABELED = [T.serviceAttachment, T.subnetwork, T.firewall, T.recordSet, T.regionNetworkEndpointGroup];
const OURS = { "managed-by": "privatelink", "privatelink-component": "svc" };

describe("gcp pack: required-labels", () => {
    const pack = usePack("gcp");
    const check = (type: string, labels: unknown, inComponent = true) =>
        pack().analyze({ type, name: "r", urn: urnFor(type, "r", inComponent ? COMPONENT : undefined), props: { labels } });

    it("reports a component resource without managed-by, as advisory", async () => {
        const d = of(await check(T.forwardingRule, { team: "a" }), RULE);
        assert.strictEqual(d.length, 1);
        assert.strictEqual(d[0].enforcementLevel, "advisory");
        assert.strictEqual(d[0].severity, "low");
        assert.match(d[0].message, /"r" is missing required label: managed-by/);
    });
    it("checks every labelable type our components create, and only those", async () => {
        for (const type of LABELED) {
            assert.strictEqual(of(await check(type, undefined), RULE).length, 1, type);
            assert.deepStrictEqual(of(await check(type, OURS), RULE), [], type);
        }
        for (const type of UNLABELED) {
            assert.ok(notApplicable(await check(type, undefined), RULE), type);
        }
    });
    it("checks only component resources unless configured otherwise", async () => {
        assert.ok(notApplicable(await check(T.address, undefined, false), RULE));
        await pack().configure({ [RULE]: { onlyComponentResources: false } });
        assert.strictEqual(of(await check(T.address, undefined, false), RULE).length, 1);
    });
    it("takes requiredKeys from configuration", async () => {
        await pack().configure({ [RULE]: { requiredKeys: ["managed-by", "privatelink-component", "cost-center"] } });
        assert.match(of(await check(T.managedZone, OURS), RULE)[0].message, /missing required label: cost-center/);
        await pack().configure({ [RULE]: { requiredKeys: "cost-center" } });
        assert.deepStrictEqual(of(await check(T.managedZone, OURS), RULE), []);
    });
    it("does not crash on wrong types and reports empty values", async () => {
        for (const labels of ["managed-by", 5, ["managed-by"], null]) {
            assert.strictEqual(of(await check(T.address, labels), RULE).length, 1, JSON.stringify(labels));
        }
        assert.strictEqual(of(await check(T.address, { "managed-by": "" }), RULE).length, 1);
    });
    it("says it could not check unknown labels", async () => {
        assert.ok(couldNotCheck(await check(T.address, UNKNOWN), RULE));
    });
    it("publishes its metadata", async () => {
        const p = (await pack().info()).policies.find((x) => x.name === RULE)!;
        assert.strictEqual(p.enforcementLevel, "advisory");
        assert.strictEqual(p.framework?.reference, "GCPEnforceLabelConstraintV1");
        assert.deepStrictEqual(Object.keys(p.configSchema?.properties ?? {}).sort(), ["onlyComponentResources", "requiredKeys"]);
        assert.match(p.description, /^Checks whether /);
    });
});
