/**
 * The package's root entry: `import * as pl from "privatelink"`.
 *
 * It exports every component of every cloud, so it loads all three provider SDKs
 * (`@pulumi/aws`, `@pulumi/azure-native`, `@pulumi/gcp`). A program that uses one cloud imports
 * `privatelink/aws`, `privatelink/azure` or `privatelink/gcp` instead and needs only that SDK.
 *
 * This file is also the entry Pulumi's schema analyzer reads for the source-based package
 * (`pulumi package add`): it maps `main: bin/index.js` to `bin/index.ts`, which does not exist,
 * and then falls back to `index.ts` at the package root.
 */
import { requireProviderSdk } from "./components/core/peers";
requireProviderSdk("privatelink", "@pulumi/aws", "@pulumi/azure-native", "@pulumi/gcp");
export * from "./components";
