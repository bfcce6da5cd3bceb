/**
 * Entry point for Google Cloud (Private Service Connect): `import * as pl from "privatelink/gcp"`.
 *
 * It loads only this cloud's provider SDK, so a program that uses one cloud does not pay for the
 * others. The gcp components are added here as they land; the entry point exists now so that
 * imports written against it keep working.
 */
import { requireProviderSdk } from "../core/peers"; requireProviderSdk("privatelink/gcp", "@pulumi/gcp");
export * from "../core";
