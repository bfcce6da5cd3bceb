/**
 * Safe readers for resource properties. A rule must never throw on a missing property, a value
 * of the wrong type or an unexpected shape, so rules read through these helpers instead of
 * dereferencing `props.a.b` directly.
 *
 * These helpers deliberately do NOT catch errors: reading a property that is unknown during
 * preview throws the policy SDK's `UnknownValueError` from its proxy, and the policy server turns
 * that into an advisory "can't run policy during preview" diagnostic. Catching it here would make
 * the rule pass silently, which is the one thing a rule must not do.
 */

/**
 * Whether `obj` has `key` as its own property. User data decides the keys and the shape of
 * resource properties, so every lookup by key is an own-property lookup: `constructor`,
 * `toString` or `__proto__` must never answer from `Object.prototype`, and a property bag whose
 * prototype was replaced (the engine's deserialiser assigns a `__proto__` key like any other)
 * must not lend it values it does not hold.
 */
export function hasOwn(obj: unknown, key: string): boolean {
    return obj !== null && obj !== undefined && typeof obj === "object" && Object.prototype.hasOwnProperty.call(obj, key);
}

/** Follows a dotted path with `step`; undefined when any step is missing or not an object. */
function walk(obj: unknown, path: string, step: (cur: object, key: string) => unknown): unknown {
    let cur: unknown = obj;
    for (const key of path.split(".")) {
        if (cur === null || cur === undefined || typeof cur !== "object") {
            return undefined;
        }
        cur = step(cur, key);
    }
    return cur;
}

/**
 * Reads a nested property by dotted path; undefined when any step is missing, inherited or not an
 * object. Reads through the policy SDK's proxy (an unknown value throws `UnknownValueError`).
 */
export function get(obj: unknown, path: string): unknown {
    return walk(obj, path, (cur, key) => (hasOwn(cur, key) ? (cur as Record<string, unknown>)[key] : undefined));
}

/** The own property `key` of a record (user data as keys: tags, labels), or undefined. */
export function own(obj: Record<string, unknown> | undefined, key: string): unknown {
    return obj !== undefined && hasOwn(obj, key) ? obj[key] : undefined;
}

/**
 * Reads a nested property WITHOUT the unknown check: the value comes back raw (an unknown value is
 * returned as its sentinel instead of throwing). Only for deciding whether a value is unknown —
 * a rule's verdict must still read values through the proxy (`get`, `str`, …).
 *
 * The SDK's proxy defines only a `get` trap, so property descriptors reach the target untouched.
 */
export function rawGet(obj: unknown, path: string): unknown {
    return walk(obj, path, (cur, key) => Object.getOwnPropertyDescriptor(cur, key)?.value);
}

/** A string value, or undefined when absent or not a string. */
export function str(obj: unknown, path: string): string | undefined {
    const v = get(obj, path);
    return typeof v === "string" ? v : undefined;
}

/** A boolean value, accepting the strings "true"/"false" as some providers send them. */
export function bool(obj: unknown, path: string): boolean | undefined {
    const v = get(obj, path);
    if (typeof v === "boolean") {
        return v;
    }
    if (typeof v === "string" && /^(true|false)$/i.test(v)) {
        return v.toLowerCase() === "true";
    }
    return undefined;
}

/** A number value, accepting numeric strings. */
export function num(obj: unknown, path: string): number | undefined {
    const v = get(obj, path);
    if (typeof v === "number" && Number.isFinite(v)) {
        return v;
    }
    if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) {
        return Number(v);
    }
    return undefined;
}

/** An array value; a single non-array value becomes a one-element array; absent becomes []. */
export function arr(obj: unknown, path: string): unknown[] {
    const v = get(obj, path);
    if (v === undefined || v === null) {
        return [];
    }
    return Array.isArray(v) ? Array.from(v) : [v];
}

/** The string elements of an array property (other elements are skipped). */
export function strings(obj: unknown, path: string): string[] {
    return arr(obj, path).filter((x): x is string => typeof x === "string");
}

/** An object-valued property as a record, or undefined. */
export function record(obj: unknown, path: string): Record<string, unknown> | undefined {
    const v = get(obj, path);
    return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** Whether a value equals any of `options`, ignoring case (for clouds that compare that way). */
export function equalsIgnoreCase(value: unknown, ...options: string[]): boolean {
    return typeof value === "string" && options.some((o) => o.toLowerCase() === value.toLowerCase());
}

/** Parses a JSON string property (endpoint policies); returns undefined for invalid JSON. */
export function json(value: unknown): unknown {
    if (typeof value !== "string") {
        return value !== null && typeof value === "object" ? value : undefined;
    }
    try {
        return JSON.parse(value);
    } catch {
        return undefined;
    }
}
