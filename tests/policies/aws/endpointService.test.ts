import * as assert from "assert";
import { of, usePack, UNKNOWN, couldNotCheck } from "../../harness/policies";

const TYPE = "aws:ec2/vpcEndpointService:VpcEndpointService";
const RULE = "endpoint-service-acceptance-required";

describe("aws pack: endpoint-service-acceptance-required", () => {
    const pack = usePack("aws");

    it("reports a service that accepts connections automatically, at mandatory", async () => {
        const r = await pack().analyze({ type: TYPE, name: "svc", props: { acceptanceRequired: false } });
        const d = of(r, RULE);
        assert.strictEqual(d.length, 1);
        assert.strictEqual(d[0].enforcementLevel, "mandatory");
        assert.match(d[0].message, /acceptanceRequired/);
    });
    it("passes a service that requires acceptance", async () => {
        const r = await pack().analyze({ type: TYPE, props: { acceptanceRequired: true } });
        assert.deepStrictEqual(of(r, RULE), []);
    });
    it("reports a missing property and does not crash on wrong types", async () => {
        assert.strictEqual(of(await pack().analyze({ type: TYPE, props: {} }), RULE).length, 1);
        assert.strictEqual(of(await pack().analyze({ type: TYPE, props: { acceptanceRequired: { x: 1 } } }), RULE).length, 1);
    });
    it("says it could not check an unknown value", async () => {
        const r = await pack().analyze({ type: TYPE, props: { acceptanceRequired: UNKNOWN } });
        assert.ok(couldNotCheck(r, RULE));
    });
    it("is not applicable to other types", async () => {
        const r = await pack().analyze({ type: "aws:s3/bucket:Bucket", props: {} });
        assert.ok(r.notApplicable.some((n) => n.policyName === RULE));
    });
    it("does not remediate at its default level", async () => {
        const rem = await pack().remediate({ type: TYPE, props: { acceptanceRequired: false } });
        assert.deepStrictEqual(rem, []);
    });
    it("remediates acceptanceRequired to true when configured to remediate", async () => {
        await pack().configure({ [RULE]: { enforcementLevel: "remediate" } });
        const rem = await pack().remediate({ type: TYPE, props: { acceptanceRequired: false, networkLoadBalancerArns: ["arn"] } });
        assert.deepStrictEqual(rem.find((x) => x.policyName === RULE)?.properties, { acceptanceRequired: true, networkLoadBalancerArns: ["arn"] });
    });
    it("can be disabled by configuration", async () => {
        await pack().configure({ [RULE]: { enforcementLevel: "disabled" } });
        const r = await pack().analyze({ type: TYPE, props: { acceptanceRequired: false } });
        assert.deepStrictEqual(of(r, RULE), []);
    });
    it("publishes its metadata", async () => {
        const info = await pack().info();
        const p = info.policies.find((x) => x.name === RULE)!;
        assert.strictEqual(info.name, "privatelink-aws");
        assert.strictEqual(p.severity, "high");
        assert.strictEqual(p.framework?.reference, "CKV_AWS_123");
        assert.ok(p.remediationSteps.length > 0);
    });
});
