/**
 * What a deployment would report: the errors the Pulumi runtime raises while it registers
 * resources after the program returned. An input Output whose `apply` throws (a component's
 * `DeploymentValidationError`, or an unrelated TypeError) fails that resource's registration as an
 * unhandled rejection, which the Pulumi CLI prints as the program's error; under test mocks it would
 * pass unnoticed, so tests collect those rejections here.
 */
import { DeploymentValidationError } from "../../../components/core";
import { Recorder } from "../../harness/mocks";

/** Collects unhandled rejections until `stop()`; install before building, stop after settling. */
export class DeploymentErrors {
    public readonly errors: unknown[] = [];
    private readonly listener = (reason: unknown) => {
        this.errors.push(reason);
    };

    constructor() {
        process.prependListener("unhandledRejection", this.listener);
    }

    /** Stops collecting. */
    public stop(): void {
        process.removeListener("unhandledRejection", this.listener);
    }

    /** The messages, each once (the runtime reports one error per retry of a registration). */
    public messages(): string[] {
        return [...new Set(this.errors.map((e) => (e instanceof Error ? e.message : String(e))))];
    }
}

/**
 * Waits until the mocks' RPC queue drains, or until `done()` holds and nothing new has been
 * registered or reported for a moment, or `ms` have passed. A refused input leaves the resources
 * that depend on the refused resource waiting for it forever, so the queue never drains (under
 * the CLI the program ends there, with the error); `done` says when every run has had its say.
 */
export async function settleOrQuiet(rec: Recorder, errors: DeploymentErrors, done: () => boolean, ms: number): Promise<void> {
    let drained = false;
    void rec.settle().then(() => (drained = true));
    const deadline = Date.now() + ms;
    let seen = -1;
    let quietSince = Date.now();
    while (Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        const now = errors.errors.length + rec.resources.length;
        if (now !== seen) {
            seen = now;
            quietSince = Date.now();
        }
        if ((drained && Date.now() - quietSince > 25) || (done() && Date.now() - quietSince > 200)) {
            return;
        }
    }
}

/**
 * Runs `build` under `rec`, waits for the registrations to land, and returns the distinct
 * deployment-time error messages.
 */
export async function deploymentErrorsOf(rec: Recorder, build: () => unknown): Promise<string[]> {
    return (await deploymentErrorsCollected(rec, build)).messages();
}

/** {@link deploymentErrorsOf}, returning the collected errors themselves. */
export async function deploymentErrorsCollected(rec: Recorder, build: () => unknown): Promise<DeploymentErrors> {
    const collected = new DeploymentErrors();
    try {
        build();
        await settleOrQuiet(rec, collected, () => collected.errors.length > 0, 10000);
    } finally {
        collected.stop();
    }
    return collected;
}

/** Whether an error message is a component's DeploymentValidationError naming `component`, `name` and `field`. */
export function namesField(message: string, component: string, name: string, field: string): boolean {
    return message.includes(`${component} "${name}": ${field} resolved to`) && message.includes("Fix: ");
}

export { DeploymentValidationError };
