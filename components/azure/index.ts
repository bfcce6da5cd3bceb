/**
 * Entry point for Azure (Private Link): `import * as pl from "privatelink/azure"`.
 *
 * It loads only this cloud's provider SDK, so a program that uses one cloud does not pay for the
 * others. The azure components are added here as they land; the entry point exists now so that
 * imports written against it keep working.
 */
import { requireProviderSdk } from "../core/peers"; requireProviderSdk("privatelink/azure", "@pulumi/azure-native");
export * from "../core";
