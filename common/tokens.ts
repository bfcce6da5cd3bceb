/**
 * The names that components and policy packs must agree on: the type-token prefix of every
 * component (a pack tells our resources apart by it) and the tag/label keys every component sets.
 */

/** The package name that prefixes every type token. */
export const PACKAGE_NAME = "privatelink";

/**
 * The type-token prefix of this package's components: `privatelink:index:`. Source-based
 * component packages allow only the `index` module.
 */
export const TYPE_TOKEN_PREFIX = `${PACKAGE_NAME}:index:`;

/** The type token of a component class in this package: `privatelink:index:<ClassName>`. */
export function typeToken(className: string): string {
    return `${TYPE_TOKEN_PREFIX}${className}`;
}

/** Whether a type token is one of this package's components. */
export function isComponentType(type: unknown): boolean {
    return typeof type === "string" && type.startsWith(TYPE_TOKEN_PREFIX);
}

/** The tag (label) key every component sets on its children. */
export const MANAGED_BY_TAG = "managed-by";
/** The value of {@link MANAGED_BY_TAG}. */
export const MANAGED_BY_VALUE = "privatelink";
/** The tag (label) key that names the component instance (its logical name). */
export const COMPONENT_TAG = "privatelink-component";
