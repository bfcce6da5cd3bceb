/**
 * Plans stacks of a project in the order their `StackReference`s need: a consumer stack that
 * reads `serviceReference` from a provider stack gets the provider stack's planned outputs.
 * Stacks are planned at most once per run; a reference cycle is reported as a program failure of
 * the stack that closes it.
 */
import { ProgramRun, localStackOf, runProgram } from "./program";
import { listStacks, PulumiProject } from "./project";

/** Plans stacks and remembers their runs, so a referenced stack is planned once. */
export class StackPlanner {
    private readonly runs = new Map<string, ProgramRun>();
    private readonly inProgress: string[] = [];

    constructor(
        public readonly project: PulumiProject,
        /** Called before each program run (progress reporting). */
        private readonly onRun: (stack: string) => void = () => undefined,
    ) {}

    /** The run of `stack`, planning it (and the stacks it references) first if needed. */
    public async plan(stack: string): Promise<ProgramRun> {
        const done = this.runs.get(stack);
        if (done) {
            return done;
        }
        this.inProgress.push(stack);
        try {
            const local = new Set(listStacks(this.project));
            for (let attempt = 0; ; attempt++) {
                this.onRun(stack);
                const run = await runProgram(this.project, stack, (name) => {
                    const target = localStackOf(name, this.project);
                    if (target === undefined || !local.has(target)) {
                        // Not a stack of this project: its outputs are not knowable offline.
                        return {};
                    }
                    return this.runs.get(target)?.outputs;
                });
                const pending = run.unresolved.map((n) => localStackOf(n, this.project)!).filter((s) => !this.runs.has(s));
                if (pending.length === 0 || attempt > local.size) {
                    const external = run.references.filter((n) => {
                        const target = localStackOf(n, this.project);
                        return target === undefined || !local.has(target);
                    });
                    const result: ProgramRun =
                        external.length > 0 && run.error !== undefined
                            ? { ...run, error: `${run.error} (StackReference ${external.map((e) => `"${e}"`).join(", ")} is not a stack of this project, so its outputs are unknown offline)` }
                            : run;
                    this.runs.set(stack, result);
                    return result;
                }
                for (const target of pending) {
                    if (this.inProgress.includes(target)) {
                        const cycle = [...this.inProgress.slice(this.inProgress.indexOf(target)), target].join(" → ");
                        const failed: ProgramRun = { ...run, error: `StackReference cycle: ${cycle}; a stack cannot read outputs that depend on itself` };
                        this.runs.set(stack, failed);
                        return failed;
                    }
                    await this.plan(target);
                }
            }
        } finally {
            this.inProgress.pop();
        }
    }
}
