import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import * as fc from "fast-check";
import { Provider } from "@pulumi/azure-native/provider";
import { Recorder, outputsOf, startMocks, unwrap } from "../../harness/mocks";
import { describeEdits } from "../../harness/edits";
import { expectRejected } from "../../harness/validation";
import { AzureCloud, AzurePrivateDnsZones, AzurePrivateDnsZonesArgs, AzurePrivateEndpoint } from "../../../components/azure";
import { FUZZ_RUNS, HUB_SUB, SPOKE_SUB, T, assertBuildsOrRejects, editedArgs, storageId, subnetId, vnetId, zoneId } from "./fixtures";

const COMPONENT = "AzurePrivateDnsZones";
const BLOB = "privatelink.blob.core.windows.net";
const HUB_VNET = vnetId("hub-vnet", "hub-network-rg", HUB_SUB);
const SPOKE_VNET = vnetId("spoke-vnet", "spoke-network-rg", SPOKE_SUB);

function minimal(): AzurePrivateDnsZonesArgs {
    return { resourceGroupName: "dns-rg", groupIds: ["blob"], virtualNetworks: [{ virtualNetworkId: HUB_VNET }] };
}

const zoneName = (z: string) => `hub-zone-${z.replace(/\./g, "-")}`;
const linkName = (z: string, vnet: string) => `hub-link-${z.replace(/\./g, "-")}-${vnet}`;

describe("AzurePrivateDnsZones", function () {
    this.timeout(60000);

    describe("defaults", () => {
        let rec: Recorder;
        let out: Record<string, any>;
        before(async () => {
            rec = await startMocks();
            const hub = new AzurePrivateDnsZones("hub", minimal());
            out = await outputsOf(hub, ["zoneIds", "zoneIdsByName", "zoneNames", "virtualNetworkLinkIds"]);
            await rec.settle();
        });

        it("creates the zone at location global and links it to the VNet without auto-registration or fallback", () => {
            assert.deepStrictEqual(rec.summary(), [`${T.zone} ${zoneName(BLOB)}`, `${T.link} ${linkName(BLOB, "hub-vnet")}`, `${T.component(COMPONENT)} hub`]);
            const zone = rec.one(zoneName(BLOB)).inputs;
            assert.strictEqual(zone.privateZoneName, BLOB);
            assert.strictEqual(zone.location, "global");
            assert.strictEqual(zone.resourceGroupName, "dns-rg");
            const link = rec.one(linkName(BLOB, "hub-vnet")).inputs;
            assert.deepStrictEqual(
                { vnet: link.virtualNetwork.id, registration: link.registrationEnabled, policy: link.resolutionPolicy, location: link.location },
                { vnet: HUB_VNET, registration: false, policy: "Default", location: "global" },
            );
        });

        it("outputs the zone ids by groupId and by name", () => {
            const id = zoneId(BLOB, "dns-rg", "00000000-0000-0000-0000-000000000000");
            assert.deepStrictEqual(out.zoneIds, { blob: [id] });
            assert.deepStrictEqual(out.zoneIdsByName, { [BLOB]: id });
            assert.deepStrictEqual(out.zoneNames, [BLOB]);
            assert.strictEqual(out.virtualNetworkLinkIds.length, 1);
        });
    });

    describe("maximal: many groupIds, regions and VNets", () => {
        let rec: Recorder;
        let out: Record<string, any>;
        before(async () => {
            rec = await startMocks();
            const hub = new AzurePrivateDnsZones("hub", {
                resourceGroupName: "dns-rg",
                groupIds: ["blob", "disks", "file", "vault", "azuremonitor", "AzureBackup", "management", "Sql", "namespace", "iotHub"],
                regions: ["eastus", "westeurope"],
                additionalZoneNames: ["orders.privatelink.contoso.internal"],
                virtualNetworks: [
                    { virtualNetworkId: HUB_VNET },
                    { virtualNetworkId: SPOKE_VNET, internetFallback: false },
                    { virtualNetworkId: vnetId("spoke-vnet", "other-rg", SPOKE_SUB), key: "spoke-b" },
                ],
                internetFallback: true,
                tags: { team: "network" },
            });
            out = await outputsOf(hub, ["zoneIds", "zoneNames"]);
            await rec.settle();
        });

        it("creates each zone once however many groupIds share it", () => {
            const names = rec.ofType(T.zone).map((z) => z.inputs.privateZoneName);
            assert.strictEqual(new Set(names).size, names.length);
            assert.strictEqual(names.filter((n) => n === BLOB).length, 1, "blob, disks, Azure Monitor and Backup share the blob zone");
            assert.strictEqual(names.filter((n) => n === "privatelink.servicebus.windows.net").length, 1, "Event Hubs, Service Bus, Relay and IoT Hub share it");
        });

        it("creates the regional zones once per region", () => {
            const names = rec.ofType(T.zone).map((z) => z.inputs.privateZoneName);
            for (const z of ["privatelink.eastus.azmk8s.io", "privatelink.westeurope.azmk8s.io", "privatelink.eus.backup.windowsazure.com", "privatelink.we.backup.windowsazure.com"]) {
                assert.ok(names.includes(z), z);
            }
        });

        it("gives an ambiguous groupId the zones of every service that uses it (Sql: Cosmos DB and Synapse)", () => {
            assert.deepStrictEqual([...out.zoneIds.Sql].map((id: string) => id.split("/").pop()).sort(), ["privatelink.documents.azure.com", "privatelink.sql.azuresynapse.net"]);
        });

        it("maps every groupId to all of its zones", () => {
            assert.strictEqual(out.zoneIds.azuremonitor.length, 5);
            assert.strictEqual(out.zoneIds.management.length, 2);
            assert.strictEqual(out.zoneIds.AzureBackup.length, 4);
            assert.ok(out.zoneNames.includes("orders.privatelink.contoso.internal"));
            assert.ok(!Object.values<string[]>(out.zoneIds).flat().some((id) => id.endsWith("orders.privatelink.contoso.internal")), "additional zones belong to no groupId");
        });

        it("links every zone to every VNet, with the hub's fallback unless a VNet overrides it", () => {
            const zones = rec.ofType(T.zone).length;
            const links = rec.ofType(T.link);
            assert.strictEqual(links.length, zones * 3);
            for (const l of links) {
                assert.strictEqual(l.inputs.registrationEnabled, false);
                assert.strictEqual(l.inputs.resolutionPolicy, l.name.endsWith("-spoke-vnet") ? "Default" : "NxDomainRedirect", l.name);
            }
            assert.ok(rec.find(linkName(BLOB, "spoke-b")));
        });
    });

    describe("hub and spoke: central zones in the connectivity subscription, endpoints in their own", () => {
        let rec: Recorder;
        before(async () => {
            rec = await startMocks();
            const hubSub = new Provider("connectivity", { subscriptionId: HUB_SUB });
            const spokeSub = new Provider("spoke", { subscriptionId: SPOKE_SUB });
            const hub = new AzurePrivateDnsZones(
                "hub",
                {
                    resourceGroupName: "dns-rg",
                    groupIds: ["blob", "vault", "management"],
                    regions: ["eastus", "westeurope"],
                    virtualNetworks: [{ virtualNetworkId: HUB_VNET }, { virtualNetworkId: SPOKE_VNET }],
                },
                { providers: { "azure-native": hubSub } },
            );
            for (const [name, location] of [
                ["orders-blob", "eastus"],
                ["orders-blob-dr", "westeurope"],
            ]) {
                const pe = new AzurePrivateEndpoint(
                    name,
                    {
                        resourceGroupName: "orders-rg",
                        location,
                        subnetId: subnetId("spoke-vnet", "endpoints", "spoke-network-rg", SPOKE_SUB),
                        targetResourceId: storageId("ordersdata", "orders-rg", SPOKE_SUB),
                        groupIds: ["blob"],
                        dns: { zoneIdsByGroupId: hub.zoneIds },
                    },
                    { providers: { "azure-native": spokeSub } },
                );
                await unwrap(pe.dnsZoneIds);
            }
            const aks = new AzurePrivateEndpoint(
                "orders-aks",
                {
                    resourceGroupName: "orders-rg",
                    location: "westeurope",
                    subnetId: subnetId("spoke-vnet", "endpoints", "spoke-network-rg", SPOKE_SUB),
                    targetResourceId: `/subscriptions/${SPOKE_SUB}/resourceGroups/orders-rg/providers/Microsoft.ContainerService/managedClusters/orders`,
                    groupIds: ["management"],
                    dns: { zoneIdsByGroupId: hub.zoneIds },
                },
                { providers: { "azure-native": spokeSub } },
            );
            await unwrap(aks.dnsZoneIds);
            await rec.settle();
        });

        it("creates the zones and their links in the hub subscription, every child through its provider", () => {
            for (const c of rec.descendantsOf("hub")) {
                assert.strictEqual(rec.providerOf(c)?.name, "connectivity", c.name);
                assert.ok(c.id.startsWith(`/subscriptions/${HUB_SUB}/`), c.id);
            }
        });

        it("creates the endpoints and zone groups in the spoke subscription, pointing at the hub's zones, with no zones of their own", () => {
            for (const name of ["orders-blob", "orders-blob-dr", "orders-aks"]) {
                const children = rec.descendantsOf(name);
                assert.deepStrictEqual(children.map((c) => c.type).sort(), [T.zoneGroup, T.privateEndpoint].sort(), name);
                for (const c of children) {
                    assert.strictEqual(rec.providerOf(c)?.name, "spoke", c.name);
                    assert.ok(c.id.startsWith(`/subscriptions/${SPOKE_SUB}/`), c.id);
                }
            }
            assert.deepStrictEqual(rec.one("orders-blob-dns").inputs.privateDnsZoneConfigs, [
                { name: "privatelink-blob-core-windows-net", privateDnsZoneId: zoneId(BLOB, "dns-rg", HUB_SUB) },
            ]);
        });

        it("takes only the zone of the endpoint's own region from a hub that serves several", () => {
            assert.deepStrictEqual(rec.one("orders-aks-dns").inputs.privateDnsZoneConfigs, [
                { name: "privatelink-westeurope-azmk8s-io", privateDnsZoneId: zoneId("privatelink.westeurope.azmk8s.io", "dns-rg", HUB_SUB) },
            ]);
        });

        it("waits for the hub's zones through data flow", () => {
            const group = rec.one("orders-blob-dns");
            assert.ok(group.propertyDependencies.privateDnsZoneConfigs.includes(rec.one(zoneName(BLOB)).urn));
        });
    });

    describe("validation", () => {
        const reject = (field: string, args: unknown, name = "hub") =>
            expectRejected(() => new AzurePrivateDnsZones(name, args as AzurePrivateDnsZonesArgs), { component: COMPONENT, name, field });
        const cases: Array<[string, string, (a: any) => any]> = [
            ["no resource group", "resourceGroupName", (a) => ({ ...a, resourceGroupName: undefined })],
            ["no zone at all", "groupIds", (a) => ({ ...a, groupIds: [] })],
            ["an unknown groupId", "groupIds[1]", (a) => ({ ...a, groupIds: ["blob", "blobs"] })],
            ["a groupId from another cloud", "groupIds[0]", (a) => ({ ...a, cloud: AzureCloud.China, groupIds: ["managedhsm"] })],
            ["a repeated groupId", "groupIds[1]", (a) => ({ ...a, groupIds: ["blob", "blob"] })],
            ["an inherited property name as groupId", "groupIds[0]", (a) => ({ ...a, groupIds: ["__proto__"] })],
            ["a regional groupId without regions", "regions", (a) => ({ ...a, groupIds: ["management"] })],
            ["a region of another cloud", "regions", (a) => ({ ...a, groupIds: ["management"], regions: ["eastus", "usgovvirginia"] })],
            ["a repeated region", "regions[1]", (a) => ({ ...a, regions: ["eastus", "East US"] })],
            ["SQL MI without a DNS prefix", "dnsPrefix", (a) => ({ ...a, groupIds: ["managedInstance"] })],
            ["an additional zone that is one label", "additionalZoneNames[0]", (a) => ({ ...a, additionalZoneNames: ["internal"] })],
            ["a VNet id that is a subnet", "virtualNetworks[0].virtualNetworkId", (a) => ({ ...a, virtualNetworks: [{ virtualNetworkId: `${HUB_VNET}/subnets/x` }] })],
            ["a VNet listed twice", "virtualNetworks[1].virtualNetworkId", (a) => ({ ...a, virtualNetworks: [{ virtualNetworkId: HUB_VNET }, { virtualNetworkId: HUB_VNET.toUpperCase() }] })],
            ["two VNets of one name", "virtualNetworks[1].virtualNetworkId", (a) => ({ ...a, virtualNetworks: [{ virtualNetworkId: HUB_VNET }, { virtualNetworkId: vnetId("hub-vnet", "other-rg") }] })],
            ["a VNet not known yet without a key", "virtualNetworks[0].virtualNetworkId", (a) => ({ ...a, virtualNetworks: [{ virtualNetworkId: pulumi.output(HUB_VNET) }] })],
            ["a fallback that is not a boolean", "internetFallback", (a) => ({ ...a, internetFallback: "yes" })],
            ["a cloud that is not one", "cloud", (a) => ({ ...a, cloud: "Azure" })],
            ["tags Azure refuses", "tags", (a) => ({ ...a, tags: { "a%b": "c" } })],
        ];
        for (const [title, field, mutate] of cases) {
            it(`rejects ${title} (${field}) before registering anything`, async () => {
                await reject(field, mutate(minimal()));
            });
        }
    });

    describe("hostile arguments (property)", () => {
        const bases: AzurePrivateDnsZonesArgs[] = [
            minimal(),
            { resourceGroupName: "dns-rg", groupIds: ["blob", "management", "Sql"], regions: ["eastus"], virtualNetworks: [{ virtualNetworkId: HUB_VNET }, { virtualNetworkId: SPOKE_VNET, internetFallback: true }] },
        ];
        const values: Record<string, fc.Arbitrary<unknown>> = {
            resourceGroupName: fc.constantFrom("dns-rg", "", undefined),
            groupIds: fc.array(fc.constantFrom("blob", "disks", "vault", "management", "Sql", "azuremonitor", "constructor", "x"), { maxLength: 4 }),
            regions: fc.array(fc.constantFrom("eastus", "westeurope", "atlantis", "East US"), { maxLength: 2 }),
            additionalZoneNames: fc.array(fc.constantFrom("orders.internal", "x"), { maxLength: 2 }),
            virtualNetworks: fc.array(fc.record({ virtualNetworkId: fc.constantFrom(HUB_VNET, SPOKE_VNET, "x"), internetFallback: fc.boolean(), key: fc.constantFrom("a", undefined) }, { requiredKeys: [] }), { maxLength: 2 }),
            internetFallback: fc.boolean(),
            cloud: fc.constantFrom(...Object.values(AzureCloud), "x"),
            dnsPrefix: fc.constantFrom("a1b2", "a.b"),
        };
        it(`either builds the whole graph or throws a ValidationError with nothing registered (${FUZZ_RUNS} runs)`, async () => {
            await assertBuildsOrRejects(COMPONENT, editedArgs(bases, values), (name, a) => new AzurePrivateDnsZones(name, a as AzurePrivateDnsZonesArgs), "zone");
        });
    });
});

// ------------------------------------------------------------------------------------------------
// Edit safety.
// ------------------------------------------------------------------------------------------------

const hub = (args: AzurePrivateDnsZonesArgs) => new AzurePrivateDnsZones("hub", args);
const VAULT = "privatelink.vaultcore.azure.net";
const withHub = (groupIds: string[], vnets: Array<{ id: string; fallback?: boolean }> = [{ id: HUB_VNET }], extra: Partial<AzurePrivateDnsZonesArgs> = {}): AzurePrivateDnsZonesArgs => ({
    resourceGroupName: "dns-rg",
    groupIds,
    virtualNetworks: vnets.map((v) => ({ virtualNetworkId: v.id, internetFallback: v.fallback })),
    ...extra,
});

describeEdits("AzurePrivateDnsZones", hub, [
    {
        edit: "add a groupId with a zone of its own: the zone and its links are created",
        before: withHub(["blob"]),
        after: withHub(["blob", "vault"]),
        expect: { created: [zoneName(VAULT), linkName(VAULT, "hub-vnet")] },
    },
    { edit: "add a groupId whose zone exists (disks uses the blob zone): nothing is created", before: withHub(["blob"]), after: withHub(["blob", "disks"]), expect: {} },
    { edit: "remove a groupId that shares its zone: nothing is deleted", before: withHub(["blob", "disks"]), after: withHub(["disks"]), expect: {} },
    {
        edit: "remove a groupId with a zone of its own: only its zone and links go",
        before: withHub(["blob", "vault"], [{ id: HUB_VNET }, { id: SPOKE_VNET }]),
        after: withHub(["blob"], [{ id: HUB_VNET }, { id: SPOKE_VNET }]),
        expect: { deleted: [zoneName(VAULT), linkName(VAULT, "hub-vnet"), linkName(VAULT, "spoke-vnet")] },
    },
    { edit: "reorder the groupIds: nothing changes", before: withHub(["blob", "vault", "file"]), after: withHub(["file", "blob", "vault"]), expect: {} },
    {
        edit: "add a multi-zone groupId next to a zone it shares (Azure Monitor with blob): only its four other zones",
        before: withHub(["blob"]),
        after: withHub(["blob", "azuremonitor"]),
        expect: {
            created: [
                "privatelink.monitor.azure.com",
                "privatelink.oms.opinsights.azure.com",
                "privatelink.ods.opinsights.azure.com",
                "privatelink.agentsvc.azure-automation.net",
            ].flatMap((z) => [zoneName(z), linkName(z, "hub-vnet")]),
        },
    },
    {
        edit: "add a VNet: one link per zone",
        before: withHub(["blob", "vault"]),
        after: withHub(["blob", "vault"], [{ id: HUB_VNET }, { id: SPOKE_VNET }]),
        expect: { created: [linkName(BLOB, "spoke-vnet"), linkName(VAULT, "spoke-vnet")] },
    },
    {
        edit: "remove a VNet: only its links go",
        before: withHub(["blob", "vault"], [{ id: HUB_VNET }, { id: SPOKE_VNET }]),
        after: withHub(["blob", "vault"], [{ id: SPOKE_VNET }]),
        expect: { deleted: [linkName(BLOB, "hub-vnet"), linkName(VAULT, "hub-vnet")] },
    },
    {
        edit: "reorder the VNets: nothing changes",
        before: withHub(["blob"], [{ id: HUB_VNET }, { id: SPOKE_VNET }]),
        after: withHub(["blob"], [{ id: SPOKE_VNET }, { id: HUB_VNET }]),
        expect: {},
    },
    {
        edit: "turn the fallback on for one VNet: only its links change",
        before: withHub(["blob", "vault"], [{ id: HUB_VNET }, { id: SPOKE_VNET }]),
        after: withHub(["blob", "vault"], [{ id: HUB_VNET }, { id: SPOKE_VNET, fallback: true }]),
        expect: { changed: { [linkName(BLOB, "spoke-vnet")]: ["resolutionPolicy"], [linkName(VAULT, "spoke-vnet")]: ["resolutionPolicy"] } },
    },
    {
        edit: "add a region: the regional zones of that region, with their links",
        before: withHub(["blob", "management"], undefined, { regions: ["eastus"] }),
        after: withHub(["blob", "management"], undefined, { regions: ["eastus", "westeurope"] }),
        expect: { created: [zoneName("privatelink.westeurope.azmk8s.io"), linkName("privatelink.westeurope.azmk8s.io", "hub-vnet")] },
    },
    {
        edit: "add a custom zone",
        before: withHub(["blob"]),
        after: withHub(["blob"], undefined, { additionalZoneNames: ["orders.privatelink.contoso.internal"] }),
        expect: { created: [zoneName("orders.privatelink.contoso.internal"), linkName("orders.privatelink.contoso.internal", "hub-vnet")] },
    },
]);
