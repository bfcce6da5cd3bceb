/**
 * Address and port semantics as the clouds apply them. CIDR parsing comes from the cloud-neutral
 * `common/network.ts` that the components validate with too, so that a component's validation and
 * a policy's verdict can never disagree.
 */
import { PolicyConfigSchema } from "@pulumi/policy";
import { isWholeInternet, parseCidr, parsePortRange, PortRange } from "../../common/network";
import { configOf } from "./policy";

export { isWholeInternet, parseCidr, parsePortRange, PortRange };

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
    const a = typeof from === "string" && from.trim() !== "" ? Number(from) : from;
    const b = to === undefined ? a : typeof to === "string" && to.trim() !== "" ? Number(to) : to;
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

/** The ports of `sensitive` that fall in `range`. */
export function sensitivePortsIn(range: PortRange, sensitive: readonly number[]): number[] {
    return sensitive.filter((p) => p >= range.from && p <= range.to);
}

/** Renders a range for messages: `22`, `8000-8080`, `all ports`. */
export function describeRange(range: PortRange): string {
    if (isAllPorts(range)) {
        return "all ports";
    }
    return range.from === range.to ? String(range.from) : `${range.from}-${range.to}`;
}

/** The default sensitive ports: SSH, RDP and the common database and admin ports. */
export const DEFAULT_SENSITIVE_PORTS = [22, 3389, 23, 445, 1433, 3306, 5432, 6379, 9200, 27017];

/** The JSON schema of one configuration property. */
type ConfigProperty = PolicyConfigSchema["properties"][string];

/** The schema of a port-list setting (`sensitivePorts`, `allowedPorts`): integers 0–65535. */
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

/** The `sensitivePorts` setting of a public-ingress rule, with the pack's default list. */
export function sensitivePortsSchema(description: string, defaults: readonly number[] = DEFAULT_SENSITIVE_PORTS): ConfigProperty {
    return portListSchema(defaults, description);
}

/**
 * Reads a rule's `sensitivePorts` setting (see {@link sensitivePortsSchema}): the configured list,
 * or `defaults` when it is missing or not a list; invalid entries are skipped (see {@link portList}).
 */
export function sensitivePortsOf(
    args: { getConfig<C extends object>(): C },
    defaults: readonly number[] = DEFAULT_SENSITIVE_PORTS,
    options: { numericStrings?: boolean } = {},
): number[] {
    return portList(configOf(args, { sensitivePorts: [...defaults] as unknown[] }).sensitivePorts, options);
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
 * {@link normaliseProtocol}; a protocol without ports opens none) and its port ranges. The same
 * verdict for an AWS security group rule, an Azure NSG rule and a GCP firewall allow entry: each
 * pack parses its own shape and checks its own internet sources first, so the ports of a rule
 * that the internet cannot reach are never read.
 */
export function sensitiveExposure(protocol: string | undefined, ranges: readonly PortRange[], sensitive: readonly number[]): SensitiveExposure {
    if (!protocolHasPorts(protocol)) {
        return { ports: [], ranges: [], allPorts: false };
    }
    const ports = new Set<number>();
    const hit: PortRange[] = [];
    for (const range of ranges) {
        const inRange = sensitivePortsIn(range, sensitive);
        inRange.forEach((p) => ports.add(p));
        if (inRange.length > 0) {
            hit.push(range);
        }
    }
    return { ports: [...ports].sort((a, b) => a - b), ranges: hit, allPorts: ranges.some(isAllPorts) };
}
