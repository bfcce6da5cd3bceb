import * as assert from "assert";
import { couldNotCheck, of, UNKNOWN, usePack } from "../../harness/policies";
import { notApplicable, T } from "./fixtures";

const SENSITIVE = "firewall-no-public-sensitive-ports";
const ALL_PORTS = "firewall-no-all-ports-ingress";
const LOGGING = "firewall-logging-enabled";

/** A producer firewall as a secure component creates it: NAT subnet + health checks, service port, logging. */
const producer = {
    network: "projects/prod/global/networks/vpc",
    direction: "INGRESS",
    sourceRanges: ["10.100.0.0/28", "35.191.0.0/16", "130.211.0.0/22"],
    allows: [{ protocol: "tcp", ports: ["443"] }],
    targetTags: ["backend"],
    logConfig: { metadata: "INCLUDE_ALL_METADATA" },
};
const open = (allows: any[], extra: Record<string, any> = {}) => ({ ...producer, sourceRanges: ["0.0.0.0/0"], allows, ...extra });

describe("gcp pack: firewall rules", () => {
    const pack = usePack("gcp");

    describe("firewall-no-public-sensitive-ports", () => {
        const check = async (props: Record<string, any>, type: string = T.firewall) => of(await pack().analyze({ type, name: "fw", props }), SENSITIVE);

        it("reports SSH open to 0.0.0.0/0 at mandatory", async () => {
            const d = await check(open([{ protocol: "tcp", ports: ["22"] }]));
            assert.strictEqual(d.length, 1);
            assert.strictEqual(d[0].enforcementLevel, "mandatory");
            assert.strictEqual(d[0].severity, "high");
            assert.match(d[0].message, /"fw" allows ingress from 0\.0\.0\.0\/0 to sensitive port 22 \(tcp 22\)/);
        });
        it("reports ::/0 as the whole internet too", async () => {
            const d = await check({ ...open([{ protocol: "tcp", ports: ["3389"] }]), sourceRanges: ["10.0.0.0/8", "::/0"] });
            assert.strictEqual(d.length, 1);
            assert.match(d[0].message, /from ::\/0 to sensitive port 3389/);
        });
        it("reads port ranges, numbers and missing ports as GCP does", async () => {
            assert.match((await check(open([{ protocol: "tcp", ports: ["20-25"] }])))[0].message, /ports 20, 21, 22, 23 \(tcp 20-25\)/);
            assert.match((await check(open([{ protocol: "tcp", ports: [3306] }])))[0].message, /port 3306/);
            assert.match((await check(open([{ protocol: "tcp" }])))[0].message, /\(tcp all ports\)/);
            assert.match((await check(open([{ protocol: "udp", ports: [] }])))[0].message, /\(udp all ports\)/);
        });
        it("reads protocols as GCP does: all, names, numbers", async () => {
            assert.match((await check(open([{ protocol: "all" }])))[0].message, /\(all all ports\)/);
            assert.strictEqual((await check(open([{ protocol: 6, ports: ["22"] }]))).length, 1);
            assert.strictEqual((await check(open([{ protocol: "6", ports: ["5432"] }]))).length, 1);
            // Protocol-aware (issue 11): UDP 6379 is not Redis, UDP 3389 is RDP.
            assert.strictEqual((await check(open([{ protocol: "17", ports: ["6379"] }]))).length, 0);
            assert.strictEqual((await check(open([{ protocol: "17", ports: ["3389"] }]))).length, 1);
            assert.strictEqual((await check(open([{ protocol: "sctp", ports: ["22"] }]))).length, 1);
            assert.strictEqual((await check(open([{ protocol: "TCP", ports: ["22"] }]))).length, 1);
            // Protocols without ports expose no port.
            assert.deepStrictEqual(await check(open([{ protocol: "icmp" }, { protocol: "esp" }, { protocol: "50" }])), []);
        });
        it("passes public ingress on non-sensitive ports and private sources on sensitive ones", async () => {
            assert.deepStrictEqual(await check(open([{ protocol: "tcp", ports: ["80", "443", "8000-8080"] }])), []);
            assert.deepStrictEqual(await check({ ...producer, allows: [{ protocol: "tcp", ports: ["22"] }], sourceRanges: ["35.235.240.0/20"] }), []);
            assert.deepStrictEqual(await check(producer), []);
        });
        it("treats a missing direction as INGRESS and exempts EGRESS", async () => {
            assert.strictEqual((await check(open([{ protocol: "tcp", ports: ["22"] }], { direction: undefined }))).length, 1);
            assert.strictEqual((await check(open([{ protocol: "tcp", ports: ["22"] }], { direction: 7 }))).length, 1);
            assert.deepStrictEqual(await check(open([{ protocol: "tcp", ports: ["22"] }], { direction: "EGRESS" })), []);
        });
        it("exempts disabled rules and deny-only rules", async () => {
            assert.deepStrictEqual(await check(open([{ protocol: "tcp", ports: ["22"] }], { disabled: true })), []);
            assert.deepStrictEqual(await check(open([{ protocol: "tcp", ports: ["22"] }], { disabled: "true" })), []);
            assert.strictEqual((await check(open([{ protocol: "tcp", ports: ["22"] }], { disabled: false }))).length, 1);
            assert.deepStrictEqual(await check({ ...open([]), allows: undefined, denies: [{ protocol: "tcp", ports: ["22"] }] }), []);
        });
        it("passes rules with missing sources and does not crash on wrong types", async () => {
            assert.deepStrictEqual(await check({ ...open([{ protocol: "tcp", ports: ["22"] }]), sourceRanges: undefined, sourceTags: ["web"] }), []);
            for (const props of [
                { sourceRanges: { x: 1 }, allows: [{ protocol: "tcp", ports: ["22"] }] },
                { sourceRanges: ["0.0.0.0/0"], allows: "tcp:22" },
                { sourceRanges: ["0.0.0.0/0"], allows: [null, 5, { protocol: { x: 1 } }] },
                { sourceRanges: [5, null], allows: [{ protocol: "tcp", ports: ["22"] }] },
            ]) {
                assert.deepStrictEqual(await check(props), [], JSON.stringify(props));
            }
            // Ports that cannot be read are reported, never taken as compliant (issue 11).
            const unreadable = await check({ sourceRanges: ["0.0.0.0/0"], allows: [{ protocol: "tcp", ports: [{ p: 22 }, "abc", "99999", "30-20"] }] });
            assert.strictEqual(unreadable.length, 1);
            assert.match(unreadable[0].message, /cannot be read/);
            // A single port string instead of a list still counts.
            assert.strictEqual((await check(open([{ protocol: "tcp", ports: "22" }]))).length, 1);
        });
        it("says it could not check unknown values", async () => {
            assert.ok(couldNotCheck(await pack().analyze({ type: T.firewall, props: { ...producer, sourceRanges: UNKNOWN } }), SENSITIVE));
            assert.ok(couldNotCheck(await pack().analyze({ type: T.firewall, props: open([{ protocol: "tcp", ports: [UNKNOWN] }]) }), SENSITIVE));
            assert.ok(couldNotCheck(await pack().analyze({ type: T.firewall, props: open([{ protocol: "tcp", ports: ["22"] }], { direction: UNKNOWN }) }), SENSITIVE));
        });
        it("reads only what it needs: unknown ports of an egress, disabled or private-source rule do not matter", async () => {
            for (const props of [
                open([{ protocol: "tcp", ports: [UNKNOWN] }], { direction: "EGRESS" }),
                open([{ protocol: "tcp", ports: [UNKNOWN] }], { disabled: true }),
                { ...producer, allows: [{ protocol: "tcp", ports: [UNKNOWN] }] },
            ]) {
                const r = await pack().analyze({ type: T.firewall, props });
                assert.ok(!couldNotCheck(r, SENSITIVE), JSON.stringify(props));
                assert.deepStrictEqual(of(r, SENSITIVE), []);
            }
        });
        it("takes sensitivePorts from configuration, ignoring wrong-typed values", async () => {
            await pack().configure({ [SENSITIVE]: { sensitivePorts: [8080] } });
            assert.deepStrictEqual(await check(open([{ protocol: "tcp", ports: ["22"] }])), []);
            assert.match((await check(open([{ protocol: "tcp", ports: ["8000-8100"] }])))[0].message, /port 8080/);
            await pack().configure({ [SENSITIVE]: { sensitivePorts: "22" } });
            assert.strictEqual((await check(open([{ protocol: "tcp", ports: ["21"] }]))).length, 1);
            await pack().configure({ [SENSITIVE]: { sensitivePorts: ["22", 3389] } });
            assert.deepStrictEqual(await check(open([{ protocol: "tcp", ports: ["22"] }])), []);
            assert.strictEqual((await check(open([{ protocol: "tcp", ports: ["3389"] }]))).length, 1);
        });
        it("checks firewall-policy rules: srcIpRanges, layer4Configs and action", async () => {
            const rule = (action: string, extra: Record<string, any> = {}) => ({
                action,
                direction: "INGRESS",
                priority: 1000,
                firewallPolicy: "policy",
                enableLogging: true,
                match: { srcIpRanges: ["0.0.0.0/0"], layer4Configs: [{ ipProtocol: "tcp", ports: ["22"] }] },
                ...extra,
            });
            for (const type of [T.networkFirewallPolicyRule, T.regionNetworkFirewallPolicyRule, T.firewallPolicyRule]) {
                assert.strictEqual((await check(rule("allow"), type)).length, 1, type);
                assert.deepStrictEqual(await check(rule("deny"), type), [], type);
                assert.deepStrictEqual(await check(rule("goto_next"), type), [], type);
                assert.deepStrictEqual(await check(rule("allow", { direction: "EGRESS" }), type), [], type);
                assert.deepStrictEqual(await check(rule("allow", { disabled: true }), type), [], type);
                assert.deepStrictEqual(await check(rule("allow", { match: { srcIpRanges: ["10.0.0.0/8"], layer4Configs: [{ ipProtocol: "all" }] } }), type), [], type);
                assert.deepStrictEqual(await check(rule("allow", { match: "oops" }), type), [], type);
            }
        });
        it("is not applicable to other types", async () => {
            assert.ok(notApplicable(await pack().analyze({ type: T.subnetwork, props: {} }), SENSITIVE));
        });
        it("publishes its metadata", async () => {
            const p = (await pack().info()).policies.find((x) => x.name === SENSITIVE)!;
            assert.strictEqual(p.enforcementLevel, "mandatory");
            assert.strictEqual(p.severity, "high");
            assert.strictEqual(p.framework?.name, "CIS Google Cloud Platform Foundation Benchmark");
            assert.strictEqual(p.framework?.reference, "3.6, 3.7");
            assert.match(p.framework?.specification ?? "", /CKV_GCP_2\/3/);
            assert.match(p.framework?.specification ?? "", /OPEN_SSH_PORT, OPEN_RDP_PORT/);
            assert.deepStrictEqual(p.configSchema?.properties.sensitivePorts.default, [20, 21, 22, 23, 445, 1433, 3306, 3389, 5432, 6379, 9200, 27017]);
        });
    });

    describe("firewall-no-all-ports-ingress", () => {
        const check = async (props: Record<string, any>, type: string = T.firewall) => of(await pack().analyze({ type, name: "fw", props }), ALL_PORTS);

        it("reports an ingress rule opening every port, from any source, as advisory", async () => {
            const d = await check({ ...producer, allows: [{ protocol: "tcp" }] });
            assert.strictEqual(d.length, 1);
            assert.strictEqual(d[0].enforcementLevel, "advisory");
            assert.match(d[0].message, /"fw" allows ingress on all ports \(tcp\)/);
            assert.strictEqual((await check({ ...producer, allows: [{ protocol: "all" }] })).length, 1);
            assert.strictEqual((await check({ ...producer, allows: [{ protocol: "udp", ports: ["0-65535"] }] })).length, 1);
            assert.strictEqual((await check({ ...producer, allows: [{ protocol: "tcp", ports: ["1-65535"] }, { protocol: "udp" }] })).length, 1);
        });
        it("passes named ports, portless protocols, egress and disabled rules", async () => {
            assert.deepStrictEqual(await check(producer), []);
            assert.deepStrictEqual(await check({ ...producer, allows: [{ protocol: "icmp" }] }), []);
            assert.deepStrictEqual(await check({ ...producer, allows: [{ protocol: "all" }], direction: "EGRESS" }), []);
            assert.deepStrictEqual(await check({ ...producer, allows: [{ protocol: "all" }], disabled: true }), []);
        });
        it("checks firewall-policy rules", async () => {
            const props = { action: "allow", direction: "INGRESS", match: { srcIpRanges: ["10.0.0.0/8"], layer4Configs: [{ ipProtocol: "all" }] } };
            assert.strictEqual((await check(props, T.networkFirewallPolicyRule)).length, 1);
            assert.deepStrictEqual(await check({ ...props, action: "deny" }, T.networkFirewallPolicyRule), []);
        });
        it("does not crash on missing or wrong-typed values", async () => {
            for (const props of [{}, { allows: 5 }, { allows: [{}] }, { allows: [{ protocol: [] }] }, { match: { layer4Configs: [null] } }]) {
                await check(props);
                await check(props, T.networkFirewallPolicyRule);
            }
            // An entry without a protocol is read as "all" (the safe reading).
            assert.strictEqual((await check({ allows: [{}] })).length, 1);
        });
        it("says it could not check an unknown value", async () => {
            assert.ok(couldNotCheck(await pack().analyze({ type: T.firewall, props: { ...producer, allows: UNKNOWN } }), ALL_PORTS));
        });
        it("publishes its metadata", async () => {
            const p = (await pack().info()).policies.find((x) => x.name === ALL_PORTS)!;
            assert.strictEqual(p.enforcementLevel, "advisory");
            assert.strictEqual(p.severity, "medium");
            assert.strictEqual(p.framework?.reference, "AVD-GCP-0072");
        });
    });

    describe("firewall-logging-enabled", () => {
        const check = async (props: Record<string, any>, type: string = T.firewall) => of(await pack().analyze({ type, name: "fw", props }), LOGGING);

        it("reports a rule without logConfig as advisory", async () => {
            const d = await check({ ...producer, logConfig: undefined });
            assert.strictEqual(d.length, 1);
            assert.strictEqual(d[0].enforcementLevel, "advisory");
            assert.strictEqual(d[0].severity, "low");
            assert.match(d[0].message, /"fw" does not log; set logConfig\.metadata to INCLUDE_ALL_METADATA/);
        });
        it("passes either metadata value, and the deprecated enableLogging", async () => {
            assert.deepStrictEqual(await check(producer), []);
            assert.deepStrictEqual(await check({ ...producer, logConfig: { metadata: "EXCLUDE_ALL_METADATA" } }), []);
            assert.deepStrictEqual(await check({ ...producer, logConfig: undefined, enableLogging: true }), []);
        });
        it("reports invalid metadata (GCP enums are case-sensitive)", async () => {
            const d = await check({ ...producer, logConfig: { metadata: "include_all_metadata" } });
            assert.strictEqual(d.length, 1);
            assert.match(d[0].message, /has logConfig\.metadata "include_all_metadata"/);
        });
        it("does not crash on wrong types", async () => {
            for (const logConfig of ["yes", 5, { metadata: 1 }, [], null]) {
                assert.strictEqual((await check({ ...producer, logConfig })).length, 1, JSON.stringify(logConfig));
            }
            assert.strictEqual((await check({ ...producer, logConfig: undefined, enableLogging: "yes" })).length, 1);
        });
        it("checks enableLogging on firewall-policy rules", async () => {
            for (const type of [T.networkFirewallPolicyRule, T.regionNetworkFirewallPolicyRule, T.firewallPolicyRule]) {
                assert.deepStrictEqual(await check({ action: "allow", enableLogging: true }, type), [], type);
                assert.match((await check({ action: "allow" }, type))[0].message, /firewall policy rule "fw" does not log; set enableLogging to true/);
            }
        });
        it("says it could not check an unknown value", async () => {
            assert.ok(couldNotCheck(await pack().analyze({ type: T.firewall, props: { ...producer, logConfig: { metadata: UNKNOWN } } }), LOGGING));
            assert.ok(couldNotCheck(await pack().analyze({ type: T.firewall, props: { ...producer, logConfig: UNKNOWN } }), LOGGING));
        });
        it("can be made mandatory by configuration", async () => {
            await pack().configure({ [LOGGING]: { enforcementLevel: "mandatory" } });
            assert.strictEqual((await check({ ...producer, logConfig: undefined }))[0].enforcementLevel, "mandatory");
        });
        it("publishes its metadata", async () => {
            const p = (await pack().info()).policies.find((x) => x.name === LOGGING)!;
            assert.strictEqual(p.enforcementLevel, "advisory");
            assert.strictEqual(p.framework?.reference, "FIREWALL_RULE_LOGGING_DISABLED");
            assert.match(p.remediationSteps, /INCLUDE_ALL_METADATA/);
        });
    });
});
