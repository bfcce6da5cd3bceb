/**
 * Argument checks shared by the Azure components: tags as ARM takes them, resource names, and
 * the `providers` option they forward.
 */
import { Validator, isKnown, requireStringMap } from "../core";

/** ARM's limits on tags: 50 per resource, keys up to 512 characters, values up to 256. */
export const AZURE_MAX_TAGS = 50;
export const AZURE_MAX_TAG_KEY = 512;
export const AZURE_MAX_TAG_VALUE = 256;
/** Characters ARM refuses in a tag key. */
const FORBIDDEN_TAG_KEY = /[<>%&\\?/]/;

/**
 * Validates a tag map as ARM takes it: string values, keys without `<>%&\?/`, length limits, and
 * room for the two tags every component adds.
 */
export function validateAzureTags(v: Validator, field: string, value: unknown): void {
    requireStringMap(v, field, value, (key, item) => {
        if (key.trim() === "" || key.length > AZURE_MAX_TAG_KEY || FORBIDDEN_TAG_KEY.test(key)) {
            v.fail(field, key, `which is not a tag key Azure accepts (1–${AZURE_MAX_TAG_KEY} characters, none of < > % & \\ ? /)`, `rename the tag key "${key}"`);
        }
        if (typeof item === "string" && item.length > AZURE_MAX_TAG_VALUE) {
            v.fail(`${field}.${key}`, item, `which is longer than the ${AZURE_MAX_TAG_VALUE} characters Azure allows`, "shorten the tag value");
        }
    });
    if (value !== undefined && Object.keys(value as object).length > AZURE_MAX_TAGS - 2) {
        v.fail(field, value, `which has more than ${AZURE_MAX_TAGS - 2} tags; with the component's two Azure allows at most ${AZURE_MAX_TAGS}`, "drop some tags");
    }
}

/** An Azure resource name as ARM takes most Network names: 1–80 letters, digits, `_`, `.`, `-`, starting alphanumeric, not ending in `.` or `-`. */
const RESOURCE_NAME = /^[A-Za-z0-9]([A-Za-z0-9_.-]{0,78}[A-Za-z0-9_])?$/;

/** Throws unless `value` is missing, not known yet, or a valid Network resource name. */
export function requireResourceName(v: Validator, field: string, value: unknown): void {
    if (value === undefined || !isKnown(value)) {
        return;
    }
    if (typeof value !== "string" || !RESOURCE_NAME.test(value)) {
        v.fail(field, value, "which is not an Azure resource name", "use 1–80 letters, digits, _ . or -, starting with a letter or digit and ending with a letter, digit or _");
    }
}

/** Whether a text is a valid Network resource name (see `requireResourceName`). */
export function isResourceName(value: unknown): value is string {
    return typeof value === "string" && RESOURCE_NAME.test(value);
}

/**
 * Whether `key` is an own property of `map`: how every table keyed by user input is read, so a
 * key such as `constructor` or `__proto__` is just absent, never an inherited value.
 */
export function hasOwn(map: object, key: string): boolean {
    return Object.prototype.hasOwnProperty.call(map, key);
}
