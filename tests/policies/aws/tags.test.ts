import * as assert from "assert";
import { of, usePack, UNKNOWN, couldNotCheck, urnFor } from "../../harness/policies";
import { componentTags, TYPES } from "./fixtures";

const RULE = "required-tags";
const PARENT = "privatelink:index:AwsPrivateEndpoint";

describe("aws pack: tag rules", () => {
    const pack = usePack("aws");
    const child = (type: string, props: Record<string, any>) => pack().analyze({ type, name: "x", urn: urnFor(type, "x", PARENT), props });

    describe("required-tags", () => {
        it("reports a component child without managed-by, at advisory", async () => {
            const d = of(await child(TYPES.vpcEndpoint, { tags: { team: "a" } }), RULE);
            assert.strictEqual(d.length, 1);
            assert.strictEqual(d[0].enforcementLevel, "advisory");
            assert.match(d[0].message, /managed-by/);
        });
        it("passes component children with the component tags, for every taggable type", async () => {
            for (const type of [TYPES.vpcEndpointService, TYPES.vpcEndpoint, TYPES.securityGroup, TYPES.securityGroupIngressRule, TYPES.loadBalancer, TYPES.targetGroup, TYPES.listener, TYPES.zone, TYPES.snsTopic, TYPES.latticeResourceConfiguration]) {
                assert.deepStrictEqual(of(await child(type, { tags: componentTags("ep") }), RULE), [], type);
            }
        });
        it("reports missing and empty tags", async () => {
            assert.strictEqual(of(await child(TYPES.securityGroup, {}), RULE).length, 1);
            assert.strictEqual(of(await child(TYPES.securityGroup, { tags: { "managed-by": "" } }), RULE).length, 1);
        });
        it("is not applicable to resources outside components by default, nor to untaggable types", async () => {
            const r = await pack().analyze({ type: TYPES.securityGroup, props: {} });
            assert.ok(r.notApplicable.some((n) => n.policyName === RULE));
            assert.ok((await child(TYPES.route53Record, {})).notApplicable.some((n) => n.policyName === RULE));
        });
        it("checks every resource and other keys when configured", async () => {
            await pack().configure({ [RULE]: { requiredKeys: ["managed-by", "cost-center"], onlyComponentResources: false } });
            const d = of(await pack().analyze({ type: TYPES.securityGroup, props: { tags: { "managed-by": "privatelink" } } }), RULE);
            assert.strictEqual(d.length, 1);
            assert.match(d[0].message, /cost-center/);
        });
        it("does not crash on wrong-typed values", async () => {
            assert.strictEqual(of(await child(TYPES.securityGroup, { tags: ["managed-by"] }), RULE).length, 1);
            assert.strictEqual(of(await child(TYPES.securityGroup, { tags: "managed-by" }), RULE).length, 1);
        });
        it("says it could not check unknown tags", async () => {
            assert.ok(couldNotCheck(await child(TYPES.securityGroup, { tags: UNKNOWN }), RULE));
        });
    });
});
