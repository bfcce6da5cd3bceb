/**
 * Test helpers around {@link PolicyPackClient}: start a pack once per test file and keep the
 * diagnostics of one policy at a time.
 */
import * as path from "path";
import { AnalyzeResult, Diagnostic, PolicyPackClient } from "../../tools/analyzer";

export * from "../../tools/analyzer";

/** The folder of a pack in this repo. */
export function packDir(cloud: string): string {
    return path.join(__dirname, "..", "..", "policies", cloud);
}

/**
 * Starts a pack for a mocha `describe` block: `const pack = usePack("aws")` then `pack()` in tests.
 * Each test starts from an empty configuration.
 */
export function usePack(cloud: string): () => PolicyPackClient {
    let client: PolicyPackClient | undefined;
    before(async function () {
        this.timeout(180000);
        client = await PolicyPackClient.start(packDir(cloud));
    });
    beforeEach(async () => {
        await client!.configure({});
        await client!.configureStack({});
    });
    after(() => client?.stop());
    return () => client!;
}

/** The diagnostics of one policy in a result. */
export function of(result: AnalyzeResult, policyName: string): Diagnostic[] {
    return result.diagnostics.filter((d) => d.policyName === policyName);
}

/** Whether the policy reported it could not check a value during preview. */
export function couldNotCheck(result: AnalyzeResult, policyName: string): boolean {
    return of(result, policyName).some((d) => d.enforcementLevel === "advisory" && d.message.includes("can't run policy"));
}
