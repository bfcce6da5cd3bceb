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
 * Runs `build` under `rec`, waits for the registrations to land, and returns the distinct
 * deployment-time error messages.
 */
export async function deploymentErrorsOf(rec: Recorder, build: () => unknown): Promise<string[]> {
    const collected = new DeploymentErrors();
    try {
        build();
        // A refused input leaves the resources that depend on the refused resource waiting for it
        // forever, so the mocks' RPC queue never drains (under the CLI the program ends with the
        // error). So: until the queue drains, or errors came and nothing new happened for a moment.
        let drained = false;
        void rec.settle().then(() => (drained = true));
        const deadline = Date.now() + 10000;
        let seen = -1;
        let quietSince = Date.now();
        while (Date.now() < deadline) {
            await new Promise((resolve) => setTimeout(resolve, 25));
            const now = collected.errors.length + rec.resources.length;
            if (now !== seen) {
                seen = now;
                quietSince = Date.now();
            }
            if ((drained || collected.errors.length > 0) && Date.now() - quietSince > 200) {
                break;
            }
        }
    } finally {
        collected.stop();
    }
    return collected.messages();
}

/** Whether an error message is a component's DeploymentValidationError naming `component`, `name` and `field`. */
export function namesField(message: string, component: string, name: string, field: string): boolean {
    return message.includes(`${component} "${name}": ${field} resolved to`) && message.includes("Fix: ");
}

export { DeploymentValidationError };
