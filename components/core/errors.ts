/**
 * What {@link ValidationError} and {@link DeploymentValidationError} share: the component, its
 * name, the field, the value and the fix, in a message that names them all.
 */
export abstract class ComponentArgumentError extends Error {
    /** The class name of the component that rejected its arguments, e.g. `AwsPrivateEndpoint`. */
    public readonly component: string;
    /** The logical name given to the component. */
    public readonly resourceName: string;
    /** The argument path that is wrong, e.g. `allowedCidrs[1]` or `subnetIds`. */
    public readonly field: string;
    /** The offending value, as given (or as resolved). */
    public readonly value: unknown;
    /** What to do instead. */
    public readonly fix: string;

    protected constructor(args: ValidationErrorArgs, described: string) {
        super(`${args.component} "${args.resourceName}": ${args.field} ${described}${args.problem ? `, ${args.problem}` : ""}. Fix: ${args.fix}`);
        this.component = args.component;
        this.resourceName = args.resourceName;
        this.field = args.field;
        this.value = args.value;
        this.fix = args.fix;
    }
}

/**
 * The error every component throws for bad arguments. It is raised in the constructor before any
 * child resource is registered, so a bad argument never leaves a half-built graph behind.
 *
 * The message always names the component, the field, the offending value and the fix, e.g.
 *
 *   AwsPrivateEndpoint "orders": allowedCidrs[1] is "0.0.0.0/0", which opens the endpoint to the
 *   whole internet. Fix: list the client CIDRs that need the service, e.g. the VPC CIDR.
 */
export class ValidationError extends ComponentArgumentError {
    constructor(args: ValidationErrorArgs) {
        super(args, describeValue(args.value));
        this.name = "ValidationError";
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
 * The error a component raises during the deployment, when an input that was not known yet when
 * the constructor ran (an `Output`, such as another resource's id or a `StackReference` output, or
 * a promise) resolves to a value the constructor would have refused as a {@link ValidationError}.
 *
 * It is a separate type because it arrives later and means something else: the constructor has
 * returned and the component's children are registered, but the child that takes the bad value is
 * not created or changed, and the deployment fails with this error. The Pulumi CLI prints it as the
 * program's error, usually wrapped by the runtime as
 * `error serializing property "<input>": <this message>`. The message names the component, the
 * field, the resolved value and the fix, like a `ValidationError`:
 *
 *   AwsPrivateEndpoint "orders": allowedSources[0].cidr resolved to "0.0.0.0/0", which opens the
 *   endpoint to the whole internet. Fix: list the client CIDRs that need the service.
 *
 * A preview never raises it for values that stay unknown until `pulumi up`; the same check then
 * runs during the update, before the provider sees the value.
 */
export class DeploymentValidationError extends ComponentArgumentError {
    constructor(args: ValidationErrorArgs) {
        super(args, describeResolved(args.value));
        this.name = "DeploymentValidationError";
        Object.setPrototypeOf(this, DeploymentValidationError.prototype);
    }

    /** True for a DeploymentValidationError from any copy of this module. */
    public static isInstance(e: unknown): e is DeploymentValidationError {
        return e instanceof DeploymentValidationError || (e instanceof Error && e.name === "DeploymentValidationError" && "field" in e);
    }
}

/** Renders a resolved value for a {@link DeploymentValidationError}: `resolved to "x"`, `resolved to nothing`. */
function describeResolved(value: unknown): string {
    return value === undefined ? "resolved to nothing" : `resolved to ${describeValue(value).slice("is ".length)}`;
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

    /**
     * Throws a {@link DeploymentValidationError} for `field`: for checks that run when an input
     * that was not known at construction resolves, inside an `apply`.
     */
    public failAtDeployment(field: string, value: unknown, problem: string | undefined, fix: string): never {
        throw new DeploymentValidationError({
            component: this.component,
            resourceName: this.resourceName,
            field,
            value,
            problem,
            fix,
        });
    }
}
