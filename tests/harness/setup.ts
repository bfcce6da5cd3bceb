/**
 * Mocha global setup: every test run starts the policy packs as the CLI does, from their built
 * `bin/index.js` (see tools/buildPacks.ts), so the bundles are rebuilt from source first. It takes
 * well under a second, and it means no test can ever exercise a stale pack.
 */
import { buildPacks } from "../../tools/buildPacks";

// Mocha's CLI sets `Error.stackTraceLimit` to Infinity, and ts-node's source-map-support maps every
// frame of every stack trace made. The Pulumi runtime makes one for each promise it creates
// (`debuggablePromise` keeps it to report leaked promises at exit, which the tests never read), so
// source mapping those traces took most of a component test's time. Node's default of ten frames
// is plenty for a failing test's trace, and the runtime's own traces are left unmapped.
Error.stackTraceLimit = 10;
const mapStackTrace = Error.prepareStackTrace;
if (mapStackTrace) {
    Error.prepareStackTrace = (error, frames) => (frames[0]?.getFunctionName() === "debuggablePromise" ? "" : mapStackTrace(error, frames));
}

export function mochaGlobalSetup(): void {
    buildPacks();
}
