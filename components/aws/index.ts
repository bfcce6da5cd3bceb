/**
 * Entry point for AWS PrivateLink: `import * as pl from "privatelink/aws"`.
 *
 * It loads only the AWS provider SDK, so a program that uses AWS alone does not load the Azure or
 * Google Cloud SDKs.
 */
import { requireProviderSdk } from "../core/peers"; requireProviderSdk("privatelink/aws", "@pulumi/aws");
export * from "../core";
export * from "./dns";
export * from "./interfaceEndpoint";
export * from "./nlb";
export * from "./privateDnsZone";
export * from "./privateEndpoint";
export * from "./privateLinkService";
export * from "./serviceEndpoints";
export * from "./serviceNames";
export * from "./securityGroup";
