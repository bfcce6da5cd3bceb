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

/**
 * The logical-name key of a list entry named by its value (an id, a CIDR as written): the value
 * in slug form when it is a known string, so reordering the list replaces nothing; else its
 * position. A known value with no letters or digits (an empty slug) gives its position, or with
 * `blank: "empty"` the empty key.
 */
export function keyOf(value: unknown, index: number, blank: "index" | "empty" = "index"): string {
    if (typeof value !== "string") {
        return String(index);
    }
    const key = slug(value);
    return key === "" && blank === "index" ? String(index) : key;
}

/**
 * Throws if two entries of a list would give children the same logical name through `key` (for
 * example `fd00:20::/56` and `fd00::20/56` both become `fd00-20-56`), which the engine would
 * otherwise report as a duplicate URN after half the graph is registered.
 */
export function requireDistinctKeys(
    v: Validator,
    field: string,
    values: readonly unknown[] | undefined,
    fix: string,
    key: (value: unknown, index: number) => string = keyOf,
): void {
    const seen = new Map<string, number>();
    (values ?? []).forEach((value, i) => {
        const k = key(value, i);
        if (seen.has(k)) {
            v.fail(`${field}[${i}]`, value, `which gives the same logical name as ${field}[${seen.get(k)}]`, fix);
        }
        seen.set(k, i);
    });
}

/**
 * A logical-name fragment for a CIDR that is unambiguous: the network address with host bits
 * cleared, IPv6 fully expanded (so `a::b` and `a:b::` cannot collide once `:` becomes `-`).
 */
export function cidrKey(cidr: string): string {
    return slug(expandedCidr(cidr) ?? cidr);
}

/** The logical-name key of a subnet entry: its id when known, else its position. */
export function subnetKey(subnetId: unknown, index: number): string {
    return keyOf(subnetId, index, "empty");
}

/** The logical-name key of a VPC (or network) association: the VPC id when known, else its position. */
export function associationKey(vpcId: unknown, index: number): string {
    return keyOf(vpcId, index, "empty");
}

/** The logical-name key of a load-balancer target: its id (when known, else its position) and its port if given. */
export function targetKey(id: unknown, port: number | undefined, index: number): string {
    return [keyOf(id, index), ...(port !== undefined ? [String(port)] : [])].join("-");
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
