/**
 * `GcpGoogleApisEndpoint` gives a VPC network private access to Google APIs through a Private
 * Service Connect endpoint: a global internal address of purpose PRIVATE_SERVICE_CONNECT, a
 * global forwarding rule that targets a bundle of Google APIs (`all-apis` or `vpc-sc`), and the
 * private DNS zones that send the APIs' names to it.
 *
 * The graph, with the optional parts in brackets:
 *
 *   address → endpoint
 *   [zone-googleapis-com → record-googleapis-com-private-a, record-googleapis-com-wildcard-cname]
 *   [zone-p-googleapis-com → record-p-googleapis-com-wildcard-a]
 *   [zone-<domain> → record-<domain>-apex-a, record-<domain>-wildcard-cname …]
 */
import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/gcp/compute";
import {
    childName,
    cidrContains,
    isDnsName,
    isKnown,
    mergeLabels,
    normalizeDnsName,
    parseCidr,
    requireArray,
    requireBoolean,
    requireEntryKeys,
    requireInteger,
    requireObject,
    requireOneOf,
    requireString,
    requireValue,
    startValidation,
    typeToken,
    Validator,
} from "../core";
import { createPrivateZone, createRecordSet, DEFAULT_RECORD_TTL, fqdn, GcpDnsRecordType, recordSetKey, validateZoneNetworks } from "./dns";
import { NETWORK_REF, requireAutonameFits, requireGcpComponentName, requireGcpProject, requireGcpRef, requireGcpRegion, validateGcpLabels } from "./validation";

const COMPONENT = "GcpGoogleApisEndpoint";

/** The bundle of Google APIs an endpoint reaches. */
export enum GcpGoogleApisBundle {
    /** Most Google APIs, whether or not VPC Service Controls protects them (like private.googleapis.com). */
    AllApis = "all-apis",
    /** Only the APIs VPC Service Controls protects (like restricted.googleapis.com): for networks inside a perimeter. */
    VpcSc = "vpc-sc",
}

/**
 * Google domains besides `googleapis.com` that the endpoint can serve, each with a private zone
 * whose apex and wildcard point at the endpoint: the container and package registries first
 * (the default), then the names Cloud Foundation Fabric's DNS response policy sends to Google's
 * private range. Spread it into `dns.extraDomains` to serve them all.
 */
export const GOOGLE_APIS_EXTRA_DOMAINS: readonly string[] = [
    "gcr.io",
    "pkg.dev",
    "packages.cloud.google.com",
    "source.developers.google.com",
    "appengine.google.com",
    "appspot.com",
    "backupdr.cloud.google.com",
    "cloudfunctions.net",
    "cloudproxy.app",
    "composer.cloud.google.com",
    "datafusion.cloud.google.com",
    "dataproc.cloud.google.com",
    "dl.google.com",
    "gke.goog",
    "gstatic.com",
    "ltsapis.goog",
    "notebooks.cloud.google.com",
    "pki.goog",
    "run.app",
    "storage.cloud.google.com",
];

/** The extra domains served unless told otherwise: the registries, as terraform-google-network does. */
export const DEFAULT_GOOGLE_APIS_EXTRA_DOMAINS: readonly string[] = ["gcr.io", "pkg.dev"];

/** Where Service Directory registers the endpoint. Immutable: a change replaces the endpoint. */
export interface GcpGoogleApisServiceDirectoryArgs {
    /**
     * The Service Directory namespace.
     * @default one Google Cloud creates
     */
    namespace?: pulumi.Input<string>;
    /**
     * The region of the Service Directory namespace. Set it where an organization policy limits
     * resource locations: Google Cloud's default is us-central1.
     * @default us-central1
     */
    region?: pulumi.Input<string>;
}

/** The private DNS zones that send Google API names to the endpoint. Each part is optional. */
export interface GcpGoogleApisEndpointDnsArgs {
    /**
     * Whether to create a `googleapis.com.` zone with `private.googleapis.com` (for `all-apis`) or
     * `restricted.googleapis.com` (for `vpc-sc`) pointing at the endpoint, and `*.googleapis.com`
     * as a CNAME to it, so every API's default name reaches the endpoint.
     * @default true
     */
    googleapis?: boolean;
    /**
     * Whether to create a `p.googleapis.com.` zone whose wildcard points at the endpoint (the
     * `<api>-<endpoint>.p.googleapis.com` names). This turns off the zone Google Cloud would
     * create for them automatically (noAutomateDnsZone), which cannot change in place: toggling
     * it replaces the endpoint.
     * @default false (Google Cloud creates the p.googleapis.com names itself)
     */
    pGoogleapis?: boolean;
    /**
     * More Google domains to send to the endpoint, one private zone each with its apex pointing
     * at the endpoint and `*` as a CNAME to the apex (see `GOOGLE_APIS_EXTRA_DOMAINS` for the
     * known ones). Each zone is named after its domain, so adding one never touches the others.
     * @default ["gcr.io", "pkg.dev"]
     */
    extraDomains?: string[];
    /**
     * The networks whose clients resolve the zones, by id or self link. Order does not matter.
     * @default [network]
     */
    networks?: pulumi.Input<string>[];
    /**
     * The records' TTL, in seconds.
     * @default 300
     */
    ttl?: pulumi.Input<number>;
}

/** The arguments of {@link GcpGoogleApisEndpoint}. */
export interface GcpGoogleApisEndpointArgs {
    /** The VPC network, by id or self link. */
    network: pulumi.Input<string>;
    /**
     * The endpoint's internal IPv4 address. It must lie outside every subnet range of the network
     * (and of networks it is peered or connected with): give those ranges in `subnetRanges` to
     * have it checked.
     */
    ipAddress: pulumi.Input<string>;
    /**
     * The IPv4 ranges already used in the network (its subnets, peered and on-premises ranges),
     * which `ipAddress` is checked against.
     * @default [] (no check)
     */
    subnetRanges?: string[];
    /**
     * The endpoint's name: 1–20 lower-case letters and digits, starting with a letter. It appears
     * in the `<api>-<name>.p.googleapis.com` DNS names, and changing it replaces the endpoint.
     * @default the component's name
     */
    endpointName?: string;
    /**
     * The API bundle the endpoint reaches. `vpc-sc` for networks in a VPC Service Controls
     * perimeter; changing it replaces the endpoint.
     * @default all-apis
     */
    bundle?: GcpGoogleApisBundle;
    /**
     * The project of the endpoint and the zones.
     * @default the provider's project
     */
    project?: pulumi.Input<string>;
    /**
     * Register the endpoint in Service Directory in a namespace or region of your choice.
     * Immutable: adding or changing it replaces the endpoint, and removing it keeps the
     * registration until the endpoint is next replaced (the provider keeps a registration it is
     * no longer given).
     * @default Google Cloud's registration in its own namespace in us-central1
     */
    serviceDirectory?: GcpGoogleApisServiceDirectoryArgs;
    /**
     * The private DNS zones to create.
     * @default googleapis.com, gcr.io and pkg.dev zones visible to `network`
     */
    dns?: GcpGoogleApisEndpointDnsArgs;
    /**
     * A description of the address and the forwarding rule.
     * @default "Private Service Connect endpoint for Google APIs <name> (managed by privatelink)"
     */
    description?: pulumi.Input<string>;
    /**
     * Labels for the address, the forwarding rule and the zones, over the component's own
     * `managed-by` and `privatelink-component` labels.
     * @default {}
     */
    labels?: { [key: string]: string };
}

/** One record the component writes. */
interface PlannedRecord {
    /** The absolute name. */
    name: string;
    type: GcpDnsRecordType;
    /** The data, `undefined` meaning the endpoint's address. */
    value?: string;
    key: string;
}

/** One zone the component creates. */
interface PlannedZone {
    key: string;
    dnsName: string;
    records: PlannedRecord[];
}

/** The endpoint name rule: Google Cloud's limit for PSC endpoints to Google APIs. */
const ENDPOINT_NAME = /^[a-z][a-z0-9]{0,19}$/;

/** The zone keys of the dedicated zones, and their domains. */
const RESERVED_ZONE_KEYS: ReadonlyMap<string, string> = new Map([
    ["googleapis-com", "googleapis.com"],
    ["p-googleapis-com", "p.googleapis.com"],
]);

/** Address blocks that can never be an endpoint's internal address. */
const UNUSABLE_RANGES = ["0.0.0.0/8", "127.0.0.0/8", "169.254.0.0/16", "224.0.0.0/4", "240.0.0.0/4"];

/**
 * Validates every plain argument of {@link GcpGoogleApisEndpoint} and throws a `ValidationError`
 * naming the field, the value and the fix. Values that are Outputs are left for Google Cloud to
 * judge.
 *
 * Internal. Exported for testing and for callers that want to check arguments up front.
 */
export function validateGcpGoogleApisEndpointArgs(name: string, args: GcpGoogleApisEndpointArgs): void {
    planZones(name, args);
}

/** Validates the arguments and returns the zones and records the component creates. */
function planZones(name: string, args: GcpGoogleApisEndpointArgs): PlannedZone[] {
    const v: Validator = startValidation(COMPONENT, name, args, "pass an arguments object, e.g. { network: vpc.id, ipAddress: \"10.255.255.254\" }");
    requireGcpComponentName(v, name);
    const a = args as unknown as Record<string, unknown>;

    requireValue(v, "network", a.network, "give the VPC network, e.g. vpc.id");
    requireGcpRef(v, "network", a.network, NETWORK_REF);
    requireGcpProject(v, "project", a.project);

    // The name, checked where it comes from: a default taken from the component's name is
    // reported on endpointName, with the fix of setting it.
    requireString(v, "endpointName", a.endpointName, { nonEmpty: true, expected: 'a name of 1–20 lower-case letters and digits, e.g. "googleapis"' });
    const endpointName = (a.endpointName as string | undefined) ?? name;
    if (!isKnown(endpointName) || !ENDPOINT_NAME.test(endpointName)) {
        v.fail(
            "endpointName",
            endpointName,
            `which is not 1–20 lower-case letters and digits starting with a letter (what Google Cloud allows for an endpoint to Google APIs)${a.endpointName === undefined ? "; it defaults to the component's name" : ""}`,
            'set endpointName to such a name, e.g. "googleapis"',
        );
    }

    // The address: IPv4, internal, outside the network's ranges.
    requireValue(v, "ipAddress", a.ipAddress, 'give an internal IPv4 address outside every subnet of the network, e.g. "10.255.255.254"');
    requireArray(v, "subnetRanges", a.subnetRanges);
    const ranges = (a.subnetRanges as unknown[] | undefined) ?? [];
    ranges.forEach((cidr, i) => {
        if (!isKnown(cidr) || parseCidr(cidr)?.version !== 4) {
            v.fail(`subnetRanges[${i}]`, isKnown(cidr) ? cidr : "<output>", "which is not an IPv4 CIDR block known when the program runs", 'write it as address/prefix, e.g. "10.0.0.0/16"');
        }
    });
    if (isKnown(a.ipAddress)) {
        const ip = a.ipAddress;
        if (typeof ip !== "string" || parseCidr(`${ip}/32`)?.version !== 4) {
            v.fail("ipAddress", ip, "which is not an IPv4 address (endpoints for Google APIs are IPv4)", 'use an internal IPv4 address, e.g. "10.255.255.254"');
        }
        const unusable = UNUSABLE_RANGES.find((r) => cidrContains(r, `${ip}/32`));
        if (unusable !== undefined || ip === "255.255.255.255") {
            v.fail("ipAddress", ip, `which is in ${unusable ?? "the broadcast address"}, not a usable internal address`, 'use an internal address such as "10.255.255.254"');
        }
        ranges.forEach((cidr, i) => {
            if (cidrContains(cidr as string, `${ip}/32`)) {
                v.fail("ipAddress", ip, `which lies in subnetRanges[${i}] (${String(cidr)}), but an endpoint's address must be outside every subnet of the network`, "pick an address outside every subnet range, e.g. from a range no subnet uses");
            }
        });
    }

    requireOneOf(v, "bundle", a.bundle, Object.values(GcpGoogleApisBundle), { mustBeKnown: true });
    if (a.serviceDirectory !== undefined) {
        requireObject(v, "serviceDirectory", a.serviceDirectory, 'pass { region: "europe-west3" }', { mustBeKnown: true });
        const sd = a.serviceDirectory as Record<string, unknown>;
        requireString(v, "serviceDirectory.namespace", sd.namespace, { nonEmpty: true, expected: "a Service Directory namespace name" });
        if (isKnown(sd.namespace) && !/^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/.test(sd.namespace as string)) {
            v.fail("serviceDirectory.namespace", sd.namespace, "which is not a Service Directory namespace name", "use lower-case letters, digits and hyphens, starting with a letter");
        }
        requireGcpRegion(v, "serviceDirectory.region", sd.region);
    }
    requireString(v, "description", a.description, { expected: "a short description of the endpoint" });
    validateGcpLabels(v, "labels", a.labels);
    for (const role of ["address", "endpoint"]) {
        requireAutonameFits(v, "name", name, childName(name, role));
    }

    // DNS.
    if (a.dns !== undefined) {
        requireObject(v, "dns", a.dns, "pass { googleapis: true, extraDomains: [\"gcr.io\"] }", { mustBeKnown: true });
    }
    const d = (a.dns as Record<string, unknown> | undefined) ?? {};
    requireBoolean(v, "dns.googleapis", d.googleapis, { mustBeKnown: true });
    requireBoolean(v, "dns.pGoogleapis", d.pGoogleapis, { mustBeKnown: true });
    requireArray(v, "dns.extraDomains", d.extraDomains);
    const domains = (d.extraDomains as unknown[] | undefined) ?? [...DEFAULT_GOOGLE_APIS_EXTRA_DOMAINS];
    domains.forEach((domain, i) => {
        const field = `dns.extraDomains[${i}]`;
        if (!isKnown(domain) || !isDnsName(domain) || normalizeDnsName(domain).split(".").length < 2) {
            v.fail(field, isKnown(domain) ? domain : "<output>", "which is not a DNS domain of two labels or more known when the program runs", 'use a Google domain such as "gcr.io" or "pkg.dev"');
        }
        const n = normalizeDnsName(domain);
        if (n === "googleapis.com" || n === "p.googleapis.com") {
            v.fail(field, domain, `which has its own option`, n === "googleapis.com" ? "remove it and keep dns.googleapis on" : "remove it and set dns.pGoogleapis: true");
        }
    });
    if (d.networks !== undefined) {
        validateZoneNetworks(v, "dns.networks", d.networks, { required: true });
    }
    requireInteger(v, "dns.ttl", d.ttl, 0, 604800);

    const bundle = (a.bundle as GcpGoogleApisBundle | undefined) ?? GcpGoogleApisBundle.AllApis;
    const zones: PlannedZone[] = [];
    const zone = (key: string, domain: string, records: Array<{ relative: string; type: GcpDnsRecordType; value?: string }>): PlannedZone => ({
        key,
        dnsName: domain,
        records: records.map((r) => ({
            name: r.relative === "@" ? fqdn(domain) : fqdn(`${r.relative}.${domain}`),
            type: r.type,
            value: r.value,
            key: recordSetKey(r.relative, r.type),
        })),
    });
    if (d.googleapis !== false) {
        const host = bundle === GcpGoogleApisBundle.VpcSc ? "restricted" : "private";
        zones.push(
            zone("googleapis-com", "googleapis.com", [
                { relative: host, type: GcpDnsRecordType.A },
                { relative: "*", type: GcpDnsRecordType.CNAME, value: `${host}.googleapis.com.` },
            ]),
        );
    }
    if (d.pGoogleapis === true) {
        zones.push(zone("p-googleapis-com", "p.googleapis.com", [{ relative: "*", type: GcpDnsRecordType.A }]));
    }
    const domainNames = domains.map((domain) => normalizeDnsName(domain as string));
    const keys = requireEntryKeys(v, "dns.extraDomains", domainNames.map((value) => ({ value })), { duplicateFix: "list each domain once" });
    keys.forEach((key, i) => {
        const taken = RESERVED_ZONE_KEYS.get(key);
        if (taken !== undefined) {
            v.fail(`dns.extraDomains[${i}]`, domains[i], `whose zone would be named like the ${taken} zone ("${key}")`, "remove it, or serve that name another way");
        }
        zones.push(
            zone(key, domainNames[i], [
                { relative: "@", type: GcpDnsRecordType.A },
                { relative: "*", type: GcpDnsRecordType.CNAME, value: fqdn(domainNames[i]) },
            ]),
        );
    });
    for (const z of zones) {
        const i = keys.indexOf(z.key);
        requireAutonameFits(v, i === -1 ? "name" : `dns.extraDomains[${i}]`, i === -1 ? name : domains[i], childName(name, "zone", z.key));
    }
    return zones;
}

/**
 * Gives a VPC network private access to Google APIs through a Private Service Connect endpoint.
 *
 * Secure by default: the address is internal and fixed, `loadBalancingScheme` is set to `""` as
 * PSC endpoints need, and every zone is private and visible only to the listed networks, so the
 * APIs' default names resolve to the endpoint inside the network and nowhere else.
 *
 * Children (logical names):
 * - `${name}-address`: the `gcp.compute.GlobalAddress` (INTERNAL, PRIVATE_SERVICE_CONNECT);
 * - `${name}-endpoint`: the `gcp.compute.GlobalForwardingRule` named `endpointName`;
 * - `${name}-zone-<domain>`: one private `gcp.dns.ManagedZone` per served domain, named after it
 *   (`apis-zone-googleapis-com`, `apis-zone-p-googleapis-com`, `apis-zone-gcr-io`);
 * - `${name}-record-<domain>-<record>-<type>`: the zones' `gcp.dns.RecordSet`s
 *   (`apis-record-googleapis-com-private-a`, `apis-record-googleapis-com-wildcard-cname`,
 *   `apis-record-p-googleapis-com-wildcard-a`, `apis-record-gcr-io-apex-a`, `apis-record-gcr-io-wildcard-cname`).
 */
export class GcpGoogleApisEndpoint extends pulumi.ComponentResource {
    /** The global forwarding rule's id. */
    public readonly endpointId: pulumi.Output<string>;
    /** The endpoint's name, as it appears in `<api>-<name>.p.googleapis.com`. */
    public readonly endpointName: pulumi.Output<string>;
    /** The endpoint's internal address, as a one-element list. */
    public readonly privateIps: pulumi.Output<string[]>;
    /** The DNS names the created zones send to the endpoint (without the trailing dot), e.g. `*.googleapis.com`. */
    public readonly dnsNames: pulumi.Output<string[]>;
    /** The PSC connection status of the endpoint (ACCEPTED once it serves). */
    public readonly connectionState: pulumi.Output<string>;
    /** The PSC connection id of the endpoint. */
    public readonly pscConnectionId: pulumi.Output<string>;
    /** The names of the created private zones. */
    public readonly zoneNames: pulumi.Output<string[]>;

    /**
     * @param name The logical name; children are named `${name}-<role>`. Lower case, because
     *   Google Cloud names of the children start with it.
     * @param args The network, the address and the DNS to create.
     * @param opts Options for the component; pass providers with `providers: { gcp }`.
     */
    constructor(name: string, args: GcpGoogleApisEndpointArgs, opts?: pulumi.ComponentResourceOptions) {
        // Validate before registering anything, so a bad argument leaves no half-built graph.
        const zones = planZones(name, args);
        super(typeToken(COMPONENT), name, {}, opts);

        const labels = mergeLabels(name, args.labels);
        const endpointName = args.endpointName ?? name;
        const description = args.description ?? `Private Service Connect endpoint for Google APIs ${name} (managed by privatelink)`;
        const address = new compute.GlobalAddress(
            childName(name, "address"),
            {
                addressType: "INTERNAL",
                purpose: "PRIVATE_SERVICE_CONNECT",
                network: args.network,
                address: args.ipAddress,
                project: args.project,
                description,
                labels,
            },
            { parent: this },
        );
        const endpoint = new compute.GlobalForwardingRule(
            childName(name, "endpoint"),
            {
                // Endpoints for Google APIs take a short fixed name (no autonaming suffix fits).
                name: endpointName,
                target: args.bundle ?? GcpGoogleApisBundle.AllApis,
                network: args.network,
                ipAddress: address.id,
                // PSC endpoints take an empty scheme; pulumi-gcp v10 changes the default to
                // EXTERNAL_MANAGED (pulumi/pulumi-gcp#4037), which would make this a load balancer.
                loadBalancingScheme: "",
                // Our own p.googleapis.com zone and Google Cloud's automatic one cannot both be
                // bound to the network.
                noAutomateDnsZone: args.dns?.pGoogleapis === true,
                serviceDirectoryRegistrations: args.serviceDirectory
                    ? { namespace: args.serviceDirectory.namespace, serviceDirectoryRegion: args.serviceDirectory.region }
                    : undefined,
                project: args.project,
                description,
                labels,
            },
            // The name is fixed, so a replacement must delete the old rule before creating the new one.
            { parent: this, deleteBeforeReplace: true },
        );

        const networks = args.dns?.networks ?? [args.network];
        const zoneNames: pulumi.Output<string>[] = [];
        for (const z of zones) {
            const zone = createPrivateZone(this, childName(name, "zone", z.key), {
                dnsName: z.dnsName,
                networks,
                description: `${z.dnsName} to the Private Service Connect endpoint for Google APIs ${endpointName} (managed by privatelink)`,
                labels,
                project: args.project,
            });
            zoneNames.push(zone.name);
            for (const r of z.records) {
                createRecordSet(this, childName(name, "record", z.key, r.key), {
                    managedZone: zone.name,
                    name: r.name,
                    type: r.type,
                    ttl: args.dns?.ttl ?? DEFAULT_RECORD_TTL,
                    rrdatas: [r.value ?? address.address],
                    project: args.project,
                });
            }
        }

        this.endpointId = endpoint.id;
        this.endpointName = endpoint.name;
        this.privateIps = address.address.apply((ip) => [ip]);
        this.dnsNames = pulumi.output(zones.flatMap((z) => z.records.map((r) => normalizeDnsName(r.name))));
        this.connectionState = endpoint.pscConnectionStatus;
        this.pscConnectionId = endpoint.pscConnectionId;
        this.zoneNames = pulumi.all(zoneNames);
        this.registerOutputs({
            endpointId: this.endpointId,
            endpointName: this.endpointName,
            privateIps: this.privateIps,
            dnsNames: this.dnsNames,
            connectionState: this.connectionState,
            pscConnectionId: this.pscConnectionId,
            zoneNames: this.zoneNames,
        });
    }
}
