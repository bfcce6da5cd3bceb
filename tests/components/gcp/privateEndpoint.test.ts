import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { outputsOf, startMocks } from "../../harness/mocks";
import { describeEdits } from "../../harness/edits";
import { GcpPrivateEndpoint, GcpPrivateEndpointArgs, validateGcpPrivateEndpointArgs } from "../../../components/gcp";
import { assertGraph, COMPUTE, expectProviderReachesEveryChild, graph, REF, T, rejectionTable } from "./fixtures";

function minimal(): GcpPrivateEndpointArgs {
    return { serviceReference: REF.attachment, network: REF.consumerNetwork, subnetwork: REF.consumerSubnet };
}

function withZone(): GcpPrivateEndpointArgs {
    return { ...minimal(), privateZone: { dnsName: "orders.svc.internal." } };
}

function maximal(): GcpPrivateEndpointArgs {
    return {
        serviceReference: `${COMPUTE}/${REF.attachment}`,
        network: REF.consumerNetwork,
        subnetwork: REF.consumerSubnet,
        region: "europe-west3",
        project: "consumer-project",
        ipAddress: "10.10.0.50",
        allowGlobalAccess: true,
        recreateClosedPsc: false,
        noAutomateDnsZone: true,
        serviceDirectory: { namespace: "orders-ns", service: "orders" },
        privateZone: {
            dnsName: "Orders.SVC.internal",
            recordNames: ["@", "api", "*"],
            networks: [REF.consumerNetwork2, REF.consumerNetwork],
            ttl: 60,
            description: "orders names",
        },
        description: "orders client",
        labels: { team: "payments" },
    };
}

const LABELS = { "managed-by": "privatelink", "privatelink-component": "orders-client", team: "payments" };

describe("GcpPrivateEndpoint", function () {
    this.timeout(60000);

    describe("graph", () => {
        it("reserves an internal address and connects a forwarding rule with an empty scheme to the attachment", async () => {
            const rec = await startMocks();
            const pe = new GcpPrivateEndpoint("orders-client", minimal());
            await rec.settle();
            assertGraph(graph(rec, "orders-client", T.endpoint), [`${T.address} orders-client-address`, `${T.forwardingRule} orders-client-endpoint`]);
            const address = rec.one("orders-client-address");
            assert.deepStrictEqual(
                { addressType: address.inputs.addressType, subnetwork: address.inputs.subnetwork, region: address.inputs.region, ipVersion: address.inputs.ipVersion, address: address.inputs.address },
                { addressType: "INTERNAL", subnetwork: REF.consumerSubnet, region: "europe-west3", ipVersion: undefined, address: undefined },
            );
            const rule = rec.one("orders-client-endpoint");
            assert.strictEqual(rule.inputs.target, REF.attachment);
            assert.strictEqual(rule.inputs.loadBalancingScheme, "", "PSC endpoints need an explicit empty scheme");
            assert.strictEqual(rule.inputs.network, REF.consumerNetwork);
            assert.strictEqual(rule.inputs.ipAddress, `${COMPUTE}/projects/mock-project/regions/europe-west3/addresses/orders-client-address-0a1b2c3`);
            assert.deepStrictEqual(rule.propertyDependencies.ipAddress, [address.urn]);
            assert.strictEqual(rule.inputs.region, "europe-west3", "the region comes from the attachment");
            assert.strictEqual(rule.inputs.allowPscGlobalAccess, false);
            assert.strictEqual(rule.inputs.recreateClosedPsc, true);
            assert.strictEqual(rule.inputs.noAutomateDnsZone, false);
            assert.strictEqual(rule.inputs.serviceDirectoryRegistrations, undefined);
            assert.strictEqual(rule.deleteBeforeReplace, true, "a replacement frees the address first");
            for (const r of [address, rule]) {
                assert.deepStrictEqual(r.inputs.labels, { "managed-by": "privatelink", "privatelink-component": "orders-client" });
            }
            const out = await outputsOf(pe, ["endpointId", "endpointSelfLink", "privateIps", "dnsNames", "connectionState", "pscConnectionId", "zoneName"]);
            assert.deepStrictEqual(out, {
                endpointId: "orders-client-endpoint-id",
                endpointSelfLink: `${COMPUTE}/projects/mock-project/regions/europe-west3/forwardingRules/orders-client-endpoint-0a1b2c3`,
                privateIps: ["10.10.0.50"],
                dnsNames: [],
                connectionState: "ACCEPTED",
                pscConnectionId: "81985529216486895",
                zoneName: undefined,
            });
        });

        it("creates a private zone visible to the consumer network with an A record for its apex", async () => {
            const rec = await startMocks();
            const pe = new GcpPrivateEndpoint("orders-client", withZone());
            await rec.settle();
            assertGraph(graph(rec, "orders-client", T.endpoint), [
                `${T.address} orders-client-address`,
                `${T.zone} orders-client-zone`,
                `${T.record} orders-client-record-apex`,
                `${T.forwardingRule} orders-client-endpoint`,
            ]);
            const zone = rec.one("orders-client-zone");
            assert.strictEqual(zone.inputs.dnsName, "orders.svc.internal.");
            assert.strictEqual(zone.inputs.visibility, "private");
            assert.deepStrictEqual(zone.inputs.privateVisibilityConfig, { networks: [{ networkUrl: `${COMPUTE}/${REF.consumerNetwork}` }], gkeClusters: [] });
            const record = rec.one("orders-client-record-apex");
            assert.deepStrictEqual(
                { name: record.inputs.name, type: record.inputs.type, rrdatas: record.inputs.rrdatas, ttl: record.inputs.ttl, managedZone: record.inputs.managedZone },
                { name: "orders.svc.internal.", type: "A", rrdatas: ["10.10.0.50"], ttl: 300, managedZone: "orders-client-zone-0a1b2c3" },
            );
            assert.deepStrictEqual(record.propertyDependencies.managedZone, [zone.urn]);
            assert.deepStrictEqual(record.propertyDependencies.rrdatas, [rec.one("orders-client-address").urn]);
            const out = await outputsOf(pe, ["dnsNames", "zoneName"]);
            assert.deepStrictEqual(out, { dnsNames: ["orders.svc.internal"], zoneName: "orders-client-zone-0a1b2c3" });
        });

        it("sets every option of the maximal arguments", async () => {
            const rec = await startMocks();
            const pe = new GcpPrivateEndpoint("orders-client", maximal());
            await rec.settle();
            assertGraph(graph(rec, "orders-client", T.endpoint), [
                `${T.address} orders-client-address`,
                `${T.zone} orders-client-zone`,
                `${T.record} orders-client-record-api`,
                `${T.record} orders-client-record-apex`,
                `${T.record} orders-client-record-wildcard`,
                `${T.forwardingRule} orders-client-endpoint`,
            ]);
            const address = rec.one("orders-client-address").inputs;
            assert.deepStrictEqual([address.address, address.project, address.description, address.labels], ["10.10.0.50", "consumer-project", "orders client", LABELS]);
            const rule = rec.one("orders-client-endpoint").inputs;
            assert.strictEqual(rule.target, `${COMPUTE}/${REF.attachment}`);
            assert.strictEqual(rule.allowPscGlobalAccess, true);
            assert.strictEqual(rule.recreateClosedPsc, false);
            assert.strictEqual(rule.noAutomateDnsZone, true);
            assert.deepStrictEqual(rule.serviceDirectoryRegistrations, { namespace: "orders-ns", service: "orders" });
            assert.deepStrictEqual(rule.labels, LABELS);
            const zone = rec.one("orders-client-zone").inputs;
            assert.strictEqual(zone.dnsName, "orders.svc.internal.");
            assert.strictEqual(zone.description, "orders names");
            assert.deepStrictEqual(zone.privateVisibilityConfig.networks, [
                { networkUrl: `${COMPUTE}/${REF.consumerNetwork2}` },
                { networkUrl: `${COMPUTE}/${REF.consumerNetwork}` },
            ]);
            assert.deepStrictEqual(
                ["apex", "api", "wildcard"].map((k) => rec.one(`orders-client-record-${k}`).inputs).map((r) => [r.name, r.type, r.ttl, r.rrdatas]),
                [
                    ["orders.svc.internal.", "A", 60, ["10.10.0.50"]],
                    ["api.orders.svc.internal.", "A", 60, ["10.10.0.50"]],
                    ["*.orders.svc.internal.", "A", 60, ["10.10.0.50"]],
                ],
            );
            assert.deepStrictEqual((await outputsOf(pe, ["dnsNames"])).dnsNames, ["orders.svc.internal", "api.orders.svc.internal", "*.orders.svc.internal"]);
        });

        it("writes its records into an existing zone of another project", async () => {
            const rec = await startMocks();
            new GcpPrivateEndpoint("orders-client", {
                ...minimal(),
                existingZone: { managedZone: "svc-internal", dnsName: "svc.internal", recordNames: ["orders", "orders.eu.svc.internal."], project: "hub-project", ttl: 30 },
            });
            await rec.settle();
            assertGraph(graph(rec, "orders-client", T.endpoint), [
                `${T.address} orders-client-address`,
                `${T.record} orders-client-record-orders`,
                `${T.record} orders-client-record-orders-eu`,
                `${T.forwardingRule} orders-client-endpoint`,
            ]);
            const record = rec.one("orders-client-record-orders-eu").inputs;
            assert.deepStrictEqual([record.managedZone, record.name, record.project, record.ttl], ["svc-internal", "orders.eu.svc.internal.", "hub-project", 30]);
        });

        it("gives a fixed IPv6 address AAAA records", async () => {
            const rec = await startMocks();
            new GcpPrivateEndpoint("orders-client", { ...withZone(), ipAddress: "fd20:a::50" });
            await rec.settle();
            assert.strictEqual(rec.one("orders-client-address").inputs.ipVersion, "IPV6");
            assert.strictEqual(rec.one("orders-client-record-apex").inputs.type, "AAAA");
        });

        it("passes a gcp provider for another project from the providers map to every child", async () => {
            await expectProviderReachesEveryChild("orders-client", T.endpoint, (providers) => {
                new GcpPrivateEndpoint("orders-client", maximal(), { providers });
            });
        });
    });

    describe("validation", () => {
        const rejects = rejectionTable("GcpPrivateEndpoint", "orders-client", (name, args: GcpPrivateEndpointArgs) => new GcpPrivateEndpoint(name, args));
        const m = minimal;
        const z = withZone;

        rejects("a zone where a region is needed", () => ({ ...m(), region: "europe-west3-a" }), "region");
        rejects("a region other than the attachment's", () => ({ ...m(), region: "us-east1" }), "serviceReference");
        rejects("a service reference that is a forwarding rule", () => ({ ...m(), serviceReference: REF.ilb }), "serviceReference");
        rejects("a service reference by bare name", () => ({ ...m(), serviceReference: "orders" }), "serviceReference");
        rejects("a service reference without its region", () => ({ ...m(), serviceReference: "projects/producer-project/global/serviceAttachments/orders" }), "serviceReference");
        rejects("a missing service reference", () => ({ ...m(), serviceReference: undefined }), "serviceReference");
        rejects("a network by bare name", () => ({ ...m(), network: "consumer-vpc" }), "network");
        rejects("a missing subnetwork", () => ({ ...m(), subnetwork: undefined }), "subnetwork");
        rejects("a subnetwork in another region", () => ({ ...m(), subnetwork: "projects/consumer-project/regions/us-east1/subnetworks/workloads" }), "subnetwork");
        rejects("an address that is not an IP", () => ({ ...m(), ipAddress: "10.10.0" }), "ipAddress");
        rejects("global access that is not a boolean", () => ({ ...m(), allowGlobalAccess: "yes" }), "allowGlobalAccess");
        rejects("a Service Directory namespace Google Cloud does not allow", () => ({ ...m(), serviceDirectory: { namespace: "Orders NS", service: "orders" } }), "serviceDirectory.namespace");
        rejects("a Service Directory registration without its service", () => ({ ...m(), serviceDirectory: { namespace: "orders-ns" } }), "serviceDirectory.service");
        rejects("both a private zone and an existing zone", () => ({ ...z(), existingZone: { managedZone: "svc", dnsName: "svc.internal.", recordNames: ["orders"] } }), "privateZone and existingZone");
        rejects("a zone name of one label", () => ({ ...m(), privateZone: { dnsName: "internal" } }), "privateZone.dnsName");
        rejects("a zone name known only at deployment", () => ({ ...m(), privateZone: { dnsName: pulumi.output("orders.svc.internal.") } }), "privateZone.dnsName");
        rejects("a record name outside the zone", () => ({ ...m(), privateZone: { dnsName: "orders.svc.internal.", recordNames: ["api.example.com."] } }), "privateZone.recordNames[0]");
        rejects("a record name that is not a DNS name", () => ({ ...m(), privateZone: { dnsName: "orders.svc.internal.", recordNames: ["api gateway"] } }), "privateZone.recordNames[0]");
        rejects("a wildcard that is not the first label", () => ({ ...m(), privateZone: { dnsName: "orders.svc.internal.", recordNames: ["api.*"] } }), "privateZone.recordNames[0]");
        rejects("one record named twice", () => ({ ...m(), privateZone: { dnsName: "orders.svc.internal.", recordNames: ["@", "orders.svc.internal."] } }), "privateZone.recordNames[1]");
        rejects("an empty record list", () => ({ ...m(), privateZone: { dnsName: "orders.svc.internal.", recordNames: [] } }), "privateZone.recordNames");
        rejects("a zone visible to no network", () => ({ ...m(), privateZone: { dnsName: "orders.svc.internal.", networks: [] } }), "privateZone.networks");
        rejects("a zone network by bare name", () => ({ ...m(), privateZone: { dnsName: "orders.svc.internal.", networks: ["consumer-vpc"] } }), "privateZone.networks[0]");
        rejects("a zone network listed twice", () => ({ ...m(), privateZone: { dnsName: "orders.svc.internal.", networks: [REF.consumerNetwork, `${COMPUTE}/${REF.consumerNetwork}`] } }), "privateZone.networks[1]");
        rejects("a TTL out of range", () => ({ ...m(), privateZone: { dnsName: "orders.svc.internal.", ttl: -1 } }), "privateZone.ttl");
        rejects("an existing zone without record names", () => ({ ...m(), existingZone: { managedZone: "svc", dnsName: "svc.internal." } }), "existingZone.recordNames");
        rejects("an existing zone given by its DNS name", () => ({ ...m(), existingZone: { managedZone: "svc.internal.", dnsName: "svc.internal.", recordNames: ["orders"] } }), "existingZone.managedZone");
        rejects("a label key Google Cloud does not allow", () => ({ ...m(), labels: { Team: "payments" } }), "labels.Team");
        rejects("a label value Google Cloud does not allow", () => ({ ...m(), labels: { team: "Payments Team" } }), "labels.team");
        rejects("a logical name Google Cloud names cannot start with", () => m(), "name", "Orders");
        rejects("no arguments", () => undefined, "args");

        it("accepts valid arguments, also as outputs", () => {
            assert.doesNotThrow(() => validateGcpPrivateEndpointArgs("orders-client", minimal()));
            assert.doesNotThrow(() => validateGcpPrivateEndpointArgs("orders-client", maximal()));
            assert.doesNotThrow(() =>
                validateGcpPrivateEndpointArgs("orders-client", {
                    serviceReference: pulumi.output("x"),
                    network: pulumi.output("y"),
                    subnetwork: "workloads",
                    ipAddress: pulumi.output("z"),
                    existingZone: { managedZone: pulumi.output("hub"), dnsName: "svc.internal.", recordNames: ["orders"] },
                }),
            );
        });
    });

    const rule = "orders-client-endpoint";
    const address = "orders-client-address";
    const zone = "orders-client-zone";
    const apex = "orders-client-record-apex";
    const zoneWith = (extra: Partial<NonNullable<GcpPrivateEndpointArgs["privateZone"]>>): GcpPrivateEndpointArgs => ({
        ...minimal(),
        privateZone: { dnsName: "orders.svc.internal.", ...extra },
    });
    describeEdits("GcpPrivateEndpoint", (args: GcpPrivateEndpointArgs) => new GcpPrivateEndpoint("orders-client", args), [
        {
            edit: "turn global access on",
            before: minimal(),
            after: { ...minimal(), allowGlobalAccess: true },
            expect: { changed: { [rule]: ["allowPscGlobalAccess"] } },
        },
        {
            edit: "turn global access off again (sent as false)",
            before: { ...minimal(), allowGlobalAccess: true },
            after: minimal(),
            expect: { changed: { [rule]: ["allowPscGlobalAccess"] } },
        },
        {
            edit: "pin the address",
            before: minimal(),
            after: { ...minimal(), ipAddress: "10.10.0.60" },
            expect: { changed: { [address]: ["address"] } },
        },
        {
            edit: "stop re-creating closed connections",
            before: minimal(),
            after: { ...minimal(), recreateClosedPsc: false },
            expect: { changed: { [rule]: ["recreateClosedPsc"] } },
        },
        {
            edit: "turn Google Cloud's automatic DNS zone off",
            before: minimal(),
            after: { ...minimal(), noAutomateDnsZone: true },
            expect: { changed: { [rule]: ["noAutomateDnsZone"] } },
        },
        {
            edit: "register in Service Directory",
            before: minimal(),
            after: { ...minimal(), serviceDirectory: { namespace: "orders-ns", service: "orders" } },
            expect: { changed: { [rule]: ["serviceDirectoryRegistrations"] } },
        },
        {
            edit: "point at another service attachment",
            before: minimal(),
            after: { ...minimal(), serviceReference: "projects/producer-project/regions/europe-west3/serviceAttachments/orders-v2" },
            expect: { changed: { [rule]: ["target"] } },
        },
        {
            edit: "add a private zone",
            before: minimal(),
            after: withZone(),
            expect: { created: [zone, apex] },
        },
        {
            edit: "remove the private zone",
            before: withZone(),
            after: minimal(),
            expect: { deleted: [zone, apex] },
        },
        {
            edit: "add a record name",
            before: zoneWith({ recordNames: ["@"] }),
            after: zoneWith({ recordNames: ["@", "api"] }),
            expect: { created: ["orders-client-record-api"] },
        },
        {
            edit: "remove a record name",
            before: zoneWith({ recordNames: ["@", "api"] }),
            after: zoneWith({ recordNames: ["api"] }),
            expect: { deleted: [apex] },
        },
        {
            edit: "reorder the record names (no diff)",
            before: zoneWith({ recordNames: ["@", "api", "*"] }),
            after: zoneWith({ recordNames: ["*", "@", "api"] }),
            expect: {},
        },
        {
            edit: "add a network to the zone",
            before: withZone(),
            after: zoneWith({ networks: [REF.consumerNetwork, REF.consumerNetwork2] }),
            expect: { changed: { [zone]: ["privateVisibilityConfig"] } },
        },
        {
            edit: "remove a network from the zone",
            before: zoneWith({ networks: [REF.consumerNetwork, REF.consumerNetwork2] }),
            after: zoneWith({ networks: [REF.consumerNetwork2] }),
            expect: { changed: { [zone]: ["privateVisibilityConfig"] } },
        },
        {
            edit: "reorder the zone's networks (a set: no diff)",
            before: zoneWith({ networks: [REF.consumerNetwork, REF.consumerNetwork2] }),
            after: zoneWith({ networks: [REF.consumerNetwork2, REF.consumerNetwork] }),
            expect: {},
        },
        {
            edit: "change the records' TTL",
            before: withZone(),
            after: zoneWith({ ttl: 60 }),
            expect: { changed: { [apex]: ["ttl"] } },
        },
        {
            edit: "rename the zone's domain",
            before: withZone(),
            after: zoneWith({ dnsName: "orders.internal.example.com." }),
            expect: { changed: { [zone]: ["dnsName"], [apex]: ["name"] } },
        },
        {
            edit: "move the records into an existing hub zone",
            before: withZone(),
            after: { ...minimal(), existingZone: { managedZone: "hub-zone", dnsName: "orders.svc.internal.", recordNames: ["@"] } },
            expect: { deleted: [zone], changed: { [apex]: ["managedZone"] } },
        },
        {
            edit: "add a label",
            before: withZone(),
            after: { ...withZone(), labels: { team: "payments" } },
            expect: { changed: { [address]: ["labels"], [rule]: ["labels"], [zone]: ["labels"] } },
        },
        {
            edit: "change the description",
            before: withZone(),
            after: { ...withZone(), description: "orders client" },
            expect: { changed: { [address]: ["description"], [rule]: ["description"], [zone]: ["description"] } },
        },
    ]);
});
