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

// ------------------------------------------------------------------------------------------------
// Unions of address ranges: does a set of sources, taken together, reach the whole internet?
// ------------------------------------------------------------------------------------------------

/** An inclusive range of addresses of one family, as integers. */
export interface AddressRange {
    version: 4 | 6;
    first: bigint;
    last: bigint;
}

/** The number of address bits of a family. */
function bitsOf(version: 4 | 6): number {
    return version === 4 ? 32 : 128;
}

/** The number of addresses of a family: 2^32 or 2^128. */
export function familySize(version: 4 | 6): bigint {
    return 1n << BigInt(bitsOf(version));
}

/** An address as an integer. */
function addressValue(ip: ipaddr.IPv4 | ipaddr.IPv6): bigint {
    let v = 0n;
    for (const byte of ip.toByteArray()) {
        v = (v << 8n) | BigInt(byte);
    }
    return v;
}

/**
 * The addresses of a CIDR block (`10.0.0.0/8`, `::/1`), or of a bare address as one host
 * (`203.0.113.7`, as Azure and GCP accept it in source lists); undefined for anything else.
 */
export function addressRange(text: unknown): AddressRange | undefined {
    const cidr = parseCidr(text);
    if (cidr) {
        const [network] = cidr.canonical.split("/");
        const first = addressValue(ipaddr.parse(network));
        const size = 1n << BigInt(bitsOf(cidr.version) - cidr.prefixLength);
        return { version: cidr.version, first, last: first + size - 1n };
    }
    if (typeof text === "string" && isIpAddress(text.trim())) {
        const ip = ipaddr.parse(text.trim());
        const value = addressValue(ip);
        return { version: ip.kind() === "ipv4" ? 4 : 6, first: value, last: value };
    }
    return undefined;
}

/** The whole address space of a family, as a range. */
export function wholeFamily(version: 4 | 6): AddressRange {
    return { version, first: 0n, last: familySize(version) - 1n };
}

/**
 * When a union of sources counts as "the internet": when it holds at least as many addresses as
 * a block of the given prefix length. The default, 0 for both families, counts only a union that
 * covers every address (`0.0.0.0/0` or `::/0`, however it is split up); 1 would also count half of
 * the address space, and so on. Every address counts, private ranges included.
 */
export interface InternetThreshold {
    ipv4PrefixLength: number;
    ipv6PrefixLength: number;
}

/** The default {@link InternetThreshold}: the union covers every address of its family. */
export const WHOLE_INTERNET: InternetThreshold = { ipv4PrefixLength: 0, ipv6PrefixLength: 0 };

/** The prefix length of a family in a threshold, clamped to the family's bits. */
function thresholdPrefix(version: 4 | 6, threshold: InternetThreshold): number {
    const p = version === 4 ? threshold.ipv4PrefixLength : threshold.ipv6PrefixLength;
    return Number.isInteger(p) ? Math.min(Math.max(p, 0), bitsOf(version)) : 0;
}

/** The number of addresses in the union of `ranges` of one family (overlaps counted once). */
export function unionSize(ranges: readonly AddressRange[], version: 4 | 6): bigint {
    const sorted = ranges.filter((r) => r.version === version).sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
    let total = 0n;
    let start = -1n;
    let end = -2n;
    for (const r of sorted) {
        if (r.first > end + 1n) {
            total += end - start + 1n;
            start = r.first;
            end = r.last;
        } else if (r.last > end) {
            end = r.last;
        }
    }
    return total + (end - start + 1n);
}

/** Whether `size` addresses of a family count as the internet under `threshold`. */
export function countsAsInternet(size: bigint, version: 4 | 6, threshold: InternetThreshold = WHOLE_INTERNET): boolean {
    return size >= 1n << BigInt(bitsOf(version) - thresholdPrefix(version, threshold));
}

/** The families (4, 6) whose addresses among `sources` (CIDRs or addresses), taken together, count as the internet. */
export function internetFamilies(sources: readonly AddressRange[], threshold: InternetThreshold = WHOLE_INTERNET): Array<4 | 6> {
    return ([4, 6] as const).filter((v) => countsAsInternet(unionSize(sources, v), v, threshold));
}

/** One grant of access: the ports it opens and the source addresses it lets in. */
export interface AddressGrant {
    ports: PortRange;
    sources: readonly AddressRange[];
}

/** A run of ports on which the union of the grants that open them counts as the internet. */
export interface InternetReach extends PortRange {
    version: 4 | 6;
}

/**
 * The ports on which the sources of all the grants that open them, taken together, count as the
 * internet under `threshold`: `0.0.0.0/1` on 22 and `128.0.0.0/1` on 20-25 reach port 22 from the
 * whole IPv4 internet. Maximal runs of ports, per family, in ascending order.
 *
 * A sweep over the ports with a segment tree over the addresses, so it takes O(n log n) time in
 * the number of source ranges however many grants overlap (10,000 grants are judged in well
 * under a second).
 */
export function internetReach(grants: readonly AddressGrant[], threshold: InternetThreshold = WHOLE_INTERNET): InternetReach[] {
    const out: InternetReach[] = [];
    for (const version of [4, 6] as const) {
        const used = grants
            .map((g) => ({ ports: g.ports, sources: g.sources.filter((s) => s.version === version) }))
            .filter((g) => g.sources.length > 0 && g.ports.from <= g.ports.to);
        if (used.length === 0) {
            continue;
        }
        const tree = new CoverageTree(used.flatMap((g) => g.sources), version);
        const need = Number(1n << BigInt(bitsOf(version) - thresholdPrefix(version, threshold)));
        const whole = thresholdPrefix(version, threshold) === 0;
        const events = new Map<number, Array<{ grant: (typeof used)[number]; delta: 1 | -1 }>>();
        const at = (port: number) => events.get(port) ?? (events.set(port, []), events.get(port)!);
        for (const g of used) {
            at(g.ports.from).push({ grant: g, delta: 1 });
            at(g.ports.to + 1).push({ grant: g, delta: -1 });
        }
        const ports = [...events.keys()].sort((a, b) => a - b);
        for (let i = 0; i < ports.length - 1; i++) {
            for (const { grant, delta } of events.get(ports[i])!) {
                grant.sources.forEach((s) => tree.add(s, delta));
            }
            if (whole ? tree.coversAll() : tree.covered() >= need * (1 - 1e-12)) {
                const last = out[out.length - 1];
                if (last !== undefined && last.version === version && last.to === ports[i] - 1) {
                    last.to = ports[i + 1] - 1;
                } else {
                    out.push({ version, from: ports[i], to: ports[i + 1] - 1 });
                }
            }
        }
    }
    return out;
}

/**
 * How much of an address family a changing set of ranges covers: a segment tree over the
 * boundaries of all ranges (the classic "length of a union of intervals" structure). Covered
 * lengths are doubles (exact below 2^53 addresses, within 1e-12 above); whether every address is
 * covered is counted exactly, in uncovered elementary segments.
 */
class CoverageTree {
    /** The boundaries as fixed-width hexadecimal text: sorting and comparing strings is far cheaper than BigInts. */
    private readonly bounds: string[];
    private readonly width: number;
    private readonly count: Int32Array;
    private readonly length: Float64Array;
    private readonly coveredLength: Float64Array;
    private readonly gaps: Int32Array;
    private readonly leaves: number;

    constructor(ranges: readonly AddressRange[], version: 4 | 6) {
        this.width = bitsOf(version) / 4 + 1;
        const set = new Set<string>([this.hex(0n), this.hex(familySize(version))]);
        for (const r of ranges) {
            set.add(this.hex(r.first));
            set.add(this.hex(r.last + 1n));
        }
        this.bounds = [...set].sort();
        this.leaves = this.bounds.length - 1;
        const size = 4 * this.leaves;
        this.count = new Int32Array(size);
        this.length = new Float64Array(size);
        this.coveredLength = new Float64Array(size);
        this.gaps = new Int32Array(size);
        this.build(1, 0, this.leaves - 1);
    }

    private build(node: number, lo: number, hi: number): void {
        if (lo === hi) {
            this.length[node] = Number(BigInt(`0x${this.bounds[lo + 1]}`) - BigInt(`0x${this.bounds[lo]}`));
            this.gaps[node] = 1;
            return;
        }
        const mid = (lo + hi) >> 1;
        this.build(2 * node, lo, mid);
        this.build(2 * node + 1, mid + 1, hi);
        this.length[node] = this.length[2 * node] + this.length[2 * node + 1];
        this.gaps[node] = this.gaps[2 * node] + this.gaps[2 * node + 1];
    }

    private hex(value: bigint): string {
        return value.toString(16).padStart(this.width, "0");
    }

    /** The index of the elementary segment that starts at `value` (a boundary). */
    private leafAt(address: bigint): number {
        const value = this.hex(address);
        let lo = 0;
        let hi = this.bounds.length - 1;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (this.bounds[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Adds (`delta` 1) or removes (-1) a range. */
    public add(range: AddressRange, delta: 1 | -1): void {
        this.update(1, 0, this.leaves - 1, this.leafAt(range.first), this.leafAt(range.last + 1n) - 1, delta);
    }

    private update(node: number, lo: number, hi: number, from: number, to: number, delta: number): void {
        if (to < lo || hi < from) {
            return;
        }
        if (from <= lo && hi <= to) {
            this.count[node] += delta;
        } else {
            const mid = (lo + hi) >> 1;
            this.update(2 * node, lo, mid, from, to, delta);
            this.update(2 * node + 1, mid + 1, hi, from, to, delta);
        }
        if (this.count[node] > 0) {
            this.coveredLength[node] = this.length[node];
            this.gaps[node] = 0;
        } else if (lo === hi) {
            this.coveredLength[node] = 0;
            this.gaps[node] = 1;
        } else {
            this.coveredLength[node] = this.coveredLength[2 * node] + this.coveredLength[2 * node + 1];
            this.gaps[node] = this.gaps[2 * node] + this.gaps[2 * node + 1];
        }
    }

    /** How many addresses are covered (see the class comment for its precision). */
    public covered(): number {
        return this.coveredLength[1];
    }

    /** Whether every address of the family is covered (exact). */
    public coversAll(): boolean {
        return this.gaps[1] === 0;
    }
}
