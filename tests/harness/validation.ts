/**
 * Checks shared by the component tests for argument validation: a bad argument is rejected with a
 * {@link ValidationError} before anything is registered, and hostile input never fails with
 * anything else.
 */
import * as assert from "assert";
import * as fc from "fast-check";
import { ValidationError } from "../../components/core";
import { Recorder, startMocks } from "./mocks";

/** What {@link expectRejected} expects of the error. */
export interface Rejection {
    /** The component class, e.g. `AwsPrivateEndpoint`. */
    component: string;
    /** The logical name the component was given. */
    name: string;
    /** The argument path the error must name, e.g. `allowedCidrs[1]`. */
    field: string;
    /** Starts the recording mocks; {@link startMocks} with its defaults unless given. */
    mocks?: () => Promise<Recorder>;
}

/**
 * Starts fresh mocks, runs `make` (which constructs the component) and checks that it threw a
 * ValidationError of `component` for `field`, whose message reads
 * `<component> "<name>": <field> … Fix: …` with a non-empty fix, and that nothing was registered.
 * Returns the error for further checks.
 */
export async function expectRejected(make: () => unknown, { component, name, field, mocks = startMocks }: Rejection): Promise<ValidationError> {
    const rec = await mocks();
    let caught: unknown;
    try {
        make();
    } catch (e) {
        caught = e;
    }
    await rec.settle();
    assert.ok(ValidationError.isInstance(caught), `expected a ValidationError, got ${String(caught)}`);
    assert.strictEqual(caught.field, field, caught.message);
    assert.strictEqual(caught.component, component, caught.message);
    assert.match(caught.message, new RegExp(`^${escapeRegExp(`${component} "${name}": ${field} `)}.* Fix: `));
    assert.ok(caught.fix.length > 0, caught.message);
    assert.deepStrictEqual(rec.summary(), [], "nothing is registered");
    return caught;
}

/** Runs `fn`: returns the ValidationError it throws, undefined if it returns, and rethrows anything else. */
export function validationErrorOf(fn: () => unknown): ValidationError | undefined {
    try {
        fn();
    } catch (e) {
        if (ValidationError.isInstance(e)) {
            return e;
        }
        throw e;
    }
    return undefined;
}

/** A property predicate around `fn` that accepts a ValidationError and fails on any other exception. */
export function onlyValidationErrors<A extends unknown[]>(fn: (...args: A) => unknown): (...args: A) => void {
    return (...args) => {
        validationErrorOf(() => fn(...args));
    };
}

/**
 * `base()` with one to four of `fields` replaced by hostile values: anything, the usual edge cases
 * (null, NaN, blank strings, the whole internet, duplicates), lists of subnet-like objects, and
 * objects whose `objectKeys` hold anything.
 */
export function withHostileFields(base: () => object, fields: readonly string[], objectKeys: readonly string[]): fc.Arbitrary<any> {
    const nasty = fc.oneof(
        fc.anything(),
        fc.constantFrom(null, undefined, NaN, "", " ", "0.0.0.0/0", "::/0", [null], [{}], [[]], {}, [1, 1], ["x", "x"]),
        fc.array(fc.oneof(fc.anything(), fc.record({ subnetId: fc.anything(), availabilityZone: fc.anything(), vpcId: fc.anything() }))),
        fc.record(Object.fromEntries(objectKeys.map((k) => [k, fc.anything()])), { requiredKeys: [] }),
    );
    return fc.array(fc.tuple(fc.constantFrom(...fields), nasty), { minLength: 1, maxLength: 4 }).map((edits) => {
        const args: any = { ...base() };
        for (const [k, value] of edits) {
            args[k] = value;
        }
        return args;
    });
}

function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
