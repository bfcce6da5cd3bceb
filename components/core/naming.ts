/**
 * Logical names of children are part of the component's contract: they end up in URNs, and a
 * changed URN replaces a live resource. Every child name, and every key that names a child after
 * a list entry, is built here so the scheme stays one across all clouds.
 *
 * The rule every key follows: a child made for a list entry is named after something stable about
 * that entry (its value when known at program time, or an explicit key the user gives), never
 * after its position, so adding, removing or reordering one entry changes only that entry's
 * children (DESIGN.md § Safe on edits).
 */
import { expandedCidr } from "../../common/network";
import { normalizeDnsName } from "../../common/dns";
import { Validator } from "./errors";
import { isKnown } from "./validate";

export { PACKAGE_NAME, typeToken } from "../../common/tokens";

/** The logical name of a child: `${name}-${role}`, with optional key parts (`orders-sg`, `orders-assoc-vpc-0abc`). */
export function childName(name: string, role: string, ...parts: Array<string | number>): string {
    return [name, role, ...parts.map((p) => String(p))].join("-");
}

/**
 * Turns free text (a service short name such as `ecr.dkr`) into a fragment that is safe in a
 * logical name and readable: `ecr-dkr`.
 */
export function slug(text: string): string {
    return text
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "");
}

/** One entry of a list whose children are named after it: see {@link requireEntryKeys}. */
export interface KeyedEntry {
    /** The value that names the entry when it is known at program time: an id, a CIDR, a name. */
    value: unknown;
    /** The explicit key the user gave the entry, if any; it wins over the value. */
    key?: unknown;
    /**
     * A qualifier appended to the entry's key, for lists where one value may appear more than once
     * in different roles (a target registered on two ports: `10-0-1-10` and `10-0-1-10-8080`).
     * Uniqueness is checked on the key with its suffix.
     * @default none
     */
    suffix?: string;
}

/** How {@link requireEntryKeys} reads and reports a list. */
export interface EntryKeyOptions {
    /**
     * The field of each entry that holds its value, for messages (`subnets[1].subnetId`); leave it
     * out for a list of plain values (`acceptEndpointIds[1]`).
     */
    valueField?: string;
    /**
     * The field of each entry that holds an explicit key; leave it out when the list takes none,
     * and then a value that is not known at program time is refused outright.
     */
    keyField?: string;
    /** Turns a known value into its key. @default slug (CIDR lists pass `cidrKey`) */
    form?: (value: string) => string;
    /** The fix when two entries name their children alike. @default "list each entry once" */
    duplicateFix?: string;
    /**
     * The position of `entries[0]` in the argument list, for messages, when the entries are a
     * tail of it (a list whose first entry names no child). @default 0
     */
    firstIndex?: number;
}

/**
 * Validates the keys that name the children of a list's entries, and returns them in list order.
 *
 * Each entry is named by its explicit key when given, else by its value when that is a known
 * string; never by its position, because a position changes whenever an entry before it is
 * added or removed, and a changed key replaces a live resource (a deleted connection accepter
 * even rejects the live connection). So an entry whose value is an Output (a `StackReference`,
 * another resource's id) must carry an explicit key, and this refuses one that does not. Keys are
 * compared in the form that names the child, so `sg-0abc` and `sg-0ABC`, or `a.b` and `a_b`,
 * are caught here rather than as a duplicate URN halfway through registration.
 */
export function requireEntryKeys(v: Validator, field: string, entries: readonly KeyedEntry[], options: EntryKeyOptions = {}): string[] {
    const form = options.form ?? slug;
    const first = options.firstIndex ?? 0;
    const at = (i: number, sub?: string) => (sub === undefined ? `${field}[${i + first}]` : `${field}[${i + first}].${sub}`);
    const seen = new Map<string, number>();
    return entries.map((entry, i) => {
        let key: string;
        if (entry.key !== undefined) {
            const keyField = at(i, options.keyField ?? "key");
            if (!isKnown(entry.key) || typeof entry.key !== "string" || slug(entry.key) === "") {
                v.fail(keyField, isKnown(entry.key) ? entry.key : "<output>", "which is not a plain name with letters or digits", `name the entry with plain text, e.g. "consumer-a"`);
            }
            key = slug(entry.key);
        } else if (isKnown(entry.value) && typeof entry.value === "string") {
            key = form(entry.value);
            if (key === "") {
                v.fail(at(i, options.valueField), entry.value, "which has no letters or digits to name its resources by", options.keyField ? `give ${at(i, options.keyField)} a name` : "use a value with letters or digits");
            }
        } else {
            v.fail(
                at(i, options.valueField),
                isKnown(entry.value) ? entry.value : "<output>",
                "which is not known until deployment, so it cannot name the entry's resources (a list position would replace them whenever the list changes)",
                options.keyField
                    ? `give ${at(i, options.keyField)} a stable name, e.g. "consumer-a"`
                    : "pass a plain value known when the program runs",
            );
        }
        if (entry.suffix !== undefined && entry.suffix !== "") {
            key = `${key}-${slug(entry.suffix)}`;
        }
        const earlier = seen.get(key);
        if (earlier !== undefined) {
            v.fail(at(i, entry.key !== undefined ? (options.keyField ?? "key") : options.valueField), entry.key ?? entry.value, `which names its resources like ${at(earlier)} ("${key}")`, options.duplicateFix ?? "list each entry once");
        }
        seen.set(key, i);
        return key;
    });
}

/**
 * A logical-name fragment for a CIDR that is unambiguous: the network address with host bits
 * cleared, IPv6 fully expanded (so `a::b` and `a:b::` cannot collide once `:` becomes `-`).
 */
export function cidrKey(cidr: string): string {
    return slug(expandedCidr(cidr) ?? cidr);
}

/**
 * The logical-name fragment of a DNS record: its name as written, in slug form, with `@` → `apex`
 * and `*` → `wildcard` (which a slug would drop).
 */
export function recordKey(recordName: string): string {
    const name = normalizeDnsName(recordName);
    if (name === "@") {
        return "apex";
    }
    return slug(name.replace(/\*/g, "wildcard")) || "apex";
}
