/**
 * DNS names as the clouds' DNS services take them, shared by components and packs. One checker
 * for a DNS name (record names, zone names, which may hold `_` labels) and one for a host name
 * (what a client resolves: letters, digits and inner hyphens only).
 */

/**
 * One label of a DNS name as the clouds' DNS services take it: letters, digits, `_` and inner
 * hyphens (`_acme-challenge`, `xn--bcher-kva`), compared without regard to ASCII case.
 */
const DNS_LABEL = /^[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?$/i;

/** Whether `label` is one DNS label of 1–63 characters (see {@link isDnsName}). */
export function isDnsLabel(label: string): boolean {
    return label.length <= 63 && DNS_LABEL.test(label);
}

/** Lower case, without one trailing dot: the form the clouds' DNS services report. */
export function normalizeDnsName(name: string): string {
    const lower = name.toLowerCase();
    return lower.endsWith(".") ? lower.slice(0, -1) : lower;
}

/**
 * Whether `text` is a DNS name: labels of letters, digits, `_` and inner hyphens, 1–63
 * characters each and at most 253 in all, in any ASCII case, with or without one trailing dot.
 * A single label counts (`internal`). With `wildcard`, the first label may be `*`.
 */
export function isDnsName(text: unknown, options?: { wildcard?: boolean }): text is string {
    if (typeof text !== "string") {
        return false;
    }
    const name = text.endsWith(".") ? text.slice(0, -1) : text;
    if (name.length === 0 || name.length > 253) {
        return false;
    }
    return name.split(".").every((label, i) => (options?.wildcard === true && i === 0 && label === "*") || isDnsLabel(label));
}

/** One host-name label: letters, digits and inner hyphens, compared without regard to case. */
const HOST_LABEL = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/i;

/** Whether `label` is one host-name label of 1–63 characters (no `_`). */
export function isHostLabel(label: string): boolean {
    return label.length <= 63 && HOST_LABEL.test(label);
}

/** What {@link isHostName} accepts besides a plain host name. */
export interface HostNameOptions {
    /** Let the first label be `*` (a wildcard name). @default false */
    wildcard?: boolean;
    /** The fewest labels, e.g. 2 for a name below a top-level domain. @default 1 */
    minLabels?: number;
    /** Accept one trailing dot (an absolute name). @default true */
    trailingDot?: boolean;
    /** Accept upper-case letters. @default true */
    upperCase?: boolean;
}

/**
 * Whether `text` is a host name: labels of letters, digits and inner hyphens (no `_`), 1–63
 * characters each and at most 253 in all, the last label not all digits (that would be an IP
 * address). The one host-name checker of the package: components and packs both use it.
 */
export function isHostName(text: unknown, options: HostNameOptions = {}): text is string {
    if (typeof text !== "string") {
        return false;
    }
    if (options.upperCase === false && text !== text.toLowerCase()) {
        return false;
    }
    let name = text;
    if (name.endsWith(".")) {
        if (options.trailingDot === false) {
            return false;
        }
        name = name.slice(0, -1);
    }
    if (name.length === 0 || name.length > 253) {
        return false;
    }
    const labels = name.split(".");
    if (labels.length < (options.minLabels ?? 1) || /^\d+$/.test(labels[labels.length - 1])) {
        return false;
    }
    return labels.every((label, i) => (options.wildcard === true && i === 0 && label === "*") || isHostLabel(label));
}
