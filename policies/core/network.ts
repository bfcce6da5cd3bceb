/**
 * Address and port semantics as the clouds apply them. CIDR parsing comes from the cloud-neutral
 * `common/network.ts` that the components validate with too, so that a component's validation and
 * a policy's verdict can never disagree.
 */
import { PolicyConfigSchema } from "@pulumi/policy";
import {
    AddressRange,
    addressRange,
    InternetThreshold,
    internetFamilies,
    internetReach,
    isWholeInternet,
    parseCidr,
    parsePortRange,
    PortRange,
    WHOLE_INTERNET,
    wholeFamily,
} from "../../common/network";
import { configOf } from "./policy";

export { AddressRange, addressRange, InternetThreshold, internetFamilies, isWholeInternet, parseCidr, parsePortRange, PortRange, WHOLE_INTERNET };

/**
 * Source words that mean "anywhere on the internet" in Azure NSG rules. Azure compares them
 * case-insensitively.
 */
const INTERNET_WORDS = ["*", "internet", "any", "0.0.0.0", "0.0.0.0/0", "::/0", "::"];

/**
 * Whether a source address (a CIDR, an IP, or an Azure service-tag word) means the whole
 * internet: `0.0.0.0/0`, `::/0`, any prefix-0 CIDR, or `*`, `Internet`, `Any` in any case.
 */
export function isInternetSource(value: unknown): boolean {
    if (typeof value !== "string") {
        return false;
    }
    const v = value.trim().toLowerCase();
    return INTERNET_WORDS.includes(v) || isWholeInternet(v);
}

/** The full port range. */
export const ALL_PORTS: PortRange = { from: 0, to: 65535 };

/**
 * Normalises a protocol the way AWS, Azure and Google Cloud write "every protocol": `-1`, `all`,
 * `*`, `any`. Returns the lower-cased protocol otherwise ("tcp", "udp", "6", "icmp", …).
 */
export function normaliseProtocol(value: unknown): string | undefined {
    if (typeof value === "number") {
        return value === -1 ? "all" : String(value);
    }
    if (typeof value !== "string") {
        return undefined;
    }
    const v = value.trim().toLowerCase();
    if (["-1", "all", "*", "any"].includes(v)) {
        return "all";
    }
    if (v === "6") {
        return "tcp";
    }
    if (v === "17") {
        return "udp";
    }
    if (v === "132") {
        return "sctp";
    }
    return v;
}

/** Whether a protocol carries ports at all (tcp, udp, sctp, or every protocol). */
export function protocolHasPorts(protocol: string | undefined): boolean {
    return protocol === undefined || ["all", "tcp", "udp", "sctp", "132"].includes(protocol);
}

/**
 * Parses a port spec as the clouds write them, including "every port": `*`, `-1`, `0-65535`,
 * missing. Numbers and numeric strings both count. Returns undefined for garbage.
 */
export function portRangeOf(from: unknown, to?: unknown): PortRange | undefined {
    const isAll = (v: unknown) => v === undefined || v === null || v === "*" || v === -1 || v === "-1";
    if (isAll(from) && (to === undefined || isAll(to))) {
        return ALL_PORTS;
    }
    if (typeof from === "string" && to === undefined) {
        const t = from.trim();
        if (t === "*") {
            return ALL_PORTS;
        }
        const m = /^(\d{1,5})\s*-\s*(\d{1,5})$/.exec(t);
        if (m) {
            const a = Number(m[1]);
            const b = Number(m[2]);
            return a <= b && b <= 65535 ? { from: a, to: b } : undefined;
        }
    }
    // Strings must be decimal digits: `Number()` would also read "1e1", "0x16" or " 2_2" as ports.
    const digits = (v: unknown) => (typeof v === "string" ? (/^\s*\d{1,5}\s*$/.test(v) ? Number(v) : undefined) : v);
    const a = digits(from);
    const b = to === undefined ? a : digits(to);
    if (typeof a !== "number" || typeof b !== "number" || !Number.isInteger(a) || !Number.isInteger(b)) {
        return undefined;
    }
    if (a === 0 && b === 0) {
        // AWS writes "all ports" for protocol -1 as 0/0.
        return ALL_PORTS;
    }
    return a <= b && a >= 0 && b <= 65535 ? { from: a, to: b } : undefined;
}

/** Whether a range covers every port. */
export function isAllPorts(range: PortRange): boolean {
    return range.from <= 1 && range.to >= 65535;
}

/** Renders a range for messages: `22`, `8000-8080`, `all ports`. */
export function describeRange(range: PortRange): string {
    if (isAllPorts(range)) {
        return "all ports";
    }
    return range.from === range.to ? String(range.from) : `${range.from}-${range.to}`;
}

// ------------------------------------------------------------------------------------------------
// Sensitive ports, with the transport protocols each covers
// ------------------------------------------------------------------------------------------------

/** The transport protocols that carry ports. */
export type PortProtocol = "tcp" | "udp" | "sctp";

/** Every transport protocol that carries ports. */
export const PORT_PROTOCOLS: readonly PortProtocol[] = ["tcp", "udp", "sctp"];

/** A sensitive port and the protocols on which it is sensitive. */
export interface SensitivePort {
    port: number;
    protocols: readonly PortProtocol[];
}

/**
 * The services of the default sensitive ports, with the transport protocols their standard
 * assignments use (IANA's Service Name and Transport Protocol Port Number Registry and the
 * services' own specifications): SSH over TCP (RFC 4253) and SCTP (IANA's 22/sctp, RFC 4960);
 * Telnet, FTP, SMB, SQL Server, MySQL, PostgreSQL, Redis, Elasticsearch and MongoDB over TCP; RDP
 * over TCP and UDP (MS-RDPBCGR, MS-RDPEUDP). UDP 22 is not SSH: no SSH implementation listens there. A port not in this table is sensitive on every protocol unless the
 * configuration says otherwise.
 */
export const STANDARD_SERVICES: ReadonlyMap<number, { name: string; protocols: readonly PortProtocol[] }> = new Map([
    [20, { name: "FTP data", protocols: ["tcp"] }],
    [21, { name: "FTP", protocols: ["tcp"] }],
    [22, { name: "SSH", protocols: ["tcp", "sctp"] }],
    [23, { name: "Telnet", protocols: ["tcp"] }],
    [445, { name: "SMB", protocols: ["tcp"] }],
    [1433, { name: "SQL Server", protocols: ["tcp"] }],
    [3306, { name: "MySQL", protocols: ["tcp"] }],
    [3389, { name: "RDP", protocols: ["tcp", "udp"] }],
    [5432, { name: "PostgreSQL", protocols: ["tcp"] }],
    [6379, { name: "Redis", protocols: ["tcp"] }],
    [9200, { name: "Elasticsearch", protocols: ["tcp"] }],
    [27017, { name: "MongoDB", protocols: ["tcp"] }],
] as const);

/** The default sensitive ports: SSH, RDP and the common database and admin ports. */
export const DEFAULT_SENSITIVE_PORTS = [22, 3389, 23, 445, 1433, 3306, 5432, 6379, 9200, 27017];

/** The JSON schema of one configuration property. */
type ConfigProperty = PolicyConfigSchema["properties"][string];

/** The schema of a port-list setting (`allowedPorts`): integers 0–65535. */
export function portListSchema(defaultPorts: readonly number[], description: string): ConfigProperty {
    return { type: "array", items: { type: "integer", minimum: 0, maximum: 65535 }, default: [...defaultPorts], description };
}

/**
 * The ports of a port-list setting: the integers 0–65535 (with `numericStrings`, also strings
 * such as `"8080"`); anything else is skipped, and a value that is not a list gives none.
 */
export function portList(value: unknown, options: { numericStrings?: boolean } = {}): number[] {
    if (!Array.isArray(value)) {
        return [];
    }
    return value
        .map((v) => (options.numericStrings && typeof v === "string" && v.trim() !== "" ? Number(v) : v))
        .filter((v): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 65535);
}

/** `22/tcp`: a port and one protocol, as in /etc/services. */
const PORT_PROTOCOL_ENTRY = /^\s*(\d{1,5})\s*\/\s*(tcp|udp|sctp)\s*$/i;

/**
 * The schema of a `sensitivePorts` setting: each entry is a port (an integer: sensitive on the
 * protocols of its standard assignment, see {@link STANDARD_SERVICES}, or on every protocol for
 * other ports) or a `"<port>/<protocol>"` string (`"53/udp"`) that names the protocol.
 */
export function sensitivePortsSchema(description: string, defaults: readonly number[] = DEFAULT_SENSITIVE_PORTS): ConfigProperty {
    return {
        type: "array",
        items: { anyOf: [{ type: "integer", minimum: 0, maximum: 65535 }, { type: "string", pattern: "^[0-9]{1,5}/(tcp|udp|sctp)$" }] },
        default: [...defaults],
        description: `${description} Each entry is a port (sensitive on the protocols of its standard assignment: SSH 22 on TCP, RDP 3389 on TCP and UDP; other ports on every protocol) or "<port>/<protocol>" (tcp, udp or sctp), e.g. "53/udp".`,
    } as ConfigProperty;
}

/**
 * The sensitive ports of a setting (see {@link sensitivePortsSchema}): integers and `port/protocol`
 * strings (with `numericStrings`, also `"8080"`), one entry per port with its protocols merged.
 * Wrong-typed and out-of-range entries are skipped; a value that is not a list gives none.
 */
export function sensitivePortList(value: unknown, options: { numericStrings?: boolean } = {}): SensitivePort[] {
    if (!Array.isArray(value)) {
        return [];
    }
    const merged = new Map<number, Set<PortProtocol>>();
    const add = (port: number, protocols: readonly PortProtocol[]) => {
        const set = merged.get(port) ?? new Set<PortProtocol>();
        protocols.forEach((p) => set.add(p));
        merged.set(port, set);
    };
    for (const v of value) {
        const m = typeof v === "string" ? PORT_PROTOCOL_ENTRY.exec(v) : null;
        if (m) {
            const port = Number(m[1]);
            if (port <= 65535) {
                add(port, [m[2].toLowerCase() as PortProtocol]);
            }
            continue;
        }
        const [port] = portList([v], options);
        if (port !== undefined) {
            add(port, STANDARD_SERVICES.get(port)?.protocols ?? PORT_PROTOCOLS);
        }
    }
    return [...merged].map(([port, protocols]) => ({ port, protocols: PORT_PROTOCOLS.filter((p) => protocols.has(p)) }));
}

/**
 * Reads a rule's `sensitivePorts` setting (see {@link sensitivePortsSchema}): the configured list,
 * or `defaults` when it is missing or not a list; invalid entries are skipped.
 */
export function sensitivePortsOf(
    args: { getConfig<C extends object>(): C },
    defaults: readonly number[] = DEFAULT_SENSITIVE_PORTS,
    options: { numericStrings?: boolean } = {},
): SensitivePort[] {
    return sensitivePortList(configOf(args, { sensitivePorts: [...defaults] as unknown[] }).sensitivePorts, options);
}

/** A sensitive port as given to {@link sensitiveExposure}: a port (standard protocols) or a port with protocols. */
export type SensitivePortLike = number | SensitivePort;

function asSensitive(p: SensitivePortLike): SensitivePort {
    return typeof p === "number" ? { port: p, protocols: STANDARD_SERVICES.get(p)?.protocols ?? PORT_PROTOCOLS } : p;
}

/**
 * Whether traffic of `protocol` (normalised, see {@link normaliseProtocol}) reaches a sensitive
 * port: "all" and an unreadable protocol (undefined, the safe side) reach every protocol.
 */
export function protocolReaches(protocol: string | undefined, port: SensitivePortLike): boolean {
    return protocol === undefined || protocol === "all" || (asSensitive(port).protocols as readonly string[]).includes(protocol);
}

/** The name of the service of a port, for messages: `22 (SSH)`. */
export function portLabel(port: number): string {
    const service = STANDARD_SERVICES.get(port);
    return service ? `${port} (${service.name})` : String(port);
}

/** The ports of `sensitive` that fall in `range` and that `protocol` reaches. */
export function sensitivePortsIn(range: PortRange, sensitive: readonly SensitivePortLike[], protocol?: string): number[] {
    return sensitive
        .map(asSensitive)
        .filter((p) => p.port >= range.from && p.port <= range.to && protocolReaches(protocol, p))
        .map((p) => p.port);
}

/** What the ports of one ingress rule expose. */
export interface SensitiveExposure {
    /** The sensitive ports that the ranges open, ascending, each once. */
    ports: number[];
    /** The ranges that open at least one sensitive port, in their order. */
    ranges: PortRange[];
    /** Whether a range opens every port. */
    allPorts: boolean;
}

/**
 * Which sensitive ports an ingress rule opens, given its protocol (normalised, see
 * {@link normaliseProtocol}; a protocol without ports opens none; a port is sensitive only on the
 * protocols it covers) and its port ranges. The same verdict for an AWS security group rule, an
 * Azure NSG rule and a GCP firewall allow entry: each pack parses its own shape and checks its own
 * internet sources first, so the ports of a rule that the internet cannot reach are never read.
 */
export function sensitiveExposure(protocol: string | undefined, ranges: readonly PortRange[], sensitive: readonly SensitivePortLike[]): SensitiveExposure {
    if (!protocolHasPorts(protocol)) {
        return { ports: [], ranges: [], allPorts: false };
    }
    const ports = new Set<number>();
    const hit: PortRange[] = [];
    for (const range of ranges) {
        const inRange = sensitivePortsIn(range, sensitive, protocol);
        inRange.forEach((p) => ports.add(p));
        if (inRange.length > 0) {
            hit.push(range);
        }
    }
    return { ports: [...ports].sort((a, b) => a - b), ranges: hit, allPorts: ranges.some(isAllPorts) };
}

// ------------------------------------------------------------------------------------------------
// The internet, split into pieces: unions of sources across the rules that reach the same ports
// ------------------------------------------------------------------------------------------------

/** The settings that say when sources count as the internet, for a rule's `configSchema`. */
export function internetThresholdSchema(): Record<string, ConfigProperty> {
    return {
        internetIpv4PrefixLength: {
            type: "integer",
            minimum: 0,
            maximum: 32,
            default: 0,
            description:
                "IPv4 sources that reach the same ports count as the internet when, together, they hold at least as many addresses as a block of this prefix length. 0: only a union covering all of 0.0.0.0/0 (however it is split up); 1: half of it, and so on.",
        },
        internetIpv6PrefixLength: {
            type: "integer",
            minimum: 0,
            maximum: 128,
            default: 0,
            description: "The same for IPv6 sources: 0 counts only a union covering all of ::/0.",
        },
    };
}

/** A rule's internet threshold (see {@link internetThresholdSchema}). */
export function internetThresholdOf(args: { getConfig<C extends object>(): C }): InternetThreshold {
    const c = configOf(args, { internetIpv4PrefixLength: 0, internetIpv6PrefixLength: 0 });
    const clamp = (v: number, max: number) => (Number.isInteger(v) && v >= 0 && v <= max ? v : 0);
    return { ipv4PrefixLength: clamp(c.internetIpv4PrefixLength, 32), ipv6PrefixLength: clamp(c.internetIpv6PrefixLength, 128) };
}

/** The address ranges of source values (CIDRs, bare addresses, and the words that mean "anywhere"). */
export function sourceRanges(sources: readonly unknown[]): AddressRange[] {
    const out: AddressRange[] = [];
    for (const s of sources) {
        if (typeof s !== "string") {
            continue;
        }
        if (INTERNET_WORDS.includes(s.trim().toLowerCase()) && parseCidr(s) === undefined) {
            out.push(wholeFamily(4), wholeFamily(6));
            continue;
        }
        const range = addressRange(s);
        if (range) {
            out.push(range);
        }
    }
    return out;
}

/** Whether `sources` (CIDRs, addresses or "anywhere" words), taken together, count as the internet. */
export function coversInternet(sources: readonly unknown[], threshold: InternetThreshold = WHOLE_INTERNET): boolean {
    return internetFamilies(sourceRanges(sources), threshold).length > 0;
}

/** One rule (or entry) that lets traffic in: from where, with which protocol, to which ports. */
export interface Grant {
    /** Where it is written, for messages (`ingress[1]`, `security rule "ssh"`, `rule "web-in"`). */
    where: string;
    /** The sources as written (CIDRs, addresses, "anywhere" words). */
    sources: readonly string[];
    /** The normalised protocol (see {@link normaliseProtocol}); undefined when unreadable (every protocol). */
    protocol: string | undefined;
    /** The port ranges it opens (ignored for protocols without ports). */
    ranges: readonly PortRange[];
}

/** Where the union of several grants lets the internet in: a protocol and the ports of it. */
export interface UnionExposure {
    /** `tcp`, `udp`, `sctp`, or a protocol without ports (`icmp`, `50`, …; "all" for the others). */
    protocol: string;
    /** The port runs the internet reaches (a protocol without ports: none, see `portless`). */
    runs: PortRange[];
    /** For a protocol without ports: the internet reaches it. */
    portless: boolean;
    /** The grants that take part, in their order. */
    grants: Grant[];
}

/**
 * What the union of `grants` lets in from the internet, per protocol: for each of TCP, UDP and SCTP
 * the ports on which the sources of the grants that open them together count as the internet (a
 * grant of every protocol counts for each), and each protocol without ports that the union
 * reaches. `0.0.0.0/1` in one entry and `128.0.0.0/1` in another, both on TCP 22, reach TCP 22
 * from the whole internet.
 */
export function unionExposure(grants: readonly Grant[], threshold: InternetThreshold = WHOLE_INTERNET): UnionExposure[] {
    const withSources = grants.map((g) => ({ g, sources: sourceRanges(g.sources) })).filter((x) => x.sources.length > 0);
    const everything = (p: string | undefined) => p === undefined || p === "all";
    const out: UnionExposure[] = [];
    for (const protocol of PORT_PROTOCOLS) {
        const mine = withSources.filter(({ g }) => everything(g.protocol) || g.protocol === protocol);
        const reach = internetReach(
            mine.flatMap(({ g, sources }) => (everything(g.protocol) ? [ALL_PORTS] : g.ranges).map((ports) => ({ ports, sources }))),
            threshold,
        );
        if (reach.length > 0) {
            const runs = mergeRuns(reach);
            const used = mine.filter(({ g }) => (everything(g.protocol) ? [ALL_PORTS] : g.ranges).some((r) => runs.some((run) => r.from <= run.to && run.from <= r.to)));
            out.push({ protocol, runs, portless: false, grants: used.map(({ g }) => g) });
        }
    }
    const portless = new Set(withSources.map(({ g }) => g.protocol).filter((p): p is string => p !== undefined && !protocolHasPorts(p)));
    for (const protocol of [...portless, "all"]) {
        const mine = withSources.filter(({ g }) => everything(g.protocol) || g.protocol === protocol);
        if (mine.length > 0 && internetFamilies(mine.flatMap((x) => x.sources), threshold).length > 0) {
            out.push({ protocol, runs: [], portless: true, grants: mine.map(({ g }) => g) });
        }
    }
    return out;
}

/** The runs of both families merged into one ascending list of port runs. */
function mergeRuns(runs: readonly PortRange[]): PortRange[] {
    const sorted = [...runs].sort((a, b) => a.from - b.from);
    const out: PortRange[] = [];
    for (const r of sorted) {
        const last = out[out.length - 1];
        if (last && r.from <= last.to + 1) {
            last.to = Math.max(last.to, r.to);
        } else {
            out.push({ from: r.from, to: r.to });
        }
    }
    return out;
}

/** The sensitive ports a {@link UnionExposure} reaches (its protocol must cover them). */
export function sensitiveReached(exposure: UnionExposure, sensitive: readonly SensitivePortLike[]): number[] {
    if (exposure.portless) {
        return [];
    }
    return [...new Set(exposure.runs.flatMap((run) => sensitivePortsIn(run, sensitive, exposure.protocol)))].sort((a, b) => a - b);
}

/** Whether a {@link UnionExposure} reaches every port of its protocol. */
export function reachesAllPorts(exposure: UnionExposure): boolean {
    return !exposure.portless && exposure.runs.some(isAllPorts);
}

/** The sources of some grants for messages: each grant's sources and where it is, at most `limit` grants. */
export function describeGrants(grants: readonly Grant[], limit = 4): string {
    const shown = grants.slice(0, limit).map((g) => `${g.sources.slice(0, 4).join(", ")}${g.sources.length > 4 ? ", …" : ""} (${g.where})`);
    return `${shown.join("; ")}${grants.length > limit ? `; and ${grants.length - limit} more` : ""}`;
}

/** The single source ranges broader than a prefix length (the advisory "broad source" rules). */
export function broadSources(sources: readonly unknown[], minimum: { ipv4: number; ipv6: number }): string[] {
    return sources.filter((s): s is string => {
        if (typeof s !== "string") {
            return false;
        }
        const cidr = parseCidr(s);
        if (cidr) {
            return cidr.prefixLength < (cidr.version === 4 ? minimum.ipv4 : minimum.ipv6);
        }
        return INTERNET_WORDS.includes(s.trim().toLowerCase()) && (minimum.ipv4 > 0 || minimum.ipv6 > 0);
    });
}

/** The settings of the advisory "broad source" rules. */
export function broadSourceSchema(): Record<string, ConfigProperty> {
    return {
        minimumPrefixLength: {
            type: "integer",
            minimum: 0,
            maximum: 32,
            default: 8,
            description: "Report any single IPv4 source range broader than this prefix length (8: a /7 or wider, 0.0.0.0/1 included). 0 turns the IPv4 check off.",
        },
        minimumIpv6PrefixLength: {
            type: "integer",
            minimum: 0,
            maximum: 128,
            default: 32,
            description: "Report any single IPv6 source range broader than this prefix length (32: a /31 or wider). 0 turns the IPv6 check off.",
        },
    };
}

/** The prefix lengths of a broad-source rule (see {@link broadSourceSchema}). */
export function broadSourceLimits(args: { getConfig<C extends object>(): C }): { ipv4: number; ipv6: number } {
    const c = configOf(args, { minimumPrefixLength: 8, minimumIpv6PrefixLength: 32 });
    const clamp = (v: number, max: number, d: number) => (Number.isInteger(v) && v >= 0 && v <= max ? v : d);
    return { ipv4: clamp(c.minimumPrefixLength, 32, 8), ipv6: clamp(c.minimumIpv6PrefixLength, 128, 32) };
}

/** What the union of several entries adds to what each entry shows on its own. */
export interface UnionFinding {
    exposure: UnionExposure;
    /** Sensitive ports the union reaches that no single entry was reported for. */
    ports: number[];
    /** Whether the union reaches every port of the protocol, and no single entry was reported for that. */
    allPorts: boolean;
}

/**
 * The sensitive-port verdict of one resource's ingress entries (or one security group's rules),
 * shared by the AWS, Azure and Google Cloud rules: each entry whose own sources count as the
 * internet is judged and reported on its own, as before; then the union of all the entries is
 * judged per protocol and port, and what it adds (ports that only the entries together open to the
 * whole internet) is reported once, naming the entries.
 */
export class SensitiveIngress {
    private readonly explained = new Set<string>();

    constructor(
        public readonly sensitive: readonly SensitivePortLike[],
        public readonly threshold: InternetThreshold = WHOLE_INTERNET,
    ) {}

    /** Whether these sources alone count as the internet. */
    public isInternet(sources: readonly unknown[]): boolean {
        return coversInternet(sources, this.threshold);
    }

    /** Judges one entry alone (its sources count as the internet) and remembers what it is reported for. */
    public single(protocol: string | undefined, ranges: readonly PortRange[]): SensitiveExposure {
        const exposure = sensitiveExposure(protocol, ranges, this.sensitive);
        const protocols = protocol === undefined || protocol === "all" ? PORT_PROTOCOLS : [protocol];
        for (const p of protocols) {
            exposure.ports.forEach((port) => this.explained.add(`${p}/${port}`));
            if (exposure.allPorts) {
                this.explained.add(`${p}/*`);
            }
        }
        return exposure;
    }

    /** Remembers that an entry was reported for every port of every protocol (ports that cannot be read). */
    public explainAll(): void {
        PORT_PROTOCOLS.forEach((p) => this.explained.add(`${p}/*`));
    }

    /** What the union of `grants` adds to the single verdicts, per protocol with ports. */
    public union(grants: readonly Grant[], options: { allPortsCount?: boolean } = {}): UnionFinding[] {
        if (grants.length < 2 || !coversInternet(grants.flatMap((g) => g.sources), this.threshold)) {
            return [];
        }
        const out: UnionFinding[] = [];
        for (const exposure of unionExposure(grants, this.threshold)) {
            if (exposure.portless) {
                continue;
            }
            const whole = this.explained.has(`${exposure.protocol}/*`);
            const ports = whole ? [] : sensitiveReached(exposure, this.sensitive).filter((p) => !this.explained.has(`${exposure.protocol}/${p}`));
            const allPorts = (options.allPortsCount ?? true) && !whole && reachesAllPorts(exposure);
            if (ports.length > 0 || allPorts) {
                out.push({ exposure, ports, allPorts });
                ports.forEach((port) => this.explained.add(`${exposure.protocol}/${port}`));
                if (allPorts) {
                    this.explained.add(`${exposure.protocol}/*`);
                }
            }
        }
        return out;
    }
}

/** The message part for what a union reaches: `TCP all ports` or `TCP 22 (SSH), 3389 (RDP)`. */
export function describeUnionFinding(f: UnionFinding): string {
    return `${f.exposure.protocol.toUpperCase()} ${f.allPorts ? "all ports" : f.ports.map(portLabel).join(", ")}`;
}
