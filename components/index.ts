/**
 * privatelink: Pulumi components for private connectivity on AWS, Azure and Google Cloud.
 *
 * This module is the package API: every component class and public helper is exported here, and
 * the Pulumi component host discovers the components from these exports. Users of a single cloud
 * can import `privatelink/aws`, `privatelink/azure` or `privatelink/gcp` instead, which load only
 * that cloud's provider SDK.
 */
export * from "./core";
export * from "./aws/dns";
export * from "./aws/interfaceEndpoint";
export * from "./aws/nlb";
export * from "./aws/privateDnsZone";
export * from "./aws/privateEndpoint";
export * from "./aws/privateLinkService";
export * from "./aws/serviceEndpoints";
export * from "./aws/serviceNames";
export * from "./aws/securityGroup";
export { GcpDnsRecordType } from "./gcp/dns";
export * from "./gcp/googleApisEndpoint";
export * from "./gcp/privateDnsZone";
export * from "./gcp/privateEndpoint";
export * from "./gcp/privateLinkService";
export * from "./azure/cloud";
export * from "./azure/catalog";
export { azureRegionCloud, azureRegions, regionHasZones } from "./azure/regions";
export * from "./azure/privateDnsZones";
export * from "./azure/privateEndpoint";
export * from "./azure/privateLinkService";
