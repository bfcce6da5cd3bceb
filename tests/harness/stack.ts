/**
 * Runs an example stack of `stacks/` the way the offline `plan` command runs it: the program with
 * its `Pulumi.<stack>.yaml` config under recording mocks, placeholders for cloud-computed values,
 * and StackReferences to the repo's other stacks answered with their planned outputs.
 *
 * One planner serves the whole test process, so a stack that others reference is planned once.
 */
import * as path from "path";
import { ProgramRun } from "../../tools/plan/program";
import { loadProject } from "../../tools/plan/project";
import { StackPlanner } from "../../tools/plan/stacks";

/** Example stacks that exist to show a policy violation: the gate must fail on them. */
export const INSECURE_STACKS = ["insecure-example"];

let planner: StackPlanner | undefined;

/** The planner of the repo's example project (Pulumi.yaml at the repo root). */
export function examplePlanner(): StackPlanner {
    planner ??= new StackPlanner(loadProject(path.join(__dirname, "..", "..")));
    return planner;
}

/** Runs one stack (and the stacks it references) and returns its graph and resolved outputs. */
export async function runStack(stack: string): Promise<{ rec: { resources: ProgramRun["resources"] }; outputs: Record<string, unknown>; run: ProgramRun }> {
    const run = await examplePlanner().plan(stack);
    if (run.error !== undefined) {
        throw new Error(`stack ${stack} failed: ${run.error}`);
    }
    return { rec: { resources: run.resources }, outputs: run.outputs, run };
}
