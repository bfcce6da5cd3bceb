import * as assert from "assert";
import { PAAS_TARGETS } from "../../../policies/azure/rules/paas";
import { couldNotCheck, UNKNOWN, usePack } from "../../harness/policies";
import { armId, expectViolations, notApplicable, res, RG, subnetId, TYPES } from "./fixtures";

const RULE = "target-public-network-access-disabled";

/** Sets a dotted path in a fresh object. */
function withPath(path: string, value: unknown): Record<string, any> {
    const keys = path.split(".");
    const out: Record<string, any> = {};
    let cur = out;
    keys.slice(0, -1).forEach((k) => (cur = cur[k] = {}));
    cur[keys[keys.length - 1]] = value;
    return out;
}

const endpointTo = (name: string, targetId: unknown, extra = {}, manual = false) =>
    res(
        TYPES.pe,
        name,
        {
            resourceGroupName: RG,
            subnet: { id: subnetId("vnet", "pe") },
            [manual ? "manualPrivateLinkServiceConnections" : "privateLinkServiceConnections"]: [{ name: "c", privateLinkServiceId: targetId, groupIds: ["x"] }],
        },
        extra,
    );

const storage = (publicNetworkAccess?: unknown, extra = {}) =>
    res(TYPES.storage, "data", { resourceGroupName: RG, accountName: "data", kind: "StorageV2", ...(publicNetworkAccess === undefined ? {} : { publicNetworkAccess }) }, extra);
const STORAGE_ID = armId("Microsoft.Storage/storageAccounts/data");

describe("azure pack: target-public-network-access-disabled (stack)", () => {
    const pack = usePack("azure");

    it("reports a storage account with a private endpoint and public access unset, at mandatory", async () => {
        const s = storage();
        const r = await pack().analyzeStack([s, endpointTo("pe", UNKNOWN, { propertyDependencies: { privateLinkServiceConnections: [s.urn] } })]);
        const [d] = expectViolations(r, RULE, 1, "mandatory");
        assert.match(d.message, /storage account "data" has private endpoint "pe" but publicNetworkAccess is unset .*CKV_AZURE_59/);
        assert.strictEqual(d.urn, s.urn);
    });
    it("reports \"Enabled\" and passes \"Disabled\" in any case", async () => {
        expectViolations(await pack().analyzeStack([storage("Enabled"), endpointTo("pe", STORAGE_ID)]), RULE, 1);
        expectViolations(await pack().analyzeStack([storage("Disabled"), endpointTo("pe", STORAGE_ID)]), RULE, 0);
        expectViolations(await pack().analyzeStack([storage("DISABLED"), endpointTo("pe", STORAGE_ID.toLowerCase())]), RULE, 0);
    });
    it("matches manual connections, and the id output when inputs are absent", async () => {
        expectViolations(await pack().analyzeStack([storage("Enabled"), endpointTo("pe", STORAGE_ID, {}, true)]), RULE, 1);
        const deployed = res(TYPES.storage, "data", { id: STORAGE_ID, name: "data", publicNetworkAccess: "Enabled" });
        expectViolations(await pack().analyzeStack([deployed, endpointTo("pe", STORAGE_ID)]), RULE, 1);
    });
    it("passes a PaaS resource without a private endpoint, or one the endpoint does not target", async () => {
        assert.ok(notApplicable(await pack().analyzeStack([storage("Enabled")]), RULE));
        expectViolations(await pack().analyzeStack([storage("Enabled"), endpointTo("pe", armId("Microsoft.Storage/storageAccounts/other"))]), RULE, 0);
        expectViolations(await pack().analyzeStack([storage("Enabled"), endpointTo("pe", armId("Microsoft.Storage/storageAccounts/data", "rg-other"))]), RULE, 0);
    });
    it("reports a target once even with several endpoints", async () => {
        expectViolations(await pack().analyzeStack([storage("Enabled"), endpointTo("pe1", STORAGE_ID), endpointTo("pe2", STORAGE_ID)]), RULE, 1);
    });
    it("reads Key Vault's properties.publicNetworkAccess (\"disabled\", any case)", async () => {
        const vault = (v?: string) =>
            res(TYPES.vault, "kv", { resourceGroupName: RG, vaultName: "kv", properties: { tenantId: "t", sku: { name: "standard", family: "A" }, ...(v ? { publicNetworkAccess: v } : {}) } });
        const id = armId("Microsoft.KeyVault/vaults/kv");
        expectViolations(await pack().analyzeStack([vault("disabled"), endpointTo("pe", id)]), RULE, 0);
        expectViolations(await pack().analyzeStack([vault("Disabled"), endpointTo("pe", id)]), RULE, 0);
        expectViolations(await pack().analyzeStack([vault("enabled"), endpointTo("pe", id)]), RULE, 1);
        assert.match(expectViolations(await pack().analyzeStack([vault(), endpointTo("pe", id)]), RULE, 1)[0].message, /key vault "kv".*properties\.publicNetworkAccess/);
        // A top-level publicNetworkAccess is not where Key Vault keeps it.
        const misplaced = res(TYPES.vault, "kv", { resourceGroupName: RG, vaultName: "kv", publicNetworkAccess: "Disabled", properties: {} });
        expectViolations(await pack().analyzeStack([misplaced, endpointTo("pe", id)]), RULE, 1);
    });
    it("checks SQL servers", async () => {
        const sql = (v: string) => res(TYPES.sql, "sql", { resourceGroupName: RG, serverName: "sql", publicNetworkAccess: v });
        const id = armId("Microsoft.Sql/servers/sql");
        expectViolations(await pack().analyzeStack([sql("Enabled"), endpointTo("pe", id)]), RULE, 1);
        expectViolations(await pack().analyzeStack([sql("Disabled"), endpointTo("pe", id)]), RULE, 0);
    });
    it("checks every supported PaaS type at its own property path", async () => {
        for (const t of PAAS_TARGETS) {
            const nameProps = Object.fromEntries(t.nameProps.map((p) => [p, "svc1"]));
            const id = armId(`${t.provider}/${t.segment}/svc1`);
            for (const type of t.types) {
                const open = res(type, "svc", { resourceGroupName: RG, ...nameProps, ...withPath(t.path, "Enabled") });
                const closed = res(type, "svc", { resourceGroupName: RG, ...nameProps, ...withPath(t.path, "Disabled") });
                expectViolations(await pack().analyzeStack([open, endpointTo("pe", id)]), RULE, 1);
                expectViolations(await pack().analyzeStack([closed, endpointTo("pe", id)]), RULE, 0);
            }
        }
    });
    it("accepts SecuredByPerimeter only when allowSecuredByPerimeter is set", async () => {
        expectViolations(await pack().analyzeStack([storage("SecuredByPerimeter"), endpointTo("pe", STORAGE_ID)]), RULE, 1);
        await pack().configure({ [RULE]: { allowSecuredByPerimeter: true } });
        expectViolations(await pack().analyzeStack([storage("SecuredByPerimeter"), endpointTo("pe", STORAGE_ID)]), RULE, 0);
        expectViolations(await pack().analyzeStack([storage("Enabled"), endpointTo("pe", STORAGE_ID)]), RULE, 1);
    });
    it("ignores a wrong-typed setting", async () => {
        await pack().configure({ [RULE]: { allowSecuredByPerimeter: 1 } });
        expectViolations(await pack().analyzeStack([storage("SecuredByPerimeter"), endpointTo("pe", STORAGE_ID)]), RULE, 1);
    });
    it("can be set to advisory", async () => {
        await pack().configure({ [RULE]: { enforcementLevel: "advisory" } });
        expectViolations(await pack().analyzeStack([storage("Enabled"), endpointTo("pe", STORAGE_ID)]), RULE, 1, "advisory");
    });
    it("does not crash on wrong types", async () => {
        const r = await pack().analyzeStack([
            storage(false),
            res(TYPES.pe, "a", { privateLinkServiceConnections: "x" }),
            res(TYPES.pe, "b", { privateLinkServiceConnections: [{ privateLinkServiceId: 5 }, null] }),
            res(TYPES.pe, "c", { privateLinkServiceConnections: [{ privateLinkServiceId: STORAGE_ID }] }),
        ]);
        assert.match(expectViolations(r, RULE, 1)[0].message, /publicNetworkAccess is false/);
    });
    it("says it could not check an unknown access setting or target id", async () => {
        assert.ok(couldNotCheck(await pack().analyzeStack([storage(UNKNOWN), endpointTo("pe", STORAGE_ID)]), RULE));
        assert.ok(couldNotCheck(await pack().analyzeStack([storage("Disabled"), endpointTo("pe", UNKNOWN)]), RULE));
    });
});
