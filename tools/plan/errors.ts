/**
 * Exit codes and the one error type of the offline `plan` command. A pipeline tells apart "the
 * stack breaks a mandatory policy" (1) from "the program itself failed" (2) and from the input
 * mistakes (3–6, 64), each of which is a one-line message naming the file and the fix — never a
 * stack trace.
 */

/** The exit codes of `privatelink-plan`, documented in README. */
export enum ExitCode {
    /** Every stack ran and no mandatory policy was violated (advisory findings may exist). */
    Ok = 0,
    /** At least one mandatory policy violation. */
    MandatoryViolation = 1,
    /** A stack's program failed: it threw (a ValidationError, say) or never finished. */
    ProgramFailed = 2,
    /** The named stack has no `Pulumi.<stack>.yaml`. */
    UnknownStack = 3,
    /** A stack file or `--state` file is not valid YAML/JSON or not of the documented shape. */
    MalformedFile = 4,
    /** A stack file sets a config key the project does not declare (`config:` in Pulumi.yaml). */
    UnknownConfigKey = 5,
    /** A `--policy-config` file is unreadable, names an unknown policy or breaks a policy's config schema. */
    InvalidPolicyConfig = 6,
    /** The command line itself is wrong (unknown option, unknown format or pack). */
    Usage = 64,
}

/** A mistake in the input: printed as one line (`privatelink-plan: <file>: <problem>. Fix: <fix>`). */
export class PlanError extends Error {
    constructor(
        public readonly code: ExitCode,
        /** The file (or option) at fault, as the user wrote it. */
        public readonly where: string,
        /** What is wrong. */
        public readonly problem: string,
        /** What to do. */
        public readonly fix: string,
    ) {
        super(`${where}: ${problem}. Fix: ${fix}`);
        this.name = "PlanError";
    }
}
