/**
 * The error every component throws for bad arguments. It is raised in the constructor before any
 * child resource is registered, so a bad argument never leaves a half-built graph behind.
 *
 * The message always names the component, the field, the offending value and the fix, e.g.
 *
 *   AwsPrivateEndpoint "orders": allowedCidrs[1] is "0.0.0.0/0", which opens the endpoint to the
 *   whole internet. Fix: list the client CIDRs that need the service, e.g. the VPC CIDR.
 */
export class ValidationError extends Error {
    /** The class name of the component that rejected its arguments, e.g. `AwsPrivateEndpoint`. */
    public readonly component: string;
    /** The logical name given to the component. */
    public readonly resourceName: string;
    /** The argument path that is wrong, e.g. `allowedCidrs[1]` or `subnetIds`. */
    public readonly field: string;
    /** The offending value, as given. */
    public readonly value: unknown;
    /** What to do instead. */
    public readonly fix: string;

    constructor(args: ValidationErrorArgs) {
        super(
            `${args.component} "${args.resourceName}": ${args.field} ${describeValue(args.value)}` +
                `${args.problem ? `, ${args.problem}` : ""}. Fix: ${args.fix}`,
        );
        this.name = "ValidationError";
        this.component = args.component;
        this.resourceName = args.resourceName;
        this.field = args.field;
        this.value = args.value;
        this.fix = args.fix;
        Object.setPrototypeOf(this, ValidationError.prototype);
    }

    /**
     * True for a ValidationError from any copy of this module (tests and multi-language hosts may
     * load the package twice).
     */
    public static isInstance(e: unknown): e is ValidationError {
        return e instanceof ValidationError || (e instanceof Error && e.name === "ValidationError" && "field" in e);
    }
}

/** The parts of a {@link ValidationError}. */
export interface ValidationErrorArgs {
    component: string;
    resourceName: string;
    field: string;
    value: unknown;
    /** What is wrong with the value, e.g. "which is not a valid CIDR block". */
    problem?: string;
    fix: string;
}

/** Renders a value for an error message: short, JSON-like, never throwing. */
export function describeValue(value: unknown): string {
    if (value === undefined) {
        return "is missing";
    }
    let text: string | undefined;
    try {
        text = JSON.stringify(value);
    } catch {
        // Circular or BigInt-holding values: fall back to String below.
    }
    if (text === undefined) {
        try {
            text = String(value);
        } catch {
            // An object whose toString is not callable, e.g. { toString: "x" }.
            text = Object.prototype.toString.call(value);
        }
    }
    if (text.length > 120) {
        text = `${text.slice(0, 117)}...`;
    }
    return `is ${text}`;
}

/**
 * A validator bound to one component instance, so each check only says what is specific to it.
 * Helpers in `validate.ts` take a `Validator` and throw through it.
 */
export class Validator {
    constructor(
        public readonly component: string,
        public readonly resourceName: string,
    ) {}

    /** Throws a {@link ValidationError} for `field`. */
    public fail(field: string, value: unknown, problem: string | undefined, fix: string): never {
        throw new ValidationError({
            component: this.component,
            resourceName: this.resourceName,
            field,
            value,
            problem,
            fix,
        });
    }
}
