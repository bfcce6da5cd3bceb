/**
 * Realistic Azure ids for the Azure component tests: subscriptions, resource groups and the ARM
 * ids of the resources the components take by id.
 */
import { AZURE_SUBSCRIPTION } from "../../harness/state";

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
