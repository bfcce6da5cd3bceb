import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import * as fc from "fast-check";
import { Recorder, outputsOf, startMocks } from "../../harness/mocks";
import { describeEdits } from "../../harness/edits";
import { expectRejected, validationErrorOf } from "../../harness/validation";
import {
    AzureLoadBalancerProbeProtocol,
    AzureLoadBalancerProtocol,
    AzurePrivateEndpoint,
    AzurePrivateLinkService,
    AzurePrivateLinkServiceArgs,
    Validator,
} from "../../../components/azure";
import { connectionNameOf, validateAzurePrivateLinkServiceArgs } from "../../../components/azure/privateLinkService";
import { FUZZ_RUNS, SUB, T, assertBuildsOrRejects, editedArgs, endpointId, frontendId, subnetId, vnetId } from "./fixtures";

const COMPONENT = "AzurePrivateLinkService";
const NAT_SUBNET = subnetId("orders-vnet", "pls-nat", "orders-rg");
const CONSUMER_A = "8a1f3c2e-6b7d-4e9f-a0b1-c2d3e4f5a6b7";
const CONSUMER_B = "1b2c3d4e-5f60-4718-9a0b-1c2d3e4f5a6b";
const CONSUMER_C = "c0ffee00-1111-4222-8333-444455556666";

/** The fewest arguments: an existing load balancer's frontend and NAT subnet. */
function minimal(): AzurePrivateLinkServiceArgs {
    return { resourceGroupName: "orders-rg", loadBalancerFrontendIpConfigurationIds: [frontendId("orders-lb")], natSubnetId: NAT_SUBNET };
}

/** A created load balancer and NAT subnet, with every option of the service. */
function maximal(): AzurePrivateLinkServiceArgs {
    return {
        resourceGroupName: "orders-rg",
        location: "westeurope",
        serviceName: "orders-pls",
        natSubnet: { virtualNetworkName: "orders-vnet", addressPrefix: "10.1.2.0/27", resourceGroupName: "network-rg", subnetName: "pls-nat" },
        loadBalancer: {
            frontendSubnetId: subnetId("orders-vnet", "frontend", "network-rg"),
            frontendPrivateIpAddress: "10.1.1.10",
            rules: [
                { frontendPort: 443, backendPort: 8443, probe: { protocol: AzureLoadBalancerProbeProtocol.Https, requestPath: "/healthz", intervalInSeconds: 10, probeThreshold: 2 } },
                { frontendPort: 5000, protocol: AzureLoadBalancerProtocol.Udp, probe: { port: 5001 } },
            ],
            loadBalancerName: "orders-ilb",
        },
        natIpConfigurations: [{ privateIpAddress: "10.1.2.10" }, { name: "nat-dyn" }, { privateIpAddress: "10.1.2.11" }],
        visibilitySubscriptionIds: [CONSUMER_B, CONSUMER_A],
        autoApprovalSubscriptionIds: [CONSUMER_A],
        enableProxyProtocol: true,
        fqdns: ["orders.contoso.com", "api.orders.contoso.com"],
        approvals: [{ privateEndpointId: endpointId("orders-client"), description: "ticket CHG-1" }],
        removeConnectionsOnDelete: true,
        tags: { team: "orders" },
    };
}

async function build(make: () => unknown): Promise<Recorder> {
    const rec = await startMocks();
    make();
    await rec.settle();
    return rec;
}

describe("AzurePrivateLinkService", function () {
    this.timeout(60000);

    describe("defaults: an existing load balancer and NAT subnet", () => {
        let rec: Recorder;
        let out: Record<string, any>;
        before(async () => {
            rec = await startMocks();
            const pls = new AzurePrivateLinkService("orders", minimal());
            out = await outputsOf(pls, ["serviceReference", "serviceId", "natIps", "natSubnetId", "loadBalancerId", "backendPoolId", "connections"]);
            await rec.settle();
        });

        it("registers only the private link service", () => {
            assert.deepStrictEqual(rec.summary(), [`${T.privateLinkService} orders-pls`, `${T.component(COMPONENT)} orders`]);
        });

        it("is visible by RBAC only, auto-approves no one, no PROXY protocol, one dynamic primary NAT IP — all explicit", () => {
            const p = rec.one("orders-pls").inputs;
            assert.deepStrictEqual(p.visibility, { subscriptions: [] });
            assert.deepStrictEqual(p.autoApproval, { subscriptions: [] });
            assert.strictEqual(p.enableProxyProtocol, false);
            assert.deepStrictEqual(p.fqdns, []);
            assert.deepStrictEqual(p.loadBalancerFrontendIpConfigurations, [{ id: frontendId("orders-lb") }]);
            assert.strictEqual(p.ipConfigurations.length, 1);
            const nat = p.ipConfigurations[0];
            assert.deepStrictEqual(
                { name: nat.name, primary: nat.primary, method: nat.privateIPAllocationMethod, version: nat.privateIPAddressVersion, subnet: nat.subnet.id },
                { name: "nat-primary", primary: true, method: "Dynamic", version: "IPv4", subnet: NAT_SUBNET },
            );
        });

        it("outputs the alias as serviceReference, the id, the NAT IPs and the given load balancer", () => {
            assert.match(out.serviceReference, /^orders-pls\.[0-9a-f-]{36}\.eastus\.azure\.privatelinkservice$/);
            assert.match(out.serviceId, /\/privateLinkServices\/orders-pls$/);
            assert.deepStrictEqual(out.natIps, ["10.1.2.4"]);
            assert.strictEqual(out.natSubnetId, NAT_SUBNET);
            assert.strictEqual(out.loadBalancerId, frontendId("orders-lb").replace(/\/frontendIPConfigurations\/frontend$/, ""));
            assert.strictEqual(out.backendPoolId, undefined);
            assert.deepStrictEqual(out.connections, []);
        });
    });

    describe("maximal: a created internal load balancer and NAT subnet", () => {
        let rec: Recorder;
        let out: Record<string, any>;
        before(async () => {
            rec = await startMocks();
            // The consumer whose connection the service approves.
            new AzurePrivateEndpoint("orders-client", {
                resourceGroupName: "client-rg",
                privateEndpointName: "orders-client",
                subnetId: subnetId("client-vnet", "endpoints"),
                targetResourceId: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/orders-rg/providers/Microsoft.Network/privateLinkServices/orders-pls",
                manualApproval: true,
                dns: { mode: "None" as never },
            });
            const pls = new AzurePrivateLinkService("orders", maximal());
            out = await outputsOf(pls, ["natIps", "loadBalancerId", "backendPoolId"]);
            await rec.settle();
        });

        it("creates the NAT subnet with Private Link service network policies disabled and no default outbound access", () => {
            const s = rec.one("orders-nat-subnet", T.subnet).inputs;
            assert.strictEqual(s.privateLinkServiceNetworkPolicies, "Disabled");
            assert.strictEqual(s.defaultOutboundAccess, false);
            assert.strictEqual(s.addressPrefix, "10.1.2.0/27");
            assert.strictEqual(s.virtualNetworkName, "orders-vnet");
            assert.strictEqual(s.resourceGroupName, "network-rg");
        });

        it("creates a Standard internal load balancer: zone-redundant static frontend, backend pool, a probe and a rule per port", () => {
            const lb = rec.one("orders-lb", T.loadBalancer).inputs;
            assert.deepStrictEqual(lb.sku, { name: "Standard", tier: "Regional" });
            assert.strictEqual(lb.loadBalancerName, "orders-ilb");
            const fe = lb.frontendIPConfigurations[0];
            assert.deepStrictEqual(
                { name: fe.name, ip: fe.privateIPAddress, method: fe.privateIPAllocationMethod, zones: fe.zones, subnet: fe.subnet.id },
                { name: "frontend", ip: "10.1.1.10", method: "Static", zones: ["1", "2", "3"], subnet: subnetId("orders-vnet", "frontend", "network-rg") },
            );
            assert.ok(!("publicIPAddress" in fe), "internal: no public IP");
            assert.deepStrictEqual(lb.backendAddressPools, [{ name: "backend" }]);
            assert.deepStrictEqual(lb.probes, [
                { name: "probe-tcp-443", protocol: "Https", port: 8443, requestPath: "/healthz", intervalInSeconds: 10, probeThreshold: 2 },
                { name: "probe-udp-5000", protocol: "Tcp", port: 5001, intervalInSeconds: 5, probeThreshold: 1 },
            ]);
            const self = `/subscriptions/${SUB}/resourceGroups/orders-rg/providers/Microsoft.Network/loadBalancers/orders-ilb`;
            assert.deepStrictEqual(lb.loadBalancingRules[0], {
                name: "rule-tcp-443",
                protocol: "Tcp",
                frontendPort: 443,
                backendPort: 8443,
                frontendIPConfiguration: { id: `${self}/frontendIPConfigurations/frontend` },
                backendAddressPool: { id: `${self}/backendAddressPools/backend` },
                probe: { id: `${self}/probes/probe-tcp-443` },
                idleTimeoutInMinutes: 4,
                enableTcpReset: true,
                enableFloatingIP: false,
                disableOutboundSnat: true,
            });
            assert.strictEqual(lb.loadBalancingRules[1].enableTcpReset, false);
        });

        it("puts the service on the created frontend with the primary NAT IP first and the others sorted by name", () => {
            const p = rec.one("orders-pls").inputs;
            assert.deepStrictEqual(p.loadBalancerFrontendIpConfigurations, [
                { id: `/subscriptions/${SUB}/resourceGroups/orders-rg/providers/Microsoft.Network/loadBalancers/orders-ilb/frontendIPConfigurations/frontend` },
            ]);
            assert.ok(rec.one("orders-pls").propertyDependencies.loadBalancerFrontendIpConfigurations.includes(rec.one("orders-lb").urn));
            assert.deepStrictEqual(
                p.ipConfigurations.map((c: any) => [c.name, c.primary, c.privateIPAllocationMethod, c.privateIPAddress ?? null]),
                [
                    ["nat-10-1-2-10", true, "Static", "10.1.2.10"],
                    ["nat-10-1-2-11", false, "Static", "10.1.2.11"],
                    ["nat-dyn", false, "Dynamic", null],
                ],
            );
            assert.strictEqual(p.serviceName, "orders-pls");
            assert.strictEqual(p.location, "westeurope");
        });

        it("sorts the subscription lists and FQDNs, and turns PROXY protocol on", () => {
            const p = rec.one("orders-pls").inputs;
            assert.deepStrictEqual(p.visibility, { subscriptions: [CONSUMER_B, CONSUMER_A].sort() });
            assert.deepStrictEqual(p.autoApproval, { subscriptions: [CONSUMER_A] });
            assert.deepStrictEqual(p.fqdns, ["api.orders.contoso.com", "orders.contoso.com"]);
            assert.strictEqual(p.enableProxyProtocol, true);
        });

        it("approves the consumer's pending connection by the name Azure gave it", () => {
            const a = rec.one("orders-approval-orders-client", T.approval);
            assert.match(a.inputs.peConnectionName, /^orders-client\.[0-9a-f-]{36}$/);
            assert.deepStrictEqual(a.inputs.privateLinkServiceConnectionState, { status: "Approved", description: "ticket CHG-1", actionsRequired: "None" });
            assert.strictEqual(a.inputs.serviceName, "orders-pls");
            assert.strictEqual(a.retainOnDelete, false, "removeConnectionsOnDelete deletes the connection with the entry");
        });

        it("outputs the NAT IPs, the load balancer and its backend pool", () => {
            assert.deepStrictEqual(out.natIps, ["10.1.2.10", "10.1.2.11", "10.1.2.6"]);
            assert.match(out.loadBalancerId, /\/loadBalancers\/orders-ilb$/);
            assert.match(out.backendPoolId, /\/loadBalancers\/orders-ilb\/backendAddressPools\/backend$/);
        });
    });

    describe("approval of a consumer in the same program", () => {
        it("keeps the approval on delete by default: removing the entry must not drop the live connection", async () => {
            const rec = await build(() => program({ service: {}, approve: ["alpha"] }));
            const a = rec.one("svc-approval-alpha", T.approval);
            assert.strictEqual(a.retainOnDelete, true);
            assert.match(a.inputs.peConnectionName, /^alpha-endpoint\.[0-9a-f-]{36}$/);
            assert.ok(a.propertyDependencies.peConnectionName.includes(rec.one("alpha-endpoint").urn), "looked up once the consumer exists");
        });

        it("fails with the field named when the endpoint has requested no connection", () => {
            const v = new Validator(COMPONENT, "orders");
            const e = validationErrorOf(() => connectionNameOf(v, "approvals[0].privateEndpointId", "orders-pls", [], endpointId("x")));
            assert.strictEqual(e?.field, "approvals[0].privateEndpointId");
            assert.strictEqual(
                connectionNameOf(v, "f", "s", [{ name: "x.123", privateEndpoint: { id: endpointId("X").toUpperCase() } }], endpointId("X")),
                "x.123",
                "ids compare without case",
            );
        });
    });

    describe("regions without availability zones", () => {
        it("gives a non-zonal frontend where the region has no zones, unless told", async () => {
            const args = (location: string, zones?: string[]): AzurePrivateLinkServiceArgs => ({
                resourceGroupName: "orders-rg",
                location,
                natSubnetId: NAT_SUBNET,
                loadBalancer: { rules: [{ frontendPort: 443 }], zones },
            });
            const rec = await build(() => new AzurePrivateLinkService("west", args("westus")));
            assert.deepStrictEqual(rec.one("west-lb").inputs.frontendIPConfigurations[0].zones, []);
            assert.strictEqual(rec.one("west-lb").inputs.frontendIPConfigurations[0].subnet.id, NAT_SUBNET, "the frontend defaults to the NAT subnet");
            const pinned = await build(() => new AzurePrivateLinkService("east", args("eastus", ["1"])));
            assert.deepStrictEqual(pinned.one("east-lb").inputs.frontendIPConfigurations[0].zones, ["1"]);
        });
    });

    describe("providers", () => {
        it("puts every child and the subscription lookup in the `providers` map's subscription", async () => {
            const { Provider } = await import("@pulumi/azure-native/provider");
            const rec = await startMocks();
            const p = new Provider("provider-sub", { subscriptionId: CONSUMER_C });
            new AzurePrivateLinkService("orders", { ...maximal(), approvals: [] }, { providers: { "azure-native": p } });
            await rec.settle();
            const children = rec.descendantsOf("orders");
            assert.deepStrictEqual(children.map((c) => c.type).sort(), [T.loadBalancer, T.privateLinkService, T.subnet].sort());
            for (const c of children) {
                assert.strictEqual(rec.providerOf(c)?.name, "provider-sub", c.name);
            }
            assert.ok(rec.one("orders-lb").inputs.loadBalancingRules[0].probe.id.startsWith(`/subscriptions/${CONSUMER_C}/`), "ids built in the provider's subscription");
            const lookups = rec.invokes.filter((i) => i.token === "azure-native:authorization:getClientConfig");
            assert.ok(lookups.length === 1 && lookups[0].provider?.includes("::provider-sub::"), JSON.stringify(lookups));
        });
    });

    describe("validation", () => {
        const reject = (field: string, args: unknown, name = "orders") =>
            expectRejected(() => new AzurePrivateLinkService(name, args as AzurePrivateLinkServiceArgs), { component: COMPONENT, name, field });
        const withLb = (lb: object) => ({ ...minimal(), loadBalancerFrontendIpConfigurationIds: undefined, loadBalancer: { rules: [{ frontendPort: 443 }], ...lb } });
        const cases: Array<[string, string, (a: any) => any]> = [
            ["wildcard visibility", "visibilitySubscriptionIds[0]", (a) => ({ ...a, visibilitySubscriptionIds: ["*"] })],
            ["wildcard auto-approval", "autoApprovalSubscriptionIds[0]", (a) => ({ ...a, visibilitySubscriptionIds: ["*"], allowAnySubscriptionVisibility: true, autoApprovalSubscriptionIds: ["*"] })],
            ["wildcard auto-approval without wildcard visibility", "autoApprovalSubscriptionIds[0]", (a) => ({ ...a, allowAnySubscriptionAutoApproval: true, autoApprovalSubscriptionIds: ["*"] })],
            ["auto-approval outside visibility", "autoApprovalSubscriptionIds[0]", (a) => ({ ...a, visibilitySubscriptionIds: [CONSUMER_A], autoApprovalSubscriptionIds: [CONSUMER_B] })],
            ["auto-approval with RBAC-only visibility", "autoApprovalSubscriptionIds[0]", (a) => ({ ...a, autoApprovalSubscriptionIds: [CONSUMER_B] })],
            ["a wildcard beside subscriptions", "visibilitySubscriptionIds", (a) => ({ ...a, allowAnySubscriptionVisibility: true, visibilitySubscriptionIds: ["*", CONSUMER_A] })],
            ["a subscription that is not a GUID", "visibilitySubscriptionIds[0]", (a) => ({ ...a, visibilitySubscriptionIds: ["prod-subscription"] })],
            ["a repeated subscription (compared without case)", "visibilitySubscriptionIds[1]", (a) => ({ ...a, visibilitySubscriptionIds: [CONSUMER_C, CONSUMER_C.toUpperCase()] })],
            ["more than 8 NAT IPs", "natIpConfigurations", (a) => ({ ...a, natIpConfigurations: Array.from({ length: 9 }, (_, i) => ({ name: `nat-${i}` })) })],
            ["no NAT IP", "natIpConfigurations", (a) => ({ ...a, natIpConfigurations: [] })],
            ["a dynamic NAT IP without a name", "natIpConfigurations[1].name", (a) => ({ ...a, natIpConfigurations: [{ name: "a" }, {}] })],
            ["a NAT IP not known yet without a name", "natIpConfigurations[0].name", (a) => ({ ...a, natIpConfigurations: [{ privateIpAddress: pulumi.output("10.1.2.9") }] })],
            ["a NAT IP that is IPv6", "natIpConfigurations[0].privateIpAddress", (a) => ({ ...a, natIpConfigurations: [{ privateIpAddress: "fd00::5" }] })],
            ["two NAT IPs of one name", "natIpConfigurations[1].name", (a) => ({ ...a, natIpConfigurations: [{ name: "a" }, { name: "a" }] })],
            ["a NAT IP outside the created NAT subnet", "natIpConfigurations[0].privateIpAddress", (a) => ({ ...a, natSubnetId: undefined, natSubnet: { virtualNetworkName: "v", addressPrefix: "10.1.2.0/28" }, natIpConfigurations: [{ privateIpAddress: "10.1.3.4" }] })],
            ["a NAT subnet smaller than /28", "natSubnet.addressPrefix", (a) => ({ ...a, natSubnetId: undefined, natSubnet: { virtualNetworkName: "v", addressPrefix: "10.1.2.0/29" } })],
            ["a NAT subnet that is not a CIDR", "natSubnet.addressPrefix", (a) => ({ ...a, natSubnetId: undefined, natSubnet: { virtualNetworkName: "v", addressPrefix: "10.1.2.0" } })],
            ["both NAT subnet forms", "natSubnetId and natSubnet", (a) => ({ ...a, natSubnet: { virtualNetworkName: "v", addressPrefix: "10.1.2.0/28" } })],
            ["no NAT subnet", "natSubnetId or natSubnet", (a) => ({ ...a, natSubnetId: undefined })],
            ["a NAT subnet id that is a VNet", "natSubnetId", (a) => ({ ...a, natSubnetId: vnetId("orders-vnet") })],
            ["both front-end forms", "loadBalancerFrontendIpConfigurationIds and loadBalancer", (a) => ({ ...a, loadBalancer: { rules: [{ frontendPort: 443 }] } })],
            ["no front end", "loadBalancerFrontendIpConfigurationIds or loadBalancer", (a) => ({ ...a, loadBalancerFrontendIpConfigurationIds: undefined })],
            ["a frontend id that is a subnet", "loadBalancerFrontendIpConfigurationIds[0]", (a) => ({ ...a, loadBalancerFrontendIpConfigurationIds: [NAT_SUBNET] })],
            ["an empty frontend list", "loadBalancerFrontendIpConfigurationIds", (a) => ({ ...a, loadBalancerFrontendIpConfigurationIds: [] })],
            ["a load balancer without rules", "loadBalancer.rules", () => withLb({ rules: [] })],
            ["a rule port out of range", "loadBalancer.rules[0].frontendPort", () => withLb({ rules: [{ frontendPort: 0 }] })],
            ["two rules on one port", "loadBalancer.rules[1].frontendPort", () => withLb({ rules: [{ frontendPort: 443 }, { frontendPort: 443, backendPort: 8443 }] })],
            ["TCP reset on a UDP rule", "loadBalancer.rules[0].enableTcpReset", () => withLb({ rules: [{ frontendPort: 53, protocol: "Udp", enableTcpReset: true }] })],
            ["a path on a TCP probe", "loadBalancer.rules[0].probe.requestPath", () => withLb({ rules: [{ frontendPort: 443, probe: { requestPath: "/" } }] })],
            ["an idle timeout out of range", "loadBalancer.rules[0].idleTimeoutInMinutes", () => withLb({ rules: [{ frontendPort: 443, idleTimeoutInMinutes: 120 }] })],
            ["a zone that is not one", "loadBalancer.zones[0]", () => withLb({ zones: ["4"] })],
            ["an IPv6 frontend IP", "loadBalancer.frontendPrivateIpAddress", () => withLb({ frontendPrivateIpAddress: "fd00::1" })],
            ["an approval of something that is not an endpoint", "approvals[0].privateEndpointId", (a) => ({ ...a, approvals: [{ privateEndpointId: NAT_SUBNET }] })],
            ["an approval not known yet without a key", "approvals[0].privateEndpointId", (a) => ({ ...a, approvals: [{ privateEndpointId: pulumi.output(endpointId("x")) }] })],
            ["the same endpoint approved twice", "approvals[1].privateEndpointId", (a) => ({ ...a, approvals: [{ privateEndpointId: endpointId("x") }, { privateEndpointId: endpointId("x").toUpperCase() }] })],
            ["two endpoints of one name", "approvals[1].privateEndpointId", (a) => ({ ...a, approvals: [{ privateEndpointId: endpointId("x") }, { privateEndpointId: endpointId("x", "other-rg") }] })],
            ["an FQDN that is not a host name", "fqdns[0]", (a) => ({ ...a, fqdns: ["orders"] })],
            ["a service name Azure refuses", "serviceName", (a) => ({ ...a, serviceName: "bad name" })],
            ["a flag that is not a boolean", "allowAnySubscriptionVisibility", (a) => ({ ...a, allowAnySubscriptionVisibility: "yes" })],
            ["tags Azure refuses", "tags", (a) => ({ ...a, tags: { "x<y": "z" } })],
        ];
        for (const [title, field, mutate] of cases) {
            it(`rejects ${title} (${field}) before registering anything`, async () => {
                await reject(field, mutate(minimal()));
            });
        }

        it("accepts `*` visibility and auto-approval only when both are explicitly allowed", async () => {
            const rec = await build(
                () =>
                    new AzurePrivateLinkService("public", {
                        ...minimal(),
                        visibilitySubscriptionIds: ["*"],
                        allowAnySubscriptionVisibility: true,
                        autoApprovalSubscriptionIds: ["*"],
                        allowAnySubscriptionAutoApproval: true,
                    }),
            );
            assert.deepStrictEqual(rec.one("public-pls").inputs.visibility, { subscriptions: ["*"] });
        });
    });

    describe("hostile arguments (property)", () => {
        const bases: AzurePrivateLinkServiceArgs[] = [minimal(), { ...maximal(), approvals: [] }];
        const values: Record<string, fc.Arbitrary<unknown>> = {
            resourceGroupName: fc.constantFrom("orders-rg", "", undefined),
            location: fc.constantFrom("eastus", "westus", undefined),
            natSubnetId: fc.constantFrom(NAT_SUBNET, vnetId("v"), undefined),
            natSubnet: fc.record({ virtualNetworkName: fc.constantFrom("v", ""), addressPrefix: fc.constantFrom("10.1.2.0/28", "10.1.2.0/30", "x") }),
            natIpConfigurations: fc.array(fc.record({ name: fc.constantFrom("a", "b", undefined), privateIpAddress: fc.constantFrom("10.1.2.9", "x", undefined) }, { requiredKeys: [] }), { maxLength: 9 }),
            visibilitySubscriptionIds: fc.array(fc.constantFrom(CONSUMER_A, CONSUMER_B, "*", "x"), { maxLength: 3 }),
            autoApprovalSubscriptionIds: fc.array(fc.constantFrom(CONSUMER_A, CONSUMER_B, "*"), { maxLength: 2 }),
            allowAnySubscriptionVisibility: fc.boolean(),
            allowAnySubscriptionAutoApproval: fc.boolean(),
            loadBalancer: fc.record({ rules: fc.array(fc.record({ frontendPort: fc.constantFrom(443, 80, 0), protocol: fc.constantFrom("Tcp", "Udp", "x") }), { maxLength: 2 }) }),
            fqdns: fc.array(fc.constantFrom("orders.contoso.com", "x"), { maxLength: 2 }),
            approvals: fc.array(fc.record({ privateEndpointId: fc.constantFrom(endpointId("a"), "x") }), { maxLength: 2 }),
            tags: fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
        };
        it(`either builds the whole graph or throws a ValidationError with nothing registered (${FUZZ_RUNS} runs)`, async () => {
            await assertBuildsOrRejects(
                COMPONENT,
                editedArgs(bases, values),
                (name, a) => {
                    // Approvals are validated; they are built only in programs with consumers (the edit
                    // table), because their lookup needs a consumer's pending connection.
                    validateAzurePrivateLinkServiceArgs(name, a as AzurePrivateLinkServiceArgs);
                    const built = a !== null && typeof a === "object" && !Array.isArray(a) ? { ...(a as object), approvals: undefined } : a;
                    return new AzurePrivateLinkService(name, built as AzurePrivateLinkServiceArgs);
                },
                "pls",
            );
        });
    });
});

// ------------------------------------------------------------------------------------------------
// Edit safety. The program publishes the service and creates two consumer endpoints (manual
// connections by alias), so approvals find real pending connections.
// ------------------------------------------------------------------------------------------------

interface EditArgs {
    service: Partial<AzurePrivateLinkServiceArgs>;
    /** Which consumers' connections to approve, in order. */
    approve?: string[];
}

/**
 * The service approves endpoints that connect to its alias: the endpoint ids reach the service
 * through deferred outputs, so data flow orders service → endpoints → approvals.
 */
function program(e: EditArgs): void {
    const deferred = new Map(["alpha", "beta"].map((c) => [c, pulumi.deferredOutput<string>()] as const));
    const service = new AzurePrivateLinkService("svc", {
        ...minimal(),
        ...e.service,
        approvals: (e.approve ?? []).map((c) => ({ privateEndpointId: deferred.get(c)![0], key: c })),
    });
    for (const [c, [, resolve]] of deferred) {
        const consumer = new AzurePrivateEndpoint(c, {
            resourceGroupName: "client-rg",
            subnetId: subnetId("client-vnet", "endpoints"),
            privateLinkServiceAlias: service.serviceReference,
            dns: { mode: "None" as never },
        });
        resolve(consumer.endpointId);
    }
}

const PLS = "svc-pls";
const lb = (rules: Array<{ frontendPort: number; protocol?: AzureLoadBalancerProtocol }>): Partial<AzurePrivateLinkServiceArgs> => ({
    loadBalancerFrontendIpConfigurationIds: undefined,
    location: "eastus",
    loadBalancer: { rules },
});

describeEdits("AzurePrivateLinkService", program, [
    {
        edit: "add a NAT IP: the service's NAT IPs change, nothing else",
        before: { service: { natIpConfigurations: [{ name: "nat-primary" }] } },
        after: { service: { natIpConfigurations: [{ name: "nat-primary" }, { privateIpAddress: "10.1.2.9" }] } },
        expect: { changed: { [PLS]: ["ipConfigurations"] } },
    },
    {
        edit: "remove a NAT IP that is not the primary",
        before: { service: { natIpConfigurations: [{ name: "nat-primary" }, { name: "nat-2" }, { name: "nat-3" }] } },
        after: { service: { natIpConfigurations: [{ name: "nat-primary" }, { name: "nat-3" }] } },
        expect: { changed: { [PLS]: ["ipConfigurations"] } },
    },
    {
        edit: "reorder the NAT IPs after the primary: nothing changes",
        before: { service: { natIpConfigurations: [{ name: "nat-primary" }, { name: "nat-2" }, { privateIpAddress: "10.1.2.9" }] } },
        after: { service: { natIpConfigurations: [{ name: "nat-primary" }, { privateIpAddress: "10.1.2.9" }, { name: "nat-2" }] } },
        expect: {},
    },
    {
        edit: "add a visible subscription",
        before: { service: { visibilitySubscriptionIds: [CONSUMER_A] } },
        after: { service: { visibilitySubscriptionIds: [CONSUMER_A, CONSUMER_B] } },
        expect: { changed: { [PLS]: ["visibility"] } },
    },
    {
        edit: "remove every visible subscription: an explicit empty list reaches Azure",
        before: { service: { visibilitySubscriptionIds: [CONSUMER_A] } },
        after: { service: {} },
        expect: { changed: { [PLS]: ["visibility"] } },
    },
    {
        edit: "reorder the visible subscriptions: nothing changes",
        before: { service: { visibilitySubscriptionIds: [CONSUMER_A, CONSUMER_B, CONSUMER_C] } },
        after: { service: { visibilitySubscriptionIds: [CONSUMER_C, CONSUMER_A, CONSUMER_B] } },
        expect: {},
    },
    {
        edit: "add an auto-approved subscription",
        before: { service: { visibilitySubscriptionIds: [CONSUMER_A, CONSUMER_B], autoApprovalSubscriptionIds: [CONSUMER_A] } },
        after: { service: { visibilitySubscriptionIds: [CONSUMER_A, CONSUMER_B], autoApprovalSubscriptionIds: [CONSUMER_B, CONSUMER_A] } },
        expect: { changed: { [PLS]: ["autoApproval"] } },
    },
    {
        edit: "remove an auto-approved subscription",
        before: { service: { visibilitySubscriptionIds: [CONSUMER_A, CONSUMER_B], autoApprovalSubscriptionIds: [CONSUMER_A, CONSUMER_B] } },
        after: { service: { visibilitySubscriptionIds: [CONSUMER_A, CONSUMER_B], autoApprovalSubscriptionIds: [CONSUMER_B] } },
        expect: { changed: { [PLS]: ["autoApproval"] } },
    },
    { edit: "add an approval: only its resource is created", before: { service: {}, approve: ["alpha"] }, after: { service: {}, approve: ["alpha", "beta"] }, expect: { created: ["svc-approval-beta"] } },
    {
        edit: "remove an approval: only its resource goes (kept on delete: the live connection stays approved)",
        before: { service: {}, approve: ["alpha", "beta"] },
        after: { service: {}, approve: ["beta"] },
        expect: { deleted: ["svc-approval-alpha"] },
    },
    { edit: "reorder the approvals: nothing changes", before: { service: {}, approve: ["alpha", "beta"] }, after: { service: {}, approve: ["beta", "alpha"] }, expect: {} },
    {
        edit: "add a load-balancing rule: the load balancer's rules and probes change",
        before: { service: lb([{ frontendPort: 443 }]) },
        after: { service: lb([{ frontendPort: 443 }, { frontendPort: 8080 }]) },
        expect: { changed: { "svc-lb": ["loadBalancingRules", "probes"] } },
    },
    {
        edit: "reorder the load-balancing rules: nothing changes",
        before: { service: lb([{ frontendPort: 443 }, { frontendPort: 53, protocol: AzureLoadBalancerProtocol.Udp }]) },
        after: { service: lb([{ frontendPort: 53, protocol: AzureLoadBalancerProtocol.Udp }, { frontendPort: 443 }]) },
        expect: {},
    },
    { edit: "turn PROXY protocol on", before: { service: {} }, after: { service: { enableProxyProtocol: true } }, expect: { changed: { [PLS]: ["enableProxyProtocol"] } } },
    {
        edit: "add an FQDN; reordering them changes nothing",
        before: { service: { fqdns: ["b.contoso.com"] } },
        after: { service: { fqdns: ["c.contoso.com", "b.contoso.com"] } },
        expect: { changed: { [PLS]: ["fqdns"] } },
    },
]);
