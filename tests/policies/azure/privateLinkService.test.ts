import * as assert from "assert";
import { couldNotCheck, of, UNKNOWN, usePack } from "../../harness/policies";
import { expectViolations, notApplicable, OTHER_SUB, res, RG, SUB_ID, subnetId, TYPES, armId } from "./fixtures";

const PLS = TYPES.pls;

describe("azure pack: private link service rules", () => {
    const pack = usePack("azure");

    describe("pls-no-public-visibility", () => {
        const RULE = "pls-no-public-visibility";
        it("reports \"*\" in visibility.subscriptions, at mandatory", async () => {
            const r = await pack().analyze({ type: PLS, name: "svc", props: { visibility: { subscriptions: [SUB_ID, "*"] } } });
            const [d] = expectViolations(r, RULE, 1, "mandatory");
            assert.match(d.message, /"svc".*visible to every subscription/);
        });
        it("reports \" * \" with surrounding spaces", async () => {
            expectViolations(await pack().analyze({ type: PLS, props: { visibility: { subscriptions: [" * "] } } }), RULE, 1);
        });
        it("passes listed subscriptions", async () => {
            expectViolations(await pack().analyze({ type: PLS, props: { visibility: { subscriptions: [SUB_ID, OTHER_SUB] } } }), RULE, 0);
        });
        it("passes unset visibility (RBAC only)", async () => {
            expectViolations(await pack().analyze({ type: PLS, props: {} }), RULE, 0);
            expectViolations(await pack().analyze({ type: PLS, props: { visibility: {} } }), RULE, 0);
        });
        it("does not crash on wrong types, and reads a lone string as a list", async () => {
            expectViolations(await pack().analyze({ type: PLS, props: { visibility: "*" } }), RULE, 0);
            expectViolations(await pack().analyze({ type: PLS, props: { visibility: { subscriptions: [5, { a: 1 }, null] } } }), RULE, 0);
            expectViolations(await pack().analyze({ type: PLS, props: { visibility: { subscriptions: "*" } } }), RULE, 1);
        });
        it("says it could not check an unknown subscription list or entry", async () => {
            assert.ok(couldNotCheck(await pack().analyze({ type: PLS, props: { visibility: { subscriptions: UNKNOWN } } }), RULE));
            assert.ok(couldNotCheck(await pack().analyze({ type: PLS, props: { visibility: { subscriptions: [SUB_ID, UNKNOWN] } } }), RULE));
        });
        it("is not applicable to other types", async () => {
            assert.ok(notApplicable(await pack().analyze({ type: TYPES.pe, props: {} }), RULE));
        });
        it("can be set to advisory", async () => {
            await pack().configure({ [RULE]: { enforcementLevel: "advisory" } });
            expectViolations(await pack().analyze({ type: PLS, props: { visibility: { subscriptions: ["*"] } } }), RULE, 1, "advisory");
        });
    });

    describe("pls-no-wildcard-autoapproval", () => {
        const RULE = "pls-no-wildcard-autoapproval";
        it("reports \"*\" in autoApproval.subscriptions, at mandatory and critical", async () => {
            const r = await pack().analyze({ type: PLS, name: "svc", props: { autoApproval: { subscriptions: ["*"] }, visibility: { subscriptions: ["*"] } } });
            const [d] = expectViolations(r, RULE, 1, "mandatory");
            assert.strictEqual(d.severity, "critical");
            assert.match(d.message, /auto-approves every subscription/);
        });
        it("passes listed subscriptions and unset auto-approval", async () => {
            expectViolations(await pack().analyze({ type: PLS, props: { autoApproval: { subscriptions: [SUB_ID] } } }), RULE, 0);
            expectViolations(await pack().analyze({ type: PLS, props: {} }), RULE, 0);
            expectViolations(await pack().analyze({ type: PLS, props: { autoApproval: { subscriptions: [] } } }), RULE, 0);
        });
        it("does not crash on wrong types", async () => {
            expectViolations(await pack().analyze({ type: PLS, props: { autoApproval: ["*"] } }), RULE, 0);
            expectViolations(await pack().analyze({ type: PLS, props: { autoApproval: { subscriptions: { "*": true } } } }), RULE, 0);
        });
        it("says it could not check an unknown entry", async () => {
            assert.ok(couldNotCheck(await pack().analyze({ type: PLS, props: { autoApproval: { subscriptions: [UNKNOWN] } } }), RULE));
        });
    });

    describe("pls-autoapproval-subset-of-visibility", () => {
        const RULE = "pls-autoapproval-subset-of-visibility";
        it("reports auto-approved subscriptions missing from visibility, at advisory", async () => {
            const r = await pack().analyze({
                type: PLS,
                name: "svc",
                props: { visibility: { subscriptions: [SUB_ID] }, autoApproval: { subscriptions: [SUB_ID, OTHER_SUB] } },
            });
            const [d] = expectViolations(r, RULE, 1, "advisory");
            assert.ok(d.message.includes(OTHER_SUB) && !d.message.includes(`${SUB_ID},`));
        });
        it("compares subscription ids case-insensitively and ignores a /subscriptions/ prefix", async () => {
            const r = await pack().analyze({
                type: PLS,
                props: { visibility: { subscriptions: [SUB_ID.toUpperCase(), `/subscriptions/${OTHER_SUB}`] }, autoApproval: { subscriptions: [SUB_ID, OTHER_SUB.toUpperCase()] } },
            });
            expectViolations(r, RULE, 0);
        });
        it("passes a subset and an empty auto-approval", async () => {
            expectViolations(
                await pack().analyze({ type: PLS, props: { visibility: { subscriptions: [SUB_ID, OTHER_SUB] }, autoApproval: { subscriptions: [OTHER_SUB] } } }),
                RULE,
                0,
            );
            expectViolations(await pack().analyze({ type: PLS, props: { visibility: { subscriptions: [SUB_ID] } } }), RULE, 0);
        });
        it("reports auto-approval with RBAC-only visibility (unset or empty)", async () => {
            const r = await pack().analyze({ type: PLS, props: { autoApproval: { subscriptions: [SUB_ID] } } });
            assert.match(expectViolations(r, RULE, 1)[0].message, /lists no visibility subscriptions/);
            expectViolations(await pack().analyze({ type: PLS, props: { visibility: { subscriptions: [] }, autoApproval: { subscriptions: [SUB_ID] } } }), RULE, 1);
        });
        it("accepts RBAC-only visibility when allowWithRbacOnlyVisibility is set", async () => {
            await pack().configure({ [RULE]: { allowWithRbacOnlyVisibility: true } });
            expectViolations(await pack().analyze({ type: PLS, props: { autoApproval: { subscriptions: [SUB_ID] } } }), RULE, 0);
            // A listed visibility is still checked.
            expectViolations(
                await pack().analyze({ type: PLS, props: { visibility: { subscriptions: [SUB_ID] }, autoApproval: { subscriptions: [OTHER_SUB] } } }),
                RULE,
                1,
            );
        });
        it("ignores a wrong-typed setting", async () => {
            await pack().configure({ [RULE]: { allowWithRbacOnlyVisibility: "yes" } });
            expectViolations(await pack().analyze({ type: PLS, props: { autoApproval: { subscriptions: [SUB_ID] } } }), RULE, 1);
        });
        it("leaves wildcards to the wildcard rules", async () => {
            expectViolations(await pack().analyze({ type: PLS, props: { visibility: { subscriptions: ["*"] }, autoApproval: { subscriptions: [OTHER_SUB] } } }), RULE, 0);
            expectViolations(await pack().analyze({ type: PLS, props: { visibility: { subscriptions: [SUB_ID] }, autoApproval: { subscriptions: ["*"] } } }), RULE, 0);
        });
        it("does not crash on wrong types", async () => {
            expectViolations(await pack().analyze({ type: PLS, props: { visibility: 7, autoApproval: { subscriptions: [3, false] } } }), RULE, 0);
            expectViolations(await pack().analyze({ type: PLS, props: { visibility: { subscriptions: [{ id: SUB_ID }] }, autoApproval: { subscriptions: SUB_ID } } }), RULE, 1);
        });
        it("says it could not check unknown lists", async () => {
            assert.ok(
                couldNotCheck(await pack().analyze({ type: PLS, props: { visibility: { subscriptions: UNKNOWN }, autoApproval: { subscriptions: [SUB_ID] } } }), RULE),
            );
        });
    });

    describe("pls-nat-ip-count", () => {
        const RULE = "pls-nat-ip-count";
        const ipc = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `nat-${i}`, subnet: { id: subnetId("vnet", "nat") } }));
        it("reports a service without NAT IP configurations", async () => {
            const [d] = expectViolations(await pack().analyze({ type: PLS, name: "svc", props: {} }), RULE, 1, "advisory");
            assert.match(d.message, /0 NAT IP configurations; it needs at least 1/);
        });
        it("reports more than 8", async () => {
            assert.match(expectViolations(await pack().analyze({ type: PLS, props: { ipConfigurations: ipc(9) } }), RULE, 1)[0].message, /at most 8/);
        });
        it("passes 1 to 8", async () => {
            expectViolations(await pack().analyze({ type: PLS, props: { ipConfigurations: ipc(1) } }), RULE, 0);
            expectViolations(await pack().analyze({ type: PLS, props: { ipConfigurations: ipc(8) } }), RULE, 0);
        });
        it("honours minNatIps and ignores a wrong-typed value", async () => {
            await pack().configure({ [RULE]: { minNatIps: 2 } });
            expectViolations(await pack().analyze({ type: PLS, props: { ipConfigurations: ipc(1) } }), RULE, 1);
            expectViolations(await pack().analyze({ type: PLS, props: { ipConfigurations: ipc(2) } }), RULE, 0);
            await pack().configure({ [RULE]: { minNatIps: "two" } });
            expectViolations(await pack().analyze({ type: PLS, props: { ipConfigurations: ipc(1) } }), RULE, 0);
        });
        it("does not crash on a wrong-typed list", async () => {
            expectViolations(await pack().analyze({ type: PLS, props: { ipConfigurations: "nat" } }), RULE, 0);
        });
        it("says it could not check an unknown list", async () => {
            assert.ok(couldNotCheck(await pack().analyze({ type: PLS, props: { ipConfigurations: UNKNOWN } }), RULE));
        });
    });

    describe("pls-nat-subnet-policies-disabled (stack)", () => {
        const RULE = "pls-nat-subnet-policies-disabled";
        const natSubnet = (policies?: unknown, extra: Record<string, any> = {}) =>
            res(TYPES.subnet, "nat", {
                resourceGroupName: RG,
                virtualNetworkName: "vnet",
                subnetName: "nat",
                addressPrefix: "10.0.1.0/24",
                ...(policies === undefined ? {} : { privateLinkServiceNetworkPolicies: policies }),
                ...extra,
            });
        const pls = (subnetRef: unknown, extra: Record<string, any> = {}) =>
            res(PLS, "svc", { ipConfigurations: [{ name: "nat-0", subnet: { id: subnetRef } }], ...extra.props }, extra.opts ?? {});

        it("reports a NAT subnet matched by property dependencies that leaves policies at the default, at mandatory", async () => {
            const subnet = natSubnet();
            const r = await pack().analyzeStack([subnet, pls(UNKNOWN, { opts: { propertyDependencies: { ipConfigurations: [subnet.urn] } } })]);
            const [d] = expectViolations(r, RULE, 1, "mandatory");
            assert.match(d.message, /subnet "nat", the NAT subnet of private link service "svc".*unset \(default Enabled\)/);
            assert.strictEqual(d.urn, subnet.urn);
        });
        it("reports \"Enabled\" on a subnet matched by its id, built from its inputs", async () => {
            const r = await pack().analyzeStack([natSubnet("Enabled"), pls(subnetId("VNET", "Nat"))]);
            assert.match(expectViolations(r, RULE, 1)[0].message, /"Enabled"/);
        });
        it("matches a subnet by its id output when inputs are absent", async () => {
            const subnet = res(TYPES.subnet, "nat", { id: subnetId("vnet", "nat"), name: "nat", privateLinkServiceNetworkPolicies: "Enabled" });
            expectViolations(await pack().analyzeStack([subnet, pls(subnetId("vnet", "nat").toUpperCase())]), RULE, 1);
        });
        it("passes \"Disabled\" in any case", async () => {
            const subnet = natSubnet("disabled");
            expectViolations(await pack().analyzeStack([subnet, pls(subnetId("vnet", "nat"))]), RULE, 0);
            expectViolations(await pack().analyzeStack([natSubnet("Disabled"), pls(subnetId("vnet", "nat"))]), RULE, 0);
        });
        it("does not read an unknown id when property dependencies name the subnet", async () => {
            const subnet = natSubnet("Disabled");
            const r = await pack().analyzeStack([subnet, pls(UNKNOWN, { opts: { propertyDependencies: { ipConfigurations: [subnet.urn] } } })]);
            assert.deepStrictEqual(of(r, RULE), []);
        });
        it("says it could not check an unknown subnet id without dependencies", async () => {
            assert.ok(couldNotCheck(await pack().analyzeStack([natSubnet(), pls(UNKNOWN)]), RULE));
        });
        it("checks inline subnets of a VirtualNetwork, matched by id", async () => {
            const vnet = res(TYPES.vnet, "vnet", {
                resourceGroupName: RG,
                virtualNetworkName: "vnet",
                subnets: [
                    { name: "app", addressPrefix: "10.0.0.0/24" },
                    { name: "nat", addressPrefix: "10.0.1.0/24" },
                ],
            });
            const [d] = expectViolations(await pack().analyzeStack([vnet, pls(subnetId("vnet", "nat"))]), RULE, 1);
            assert.match(d.message, /subnet "nat" of virtual network "vnet"/);
            assert.strictEqual(d.urn, vnet.urn);
            const fixed = res(TYPES.vnet, "vnet", { ...vnet.props, subnets: [{ name: "nat", privateLinkServiceNetworkPolicies: "Disabled" }] });
            expectViolations(await pack().analyzeStack([fixed, pls(subnetId("vnet", "nat"))]), RULE, 0);
        });
        it("checks the inline subnet of a VirtualNetwork the engine names as a dependency", async () => {
            // vnet.subnets.apply(s => s[1].id): the dependency names the VNet, the id's last segment the subnet.
            const vnet = res(TYPES.vnet, "vnet", { id: armId("Microsoft.Network/virtualNetworks/vnet"), subnets: [{ name: "nat" }, { name: "pe", privateLinkServiceNetworkPolicies: "Disabled" }] });
            const dep = { opts: { propertyDependencies: { ipConfigurations: [vnet.urn] } } };
            expectViolations(await pack().analyzeStack([vnet, pls(subnetId("other-name", "nat"), dep)]), RULE, 1);
            expectViolations(await pack().analyzeStack([vnet, pls(subnetId("other-name", "pe"), dep)]), RULE, 0);
        });
        it("matches inline subnets of the right VNet only", async () => {
            const vnet = res(TYPES.vnet, "vnet", { resourceGroupName: RG, virtualNetworkName: "vnet", subnets: [{ name: "nat" }] });
            expectViolations(await pack().analyzeStack([vnet, pls(subnetId("vnet2", "nat"))]), RULE, 0);
            expectViolations(await pack().analyzeStack([vnet, pls(subnetId("vnet", "nat", "rg-other"))]), RULE, 0);
        });
        it("skips a NAT subnet outside the stack", async () => {
            expectViolations(await pack().analyzeStack([natSubnet(), pls(subnetId("elsewhere", "nat"))]), RULE, 0);
        });
        it("is not applicable to a stack without private link services", async () => {
            assert.ok(notApplicable(await pack().analyzeStack([natSubnet()]), RULE));
        });
        it("does not crash on wrong types", async () => {
            const bad = [
                res(PLS, "a", { ipConfigurations: "x" }),
                res(PLS, "b", { ipConfigurations: [{ subnet: "id" }, null, 5] }),
                res(PLS, "c", { ipConfigurations: [{ subnet: { id: 42 } }] }),
                res(TYPES.vnet, "v", { subnets: "nope" }),
                res(TYPES.subnet, "s", { privateLinkServiceNetworkPolicies: { x: 1 }, id: 3 }),
            ];
            expectViolations(await pack().analyzeStack(bad), RULE, 0);
        });
        it("reports a wrong-typed policies value as not disabled", async () => {
            const subnet = natSubnet(false);
            expectViolations(await pack().analyzeStack([subnet, pls(subnetId("vnet", "nat"))]), RULE, 1);
        });
    });

    describe("pls-proxy-protocol-consistency (stack)", () => {
        const RULE = "pls-proxy-protocol-consistency";
        const lb = res(TYPES.lb, "ilb", { resourceGroupName: RG, loadBalancerName: "ilb" });
        const fe = (lbName: string, name = "fe") => ({ id: armId(`Microsoft.Network/loadBalancers/${lbName}/frontendIPConfigurations/${name}`) });
        it("reports services on one load balancer that disagree (dependencies)", async () => {
            const deps = { propertyDependencies: { loadBalancerFrontendIpConfigurations: [lb.urn] } };
            const r = await pack().analyzeStack([
                lb,
                res(PLS, "a", { enableProxyProtocol: true, loadBalancerFrontendIpConfigurations: [{ id: UNKNOWN }] }, deps),
                res(PLS, "b", { loadBalancerFrontendIpConfigurations: [{ id: UNKNOWN }] }, deps),
            ]);
            const d = expectViolations(r, RULE, 2, "advisory");
            assert.ok(d.some((x) => /"a" has PROXY protocol on but "b"/.test(x.message)));
        });
        it("groups by frontend id when there are no dependencies, case-insensitively", async () => {
            const r = await pack().analyzeStack([
                lb,
                res(PLS, "a", { enableProxyProtocol: true, loadBalancerFrontendIpConfigurations: [fe("ilb", "fe1")] }),
                res(PLS, "b", { enableProxyProtocol: false, loadBalancerFrontendIpConfigurations: [{ id: fe("ILB", "fe2").id.toUpperCase() }] }),
            ]);
            expectViolations(r, RULE, 2);
        });
        it("passes services that agree or sit on different load balancers", async () => {
            expectViolations(
                await pack().analyzeStack([
                    res(PLS, "a", { enableProxyProtocol: true, loadBalancerFrontendIpConfigurations: [fe("ilb")] }),
                    res(PLS, "b", { enableProxyProtocol: "true", loadBalancerFrontendIpConfigurations: [fe("ilb", "fe2")] }),
                ]),
                RULE,
                0,
            );
            expectViolations(
                await pack().analyzeStack([
                    res(PLS, "a", { enableProxyProtocol: true, loadBalancerFrontendIpConfigurations: [fe("ilb")] }),
                    res(PLS, "b", { loadBalancerFrontendIpConfigurations: [fe("ilb2")] }),
                ]),
                RULE,
                0,
            );
        });
        it("is not applicable with fewer than two services, and does not crash on wrong types", async () => {
            assert.ok(notApplicable(await pack().analyzeStack([res(PLS, "a", {})]), RULE));
            expectViolations(
                await pack().analyzeStack([res(PLS, "a", { loadBalancerFrontendIpConfigurations: "x" }), res(PLS, "b", { loadBalancerFrontendIpConfigurations: [{ id: 5 }] })]),
                RULE,
                0,
            );
        });
        it("says it could not check unknown frontend ids without dependencies", async () => {
            const r = await pack().analyzeStack([res(PLS, "a", { loadBalancerFrontendIpConfigurations: [{ id: UNKNOWN }] }), res(PLS, "b", {})]);
            assert.ok(couldNotCheck(r, RULE));
        });
    });
});
