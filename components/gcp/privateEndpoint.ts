/**
 * `GcpPrivateEndpoint` reaches a service published through Private Service Connect: a reserved
 * internal address in the consumer's subnetwork and a forwarding rule that connects it to the
 * producer's service attachment, with the DNS names clients use.
 *
 * The graph, with the optional parts in brackets:
 *
 *   address → endpoint → [zone] → [record-<name> …]
 */
import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/gcp/compute";
import {
    childName,
    isIpAddress,
    isKnown,
    mergeLabels,
    normalizeDnsName,
    recordKey,
    requireArray,
    requireAtMostOne,
    requireBoolean,
    requireEntryKeys,
    requireInteger,
    requireObject,
    requireString,
    requireValue,
    startValidation,
    typeToken,
    Validator,
} from "../core";
import { createPrivateZone, createRecordSet, DEFAULT_RECORD_TTL, GcpDnsRecordType, recordFqdn, validateRecordName, validateZoneDnsName, validateZoneNetworks } from "./dns";
import {
    NETWORK_REF,
    regionOf,
    requireAutonameFits,
    requireGcpComponentName,
    requireGcpProject,
    requireGcpRef,
    requireGcpRegion,
    requireSameRegion,
    SUBNETWORK_REF,
    validateGcpLabels,
} from "./validation";

const COMPONENT = "GcpPrivateEndpoint";

/** Where Service Directory registers the endpoint. Immutable: a change replaces the endpoint. */
export interface GcpPrivateEndpointServiceDirectoryArgs {
    /** The Service Directory namespace, e.g. `orders-ns`. */
    namespace: pulumi.Input<string>;
    /** The Service Directory service, e.g. `orders`. */
    service: pulumi.Input<string>;
}

/** A private DNS zone to create for the endpoint, with A records that point at its address. */
export interface GcpPrivateEndpointZoneArgs {
    /** The zone's DNS name, e.g. `orders.svc.internal.` (the trailing dot may be left out). */
    dnsName: string;
    /**
     * The records to create, relative to the zone: `@` for the zone's own name, `*` for every
     * name below it, or labels such as `api`. Each is an A record (AAAA for an IPv6 endpoint)
     * pointing at the endpoint's address, named after itself.
     * @default ["@"]
     */
    recordNames?: string[];
    /**
     * The networks whose clients resolve the zone, by id or self link. Order does not matter.
     * @default [network]
     */
    networks?: pulumi.Input<string>[];
    /**
     * The records' TTL, in seconds.
     * @default 300
     */
    ttl?: pulumi.Input<number>;
    /**
     * A description of the zone.
     * @default "Private Service Connect endpoint <name> (managed by privatelink)"
     */
    description?: pulumi.Input<string>;
}

/** An existing Cloud DNS zone (a hub zone, say) to write the endpoint's records into. */
export interface GcpPrivateEndpointExistingZoneArgs {
    /** The managed zone's name (not its DNS name), e.g. `svc-internal` or `hub.zoneName`. */
    managedZone: pulumi.Input<string>;
    /** The zone's DNS name, e.g. `svc.internal.`, which the record names are relative to. */
    dnsName: string;
    /** The records to create, relative to the zone (`orders`, `@`, `*`); at least one. */
    recordNames: string[];
    /**
     * The project of the zone, when it is not the endpoint's.
     * @default the endpoint's project
     */
    project?: pulumi.Input<string>;
    /**
     * The records' TTL, in seconds.
     * @default 300
     */
    ttl?: pulumi.Input<number>;
}

/** The arguments of {@link GcpPrivateEndpoint}. */
export interface GcpPrivateEndpointArgs {
    /**
     * The producer's service attachment, by self link or id
     * (`projects/<p>/regions/<r>/serviceAttachments/<n>`): `GcpPrivateLinkService.serviceReference`,
     * or the value a producer gave you. Pointing an endpoint at another attachment replaces it.
     */
    serviceReference: pulumi.Input<string>;
    /** The consumer VPC network, by id or self link. */
    network: pulumi.Input<string>;
    /** The consumer subnetwork the endpoint's address is reserved in, in the attachment's region. */
    subnetwork: pulumi.Input<string>;
    /**
     * The region of the endpoint: the attachment's region (a zone such as `europe-west3-a` is rejected).
     * @default the region in serviceReference when it is known, else the provider's region
     */
    region?: pulumi.Input<string>;
    /**
     * The consumer project.
     * @default the provider's project
     */
    project?: pulumi.Input<string>;
    /**
     * A fixed internal address from the subnetwork. Either way the address is reserved, so it
     * never changes while the endpoint lives; changing it replaces the endpoint. An IPv6 address
     * (which needs a dual-stack subnetwork) must be given as a plain value, since it decides the
     * address's IP version and the DNS record type.
     * @default an address Google Cloud picks from the subnetwork
     */
    ipAddress?: pulumi.Input<string>;
    /**
     * Whether clients in other regions (and on-premises networks that enter the VPC elsewhere)
     * may reach the endpoint.
     * @default false
     */
    allowGlobalAccess?: pulumi.Input<boolean>;
    /**
     * Whether a deployment replaces the endpoint when its connection is CLOSED (the producer
     * replaced or deleted the attachment), so it reconnects.
     * @default true
     */
    recreateClosedPsc?: pulumi.Input<boolean>;
    /**
     * Turn off the private zone Google Cloud creates automatically when the producer publishes a
     * domain name. Set it when you manage that zone yourself. Immutable: a change replaces the endpoint.
     * @default false
     */
    noAutomateDnsZone?: pulumi.Input<boolean>;
    /**
     * Register the endpoint in Service Directory. Immutable: adding or changing it replaces the
     * endpoint, and removing it keeps the registration until the endpoint is next replaced (the
     * provider keeps a registration it is no longer given).
     * @default no registration
     */
    serviceDirectory?: GcpPrivateEndpointServiceDirectoryArgs;
    /**
     * A private DNS zone to create for the endpoint. Not allowed with `existingZone`.
     * @default no zone
     */
    privateZone?: GcpPrivateEndpointZoneArgs;
    /**
     * An existing zone to write the endpoint's records into. Not allowed with `privateZone`.
     * @default no records
     */
    existingZone?: GcpPrivateEndpointExistingZoneArgs;
    /**
     * A description of the address and the forwarding rule.
     * @default "Private Service Connect endpoint <name> (managed by privatelink)"
     */
    description?: pulumi.Input<string>;
    /**
     * Labels for the address, the forwarding rule and the zone, over the component's own
     * `managed-by` and `privatelink-component` labels.
     * @default {}
     */
    labels?: { [key: string]: string };
}

/** A known record name made into its absolute form and the key its record is named after. */
interface PlannedRecord {
    key: string;
    fqdn: string;
}

/**
 * Validates every plain argument of {@link GcpPrivateEndpoint} and throws a `ValidationError`
 * naming the field, the value and the fix. Values that are Outputs are left for Google Cloud to
 * judge.
 *
 * Internal. Exported for testing and for callers that want to check arguments up front.
 */
export function validateGcpPrivateEndpointArgs(name: string, args: GcpPrivateEndpointArgs): void {
    planRecords(name, args);
}

/** Validates the arguments and returns the records the component creates. */
function planRecords(name: string, args: GcpPrivateEndpointArgs): PlannedRecord[] {
    const v: Validator = startValidation(COMPONENT, name, args, "pass an arguments object, e.g. { serviceReference, network: vpc.id, subnetwork: subnet.id }");
    requireGcpComponentName(v, name);
    const a = args as unknown as Record<string, unknown>;

    requireValue(v, "serviceReference", a.serviceReference, "pass the producer's service attachment, e.g. service.serviceReference");
    const attachment = requireGcpRef(v, "serviceReference", a.serviceReference, {
        collections: ["serviceAttachments"],
        what: "a service attachment self link or id",
        example: "projects/producer-project/regions/europe-west3/serviceAttachments/orders",
    });
    if (attachment && regionOf(a.serviceReference) === undefined) {
        v.fail("serviceReference", a.serviceReference, "which leaves out the attachment's region", 'pass the full reference, e.g. "projects/producer-project/regions/europe-west3/serviceAttachments/orders"');
    }
    requireGcpRegion(v, "region", a.region);
    requireSameRegion(v, "serviceReference", a.serviceReference, a.region, "region");
    requireGcpProject(v, "project", a.project);
    requireValue(v, "network", a.network, "give the consumer VPC network, e.g. vpc.id");
    requireGcpRef(v, "network", a.network, NETWORK_REF);
    requireValue(v, "subnetwork", a.subnetwork, "give the consumer subnetwork the endpoint's address is reserved in, e.g. subnet.id");
    requireGcpRef(v, "subnetwork", a.subnetwork, SUBNETWORK_REF);
    const region = a.region ?? regionOf(a.serviceReference);
    requireSameRegion(v, "subnetwork", a.subnetwork, region, a.region !== undefined ? "region" : "the attachment's region");
    if (isKnown(a.ipAddress) && !isIpAddress(a.ipAddress)) {
        v.fail("ipAddress", a.ipAddress, "which is not an IP address", 'use a free address of the subnetwork, e.g. "10.10.0.50", or leave it out');
    }
    requireBoolean(v, "allowGlobalAccess", a.allowGlobalAccess);
    requireBoolean(v, "recreateClosedPsc", a.recreateClosedPsc);
    requireBoolean(v, "noAutomateDnsZone", a.noAutomateDnsZone);
    if (a.serviceDirectory !== undefined) {
        requireObject(v, "serviceDirectory", a.serviceDirectory, 'pass { namespace: "orders-ns", service: "orders" }', { mustBeKnown: true });
        const sd = a.serviceDirectory as Record<string, unknown>;
        for (const key of ["namespace", "service"]) {
            requireValue(v, `serviceDirectory.${key}`, sd[key], `give the Service Directory ${key}`);
            requireString(v, `serviceDirectory.${key}`, sd[key], { nonEmpty: true, expected: `a Service Directory ${key} name` });
            if (isKnown(sd[key]) && !/^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/.test(sd[key] as string)) {
                v.fail(`serviceDirectory.${key}`, sd[key], `which is not a Service Directory ${key} name`, "use lower-case letters, digits and hyphens, starting with a letter");
            }
        }
    }
    requireString(v, "description", a.description, { expected: "a short description of the endpoint" });
    validateGcpLabels(v, "labels", a.labels);
    for (const role of ["address", "endpoint"]) {
        requireAutonameFits(v, "name", name, childName(name, role));
    }

    requireAtMostOne(v, { privateZone: a.privateZone, existingZone: a.existingZone }, "create a zone with privateZone, or write records into a zone you have with existingZone, not both");
    let zoneDnsName: string | undefined;
    let field: string | undefined;
    let names: unknown[] = [];
    if (a.privateZone !== undefined) {
        field = "privateZone";
        requireObject(v, field, a.privateZone, 'pass { dnsName: "orders.svc.internal." }', { mustBeKnown: true });
        const z = a.privateZone as Record<string, unknown>;
        validateZoneDnsName(v, "privateZone.dnsName", z.dnsName);
        zoneDnsName = z.dnsName as string;
        requireArray(v, "privateZone.recordNames", z.recordNames);
        names = (z.recordNames as unknown[] | undefined) ?? ["@"];
        if (z.recordNames !== undefined && names.length === 0) {
            v.fail("privateZone.recordNames", names, "but a zone without records resolves nothing", 'leave it out for the zone\'s own name ("@"), or list names such as "api"');
        }
        if (z.networks !== undefined) {
            validateZoneNetworks(v, "privateZone.networks", z.networks, { required: true });
        }
        requireInteger(v, "privateZone.ttl", z.ttl, 0, 604800);
        requireString(v, "privateZone.description", z.description, { expected: "a short description of the zone" });
        requireAutonameFits(v, "name", name, childName(name, "zone"));
    } else if (a.existingZone !== undefined) {
        field = "existingZone";
        requireObject(v, field, a.existingZone, 'pass { managedZone: "svc-internal", dnsName: "svc.internal.", recordNames: ["orders"] }', { mustBeKnown: true });
        const z = a.existingZone as Record<string, unknown>;
        requireValue(v, "existingZone.managedZone", z.managedZone, "give the managed zone's name, e.g. hub.zoneName");
        requireString(v, "existingZone.managedZone", z.managedZone, { nonEmpty: true, expected: "the managed zone's name, e.g. \"svc-internal\"" });
        if (isKnown(z.managedZone) && !/^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/.test(z.managedZone as string)) {
            v.fail("existingZone.managedZone", z.managedZone, "which is not a managed zone name", 'give the zone\'s name (not its DNS name), e.g. "svc-internal"');
        }
        validateZoneDnsName(v, "existingZone.dnsName", z.dnsName);
        zoneDnsName = z.dnsName as string;
        requireValue(v, "existingZone.recordNames", z.recordNames, 'list the names to create, e.g. ["orders"]');
        requireArray(v, "existingZone.recordNames", z.recordNames);
        names = z.recordNames as unknown[];
        if (names.length === 0) {
            v.fail("existingZone.recordNames", names, "but no record would be written", 'list the names to create, e.g. ["orders"]');
        }
        requireGcpProject(v, "existingZone.project", z.project);
        requireInteger(v, "existingZone.ttl", z.ttl, 0, 604800);
    }
    if (field === undefined || zoneDnsName === undefined) {
        return [];
    }
    const zone = zoneDnsName;
    const relatives = names.map((n, i) => validateRecordName(v, `${field}.recordNames[${i}]`, n, zone));
    const keys = requireEntryKeys(v, `${field}.recordNames`, relatives.map((value) => ({ value })), { form: recordKey, duplicateFix: "list each record name once" });
    return relatives.map((relative, i) => ({ key: keys[i], fqdn: recordFqdn(relative, zone) }));
}

/**
 * Reaches a service published through Private Service Connect.
 *
 * Secure by default: the endpoint's internal address is reserved (it never moves while the
 * endpoint lives), `loadBalancingScheme` is set to `""` as PSC endpoints need, global access is
 * off, a closed connection is re-established on the next deployment, and a created DNS zone is
 * private and visible only to the listed networks.
 *
 * Children (logical names):
 * - `${name}-address`: the `gcp.compute.Address` (INTERNAL) reserved in the subnetwork;
 * - `${name}-endpoint`: the `gcp.compute.ForwardingRule` targeting the service attachment;
 * - `${name}-zone`: the private `gcp.dns.ManagedZone` (with `privateZone`);
 * - `${name}-record-<name>`: one `gcp.dns.RecordSet` per record name, named after it
 *   (`orders-record-apex`, `orders-record-api`), in the created or the existing zone.
 */
export class GcpPrivateEndpoint extends pulumi.ComponentResource {
    /** The forwarding rule's id (`projects/<p>/regions/<r>/forwardingRules/<n>`). */
    public readonly endpointId: pulumi.Output<string>;
    /** The forwarding rule's self link, which a producer can put on its accept list as an endpoint URL. */
    public readonly endpointSelfLink: pulumi.Output<string>;
    /** The endpoint's internal address, as a one-element list. */
    public readonly privateIps: pulumi.Output<string[]>;
    /** The DNS names that resolve to the endpoint (without the trailing dot); empty without DNS. */
    public readonly dnsNames: pulumi.Output<string[]>;
    /** The PSC connection status: PENDING, ACCEPTED, REJECTED, CLOSED or STATUS_UNSPECIFIED. */
    public readonly connectionState: pulumi.Output<string>;
    /** The PSC connection id the producer's backends see (in the PROXY protocol header). */
    public readonly pscConnectionId: pulumi.Output<string>;
    /** The name of the created private zone; undefined without `privateZone`. */
    public readonly zoneName: pulumi.Output<string | undefined>;

    /**
     * @param name The logical name; children are named `${name}-<role>`. Lower case, because
     *   Google Cloud names of the children start with it.
     * @param args What to reach, from where, and the DNS names to publish.
     * @param opts Options for the component; pass providers with `providers: { gcp }`.
     */
    constructor(name: string, args: GcpPrivateEndpointArgs, opts?: pulumi.ComponentResourceOptions) {
        // Validate before registering anything, so a bad argument leaves no half-built graph.
        const records = planRecords(name, args);
        super(typeToken(COMPONENT), name, {}, opts);

        const labels = mergeLabels(name, args.labels);
        const region = args.region ?? regionOf(args.serviceReference);
        const description = args.description ?? `Private Service Connect endpoint ${name} (managed by privatelink)`;
        const ipv6 = isKnown(args.ipAddress) && args.ipAddress.includes(":");
        const address = new compute.Address(
            childName(name, "address"),
            {
                addressType: "INTERNAL",
                subnetwork: args.subnetwork,
                address: args.ipAddress,
                // Sent only for IPv6: older Compute API versions take an IP version on global
                // addresses alone, and IPv4 is the default of regional ones.
                ipVersion: ipv6 ? "IPV6" : undefined,
                region,
                project: args.project,
                description,
                labels,
            },
            { parent: this },
        );
        const endpoint = new compute.ForwardingRule(
            childName(name, "endpoint"),
            {
                target: args.serviceReference,
                // PSC endpoints take an empty scheme; the provider's default (EXTERNAL) would make
                // this a load balancer forwarding rule.
                loadBalancingScheme: "",
                network: args.network,
                ipAddress: address.selfLink,
                region,
                project: args.project,
                allowPscGlobalAccess: args.allowGlobalAccess ?? false,
                recreateClosedPsc: args.recreateClosedPsc ?? true,
                noAutomateDnsZone: args.noAutomateDnsZone ?? false,
                serviceDirectoryRegistrations: args.serviceDirectory ? { namespace: args.serviceDirectory.namespace, service: args.serviceDirectory.service } : undefined,
                description,
                labels,
            },
            // A replacement (another attachment, another address) must free the address before
            // the new rule claims it: two forwarding rules cannot hold one address.
            { parent: this, deleteBeforeReplace: true },
        );

        let zoneName: pulumi.Output<string | undefined> = pulumi.output(undefined);
        let managedZone: pulumi.Input<string> | undefined;
        let zoneProject: pulumi.Input<string> | undefined = args.project;
        let ttl: pulumi.Input<number> | undefined;
        if (args.privateZone) {
            const zone = createPrivateZone(this, childName(name, "zone"), {
                dnsName: args.privateZone.dnsName,
                networks: args.privateZone.networks ?? [args.network],
                description: args.privateZone.description ?? description,
                labels,
                project: args.project,
            });
            zoneName = zone.name;
            managedZone = zone.name;
            ttl = args.privateZone.ttl;
        } else if (args.existingZone) {
            managedZone = args.existingZone.managedZone;
            zoneProject = args.existingZone.project ?? args.project;
            ttl = args.existingZone.ttl;
        }
        // An address Google Cloud picks is IPv4 (the address's default IP version); a fixed IPv6
        // address gets AAAA records.
        const type = ipv6 ? GcpDnsRecordType.AAAA : GcpDnsRecordType.A;
        for (const r of records) {
            createRecordSet(this, childName(name, "record", r.key), {
                managedZone: managedZone!,
                name: r.fqdn,
                type,
                ttl: ttl ?? DEFAULT_RECORD_TTL,
                rrdatas: [address.address],
                project: zoneProject,
            });
        }

        this.endpointId = endpoint.id;
        this.endpointSelfLink = endpoint.selfLink;
        this.privateIps = address.address.apply((ip) => [ip]);
        this.dnsNames = pulumi.output(records.map((r) => normalizeDnsName(r.fqdn)));
        this.connectionState = endpoint.pscConnectionStatus;
        this.pscConnectionId = endpoint.pscConnectionId;
        this.zoneName = zoneName;
        this.registerOutputs({
            endpointId: this.endpointId,
            endpointSelfLink: this.endpointSelfLink,
            privateIps: this.privateIps,
            dnsNames: this.dnsNames,
            connectionState: this.connectionState,
            pscConnectionId: this.pscConnectionId,
            zoneName: this.zoneName,
        });
    }
}
