/**
 * Checks a value against the small JSON-schema subset the packs' `configSchema`s use (boolean,
 * string with optional pattern, integer/number with optional bounds, arrays of those, anyOf), so each
 * pack's test can prove its `config.example.json` and its defaults fit its own schemas.
 */

/** The problems of `value` against `schema`, each naming where it is; empty when it fits. */
export function schemaErrors(value: unknown, schema: any, where: string): string[] {
    if (Array.isArray(schema?.anyOf)) {
        return schema.anyOf.some((s: any) => schemaErrors(value, s, where).length === 0) ? [] : [`${where} fits none of its schemas`];
    }
    switch (schema?.type) {
        case "boolean":
            return typeof value === "boolean" ? [] : [`${where} must be a boolean`];
        case "string":
            if (typeof value !== "string") {
                return [`${where} must be a string`];
            }
            return schema.pattern === undefined || new RegExp(schema.pattern).test(value) ? [] : [`${where} does not match ${schema.pattern}`];
        case "integer":
        case "number":
            if (typeof value !== "number" || (schema.type === "integer" && !Number.isInteger(value))) {
                return [`${where} must be an ${schema.type}`];
            }
            return (schema.minimum !== undefined && value < schema.minimum) || (schema.maximum !== undefined && value > schema.maximum) ? [`${where} is out of range`] : [];
        case "array":
            if (!Array.isArray(value)) {
                return [`${where} must be an array`];
            }
            return schema.items ? value.flatMap((v, i) => schemaErrors(v, schema.items, `${where}[${i}]`)) : [];
        default:
            return [`${where} has a schema of unsupported type ${JSON.stringify(schema?.type)}`];
    }
}

/** Whether `value` fits `schema`. */
export function fitsSchema(value: unknown, schema: any): boolean {
    return schemaErrors(value, schema, "value").length === 0;
}
