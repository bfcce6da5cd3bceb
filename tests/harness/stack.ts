/**
 * Runs an example stack of `stacks/` under recording mocks, with its `Pulumi.<stack>.yaml`
 * config handed over the way the CLI hands it to the program.
 */
import * as pulumi from "@pulumi/pulumi";
import { PROJECT, stackConfig } from "../../tools/stackConfig";
import { runScenario } from "../../stacks/scenarios";
import { Recorder, startMocks, unwrap } from "./mocks";

/** Runs one stack and resolves its outputs. */
export async function runStack(stack: string): Promise<{ rec: Recorder; outputs: Record<string, unknown> }> {
    const rec = await startMocks({ project: PROJECT, stack, config: stackConfig(stack) });
    const outputs = runScenario(new pulumi.Config(PROJECT));
    const resolved: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(outputs)) {
        resolved[k] = await unwrap(v as pulumi.Input<unknown>);
    }
    await rec.settle();
    return { rec, outputs: resolved };
}
