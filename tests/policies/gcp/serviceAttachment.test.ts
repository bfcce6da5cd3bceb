import * as assert from "assert";
import { couldNotCheck, of, UNKNOWN, usePack } from "../../harness/policies";
import { notApplicable, T } from "./fixtures";

const TYPE = T.serviceAttachment;
const MANUAL_RULE = "service-attachment-manual-acceptance";
const LIST_RULE = "service-attachment-accept-list-bounded";

/** A compliant attachment, as a secure component would create it. */
const base = {
    connectionPreference: "ACCEPT_MANUAL",
    targetService: "projects/prod/regions/europe-west1/forwardingRules/ilb",
    natSubnets: ["projects/prod/regions/europe-west1/subnetworks/psc-nat"],
    enableProxyProtocol: false,
    consumerAcceptLists: [{ projectIdOrNum: "consumer-a", connectionLimit: 10 }],
};

describe("gcp pack: service attachment rules", () => {
    const pack = usePack("gcp");

    describe("service-attachment-manual-acceptance", () => {
        it("reports ACCEPT_AUTOMATIC at mandatory", async () => {
            const r = await pack().analyze({ type: TYPE, name: "sa", props: { ...base, connectionPreference: "ACCEPT_AUTOMATIC", consumerAcceptLists: [] } });
            const d = of(r, MANUAL_RULE);
            assert.strictEqual(d.length, 1);
            assert.strictEqual(d[0].enforcementLevel, "mandatory");
            assert.strictEqual(d[0].severity, "high");
            assert.match(d[0].message, /"sa" accepts connections with ACCEPT_AUTOMATIC; set connectionPreference to ACCEPT_MANUAL/);
        });
        it("passes ACCEPT_MANUAL", async () => {
            assert.deepStrictEqual(of(await pack().analyze({ type: TYPE, props: base }), MANUAL_RULE), []);
        });
        it("reports a missing connectionPreference", async () => {
            const d = of(await pack().analyze({ type: TYPE, props: { ...base, connectionPreference: undefined } }), MANUAL_RULE);
            assert.strictEqual(d.length, 1);
            assert.match(d[0].message, /has no connectionPreference/);
        });
        it("compares the enum as GCP does: case-sensitive", async () => {
            const d = of(await pack().analyze({ type: TYPE, props: { ...base, connectionPreference: "accept_manual" } }), MANUAL_RULE);
            assert.strictEqual(d.length, 1);
            assert.match(d[0].message, /case-sensitive/);
        });
        it("does not crash on wrong types", async () => {
            for (const v of [{ x: 1 }, 5, true, ["ACCEPT_MANUAL"]]) {
                const d = of(await pack().analyze({ type: TYPE, props: { ...base, connectionPreference: v } }), MANUAL_RULE);
                assert.strictEqual(d.length, 1, JSON.stringify(v));
                assert.match(d[0].message, /invalid connectionPreference/);
            }
        });
        it("says it could not check an unknown value", async () => {
            const r = await pack().analyze({ type: TYPE, props: { ...base, connectionPreference: UNKNOWN } });
            assert.ok(couldNotCheck(r, MANUAL_RULE));
        });
        it("is not applicable to other types", async () => {
            assert.ok(notApplicable(await pack().analyze({ type: T.forwardingRule, props: {} }), MANUAL_RULE));
        });
        it("does not remediate at its default level", async () => {
            const rem = await pack().remediate({ type: TYPE, props: { ...base, connectionPreference: "ACCEPT_AUTOMATIC" } });
            assert.deepStrictEqual(rem.filter((x) => x.policyName === MANUAL_RULE), []);
        });
        it("remediates connectionPreference to ACCEPT_MANUAL when configured to remediate, keeping the other properties", async () => {
            await pack().configure({ [MANUAL_RULE]: { enforcementLevel: "remediate" } });
            const props = { ...base, connectionPreference: "ACCEPT_AUTOMATIC", consumerAcceptLists: [] };
            const rem = await pack().remediate({ type: TYPE, props });
            assert.deepStrictEqual(rem.find((x) => x.policyName === MANUAL_RULE)?.properties, { ...props, connectionPreference: "ACCEPT_MANUAL" });
        });
        it("remediates a missing preference and keeps values unknown during preview unknown", async () => {
            await pack().configure({ [MANUAL_RULE]: { enforcementLevel: "remediate" } });
            const rem = await pack().remediate({ type: TYPE, props: { targetService: UNKNOWN, natSubnets: [UNKNOWN], enableProxyProtocol: false } });
            const props = rem.find((x) => x.policyName === MANUAL_RULE)?.properties;
            assert.strictEqual(props?.connectionPreference, "ACCEPT_MANUAL");
            assert.strictEqual(props?.targetService, UNKNOWN);
            assert.deepStrictEqual(props?.natSubnets, [UNKNOWN]);
        });
        it("leaves a compliant attachment alone at remediate", async () => {
            await pack().configure({ [MANUAL_RULE]: { enforcementLevel: "remediate" } });
            const rem = await pack().remediate({ type: TYPE, props: base });
            assert.strictEqual(rem.find((x) => x.policyName === MANUAL_RULE), undefined);
        });
        it("says it could not remediate an unknown preference", async () => {
            await pack().configure({ [MANUAL_RULE]: { enforcementLevel: "remediate" } });
            const rem = await pack().remediate({ type: TYPE, props: { ...base, connectionPreference: UNKNOWN } });
            assert.match(rem.find((x) => x.policyName === MANUAL_RULE)?.diagnostic ?? "", /can't run/);
        });
        it("can be disabled by configuration", async () => {
            await pack().configure({ [MANUAL_RULE]: { enforcementLevel: "disabled" } });
            const r = await pack().analyze({ type: TYPE, props: { ...base, connectionPreference: "ACCEPT_AUTOMATIC" } });
            assert.deepStrictEqual(of(r, MANUAL_RULE), []);
        });
        it("publishes its metadata", async () => {
            const p = (await pack().info()).policies.find((x) => x.name === MANUAL_RULE)!;
            assert.strictEqual(p.enforcementLevel, "mandatory");
            assert.strictEqual(p.severity, "high");
            assert.strictEqual(p.framework?.reference, "compute.restrictPrivateServiceConnectConsumer");
            assert.match(p.description, /^Checks whether /);
            assert.match(p.remediationSteps, /ACCEPT_MANUAL/);
            assert.match(p.url, /^https:\/\/cloud\.google\.com\//);
        });
    });

    describe("service-attachment-accept-list-bounded", () => {
        const check = async (props: Record<string, any>) => of(await pack().analyze({ type: TYPE, name: "sa", props }), LIST_RULE);

        it("passes bounded entries by project, network and endpoint", async () => {
            const d = await check({
                ...base,
                consumerAcceptLists: [
                    { projectIdOrNum: "consumer-a", connectionLimit: 10 },
                    { networkUrl: "projects/consumer-b/global/networks/vpc", connectionLimit: 100 },
                    { endpointUrl: "projects/consumer-c/regions/europe-west1/forwardingRules/ep", connectionLimit: 1 },
                    { projectIdOrNum: "123456789012", connectionLimit: "5" },
                ],
            });
            assert.deepStrictEqual(d, []);
        });
        it("reports a limit above maxConnectionLimit at mandatory", async () => {
            const d = await check({ ...base, consumerAcceptLists: [{ projectIdOrNum: "consumer-a", connectionLimit: 101 }] });
            assert.strictEqual(d.length, 1);
            assert.strictEqual(d[0].enforcementLevel, "mandatory");
            assert.match(d[0].message, /entry consumer-a allows 101 connections, above maxConnectionLimit 100/);
        });
        it("reports missing, zero, negative and fractional limits", async () => {
            const d = await check({
                ...base,
                consumerAcceptLists: [
                    { projectIdOrNum: "a" },
                    { projectIdOrNum: "b", connectionLimit: 0 },
                    { projectIdOrNum: "c", connectionLimit: -3 },
                    { projectIdOrNum: "d", connectionLimit: 1.5 },
                    { projectIdOrNum: "e", connectionLimit: { n: 1 } },
                ],
            });
            assert.strictEqual(d.length, 5);
            assert.match(d[0].message, /entry a has no connectionLimit/);
            assert.match(d[1].message, /entry b has connectionLimit 0; it must be a positive integer/);
            assert.match(d[2].message, /connectionLimit -3/);
            assert.match(d[3].message, /connectionLimit 1.5/);
            assert.match(d[4].message, /entry e has no connectionLimit/);
        });
        it("reports entries naming no consumer or several", async () => {
            const d = await check({
                ...base,
                consumerAcceptLists: [{ connectionLimit: 5 }, { projectIdOrNum: "a", networkUrl: "projects/a/global/networks/n", connectionLimit: 5 }],
            });
            assert.strictEqual(d.length, 2);
            assert.match(d[0].message, /entry #0 names no consumer/);
            assert.match(d[1].message, /entry #1 sets projectIdOrNum and networkUrl; set exactly one/);
        });
        it("reports accept or reject lists combined with ACCEPT_AUTOMATIC (an API error)", async () => {
            const d = await check({ ...base, connectionPreference: "ACCEPT_AUTOMATIC" });
            assert.strictEqual(d.length, 1);
            assert.match(d[0].message, /combines ACCEPT_AUTOMATIC with accept\/reject lists/);
            const rejects = await check({ ...base, connectionPreference: "ACCEPT_AUTOMATIC", consumerAcceptLists: [], consumerRejectLists: ["bad"] });
            assert.strictEqual(rejects.length, 1);
            assert.deepStrictEqual(await check({ ...base, connectionPreference: "ACCEPT_AUTOMATIC", consumerAcceptLists: undefined }), []);
        });
        it("allows an empty or missing accept list by default, and reports it when requireAcceptList is set", async () => {
            assert.deepStrictEqual(await check({ ...base, consumerAcceptLists: [] }), []);
            assert.deepStrictEqual(await check({ ...base, consumerAcceptLists: undefined }), []);
            await pack().configure({ [LIST_RULE]: { requireAcceptList: true } });
            const d = await check({ ...base, consumerAcceptLists: [] });
            assert.strictEqual(d.length, 1);
            assert.match(d[0].message, /empty consumerAcceptLists/);
        });
        it("takes maxConnectionLimit from configuration, ignoring wrong-typed values", async () => {
            await pack().configure({ [LIST_RULE]: { maxConnectionLimit: 5 } });
            assert.strictEqual((await check(base)).length, 1);
            await pack().configure({ [LIST_RULE]: { maxConnectionLimit: "five" } });
            assert.deepStrictEqual(await check(base), []);
        });
        it("does not crash on wrong types", async () => {
            for (const lists of ["consumer-a", 5, [null, 7, "x"], { projectIdOrNum: "a", connectionLimit: 1 }]) {
                await check({ ...base, consumerAcceptLists: lists });
            }
            // A single object instead of a list is read as a one-entry list.
            assert.deepStrictEqual(await check({ ...base, consumerAcceptLists: { projectIdOrNum: "a", connectionLimit: 1 } }), []);
            assert.strictEqual((await check({ ...base, consumerAcceptLists: [null] })).length, 2);
        });
        it("says it could not check unknown values", async () => {
            const r1 = await pack().analyze({ type: TYPE, props: { ...base, consumerAcceptLists: UNKNOWN } });
            assert.ok(couldNotCheck(r1, LIST_RULE));
            const r2 = await pack().analyze({ type: TYPE, props: { ...base, consumerAcceptLists: [{ projectIdOrNum: "a", connectionLimit: UNKNOWN }] } });
            assert.ok(couldNotCheck(r2, LIST_RULE));
        });
        it("publishes its metadata and settings", async () => {
            const p = (await pack().info()).policies.find((x) => x.name === LIST_RULE)!;
            assert.strictEqual(p.enforcementLevel, "mandatory");
            assert.strictEqual(p.severity, "medium");
            assert.strictEqual(p.framework?.reference, "compute.restrictPrivateServiceConnectConsumer");
            assert.deepStrictEqual(Object.keys(p.configSchema?.properties ?? {}).sort(), ["maxConnectionLimit", "requireAcceptList"]);
            assert.strictEqual(p.configSchema?.properties.maxConnectionLimit.default, 100);
        });
    });
});
