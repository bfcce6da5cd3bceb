/**
 * Logical names of children are part of the component's contract: they end up in URNs, and a
 * changed URN replaces a live resource. Every child name is built here so the scheme stays one.
 */

/** The logical name of a child: `${name}-${role}`, with optional index parts (`orders-sg`, `orders-record-0`). */
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

/** The type token of a component class in this package: `privatelink:index:<ClassName>`. */
export function typeToken(className: string): string {
    return `privatelink:index:${className}`;
}

/** The package name that prefixes every type token. */
export const PACKAGE_NAME = "privatelink";
