/**
 * Lists that Google Cloud (and the provider) keep as sets: service attachment accept and reject
 * lists and NAT subnets, firewall source ranges, the networks a DNS zone is visible to, a record
 * set's data. The provider compares them without regard to order, but Pulumi compares the input
 * arrays it is given element by element, so a list written in another order would show a diff
 * (and an update) for nothing. Every such list is sent sorted.
 */
import * as pulumi from "@pulumi/pulumi";

/** Whether a value holds no Output and no promise anywhere (lists and plain objects walked). */
export function isFullyKnown(value: unknown): boolean {
    if (pulumi.Output.isInstance(value)) {
        return false;
    }
    if (typeof value === "object" && value !== null) {
        if (typeof (value as { then?: unknown }).then === "function") {
            return false;
        }
        return Object.values(value).every(isFullyKnown);
    }
    return true;
}

/** Orders strings by code unit, the same on every machine (no locale). */
export function compareText(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `items` sorted by `key`: a plain list when every item is known now (so the engine and the
 * packs see literal values during preview), else an Output that sorts once the items resolve.
 */
export function sortedSet<T>(items: readonly T[], key: (item: pulumi.Unwrap<T>) => string): pulumi.Input<pulumi.Unwrap<T>[]> {
    const sort = (list: readonly pulumi.Unwrap<T>[]) => [...list].sort((a, b) => compareText(key(a), key(b)));
    if (isFullyKnown(items)) {
        return sort(items as unknown as pulumi.Unwrap<T>[]);
    }
    return pulumi.output(items as unknown as pulumi.Input<T>[]).apply((list) => sort(list as unknown as pulumi.Unwrap<T>[]));
}

/** Strings sorted (see {@link sortedSet}), each mapped through `form` first (e.g. to its self link). */
export function sortedStrings(items: readonly pulumi.Input<string>[], form: (value: string) => string = (s) => s): pulumi.Input<string[]> {
    if (isFullyKnown(items)) {
        return (items as string[]).map(form).sort(compareText);
    }
    return pulumi.output(items as pulumi.Input<string>[]).apply((list) => list.map(form).sort(compareText));
}
