/**
 * Principals of endpoint services: account ids, IAM ARNs and wildcards, as AWS reads them.
 */

/** The account id a principal belongs to: a bare 12-digit id, or the account field of an ARN. */
export function principalAccount(principal: string): string | undefined {
    const t = principal.trim();
    if (/^\d{12}$/.test(t)) {
        return t;
    }
    const m = /^arn:[^:]*:[^:]*:[^:]*:([^:]*):/.exec(t);
    return m ? m[1] : undefined;
}

/**
 * Whether a principal admits anyone: `*`, or an ARN whose account field is a wildcard
 * (`arn:aws:iam::*:root`). A wildcard inside one account's resource path
 * (`arn:aws:iam::111111111111:role/*`) stays within that account.
 */
export function isWildcardPrincipal(principal: string): boolean {
    const t = principal.trim();
    if (t === "*") {
        return true;
    }
    const account = principalAccount(t);
    if (account !== undefined) {
        return /[*?]/.test(account) || account === "";
    }
    return /[*?]/.test(t);
}

/** Account ids from config: strings as given; integers padded to 12 digits (ids may start with 0). */
export function accountIds(values: unknown[]): string[] {
    return values
        .map((v) => (typeof v === "number" && Number.isInteger(v) && v >= 0 ? String(v).padStart(12, "0") : typeof v === "string" ? v.trim() : undefined))
        .filter((v): v is string => v !== undefined && v !== "");
}
