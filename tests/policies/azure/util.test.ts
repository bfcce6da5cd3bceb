/**
 * Plain unit tests of the Azure pack's helpers (no pack process needed).
 */
import * as assert from "assert";
import { PolicyResource } from "@pulumi/policy";
import * as proxy from "@pulumi/policy/proxy";
import { armIdTail, connectionTargets, idNames, isWildcard, normaliseId, subscriptionKey } from "../../../policies/azure/rules/util";
import { UNKNOWN } from "../../harness/policies";
import { armId, TYPES } from "./fixtures";

/** The policy SDK's proxy over resource properties, which throws on unknown values (internal, so not in its typings). */
const unknownCheckingProxy: (props: object) => Record<string, unknown> = (proxy as any).unknownCheckingProxy;

describe("azure pack helpers (util.ts)", () => {
    it("normaliseId lower-cases, trims and drops trailing slashes; undefined for non-strings and blanks", () => {
        assert.strictEqual(normaliseId(" /Subscriptions/X/resourceGroups/RG/ "), "/subscriptions/x/resourcegroups/rg");
        assert.strictEqual(normaliseId(""), undefined);
        assert.strictEqual(normaliseId(5), undefined);
        assert.strictEqual(normaliseId({ id: "x" }), undefined);
    });
    it("subscriptionKey compares bare ids and /subscriptions/ ids alike", () => {
        assert.strictEqual(subscriptionKey("/subscriptions/ABC"), "abc");
        assert.strictEqual(subscriptionKey("abc"), "abc");
        assert.strictEqual(subscriptionKey("subscriptions/AbC/"), "abc");
        assert.strictEqual(subscriptionKey(null), undefined);
    });
    it("isWildcard accepts \"*\" with spaces only", () => {
        assert.ok(isWildcard("*") && isWildcard(" * "));
        assert.ok(!isWildcard("**") && !isWildcard(["*"]) && !isWildcard(undefined));
    });
    it("armIdTail builds the id tail from inputs, or nothing when one is missing", () => {
        const props = { resourceGroupName: "RG", virtualNetworkName: "VNet", subnetName: "Nat" };
        const chain = [["virtualNetworks", ["virtualNetworkName"]], ["subnets", ["subnetName", "name"]]] as const;
        assert.strictEqual(armIdTail(props, "Microsoft.Network", chain), "/resourcegroups/rg/providers/microsoft.network/virtualnetworks/vnet/subnets/nat");
        assert.strictEqual(armIdTail({ ...props, subnetName: undefined, name: "n2" }, "Microsoft.Network", chain)?.endsWith("/subnets/n2"), true);
        assert.strictEqual(armIdTail({ virtualNetworkName: "v", subnetName: "s" }, "Microsoft.Network", chain), undefined);
        assert.strictEqual(armIdTail({ ...props, subnetName: 3 }, "Microsoft.Network", chain), undefined);
    });
    it("idNames matches by the input tail, else by the id output, case-insensitively", () => {
        const id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/data";
        const chain = [["storageAccounts", ["accountName"]]] as const;
        assert.ok(idNames(id.toUpperCase(), { resourceGroupName: "rg", accountName: "data" }, "Microsoft.Storage", chain));
        assert.ok(!idNames(id, { resourceGroupName: "rg2", accountName: "data" }, "Microsoft.Storage", chain));
        assert.ok(!idNames(id, { resourceGroupName: "rg", accountName: "dat" }, "Microsoft.Storage", chain));
        assert.ok(idNames(id, { id: `${id}/` }, "Microsoft.Storage", chain));
        assert.ok(!idNames(id, {}, "Microsoft.Storage", chain));
        assert.ok(!idNames("", { id: "" }, "Microsoft.Storage", chain));
    });
    it("connectionTargets reads only privateLinkServiceId, trusts recorded dependencies, and throws on an unexplained unknown id", () => {
        const resource = (name: string, props: Record<string, unknown>, deps: Record<string, PolicyResource[]> = {}) =>
            ({ type: TYPES.storage, name, urn: `urn:${name}`, props: unknownCheckingProxy(props), propertyDependencies: deps }) as unknown as PolicyResource;
        const data = resource("data", { resourceGroupName: "rg", accountName: "data" });
        const other = resource("other", { resourceGroupName: "rg", accountName: "other" });
        const byInputs = (id: string, r: PolicyResource) => idNames(id, r.props, "Microsoft.Storage", [["storageAccounts", ["accountName"]]]);
        const pe = (connections: unknown[], deps: Record<string, PolicyResource[]> = {}) => resource("pe", { manualPrivateLinkServiceConnections: connections }, deps);
        const id = armId("Microsoft.Storage/storageAccounts/DATA", "RG");
        assert.deepStrictEqual(connectionTargets(pe([{ name: UNKNOWN, privateLinkServiceId: id }]), [data, other], byInputs), [data]);
        assert.deepStrictEqual(connectionTargets(pe([{ privateLinkServiceId: UNKNOWN }], { manualPrivateLinkServiceConnections: [other] }), [data, other], byInputs), [other]);
        // A dependency on a resource that is no candidate (a private link service) explains the unknown id too.
        const pls = resource("pls", {});
        assert.deepStrictEqual(connectionTargets(pe([{ privateLinkServiceId: UNKNOWN }], { manualPrivateLinkServiceConnections: [pls] }), [data], byInputs), []);
        assert.throws(() => connectionTargets(pe([{ privateLinkServiceId: UNKNOWN }]), [data], byInputs), /can't be known during preview/);
    });
});
