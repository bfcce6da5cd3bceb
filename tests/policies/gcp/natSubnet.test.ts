import * as assert from "assert";
import { couldNotCheck, of, UNKNOWN, usePack } from "../../harness/policies";
import { COMPUTE, notApplicable, res, T } from "./fixtures";

const PURPOSE = "nat-subnet-purpose";
const SHARED = "nat-subnet-not-shared";

const SUBNET_ID = "projects/prod/regions/europe-west1/subnetworks/psc-nat";
const subnetProps = (purpose?: unknown, extra: Record<string, any> = {}) => ({
    name: "psc-nat",
    project: "prod",
    region: "europe-west1",
    network: "projects/prod/global/networks/vpc",
    ipCidrRange: "10.100.0.0/28",
    purpose,
    id: SUBNET_ID,
    selfLink: `${COMPUTE}/${SUBNET_ID}`,
    ...extra,
});
const attachmentProps = (natSubnets: unknown, extra: Record<string, any> = {}) => ({
    name: "svc",
    project: "prod",
    region: "europe-west1",
    connectionPreference: "ACCEPT_MANUAL",
    targetService: "projects/prod/regions/europe-west1/forwardingRules/ilb",
    enableProxyProtocol: false,
    natSubnets,
    ...extra,
});

describe("gcp pack: NAT subnet rules", () => {
    const pack = usePack("gcp");

    describe("nat-subnet-purpose", () => {
        const subnet = (purpose?: unknown, extra?: Record<string, any>) => res(T.subnetwork, "nat", subnetProps(purpose, extra));
        const attachment = (natSubnets: unknown, deps?: string[], extra?: Record<string, any>) =>
            res(T.serviceAttachment, "sa", attachmentProps(natSubnets, extra), deps ? { propertyDependencies: { natSubnets: deps } } : {});

        it("reports a NAT subnet linked by property dependency with another purpose, at mandatory, on the subnet", async () => {
            const s = subnet("PRIVATE");
            const r = await pack().analyzeStack([s, attachment([SUBNET_ID], [s.urn])]);
            const d = of(r, PURPOSE);
            assert.strictEqual(d.length, 1);
            assert.strictEqual(d[0].enforcementLevel, "mandatory");
            assert.strictEqual(d[0].urn, s.urn);
            assert.match(d[0].message, /subnet "psc-nat" is a NAT subnet of service attachment "svc" but has purpose PRIVATE; use PRIVATE_SERVICE_CONNECT/);
        });
        it("passes a PRIVATE_SERVICE_CONNECT subnet", async () => {
            const s = subnet("PRIVATE_SERVICE_CONNECT");
            assert.deepStrictEqual(of(await pack().analyzeStack([s, attachment([SUBNET_ID], [s.urn])]), PURPOSE), []);
        });
        it("reports a missing purpose (the default is PRIVATE) and compares case as GCP does", async () => {
            const d = of(await pack().analyzeStack([subnet(undefined), attachment([SUBNET_ID])]), PURPOSE);
            assert.match(d[0].message, /purpose PRIVATE \(the default\)/);
            assert.strictEqual(of(await pack().analyzeStack([subnet("private_service_connect"), attachment([SUBNET_ID])]), PURPOSE).length, 1);
        });
        it("matches the subnet by id, partial URL, full URL (v1, beta, compute.googleapis.com) and bare name", async () => {
            for (const ref of [
                SUBNET_ID,
                `${COMPUTE}/${SUBNET_ID}`,
                `https://www.googleapis.com/compute/beta/${SUBNET_ID}`,
                `https://compute.googleapis.com/compute/v1/${SUBNET_ID}`,
                `//compute.googleapis.com/${SUBNET_ID}`,
                "regions/europe-west1/subnetworks/psc-nat",
                "psc-nat",
            ]) {
                const d = of(await pack().analyzeStack([subnet("PRIVATE"), attachment(["projects/prod/regions/europe-west1/subnetworks/other", ref])]), PURPOSE);
                assert.strictEqual(d.length, 1, ref);
            }
        });
        it("matches by project/region/name when the subnet's id and selfLink are not known yet", async () => {
            const s = subnet("PRIVATE", { id: UNKNOWN, selfLink: UNKNOWN });
            assert.strictEqual(of(await pack().analyzeStack([s, attachment([`${COMPUTE}/${SUBNET_ID}`])]), PURPOSE).length, 1);
        });
        it("does not match a subnet of the same name in another project or region", async () => {
            const elsewhere = subnet("PRIVATE", { project: "other", id: "projects/other/regions/europe-west1/subnetworks/psc-nat", selfLink: undefined });
            assert.deepStrictEqual(of(await pack().analyzeStack([elsewhere, attachment([SUBNET_ID])]), PURPOSE), []);
            const region = subnet("PRIVATE", { region: "us-east1", id: "projects/prod/regions/us-east1/subnetworks/psc-nat", selfLink: undefined });
            assert.deepStrictEqual(of(await pack().analyzeStack([region, attachment(["psc-nat"])]), PURPOSE), []);
        });
        it("ignores subnets that no attachment uses and NAT subnets outside the stack", async () => {
            const workload = res(T.subnetwork, "workload", subnetProps("PRIVATE", { name: "workload", id: "projects/prod/regions/europe-west1/subnetworks/workload", selfLink: undefined }));
            assert.deepStrictEqual(of(await pack().analyzeStack([workload, attachment([SUBNET_ID])]), PURPOSE), []);
        });
        it("checks the subnet through property dependencies while natSubnets is unknown during preview", async () => {
            const s = subnet("PRIVATE", { id: UNKNOWN, selfLink: UNKNOWN });
            const r = await pack().analyzeStack([s, attachment([UNKNOWN], [s.urn])]);
            assert.ok(!couldNotCheck(r, PURPOSE));
            assert.strictEqual(of(r, PURPOSE).length, 1);
            const whole = await pack().analyzeStack([s, attachment(UNKNOWN, [s.urn])]);
            assert.strictEqual(of(whole, PURPOSE).length, 1);
        });
        it("says it could not check an unknown natSubnets no dependency explains, or an unknown purpose", async () => {
            assert.ok(couldNotCheck(await pack().analyzeStack([subnet("PRIVATE"), attachment([UNKNOWN])]), PURPOSE));
            const s = subnet(UNKNOWN);
            assert.ok(couldNotCheck(await pack().analyzeStack([s, attachment([SUBNET_ID], [s.urn])]), PURPOSE));
        });
        it("does not crash on missing or wrong-typed values", async () => {
            for (const natSubnets of [undefined, 5, { a: 1 }, [null, 7, ""], "psc-nat/x/y"]) {
                await pack().analyzeStack([subnet("PRIVATE"), attachment(natSubnets)]);
            }
            await pack().analyzeStack([res(T.subnetwork, "nat", { purpose: 5, name: 7 }), attachment(["psc-nat"])]);
            // A single string instead of a list still names the subnet.
            assert.strictEqual(of(await pack().analyzeStack([subnet("PRIVATE"), attachment(SUBNET_ID)]), PURPOSE).length, 1);
        });
        it("is not applicable to a stack without attachments", async () => {
            assert.ok(notApplicable(await pack().analyzeStack([subnet("PRIVATE")]), PURPOSE));
        });
        it("publishes its metadata", async () => {
            const p = (await pack().info()).policies.find((x) => x.name === PURPOSE)!;
            assert.strictEqual(p.enforcementLevel, "mandatory");
            assert.strictEqual(p.severity, "high");
            assert.ok(p.framework?.reference);
            assert.match(p.remediationSteps, /PRIVATE_SERVICE_CONNECT/);
        });
    });

    describe("nat-subnet-not-shared", () => {
        const s = res(T.subnetwork, "nat", subnetProps("PRIVATE_SERVICE_CONNECT"));
        const other = res(T.subnetwork, "nat2", subnetProps("PRIVATE_SERVICE_CONNECT", { name: "psc-nat-2", id: "projects/prod/regions/europe-west1/subnetworks/psc-nat-2", selfLink: undefined }));
        const sa = (name: string, natSubnets: unknown, deps?: string[]) =>
            res(T.serviceAttachment, name, attachmentProps(natSubnets, { name }), deps ? { propertyDependencies: { natSubnets: deps } } : {});

        it("reports a NAT subnet used by two attachments, matched by dependency and by URL", async () => {
            const r = await pack().analyzeStack([s, other, sa("a", [UNKNOWN], [s.urn]), sa("b", [`${COMPUTE}/${SUBNET_ID}`])]);
            const d = of(r, SHARED);
            assert.strictEqual(d.length, 1);
            assert.strictEqual(d[0].urn, s.urn);
            assert.strictEqual(d[0].enforcementLevel, "mandatory");
            assert.match(d[0].message, /subnet "psc-nat" is the NAT subnet of 2 service attachments \("a", "b"\)/);
        });
        it("passes one NAT subnet per attachment", async () => {
            assert.deepStrictEqual(of(await pack().analyzeStack([s, other, sa("a", [SUBNET_ID]), sa("b", ["psc-nat-2"])]), SHARED), []);
        });
        it("is not applicable with fewer than two attachments", async () => {
            assert.ok(notApplicable(await pack().analyzeStack([s, sa("a", [SUBNET_ID])]), SHARED));
        });
        it("does not crash on wrong types and says it could not check unknown references", async () => {
            await pack().analyzeStack([s, sa("a", 5), sa("b", { x: 1 })]);
            assert.ok(couldNotCheck(await pack().analyzeStack([s, sa("a", [UNKNOWN]), sa("b", [SUBNET_ID])]), SHARED));
        });
        it("publishes its metadata", async () => {
            const p = (await pack().info()).policies.find((x) => x.name === SHARED)!;
            assert.strictEqual(p.enforcementLevel, "mandatory");
            assert.strictEqual(p.severity, "medium");
            assert.match(p.description, /^Checks whether /);
        });
    });
});
