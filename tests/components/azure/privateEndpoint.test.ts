import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import * as fc from "fast-check";
import { Recorder, outputsOf, startMocks, unwrap } from "../../harness/mocks";
import { describeEdits } from "../../harness/edits";
import { expectRejected, validationErrorOf } from "../../harness/validation";
import {
    AzureCloud,
    AzurePrivateEndpoint,
    AzurePrivateEndpointArgs,
    AzurePrivateEndpointDnsMode,
    Validator,
} from "../../../components/azure";
import { pickZoneIds } from "../../../components/azure/privateEndpoint";
import { ALIAS, FUZZ_RUNS, SUB, T, asgId, assertBuildsOrRejects, editedArgs, keyVaultId, plsId, storageId, subnetId, vnetId, zoneId } from "./fixtures";

const COMPONENT = "AzurePrivateEndpoint";
const BLOB_ZONE = "privatelink.blob.core.windows.net";
const SUBNET = subnetId("spoke-vnet", "endpoints");
const SPOKE_VNET = vnetId("spoke-vnet");

/** The fewest arguments: a storage account's blob endpoint, with catalog DNS by default. */
function minimal(): AzurePrivateEndpointArgs {
    return { resourceGroupName: "app-rg", subnetId: SUBNET, targetResourceId: storageId("ordersdata"), groupIds: ["blob"] };
}

/** Every option of a PaaS endpoint. */
function maximal(): AzurePrivateEndpointArgs {
    return {
        resourceGroupName: "app-rg",
        location: "westeurope",
        subnetId: SUBNET,
        privateEndpointName: "pe-orders-vault",
        targetResourceId: keyVaultId("orders-kv"),
        groupIds: ["vault"],
        manualApproval: true,
        requestMessage: "Orders team, change CHG-1234",
        connectionName: "orders-vault",
        ipConfigurations: [{ privateIpAddress: "10.20.1.10", memberName: "default" }],
        customNetworkInterfaceName: "pe-orders-vault-nic",
        applicationSecurityGroupIds: [asgId("clients-b"), asgId("clients-a")],
        dns: {
            mode: AzurePrivateEndpointDnsMode.CreateZones,
            resourceGroupName: "dns-rg",
            virtualNetworks: [{ virtualNetworkId: vnetId("hub-vnet", "hub-rg") }, { virtualNetworkId: vnetId("dr-vnet", "dr-rg"), key: "dr" }],
            internetFallback: true,
            zoneGroupName: "vault-dns",
        },
        tags: { team: "orders", costCenter: "1234" },
    };
}

async function build(make: () => unknown): Promise<Recorder> {
    const rec = await startMocks();
    make();
    await rec.settle();
    return rec;
}

describe("AzurePrivateEndpoint", function () {
    this.timeout(60000);

    describe("defaults: a storage blob endpoint with catalog DNS", () => {
        let rec: Recorder;
        let pe: AzurePrivateEndpoint;
        let out: Record<string, any>;
        before(async () => {
            rec = await startMocks();
            pe = new AzurePrivateEndpoint("orders-blob", minimal());
            out = await outputsOf(pe, ["endpointId", "privateIps", "dnsNames", "connectionState", "networkInterfaceId", "dnsZoneIds", "dnsZoneGroupId"]);
            await rec.settle();
        });

        it("registers the endpoint, the blob zone, its link to the endpoint's VNet and the zone group", () => {
            assert.deepStrictEqual(rec.summary(), [
                `${T.zoneGroup} orders-blob-dns`,
                `${T.privateEndpoint} orders-blob-endpoint`,
                `${T.zone} orders-blob-zone-privatelink-blob-core-windows-net`,
                `${T.link} orders-blob-link-privatelink-blob-core-windows-net-endpoint-vnet`,
                `${T.component(COMPONENT)} orders-blob`,
            ]);
            for (const r of rec.resources.filter((x) => x.custom)) {
                assert.strictEqual(r.parent, rec.one("orders-blob").urn, `${r.name} is a child of the component`);
            }
        });

        it("always names the connection, connects automatically and states both lists explicitly", () => {
            const e = rec.one("orders-blob-endpoint").inputs;
            assert.deepStrictEqual(e.privateLinkServiceConnections, [{ name: "orders-blob", privateLinkServiceId: storageId("ordersdata"), groupIds: ["blob"] }]);
            assert.deepStrictEqual(e.manualPrivateLinkServiceConnections, []);
            assert.strictEqual(e.subnet.id, SUBNET);
            assert.deepStrictEqual(e.ipConfigurations, []);
            assert.deepStrictEqual(e.applicationSecurityGroups, []);
            assert.deepStrictEqual(e.tags, { "managed-by": "privatelink", "privatelink-component": "orders-blob" });
        });

        it("replaces the endpoint on the edits Azure refuses in place, and ignores nothing", () => {
            const e = rec.one("orders-blob-endpoint");
            assert.deepStrictEqual(e.replaceOnChanges, ["subnet", "privateLinkServiceConnections", "manualPrivateLinkServiceConnections"]);
            assert.deepStrictEqual(e.ignoreChanges, []);
        });

        it("creates the zone at location global, linked without auto-registration or fallback", () => {
            const zone = rec.one("orders-blob-zone-privatelink-blob-core-windows-net").inputs;
            assert.deepStrictEqual(zone, { resourceGroupName: "app-rg", privateZoneName: BLOB_ZONE, location: "global", tags: zone.tags });
            const link = rec.one("orders-blob-link-privatelink-blob-core-windows-net-endpoint-vnet").inputs;
            assert.deepStrictEqual(link.virtualNetwork, { id: SPOKE_VNET });
            assert.strictEqual(link.registrationEnabled, false);
            assert.strictEqual(link.resolutionPolicy, "Default");
            assert.strictEqual(link.location, "global");
            assert.strictEqual(link.privateZoneName, BLOB_ZONE);
        });

        it("points the zone group at the created zone", () => {
            const g = rec.one("orders-blob-dns").inputs;
            assert.strictEqual(g.privateDnsZoneGroupName, "default");
            assert.deepStrictEqual(g.privateDnsZoneConfigs, [{ name: "privatelink-blob-core-windows-net", privateDnsZoneId: zoneId(BLOB_ZONE, "app-rg", SUB) }]);
            assert.ok(g.privateEndpointName, "the endpoint's name");
            assert.ok(rec.one("orders-blob-dns").propertyDependencies.privateEndpointName.includes(rec.one("orders-blob-endpoint").urn));
        });

        it("outputs the endpoint, its IPs, names, state, interface and zones", () => {
            assert.match(out.endpointId, /\/providers\/Microsoft.Network\/privateEndpoints\/orders-blob-endpoint$/);
            assert.deepStrictEqual(out.privateIps, ["10.0.1.4"]);
            assert.deepStrictEqual(out.dnsNames, ["ordersdata.blob.core.windows.net"]);
            assert.strictEqual(out.connectionState, "Approved");
            assert.match(out.networkInterfaceId, /\/networkInterfaces\/orders-blob-endpoint\.nic\./);
            assert.deepStrictEqual(out.dnsZoneIds, [zoneId(BLOB_ZONE, "app-rg", SUB)]);
            assert.match(out.dnsZoneGroupId, /privateDnsZoneGroups\/default$/);
        });

        it("looks up the addresses on the endpoint's network interface", () => {
            const lookup = rec.invokes.find((i) => i.token === "azure-native:network:getNetworkInterface");
            assert.ok(lookup);
            assert.strictEqual(lookup.inputs.resourceGroupName, "app-rg");
        });
    });

    describe("maximal: a key vault endpoint with every option", () => {
        let rec: Recorder;
        let out: Record<string, any>;
        before(async () => {
            rec = await startMocks();
            const pe = new AzurePrivateEndpoint("vault", maximal());
            out = await outputsOf(pe, ["privateIps", "connectionState", "dnsZoneIds"]);
            await rec.settle();
        });

        it("requests a manual connection with the message, a static IP for member default, NIC name and sorted ASGs", () => {
            const e = rec.one("vault-endpoint").inputs;
            assert.deepStrictEqual(e.privateLinkServiceConnections, []);
            assert.deepStrictEqual(e.manualPrivateLinkServiceConnections, [
                { name: "orders-vault", privateLinkServiceId: keyVaultId("orders-kv"), groupIds: ["vault"], requestMessage: "Orders team, change CHG-1234" },
            ]);
            assert.deepStrictEqual(e.ipConfigurations, [{ name: "vault-default", privateIPAddress: "10.20.1.10", groupId: "vault", memberName: "default" }]);
            assert.strictEqual(e.customNetworkInterfaceName, "pe-orders-vault-nic");
            assert.strictEqual(e.privateEndpointName, "pe-orders-vault");
            assert.strictEqual(e.location, "westeurope");
            assert.deepStrictEqual(e.applicationSecurityGroups, [{ id: asgId("clients-a") }, { id: asgId("clients-b") }]);
            assert.deepStrictEqual(e.tags, { "managed-by": "privatelink", "privatelink-component": "vault", team: "orders", costCenter: "1234" });
        });

        it("links the vault zone in the DNS resource group to the endpoint's VNet and every listed VNet, with fallback", () => {
            const links = rec.ofType(T.link);
            assert.deepStrictEqual(links.map((l) => l.name).sort(), [
                "vault-link-privatelink-vaultcore-azure-net-dr",
                "vault-link-privatelink-vaultcore-azure-net-endpoint-vnet",
                "vault-link-privatelink-vaultcore-azure-net-hub-vnet",
            ]);
            for (const l of links) {
                assert.strictEqual(l.inputs.resolutionPolicy, "NxDomainRedirect");
                assert.strictEqual(l.inputs.resourceGroupName, "dns-rg");
            }
            assert.strictEqual(rec.one("vault-dns").inputs.privateDnsZoneGroupName, "vault-dns");
            assert.deepStrictEqual(out.dnsZoneIds, [zoneId("privatelink.vaultcore.azure.net", "dns-rg", SUB)]);
        });

        it("reports the static IP and the pending manual connection", () => {
            assert.deepStrictEqual(out.privateIps, ["10.20.1.10"]);
            assert.strictEqual(out.connectionState, "Pending");
        });
    });

    describe("a private link service consumer", () => {
        it("connects by alias with a manual request, its own zone and an A record built from the endpoint's IP", async () => {
            const rec = await startMocks();
            const pe = new AzurePrivateEndpoint("orders-client", {
                resourceGroupName: "client-rg",
                subnetId: SUBNET,
                privateLinkServiceAlias: ALIAS,
                dns: { zoneName: "orders.privatelink.contoso.internal", recordName: "api" },
            });
            const out = await outputsOf(pe, ["privateIps", "dnsNames", "connectionState", "dnsZoneIds", "dnsZoneGroupId"]);
            await rec.settle();
            assert.deepStrictEqual(rec.summary(), [
                `${T.privateEndpoint} orders-client-endpoint`,
                `${T.record} orders-client-record`,
                `${T.zone} orders-client-zone-orders-privatelink-contoso-internal`,
                `${T.link} orders-client-link-orders-privatelink-contoso-internal-endpoint-vnet`,
                `${T.component(COMPONENT)} orders-client`,
            ]);
            const e = rec.one("orders-client-endpoint").inputs;
            assert.deepStrictEqual(e.privateLinkServiceConnections, []);
            assert.deepStrictEqual(e.manualPrivateLinkServiceConnections, [
                { name: "orders-client", privateLinkServiceId: ALIAS, groupIds: [], requestMessage: "Private endpoint orders-client requests access." },
            ]);
            const record = rec.one("orders-client-record");
            assert.deepStrictEqual(record.inputs.aRecords, [{ ipv4Address: "10.0.1.4" }]);
            assert.strictEqual(record.inputs.recordType, "A");
            assert.strictEqual(record.inputs.relativeRecordSetName, "api");
            assert.strictEqual(record.inputs.ttl, 300);
            assert.ok(record.propertyDependencies.aRecords.includes(rec.one("orders-client-endpoint").urn), "the record is built from the endpoint");
            assert.strictEqual(out.connectionState, "Pending");
            assert.deepStrictEqual(out.dnsNames, ["api.orders.privatelink.contoso.internal"]);
            assert.strictEqual(out.dnsZoneGroupId, undefined);
        });

        it("connects by the service's id automatically when allowed, without groupIds", async () => {
            const rec = await build(
                () => new AzurePrivateEndpoint("orders-client", { resourceGroupName: "client-rg", subnetId: SUBNET, targetResourceId: plsId("orders-pls"), dns: { mode: AzurePrivateEndpointDnsMode.None } }),
            );
            const e = rec.one("orders-client-endpoint").inputs;
            assert.deepStrictEqual(e.privateLinkServiceConnections, [{ name: "orders-client", privateLinkServiceId: plsId("orders-pls"), groupIds: [] }]);
            assert.deepStrictEqual(rec.summary(), [`${T.privateEndpoint} orders-client-endpoint`, `${T.component(COMPONENT)} orders-client`]);
        });
    });

    describe("DNS modes", () => {
        it("ExistingZones: a zone group with the given central zones, sorted, and no zones or links of its own", async () => {
            const ids = [zoneId("privatelink.table.core.windows.net"), zoneId(BLOB_ZONE)];
            const rec = await build(() => new AzurePrivateEndpoint("pe", { ...minimal(), dns: { privateDnsZoneIds: ids } }));
            assert.deepStrictEqual(rec.ofType(T.zone), []);
            assert.deepStrictEqual(rec.ofType(T.link), []);
            assert.deepStrictEqual(rec.one("pe-dns").inputs.privateDnsZoneConfigs, [
                { name: "privatelink-blob-core-windows-net", privateDnsZoneId: ids[1] },
                { name: "privatelink-table-core-windows-net", privateDnsZoneId: ids[0] },
            ]);
        });

        it("ExistingZones from a hub's map: only the zones of the endpoint's groupIds and region", async () => {
            const map = {
                blob: [zoneId(BLOB_ZONE)],
                management: [zoneId("privatelink.eastus.azmk8s.io"), zoneId("privatelink.westeurope.azmk8s.io")],
            };
            const rec = await build(
                () =>
                    new AzurePrivateEndpoint("aks", {
                        resourceGroupName: "app-rg",
                        location: "westeurope",
                        subnetId: SUBNET,
                        targetResourceId: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/aks-rg/providers/Microsoft.ContainerService/managedClusters/orders",
                        groupIds: ["management"],
                        dns: { zoneIdsByGroupId: pulumi.output(map) },
                    }),
            );
            assert.deepStrictEqual(rec.one("aks-dns").inputs.privateDnsZoneConfigs, [
                { name: "privatelink-westeurope-azmk8s-io", privateDnsZoneId: zoneId("privatelink.westeurope.azmk8s.io") },
            ]);
        });

        it("AzurePolicy: no zone group, and the DNS configuration the policy causes is not written back", async () => {
            const rec = await build(() => new AzurePrivateEndpoint("pe", { ...minimal(), dns: { mode: AzurePrivateEndpointDnsMode.AzurePolicy } }));
            assert.deepStrictEqual(rec.summary(), [`${T.privateEndpoint} pe-endpoint`, `${T.component(COMPONENT)} pe`]);
            assert.deepStrictEqual(rec.one("pe-endpoint").ignoreChanges, ["customDnsConfigs"]);
        });

        it("None: the endpoint alone", async () => {
            const rec = await build(() => new AzurePrivateEndpoint("pe", { ...minimal(), dns: { mode: AzurePrivateEndpointDnsMode.None } }));
            assert.deepStrictEqual(rec.summary(), [`${T.privateEndpoint} pe-endpoint`, `${T.component(COMPONENT)} pe`]);
            assert.deepStrictEqual(rec.one("pe-endpoint").ignoreChanges, []);
        });

        it("CreateZones with a multi-zone groupId: every zone in one zone group (Azure Monitor, 5 zones)", async () => {
            const rec = await build(
                () =>
                    new AzurePrivateEndpoint("ampls", {
                        resourceGroupName: "monitor-rg",
                        subnetId: SUBNET,
                        targetResourceId: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/monitor-rg/providers/Microsoft.Insights/privateLinkScopes/ampls",
                        groupIds: ["azuremonitor"],
                    }),
            );
            assert.strictEqual(rec.ofType(T.zone).length, 5);
            assert.strictEqual(rec.one("ampls-dns").inputs.privateDnsZoneConfigs.length, 5);
        });

        it("uses the catalog of the endpoint's cloud, from its region", async () => {
            const rec = await build(() => new AzurePrivateEndpoint("gov", { ...minimal(), location: "usgovvirginia" }));
            assert.strictEqual(rec.ofType(T.zone)[0].inputs.privateZoneName, "privatelink.blob.core.usgovcloudapi.net");
            const china = await build(() => new AzurePrivateEndpoint("cn", { ...minimal(), cloud: AzureCloud.China }));
            assert.strictEqual(china.ofType(T.zone)[0].inputs.privateZoneName, "privatelink.blob.core.chinacloudapi.cn");
        });
    });

    describe("zone ids from a hub's map", () => {
        const v = new Validator(COMPONENT, "pe");
        it("picks the groupIds' zones by own property, and refuses a missing groupId, a non-map and too many zones", () => {
            assert.deepStrictEqual(pickZoneIds(v, { blob: [zoneId(BLOB_ZONE)], vault: [zoneId("x.y")] }, ["blob"], undefined), [zoneId(BLOB_ZONE)]);
            const missing = validationErrorOf(() => pickZoneIds(v, { blob: [zoneId(BLOB_ZONE)] }, ["vault"], undefined));
            assert.strictEqual(missing?.field, "dns.zoneIdsByGroupId.vault");
            assert.strictEqual(validationErrorOf(() => pickZoneIds(v, Object.create({ blob: [zoneId(BLOB_ZONE)] }), ["blob"], undefined))?.field, "dns.zoneIdsByGroupId.blob");
            assert.strictEqual(validationErrorOf(() => pickZoneIds(v, ["x"], ["blob"], undefined))?.field, "dns.zoneIdsByGroupId");
            assert.strictEqual(validationErrorOf(() => pickZoneIds(v, { blob: ["not-an-id"] }, ["blob"], undefined))?.field, "dns.zoneIdsByGroupId.blob");
            const six = { azuremonitor: ["a", "b", "c", "d", "e", "f"].map((z) => zoneId(`privatelink.${z}.example`)) };
            assert.match(validationErrorOf(() => pickZoneIds(v, six, ["azuremonitor"], undefined))!.message, /more than the 5 one zone group takes/);
            assert.strictEqual(validationErrorOf(() => pickZoneIds(v, { blob: [zoneId("privatelink.queue.core.windows.net")] }, ["blob"], [BLOB_ZONE]))?.field, "dns.zoneIdsByGroupId");
        });
    });

    describe("providers", () => {
        it("puts every child and every lookup in the subscription of the `providers` map", async () => {
            const { Provider } = await import("@pulumi/azure-native/provider");
            const rec = await startMocks();
            const p = new Provider("spoke", { subscriptionId: "5d6a2b1c-3e4f-4a5b-8c9d-0e1f2a3b4c5d" });
            const pe = new AzurePrivateEndpoint("pe", { ...minimal(), dns: { virtualNetworks: [{ virtualNetworkId: vnetId("hub-vnet") }] } }, { providers: { "azure-native": p } });
            await unwrap(pe.privateIps);
            await rec.settle();
            const children = rec.descendantsOf("pe");
            assert.ok(children.length >= 5);
            for (const c of children) {
                assert.strictEqual(rec.providerOf(c)?.name, "spoke", c.name);
                assert.match(c.id, /^\/subscriptions\/5d6a2b1c-/, c.name);
            }
            const lookups = rec.invokes.filter((i) => i.token.startsWith("azure-native:"));
            assert.ok(lookups.length > 0 && lookups.every((i) => i.provider?.includes("pulumi:providers:azure-native::spoke")), JSON.stringify(lookups));
        });
    });

    describe("validation", () => {
        const reject = (field: string, args: unknown, name = "pe") =>
            expectRejected(() => new AzurePrivateEndpoint(name, args as AzurePrivateEndpointArgs), { component: COMPONENT, name, field });
        const cases: Array<[string, string, (a: any) => any]> = [
            ["no subnet", "subnetId", (a) => ({ ...a, subnetId: undefined })],
            ["a subnet id that is a VNet id", "subnetId", (a) => ({ ...a, subnetId: SPOKE_VNET })],
            ["no resource group", "resourceGroupName", (a) => ({ ...a, resourceGroupName: " " })],
            ["no target", "targetResourceId or privateLinkServiceAlias", (a) => ({ ...a, targetResourceId: undefined })],
            ["both a target and an alias", "targetResourceId and privateLinkServiceAlias", (a) => ({ ...a, privateLinkServiceAlias: ALIAS })],
            ["a target that is not a resource id", "targetResourceId", (a) => ({ ...a, targetResourceId: "ordersdata" })],
            ["an alias that is not an alias", "privateLinkServiceAlias", (a) => ({ ...a, targetResourceId: undefined, groupIds: undefined, privateLinkServiceAlias: "orders.eastus.privatelink" })],
            [
                "an alias target with automatic approval",
                "manualApproval",
                (a) => ({ ...a, targetResourceId: undefined, groupIds: undefined, privateLinkServiceAlias: ALIAS, manualApproval: false, dns: { zoneName: "orders.internal" } }),
            ],
            ["a PaaS target without groupIds", "groupIds", (a) => ({ ...a, groupIds: [] })],
            ["groupIds for a private link service", "groupIds", (a) => ({ ...a, targetResourceId: plsId("orders-pls") })],
            ["an unknown groupId", "groupIds[0]", (a) => ({ ...a, groupIds: ["blobs"] })],
            ["a groupId that is not known when the program runs", "groupIds[0]", (a) => ({ ...a, groupIds: [pulumi.output("blob")] })],
            ["a repeated groupId", "groupIds[1]", (a) => ({ ...a, groupIds: ["blob", "blob"] })],
            [
                "a zone group over 5 zones",
                "groupIds",
                (a) => ({ ...a, groupIds: ["blob", "file", "queue", "table", "web", "dfs"] }),
            ],
            [
                "Azure Monitor in US Government (6 zones) with created zones",
                "groupIds",
                (a) => ({ ...a, location: "usgovvirginia", groupIds: ["azuremonitor"], targetResourceId: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/m/providers/Microsoft.Insights/privateLinkScopes/a" }),
            ],
            ["more than 5 existing zones", "dns.privateDnsZoneIds", (a) => ({ ...a, dns: { privateDnsZoneIds: ["a", "b", "c", "d", "e", "f"].map((z) => zoneId(`privatelink.${z}.example`)) } })],
            ["an existing zone id that is not a zone", "dns.privateDnsZoneIds[0]", (a) => ({ ...a, dns: { privateDnsZoneIds: [SPOKE_VNET] } })],
            ["both existing-zone lists", "dns.privateDnsZoneIds and dns.zoneIdsByGroupId", (a) => ({ ...a, dns: { privateDnsZoneIds: [zoneId(BLOB_ZONE)], zoneIdsByGroupId: {} } })],
            ["existing zones with CreateZones", "dns.privateDnsZoneIds", (a) => ({ ...a, dns: { mode: "CreateZones", privateDnsZoneIds: [zoneId(BLOB_ZONE)] } })],
            ["VNets with existing zones", "dns.virtualNetworks", (a) => ({ ...a, dns: { privateDnsZoneIds: [zoneId(BLOB_ZONE)], virtualNetworks: [] } })],
            ["an unknown DNS mode", "dns.mode", (a) => ({ ...a, dns: { mode: "Managed" } })],
            ["a zone group name without a zone group", "dns.zoneGroupName", (a) => ({ ...a, dns: { mode: "None", zoneGroupName: "x" } })],
            ["a regional groupId without a plain location", "location", (a) => ({ ...a, targetResourceId: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/a/providers/Microsoft.App/managedEnvironments/e", groupIds: ["managedEnvironments"] })],
            ["a location of another cloud", "location", (a) => ({ ...a, location: "chinanorth2", cloud: AzureCloud.Public })],
            ["a cloud that is not one", "cloud", (a) => ({ ...a, cloud: "AzureStack" })],
            ["an ambiguous groupId with a target not known yet", "targetResourceType", (a) => ({ ...a, targetResourceId: pulumi.output("x"), groupIds: ["Sql"] })],
            ["a target type that contradicts the target id", "targetResourceType", (a) => ({ ...a, targetResourceType: "Microsoft.KeyVault/vaults" })],
            ["SQL MI without its DNS prefix", "dns.dnsPrefix", (a) => ({ ...a, targetResourceId: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/a/providers/Microsoft.Sql/managedInstances/mi", groupIds: ["managedInstance"] })],
            ["a request message over 140 characters", "requestMessage", (a) => ({ ...a, requestMessage: "x".repeat(141) })],
            ["a connection name Azure refuses", "connectionName", (a) => ({ ...a, connectionName: "-bad-" })],
            ["a static IP without its member name", "ipConfigurations[0].memberName", (a) => ({ ...a, ipConfigurations: [{ privateIpAddress: "10.0.1.10" }] })],
            ["a static IP that is IPv6", "ipConfigurations[0].privateIpAddress", (a) => ({ ...a, ipConfigurations: [{ privateIpAddress: "fd00::1", memberName: "blob" }] })],
            ["a static IP for a groupId the endpoint lacks", "ipConfigurations[0].groupId", (a) => ({ ...a, ipConfigurations: [{ privateIpAddress: "10.0.1.10", groupId: "file", memberName: "file" }] })],
            ["a repeated static IP", "ipConfigurations[1].privateIpAddress", (a) => ({ ...a, ipConfigurations: [{ privateIpAddress: "10.0.1.10", memberName: "blob" }, { privateIpAddress: "10.0.1.10", memberName: "blob2" }] })],
            ["an ASG id that is not an ASG", "applicationSecurityGroupIds[0]", (a) => ({ ...a, applicationSecurityGroupIds: [SPOKE_VNET] })],
            ["a VNet id that is a subnet", "dns.virtualNetworks[0].virtualNetworkId", (a) => ({ ...a, dns: { virtualNetworks: [{ virtualNetworkId: SUBNET }] } })],
            ["the endpoint's own VNet listed again", "dns.virtualNetworks[0].virtualNetworkId", (a) => ({ ...a, dns: { virtualNetworks: [{ virtualNetworkId: SPOKE_VNET }] } })],
            ["a VNet not known yet without a key", "dns.virtualNetworks[0].virtualNetworkId", (a) => ({ ...a, dns: { virtualNetworks: [{ virtualNetworkId: pulumi.output(SPOKE_VNET) }] } })],
            ["two VNets of one name", "dns.virtualNetworks[1].virtualNetworkId", (a) => ({ ...a, dns: { virtualNetworks: [{ virtualNetworkId: vnetId("hub") }, { virtualNetworkId: vnetId("hub", "other-rg") }] } })],
            ["a VNet keyed like the endpoint's own", "dns.virtualNetworks[0].key", (a) => ({ ...a, dns: { virtualNetworks: [{ virtualNetworkId: vnetId("hub"), key: "endpoint-vnet" }] } })],
            ["no VNet to link", "dns.linkEndpointVirtualNetwork", (a) => ({ ...a, dns: { linkEndpointVirtualNetwork: false } })],
            ["tags Azure refuses", "tags", (a) => ({ ...a, tags: { "a/b": "x" } })],
            ["a tag that is not a string", "tags.team", (a) => ({ ...a, tags: { team: 1 } })],
        ];
        for (const [title, field, mutate] of cases) {
            it(`rejects ${title} (${field}) before registering anything`, async () => {
                await reject(field, mutate(minimal()));
            });
        }

        const custom = { resourceGroupName: "client-rg", subnetId: SUBNET, privateLinkServiceAlias: ALIAS };
        const customCases: Array<[string, string, any]> = [
            ["a custom service without a zone to create", "dns.zoneName", custom],
            ["a custom service with Azure Policy DNS", "dns.mode", { ...custom, dns: { mode: "AzurePolicy" } }],
            ["a custom service with existing zones", "dns.mode", { ...custom, dns: { privateDnsZoneIds: [zoneId(BLOB_ZONE)] } }],
            ["a zone name that is one label", "dns.zoneName", { ...custom, dns: { zoneName: "orders" } }],
            ["a static IP with a member name for a custom service", "ipConfigurations[0].memberName", { ...custom, dns: { mode: "None" }, ipConfigurations: [{ privateIpAddress: "10.0.1.9", memberName: "default" }] }],
            ["two static IPs for a custom service", "ipConfigurations", { ...custom, dns: { mode: "None" }, ipConfigurations: [{ privateIpAddress: "10.0.1.9" }, { privateIpAddress: "10.0.1.8" }] }],
            ["a record name for a PaaS target", "dns.recordName", { ...minimal(), dns: { recordName: "api" } }],
        ];
        for (const [title, field, args] of customCases) {
            it(`rejects ${title} (${field}) before registering anything`, async () => {
                await reject(field, args);
            });
        }

        for (const [title, name, args, field] of [
            ["a blank name", " ", minimal(), "name"],
            ["arguments that are not an object", "pe", "blob", "args"],
        ] as const) {
            it(`rejects ${title} (${field})`, async () => {
                await reject(field, args, name);
            });
        }
    });

    describe("hostile arguments (property)", () => {
        // Valid starting points, each edited in up to three fields with valid or hostile values.
        const bases: AzurePrivateEndpointArgs[] = [
            minimal(),
            maximal(),
            { resourceGroupName: "client-rg", subnetId: SUBNET, privateLinkServiceAlias: ALIAS, dns: { zoneName: "orders.privatelink.contoso.internal" } },
            { ...minimal(), dns: { privateDnsZoneIds: [zoneId(BLOB_ZONE)] } },
        ];
        const values: Record<string, fc.Arbitrary<unknown>> = {
            resourceGroupName: fc.constantFrom("app-rg", "", undefined),
            location: fc.constantFrom("eastus", "westeurope", "usgovvirginia", "atlantis", undefined),
            subnetId: fc.constantFrom(SUBNET, SPOKE_VNET, undefined),
            targetResourceId: fc.constantFrom(storageId("a"), keyVaultId("k"), plsId("p"), undefined),
            privateLinkServiceAlias: fc.constantFrom(ALIAS, "x", undefined),
            groupIds: fc.array(fc.constantFrom("blob", "vault", "file", "management", "Sql", "__proto__", "constructor"), { maxLength: 3 }),
            manualApproval: fc.boolean(),
            requestMessage: fc.string({ maxLength: 160 }),
            ipConfigurations: fc.array(fc.record({ privateIpAddress: fc.constantFrom("10.0.1.10", "10.0.1.11", "x"), memberName: fc.constantFrom("blob", "default", undefined) }), { maxLength: 2 }),
            applicationSecurityGroupIds: fc.array(fc.constantFrom(asgId("a"), asgId("b")), { maxLength: 2 }),
            dns: fc.record(
                {
                    mode: fc.constantFrom(...Object.values(AzurePrivateEndpointDnsMode), "x"),
                    privateDnsZoneIds: fc.array(fc.constantFrom(zoneId(BLOB_ZONE), zoneId("privatelink.vaultcore.azure.net")), { maxLength: 2 }),
                    virtualNetworks: fc.array(fc.record({ virtualNetworkId: fc.constantFrom(vnetId("hub"), vnetId("dr"), SPOKE_VNET), key: fc.constantFrom("hub", "endpoint-vnet", undefined) }), { maxLength: 2 }),
                    zoneName: fc.constantFrom("orders.privatelink.contoso.internal", "x"),
                    internetFallback: fc.boolean(),
                },
                { requiredKeys: [] },
            ),
            tags: fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
        };
        it(`either builds the whole graph or throws a ValidationError with nothing registered (${FUZZ_RUNS} runs)`, async () => {
            await assertBuildsOrRejects(COMPONENT, editedArgs(bases, values), (name, a) => new AzurePrivateEndpoint(name, a as AzurePrivateEndpointArgs), "endpoint");
        });
    });
});

// ------------------------------------------------------------------------------------------------
// Edit safety: routine edits change only their own entry's resources.
// ------------------------------------------------------------------------------------------------

const endpoint = (args: AzurePrivateEndpointArgs) => new AzurePrivateEndpoint("pe", args);
const E = "pe-endpoint";
const zoneOf = (z: string) => `pe-zone-${z.replace(/\./g, "-")}`;
const linkOf = (z: string, vnet: string) => `pe-link-${z.replace(/\./g, "-")}-${vnet}`;
const SYNAPSE = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/data-rg/providers/Microsoft.Synapse/workspaces/orders";
const SQL_ZONE = "privatelink.sql.azuresynapse.net";
const DEV_ZONE = "privatelink.dev.azuresynapse.net";
const synapse = (groupIds: string[], vnets: string[] = []): AzurePrivateEndpointArgs => ({
    resourceGroupName: "app-rg",
    subnetId: SUBNET,
    targetResourceId: SYNAPSE,
    groupIds,
    dns: { virtualNetworks: vnets.map((n) => ({ virtualNetworkId: vnetId(n) })) },
});
const hubZones = [zoneId(BLOB_ZONE), zoneId("privatelink.table.core.windows.net")];

describeEdits("AzurePrivateEndpoint", endpoint, [
    {
        edit: "add a groupId: its zone and links are created, the endpoint is replaced (Azure refuses the change in place)",
        before: synapse(["Sql"], ["hub"]),
        after: synapse(["Sql", "Dev"], ["hub"]),
        expect: {
            created: [zoneOf(DEV_ZONE), linkOf(DEV_ZONE, "endpoint-vnet"), linkOf(DEV_ZONE, "hub")],
            changed: { [E]: ["privateLinkServiceConnections"], "pe-dns": ["privateDnsZoneConfigs"] },
        },
    },
    {
        edit: "remove a groupId: only its zone and links go",
        before: synapse(["Dev", "Sql"], ["hub"]),
        after: synapse(["Sql"], ["hub"]),
        expect: {
            deleted: [zoneOf(DEV_ZONE), linkOf(DEV_ZONE, "endpoint-vnet"), linkOf(DEV_ZONE, "hub")],
            changed: { [E]: ["privateLinkServiceConnections"], "pe-dns": ["privateDnsZoneConfigs"] },
        },
    },
    { edit: "reorder the groupIds: nothing changes", before: synapse(["Sql", "Dev"]), after: synapse(["Dev", "Sql"]), expect: {} },
    {
        edit: "add a VNet: one link per zone for it",
        before: synapse(["Sql"], ["hub"]),
        after: synapse(["Sql"], ["hub", "dr"]),
        expect: { created: [linkOf(SQL_ZONE, "dr")] },
    },
    {
        edit: "remove a VNet: only its links go",
        before: synapse(["Sql", "Dev"], ["hub", "dr"]),
        after: synapse(["Sql", "Dev"], ["dr"]),
        expect: { deleted: [linkOf(SQL_ZONE, "hub"), linkOf(DEV_ZONE, "hub")] },
    },
    { edit: "reorder the VNets: nothing changes", before: synapse(["Sql"], ["hub", "dr"]), after: synapse(["Sql"], ["dr", "hub"]), expect: {} },
    {
        edit: "turn the internet fallback on: the links change, nothing else",
        before: synapse(["Sql"], ["hub"]),
        after: { ...synapse(["Sql"], ["hub"]), dns: { virtualNetworks: [{ virtualNetworkId: vnetId("hub") }], internetFallback: true } },
        expect: { changed: { [linkOf(SQL_ZONE, "endpoint-vnet")]: ["resolutionPolicy"], [linkOf(SQL_ZONE, "hub")]: ["resolutionPolicy"] } },
    },
    {
        edit: "switch DNS from created zones to the hub's zones: the zones and links go, the zone group points at the hub",
        before: minimal(),
        after: { ...minimal(), dns: { privateDnsZoneIds: [zoneId(BLOB_ZONE)] } },
        expect: { deleted: [zoneOf(BLOB_ZONE), linkOf(BLOB_ZONE, "endpoint-vnet")], changed: { "pe-dns": ["privateDnsZoneConfigs"] } },
    },
    {
        edit: "switch DNS from created zones to Azure Policy: the zones, links and zone group go, the endpoint stays",
        before: minimal(),
        after: { ...minimal(), dns: { mode: AzurePrivateEndpointDnsMode.AzurePolicy } },
        expect: { deleted: [zoneOf(BLOB_ZONE), linkOf(BLOB_ZONE, "endpoint-vnet"), "pe-dns"] },
    },
    {
        edit: "switch DNS from Azure Policy to the hub's zones: only the zone group is created",
        before: { ...minimal(), dns: { mode: AzurePrivateEndpointDnsMode.AzurePolicy } },
        after: { ...minimal(), dns: { privateDnsZoneIds: [zoneId(BLOB_ZONE)] } },
        expect: { created: ["pe-dns"] },
    },
    {
        edit: "switch DNS from the hub's zones to none: only the zone group goes",
        before: { ...minimal(), dns: { privateDnsZoneIds: [zoneId(BLOB_ZONE)] } },
        after: { ...minimal(), dns: { mode: AzurePrivateEndpointDnsMode.None } },
        expect: { deleted: ["pe-dns"] },
    },
    {
        edit: "add an existing zone: the zone group changes",
        before: { ...minimal(), dns: { privateDnsZoneIds: [hubZones[0]] } },
        after: { ...minimal(), dns: { privateDnsZoneIds: hubZones } },
        expect: { changed: { "pe-dns": ["privateDnsZoneConfigs"] } },
    },
    {
        edit: "reorder the existing zones: nothing changes",
        before: { ...minimal(), dns: { privateDnsZoneIds: hubZones } },
        after: { ...minimal(), dns: { privateDnsZoneIds: [...hubZones].reverse() } },
        expect: {},
    },
    {
        edit: "switch to manual approval: the connection moves lists (a replacement)",
        before: minimal(),
        after: { ...minimal(), manualApproval: true, requestMessage: "orders" },
        expect: { changed: { [E]: ["manualPrivateLinkServiceConnections", "privateLinkServiceConnections"] } },
    },
    {
        edit: "add an application security group; the endpoint alone changes",
        before: { ...minimal(), applicationSecurityGroupIds: [asgId("a")] },
        after: { ...minimal(), applicationSecurityGroupIds: [asgId("a"), asgId("b")] },
        expect: { changed: { [E]: ["applicationSecurityGroups"] } },
    },
    {
        edit: "reorder the application security groups: nothing changes",
        before: { ...minimal(), applicationSecurityGroupIds: [asgId("a"), asgId("b")] },
        after: { ...minimal(), applicationSecurityGroupIds: [asgId("b"), asgId("a")] },
        expect: {},
    },
    {
        edit: "remove every application security group: an explicit empty list reaches Azure",
        before: { ...minimal(), applicationSecurityGroupIds: [asgId("a")] },
        after: minimal(),
        expect: { changed: { [E]: ["applicationSecurityGroups"] } },
    },
    {
        edit: "add a static IP: the endpoint alone changes",
        before: minimal(),
        after: { ...minimal(), ipConfigurations: [{ privateIpAddress: "10.0.1.10", memberName: "blob" }] },
        expect: { changed: { [E]: ["ipConfigurations"] } },
    },
    {
        edit: "add a tag: every tagged resource changes its tags, nothing is replaced",
        before: minimal(),
        after: { ...minimal(), tags: { team: "orders" } },
        expect: { changed: { [E]: ["tags"], [zoneOf(BLOB_ZONE)]: ["tags"], [linkOf(BLOB_ZONE, "endpoint-vnet")]: ["tags"] } },
    },
]);
