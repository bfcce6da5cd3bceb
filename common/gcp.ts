/**
 * Google Cloud names and references as Google Cloud writes them, shared by the components (which
 * validate arguments) and the policy packs (which judge resources), so the two read a self link,
 * a region or a project id the same way.
 *
 * This room is cloud-neutral in what it imports: no cloud SDK, no component and no pack.
 */
import { beforeAny, trimTrailing } from "./text";

/** A Google Cloud resource reference, parsed. Missing parts are undefined. */
export interface GcpRef {
    project?: string;
    /** Region, zone, or "global". */
    location?: string;
    /** Collection, e.g. "subnetworks", "serviceAttachments", "managedZones". */
    collection?: string;
    name: string;
}

/**
 * Parses the forms in which Google Cloud (and the provider) accept a reference:
 * `https://www.googleapis.com/compute/v1/projects/p/regions/r/subnetworks/n` (also `beta`,
 * `compute.googleapis.com`, `//compute.googleapis.com/...`), `projects/p/regions/r/subnetworks/n`,
 * `regions/r/subnetworks/n`, `projects/p/global/networks/n`, `projects/p/managedZones/z`, and a
 * bare name `n`. Returns undefined for anything else.
 */
export function parseGcpRef(value: unknown): GcpRef | undefined {
    if (typeof value !== "string") {
        return undefined;
    }
    let v = value.trim();
    if (v === "") {
        return undefined;
    }
    if (/^(?:https?:)?\/\//i.test(v)) {
        // Full URL: drop the host and the API path (`compute/v1/`, `dns/v1/`, `compute/beta/`).
        v = v.replace(/^(?:https?:)?\/\/[^/]+\//i, "");
        v = v.replace(/^[a-z]+\/(?:v\d+(?:beta\d*)?|beta|alpha)\//i, "");
    }
    // Linear-time cuts: `/[?#].*$/` and `/\/+$/` are quadratic on long runs of `?` or `/`.
    v = trimTrailing(beforeAny(v, "?#"), "/");
    const seg = v.split("/");
    if (seg.some((s) => s === "")) {
        return undefined;
    }
    if (seg.length === 1) {
        return { name: seg[0] };
    }
    const ref: Partial<GcpRef> = {};
    let rest = seg;
    if (rest[0] === "projects") {
        ref.project = rest[1];
        rest = rest.slice(2);
    }
    if (rest.length >= 2 && ["regions", "zones", "locations"].includes(rest[0])) {
        ref.location = rest[1];
        rest = rest.slice(2);
    } else if (rest[0] === "global") {
        ref.location = "global";
        rest = rest.slice(1);
    }
    if (rest.length !== 2) {
        return undefined;
    }
    return { ...ref, collection: rest[0], name: rest[1] };
}

/** The base of Compute Engine self links, which the API returns and diffs against. */
export const COMPUTE_API_BASE = "https://www.googleapis.com/compute/v1";

/**
 * The full self link of a Compute Engine reference that names its project
 * (`https://www.googleapis.com/compute/v1/projects/p/global/networks/n`), or undefined when the
 * reference leaves out its project or collection. Google Cloud answers with this form, so a
 * value written in it never shows a diff against what the API returns.
 */
export function computeSelfLink(value: unknown): string | undefined {
    const ref = parseGcpRef(value);
    if (!ref || ref.project === undefined || ref.collection === undefined || ref.location === undefined) {
        return undefined;
    }
    const where = ref.location === "global" ? "global" : `${isGcpZone(ref.location) ? "zones" : "regions"}/${ref.location}`;
    return `${COMPUTE_API_BASE}/projects/${ref.project}/${where}/${ref.collection}/${ref.name}`;
}

/** The shape of a region name: `us-central1`, `europe-west3`, `northamerica-northeast1`. */
export const GCP_REGION_PATTERN = /^[a-z]+-[a-z]+[0-9]{1,2}$/;
/** The shape of a zone name: a region and a one-letter suffix, `europe-west3-a`. */
export const GCP_ZONE_PATTERN = /^[a-z]+-[a-z]+[0-9]{1,2}-[a-z]$/;

/** Whether `text` is shaped like a Google Cloud region (`europe-west3`). */
export function isGcpRegion(text: unknown): text is string {
    return typeof text === "string" && text.length <= 40 && GCP_REGION_PATTERN.test(text);
}

/** Whether `text` is shaped like a Google Cloud zone (`europe-west3-a`), which is not a region. */
export function isGcpZone(text: unknown): text is string {
    return typeof text === "string" && text.length <= 42 && GCP_ZONE_PATTERN.test(text);
}

/**
 * Whether `text` is a Compute Engine resource name (RFC 1035): 1–63 characters, lower-case
 * letters, digits and hyphens, starting with a letter and not ending with a hyphen.
 */
export function isGcpResourceName(text: unknown): text is string {
    return typeof text === "string" && /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/.test(text);
}

/**
 * Whether `text` is a project id: 6–30 lower-case letters, digits and hyphens, starting with a
 * letter and not ending with a hyphen; or a legacy domain-scoped id (`example.com:my-project`).
 */
export function isGcpProjectId(text: unknown): text is string {
    if (typeof text !== "string") {
        return false;
    }
    const id = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
    const colon = text.lastIndexOf(":");
    return colon === -1 ? id.test(text) : /^[a-z0-9.-]{1,63}$/.test(text.slice(0, colon)) && id.test(text.slice(colon + 1));
}

/** Whether `text` is a project number: digits only, as Google Cloud writes it (`123456789012`). */
export function isGcpProjectNumber(text: unknown): text is string {
    return typeof text === "string" && /^[1-9][0-9]{0,19}$/.test(text);
}

/**
 * The source ranges of Google Cloud's load-balancer health checks (and of the Envoy proxies of
 * the proxy load balancers' health checks). Backends behind an internal load balancer must admit
 * them on the health-check port.
 */
export const GCP_HEALTH_CHECK_RANGES: readonly string[] = ["35.191.0.0/16", "130.211.0.0/22"];

/** The Google API bundles a global Private Service Connect endpoint can target. */
export const GOOGLE_API_BUNDLES: readonly string[] = ["all-apis", "vpc-sc"];
