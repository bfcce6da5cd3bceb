import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { outputsOf, Recorder, startMocks } from "../../harness/mocks";
import { describeEdits } from "../../harness/edits";
import {
    GcpGoogleApisBundle,
    GcpGoogleApisEndpoint,
    GcpGoogleApisEndpointArgs,
    GOOGLE_APIS_EXTRA_DOMAINS,
    validateGcpGoogleApisEndpointArgs,
} from "../../../components/gcp";
import { assertGraph, COMPUTE, expectProviderReachesEveryChild, graph, REF, T, rejectionTable } from "./fixtures";

const IP = "10.255.255.254";

function minimal(): GcpGoogleApisEndpointArgs {
    return { network: REF.consumerNetwork, ipAddress: IP };
}

function maximal(): GcpGoogleApisEndpointArgs {
    return {
        network: `${COMPUTE}/${REF.consumerNetwork}`,
        ipAddress: "100.100.100.106",
        subnetRanges: ["10.0.0.0/8", "192.168.0.0/16"],
        endpointName: "restricted1",
        bundle: GcpGoogleApisBundle.VpcSc,
        project: "consumer-project",
        serviceDirectory: { namespace: "apis-ns", region: "europe-west3" },
        dns: {
            googleapis: true,
            pGoogleapis: true,
            extraDomains: ["gcr.io", "pkg.dev", "packages.cloud.google.com"],
            networks: [REF.consumerNetwork2, REF.consumerNetwork],
            ttl: 60,
        },
        description: "Google APIs",
        labels: { team: "platform" },
    };
}

/** The records of a zone as `name type rrdatas`. */
function recordsOf(rec: Recorder, prefix: string): string[] {
    return rec
        .ofType(T.record)
        .filter((r) => r.name.startsWith(prefix))
        .map((r) => `${r.inputs.name} ${r.inputs.type} ${r.inputs.rrdatas.join(",")}`)
        .sort();
}

describe("GcpGoogleApisEndpoint", function () {
    this.timeout(60000);

    describe("graph", () => {
        it("creates the global PSC address and forwarding rule, and googleapis.com, gcr.io and pkg.dev zones", async () => {
            const rec = await startMocks();
            const apis = new GcpGoogleApisEndpoint("googleapis", minimal());
            await rec.settle();
            assertGraph(graph(rec, "googleapis", T.googleApis), [
                `${T.globalAddress} googleapis-address`,
                `${T.globalForwardingRule} googleapis-endpoint`,
                `${T.zone} googleapis-zone-googleapis-com`,
                `${T.zone} googleapis-zone-gcr-io`,
                `${T.zone} googleapis-zone-pkg-dev`,
                `${T.record} googleapis-record-googleapis-com-private-a`,
                `${T.record} googleapis-record-googleapis-com-wildcard-cname`,
                `${T.record} googleapis-record-gcr-io-apex-a`,
                `${T.record} googleapis-record-gcr-io-wildcard-cname`,
                `${T.record} googleapis-record-pkg-dev-apex-a`,
                `${T.record} googleapis-record-pkg-dev-wildcard-cname`,
            ]);
            const address = rec.one("googleapis-address");
            assert.deepStrictEqual(
                [address.inputs.addressType, address.inputs.purpose, address.inputs.network, address.inputs.address],
                ["INTERNAL", "PRIVATE_SERVICE_CONNECT", REF.consumerNetwork, IP],
            );
            const rule = rec.one("googleapis-endpoint");
            assert.strictEqual(rule.inputs.name, "googleapis", "the endpoint takes the component's name");
            assert.strictEqual(rule.inputs.target, "all-apis");
            assert.strictEqual(rule.inputs.loadBalancingScheme, "", "explicit, because pulumi-gcp v10 changes the default");
            assert.strictEqual(rule.inputs.network, REF.consumerNetwork);
            assert.strictEqual(rule.inputs.ipAddress, "googleapis-address-id");
            assert.deepStrictEqual(rule.propertyDependencies.ipAddress, [address.urn]);
            assert.strictEqual(rule.inputs.noAutomateDnsZone, false, "Google Cloud creates the p.googleapis.com names");
            assert.strictEqual(rule.deleteBeforeReplace, true, "the fixed name must be freed before a replacement");

            assert.deepStrictEqual(recordsOf(rec, "googleapis-record-googleapis-com"), [
                `*.googleapis.com. CNAME private.googleapis.com.`,
                `private.googleapis.com. A ${IP}`,
            ]);
            assert.deepStrictEqual(recordsOf(rec, "googleapis-record-gcr-io"), [`*.gcr.io. CNAME gcr.io.`, `gcr.io. A ${IP}`]);
            assert.deepStrictEqual(recordsOf(rec, "googleapis-record-pkg-dev"), [`*.pkg.dev. CNAME pkg.dev.`, `pkg.dev. A ${IP}`]);
            for (const zone of rec.ofType(T.zone)) {
                assert.strictEqual(zone.inputs.visibility, "private");
                assert.deepStrictEqual(zone.inputs.privateVisibilityConfig.networks, [{ networkUrl: `${COMPUTE}/${REF.consumerNetwork}` }]);
                assert.deepStrictEqual(zone.inputs.labels, { "managed-by": "privatelink", "privatelink-component": "googleapis" });
            }
            assert.deepStrictEqual(
                rec.ofType(T.zone).map((z) => z.inputs.dnsName).sort(),
                ["gcr.io.", "googleapis.com.", "pkg.dev."],
            );
            const out = await outputsOf(apis, ["endpointId", "endpointName", "privateIps", "dnsNames", "connectionState", "pscConnectionId", "zoneNames"]);
            assert.deepStrictEqual(out, {
                endpointId: "googleapis-endpoint-id",
                endpointName: "googleapis",
                privateIps: [IP],
                dnsNames: ["private.googleapis.com", "*.googleapis.com", "gcr.io", "*.gcr.io", "pkg.dev", "*.pkg.dev"],
                connectionState: "ACCEPTED",
                pscConnectionId: "81985529216486896",
                zoneNames: ["googleapis-zone-googleapis-com-0a1b2c3", "googleapis-zone-gcr-io-0a1b2c3", "googleapis-zone-pkg-dev-0a1b2c3"],
            });
        });

        it("sets every option of the maximal arguments: vpc-sc names restricted.googleapis.com, p.googleapis.com replaces Google Cloud's zone", async () => {
            const rec = await startMocks();
            new GcpGoogleApisEndpoint("googleapis", maximal());
            await rec.settle();
            const rule = rec.one("googleapis-endpoint").inputs;
            assert.deepStrictEqual(
                [rule.name, rule.target, rule.noAutomateDnsZone, rule.project, rule.description],
                ["restricted1", "vpc-sc", true, "consumer-project", "Google APIs"],
            );
            assert.deepStrictEqual(rule.serviceDirectoryRegistrations, { namespace: "apis-ns", serviceDirectoryRegion: "europe-west3" });
            assert.deepStrictEqual(recordsOf(rec, "googleapis-record-googleapis-com"), [
                `*.googleapis.com. CNAME restricted.googleapis.com.`,
                `restricted.googleapis.com. A 100.100.100.106`,
            ]);
            assert.deepStrictEqual(recordsOf(rec, "googleapis-record-p-googleapis-com"), [`*.p.googleapis.com. A 100.100.100.106`]);
            assert.deepStrictEqual(recordsOf(rec, "googleapis-record-packages-cloud-google-com"), [
                `*.packages.cloud.google.com. CNAME packages.cloud.google.com.`,
                `packages.cloud.google.com. A 100.100.100.106`,
            ]);
            assert.strictEqual(rec.ofType(T.zone).length, 5);
            for (const zone of rec.ofType(T.zone)) {
                assert.deepStrictEqual(zone.inputs.privateVisibilityConfig.networks, [
                    { networkUrl: `${COMPUTE}/${REF.consumerNetwork2}` },
                    { networkUrl: `${COMPUTE}/${REF.consumerNetwork}` },
                ]);
                assert.strictEqual(zone.inputs.project, "consumer-project");
                assert.strictEqual(zone.inputs.labels.team, "platform");
            }
            for (const record of rec.ofType(T.record)) {
                assert.strictEqual(record.inputs.ttl, 60);
            }
        });

        it("creates no DNS when every part is turned off", async () => {
            const rec = await startMocks();
            new GcpGoogleApisEndpoint("googleapis", { ...minimal(), dns: { googleapis: false, extraDomains: [] } });
            await rec.settle();
            assertGraph(graph(rec, "googleapis", T.googleApis), [`${T.globalAddress} googleapis-address`, `${T.globalForwardingRule} googleapis-endpoint`]);
        });

        it("serves every known extra domain, one zone each", async () => {
            const rec = await startMocks();
            new GcpGoogleApisEndpoint("googleapis", { ...minimal(), dns: { extraDomains: [...GOOGLE_APIS_EXTRA_DOMAINS] } });
            await rec.settle();
            assert.strictEqual(rec.ofType(T.zone).length, GOOGLE_APIS_EXTRA_DOMAINS.length + 1);
            assert.strictEqual(rec.ofType(T.record).length, 2 * (GOOGLE_APIS_EXTRA_DOMAINS.length + 1));
        });

        it("passes a gcp provider for another project from the providers map to every child", async () => {
            await expectProviderReachesEveryChild("googleapis", T.googleApis, (providers) => {
                new GcpGoogleApisEndpoint("googleapis", maximal(), { providers });
            });
        });
    });

    describe("validation", () => {
        const rejects = rejectionTable("GcpGoogleApisEndpoint", "googleapis", (name, args: GcpGoogleApisEndpointArgs) => new GcpGoogleApisEndpoint(name, args));
        const m = minimal;

        rejects("an endpoint name with a hyphen", () => ({ ...m(), endpointName: "google-apis" }), "endpointName");
        rejects("an endpoint name of 21 characters", () => ({ ...m(), endpointName: "a12345678901234567890" }), "endpointName");
        rejects("an endpoint name starting with a digit", () => ({ ...m(), endpointName: "1apis" }), "endpointName");
        rejects("an endpoint name in upper case", () => ({ ...m(), endpointName: "GoogleApis" }), "endpointName");
        rejects("a component name that cannot be the endpoint's name", () => m(), "endpointName", "google-apis");
        rejects("an address inside a given subnet range", () => ({ ...m(), ipAddress: "10.0.1.5", subnetRanges: ["192.168.0.0/16", "10.0.0.0/16"] }), "ipAddress");
        rejects("an IPv6 address", () => ({ ...m(), ipAddress: "fd00::1" }), "ipAddress");
        rejects("an address that is not an address", () => ({ ...m(), ipAddress: "10.255.255" }), "ipAddress");
        rejects("a loopback address", () => ({ ...m(), ipAddress: "127.0.0.10" }), "ipAddress");
        rejects("a missing address", () => ({ ...m(), ipAddress: undefined }), "ipAddress");
        rejects("a subnet range that is not a CIDR", () => ({ ...m(), subnetRanges: ["10.0.0.0"] }), "subnetRanges[0]");
        rejects("an unknown bundle", () => ({ ...m(), bundle: "some-apis" }), "bundle");
        rejects("a network by bare name", () => ({ ...m(), network: "consumer-vpc" }), "network");
        rejects("a missing network", () => ({ ...m(), network: undefined }), "network");
        rejects("googleapis.com as an extra domain", () => ({ ...m(), dns: { extraDomains: ["googleapis.com"] } }), "dns.extraDomains[0]");
        rejects("p.googleapis.com as an extra domain", () => ({ ...m(), dns: { extraDomains: ["gcr.io", "p.googleapis.com."] } }), "dns.extraDomains[1]");
        rejects("an extra domain listed twice", () => ({ ...m(), dns: { extraDomains: ["gcr.io", "GCR.io."] } }), "dns.extraDomains[1]");
        rejects("an extra domain whose zone would be named like a dedicated one", () => ({ ...m(), dns: { extraDomains: ["p-googleapis.com"] } }), "dns.extraDomains[0]");
        rejects("an extra domain of one label", () => ({ ...m(), dns: { extraDomains: ["gcr"] } }), "dns.extraDomains[0]");
        rejects("DNS visible to no network", () => ({ ...m(), dns: { networks: [] } }), "dns.networks");
        rejects("a DNS switch that is not a boolean", () => ({ ...m(), dns: { googleapis: "yes" } }), "dns.googleapis");
        rejects("a Service Directory region that is a zone", () => ({ ...m(), serviceDirectory: { region: "europe-west3-a" } }), "serviceDirectory.region");
        rejects("a logical name Google Cloud names cannot start with", () => ({ ...m(), endpointName: "apis" }), "name", "GoogleApis");
        rejects("no arguments", () => undefined, "args");

        it("accepts valid arguments, also as outputs", () => {
            assert.doesNotThrow(() => validateGcpGoogleApisEndpointArgs("googleapis", minimal()));
            assert.doesNotThrow(() => validateGcpGoogleApisEndpointArgs("googleapis", maximal()));
            assert.doesNotThrow(() => validateGcpGoogleApisEndpointArgs("google-apis", { ...minimal(), endpointName: "googleapis", ipAddress: pulumi.output("x"), network: pulumi.output("y") }));
        });
    });

    const rule = "googleapis-endpoint";
    const address = "googleapis-address";
    const dnsWith = (dns: GcpGoogleApisEndpointArgs["dns"]): GcpGoogleApisEndpointArgs => ({ ...minimal(), dns });
    const zones = ["googleapis-zone-googleapis-com", "googleapis-zone-gcr-io", "googleapis-zone-pkg-dev"];
    const recordNames = [
        "googleapis-record-googleapis-com-private-a",
        "googleapis-record-googleapis-com-wildcard-cname",
        "googleapis-record-gcr-io-apex-a",
        "googleapis-record-gcr-io-wildcard-cname",
        "googleapis-record-pkg-dev-apex-a",
        "googleapis-record-pkg-dev-wildcard-cname",
    ];
    const each = (names: string[], props: string[]) => Object.fromEntries(names.map((n) => [n, props]));
    describeEdits("GcpGoogleApisEndpoint", (args: GcpGoogleApisEndpointArgs) => new GcpGoogleApisEndpoint("googleapis", args), [
        {
            edit: "add an extra domain",
            before: minimal(),
            after: dnsWith({ extraDomains: ["gcr.io", "pkg.dev", "run.app"] }),
            expect: { created: ["googleapis-zone-run-app", "googleapis-record-run-app-apex-a", "googleapis-record-run-app-wildcard-cname"] },
        },
        {
            edit: "remove an extra domain",
            before: minimal(),
            after: dnsWith({ extraDomains: ["pkg.dev"] }),
            expect: { deleted: ["googleapis-zone-gcr-io", "googleapis-record-gcr-io-apex-a", "googleapis-record-gcr-io-wildcard-cname"] },
        },
        {
            edit: "reorder the extra domains (no diff)",
            before: minimal(),
            after: dnsWith({ extraDomains: ["pkg.dev", "gcr.io"] }),
            expect: {},
        },
        {
            edit: "add a network to the zones",
            before: minimal(),
            after: dnsWith({ networks: [REF.consumerNetwork, REF.consumerNetwork2] }),
            expect: { changed: each(zones, ["privateVisibilityConfig"]) },
        },
        {
            edit: "reorder the zones' networks (a set: no diff)",
            before: dnsWith({ networks: [REF.consumerNetwork, REF.consumerNetwork2] }),
            after: dnsWith({ networks: [REF.consumerNetwork2, REF.consumerNetwork] }),
            expect: {},
        },
        {
            edit: "turn the googleapis.com zone off",
            before: minimal(),
            after: dnsWith({ googleapis: false }),
            expect: { deleted: ["googleapis-zone-googleapis-com", "googleapis-record-googleapis-com-private-a", "googleapis-record-googleapis-com-wildcard-cname"] },
        },
        {
            edit: "serve p.googleapis.com from a zone of our own (Google Cloud's zone is turned off)",
            before: minimal(),
            after: dnsWith({ pGoogleapis: true }),
            expect: { created: ["googleapis-zone-p-googleapis-com", "googleapis-record-p-googleapis-com-wildcard-a"], changed: { [rule]: ["noAutomateDnsZone"] } },
        },
        {
            edit: "switch to the vpc-sc bundle",
            before: minimal(),
            after: { ...minimal(), bundle: GcpGoogleApisBundle.VpcSc },
            expect: {
                created: ["googleapis-record-googleapis-com-restricted-a"],
                deleted: ["googleapis-record-googleapis-com-private-a"],
                changed: { [rule]: ["target"], "googleapis-record-googleapis-com-wildcard-cname": ["rrdatas"] },
            },
        },
        {
            edit: "move the endpoint to another address",
            before: minimal(),
            after: { ...minimal(), ipAddress: "10.255.255.253" },
            expect: { changed: { [address]: ["address"], ...each(["googleapis-record-googleapis-com-private-a", "googleapis-record-gcr-io-apex-a", "googleapis-record-pkg-dev-apex-a"], ["rrdatas"]) } },
        },
        {
            edit: "rename the endpoint",
            before: minimal(),
            after: { ...minimal(), endpointName: "apis2" },
            expect: { changed: { [rule]: ["name"], ...each(zones, ["description"]) } },
        },
        {
            edit: "register in a Service Directory region of our choice",
            before: minimal(),
            after: { ...minimal(), serviceDirectory: { region: "europe-west3" } },
            expect: { changed: { [rule]: ["serviceDirectoryRegistrations"] } },
        },
        {
            edit: "change the records' TTL",
            before: minimal(),
            after: dnsWith({ ttl: 60 }),
            expect: { changed: each(recordNames, ["ttl"]) },
        },
        {
            edit: "add a label",
            before: minimal(),
            after: { ...minimal(), labels: { team: "platform" } },
            expect: { changed: each([address, rule, ...zones], ["labels"]) },
        },
        {
            edit: "list the network's subnet ranges (a check only: no diff)",
            before: minimal(),
            after: { ...minimal(), subnetRanges: ["10.0.0.0/16"] },
            expect: {},
        },
    ]);
});
