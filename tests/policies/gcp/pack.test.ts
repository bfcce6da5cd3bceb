import * as assert from "assert";
import { fitsSchema } from "../../harness/configSchema";
import * as fs from "fs";
import * as path from "path";
import { AnalyzerResourceInput, of, packDir, PolicyInfoResult, usePack } from "../../harness/policies";
import { res, T } from "./fixtures";

const EXPECTED = [
    "service-attachment-manual-acceptance",
    "service-attachment-accept-list-bounded",
    "nat-subnet-purpose",
    "nat-subnet-not-shared",
    "firewall-no-public-sensitive-ports",
    "firewall-no-all-ports-ingress",
    "firewall-no-broad-source-ranges",
    "firewall-logging-enabled",
    "endpoint-allowed-producers",
    "google-apis-endpoint-vpc-sc",
    "dns-zone-private",
    "required-labels",
];
const STACK_RULES = ["nat-subnet-purpose", "nat-subnet-not-shared", "dns-zone-private"];

const example = JSON.parse(fs.readFileSync(path.join(packDir("gcp"), "config.example.json"), "utf8")) as Record<string, Record<string, unknown>>;

/**
 * What the planned GCP components create with their defaults: a published service (PSC NAT
 * subnet, attachment with ACCEPT_MANUAL and a bounded accept list, producer firewall from the NAT
 * and health-check ranges with logging), a consumer endpoint with its private zone, and a Google
 * APIs endpoint with its private googleapis.com zone — all labelled.
 */
function secureStack(): AnalyzerResourceInput[] {
    const labels = { "managed-by": "privatelink", "privatelink-component": "svc" };
    const pls = "privatelink:index:GcpPrivateLinkService";
    const pe = "privatelink:index:GcpPrivateEndpoint";
    const apis = "privatelink:index:GcpGoogleApisEndpoint";
    const nat = res(T.subnetwork, "svc-nat", { name: "svc-nat", project: "producer", region: "europe-west1", network: "vpc", ipCidrRange: "10.100.0.0/28", purpose: "PRIVATE_SERVICE_CONNECT" }, { parentType: pls });
    const sa = res(
        T.serviceAttachment,
        "svc-attachment",
        {
            name: "svc",
            project: "producer",
            region: "europe-west1",
            connectionPreference: "ACCEPT_MANUAL",
            natSubnets: ["projects/producer/regions/europe-west1/subnetworks/svc-nat"],
            targetService: "projects/producer/regions/europe-west1/forwardingRules/ilb",
            enableProxyProtocol: false,
            reconcileConnections: true,
            consumerAcceptLists: [{ projectIdOrNum: "consumer", connectionLimit: 10 }],
        },
        { parentType: pls, propertyDependencies: { natSubnets: [nat.urn] } },
    );
    const fw = res(
        T.firewall,
        "svc-fw",
        {
            network: "vpc",
            direction: "INGRESS",
            sourceRanges: ["10.100.0.0/28", "35.191.0.0/16", "130.211.0.0/22"],
            allows: [{ protocol: "tcp", ports: ["443"] }],
            targetTags: ["svc"],
            logConfig: { metadata: "INCLUDE_ALL_METADATA" },
        },
        { parentType: pls },
    );
    const ip = res(T.address, "ep-ip", { name: "ep-ip", project: "consumer", region: "europe-west1", addressType: "INTERNAL", subnetwork: "subnet", address: "10.0.0.5", labels }, { parentType: pe });
    const ep = res(
        T.forwardingRule,
        "ep",
        { name: "ep", project: "consumer", region: "europe-west1", loadBalancingScheme: "", target: "projects/producer/regions/europe-west1/serviceAttachments/svc", ipAddress: "10.0.0.5", network: "vpc", labels },
        { parentType: pe, propertyDependencies: { ipAddress: [ip.urn] } },
    );
    const networks = { networks: [{ networkUrl: "projects/consumer/global/networks/vpc" }] };
    const zone = res(T.managedZone, "ep-zone", { name: "ep-zone", dnsName: "svc.internal.", visibility: "private", privateVisibilityConfig: networks, labels }, { parentType: pe });
    const rec = res(T.recordSet, "ep-record", { name: "svc.internal.", type: "A", ttl: 300, managedZone: "ep-zone", rrdatas: ["10.0.0.5"] }, { parentType: pe, propertyDependencies: { managedZone: [zone.urn], rrdatas: [ip.urn] } });
    const gip = res(T.globalAddress, "apis-ip", { name: "apis-ip", addressType: "INTERNAL", purpose: "PRIVATE_SERVICE_CONNECT", network: "vpc", address: "10.255.255.254", labels }, { parentType: apis });
    const gfr = res(T.globalForwardingRule, "apis", { name: "apis", target: "all-apis", loadBalancingScheme: "", network: "vpc", ipAddress: "10.255.255.254", labels }, { parentType: apis });
    const gzone = res(T.managedZone, "apis-zone", { name: "apis-zone", dnsName: "googleapis.com.", visibility: "private", privateVisibilityConfig: networks, labels }, { parentType: apis });
    return [nat, sa, fw, ip, ep, zone, rec, gip, gfr, gzone];
}

describe("gcp pack", () => {
    const pack = usePack("gcp");
    let info: { name: string; version: string; policies: PolicyInfoResult[] };
    before(async () => {
        info = await pack().info();
    });

    it("is named privatelink-gcp and has every rule, in order", () => {
        assert.strictEqual(info.name, "privatelink-gcp");
        assert.strictEqual(info.version, "0.1.0");
        assert.deepStrictEqual(info.policies.map((p) => p.name), EXPECTED);
    });
    it("publishes full metadata for every rule", () => {
        for (const p of info.policies) {
            assert.match(p.name, /^[a-z0-9]+(-[a-z0-9]+)*$/, p.name);
            assert.match(p.description, /^Checks whether /, p.name);
            assert.ok(["advisory", "mandatory"].includes(p.enforcementLevel), p.name);
            assert.ok(["low", "medium", "high", "critical"].includes(p.severity), p.name);
            assert.ok(p.remediationSteps.length > 20, p.name);
            assert.match(p.url, /^https:\/\//, p.name);
            assert.ok(p.framework?.name && p.framework.reference && p.framework.specification, p.name);
            if (p.configSchema) {
                assert.deepStrictEqual(p.configSchema.required, [], p.name);
                assert.ok(!("enforcementLevel" in p.configSchema.properties), p.name);
                for (const [key, s] of Object.entries(p.configSchema.properties)) {
                    assert.ok(typeof s.description === "string" && s.description.length > 0, `${p.name}.${key}`);
                    assert.ok(fitsSchema(s.default, s), `${p.name}.${key} default fits its schema`);
                }
            }
        }
    });
    it("blocks the clear risks and advises on hygiene", () => {
        const level = (n: string) => info.policies.find((p) => p.name === n)!.enforcementLevel;
        for (const n of ["service-attachment-manual-acceptance", "firewall-no-public-sensitive-ports", "nat-subnet-purpose", "endpoint-allowed-producers", "dns-zone-private"]) {
            assert.strictEqual(level(n), "mandatory", n);
        }
        for (const n of ["firewall-logging-enabled", "firewall-no-all-ports-ingress", "required-labels"]) {
            assert.strictEqual(level(n), "advisory", n);
        }
    });
    it("config.example.json configures exactly the configurable rules, with every setting, each fitting its schema", () => {
        const configurable = info.policies.filter((p) => Object.keys(p.configSchema?.properties ?? {}).length > 0);
        assert.deepStrictEqual(Object.keys(example).sort(), configurable.map((p) => p.name).sort());
        for (const p of configurable) {
            const { enforcementLevel, ...settings } = example[p.name];
            assert.ok(enforcementLevel === undefined || ["advisory", "mandatory", "remediate", "disabled"].includes(enforcementLevel as string), p.name);
            assert.deepStrictEqual(Object.keys(settings).sort(), Object.keys(p.configSchema!.properties).sort(), p.name);
            for (const [key, value] of Object.entries(settings)) {
                assert.ok(fitsSchema(value, p.configSchema!.properties[key]), `${p.name}.${key}`);
            }
        }
    });
    it("accepts config.example.json and applies it", async () => {
        await pack().configure(example as any);
        const sa = await pack().analyze({
            type: T.serviceAttachment,
            props: { connectionPreference: "ACCEPT_MANUAL", consumerAcceptLists: [{ projectIdOrNum: "a", connectionLimit: 60 }] },
        });
        assert.match(of(sa, "service-attachment-accept-list-bounded")[0].message, /above maxConnectionLimit 50/);
        const ep = await pack().analyze({ type: T.forwardingRule, props: { loadBalancingScheme: "", target: "projects/other/regions/r/serviceAttachments/s" } });
        assert.strictEqual(of(ep, "endpoint-allowed-producers")[0].enforcementLevel, "mandatory");
        assert.deepStrictEqual(of(await pack().analyze({ type: T.forwardingRule, props: { target: "projects/123456789012/regions/r/serviceAttachments/s" } }), "endpoint-allowed-producers"), []);
        assert.strictEqual(of(await pack().analyze({ type: T.globalForwardingRule, props: { target: "all-apis" } }), "google-apis-endpoint-vpc-sc").length, 1);
        const stack = await pack().analyzeStack([res(T.managedZone, "z", { dnsName: "a.svc.internal.", visibility: "public" })]);
        assert.strictEqual(of(stack, "dns-zone-private").length, 1);
    });
    it("passes what secure components create, even with every rule at mandatory", async () => {
        const stack = secureStack();
        for (const pass of [{}, Object.fromEntries(EXPECTED.map((n) => [n, { enforcementLevel: "mandatory" }]))]) {
            await pack().configure(pass);
            for (const r of stack) {
                const result = await pack().analyze(r);
                assert.deepStrictEqual(result.diagnostics, [], r.name);
            }
            assert.deepStrictEqual((await pack().analyzeStack(stack)).diagnostics, []);
        }
    });
    it("reports stack rules only from AnalyzeStack and resource rules only from Analyze", async () => {
        const stack = secureStack().map((r) => (r.type === T.subnetwork ? { ...r, props: { ...r.props, purpose: "PRIVATE" } } : r));
        const fromStack = (await pack().analyzeStack(stack)).diagnostics.map((d) => d.policyName);
        assert.deepStrictEqual(fromStack, ["nat-subnet-purpose"]);
        for (const r of stack) {
            const names = (await pack().analyze(r)).diagnostics.map((d) => d.policyName);
            assert.ok(names.every((n) => !STACK_RULES.includes(n)), r.name);
        }
    });
});
