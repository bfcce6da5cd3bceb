/**
 * Mocha global setup: every test run starts the policy packs as the CLI does, from their built
 * `bin/index.js` (see tools/buildPacks.ts), so the bundles are rebuilt from source first. It takes
 * well under a second, and it means no test can ever exercise a stale pack.
 */
import { buildPacks } from "../../tools/buildPacks";

export function mochaGlobalSetup(): void {
    buildPacks();
}
