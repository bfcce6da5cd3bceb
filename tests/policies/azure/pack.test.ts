/**
 * The Azure pack as a whole: metadata of every policy, the example configuration, and the promise
 * that what the Azure components create by default passes every rule.
 */
import * as assert from "assert";
import { schemaErrors } from "../../harness/configSchema";
import * as fs from "fs";
import * as path from "path";
import { azurePolicies } from "../../../policies/azure/policies";
import { AnalyzeResult, packDir, PolicyInfoResult, UNKNOWN, urnFor, usePack } from "../../harness/policies";
import { armId, OTHER_SUB, res, RG, SUB_ID, subnetId, TYPES } from "./fixtures";

/** Default levels and severities: mandatory only for clear security risks and deployment breakers. */
const EXPECTED: Record<string, [string, string]> = {
    "pls-no-public-visibility": ["mandatory", "high"],
    "pls-no-wildcard-autoapproval": ["mandatory", "critical"],
    "pls-autoapproval-subset-of-visibility": ["advisory", "medium"],
    "pls-nat-ip-count": ["advisory", "low"],
    "pls-nat-subnet-policies-disabled": ["mandatory", "high"],
    "pls-proxy-protocol-consistency": ["advisory", "medium"],
    "nsg-no-internet-inbound-sensitive-ports": ["mandatory", "high"],
    "nsg-no-internet-inbound": ["advisory", "medium"],
    "nsg-no-broad-inbound": ["advisory", "medium"],
    "pe-connection-has-name": ["mandatory", "medium"],
    "pe-manual-connection-has-request-message": ["advisory", "low"],
    "pe-subnet-has-nsg": ["advisory", "medium"],
    "pe-subnet-nsg-policies-enabled": ["advisory", "medium"],
    "pe-requires-dns": ["advisory", "medium"],
    "privatelink-zone-no-autoregistration": ["mandatory", "medium"],
    "target-public-network-access-disabled": ["mandatory", "high"],
    "required-tags": ["advisory", "low"],
};

const CONFIG_EXAMPLE = path.join(packDir("azure"), "config.example.json");

/** A stack as the future Azure components will build it by default, plus the user's own network. */
function componentDefaults() {
    const PLS_C = "privatelink:index:AzurePrivateLinkService";
    const PE_C = "privatelink:index:AzurePrivateEndpoint";
    const DNS_C = "privatelink:index:AzurePrivateDnsZones";
    const tags = (component: string) => ({ "managed-by": "privatelink", "privatelink-component": component });
    const child = (type: string, name: string, parentType: string, props: Record<string, any>, extra: Record<string, any> = {}) => ({
        type,
        name,
        urn: urnFor(type, name, parentType),
        props,
        ...extra,
    });

    const vnet = res(TYPES.vnet, "vnet", { resourceGroupName: RG, virtualNetworkName: "vnet", addressSpace: { addressPrefixes: ["10.0.0.0/16"] } });
    const lb = res(TYPES.lb, "ilb", { resourceGroupName: RG, loadBalancerName: "ilb", sku: { name: "Standard" } });
    const natSubnet = res(
        TYPES.subnet,
        "nat",
        { resourceGroupName: RG, virtualNetworkName: "vnet", subnetName: "nat", addressPrefix: "10.0.1.0/24", privateLinkServiceNetworkPolicies: "Disabled" },
        { propertyDependencies: { virtualNetworkName: [vnet.urn] } },
    );
    const nsg = child(TYPES.nsg, "app-nsg", PE_C, {
        resourceGroupName: RG,
        tags: tags("app"),
        securityRules: [
            {
                name: "allow-consumers-443",
                priority: 100,
                direction: "Inbound",
                access: "Allow",
                protocol: "Tcp",
                sourceAddressPrefixes: ["10.1.0.0/16", "10.2.0.0/16"],
                sourcePortRange: "*",
                destinationAddressPrefix: "*",
                destinationPortRange: "443",
            },
        ],
    });
    const peSubnet = res(
        TYPES.subnet,
        "pe",
        {
            resourceGroupName: RG,
            virtualNetworkName: "vnet",
            subnetName: "pe",
            addressPrefix: "10.0.2.0/24",
            privateEndpointNetworkPolicies: "NetworkSecurityGroupEnabled",
            networkSecurityGroup: { id: UNKNOWN },
        },
        { propertyDependencies: { networkSecurityGroup: [nsg.urn] } },
    );
    const pls = child(
        TYPES.pls,
        "svc-pls",
        PLS_C,
        {
            resourceGroupName: RG,
            tags: tags("svc"),
            visibility: { subscriptions: [SUB_ID, OTHER_SUB] },
            autoApproval: { subscriptions: [SUB_ID] },
            enableProxyProtocol: false,
            loadBalancerFrontendIpConfigurations: [{ id: armId("Microsoft.Network/loadBalancers/ilb/frontendIPConfigurations/fe") }],
            ipConfigurations: [{ name: "nat-0", primary: true, privateIPAllocationMethod: "Dynamic", subnet: { id: UNKNOWN } }],
        },
        { propertyDependencies: { ipConfigurations: [natSubnet.urn], loadBalancerFrontendIpConfigurations: [lb.urn] } },
    );
    const storage = res(TYPES.storage, "data", { resourceGroupName: RG, accountName: "data", kind: "StorageV2", sku: { name: "Standard_LRS" }, publicNetworkAccess: "Disabled" });
    const pe = child(
        TYPES.pe,
        "blob-pe",
        PE_C,
        {
            resourceGroupName: RG,
            tags: tags("blob"),
            subnet: { id: subnetId("vnet", "pe") },
            privateLinkServiceConnections: [{ name: "blob-pe", privateLinkServiceId: armId("Microsoft.Storage/storageAccounts/data"), groupIds: ["blob"] }],
        },
        { propertyDependencies: { privateLinkServiceConnections: [storage.urn] } },
    );
    const zone = child(TYPES.zone, "blob-zone", DNS_C, { resourceGroupName: RG, privateZoneName: "privatelink.blob.core.windows.net", location: "global", tags: tags("dns") });
    const link = child(TYPES.link, "blob-link", DNS_C, {
        resourceGroupName: RG,
        privateZoneName: "privatelink.blob.core.windows.net",
        location: "global",
        registrationEnabled: false,
        virtualNetwork: { id: armId("Microsoft.Network/virtualNetworks/vnet") },
        tags: tags("dns"),
    });
    const zoneGroup = child(
        TYPES.zoneGroup,
        "blob-pe-dns",
        PE_C,
        {
            resourceGroupName: RG,
            privateEndpointName: UNKNOWN,
            privateDnsZoneGroupName: "default",
            privateDnsZoneConfigs: [{ name: "blob", privateDnsZoneId: UNKNOWN }],
        },
        { propertyDependencies: { privateEndpointName: [pe.urn] } },
    );
    const consumerPe = child(
        TYPES.pe,
        "svc-pe",
        PE_C,
        {
            resourceGroupName: RG,
            tags: tags("svc-consumer"),
            subnet: { id: subnetId("vnet", "pe") },
            manualPrivateLinkServiceConnections: [
                { name: "svc-pe", privateLinkServiceId: armId("Microsoft.Network/privateLinkServices/svc", "rg-provider"), requestMessage: "svc-consumer via privatelink" },
            ],
        },
    );
    const record = child(TYPES.recordSet, "svc-a", PE_C, { recordType: "A", relativeRecordSetName: "svc", aRecords: [{ ipv4Address: UNKNOWN }] }, { dependencies: [consumerPe.urn] });
    return [vnet, lb, natSubnet, nsg, peSubnet, pls, storage, pe, zone, link, zoneGroup, consumerPe, record];
}

function assertClean(result: AnalyzeResult, what: string) {
    assert.deepStrictEqual(
        result.diagnostics.map((d) => `${d.policyName}: ${d.message}`),
        [],
        `${what} should pass every rule`,
    );
}

describe("azure pack", () => {
    const pack = usePack("azure");
    let policies: PolicyInfoResult[] = [];
    before(async () => {
        policies = (await pack().info()).policies;
    });

    it("is named privatelink-azure and carries the package version", async () => {
        const info = await pack().info();
        assert.strictEqual(info.name, "privatelink-azure");
        assert.strictEqual(info.version, "0.1.0");
        assert.ok(info.description.length > 0);
    });

    it("serves every exported policy, once, in order", () => {
        assert.deepStrictEqual(
            policies.map((p) => p.name),
            azurePolicies.map((p) => p.name),
        );
        assert.strictEqual(new Set(policies.map((p) => p.name)).size, policies.length);
        assert.deepStrictEqual(policies.map((p) => p.name).sort(), Object.keys(EXPECTED).sort());
    });

    describe("metadata", () => {
        for (const name of Object.keys(EXPECTED)) {
            it(`${name}: complete metadata and the documented default level`, () => {
                const p = policies.find((x) => x.name === name);
                assert.ok(p, `${name} is served`);
                assert.match(p.name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
                assert.match(p.description, /^Checks whether /);
                assert.deepStrictEqual([p.enforcementLevel, p.severity], EXPECTED[name]);
                assert.ok(p.remediationSteps.length > 20, "remediationSteps");
                assert.ok(p.url.startsWith("https://") || (p.framework?.reference ?? "") !== "", "framework or url");
                assert.ok(p.url.startsWith("https://"), "url");
                if (p.framework && p.framework.name) {
                    assert.ok(p.framework.reference.length > 0 && p.framework.specification.length > 0, "framework reference and specification");
                }
                if (p.configSchema) {
                    assert.ok(!("enforcementLevel" in p.configSchema.properties), "configSchema must not declare enforcementLevel");
                }
            });
        }
    });

    describe("config.example.json", () => {
        const example: Record<string, Record<string, unknown>> = JSON.parse(fs.readFileSync(CONFIG_EXAMPLE, "utf8"));

        it("has exactly the configurable rules as keys", () => {
            const configurable = policies.filter((p) => p.configSchema && Object.keys(p.configSchema.properties).length > 0).map((p) => p.name);
            assert.deepStrictEqual(Object.keys(example).sort(), configurable.sort());
        });

        it("shows every setting of each rule, valid against its schema", () => {
            for (const [rule, settings] of Object.entries(example)) {
                const schema = policies.find((p) => p.name === rule)!.configSchema!;
                assert.deepStrictEqual(Object.keys(settings).sort(), Object.keys(schema.properties).sort(), `${rule} settings`);
                for (const [key, value] of Object.entries(settings)) {
                    assert.deepStrictEqual(schemaErrors(value, schema.properties[key], `${rule}.${key}`), []);
                }
            }
        });

        it("is accepted by the pack, and the component defaults still pass", async () => {
            await pack().configure(example);
            for (const r of componentDefaults()) {
                assertClean(await pack().analyze(r), r.urn);
            }
            assertClean(await pack().analyzeStack(componentDefaults()), "the stack");
        });
    });

    describe("what the Azure components create by default", () => {
        it("passes every resource rule", async () => {
            for (const r of componentDefaults()) {
                assertClean(await pack().analyze(r), r.urn);
            }
        });
        it("passes every stack rule, with preview-unknown ids resolved through dependencies", async () => {
            assertClean(await pack().analyzeStack(componentDefaults()), "the stack");
        });
        it("fails once a default is broken (the stack check bites)", async () => {
            const stack = componentDefaults()
                .filter((r) => r.type !== TYPES.zoneGroup)
                .map((r) => {
                    if (r.type === TYPES.subnet && r.name === "nat") return { ...r, props: { ...r.props, privateLinkServiceNetworkPolicies: "Enabled" } };
                    if (r.type === TYPES.storage) return { ...r, props: { ...r.props, publicNetworkAccess: "Enabled" } };
                    return r;
                });
            const names = (await pack().analyzeStack(stack)).diagnostics.map((d) => d.policyName).sort();
            assert.deepStrictEqual(names, ["pe-requires-dns", "pls-nat-subnet-policies-disabled", "target-public-network-access-disabled"]);
        });
        it("passes at mandatory when every rule is configured mandatory", async () => {
            await pack().configure(Object.fromEntries(Object.keys(EXPECTED).map((n) => [n, { enforcementLevel: "mandatory" }])));
            for (const r of componentDefaults()) {
                assertClean(await pack().analyze(r), r.urn);
            }
            assertClean(await pack().analyzeStack(componentDefaults()), "the stack");
        });
    });
});
