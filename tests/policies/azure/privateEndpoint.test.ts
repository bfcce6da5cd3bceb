import * as assert from "assert";
import { couldNotCheck, UNKNOWN, usePack } from "../../harness/policies";
import { armId, expectViolations, notApplicable, res, RG, subnetId, TYPES } from "./fixtures";

const PE = TYPES.pe;
const STORAGE_ID = armId("Microsoft.Storage/storageAccounts/data");

const connection = (overrides: Record<string, any> = {}) => ({ name: "blob", privateLinkServiceId: STORAGE_ID, groupIds: ["blob"], ...overrides });

describe("azure pack: private endpoint rules", () => {
    const pack = usePack("azure");

    describe("pe-connection-has-name", () => {
        const RULE = "pe-connection-has-name";
        it("reports an unnamed connection, at mandatory", async () => {
            const r = await pack().analyze({ type: PE, name: "pe", props: { privateLinkServiceConnections: [connection({ name: undefined })] } });
            assert.match(expectViolations(r, RULE, 1, "mandatory")[0].message, /"pe" has a connection in privateLinkServiceConnections without a name/);
        });
        it("reports unnamed manual connections and blank names", async () => {
            const r = await pack().analyze({ type: PE, props: { manualPrivateLinkServiceConnections: [connection({ name: "  " }), connection({ name: 5 })] } });
            expectViolations(r, RULE, 2);
        });
        it("reports an endpoint without connections (missing or wrong-typed)", async () => {
            assert.match(expectViolations(await pack().analyze({ type: PE, props: {} }), RULE, 1)[0].message, /has no privateLinkServiceConnections/);
            expectViolations(await pack().analyze({ type: PE, props: { privateLinkServiceConnections: [] } }), RULE, 1);
            expectViolations(await pack().analyze({ type: PE, props: { privateLinkServiceConnections: "blob" } }), RULE, 1);
        });
        it("passes named connections", async () => {
            expectViolations(
                await pack().analyze({ type: PE, props: { privateLinkServiceConnections: [connection()], manualPrivateLinkServiceConnections: [connection({ name: "m" })] } }),
                RULE,
                0,
            );
        });
        it("says it could not check an unknown name", async () => {
            assert.ok(couldNotCheck(await pack().analyze({ type: PE, props: { privateLinkServiceConnections: [connection({ name: UNKNOWN })] } }), RULE));
        });
    });

    describe("pe-manual-connection-has-request-message", () => {
        const RULE = "pe-manual-connection-has-request-message";
        it("reports a manual connection without a request message, at advisory", async () => {
            const r = await pack().analyze({ type: PE, name: "pe", props: { manualPrivateLinkServiceConnections: [connection()] } });
            assert.match(expectViolations(r, RULE, 1, "advisory")[0].message, /manual connection "blob" of private endpoint "pe" has no requestMessage/);
        });
        it("reports a message over 140 characters", async () => {
            const r = await pack().analyze({ type: PE, props: { manualPrivateLinkServiceConnections: [connection({ requestMessage: "x".repeat(141) })] } });
            assert.match(expectViolations(r, RULE, 1)[0].message, /141 characters/);
        });
        it("passes a short message, and automatic connections without one", async () => {
            expectViolations(
                await pack().analyze({
                    type: PE,
                    props: { manualPrivateLinkServiceConnections: [connection({ requestMessage: "x".repeat(140) })], privateLinkServiceConnections: [connection()] },
                }),
                RULE,
                0,
            );
        });
        it("does not crash on missing or wrong-typed values", async () => {
            expectViolations(await pack().analyze({ type: PE, props: {} }), RULE, 0);
            expectViolations(await pack().analyze({ type: PE, props: { manualPrivateLinkServiceConnections: [null, 3] } }), RULE, 2);
            expectViolations(await pack().analyze({ type: PE, props: { manualPrivateLinkServiceConnections: [connection({ requestMessage: ["hi"] })] } }), RULE, 1);
        });
        it("says it could not check an unknown message", async () => {
            assert.ok(couldNotCheck(await pack().analyze({ type: PE, props: { manualPrivateLinkServiceConnections: [connection({ requestMessage: UNKNOWN })] } }), RULE));
        });
    });

    const nsg = res(TYPES.nsg, "pe-nsg", { resourceGroupName: RG, networkSecurityGroupName: "pe-nsg" });
    const NSG_ID = armId("Microsoft.Network/networkSecurityGroups/pe-nsg");
    const subnet = (props: Record<string, any> = {}, extra = {}) =>
        res(TYPES.subnet, "pe-subnet", { resourceGroupName: RG, virtualNetworkName: "vnet", subnetName: "pe", addressPrefix: "10.0.2.0/24", ...props }, extra);
    const endpoint = (subnetRef: unknown, extra = {}) => res(PE, "pe", { subnet: { id: subnetRef }, privateLinkServiceConnections: [connection()] }, extra);

    describe("pe-subnet-has-nsg (stack)", () => {
        const RULE = "pe-subnet-has-nsg";
        it("reports a private endpoint subnet without an NSG, at advisory", async () => {
            const s = subnet();
            const r = await pack().analyzeStack([s, endpoint(subnetId("vnet", "pe"))]);
            const [d] = expectViolations(r, RULE, 1, "advisory");
            assert.match(d.message, /subnet "pe-subnet", the subnet of private endpoint "pe", has no network security group/);
            assert.strictEqual(d.urn, s.urn);
        });
        it("passes a subnet with networkSecurityGroup.id", async () => {
            expectViolations(await pack().analyzeStack([subnet({ networkSecurityGroup: { id: NSG_ID } }), endpoint(subnetId("vnet", "pe"))]), RULE, 0);
        });
        it("passes a subnet whose NSG is known only through property dependencies (unknown id in preview)", async () => {
            const s = subnet({ networkSecurityGroup: { id: UNKNOWN } }, { propertyDependencies: { networkSecurityGroup: [nsg.urn] } });
            const r = await pack().analyzeStack([nsg, s, endpoint(UNKNOWN, { propertyDependencies: { subnet: [s.urn] } })]);
            expectViolations(r, RULE, 0);
            assert.ok(!couldNotCheck(r, RULE));
        });
        it("checks inline subnets of a VirtualNetwork", async () => {
            const vnet = res(TYPES.vnet, "vnet", { resourceGroupName: RG, virtualNetworkName: "vnet", subnets: [{ name: "pe" }, { name: "ok", networkSecurityGroup: { id: NSG_ID } }] });
            assert.match(expectViolations(await pack().analyzeStack([vnet, endpoint(subnetId("vnet", "pe"))]), RULE, 1)[0].message, /subnet "pe" of virtual network "vnet"/);
            expectViolations(await pack().analyzeStack([vnet, endpoint(subnetId("vnet", "ok"))]), RULE, 0);
        });
        it("skips subnets outside the stack and wrong-typed references", async () => {
            expectViolations(await pack().analyzeStack([subnet(), endpoint(subnetId("hub", "pe"))]), RULE, 0);
            expectViolations(await pack().analyzeStack([subnet(), res(PE, "pe", { subnet: "x" }), res(PE, "pe2", { subnet: { id: ["x"] } })]), RULE, 0);
        });
        it("treats a wrong-typed or blank NSG reference as no NSG", async () => {
            expectViolations(await pack().analyzeStack([subnet({ networkSecurityGroup: "nsg" }), endpoint(subnetId("vnet", "pe"))]), RULE, 1);
            expectViolations(await pack().analyzeStack([subnet({ networkSecurityGroup: { id: " " } }), endpoint(subnetId("vnet", "pe"))]), RULE, 1);
        });
        it("says it could not check an unknown NSG id without dependencies", async () => {
            assert.ok(couldNotCheck(await pack().analyzeStack([subnet({ networkSecurityGroup: { id: UNKNOWN } }), endpoint(subnetId("vnet", "pe"))]), RULE));
        });
        it("is not applicable to a stack without private endpoints", async () => {
            assert.ok(notApplicable(await pack().analyzeStack([subnet()]), RULE));
        });
    });

    describe("pe-subnet-nsg-policies-enabled (stack)", () => {
        const RULE = "pe-subnet-nsg-policies-enabled";
        const withNsg = (policies?: unknown) =>
            subnet({ networkSecurityGroup: { id: NSG_ID }, ...(policies === undefined ? {} : { privateEndpointNetworkPolicies: policies }) });
        it("reports an NSG that the default policies (Disabled) ignore", async () => {
            const [d] = expectViolations(await pack().analyzeStack([withNsg(), endpoint(subnetId("vnet", "pe"))]), RULE, 1, "advisory");
            assert.match(d.message, /unset \(default Disabled\), so the NSG does not apply/);
            expectViolations(await pack().analyzeStack([withNsg("Disabled"), endpoint(subnetId("vnet", "pe"))]), RULE, 1);
            expectViolations(await pack().analyzeStack([withNsg("RouteTableEnabled"), endpoint(subnetId("vnet", "pe"))]), RULE, 1);
        });
        it("passes Enabled and NetworkSecurityGroupEnabled in any case", async () => {
            for (const v of ["Enabled", "networksecuritygroupenabled", "NetworkSecurityGroupEnabled"]) {
                expectViolations(await pack().analyzeStack([withNsg(v), endpoint(subnetId("vnet", "pe"))]), RULE, 0);
            }
        });
        it("leaves subnets without an NSG to pe-subnet-has-nsg", async () => {
            expectViolations(await pack().analyzeStack([subnet(), endpoint(subnetId("vnet", "pe"))]), RULE, 0);
        });
        it("does not crash on a wrong-typed value, and says it could not check an unknown one", async () => {
            expectViolations(await pack().analyzeStack([withNsg(true), endpoint(subnetId("vnet", "pe"))]), RULE, 1);
            assert.ok(couldNotCheck(await pack().analyzeStack([withNsg(UNKNOWN), endpoint(subnetId("vnet", "pe"))]), RULE));
        });
    });
});
