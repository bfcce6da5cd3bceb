import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { outputsOf, startMocks, unwrap } from "../../harness/mocks";
import { describeEdits } from "../../harness/edits";
import {
    GcpConnectionPreference,
    GcpFirewallLogMetadata,
    GcpFirewallProtocol,
    GcpPrivateLinkService,
    GcpPrivateLinkServiceArgs,
    validateGcpPrivateLinkServiceArgs,
} from "../../../components/gcp";
import { assertGraph, COMPUTE, expectProviderReachesEveryChild, graph, REF, T, rejectionTable } from "./fixtures";

const HEALTH_CHECKS = ["130.211.0.0/22", "35.191.0.0/16"];

function minimal(): GcpPrivateLinkServiceArgs {
    return {
        targetService: REF.ilb,
        network: REF.producerNetwork,
        natSubnetCidrs: ["10.100.0.0/24"],
        firewall: { ports: [443], targetTags: ["orders-backend"] },
    };
}

function maximal(): GcpPrivateLinkServiceArgs {
    return {
        targetService: `${COMPUTE}/${REF.ilb}`,
        region: "europe-west3",
        project: "producer-project",
        network: REF.producerNetwork,
        natSubnetCidrs: ["10.100.1.0/24", "10.100.0.0/24"],
        natSubnetIds: [REF.givenNat],
        connectionPreference: GcpConnectionPreference.AcceptManual,
        consumerAcceptLists: [
            { projectIdOrNum: "consumer-project", connectionLimit: 10 },
            { networkUrl: "projects/shared-host/global/networks/shared-vpc", connectionLimit: 5 },
            { endpointUrl: "projects/partner/regions/europe-west3/forwardingRules/orders-endpoint", connectionLimit: 1 },
            { projectIdOrNum: "123456789012", connectionLimit: 2 },
        ],
        consumerRejectLists: ["projects/blocked/global/networks/legacy", "987654321098"],
        enableProxyProtocol: true,
        domainName: "orders.example.com.",
        reconcileConnections: false,
        propagatedConnectionLimit: 0,
        description: "orders API",
        firewall: {
            ports: [8443, 443],
            protocol: GcpFirewallProtocol.Tcp,
            targetServiceAccounts: ["orders@producer-project.iam.gserviceaccount.com"],
            healthCheckPorts: [8080],
            additionalSourceRanges: ["10.129.0.0/23"],
            priority: 900,
            logMetadata: GcpFirewallLogMetadata.ExcludeAll,
        },
    };
}

describe("GcpPrivateLinkService", function () {
    this.timeout(60000);

    describe("graph", () => {
        it("creates a NAT subnet, the attachment and two producer firewall rules from minimal arguments", async () => {
            const rec = await startMocks();
            const svc = new GcpPrivateLinkService("orders", minimal());
            await rec.settle();
            assertGraph(graph(rec, "orders", T.linkService), [
                `${T.firewall} orders-ingress-health-checks`,
                `${T.firewall} orders-ingress-psc`,
                `${T.attachment} orders-attachment`,
                `${T.subnetwork} orders-nat-10-100-0-0-24`,
            ]);
            const subnet = rec.one("orders-nat-10-100-0-0-24");
            assert.deepStrictEqual(
                { purpose: subnet.inputs.purpose, ipCidrRange: subnet.inputs.ipCidrRange, network: subnet.inputs.network, region: subnet.inputs.region },
                { purpose: "PRIVATE_SERVICE_CONNECT", ipCidrRange: "10.100.0.0/24", network: REF.producerNetwork, region: "europe-west3" },
            );
            const sa = rec.one("orders-attachment").inputs;
            assert.strictEqual(sa.targetService, REF.ilb);
            assert.strictEqual(sa.region, "europe-west3", "the region comes from the forwarding rule");
            assert.strictEqual(sa.connectionPreference, "ACCEPT_MANUAL");
            assert.deepStrictEqual(sa.consumerAcceptLists, [], "sent explicitly, so removing the last entry reaches the provider");
            assert.deepStrictEqual(sa.consumerRejectLists, []);
            assert.deepStrictEqual(sa.domainNames, []);
            assert.deepStrictEqual(sa.natSubnets, ["orders-nat-10-100-0-0-24-id"]);
            assert.strictEqual(sa.reconcileConnections, true);
            assert.strictEqual(sa.enableProxyProtocol, false);
            assert.strictEqual(sa.propagatedConnectionLimit, 250);
            assert.deepStrictEqual(rec.one("orders-attachment").propertyDependencies.natSubnets, [subnet.urn]);

            const out = await outputsOf(svc, ["serviceReference", "serviceAttachmentId", "natSubnetIds", "connectedEndpoints", "firewallRuleIds"]);
            assert.strictEqual(out.serviceReference, `${COMPUTE}/projects/mock-project/regions/europe-west3/serviceAttachments/orders-attachment-0a1b2c3`);
            assert.strictEqual(out.serviceAttachmentId, "orders-attachment-id");
            assert.deepStrictEqual(out.natSubnetIds, ["orders-nat-10-100-0-0-24-id"]);
            assert.deepStrictEqual(out.connectedEndpoints, []);
            assert.deepStrictEqual(out.firewallRuleIds, ["orders-ingress-psc-id", "orders-ingress-health-checks-id"]);
        });

        it("reports the connections Google Cloud lists, with every field filled, in connectedEndpoints", async () => {
            const endpoint = `${COMPUTE}/projects/consumer-a/regions/europe-west3/forwardingRules/orders-client`;
            await startMocks({
                state: (a) =>
                    a.type === T.attachment
                        ? {
                              connectedEndpoints: [
                                  { endpoint, status: "ACCEPTED", consumerNetwork: `${COMPUTE}/projects/consumer-a/global/networks/vpc`, pscConnectionId: "7340032", natIps: ["10.100.0.5"] },
                                  // Google Cloud leaves out what it does not know yet, e.g. for a PENDING request.
                                  { endpoint: `${endpoint}-2`, status: "PENDING" },
                              ],
                          }
                        : undefined,
            });
            const out = await outputsOf(new GcpPrivateLinkService("orders", minimal()), ["connectedEndpoints"]);
            assert.deepStrictEqual(out.connectedEndpoints, [
                { endpoint, status: "ACCEPTED", consumerNetwork: `${COMPUTE}/projects/consumer-a/global/networks/vpc`, pscConnectionId: "7340032", natIps: ["10.100.0.5"] },
                { endpoint: `${endpoint}-2`, status: "PENDING", consumerNetwork: "", pscConnectionId: "", natIps: [] },
            ]);
        });

        it("lets only the NAT subnets reach the service ports and only the health checks reach the health-check ports, both scoped to the backends and logged", async () => {
            const rec = await startMocks();
            new GcpPrivateLinkService("orders", minimal());
            await rec.settle();
            const psc = rec.one("orders-ingress-psc").inputs;
            const hc = rec.one("orders-ingress-health-checks").inputs;
            for (const rule of [psc, hc]) {
                assert.strictEqual(rule.direction, "INGRESS");
                assert.strictEqual(rule.network, REF.producerNetwork);
                assert.deepStrictEqual(rule.targetTags, ["orders-backend"]);
                assert.deepStrictEqual(rule.targetServiceAccounts, [], "sent explicitly, so a switch to tags or accounts reaches the provider");
                assert.deepStrictEqual(rule.logConfig, { metadata: "INCLUDE_ALL_METADATA" });
                assert.strictEqual(rule.priority, 1000);
                assert.ok(rule.description.length > 0);
            }
            assert.deepStrictEqual(psc.sourceRanges, ["10.100.0.0/24"]);
            assert.deepStrictEqual(psc.allows, [{ protocol: "tcp", ports: ["443"] }]);
            assert.deepStrictEqual(hc.sourceRanges, HEALTH_CHECKS);
            assert.deepStrictEqual(hc.allows, [{ protocol: "tcp", ports: ["443"] }]);
        });

        it("sets every option of the maximal arguments", async () => {
            const rec = await startMocks();
            new GcpPrivateLinkService("orders", maximal());
            await rec.settle();
            assertGraph(graph(rec, "orders", T.linkService), [
                `${T.firewall} orders-ingress-health-checks`,
                `${T.firewall} orders-ingress-psc`,
                `${T.attachment} orders-attachment`,
                `${T.subnetwork} orders-nat-10-100-0-0-24`,
                `${T.subnetwork} orders-nat-10-100-1-0-24`,
            ]);
            const sa = rec.one("orders-attachment").inputs;
            assert.strictEqual(sa.project, "producer-project");
            assert.strictEqual(sa.description, "orders API");
            assert.strictEqual(sa.enableProxyProtocol, true);
            assert.deepStrictEqual(sa.domainNames, ["orders.example.com."]);
            assert.strictEqual(sa.reconcileConnections, false);
            assert.strictEqual(sa.propagatedConnectionLimit, 0);
            assert.strictEqual(sa.sendPropagatedConnectionLimitIfZero, true, "a limit of 0 reaches the API");
            assert.deepStrictEqual(sa.natSubnets, ["orders-nat-10-100-0-0-24-id", "orders-nat-10-100-1-0-24-id", REF.givenNat]);
            assert.deepStrictEqual(sa.consumerRejectLists, ["987654321098", `${COMPUTE}/projects/blocked/global/networks/legacy`]);

            const lookup = rec.invokes.filter((i) => i.token === T.getSubnetwork);
            assert.deepStrictEqual(lookup.map((i) => i.inputs), [{ selfLink: REF.givenNat }], "the given NAT subnet's range is read for the firewall");
            const psc = rec.one("orders-ingress-psc").inputs;
            assert.deepStrictEqual(psc.sourceRanges, ["10.100.0.0/24", "10.100.1.0/24", "10.129.0.0/23", "10.250.0.0/24"]);
            assert.deepStrictEqual(psc.allows, [{ protocol: "tcp", ports: ["443", "8443"] }]);
            assert.deepStrictEqual(psc.targetServiceAccounts, ["orders@producer-project.iam.gserviceaccount.com"]);
            assert.deepStrictEqual(psc.targetTags, []);
            assert.strictEqual(psc.priority, 900);
            assert.deepStrictEqual(psc.logConfig, { metadata: "EXCLUDE_ALL_METADATA" });
            assert.strictEqual(psc.project, "producer-project");
            const hc = rec.one("orders-ingress-health-checks").inputs;
            assert.deepStrictEqual(hc.sourceRanges, HEALTH_CHECKS, "the health-check ranges never reach the service ports");
            assert.deepStrictEqual(hc.allows, [{ protocol: "tcp", ports: ["8080"] }]);
        });

        it("warns on the attachment that the domain name cannot change in place, and only when one is set", async () => {
            const warnings: Array<{ message: string; resource?: pulumi.Resource }> = [];
            const original = pulumi.log.warn;
            (pulumi.log as { warn: typeof pulumi.log.warn }).warn = (message: string, resource?: pulumi.Resource) => {
                warnings.push({ message, resource });
                return Promise.resolve();
            };
            try {
                let rec = await startMocks();
                new GcpPrivateLinkService("orders", minimal());
                await rec.settle();
                assert.strictEqual(warnings.length, 0);
                rec = await startMocks();
                new GcpPrivateLinkService("orders", { ...minimal(), domainName: "orders.example.com." });
                await rec.settle();
                assert.strictEqual(warnings.length, 1);
                assert.match(warnings[0].message, /domainName cannot change in place: changing or removing it replaces the service attachment, which closes every consumer connection/);
                assert.strictEqual(await unwrap(warnings[0].resource!.urn), rec.one("orders-attachment").urn);
            } finally {
                (pulumi.log as { warn: typeof pulumi.log.warn }).warn = original;
            }
        });

        it("accepts consumers by project, by network and by endpoint, each with its limit, sorted and in self-link form", async () => {
            const rec = await startMocks();
            new GcpPrivateLinkService("orders", maximal());
            await rec.settle();
            assert.deepStrictEqual(rec.one("orders-attachment").inputs.consumerAcceptLists, [
                { endpointUrl: `${COMPUTE}/projects/partner/regions/europe-west3/forwardingRules/orders-endpoint`, connectionLimit: 1 },
                { networkUrl: `${COMPUTE}/projects/shared-host/global/networks/shared-vpc`, connectionLimit: 5 },
                { projectIdOrNum: "123456789012", connectionLimit: 2 },
                { projectIdOrNum: "consumer-project", connectionLimit: 10 },
            ]);
        });

        it("sorts accept lists whose values are outputs once they resolve", async () => {
            const rec = await startMocks();
            new GcpPrivateLinkService("orders", {
                ...minimal(),
                consumerAcceptLists: [
                    { projectIdOrNum: pulumi.output("zeta-project"), connectionLimit: 1 },
                    { projectIdOrNum: "alpha-project", connectionLimit: pulumi.output(3) },
                ],
                consumerRejectLists: [pulumi.output("projects/z/global/networks/n"), "111111111111"],
            });
            await rec.settle();
            const sa = rec.one("orders-attachment").inputs;
            assert.deepStrictEqual(sa.consumerAcceptLists, [
                { projectIdOrNum: "alpha-project", connectionLimit: 3 },
                { projectIdOrNum: "zeta-project", connectionLimit: 1 },
            ]);
            assert.deepStrictEqual(sa.consumerRejectLists, ["111111111111", `${COMPUTE}/projects/z/global/networks/n`]);
        });

        it("sends empty lists with ACCEPT_AUTOMATIC", async () => {
            const rec = await startMocks();
            new GcpPrivateLinkService("orders", { ...minimal(), connectionPreference: GcpConnectionPreference.AcceptAutomatic });
            await rec.settle();
            const sa = rec.one("orders-attachment").inputs;
            assert.strictEqual(sa.connectionPreference, "ACCEPT_AUTOMATIC");
            assert.deepStrictEqual([sa.consumerAcceptLists, sa.consumerRejectLists], [[], []]);
        });

        it("leaves the health-check rule to the network when asked, and every rule with disableFirewall", async () => {
            let rec = await startMocks();
            new GcpPrivateLinkService("orders", { ...minimal(), firewall: { ports: [443], targetTags: ["orders-backend"], allowHealthChecks: false } });
            await rec.settle();
            assert.deepStrictEqual(rec.summary((r) => r.type === T.firewall), [`${T.firewall} orders-ingress-psc`]);

            rec = await startMocks();
            const svc = new GcpPrivateLinkService("orders", { ...minimal(), firewall: undefined, disableFirewall: true });
            await rec.settle();
            assert.deepStrictEqual(rec.summary((r) => r.type === T.firewall), []);
            assert.deepStrictEqual((await outputsOf(svc, ["firewallRuleIds"])).firewallRuleIds, []);
        });

        it("publishes on given NAT subnets alone, without a network when the firewall is elsewhere", async () => {
            const rec = await startMocks();
            new GcpPrivateLinkService("orders", { targetService: REF.ilb, natSubnetIds: [REF.givenNat], disableFirewall: true });
            await rec.settle();
            assertGraph(graph(rec, "orders", T.linkService), [`${T.attachment} orders-attachment`]);
            assert.deepStrictEqual(rec.one("orders-attachment").inputs.natSubnets, [REF.givenNat]);
        });

        it("uses the region given, and the provider's when the target's is unknown", async () => {
            let rec = await startMocks();
            new GcpPrivateLinkService("orders", { ...minimal(), region: "europe-west3" });
            await rec.settle();
            assert.strictEqual(rec.one("orders-attachment").inputs.region, "europe-west3");
            rec = await startMocks();
            new GcpPrivateLinkService("orders", { ...minimal(), targetService: pulumi.output(REF.ilb) });
            await rec.settle();
            assert.strictEqual(rec.one("orders-attachment").inputs.region, undefined);
            assert.strictEqual(rec.one("orders-nat-10-100-0-0-24").inputs.region, undefined);
        });

        it("passes a gcp provider for another project from the providers map to every child and lookup", async () => {
            await expectProviderReachesEveryChild("orders", T.linkService, (providers) => {
                new GcpPrivateLinkService("orders", maximal(), { providers });
            });
        });
    });

    describe("validation", () => {
        const rejects = rejectionTable("GcpPrivateLinkService", "orders", (name, args: GcpPrivateLinkServiceArgs) => new GcpPrivateLinkService(name, args));
        const m = minimal;

        rejects("automatic acceptance together with accept lists", () => ({ ...m(), connectionPreference: GcpConnectionPreference.AcceptAutomatic, consumerAcceptLists: [{ projectIdOrNum: "consumer-project", connectionLimit: 1 }] }), "consumerAcceptLists");
        rejects("automatic acceptance together with reject lists", () => ({ ...m(), connectionPreference: GcpConnectionPreference.AcceptAutomatic, consumerRejectLists: ["consumer-project"] }), "consumerRejectLists");
        rejects("an accept-list entry with two identifiers", () => ({ ...m(), consumerAcceptLists: [{ projectIdOrNum: "consumer-project", networkUrl: REF.consumerNetwork, connectionLimit: 1 }] }), "consumerAcceptLists[0].projectIdOrNum and consumerAcceptLists[0].networkUrl");
        rejects("an accept-list entry with no identifier", () => ({ ...m(), consumerAcceptLists: [{ connectionLimit: 1 }] }), "consumerAcceptLists[0].projectIdOrNum or consumerAcceptLists[0].networkUrl or consumerAcceptLists[0].endpointUrl");
        rejects("an accept-list entry without a connection limit", () => ({ ...m(), consumerAcceptLists: [{ projectIdOrNum: "consumer-project" }] }), "consumerAcceptLists[0].connectionLimit");
        rejects("a connection limit of 0", () => ({ ...m(), consumerAcceptLists: [{ projectIdOrNum: "consumer-project", connectionLimit: 0 }] }), "consumerAcceptLists[0].connectionLimit");
        rejects("a consumer listed twice", () => ({ ...m(), consumerAcceptLists: [{ projectIdOrNum: "consumer-project", connectionLimit: 1 }, { projectIdOrNum: "consumer-project", connectionLimit: 2 }] }), "consumerAcceptLists[1].projectIdOrNum");
        rejects("a network listed twice in two forms", () => ({ ...m(), consumerAcceptLists: [{ networkUrl: REF.consumerNetwork, connectionLimit: 1 }, { networkUrl: `${COMPUTE}/${REF.consumerNetwork}`, connectionLimit: 2 }] }), "consumerAcceptLists[1].networkUrl");
        rejects("an accept-list network given by bare name", () => ({ ...m(), consumerAcceptLists: [{ networkUrl: "consumer-vpc", connectionLimit: 1 }] }), "consumerAcceptLists[0].networkUrl");
        rejects("an accept-list endpoint that is not a forwarding rule", () => ({ ...m(), consumerAcceptLists: [{ endpointUrl: REF.attachment, connectionLimit: 1 }] }), "consumerAcceptLists[0].endpointUrl");
        rejects("a project id that Google Cloud does not allow", () => ({ ...m(), consumerAcceptLists: [{ projectIdOrNum: "Consumer_Project", connectionLimit: 1 }] }), "consumerAcceptLists[0].projectIdOrNum");
        rejects("a consumer both accepted and rejected", () => ({ ...m(), consumerAcceptLists: [{ projectIdOrNum: "consumer-project", connectionLimit: 1 }], consumerRejectLists: ["consumer-project"] }), "consumerRejectLists[0]");
        rejects("a reject-list entry that is neither project nor network", () => ({ ...m(), consumerRejectLists: ["projects/p/regions/r/subnetworks/s"] }), "consumerRejectLists[0]");
        rejects("a NAT subnet CIDR that is not a valid range", () => ({ ...m(), natSubnetCidrs: ["10.100.0.0/33"] }), "natSubnetCidrs[0]");
        rejects("a NAT subnet CIDR that is not a CIDR at all", () => ({ ...m(), natSubnetCidrs: ["10.100.0.0"] }), "natSubnetCidrs[0]");
        rejects("an IPv6 NAT subnet CIDR", () => ({ ...m(), natSubnetCidrs: ["fd00::/64"] }), "natSubnetCidrs[0]");
        rejects("a NAT subnet smaller than /29", () => ({ ...m(), natSubnetCidrs: ["10.100.0.0/30"] }), "natSubnetCidrs[0]");
        rejects("overlapping NAT subnets", () => ({ ...m(), natSubnetCidrs: ["10.100.0.0/16", "10.100.1.0/24"] }), "natSubnetCidrs[1]");
        rejects("a NAT subnet CIDR known only at deployment", () => ({ ...m(), natSubnetCidrs: [pulumi.output("10.100.0.0/24")] }), "natSubnetCidrs[0]");
        rejects("no NAT subnet at all", () => ({ ...m(), natSubnetCidrs: [] }), "natSubnetCidrs");
        rejects("a given NAT subnet that is not a subnetwork", () => ({ ...m(), natSubnetIds: [REF.producerNetwork] }), "natSubnetIds[0]");
        rejects("a given NAT subnet in another region", () => ({ ...m(), natSubnetIds: ["projects/producer-project/regions/us-east1/subnetworks/nat"] }), "natSubnetIds[0]");
        rejects("a domain name without its trailing dot", () => ({ ...m(), domainName: "orders.example.com" }), "domainName");
        rejects("a domain name in upper case", () => ({ ...m(), domainName: "Orders.Example.com." }), "domainName");
        rejects("a zone where a region is needed", () => ({ ...m(), region: "europe-west3-a" }), "region");
        rejects("a region that is not a region", () => ({ ...m(), region: "Frankfurt" }), "region");
        rejects("a target that is a Cloud Run URL", () => ({ ...m(), targetService: "https://orders-abc123-ey.a.run.app" }), "targetService");
        rejects("a target that is an IP address", () => ({ ...m(), targetService: "10.0.0.10" }), "targetService");
        rejects("a target without its project", () => ({ ...m(), targetService: "regions/europe-west3/forwardingRules/orders-ilb" }), "targetService");
        rejects("a target in another region than region", () => ({ ...m(), region: "us-east1" }), "targetService");
        rejects("a missing target", () => ({ ...m(), targetService: undefined }), "targetService");
        rejects("NAT subnets to create without a network", () => ({ ...m(), network: undefined, firewall: undefined, disableFirewall: true }), "network");
        rejects("a network given by bare name", () => ({ ...m(), network: "producer-vpc" }), "network");
        rejects("an invalid project", () => ({ ...m(), project: "p" }), "project");
        rejects("no firewall and no disableFirewall", () => ({ ...m(), firewall: undefined }), "firewall");
        rejects("firewall together with disableFirewall", () => ({ ...m(), disableFirewall: true }), "disableFirewall");
        rejects("firewall rules with both target tags and service accounts", () => ({ ...m(), firewall: { ports: [443], targetTags: ["a"], targetServiceAccounts: ["a@p.iam.gserviceaccount.com"] } }), "firewall.targetTags and firewall.targetServiceAccounts");
        rejects("firewall rules without targets", () => ({ ...m(), firewall: { ports: [443] } }), "firewall.targetTags or firewall.targetServiceAccounts");
        rejects("an empty target tag list", () => ({ ...m(), firewall: { ports: [443], targetTags: [] } }), "firewall.targetTags");
        rejects("a target tag Google Cloud does not allow", () => ({ ...m(), firewall: { ports: [443], targetTags: ["Orders Backend"] } }), "firewall.targetTags[0]");
        rejects("a target service account that is no email", () => ({ ...m(), firewall: { ports: [443], targetServiceAccounts: ["orders"] } }), "firewall.targetServiceAccounts[0]");
        rejects("no service ports", () => ({ ...m(), firewall: { ports: [], targetTags: ["a"] } }), "firewall.ports");
        rejects("a port out of range", () => ({ ...m(), firewall: { ports: [70000], targetTags: ["a"] } }), "firewall.ports[0]");
        rejects("an extra source range that opens the backends to the internet", () => ({ ...m(), firewall: { ports: [443], targetTags: ["a"], additionalSourceRanges: ["0.0.0.0/0"] } }), "firewall.additionalSourceRanges[0]");
        rejects("an IPv6 extra source range", () => ({ ...m(), firewall: { ports: [443], targetTags: ["a"], additionalSourceRanges: ["fd00::/64"] } }), "firewall.additionalSourceRanges[0]");
        rejects("health-check ports with health checks off", () => ({ ...m(), firewall: { ports: [443], targetTags: ["a"], allowHealthChecks: false, healthCheckPorts: [80] } }), "firewall.healthCheckPorts");
        rejects("an unknown protocol", () => ({ ...m(), firewall: { ports: [443], targetTags: ["a"], protocol: "icmp" } }), "firewall.protocol");
        rejects("an unknown connection preference", () => ({ ...m(), connectionPreference: "ACCEPT_ALL" }), "connectionPreference");
        rejects("a negative propagated connection limit", () => ({ ...m(), propagatedConnectionLimit: -1 }), "propagatedConnectionLimit");
        rejects("a logical name Google Cloud names cannot start with", () => m(), "name", "Orders");
        rejects("a logical name too long for the children's names", () => m(), "name", "orders-service-of-the-payments-platform-team");
        rejects("no arguments", () => undefined, "args");

        it("accepts valid arguments, also as outputs", () => {
            assert.doesNotThrow(() => validateGcpPrivateLinkServiceArgs("orders", minimal()));
            assert.doesNotThrow(() => validateGcpPrivateLinkServiceArgs("orders", maximal()));
            assert.doesNotThrow(() =>
                validateGcpPrivateLinkServiceArgs("orders", {
                    ...minimal(),
                    targetService: pulumi.output("anything"),
                    network: pulumi.output("x"),
                    natSubnetIds: [pulumi.output("y")],
                    consumerAcceptLists: [{ networkUrl: pulumi.output("z"), connectionLimit: pulumi.output(0) }],
                    domainName: pulumi.output("no-dot"),
                    region: pulumi.output("europe-west3-a"),
                }),
            );
            assert.doesNotThrow(() => validateGcpPrivateLinkServiceArgs("orders", { ...minimal(), targetService: "projects/p1/global/forwardingRules/cross-region-alb", region: "europe-west3" }));
        });
    });

    describe("deployment", () => {
        it("fails with the component and field when a given NAT subnet's range cannot be read, and leaves the attachment alone", async () => {
            const rec = await startMocks({ invoke: (a) => (a.token === T.getSubnetwork ? { selfLink: a.inputs.selfLink } : undefined) });
            const errors: unknown[] = [];
            const collect = (e: unknown) => errors.push(e);
            // The Node runtime turns an error raised while resolving an input into a failed
            // deployment through an unhandled rejection; catch it here instead.
            process.on("unhandledRejection", collect);
            try {
                new GcpPrivateLinkService("orders", { ...minimal(), natSubnetCidrs: [], natSubnetIds: [REF.givenNat] });
                await new Promise((resolve) => setTimeout(resolve, 1500));
            } finally {
                process.off("unhandledRejection", collect);
            }
            assert.ok(errors.length > 0, "the deployment fails");
            for (const e of errors) {
                assert.match(String(e), /GcpPrivateLinkService "orders": natSubnetIds\[0\] is ".*orders-psc-nat", whose IPv4 range could not be read\. Fix: /);
            }
            assert.strictEqual(rec.find("orders-attachment"), undefined, "the attachment is not registered with an unchecked subnet");
            assert.strictEqual(rec.find("orders-ingress-psc"), undefined);
        });
    });

    const base = (): GcpPrivateLinkServiceArgs => ({
        ...minimal(),
        consumerAcceptLists: [
            { projectIdOrNum: "consumer-a", connectionLimit: 5 },
            { projectIdOrNum: "consumer-b", connectionLimit: 5 },
        ],
    });
    const sa = "orders-attachment";
    const psc = "orders-ingress-psc";
    const hc = "orders-ingress-health-checks";
    const both = (...props: string[]) => ({ [psc]: props, [hc]: props });
    describeEdits("GcpPrivateLinkService", (args: GcpPrivateLinkServiceArgs) => new GcpPrivateLinkService("orders", args), [
        {
            edit: "add an accept-list entry by project",
            before: base(),
            after: { ...base(), consumerAcceptLists: [...base().consumerAcceptLists!, { projectIdOrNum: "consumer-c", connectionLimit: 1 }] },
            expect: { changed: { [sa]: ["consumerAcceptLists"] } },
        },
        {
            edit: "add an accept-list entry by network",
            before: base(),
            after: { ...base(), consumerAcceptLists: [{ networkUrl: REF.consumerNetwork, connectionLimit: 2 }, ...base().consumerAcceptLists!] },
            expect: { changed: { [sa]: ["consumerAcceptLists"] } },
        },
        {
            edit: "add an accept-list entry by endpoint",
            before: base(),
            after: { ...base(), consumerAcceptLists: [...base().consumerAcceptLists!, { endpointUrl: "projects/c/regions/europe-west3/forwardingRules/e", connectionLimit: 1 }] },
            expect: { changed: { [sa]: ["consumerAcceptLists"] } },
        },
        {
            edit: "remove an accept-list entry",
            before: base(),
            after: { ...base(), consumerAcceptLists: [base().consumerAcceptLists![1]] },
            expect: { changed: { [sa]: ["consumerAcceptLists"] } },
        },
        {
            edit: "remove the last accept-list entries (sent as an empty list)",
            before: base(),
            after: { ...base(), consumerAcceptLists: [] },
            expect: { changed: { [sa]: ["consumerAcceptLists"] } },
        },
        {
            edit: "reorder the accept list (a set: no diff)",
            before: base(),
            after: { ...base(), consumerAcceptLists: [...base().consumerAcceptLists!].reverse() },
            expect: {},
        },
        {
            edit: "raise one consumer's connection limit",
            before: base(),
            after: { ...base(), consumerAcceptLists: [{ projectIdOrNum: "consumer-a", connectionLimit: 20 }, base().consumerAcceptLists![1]] },
            expect: { changed: { [sa]: ["consumerAcceptLists"] } },
        },
        {
            edit: "add a reject-list entry",
            before: base(),
            after: { ...base(), consumerRejectLists: ["blocked-project"] },
            expect: { changed: { [sa]: ["consumerRejectLists"] } },
        },
        {
            edit: "reorder the reject list (a set: no diff)",
            before: { ...base(), consumerRejectLists: ["blocked-a", "projects/x/global/networks/y"] },
            after: { ...base(), consumerRejectLists: ["projects/x/global/networks/y", "blocked-a"] },
            expect: {},
        },
        {
            edit: "remove the reject list (sent as an empty list)",
            before: { ...base(), consumerRejectLists: ["blocked-a"] },
            after: base(),
            expect: { changed: { [sa]: ["consumerRejectLists"] } },
        },
        {
            edit: "add a NAT subnet CIDR",
            before: base(),
            after: { ...base(), natSubnetCidrs: ["10.100.0.0/24", "10.101.0.0/24"] },
            expect: { created: ["orders-nat-10-101-0-0-24"], changed: { [sa]: ["natSubnets"], [psc]: ["sourceRanges"] } },
        },
        {
            edit: "remove a NAT subnet CIDR",
            before: { ...base(), natSubnetCidrs: ["10.100.0.0/24", "10.101.0.0/24"] },
            after: { ...base(), natSubnetCidrs: ["10.101.0.0/24"] },
            expect: { deleted: ["orders-nat-10-100-0-0-24"], changed: { [sa]: ["natSubnets"], [psc]: ["sourceRanges"] } },
        },
        {
            edit: "reorder the NAT subnet CIDRs (a set: no diff)",
            before: { ...base(), natSubnetCidrs: ["10.100.0.0/24", "10.101.0.0/24"] },
            after: { ...base(), natSubnetCidrs: ["10.101.0.0/24", "10.100.0.0/24"] },
            expect: {},
        },
        {
            edit: "add a given NAT subnet",
            before: base(),
            after: { ...base(), natSubnetIds: [REF.givenNat] },
            expect: { changed: { [sa]: ["natSubnets"], [psc]: ["sourceRanges"] } },
        },
        {
            edit: "reorder the given NAT subnets (a set: no diff)",
            before: { ...base(), natSubnetIds: [REF.givenNat, "projects/producer-project/regions/europe-west3/subnetworks/nat-2"] },
            after: { ...base(), natSubnetIds: ["projects/producer-project/regions/europe-west3/subnetworks/nat-2", REF.givenNat] },
            expect: {},
        },
        {
            edit: "switch to automatic acceptance (second step, lists already removed)",
            before: minimal(),
            after: { ...minimal(), connectionPreference: GcpConnectionPreference.AcceptAutomatic },
            expect: { changed: { [sa]: ["connectionPreference"] } },
        },
        {
            edit: "turn the proxy protocol on",
            before: base(),
            after: { ...base(), enableProxyProtocol: true },
            expect: { changed: { [sa]: ["enableProxyProtocol"] } },
        },
        {
            edit: "turn the proxy protocol off again (sent as false)",
            before: { ...base(), enableProxyProtocol: true },
            after: base(),
            expect: { changed: { [sa]: ["enableProxyProtocol"] } },
        },
        {
            edit: "set a domain name (Google Cloud replaces the attachment)",
            before: base(),
            after: { ...base(), domainName: "orders.example.com." },
            expect: { changed: { [sa]: ["domainNames"] } },
        },
        {
            edit: "remove the domain name (sent as an empty list)",
            before: { ...base(), domainName: "orders.example.com." },
            after: base(),
            expect: { changed: { [sa]: ["domainNames"] } },
        },
        {
            edit: "turn connection reconciliation off",
            before: base(),
            after: { ...base(), reconcileConnections: false },
            expect: { changed: { [sa]: ["reconcileConnections"] } },
        },
        {
            edit: "set the propagated connection limit",
            before: base(),
            after: { ...base(), propagatedConnectionLimit: 10 },
            expect: { changed: { [sa]: ["propagatedConnectionLimit"] } },
        },
        {
            edit: "change the description",
            before: base(),
            after: { ...base(), description: "orders v2" },
            expect: { changed: { [sa]: ["description"] } },
        },
        {
            edit: "add a service port",
            before: base(),
            after: { ...base(), firewall: { ports: [443, 8443], targetTags: ["orders-backend"] } },
            expect: { changed: both("allows", "description") },
        },
        {
            edit: "reorder the service ports (no diff)",
            before: { ...base(), firewall: { ports: [443, 8443], targetTags: ["orders-backend"] } },
            after: { ...base(), firewall: { ports: [8443, 443], targetTags: ["orders-backend"] } },
            expect: {},
        },
        {
            edit: "add a target tag",
            before: base(),
            after: { ...base(), firewall: { ports: [443], targetTags: ["orders-backend", "orders-canary"] } },
            expect: { changed: both("targetTags") },
        },
        {
            edit: "reorder the target tags (a set: no diff)",
            before: { ...base(), firewall: { ports: [443], targetTags: ["a", "b"] } },
            after: { ...base(), firewall: { ports: [443], targetTags: ["b", "a"] } },
            expect: {},
        },
        {
            edit: "switch the targets from tags to service accounts",
            before: base(),
            after: { ...base(), firewall: { ports: [443], targetServiceAccounts: ["orders@producer-project.iam.gserviceaccount.com"] } },
            expect: { changed: both("targetServiceAccounts", "targetTags") },
        },
        {
            edit: "add an extra source range",
            before: base(),
            after: { ...base(), firewall: { ports: [443], targetTags: ["orders-backend"], additionalSourceRanges: ["10.129.0.0/23"] } },
            expect: { changed: { [psc]: ["sourceRanges"] } },
        },
        {
            edit: "probe health checks on another port",
            before: base(),
            after: { ...base(), firewall: { ports: [443], targetTags: ["orders-backend"], healthCheckPorts: [8080] } },
            expect: { changed: { [hc]: ["allows", "description"] } },
        },
        {
            edit: "turn the health-check rule off",
            before: base(),
            after: { ...base(), firewall: { ports: [443], targetTags: ["orders-backend"], allowHealthChecks: false } },
            expect: { deleted: [hc] },
        },
        {
            edit: "switch the protocol to UDP (health checks stay TCP)",
            before: base(),
            after: { ...base(), firewall: { ports: [443], targetTags: ["orders-backend"], protocol: GcpFirewallProtocol.Udp } },
            expect: { changed: { [psc]: ["allows", "description"] } },
        },
        {
            edit: "change the rules' priority",
            before: base(),
            after: { ...base(), firewall: { ports: [443], targetTags: ["orders-backend"], priority: 500 } },
            expect: { changed: both("priority") },
        },
        {
            edit: "log less metadata",
            before: base(),
            after: { ...base(), firewall: { ports: [443], targetTags: ["orders-backend"], logMetadata: GcpFirewallLogMetadata.ExcludeAll } },
            expect: { changed: both("logConfig") },
        },
        {
            edit: "leave the firewall to the network",
            before: base(),
            after: { ...base(), firewall: undefined, disableFirewall: true },
            expect: { deleted: [psc, hc] },
        },
    ]);
});
