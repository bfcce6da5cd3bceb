/**
 * Property tests of the Google Cloud components: hostile arguments end in a ValidationError,
 * never in another exception, and a component either registers its whole graph or nothing.
 *
 * CI runs a small count; set GCP_FUZZ_RUNS for a deeper run (e.g. GCP_FUZZ_RUNS=20000).
 */
import * as assert from "assert";
import * as fc from "fast-check";
import { Recorder, startMocks } from "../../harness/mocks";
import { onlyValidationErrors, validationErrorOf } from "../../harness/validation";
import {
    GcpConnectionPreference,
    GcpDnsRecordType,
    GcpFirewallProtocol,
    GcpGoogleApisBundle,
    GcpGoogleApisEndpoint,
    GcpPrivateDnsZone,
    GcpPrivateEndpoint,
    GcpPrivateLinkService,
    validateGcpGoogleApisEndpointArgs,
    validateGcpPrivateDnsZoneArgs,
    validateGcpPrivateEndpointArgs,
    validateGcpPrivateLinkServiceArgs,
} from "../../../components/gcp";
import { REF } from "./fixtures";

const RUNS = Number(process.env.GCP_FUZZ_RUNS ?? 100);

/** A value that is valid with odds `weight`:1, and anything at all otherwise. */
function or<T>(weight: number, arb: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
    return fc.oneof({ arbitrary: arb, weight }, { arbitrary: fc.oneof(fc.anything(), fc.constantFrom(null, "", " ", "0.0.0.0/0", "__proto__", "constructor", "toString", [], {})), weight: 1 });
}
function optional<T>(weight: number, arb: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
    return fc.option(or(weight, arb), { nil: undefined });
}

/** Mostly `good`, sometimes one of `bad`. */
function mostly<T>(good: T, ...bad: T[]): fc.Arbitrary<T> {
    return fc.oneof({ arbitrary: fc.constant(good), weight: 6 }, { arbitrary: fc.constantFrom(...bad), weight: 1 });
}

const networks = fc.constantFrom(REF.consumerNetwork, REF.consumerNetwork2, `https://www.googleapis.com/compute/v1/${REF.producerNetwork}`);
const regions = mostly<string | undefined>(undefined, "europe-west3", "europe-west3-a", "us-central1");
const labels = fc.oneof(
    { arbitrary: fc.dictionary(fc.constantFrom("team", "env"), fc.constantFrom("payments", "prod"), { maxKeys: 2 }), weight: 4 },
    fc.dictionary(fc.constantFrom("team", "Team", "toString", "__proto__", "constructor"), fc.constantFrom("payments", "Bad Value"), { maxKeys: 3 }),
);

function linkServiceArgs(w: number): fc.Arbitrary<unknown> {
    return fc.record(
        {
            targetService: or(w, mostly<string>(REF.ilb, `https://www.googleapis.com/compute/v1/${REF.ilb}`, "projects/p1/global/forwardingRules/alb", "10.0.0.1")),
            region: optional(w, regions),
            network: or(w, networks),
            natSubnetCidrs: or(w, fc.oneof({ arbitrary: fc.constant(["10.100.0.0/24"]), weight: 4 }, fc.uniqueArray(fc.constantFrom("10.100.0.0/24", "10.101.0.0/24", "10.102.0.0/29", "10.100.0.0/16", "10.0.0.0/30"), { maxLength: 3 }))),
            natSubnetIds: optional(w, fc.array(mostly<string>(REF.givenNat, "projects/p/regions/us-east1/subnetworks/n"), { maxLength: 1 })),
            connectionPreference: optional(w, mostly<string>(GcpConnectionPreference.AcceptManual, GcpConnectionPreference.AcceptAutomatic)),
            consumerAcceptLists: optional(
                w,
                fc.array(
                    or(
                        w,
                        fc.record({
                            consumer: fc.oneof(
                                fc.record({ projectIdOrNum: fc.constantFrom("consumer-a", "123456789012", "consumer-b", "Bad_Project") }),
                                fc.record({ networkUrl: networks }),
                                fc.record({ endpointUrl: fc.constantFrom("projects/c/regions/europe-west3/forwardingRules/e") }),
                                fc.record({ projectIdOrNum: fc.constant("consumer-c"), networkUrl: networks }),
                            ),
                            connectionLimit: or(w, fc.integer({ min: 0, max: 20 })),
                        }).map(({ consumer, connectionLimit }) => ({ ...consumer, connectionLimit })),
                    ),
                    { maxLength: 3 },
                ),
            ),
            consumerRejectLists: optional(w, fc.array(mostly<string>("blocked-project", REF.consumerNetwork2, "x", "consumer-a"), { maxLength: 2 })),
            enableProxyProtocol: optional(w, fc.boolean()),
            domainName: optional(w, mostly<string>("orders.example.com.", "orders.example.com")),
            reconcileConnections: optional(w, fc.boolean()),
            propagatedConnectionLimit: optional(w, fc.integer({ min: -1, max: 300 })),
            firewall: optional(
                w,
                fc.record(
                    {
                        ports: or(w, fc.uniqueArray(fc.constantFrom(443, 8443, 80), { minLength: 1, maxLength: 2 })),
                        protocol: optional(w, fc.constantFrom(...Object.values(GcpFirewallProtocol))),
                        targets: fc.oneof(
                            fc.record({ targetTags: fc.uniqueArray(fc.constantFrom("orders-backend", "canary"), { minLength: 1, maxLength: 2 }) }),
                            fc.record({ targetServiceAccounts: fc.constant(["orders@p.iam.gserviceaccount.com"]) }),
                            fc.record({ targetTags: fc.constant(["a"]), targetServiceAccounts: fc.constant(["orders@p.iam.gserviceaccount.com"]) }, { requiredKeys: [] }),
                        ),
                        allowHealthChecks: optional(w, fc.boolean()),
                        healthCheckPorts: optional(w, fc.constant([8080])),
                        additionalSourceRanges: optional(w, fc.array(fc.constantFrom("10.129.0.0/23", "fd00::/64"), { maxLength: 1 })),
                        priority: optional(w, fc.integer({ min: -1, max: 70000 })),
                    },
                    { requiredKeys: ["ports", "targets"] },
                ).map(({ targets, ...rest }) => ({ ...rest, ...(targets as object) })),
            ),
            disableFirewall: optional(w, fc.boolean()),
        },
        { requiredKeys: ["targetService", "network", "natSubnetCidrs", "firewall"] },
    );
}

function endpointArgs(w: number): fc.Arbitrary<unknown> {
    return fc.record(
        {
            serviceReference: or(w, mostly<string>(REF.attachment, REF.ilb, `https://www.googleapis.com/compute/v1/${REF.attachment}`)),
            network: or(w, networks),
            subnetwork: or(w, mostly<string>(REF.consumerSubnet, "workloads", "projects/c/regions/us-east1/subnetworks/s")),
            region: optional(w, regions),
            ipAddress: optional(w, mostly<string>("10.10.0.50", "fd20::50", "10.10.0")),
            allowGlobalAccess: optional(w, fc.boolean()),
            serviceDirectory: optional(w, fc.record({ namespace: or(w, fc.constant("orders-ns")), service: or(w, fc.constant("orders")) })),
            privateZone: optional(
                w,
                fc.record(
                    {
                        dnsName: or(w, fc.constantFrom("orders.svc.internal.", "Orders.svc.internal", "internal")),
                        recordNames: optional(w, fc.array(fc.constantFrom("@", "api", "*", "orders.svc.internal.", "x.example.com."), { maxLength: 3 })),
                        networks: optional(w, fc.array(networks, { maxLength: 2 })),
                        ttl: optional(w, fc.integer({ min: -1, max: 1000 })),
                    },
                    { requiredKeys: [] },
                ),
            ),
            existingZone: fc.oneof(
                { arbitrary: fc.constant(undefined), weight: 4 },
                { arbitrary: fc.record({ managedZone: or(w, fc.constant("hub-zone")), dnsName: or(w, fc.constant("svc.internal.")), recordNames: or(w, fc.constant(["orders"])) }, { requiredKeys: [] }), weight: 1 },
            ),
            labels: optional(w, labels),
        },
        { requiredKeys: ["serviceReference", "network", "subnetwork"] },
    );
}

function googleApisArgs(w: number): fc.Arbitrary<unknown> {
    return fc.record(
        {
            network: or(w, networks),
            ipAddress: or(w, fc.constantFrom("10.255.255.254", "100.100.100.106", "10.0.1.5", "fd00::1")),
            subnetRanges: optional(w, fc.array(fc.constantFrom("10.0.0.0/16", "192.168.0.0/16"), { maxLength: 2 })),
            endpointName: optional(w, fc.constantFrom("googleapis", "apis1", "google-apis", "a12345678901234567890")),
            bundle: optional(w, fc.constantFrom(...Object.values(GcpGoogleApisBundle))),
            serviceDirectory: optional(w, fc.record({ namespace: optional(w, fc.constant("apis-ns")), region: optional(w, regions) }, { requiredKeys: [] })),
            dns: optional(
                w,
                fc.record(
                    {
                        googleapis: optional(w, fc.boolean()),
                        pGoogleapis: optional(w, fc.boolean()),
                        extraDomains: optional(w, fc.array(fc.constantFrom("gcr.io", "pkg.dev", "run.app", "GCR.io.", "googleapis.com", "p-googleapis.com"), { maxLength: 3 })),
                        networks: optional(w, fc.array(networks, { maxLength: 2 })),
                        ttl: optional(w, fc.integer({ min: -1, max: 1000 })),
                    },
                    { requiredKeys: [] },
                ),
            ),
            labels: optional(w, labels),
        },
        { requiredKeys: ["network", "ipAddress"] },
    );
}

function dnsZoneArgs(w: number): fc.Arbitrary<unknown> {
    return fc.record(
        {
            dnsName: or(w, fc.constantFrom("svc.internal.", "SVC.internal", "internal")),
            networks: or(w, fc.array(networks, { minLength: 1, maxLength: 3 })),
            gkeClusters: optional(w, fc.array(fc.constantFrom("projects/p/locations/europe-west3/clusters/apps", "apps"), { maxLength: 1 })),
            records: optional(
                w,
                fc.array(
                    or(
                        w,
                        fc.record({
                            name: or(w, fc.constantFrom("orders", "@", "*", "orders.svc.internal.", "x.example.com.")),
                            type: or(w, fc.constantFrom(...Object.values(GcpDnsRecordType))),
                            values: or(w, fc.array(fc.constantFrom("10.10.0.50", "fd20::50", "orders.svc.internal.", "text"), { minLength: 1, maxLength: 2 })),
                            ttl: optional(w, fc.integer({ min: -1, max: 1000 })),
                        }),
                    ),
                    { maxLength: 3 },
                ),
            ),
            forceDestroy: optional(w, fc.boolean()),
            labels: optional(w, labels),
        },
        { requiredKeys: ["dnsName", "networks"] },
    );
}

interface Case {
    component: string;
    args: (validWeight: number) => fc.Arbitrary<unknown>;
    validate: (name: string, args: never) => void;
    make: (name: string, args: never) => unknown;
    /** The child every built component has. */
    child: string;
}

const cases: Case[] = [
    { component: "GcpPrivateLinkService", args: linkServiceArgs, validate: validateGcpPrivateLinkServiceArgs, make: (n, a) => new GcpPrivateLinkService(n, a), child: "attachment" },
    { component: "GcpPrivateEndpoint", args: endpointArgs, validate: validateGcpPrivateEndpointArgs, make: (n, a) => new GcpPrivateEndpoint(n, a), child: "endpoint" },
    { component: "GcpGoogleApisEndpoint", args: googleApisArgs, validate: validateGcpGoogleApisEndpointArgs, make: (n, a) => new GcpGoogleApisEndpoint(n, { endpointName: "apis", ...(a as object) } as never), child: "endpoint" },
    { component: "GcpPrivateDnsZone", args: dnsZoneArgs, validate: validateGcpPrivateDnsZoneArgs, make: (n, a) => new GcpPrivateDnsZone(n, a), child: "zone" },
];

describe("Google Cloud components: hostile arguments", function () {
    this.timeout(600000);

    for (const c of cases) {
        describe(c.component, () => {
            it("never throws anything but a ValidationError", () => {
                fc.assert(
                    fc.property(fc.oneof(c.args(1), c.args(6), fc.anything()), fc.constantFrom("orders", "Orders", "", "a-very-long-component-name-that-no-child-fits-in"), onlyValidationErrors((a, name) => c.validate(name, a as never))),
                    { numRuns: RUNS * 4 },
                );
            });

            it("either registers its whole graph or nothing, and never fails later", async () => {
                const rec: Recorder = await startMocks();
                const late: unknown[] = [];
                const collect = (e: unknown) => late.push(e);
                process.on("unhandledRejection", collect);
                let run = 0;
                let built = 0;
                try {
                    await fc.assert(
                        fc.asyncProperty(c.args(30), async (a) => {
                            const name = `p${run++}`;
                            const rejected = validationErrorOf(() => c.make(name, a as never));
                            await rec.settle();
                            const mine = rec.summary((r) => r.name === name || r.name.startsWith(`${name}-`));
                            if (rejected) {
                                assert.deepStrictEqual(mine, [], rejected.message);
                                return;
                            }
                            built++;
                            assert.ok(rec.find(`${name}-${c.child}`), `a built ${c.component} has its ${c.child}: ${mine.join(", ")}`);
                            assert.deepStrictEqual(late, [], "no input failed to resolve");
                        }),
                        // A run that hangs fails on its own, with its input, rather than as a mocha timeout.
                        { numRuns: RUNS, timeout: 10_000 },
                    );
                } finally {
                    process.off("unhandledRejection", collect);
                }
                assert.ok(built >= Math.min(10, RUNS / 30), `only ${built} of ${RUNS} runs passed validation`);
                if (process.env.GCP_FUZZ_RUNS) {
                    console.log(`      ${c.component}: ${built} of ${RUNS} runs built, ${RUNS - built} rejected`);
                }
            });
        });
    }
});
