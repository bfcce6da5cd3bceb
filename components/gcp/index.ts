/**
 * Entry point for Google Cloud (Private Service Connect): `import * as pl from "privatelink/gcp"`.
 *
 * It loads only this cloud's provider SDK (and of it only the `compute` and `dns` modules), so a
 * program that uses one cloud does not pay for the others.
 */
import { requireProviderSdk } from "../core/peers"; requireProviderSdk("privatelink/gcp", "@pulumi/gcp");
export * from "../core";
export { GCP_HEALTH_CHECK_RANGES, GOOGLE_API_BUNDLES } from "../../common/gcp";
export { GcpDnsRecordType } from "./dns";
export * from "./privateLinkService";
export * from "./privateEndpoint";
export * from "./googleApisEndpoint";
export * from "./privateDnsZone";
