/**
 * The evasions of issue 11 on the Google Cloud pack: the internet split into pieces in
 * `sourceRanges`, the API's default source (no sources, or `[""]`), a known violation beside an
 * unknown allow entry, ports that cannot be read, UDP on a TCP-only port, a literal NAT subnet of a
 * subnet being replaced, prototype keys.
 */
import * as assert from "assert";
import { couldNotCheck, of, UNKNOWN, usePack } from "../../harness/policies";
import { COMPUTE, res, T } from "./fixtures";

const SENSITIVE = "firewall-no-public-sensitive-ports";
const BROAD = "firewall-no-broad-source-ranges";

const fw = (props: Record<string, any>) => ({ direction: "INGRESS", network: "projects/p/global/networks/vpc", logConfig: { metadata: "INCLUDE_ALL_METADATA" }, ...props });
const ssh = [{ protocol: "tcp", ports: ["22"] }];

describe("gcp pack: evasions", () => {
    const pack = usePack("gcp");
    const check = async (props: Record<string, any>, rule = SENSITIVE) => of(await pack().analyze({ type: T.firewall, name: "fw", props: fw(props) }), rule);

    it("reports the internet split into pieces in sourceRanges, IPv4 and IPv6", async () => {
        assert.strictEqual((await check({ sourceRanges: ["0.0.0.0/1", "128.0.0.0/1"], allows: ssh })).length, 1);
        assert.strictEqual((await check({ sourceRanges: ["::/1", "8000::/1"], allows: ssh })).length, 1);
        assert.deepStrictEqual(await check({ sourceRanges: ["0.0.0.0/1", "128.0.0.0/2"], allows: ssh }), []);
    });
    it("reports a rule without sources and one with sourceRanges [\"\"] as open to 0.0.0.0/0, as the API applies them", async () => {
        const none = await check({ allows: ssh });
        assert.strictEqual(none.length, 1);
        assert.match(none[0].message, /no sourceRanges, sourceTags or sourceServiceAccounts/);
        assert.strictEqual((await check({ sourceRanges: [], allows: ssh })).length, 1);
        const empty = await check({ sourceRanges: [""], allows: ssh });
        assert.strictEqual(empty.length, 1);
        assert.match(empty[0].message, /empty string in sourceRanges/);
        // Sources by tag or service account need no range.
        assert.deepStrictEqual(await check({ sourceTags: ["web"], allows: ssh }), []);
        assert.deepStrictEqual(await check({ sourceServiceAccounts: ["sa@p.iam.gserviceaccount.com"], allows: ssh }), []);
    });
    it("reports broad single ranges (and the default source) at advisory", async () => {
        assert.strictEqual((await check({ sourceRanges: ["0.0.0.0/1"], allows: [{ protocol: "tcp", ports: ["443"] }] }, BROAD)).length, 1);
        assert.strictEqual((await check({ allows: [{ protocol: "tcp", ports: ["443"] }] }, BROAD)).length, 1);
        assert.deepStrictEqual(await check({ sourceRanges: ["10.0.0.0/8"], allows: ssh }, BROAD), []);
    });
    it("reports the known open entry beside an entry with unknown ports, and says it could not check that one", async () => {
        const r = await pack().analyze({ type: T.firewall, name: "fw", props: fw({ sourceRanges: ["0.0.0.0/0"], allows: [{ protocol: "tcp", ports: UNKNOWN }, { protocol: "tcp", ports: ["22"] }] }) });
        assert.strictEqual(of(r, SENSITIVE).filter((d) => d.enforcementLevel === "mandatory").length, 1);
        assert.ok(couldNotCheck(r, SENSITIVE));
    });
    it("reports ports it cannot read, never passes them", async () => {
        for (const spec of ["22-", "22-21", "all", "", "1e1", "22,3389", 22.5]) {
            const d = await check({ sourceRanges: ["0.0.0.0/0"], allows: [{ protocol: "tcp", ports: [spec] }] });
            assert.strictEqual(d.length, 1, JSON.stringify(spec));
            assert.match(d[0].message, /cannot be read/);
        }
    });
    it("does not count UDP 22 as SSH", async () => {
        assert.deepStrictEqual(await check({ sourceRanges: ["0.0.0.0/0"], allows: [{ protocol: "udp", ports: ["22"] }] }), []);
    });
    it("counts UDP 3389 as RDP, and honours port/protocol entries of sensitivePorts", async () => {
        assert.strictEqual((await check({ sourceRanges: ["0.0.0.0/0"], allows: [{ protocol: "udp", ports: ["3389"] }] })).length, 1);
        await pack().configure({ [SENSITIVE]: { sensitivePorts: ["53/udp"] } });
        assert.strictEqual((await check({ sourceRanges: ["0.0.0.0/0"], allows: [{ protocol: "udp", ports: ["53"] }] })).length, 1);
        assert.deepStrictEqual(await check({ sourceRanges: ["0.0.0.0/0"], allows: [{ protocol: "tcp", ports: ["53"] }] }), []);
        await pack().configure({});
    });
    it("counts a smaller union as the internet when configured, for IPv4 and IPv6", async () => {
        await pack().configure({ [SENSITIVE]: { internetIpv4PrefixLength: 1, internetIpv6PrefixLength: 1 } });
        assert.strictEqual((await check({ sourceRanges: ["0.0.0.0/1"], allows: ssh })).length, 1);
        assert.strictEqual((await check({ sourceRanges: ["::/1"], allows: ssh })).length, 1);
        assert.deepStrictEqual(await check({ sourceRanges: ["0.0.0.0/2"], allows: ssh }), []);
        await pack().configure({});
        assert.deepStrictEqual(await check({ sourceRanges: ["::/1"], allows: ssh }), []);
    });
    it("says nat-subnet-purpose could not check a literal NAT subnet while a subnet of the stack is being replaced", async () => {
        const subnet = res(T.subnetwork, "nat", { name: UNKNOWN, id: UNKNOWN, selfLink: UNKNOWN, purpose: "PRIVATE", region: "r", project: "p" });
        const attachment = res(T.serviceAttachment, "sa", { natSubnets: [`${COMPUTE}/projects/p/regions/r/subnetworks/nat-old`], region: "r", project: "p", connectionPreference: "ACCEPT_MANUAL" });
        assert.ok(couldNotCheck(await pack().analyzeStack([subnet, attachment]), "nat-subnet-purpose"));
    });
    it("reports a missing required label named like an Object.prototype member", async () => {
        await pack().configure({ "required-labels": { requiredKeys: ["constructor"], onlyComponentResources: false } });
        const d = of(await pack().analyze({ type: T.address, name: "a", props: { labels: { "managed-by": "privatelink" } } }), "required-labels");
        assert.strictEqual(d.length, 1);
    });
});
