/** Shared names and helpers of the Google Cloud component tests. */
import * as assert from "assert";
import { Provider } from "@pulumi/gcp/provider";
import { Recorder, startMocks } from "../../harness/mocks";
import { expectRejected } from "../../harness/validation";

/** Type tokens of what the Google Cloud components register. */
export const T = {
    linkService: "privatelink:index:GcpPrivateLinkService",
    endpoint: "privatelink:index:GcpPrivateEndpoint",
    googleApis: "privatelink:index:GcpGoogleApisEndpoint",
    dnsZone: "privatelink:index:GcpPrivateDnsZone",
    attachment: "gcp:compute/serviceAttachment:ServiceAttachment",
    subnetwork: "gcp:compute/subnetwork:Subnetwork",
    firewall: "gcp:compute/firewall:Firewall",
    address: "gcp:compute/address:Address",
    forwardingRule: "gcp:compute/forwardingRule:ForwardingRule",
    globalAddress: "gcp:compute/globalAddress:GlobalAddress",
    globalForwardingRule: "gcp:compute/globalForwardingRule:GlobalForwardingRule",
    zone: "gcp:dns/managedZone:ManagedZone",
    record: "gcp:dns/recordSet:RecordSet",
    provider: "pulumi:providers:gcp",
    getSubnetwork: "gcp:compute/getSubnetwork:getSubnetwork",
} as const;

/** The Compute Engine API prefix of self links. */
export const COMPUTE = "https://www.googleapis.com/compute/v1";

/** References used across the tests. */
export const REF = {
    producerNetwork: "projects/producer-project/global/networks/producer-vpc",
    ilb: "projects/producer-project/regions/europe-west3/forwardingRules/orders-ilb",
    attachment: "projects/producer-project/regions/europe-west3/serviceAttachments/orders",
    consumerNetwork: "projects/consumer-project/global/networks/consumer-vpc",
    consumerNetwork2: "projects/consumer-project/global/networks/analytics-vpc",
    consumerSubnet: "projects/consumer-project/regions/europe-west3/subnetworks/workloads",
    givenNat: "projects/producer-project/regions/europe-west3/subnetworks/orders-psc-nat",
} as const;

/** `type name` of every descendant of the component `name` of type `type`, sorted. */
export function graph(rec: Recorder, name: string, type: string): string[] {
    return rec
        .descendantsOf(rec.one(name, type))
        .map((r) => `${r.type} ${r.name}`)
        .sort();
}

/**
 * Builds `make(opts)` with a gcp provider for another project passed through `providers`, and
 * checks that every custom child of the component, and every invoke it made, uses that provider.
 * Returns the recorder for further checks.
 */
export async function expectProviderReachesEveryChild(name: string, type: string, make: (providers: { gcp: Provider }) => void): Promise<Recorder> {
    const rec = await startMocks();
    const gcp = new Provider("other-project", { project: "other-project", region: "europe-west3" });
    make({ gcp });
    await rec.settle();
    const provider = rec.one("other-project", T.provider);
    const children = rec.descendantsOf(rec.one(name, type)).filter((r) => r.custom);
    assert.ok(children.length > 1, "the component has children");
    for (const child of children) {
        assert.strictEqual(rec.providerOf(child)?.urn, provider.urn, `${child.type} ${child.name} does not use the providers map`);
    }
    for (const invoke of rec.invokes) {
        assert.ok(invoke.provider?.startsWith(provider.urn), `invoke ${invoke.token} does not use the providers map`);
    }
    return rec;
}

/** Asserts a graph listing (see {@link graph}) against the expected entries, in any order. */
export function assertGraph(actual: string[], expected: string[]): void {
    assert.deepStrictEqual(actual, [...expected].sort());
}

/**
 * A mocha test maker for a component's rejection table: `rejects(label, args, field)` checks that
 * `make(name, args())` throws a ValidationError naming `field`, with nothing registered.
 */
export function rejectionTable<A>(component: string, defaultName: string, make: (name: string, args: A) => unknown) {
    return (label: string, args: () => unknown, field: string, name = defaultName): void => {
        it(`rejects ${label} (${field})`, async () => {
            await expectRejected(() => make(name, args() as A), { component, name, field });
        });
    };
}
