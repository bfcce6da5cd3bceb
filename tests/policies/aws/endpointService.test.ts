import * as assert from "assert";
import { of, usePack, UNKNOWN, couldNotCheck } from "../../harness/policies";
import { TYPES } from "./fixtures";

const TYPE = TYPES.vpcEndpointService;

describe("aws pack: endpoint service rules", () => {
    const pack = usePack("aws");

    describe("endpoint-service-acceptance-required", () => {
        const RULE = "endpoint-service-acceptance-required";

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
            assert.strictEqual(of(await pack().analyze({ type: TYPE, props: { acceptanceRequired: "true" } }), RULE).length, 0);
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
        it("leaves a compliant service alone when remediating", async () => {
            await pack().configure({ [RULE]: { enforcementLevel: "remediate" } });
            const rem = await pack().remediate({ type: TYPE, props: { acceptanceRequired: true } });
            assert.strictEqual(rem.find((x) => x.policyName === RULE)?.properties, undefined);
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

    describe("endpoint-service-trusted-principals", () => {
        const RULE = "endpoint-service-trusted-principals";
        const svc = (allowedPrincipals: unknown) => pack().analyze({ type: TYPE, name: "svc", props: { acceptanceRequired: true, allowedPrincipals } });
        const principle = (principalArn: unknown) =>
            pack().analyze({ type: TYPES.vpcEndpointServiceAllowedPrinciple, name: "allow", props: { vpcEndpointServiceId: "vpce-svc-1", principalArn } });

        it("reports the wildcard principal at mandatory", async () => {
            const d = of(await svc(["*"]), RULE);
            assert.strictEqual(d.length, 1);
            assert.strictEqual(d[0].enforcementLevel, "mandatory");
            assert.match(d[0].message, /wildcard principal "\*"/);
        });
        it("reports wildcard-account ARNs such as arn:aws:iam::*:root", async () => {
            assert.strictEqual(of(await svc(["arn:aws:iam::*:root"]), RULE).length, 1);
            assert.strictEqual(of(await svc(["arn:aws:iam::11111111111?:root"]), RULE).length, 1);
            assert.strictEqual(of(await svc([" * "]), RULE).length, 1);
        });
        it("reports a wildcard on the standalone VpcEndpointServiceAllowedPrinciple", async () => {
            const d = of(await principle("*"), RULE);
            assert.strictEqual(d.length, 1);
            assert.match(d[0].message, /allowed principal "allow"/);
        });
        it("passes named principals without configuration, and a service with no principals", async () => {
            assert.deepStrictEqual(of(await svc(["arn:aws:iam::222222222222:root", "arn:aws:iam::333333333333:role/consumer"]), RULE), []);
            assert.deepStrictEqual(of(await pack().analyze({ type: TYPE, props: { acceptanceRequired: true } }), RULE), []);
            assert.deepStrictEqual(of(await principle("arn:aws:iam::222222222222:root"), RULE), []);
        });
        it("keeps a resource-path wildcard inside one account", async () => {
            assert.deepStrictEqual(of(await svc(["arn:aws:iam::222222222222:role/*"]), RULE), []);
        });
        it("with trustedAccountIds, reports principals of other accounts (inline and standalone)", async () => {
            await pack().configure({ [RULE]: { trustedAccountIds: ["111111111111"] } });
            const d = of(await svc(["arn:aws:iam::111111111111:root", "arn:aws:iam::222222222222:root", "333333333333"]), RULE);
            assert.strictEqual(d.length, 2);
            assert.match(d[0].message, /222222222222/);
            assert.match(d[1].message, /333333333333/);
            assert.strictEqual(of(await principle("arn:aws:iam::222222222222:role/x"), RULE).length, 1);
        });
        it("with trustedAccountIds, passes trusted ARNs of any partition and bare account ids", async () => {
            await pack().configure({ [RULE]: { trustedAccountIds: ["111111111111", "012345678901"] } });
            assert.deepStrictEqual(
                of(await svc(["arn:aws:iam::111111111111:root", "arn:aws-cn:iam::012345678901:role/app", "111111111111"]), RULE),
                [],
            );
            assert.deepStrictEqual(of(await principle("arn:aws:iam::111111111111:user/ops"), RULE), []);
        });
        it("with trustedAccountIds, reports principals that name no account", async () => {
            await pack().configure({ [RULE]: { trustedAccountIds: ["111111111111"] } });
            const d = of(await svc(["consumer-team"]), RULE);
            assert.strictEqual(d.length, 1);
            assert.match(d[0].message, /names no AWS account/);
        });
        it("accepts account ids given as numbers and ignores a wrong-typed setting", async () => {
            await pack().configure({ [RULE]: { trustedAccountIds: [12345678901] } });
            assert.deepStrictEqual(of(await svc(["arn:aws:iam::012345678901:root"]), RULE), []);
            await pack().configure({ [RULE]: { trustedAccountIds: "111111111111" } });
            assert.deepStrictEqual(of(await svc(["arn:aws:iam::222222222222:root"]), RULE), []);
        });
        it("does not crash on wrong-typed values", async () => {
            assert.deepStrictEqual(of(await svc(42), RULE), []);
            assert.deepStrictEqual(of(await svc([{ arn: "*" }, null, 7]), RULE), []);
            assert.strictEqual(of(await svc("*"), RULE).length, 1);
            assert.deepStrictEqual(of(await principle({ x: 1 }), RULE), []);
        });
        it("says it could not check unknown principals", async () => {
            assert.ok(couldNotCheck(await svc(UNKNOWN), RULE));
            assert.ok(couldNotCheck(await svc(["arn:aws:iam::222222222222:root", UNKNOWN]), RULE));
            assert.ok(couldNotCheck(await principle(UNKNOWN), RULE));
        });
        it("is not applicable to other types", async () => {
            const r = await pack().analyze({ type: TYPES.vpcEndpoint, props: {} });
            assert.ok(r.notApplicable.some((n) => n.policyName === RULE));
        });
    });
});
