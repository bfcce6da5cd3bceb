import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { outputsOf, startMocks } from "../../harness/mocks";
import { describeEdits } from "../../harness/edits";
import { GcpDnsRecordType, GcpPrivateDnsZone, GcpPrivateDnsZoneArgs, validateGcpPrivateDnsZoneArgs } from "../../../components/gcp";
import { assertGraph, COMPUTE, expectProviderReachesEveryChild, graph, T, rejectionTable } from "./fixtures";

const HUB = "projects/hub-project/global/networks/hub-vpc";
const SPOKE = "projects/spoke-project/global/networks/spoke-vpc";

function minimal(): GcpPrivateDnsZoneArgs {
    return { dnsName: "svc.internal.", networks: [HUB] };
}

function maximal(): GcpPrivateDnsZoneArgs {
    return {
        dnsName: "SVC.Internal",
        networks: [SPOKE, HUB],
        gkeClusters: ["projects/spoke-project/locations/europe-west3/clusters/apps"],
        records: [
            { name: "orders", type: GcpDnsRecordType.A, values: ["10.10.0.51", "10.10.0.50"] },
            { name: "orders", type: GcpDnsRecordType.AAAA, values: ["fd20::50"], ttl: 60 },
            { name: "@", type: GcpDnsRecordType.TXT, values: ["\"owner=platform\""] },
            { name: "*.legacy", type: GcpDnsRecordType.CNAME, values: ["orders.svc.internal."] },
            { name: "payments.svc.internal.", type: GcpDnsRecordType.A, values: ["10.10.0.60"] },
        ],
        project: "hub-project",
        description: "hub zone",
        forceDestroy: true,
        labels: { team: "network" },
    };
}

describe("GcpPrivateDnsZone", function () {
    this.timeout(60000);

    describe("graph", () => {
        it("creates a private zone visible to the networks", async () => {
            const rec = await startMocks();
            const hub = new GcpPrivateDnsZone("hub", minimal());
            await rec.settle();
            assertGraph(graph(rec, "hub", T.dnsZone), [`${T.zone} hub-zone`]);
            const zone = rec.one("hub-zone").inputs;
            assert.deepStrictEqual(
                [zone.dnsName, zone.visibility, zone.privateVisibilityConfig, zone.forceDestroy, zone.labels],
                ["svc.internal.", "private", { networks: [{ networkUrl: `${COMPUTE}/${HUB}` }], gkeClusters: [] }, false, { "managed-by": "privatelink", "privatelink-component": "hub" }],
            );
            const out = await outputsOf(hub, ["zoneName", "zoneId", "dnsName", "recordNames", "networkUrls"]);
            assert.deepStrictEqual(out, { zoneName: "hub-zone-0a1b2c3", zoneId: "hub-zone-id", dnsName: "svc.internal.", recordNames: [], networkUrls: [`${COMPUTE}/${HUB}`] });
        });

        it("shares the zone with every network and cluster and writes each record set, named after its name and type", async () => {
            const rec = await startMocks();
            const hub = new GcpPrivateDnsZone("hub", maximal());
            await rec.settle();
            assertGraph(graph(rec, "hub", T.dnsZone), [
                `${T.zone} hub-zone`,
                `${T.record} hub-record-orders-a`,
                `${T.record} hub-record-orders-aaaa`,
                `${T.record} hub-record-apex-txt`,
                `${T.record} hub-record-wildcard-legacy-cname`,
                `${T.record} hub-record-payments-a`,
            ]);
            const zone = rec.one("hub-zone").inputs;
            assert.deepStrictEqual(zone.privateVisibilityConfig, {
                networks: [{ networkUrl: `${COMPUTE}/${HUB}` }, { networkUrl: `${COMPUTE}/${SPOKE}` }],
                gkeClusters: [{ gkeClusterName: "projects/spoke-project/locations/europe-west3/clusters/apps" }],
            });
            assert.deepStrictEqual([zone.dnsName, zone.project, zone.description, zone.forceDestroy, zone.labels.team], ["svc.internal.", "hub-project", "hub zone", true, "network"]);
            const r = (n: string) => rec.one(n).inputs;
            assert.deepStrictEqual([r("hub-record-orders-a").name, r("hub-record-orders-a").rrdatas, r("hub-record-orders-a").ttl], ["orders.svc.internal.", ["10.10.0.50", "10.10.0.51"], 300]);
            assert.deepStrictEqual([r("hub-record-orders-aaaa").type, r("hub-record-orders-aaaa").ttl], ["AAAA", 60]);
            assert.deepStrictEqual([r("hub-record-apex-txt").name, r("hub-record-apex-txt").rrdatas], ["svc.internal.", ["\"owner=platform\""]]);
            assert.deepStrictEqual([r("hub-record-wildcard-legacy-cname").name, r("hub-record-wildcard-legacy-cname").rrdatas], ["*.legacy.svc.internal.", ["orders.svc.internal."]]);
            assert.strictEqual(r("hub-record-payments-a").name, "payments.svc.internal.");
            for (const record of rec.ofType(T.record)) {
                assert.strictEqual(record.inputs.managedZone, "hub-zone-0a1b2c3");
                assert.strictEqual(record.inputs.project, "hub-project");
            }
            const out = await outputsOf(hub, ["recordNames", "networkUrls"]);
            assert.deepStrictEqual(out.recordNames, ["orders.svc.internal", "orders.svc.internal", "svc.internal", "*.legacy.svc.internal", "payments.svc.internal"]);
            assert.deepStrictEqual(out.networkUrls, [`${COMPUTE}/${HUB}`, `${COMPUTE}/${SPOKE}`]);
        });

        it("takes record data that is known only at deployment, e.g. an endpoint's address", async () => {
            const rec = await startMocks();
            new GcpPrivateDnsZone("hub", { ...minimal(), records: [{ name: "orders", type: GcpDnsRecordType.A, values: [pulumi.output("10.10.0.50")] }] });
            await rec.settle();
            assert.deepStrictEqual(rec.one("hub-record-orders-a").inputs.rrdatas, ["10.10.0.50"]);
        });

        it("passes a gcp provider for another project from the providers map to every child", async () => {
            await expectProviderReachesEveryChild("hub", T.dnsZone, (providers) => {
                new GcpPrivateDnsZone("hub", maximal(), { providers });
            });
        });
    });

    describe("validation", () => {
        const rejects = rejectionTable("GcpPrivateDnsZone", "hub", (name, args: GcpPrivateDnsZoneArgs) => new GcpPrivateDnsZone(name, args));
        const m = minimal;
        const rec = (r: object) => ({ ...m(), records: [r] });

        rejects("a zone name of one label", () => ({ ...m(), dnsName: "internal" }), "dnsName");
        rejects("a zone name that is not a DNS name", () => ({ ...m(), dnsName: "svc..internal" }), "dnsName");
        rejects("a missing zone name", () => ({ ...m(), dnsName: undefined }), "dnsName");
        rejects("no network", () => ({ ...m(), networks: [] }), "networks");
        rejects("a missing network list", () => ({ ...m(), networks: undefined }), "networks");
        rejects("a network by bare name", () => ({ ...m(), networks: ["hub-vpc"] }), "networks[0]");
        rejects("a network listed twice in two forms", () => ({ ...m(), networks: [HUB, `${COMPUTE}/${HUB}`] }), "networks[1]");
        rejects("a GKE cluster that is not a cluster id", () => ({ ...m(), gkeClusters: ["apps"] }), "gkeClusters[0]");
        rejects("a record outside the zone", () => rec({ name: "orders.example.com.", type: "A", values: ["10.0.0.1"] }), "records[0].name");
        rejects("an unknown record type", () => rec({ name: "orders", type: "ALIAS", values: ["10.0.0.1"] }), "records[0].type");
        rejects("an A record with an IPv6 value", () => rec({ name: "orders", type: "A", values: ["fd20::1"] }), "records[0].values[0]");
        rejects("an AAAA record with an IPv4 value", () => rec({ name: "orders", type: "AAAA", values: ["10.0.0.1"] }), "records[0].values[0]");
        rejects("a CNAME target without its trailing dot", () => rec({ name: "www", type: "CNAME", values: ["orders.svc.internal"] }), "records[0].values[0]");
        rejects("a CNAME with two targets", () => rec({ name: "www", type: "CNAME", values: ["a.svc.internal.", "b.svc.internal."] }), "records[0].values");
        rejects("a CNAME at the apex", () => rec({ name: "@", type: "CNAME", values: ["a.example.com."] }), "records[0].name");
        rejects("a record without values", () => rec({ name: "orders", type: "A", values: [] }), "records[0].values");
        rejects("a TTL out of range", () => rec({ name: "orders", type: "A", values: ["10.0.0.1"], ttl: 1e9 }), "records[0].ttl");
        rejects(
            "two records of one name and type",
            () => ({ ...m(), records: [{ name: "orders", type: "A", values: ["10.0.0.1"] }, { name: "orders.svc.internal.", type: "A", values: ["10.0.0.2"] }] }),
            "records[1].name",
        );
        rejects(
            "a CNAME next to another record of its name",
            () => ({ ...m(), records: [{ name: "orders", type: "A", values: ["10.0.0.1"] }, { name: "orders", type: "CNAME", values: ["x.svc.internal."] }] }),
            "records[1].type",
        );
        rejects("labels with a key Google Cloud does not allow", () => ({ ...m(), labels: { "1team": "x" } }), "labels.1team");
        rejects("a logical name Google Cloud names cannot start with", () => m(), "name", "Hub");
        rejects("no arguments", () => undefined, "args");

        it("accepts valid arguments", () => {
            assert.doesNotThrow(() => validateGcpPrivateDnsZoneArgs("hub", minimal()));
            assert.doesNotThrow(() => validateGcpPrivateDnsZoneArgs("hub", maximal()));
            assert.doesNotThrow(() => validateGcpPrivateDnsZoneArgs("hub", { ...minimal(), networks: [pulumi.output("x")], forceDestroy: pulumi.output(true) }));
        });
    });

    const zone = "hub-zone";
    const withRecords = (...records: GcpPrivateDnsZoneArgs["records"] & object): GcpPrivateDnsZoneArgs => ({ ...minimal(), records });
    const orders = { name: "orders", type: GcpDnsRecordType.A, values: ["10.10.0.50"] };
    const payments = { name: "payments", type: GcpDnsRecordType.A, values: ["10.10.0.60"] };
    describeEdits("GcpPrivateDnsZone", (args: GcpPrivateDnsZoneArgs) => new GcpPrivateDnsZone("hub", args), [
        {
            edit: "add a network",
            before: minimal(),
            after: { ...minimal(), networks: [HUB, SPOKE] },
            expect: { changed: { [zone]: ["privateVisibilityConfig"] } },
        },
        {
            edit: "remove a network",
            before: { ...minimal(), networks: [HUB, SPOKE] },
            after: minimal(),
            expect: { changed: { [zone]: ["privateVisibilityConfig"] } },
        },
        {
            edit: "reorder the networks (a set: no diff)",
            before: { ...minimal(), networks: [HUB, SPOKE] },
            after: { ...minimal(), networks: [SPOKE, HUB] },
            expect: {},
        },
        {
            edit: "add a GKE cluster",
            before: minimal(),
            after: { ...minimal(), gkeClusters: ["projects/p/locations/europe-west3/clusters/apps"] },
            expect: { changed: { [zone]: ["privateVisibilityConfig"] } },
        },
        {
            edit: "add a record",
            before: withRecords(orders),
            after: withRecords(orders, payments),
            expect: { created: ["hub-record-payments-a"] },
        },
        {
            edit: "remove a record",
            before: withRecords(orders, payments),
            after: withRecords(payments),
            expect: { deleted: ["hub-record-orders-a"] },
        },
        {
            edit: "reorder the records (no diff)",
            before: withRecords(orders, payments),
            after: withRecords(payments, orders),
            expect: {},
        },
        {
            edit: "add a value to a record",
            before: withRecords(orders),
            after: withRecords({ ...orders, values: ["10.10.0.50", "10.10.0.51"] }),
            expect: { changed: { "hub-record-orders-a": ["rrdatas"] } },
        },
        {
            edit: "reorder a record's values (a set: no diff)",
            before: withRecords({ ...orders, values: ["10.10.0.51", "10.10.0.50"] }),
            after: withRecords({ ...orders, values: ["10.10.0.50", "10.10.0.51"] }),
            expect: {},
        },
        {
            edit: "write a record's name in full instead of relative (no diff)",
            before: withRecords(orders),
            after: withRecords({ ...orders, name: "orders.svc.internal." }),
            expect: {},
        },
        {
            edit: "change a record's TTL",
            before: withRecords(orders),
            after: withRecords({ ...orders, ttl: 60 }),
            expect: { changed: { "hub-record-orders-a": ["ttl"] } },
        },
        {
            edit: "add a label",
            before: minimal(),
            after: { ...minimal(), labels: { team: "network" } },
            expect: { changed: { [zone]: ["labels"] } },
        },
        {
            edit: "allow destroying the zone with foreign records",
            before: minimal(),
            after: { ...minimal(), forceDestroy: true },
            expect: { changed: { [zone]: ["forceDestroy"] } },
        },
        {
            edit: "write the zone name in another case, without its dot (no diff)",
            before: minimal(),
            after: { ...minimal(), dnsName: "SVC.internal" },
            expect: {},
        },
    ]);
});
