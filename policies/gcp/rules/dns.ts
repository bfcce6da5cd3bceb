/**
 * Stack rule for the Cloud DNS zones of Private Service Connect.
 *
 * A `gcp.dns.ManagedZone` is a PSC zone when any of these holds:
 * 1. it was created inside a privatelink component (its URN's type chain has `privatelink:index:`);
 * 2. its `dnsName` is, or ends in, one of `pscDnsSuffixes` (default: the Google API domains
 *    `googleapis.com.`, `gcr.io.`, `pkg.dev.`, which only make sense as private zones);
 * 3. a `gcp.dns.RecordSet` of the zone (linked by `managedZone`: name, id or property dependency)
 *    points at a PSC endpoint: its `rrdatas` depend on a PSC endpoint or on the `Address` /
 *    `GlobalAddress` it uses, or list one of the endpoint's known IPs. PSC endpoints are
 *    `ForwardingRule`s targeting a service attachment and `GlobalForwardingRule`s targeting
 *    `all-apis` / `vpc-sc`.
 *
 * A PSC zone must be private (`visibility: "private"`, case as GCP writes it) and visible to at
 * least one network or GKE cluster: a public zone publishes the private endpoint IPs, and a
 * private zone bound to no network lets clients resolve the public names and leave over the
 * internet.
 */
import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import {
    arr,
    configOf,
    containsUnknown,
    framework,
    isComponentChild,
    knownStrings,
    rawGet,
    ReferenceMap,
    referenceMap,
    StackIndex,
    stackIndex,
    str,
    strings,
    trimLeading,
    UnknownParts,
} from "../../core";
import { normalizeDnsName } from "../../../common/dns";
import { addressCandidates, displayName, endpointAddresses, gcpCandidates, isPscEndpoint, T } from "./util";

/** Default of `pscDnsSuffixes`: the zones of the Google APIs endpoint presets. */
export const DEFAULT_PSC_DNS_SUFFIXES = ["googleapis.com.", "gcr.io.", "pkg.dev."];

/** Lower case with a trailing dot, as Cloud DNS writes names (the common DNS-name normaliser, plus the dot). */
function fqdn(name: string): string {
    return `${normalizeDnsName(name.trim())}.`;
}

/** Whether `dnsName` is `suffix` or a subdomain of it. */
export function inDomain(dnsName: string, suffix: string): boolean {
    const d = fqdn(dnsName);
    const s = trimLeading(fqdn(suffix), ".");
    return s !== "" && s !== "." && (d === s || d.endsWith(`.${s}`));
}

/** Why a zone is not acceptable for PSC, or undefined when it is private and bound to networks. */
function problemOf(zone: PolicyResource): string | undefined {
    const visibility = str(zone.props, "visibility");
    if (visibility !== "private") {
        return visibility === undefined ? "is public (visibility defaults to public)" : `has visibility "${visibility}"`;
    }
    const networks = arr(zone.props, "privateVisibilityConfig.networks").length;
    const clusters = arr(zone.props, "privateVisibilityConfig.gkeClusters").length;
    return networks + clusters === 0 ? "is private but visible to no network (privateVisibilityConfig.networks is empty)" : undefined;
}

/**
 * The PSC endpoints of a stack and everything a DNS record may point at to reach them. An
 * endpoint or address that cannot be read in preview is left out, and its unknown read kept in
 * `parts`: a record may point at it.
 */
function pscTargets(ix: StackIndex, parts: UnknownParts) {
    const related = new Map<string, PolicyResource>();
    const ips = new Map<string, PolicyResource>();
    const addresses = addressCandidates(ix);
    for (const e of ix.ofType(T.forwardingRule, T.globalForwardingRule)) {
        parts.run(() => {
            if (!isPscEndpoint(e)) {
                return;
            }
            related.set(e.urn, e);
            const { addresses: used, ips: known } = endpointAddresses(e, addresses);
            used.forEach((a) => related.set(a.urn, e));
            known.forEach((ip) => ips.set(ip, e));
        });
    }
    return { related, ips };
}

/** The endpoint a record points at, if any. */
function endpointOfRecord(record: PolicyResource, targets: ReturnType<typeof pscTargets>): PolicyResource | undefined {
    const deps = record.propertyDependencies?.rrdatas ?? [];
    for (const d of deps) {
        const e = targets.related.get(d.urn);
        if (e) {
            return e;
        }
    }
    const raw = rawGet(record.props, "rrdatas");
    if (containsUnknown(raw) && deps.length === 0) {
        void strings(record.props, "rrdatas"); // raises the SDK's "unknown during preview" error
    }
    for (const value of knownStrings(raw)) {
        const e = targets.ips.get(value.trim());
        if (e) {
            return e;
        }
    }
    return undefined;
}

/** Zones serving Private Service Connect endpoints are private and bound to networks. */
export const dnsZonePrivate: StackValidationPolicy = {
    name: "dns-zone-private",
    description:
        'Checks whether Cloud DNS zones for Private Service Connect (created by a privatelink component, named under pscDnsSuffixes, or holding records that point at a PSC endpoint) are private (visibility "private") and visible to at least one network.',
    enforcementLevel: "mandatory",
    severity: "high",
    framework: framework(
        "Google Cloud documentation",
        "PSC endpoint DNS: private zone",
        "DNS for Private Service Connect endpoints is configured in Cloud DNS private zones bound to the consumer VPC networks.",
    ),
    url: "https://cloud.google.com/vpc/docs/configure-private-service-connect-services",
    remediationSteps:
        'Create the zone with visibility: "private" and privateVisibilityConfig.networks listing the consumer networks (visibility cannot change in place: replace the zone). GcpPrivateDnsZone and the endpoint components create private zones by default.',
    configSchema: {
        properties: {
            pscDnsSuffixes: {
                type: "array",
                items: { type: "string" },
                default: DEFAULT_PSC_DNS_SUFFIXES,
                description: "DNS names whose zones (the name itself or any subdomain) always count as PSC zones, e.g. [\"googleapis.com.\", \"svc.internal.\"].",
            },
        },
    },
    validateStack: (args, report) => {
        const ix = stackIndex(args);
        const zones = ix.ofType(T.managedZone);
        if (zones.length === 0) {
            args.notApplicable("no Cloud DNS zones in the stack");
        }
        const config = configOf(args, { pscDnsSuffixes: DEFAULT_PSC_DNS_SUFFIXES });
        const suffixes = config.pscDnsSuffixes.filter((s): s is string => typeof s === "string" && s.trim() !== "");
        // Relationships are resolved once, and only when a non-compliant zone needs classifying.
        let recordsOf: ReferenceMap | undefined;
        let targets: ReturnType<typeof pscTargets> | undefined;
        const unresolved = new UnknownParts();
        const parts = new UnknownParts();

        for (const zone of zones) {
            parts.run(() => {
                const problem = problemOf(zone);
                if (problem === undefined) {
                    return;
                }
                let reason: string | undefined;
                const dnsName = str(zone.props, "dnsName");
                const suffix = dnsName === undefined ? undefined : suffixes.find((s) => inDomain(dnsName, s));
                if (isComponentChild(zone.urn)) {
                    reason = "created by a privatelink component";
                } else if (suffix !== undefined) {
                    reason = `its name is under ${fqdn(suffix)}`;
                } else {
                    recordsOf ??= referenceMap(ix.ofType(T.recordSet), "managedZone", gcpCandidates(zones, "managedZones"));
                    targets ??= pscTargets(ix, unresolved);
                    const local = new UnknownParts();
                    for (const record of recordsOf.referrersOf(zone)) {
                        const endpoint = local.run(() => endpointOfRecord(record, targets!));
                        if (endpoint) {
                            reason = `record "${displayName(record.props, record.name)}" points at PSC endpoint "${displayName(endpoint.props, endpoint.name)}"`;
                            break;
                        }
                    }
                    if (reason === undefined) {
                        // A record whose zone, or an endpoint whose target, is undecided may be the one.
                        local.finish();
                        recordsOf.throwIfUnknown();
                        unresolved.finish();
                    }
                }
                if (reason !== undefined) {
                    report(`DNS zone "${displayName(zone.props, zone.name)}"${dnsName ? ` (${dnsName})` : ""} serves Private Service Connect (${reason}) but ${problem}; make it private and bind the consumer networks.`, zone.urn);
                }
            });
        }
        parts.finish();
    },
};
