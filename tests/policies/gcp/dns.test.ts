import * as assert from "assert";
import { couldNotCheck, of, UNKNOWN, usePack } from "../../harness/policies";
import { COMPUTE, notApplicable, res, T } from "./fixtures";

const RULE = "dns-zone-private";
const ATTACHMENT = "projects/producer/regions/europe-west1/serviceAttachments/svc";
const NETWORKS = { networks: [{ networkUrl: "projects/consumer/global/networks/vpc" }] };

const zone = (name: string, dnsName: unknown, visibility: unknown, extra: Record<string, any> = {}, parentType?: string) =>
    res(T.managedZone, name, { name, project: "consumer", dnsName, visibility, ...extra }, { parentType });
const record = (name: string, managedZone: unknown, rrdatas: unknown, deps: Record<string, string[]> = {}) =>
    res(T.recordSet, name, { name: "svc.vendor.example.", type: "A", ttl: 300, managedZone, rrdatas }, { propertyDependencies: deps });
const address = (name: string, ip: unknown, type: string = T.address) =>
    res(type, name, { name, project: "consumer", region: type === T.address ? "europe-west1" : undefined, addressType: "INTERNAL", address: ip });
const endpoint = (name: string, target: unknown, ipAddress: unknown, deps: Record<string, string[]> = {}, type: string = T.forwardingRule) =>
    res(type, name, { name, project: "consumer", region: "europe-west1", loadBalancingScheme: "", target, ipAddress, network: "vpc" }, { propertyDependencies: deps });

describe("gcp pack: dns-zone-private", () => {
    const pack = usePack("gcp");
    const check = async (resources: any[]) => of(await pack().analyzeStack(resources), RULE);

    it("reports a public zone created by a privatelink component, at mandatory, on the zone", async () => {
        const z = zone("svc-zone", "svc.internal.", "public", {}, "privatelink:index:GcpPrivateDnsZone");
        const d = await check([z]);
        assert.strictEqual(d.length, 1);
        assert.strictEqual(d[0].enforcementLevel, "mandatory");
        assert.strictEqual(d[0].urn, z.urn);
        assert.match(d[0].message, /zone "svc-zone" \(svc\.internal\.\) serves Private Service Connect \(created by a privatelink component\) but has visibility "public"/);
    });
    it("reports a component zone with no visibility (public by default) and a private one bound to no network", async () => {
        const parent = "privatelink:index:GcpPrivateEndpoint";
        assert.match((await check([zone("z", "svc.internal.", undefined, {}, parent)]))[0].message, /is public \(visibility defaults to public\)/);
        assert.match((await check([zone("z", "svc.internal.", "private", {}, parent)]))[0].message, /visible to no network/);
        assert.match((await check([zone("z", "svc.internal.", "private", { privateVisibilityConfig: { networks: [] } }, parent)]))[0].message, /visible to no network/);
    });
    it("passes private zones bound to networks or GKE clusters", async () => {
        const parent = "privatelink:index:GcpPrivateDnsZone";
        assert.deepStrictEqual(await check([zone("z", "svc.internal.", "private", { privateVisibilityConfig: NETWORKS }, parent)]), []);
        assert.deepStrictEqual(await check([zone("z", "googleapis.com.", "private", { privateVisibilityConfig: { gkeClusters: [{ gkeClusterName: "c" }] } })]), []);
    });
    it("compares visibility as GCP writes it", async () => {
        const d = await check([zone("z", "googleapis.com.", "PRIVATE", { privateVisibilityConfig: NETWORKS })]);
        assert.match(d[0].message, /has visibility "PRIVATE"/);
    });
    it("treats zones under pscDnsSuffixes as PSC zones (default: Google API domains)", async () => {
        assert.match((await check([zone("z", "googleapis.com.", "public")]))[0].message, /its name is under googleapis\.com\./);
        assert.strictEqual((await check([zone("z", "Storage.GoogleAPIs.com", "public")])).length, 1);
        assert.strictEqual((await check([zone("z", "gcr.io.", "public")])).length, 1);
        assert.strictEqual((await check([zone("z", "europe-docker.pkg.dev.", "public")])).length, 1);
        assert.deepStrictEqual(await check([zone("z", "notgoogleapis.com.", "public")]), []);
        assert.deepStrictEqual(await check([zone("z", "example.com.", "public")]), []);
    });
    it("takes pscDnsSuffixes from configuration, ignoring wrong-typed values", async () => {
        await pack().configure({ [RULE]: { pscDnsSuffixes: ["svc.internal"] } });
        assert.strictEqual((await check([zone("z", "a.svc.internal.", "public")])).length, 1);
        assert.deepStrictEqual(await check([zone("z", "googleapis.com.", "public")]), []);
        await pack().configure({ [RULE]: { pscDnsSuffixes: "svc.internal." } });
        assert.strictEqual((await check([zone("z", "googleapis.com.", "public")])).length, 1);
        await pack().configure({ [RULE]: { pscDnsSuffixes: [5, "", "."] } });
        assert.deepStrictEqual(await check([zone("z", "googleapis.com.", "public")]), []);
    });
    it("reports a zone whose record points at a PSC endpoint's literal IP", async () => {
        const z = zone("vendor", "vendor.example.", "public");
        const d = await check([z, record("rec", "vendor", ["10.0.0.5"]), endpoint("ep", ATTACHMENT, "10.0.0.5")]);
        assert.strictEqual(d.length, 1);
        assert.match(d[0].message, /\(record "svc\.vendor\.example\." points at PSC endpoint "ep"\) but has visibility "public"/);
    });
    it("links the endpoint's IP through its Address (by dependency or URL) and the record's zone by id", async () => {
        const z = zone("vendor", "vendor.example.", "public");
        const a = address("ep-ip", "10.0.0.7");
        const byDep = endpoint("ep", `${COMPUTE}/${ATTACHMENT}`, UNKNOWN, { ipAddress: [a.urn] });
        assert.strictEqual((await check([z, a, byDep, record("rec", "projects/consumer/managedZones/vendor", ["10.0.0.7"])])).length, 1);
        const byUrl = endpoint("ep", ATTACHMENT, `${COMPUTE}/projects/consumer/regions/europe-west1/addresses/ep-ip`);
        assert.strictEqual((await check([z, a, byUrl, record("rec", "vendor", ["10.0.0.7"])])).length, 1);
    });
    it("links records by property dependencies while values are unknown during preview", async () => {
        const z = zone("vendor", "vendor.example.", "public");
        const a = address("ep-ip", UNKNOWN);
        const sa = res(T.serviceAttachment, "sa", { connectionPreference: "ACCEPT_MANUAL" });
        const ep = endpoint("ep", UNKNOWN, UNKNOWN, { ipAddress: [a.urn], target: [sa.urn] });
        const rec = record("rec", UNKNOWN, [UNKNOWN], { managedZone: [z.urn], rrdatas: [a.urn] });
        const r = await pack().analyzeStack([z, a, sa, ep, rec]);
        assert.ok(!couldNotCheck(r, RULE));
        assert.strictEqual(of(r, RULE).length, 1);
        // The record may also depend on the endpoint itself.
        const rec2 = record("rec", UNKNOWN, [UNKNOWN], { managedZone: [z.urn], rrdatas: [ep.urn] });
        assert.strictEqual(of(await pack().analyzeStack([z, a, sa, ep, rec2]), RULE).length, 1);
    });
    it("reports a zone whose record points at a Google APIs endpoint", async () => {
        const z = zone("apis", "apis.corp.example.", "public");
        const ga = address("apis-ip", "10.255.255.254", T.globalAddress);
        const ep = endpoint("apis", "all-apis", `projects/consumer/global/addresses/apis-ip`, {}, T.globalForwardingRule);
        assert.strictEqual((await check([z, ga, ep, record("rec", "apis", ["10.255.255.254"])])).length, 1);
    });
    it("passes public zones whose records point elsewhere", async () => {
        const z = zone("vendor", "vendor.example.", "public");
        const lb = endpoint("lb", "projects/consumer/regions/europe-west1/targetPools/pool", "34.1.2.3");
        const ep = endpoint("ep", ATTACHMENT, "10.0.0.5");
        const other = zone("other", "other.example.", "private", { privateVisibilityConfig: NETWORKS });
        assert.deepStrictEqual(await check([z, lb, ep, other, record("rec", "vendor", ["34.1.2.3"]), record("rec2", "other", ["10.0.0.5"])]), []);
        // An unknown target that comes from a non-attachment resource is not a PSC endpoint.
        const pool = res("gcp:compute/targetPool:TargetPool", "pool", { name: "pool" });
        const lb2 = endpoint("lb2", UNKNOWN, "34.1.2.4", { target: [pool.urn] });
        assert.deepStrictEqual(await check([z, pool, lb2, record("rec", "vendor", ["34.1.2.4"])]), []);
    });
    it("says it could not check unknown values it needs", async () => {
        assert.ok(couldNotCheck(await pack().analyzeStack([zone("z", "googleapis.com.", UNKNOWN)]), RULE));
        const z = zone("vendor", "vendor.example.", "public");
        assert.ok(couldNotCheck(await pack().analyzeStack([z, endpoint("ep", ATTACHMENT, "10.0.0.5"), record("rec", "vendor", UNKNOWN)]), RULE));
        assert.ok(couldNotCheck(await pack().analyzeStack([z, endpoint("ep", ATTACHMENT, "10.0.0.5"), record("rec", UNKNOWN, ["10.0.0.5"])]), RULE));
        // A compliant zone needs no relationship, so unknown records do not matter.
        const ok = zone("ok", "vendor.example.", "private", { privateVisibilityConfig: NETWORKS });
        assert.ok(!couldNotCheck(await pack().analyzeStack([ok, record("rec", "ok", UNKNOWN)]), RULE));
    });
    it("does not crash on missing or wrong-typed values", async () => {
        const resources = [
            zone("a", 5, 5),
            zone("b", undefined, "private", { privateVisibilityConfig: "x" }),
            zone("c", ["x"], { v: 1 }),
            res(T.managedZone, "d", {}),
            record("r1", 5, "10.0.0.5"),
            record("r2", { z: 1 }, [null, 5]),
            res(T.recordSet, "r3", {}),
            endpoint("e1", 5, { ip: 1 }),
            endpoint("e2", ATTACHMENT, ["10.0.0.5"]),
            res(T.globalForwardingRule, "e3", {}),
        ];
        await check(resources);
    });
    it("is not applicable to a stack without zones", async () => {
        assert.ok(notApplicable(await pack().analyzeStack([endpoint("ep", ATTACHMENT, "10.0.0.5")]), RULE));
    });
    it("publishes its metadata", async () => {
        const p = (await pack().info()).policies.find((x) => x.name === RULE)!;
        assert.strictEqual(p.enforcementLevel, "mandatory");
        assert.strictEqual(p.severity, "high");
        assert.match(p.description, /^Checks whether /);
        assert.deepStrictEqual(p.configSchema?.properties.pscDnsSuffixes.default, ["googleapis.com.", "gcr.io.", "pkg.dev."]);
    });
});
