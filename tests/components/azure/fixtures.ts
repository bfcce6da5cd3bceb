/**
 * Realistic Azure ids for the Azure component tests: subscriptions, resource groups and the ARM
 * ids of the resources the components take by id.
 */
import * as assert from "assert";
import * as fc from "fast-check";
import { startMocks } from "../../harness/mocks";
import { AZURE_SUBSCRIPTION } from "../../harness/state";
import { validationErrorOf } from "../../harness/validation";

/** The default subscription of the mocks (resources without an explicit provider). */
export const SUB = AZURE_SUBSCRIPTION;
/** A consumer (spoke) subscription. */
export const SPOKE_SUB = "5d6a2b1c-3e4f-4a5b-8c9d-0e1f2a3b4c5d";
/** The connectivity (hub) subscription of a landing zone. */
export const HUB_SUB = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a";

export const T = {
    component: (c: string) => `privatelink:index:${c}`,
    privateEndpoint: "azure-native:network:PrivateEndpoint",
    zoneGroup: "azure-native:network:PrivateDnsZoneGroup",
    privateLinkService: "azure-native:network:PrivateLinkService",
    approval: "azure-native:network:PrivateLinkServicePrivateEndpointConnection",
    loadBalancer: "azure-native:network:LoadBalancer",
    subnet: "azure-native:network:Subnet",
    zone: "azure-native:privatedns:PrivateZone",
    link: "azure-native:privatedns:VirtualNetworkLink",
    record: "azure-native:privatedns:PrivateRecordSet",
    provider: "pulumi:providers:azure-native",
} as const;

const net = (sub: string, rg: string) => `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Network`;

export function vnetId(name: string, rg = "network-rg", sub = SUB): string {
    return `${net(sub, rg)}/virtualNetworks/${name}`;
}

export function subnetId(vnet: string, subnet: string, rg = "network-rg", sub = SUB): string {
    return `${vnetId(vnet, rg, sub)}/subnets/${subnet}`;
}

export function storageId(account: string, rg = "data-rg", sub = SUB): string {
    return `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Storage/storageAccounts/${account}`;
}

export function keyVaultId(vault: string, rg = "data-rg", sub = SUB): string {
    return `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.KeyVault/vaults/${vault}`;
}

export function plsId(name: string, rg = "orders-rg", sub = SUB): string {
    return `${net(sub, rg)}/privateLinkServices/${name}`;
}

export function endpointId(name: string, rg = "client-rg", sub = SUB): string {
    return `${net(sub, rg)}/privateEndpoints/${name}`;
}

export function zoneId(zone: string, rg = "dns-rg", sub = HUB_SUB): string {
    return `${net(sub, rg)}/privateDnsZones/${zone}`;
}

export function asgId(name: string, rg = "network-rg", sub = SUB): string {
    return `${net(sub, rg)}/applicationSecurityGroups/${name}`;
}

export function frontendId(lb: string, fe = "frontend", rg = "orders-rg", sub = SUB): string {
    return `${net(sub, rg)}/loadBalancers/${lb}/frontendIPConfigurations/${fe}`;
}

/** An alias as Azure writes it for a service in a region. */
export const ALIAS = "orders-pls.7c9e6679-7425-40de-944b-e07fc1f90ae7.eastus.azure.privatelinkservice";

/** How many runs the property tests make: `FUZZ_RUNS` for big runs, a smaller count in CI. */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 100);

/**
 * Argument sets that start from one of the valid `bases` and are edited in up to three fields,
 * each with a valid-looking value from `values` or with anything at all; and, once in ten, anything
 * at all instead of an arguments object.
 */
export function editedArgs(bases: readonly object[], values: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
    const edited = fc
        .tuple(fc.constantFrom(...bases), fc.array(fc.tuple(fc.constantFrom(...Object.keys(values)), fc.boolean(), fc.anything()), { maxLength: 3 }))
        .chain(([base, edits]) =>
            fc.tuple(fc.constant(base), fc.tuple(...edits.map(([k, hostile, junk]) => (hostile ? fc.constant([k, junk] as const) : values[k].map((x) => [k, x] as const))))),
        )
        .map(([base, edits]) => {
            const args: Record<string, unknown> = { ...base };
            for (const [k, value] of edits as ReadonlyArray<readonly [string, unknown]>) {
                args[k] = value;
            }
            return args;
        });
    return fc.oneof({ arbitrary: edited, weight: 9 }, { arbitrary: fc.anything(), weight: 1 });
}

/**
 * The property every component keeps: each argument set either builds the whole graph (a child
 * named `${name}-${role}` is there) or throws a ValidationError with nothing of the component
 * registered; never another exception, never a half-built graph. Both outcomes must occur.
 */
export async function assertBuildsOrRejects(component: string, args: fc.Arbitrary<unknown>, make: (name: string, args: unknown) => unknown, role: string): Promise<void> {
    let run = 0;
    const outcomes = { built: 0, rejected: 0 };
    const rec = await startMocks();
    await fc.assert(
        fc.asyncProperty(args, async (a) => {
            const name = `p${run++}`;
            const rejected = validationErrorOf(() => make(name, a));
            await rec.settle();
            const mine = rec.summary((r) => r.name === name || r.name.startsWith(`${name}-`));
            if (rejected) {
                outcomes.rejected++;
                assert.deepStrictEqual(mine, [], rejected.message);
            } else {
                outcomes.built++;
                assert.ok(mine.some((r) => r.split(" ")[1].startsWith(`${name}-${role}`)), mine.join("\n"));
            }
        }),
        { numRuns: FUZZ_RUNS },
    );
    assert.ok(outcomes.built > 0 && outcomes.rejected > 0, JSON.stringify(outcomes));
    if (process.env.FUZZ_RUNS) {
        console.log(`      ${component} outcomes over ${FUZZ_RUNS} runs: ${JSON.stringify(outcomes)}`);
    }
}
