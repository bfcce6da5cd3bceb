/**
 * Tags (AWS, Azure) and labels (Google Cloud) that every resource of a component carries, so that
 * cost reports, audits and the `required-tags` policies can tell our resources apart.
 */

import { COMPONENT_TAG, MANAGED_BY_TAG, MANAGED_BY_VALUE } from "../../common/tokens";

export { COMPONENT_TAG, MANAGED_BY_TAG, MANAGED_BY_VALUE };

/**
 * The tags a component puts on its children: ours first, the user's after, so a user can override
 * any default value but cannot remove the keys. `Name` is set for AWS consoles when given.
 */
export function mergeTags(
    componentName: string,
    userTags: Record<string, string> | undefined,
    extra?: Record<string, string>,
): Record<string, string> {
    return {
        [MANAGED_BY_TAG]: MANAGED_BY_VALUE,
        [COMPONENT_TAG]: componentName,
        ...(extra ?? {}),
        ...(userTags ?? {}),
    };
}

/**
 * Google Cloud labels: keys and values are lower case, at most 63 characters, and only letters,
 * digits, `_` and `-`. Values of our defaults are normalised; user labels are validated by the
 * component (see `validateLabels`).
 */
export function mergeLabels(
    componentName: string,
    userLabels: Record<string, string> | undefined,
): Record<string, string> {
    return {
        [MANAGED_BY_TAG]: MANAGED_BY_VALUE,
        [COMPONENT_TAG]: toLabelValue(componentName),
        ...(userLabels ?? {}),
    };
}

/** Lower-cases and replaces characters Google Cloud does not accept in label values. */
export function toLabelValue(text: string): string {
    return text
        .toLowerCase()
        .replace(/[^a-z0-9_-]/g, "-")
        .slice(0, 63);
}

const LABEL_KEY = /^[a-z][a-z0-9_-]{0,62}$/;
const LABEL_VALUE = /^[a-z0-9_-]{0,63}$/;

/** Whether a Google Cloud label key is valid. */
export function isValidLabelKey(key: string): boolean {
    return LABEL_KEY.test(key);
}

/** Whether a Google Cloud label value is valid. */
export function isValidLabelValue(value: string): boolean {
    return LABEL_VALUE.test(value);
}
