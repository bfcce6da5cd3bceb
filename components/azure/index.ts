/**
 * Entry point for Azure (Private Link): `import * as pl from "privatelink/azure"`.
 *
 * It loads only the Azure Native provider SDK (its `network`, `privatedns` and `authorization`
 * submodules), so a program that uses Azure alone does not load the AWS or Google Cloud SDKs.
 */
import { requireProviderSdk } from "../core/peers"; requireProviderSdk("privatelink/azure", "@pulumi/azure-native");
export * from "../core";
export * from "./cloud";
export * from "./catalog";
export { azureRegionCloud, azureRegions, regionHasZones } from "./regions";
export * from "./privateDnsZones";
export * from "./privateEndpoint";
export * from "./privateLinkService";
