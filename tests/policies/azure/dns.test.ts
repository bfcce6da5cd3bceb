import * as assert from "assert";
import { couldNotCheck, UNKNOWN, usePack } from "../../harness/policies";
import { armId, expectViolations, notApplicable, res, RG, subnetId, TYPES } from "./fixtures";

const LINK = TYPES.link;

describe("azure pack: private DNS rules", () => {
    const pack = usePack("azure");

    describe("privatelink-zone-no-autoregistration", () => {
        const RULE = "privatelink-zone-no-autoregistration";
        const link = (props: Record<string, any>) => ({
            type: LINK,
            name: "link",
            props: { resourceGroupName: RG, privateZoneName: "privatelink.blob.core.windows.net", virtualNetwork: { id: "v" }, ...props },
        });
        it("reports auto-registration into a privatelink zone, at mandatory", async () => {
            const [d] = expectViolations(await pack().analyze(link({ registrationEnabled: true })), RULE, 1, "mandatory");
            assert.match(d.message, /"link" registers VM records in Private Link zone "privatelink\.blob\.core\.windows\.net"/);
        });
        it("matches the zone prefix case-insensitively and reads \"true\"", async () => {
            expectViolations(await pack().analyze(link({ registrationEnabled: "true", privateZoneName: "PrivateLink.vaultcore.azure.net" })), RULE, 1);
        });
        it("passes disabled or missing registration, and other zones", async () => {
            expectViolations(await pack().analyze(link({ registrationEnabled: false })), RULE, 0);
            expectViolations(await pack().analyze(link({})), RULE, 0);
            expectViolations(await pack().analyze(link({ registrationEnabled: true, privateZoneName: "corp.internal" })), RULE, 0);
        });
        it("does not crash on wrong types", async () => {
            expectViolations(await pack().analyze(link({ registrationEnabled: { on: true } })), RULE, 0);
            expectViolations(await pack().analyze(link({ registrationEnabled: true, privateZoneName: ["privatelink.x"] })), RULE, 0);
        });
        it("needs the zone name only when registration is on", async () => {
            assert.ok(!couldNotCheck(await pack().analyze(link({ registrationEnabled: false, privateZoneName: UNKNOWN })), RULE));
            assert.ok(couldNotCheck(await pack().analyze(link({ registrationEnabled: true, privateZoneName: UNKNOWN })), RULE));
            assert.ok(couldNotCheck(await pack().analyze(link({ registrationEnabled: UNKNOWN })), RULE));
        });
        it("remediates registrationEnabled to false when configured to remediate", async () => {
            assert.deepStrictEqual(await pack().remediate(link({ registrationEnabled: true })), []);
            await pack().configure({ [RULE]: { enforcementLevel: "remediate" } });
            const rem = await pack().remediate(link({ registrationEnabled: true }));
            assert.strictEqual(rem.find((x) => x.policyName === RULE)?.properties?.registrationEnabled, false);
            const none = await pack().remediate(link({ registrationEnabled: true, privateZoneName: "corp.internal" }));
            assert.strictEqual(none.find((x) => x.policyName === RULE), undefined);
        });
        it("is not applicable to other types", async () => {
            assert.ok(notApplicable(await pack().analyze({ type: TYPES.zone, props: {} }), RULE));
        });
    });

    describe("pe-requires-dns (stack)", () => {
        const RULE = "pe-requires-dns";
        const STORAGE_ID = armId("Microsoft.Storage/storageAccounts/data");
        const PLS_ID = armId("Microsoft.Network/privateLinkServices/svc", "rg-provider");
        const pe = (name: string, props: Record<string, any> = {}) =>
            res(TYPES.pe, name, {
                resourceGroupName: RG,
                privateEndpointName: name,
                subnet: { id: subnetId("vnet", "pe") },
                privateLinkServiceConnections: [{ name: "c", privateLinkServiceId: STORAGE_ID, groupIds: ["blob"] }],
                ...props,
            });
        const customPe = (name: string) =>
            pe(name, { privateLinkServiceConnections: undefined, manualPrivateLinkServiceConnections: [{ name: "c", privateLinkServiceId: PLS_ID, requestMessage: "hi" }] });
        const ZONE_CONFIGS = [{ name: "blob", privateDnsZoneId: armId("Microsoft.Network/privateDnsZones/privatelink.blob.core.windows.net") }];
        const group = (name: string, props: Record<string, any>, extra = {}) =>
            res(TYPES.zoneGroup, name, { resourceGroupName: RG, privateDnsZoneGroupName: "default", privateDnsZoneConfigs: ZONE_CONFIGS, ...props }, extra);

        it("reports a private endpoint without a zone group, at advisory", async () => {
            const endpoint = pe("pe-blob");
            const [d] = expectViolations(await pack().analyzeStack([endpoint]), RULE, 1, "advisory");
            assert.match(d.message, /private endpoint "pe-blob" has no private DNS zone group/);
            assert.strictEqual(d.urn, endpoint.urn);
        });
        it("passes a zone group tied by property dependencies, even with an unknown name", async () => {
            const endpoint = pe("pe-blob");
            const r = await pack().analyzeStack([endpoint, group("zg", { privateEndpointName: UNKNOWN }, { propertyDependencies: { privateEndpointName: [endpoint.urn] } })]);
            expectViolations(r, RULE, 0);
            assert.ok(!couldNotCheck(r, RULE));
        });
        it("passes a zone group whose privateEndpointName matches, case-insensitively", async () => {
            expectViolations(await pack().analyzeStack([pe("pe-blob"), group("zg", { privateEndpointName: "PE-Blob" })]), RULE, 0);
        });
        it("matches the endpoint's name output when the input is absent", async () => {
            const endpoint = res(TYPES.pe, "pe-logical", { name: "pe-physical", privateLinkServiceConnections: [{ name: "c", groupIds: ["blob"] }] });
            expectViolations(await pack().analyzeStack([endpoint, group("zg", { privateEndpointName: "pe-physical", resourceGroupName: undefined })]), RULE, 0);
        });
        it("passes a zone group that is a child of the endpoint", async () => {
            const endpoint = pe("pe-blob");
            expectViolations(await pack().analyzeStack([endpoint, group("zg", { privateEndpointName: UNKNOWN }, { parent: endpoint.urn })]), RULE, 0);
        });
        it("does not count a zone group of another endpoint or resource group", async () => {
            expectViolations(await pack().analyzeStack([pe("pe-blob"), group("zg", { privateEndpointName: "pe-file" })]), RULE, 1);
            expectViolations(await pack().analyzeStack([pe("pe-blob"), group("zg", { privateEndpointName: "pe-blob", resourceGroupName: "rg-other" })]), RULE, 1);
            const a = pe("a");
            const b = pe("b");
            const r = await pack().analyzeStack([a, b, group("zg", { privateEndpointName: UNKNOWN }, { propertyDependencies: { privateEndpointName: [a.urn] } })]);
            assert.match(expectViolations(r, RULE, 1)[0].message, /"b"/);
        });
        it("reports a zone group without zones", async () => {
            const g = group("zg", { privateEndpointName: "pe-blob", privateDnsZoneConfigs: [] });
            const [d] = expectViolations(await pack().analyzeStack([pe("pe-blob"), g]), RULE, 1);
            assert.match(d.message, /zone group "zg" of private endpoint "pe-blob" has no privateDnsZoneConfigs/);
            assert.strictEqual(d.urn, g.urn);
            expectViolations(await pack().analyzeStack([pe("pe-blob"), group("zg", { privateEndpointName: "pe-blob", privateDnsZoneConfigs: undefined })]), RULE, 1);
        });
        it("accepts endpoints to PaaS services without zone groups when dnsManagedByPolicy is set", async () => {
            await pack().configure({ [RULE]: { dnsManagedByPolicy: true } });
            expectViolations(await pack().analyzeStack([pe("pe-blob")]), RULE, 0);
            // Policy (DINE by groupId) does not cover custom private link services.
            expectViolations(await pack().analyzeStack([customPe("pe-svc")]), RULE, 1);
        });
        it("ignores a wrong-typed dnsManagedByPolicy", async () => {
            await pack().configure({ [RULE]: { dnsManagedByPolicy: "true" } });
            expectViolations(await pack().analyzeStack([pe("pe-blob")]), RULE, 1);
        });
        it("accepts an A record set built from a custom-service endpoint's address", async () => {
            const endpoint = customPe("pe-svc");
            const record = res(TYPES.recordSet, "svc-a", { recordType: "A", aRecords: [{ ipv4Address: UNKNOWN }] }, { propertyDependencies: { aRecords: [endpoint.urn] } });
            expectViolations(await pack().analyzeStack([endpoint, record]), RULE, 0);
            const other = res(TYPES.recordSet, "other-a", { recordType: "A" }, { dependencies: [] });
            assert.match(expectViolations(await pack().analyzeStack([endpoint, other]), RULE, 1)[0].message, /custom private link service has no private DNS zone group and no A record set/);
        });
        it("accepts a zone group for a custom-service endpoint too", async () => {
            expectViolations(await pack().analyzeStack([customPe("pe-svc"), group("zg", { privateEndpointName: "pe-svc" })]), RULE, 0);
        });
        it("is not applicable without private endpoints", async () => {
            assert.ok(notApplicable(await pack().analyzeStack([group("zg", { privateEndpointName: "x" })]), RULE));
        });
        it("does not crash on wrong types", async () => {
            const r = await pack().analyzeStack([
                res(TYPES.pe, "a", { privateEndpointName: 5, privateLinkServiceConnections: "x" }),
                res(TYPES.pe, "b", { manualPrivateLinkServiceConnections: [{ groupIds: "blob" }] }),
                res(TYPES.zoneGroup, "zg", { privateEndpointName: ["a"], privateDnsZoneConfigs: "zone" }),
            ]);
            expectViolations(r, RULE, 2);
        });
        it("says it could not check an unknown endpoint name of an untied zone group", async () => {
            assert.ok(couldNotCheck(await pack().analyzeStack([pe("pe-blob"), group("zg", { privateEndpointName: UNKNOWN })]), RULE));
        });
    });
});
