/**
 * Endpoint policy documents: when a statement is the default full-access grant.
 */
import { arr, get } from "../../core";

function anyIs(value: unknown, ...wildcards: string[]): boolean {
    const list = Array.isArray(value) ? value : [value];
    return list.some((v) => typeof v === "string" && wildcards.includes(v.trim()));
}

/**
 * Whether a statement is the default full-access grant: `Allow` to principal `*` (or
 * `{"AWS": "*"}`) of action `*` on resource `*` with no condition. `NotAction`/`NotResource` count
 * as "everything but a few"; a missing principal or resource counts as everyone/everything, as in
 * the default policy AWS applies.
 */
export function isOpenStatement(statement: unknown): boolean {
    const s = statement;
    if (s === null || typeof s !== "object" || Array.isArray(s)) {
        return false;
    }
    if (get(s, "Effect") !== "Allow") {
        return false;
    }
    const principal = get(s, "Principal");
    const principalOpen =
        principal === undefined ||
        anyIs(principal, "*") ||
        (principal !== null && typeof principal === "object" && !Array.isArray(principal) && anyIs(get(principal, "AWS"), "*"));
    const action = get(s, "Action");
    const actionOpen = anyIs(action, "*", "*:*") || (action === undefined && get(s, "NotAction") !== undefined);
    const resource = get(s, "Resource");
    const resourceOpen = anyIs(resource, "*") || resource === undefined;
    const condition = get(s, "Condition");
    const conditionless = condition === undefined || condition === null || (typeof condition === "object" && Object.keys(condition).length === 0);
    return principalOpen && actionOpen && resourceOpen && conditionless;
}

/** The verdict on a policy document: "invalid" (not a JSON policy), "open", or "restricted". */
export function policyVerdict(document: unknown): "invalid" | "open" | "restricted" {
    if (document === null || typeof document !== "object" || Array.isArray(document)) {
        return "invalid";
    }
    const statements = arr(document, "Statement");
    if (statements.length === 0) {
        return "invalid";
    }
    return statements.some(isOpenStatement) ? "open" : "restricted";
}
