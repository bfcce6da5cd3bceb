/**
 * Address and port semantics as the clouds apply them, shared by the components (which validate
 * arguments) and the policy packs (which judge resources), so the two can never disagree on what
 * a CIDR block or a port range is.
 *
 * This room is cloud-neutral: it imports no cloud SDK, no component and no pack.
 */
import * as ipaddr from "ipaddr.js";

/** A parsed CIDR block. */
export interface ParsedCidr {
    /** `4` or `6`. */
    version: 4 | 6;
    /** The network address as written (normalised by ipaddr.js). */
    address: string;
    /** The prefix length. */
    prefixLength: number;
    /** The canonical form, `address/prefix`, with host bits cleared. */
    canonical: string;
}

/**
 * Parses `a.b.c.d/n` or an IPv6 CIDR. Returns `undefined` for anything else, so callers turn it
 * into a ValidationError with the field name rather than an exception from deep inside a library.
 */
export function parseCidr(text: unknown): ParsedCidr | undefined {
    if (typeof text !== "string" || !text.includes("/")) {
        return undefined;
    }
    const trimmed = text.trim();
    // ipaddr.js accepts IPv4 shorthand like "10/8" or "010.0.0.1"; the clouds do not, so insist on
    // four dotted decimal parts for IPv4 before handing the text over.
    const [addr] = trimmed.split("/");
    if (!addr.includes(":") && !/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(addr)) {
        return undefined;
    }
    if (!/\/\d{1,3}$/.test(trimmed)) {
        return undefined;
    }
    try {
        const [ip, prefix] = ipaddr.parseCIDR(trimmed);
        const version = ip.kind() === "ipv4" ? 4 : 6;
        const network =
            version === 4
                ? ipaddr.IPv4.networkAddressFromCIDR(trimmed).toString()
                : ipaddr.IPv6.networkAddressFromCIDR(trimmed).toString();
        return { version, address: ip.toString(), prefixLength: prefix, canonical: `${network}/${prefix}` };
    } catch {
        return undefined;
    }
}

/**
 * The canonical form of a CIDR with IPv6 fully expanded (`fd00:0000:…:0000/56`), so two ways of
 * writing one network always give the same text and two networks never do. Undefined for
 * anything that is not a CIDR.
 */
export function expandedCidr(text: unknown): string | undefined {
    const parsed = parseCidr(text);
    if (!parsed) {
        return undefined;
    }
    const [network] = parsed.canonical.split("/");
    const address = parsed.version === 6 ? ipaddr.IPv6.parse(network).toNormalizedString() : network;
    return `${address}/${parsed.prefixLength}`;
}

/** Whether `text` is a valid IPv4 or IPv6 CIDR block. */
export function isCidr(text: unknown): boolean {
    return parseCidr(text) !== undefined;
}

/** Whether `text` is a valid IPv4 or IPv6 address (no prefix). */
export function isIpAddress(text: unknown): boolean {
    return typeof text === "string" && ipaddr.isValid(text) && (text.includes(":") || ipaddr.IPv4.isValidFourPartDecimal(text));
}

/**
 * Whether a CIDR covers the whole address space of its family (`0.0.0.0/0`, `::/0`, or a host
 * address with prefix 0 such as `10.0.0.0/0`, which the clouds treat the same way).
 */
export function isWholeInternet(text: unknown): boolean {
    const parsed = parseCidr(text);
    return parsed !== undefined && parsed.prefixLength === 0;
}

/**
 * Whether a CIDR includes public (internet-routable) addresses. Used to warn about over-broad
 * allow lists: private (RFC 1918), CGNAT, link-local and unique-local ranges are not public.
 */
export function isPublicRange(text: unknown): boolean {
    const parsed = parseCidr(text);
    if (!parsed) {
        return false;
    }
    if (parsed.prefixLength === 0) {
        return true;
    }
    const ip = ipaddr.parse(parsed.address);
    return ip.range() === "unicast";
}

/** Whether every address of `inner` lies within `outer`. Both must be CIDRs of the same family. */
export function cidrContains(outer: string, inner: string): boolean {
    const o = parseCidr(outer);
    const i = parseCidr(inner);
    if (!o || !i || o.version !== i.version || i.prefixLength < o.prefixLength) {
        return false;
    }
    const innerIp = ipaddr.parse(i.address);
    const outerIp = ipaddr.parse(o.address);
    return innerIp.match(outerIp, o.prefixLength);
}

/** Whether `n` is a valid TCP/UDP port (1–65535). */
export function isPort(n: unknown): n is number {
    return typeof n === "number" && Number.isInteger(n) && n >= 1 && n <= 65535;
}

/** An inclusive port range. */
export interface PortRange {
    from: number;
    to: number;
}

/**
 * Parses a port spec the way the clouds write them: `443`, `"443"`, `"8000-8080"`. Returns
 * `undefined` for anything that is not a valid port or range.
 */
export function parsePortRange(spec: unknown): PortRange | undefined {
    if (typeof spec === "number") {
        return isPort(spec) ? { from: spec, to: spec } : undefined;
    }
    if (typeof spec !== "string") {
        return undefined;
    }
    const m = /^\s*(\d{1,5})\s*(?:-\s*(\d{1,5})\s*)?$/.exec(spec);
    if (!m) {
        return undefined;
    }
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (!isPort(from) || !isPort(to) || to < from) {
        return undefined;
    }
    return { from, to };
}
