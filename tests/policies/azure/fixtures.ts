/**
 * Builders for Azure resources as the analyzer sees them, shared by the Azure pack's tests.
 */
import * as assert from "assert";
import { AnalyzeResult, AnalyzerResourceInput, of, urnFor } from "../../harness/policies";

export const SUB_ID = "00000000-0000-0000-0000-0000000000aa";
export const OTHER_SUB = "11111111-2222-3333-4444-555555555555";
export const RG = "rg-net";

export const TYPES = {
    pls: "azure-native:network:PrivateLinkService",
    pe: "azure-native:network:PrivateEndpoint",
    zoneGroup: "azure-native:network:PrivateDnsZoneGroup",
    nsg: "azure-native:network:NetworkSecurityGroup",
    rule: "azure-native:network:SecurityRule",
    subnet: "azure-native:network:Subnet",
    vnet: "azure-native:network:VirtualNetwork",
    lb: "azure-native:network:LoadBalancer",
    zone: "azure-native:privatedns:PrivateZone",
    link: "azure-native:privatedns:VirtualNetworkLink",
    recordSet: "azure-native:privatedns:PrivateRecordSet",
    storage: "azure-native:storage:StorageAccount",
    vault: "azure-native:keyvault:Vault",
    sql: "azure-native:sql:Server",
} as const;

/** An ARM id in the test subscription. */
export function armId(path: string, rg = RG): string {
    return `/subscriptions/${SUB_ID}/resourceGroups/${rg}/providers/${path}`;
}

export function subnetId(vnet: string, subnet: string, rg = RG): string {
    return armId(`Microsoft.Network/virtualNetworks/${vnet}/subnets/${subnet}`, rg);
}

/** A stack resource with a URN derived from its type and name. */
export function res(type: string, name: string, props: Record<string, any>, extra: Partial<AnalyzerResourceInput> = {}): AnalyzerResourceInput & { urn: string } {
    return { type, name, urn: urnFor(type, name), props, ...extra };
}

/** Asserts the policy reported exactly `count` violations and returns them. */
export function expectViolations(result: AnalyzeResult, rule: string, count: number, level?: string) {
    const d = of(result, rule);
    assert.strictEqual(d.length, count, `expected ${count} violation(s) of ${rule}, got: ${JSON.stringify(d.map((x) => x.message))}`);
    if (level) {
        d.forEach((x) => assert.strictEqual(x.enforcementLevel, level));
    }
    return d;
}

/** Whether the policy said it does not apply. */
export function notApplicable(result: AnalyzeResult, rule: string): boolean {
    return result.notApplicable.some((n) => n.policyName === rule);
}
