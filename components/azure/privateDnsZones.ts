/**
 * `AzurePrivateDnsZones`: the central (hub) private DNS zones of Azure Private Link. One zone
 * per zone name that the listed groupIds need, however many groupIds share it (Storage, Managed
 * Disks, Azure Monitor and Backup all use `privatelink.blob.core.windows.net`), each linked to
 * every listed VNet with auto-registration off.
 *
 * Spoke endpoints consume the hub through its `zoneIds` output: `AzurePrivateEndpoint` with
 * `dns: { zoneIdsByGroupId: hub.zoneIds }`. With `providers: { "azure-native": hubProvider }` the
 * zones live in the connectivity subscription while the endpoints stay in their own.
 */
import * as pulumi from "@pulumi/pulumi";
import {
    Validator,
    isDnsName,
    isKnown,
    mergeTags,
    normalizeDnsName,
    requireBoolean,
    requireString,
    requireStringList,
    requireUnique,
    requireValue,
    slug,
    startValidation,
    typeToken,
} from "../core";
import { AzureCloud, CatalogFields, catalogEntriesFor, isAzureCloud, isRegionalTemplate, resolveCatalogZones } from "./catalog";
import { AzurePrivateDnsResolutionPolicy, ZoneLink, createZones } from "./dns";
import { VIRTUAL_NETWORK_TYPE, requireIdEntries } from "./ids";
import { azureRegionCloud, normalizeRegion } from "./regions";
import { validateAzureTags } from "./validation";

const COMPONENT = "AzurePrivateDnsZones";

/** A VNet linked to every zone of the hub. */
export interface AzurePrivateDnsZonesVirtualNetworkArgs {
    /** The VNet's resource id (the hub VNet, a spoke, a VNet in another subscription). */
    virtualNetworkId: pulumi.Input<string>;
    /**
     * The key that names the VNet's links (`${name}-link-<zone>-<key>`). Required when
     * `virtualNetworkId` is not known when the program runs.
     * @default the VNet's name from `virtualNetworkId`
     */
    key?: string;
    /**
     * Fall back to public DNS for this VNet's links (`resolutionPolicy: NxDomainRedirect`).
     * @default the hub's `internetFallback`
     */
    internetFallback?: boolean;
}

/** Arguments of `AzurePrivateDnsZones`. */
export interface AzurePrivateDnsZonesArgs {
    /** The resource group of the zones and links (in the connectivity subscription). */
    resourceGroupName: pulumi.Input<string>;
    /**
     * The Private Link groupIds to serve, e.g. `["blob", "file", "vault", "sqlServer"]`. Zones
     * shared by several groupIds are created once; a groupId that several services use with
     * different zones (`Sql`: Cosmos DB and Synapse) gets the zones of all of them.
     * @default []
     */
    groupIds?: string[];
    /**
     * The Azure cloud, which decides the zone names.
     * @default the cloud of `regions`, else AzureCloud.Public
     */
    cloud?: AzureCloud;
    /**
     * The regions of the endpoints, for regional zones (AKS, Container Apps, Data Explorer,
     * Prometheus, Backup): one zone per region. Required when a groupId has regional zones.
     * @default []
     */
    regions?: string[];
    /** The AKS private DNS subzone, for groupId `management`. @default none */
    subzone?: string;
    /** The DNS prefix of a SQL Managed Instance, for groupId `managedInstance`. @default none */
    dnsPrefix?: string;
    /** The partition id of Static Web Apps, for groupId `staticSites`. @default none */
    partitionId?: string;
    /**
     * More zones to create beside the catalog's, e.g. the zones of custom private link services
     * (`orders.privatelink.contoso.internal`).
     * @default []
     */
    additionalZoneNames?: string[];
    /**
     * The VNets linked to every zone: the hub (with the DNS resolver or firewall DNS proxy) and
     * the spokes that resolve through Azure DNS directly.
     * @default []
     */
    virtualNetworks?: AzurePrivateDnsZonesVirtualNetworkArgs[];
    /**
     * Fall back to public DNS when a zone has no record for a name (`resolutionPolicy:
     * NxDomainRedirect`), so a resource of a served type that has no private endpoint still
     * resolves. Without it, such names answer NXDOMAIN in every linked VNet.
     * @default false
     */
    internetFallback?: boolean;
    /**
     * Tags for every zone and link, over the component's `managed-by` and `privatelink-component`
     * tags.
     * @default {}
     */
    tags?: { [key: string]: string };
}

/** What the validation worked out. */
interface HubPlan {
    /** Zone name → the groupIds that need it (empty for additional zones). */
    zones: Map<string, string[]>;
    links: ZoneLink[];
}

function planHub(name: string, args: AzurePrivateDnsZonesArgs): HubPlan {
    const v: Validator = startValidation(COMPONENT, name, args, "pass an arguments object, e.g. { resourceGroupName, groupIds: [\"blob\"] }");
    const a = args as unknown as Record<string, unknown>;
    requireValue(v, "resourceGroupName", a.resourceGroupName, 'give the resource group of the zones, e.g. "dns-rg"');
    requireString(v, "resourceGroupName", a.resourceGroupName, { nonEmpty: true });
    validateAzureTags(v, "tags", a.tags);
    if (a.cloud !== undefined && !isAzureCloud(a.cloud)) {
        v.fail("cloud", a.cloud, "which is not an Azure cloud", `use one of ${Object.values(AzureCloud).map((c) => `"${c}"`).join(", ")} (the AzureCloud enum)`);
    }
    requireStringList(v, "regions", a.regions);
    const regions = ((a.regions as unknown[] | undefined) ?? []) as string[];
    regions.forEach((r, i) => {
        if (!isKnown(r)) {
            v.fail(`regions[${i}]`, "<output>", "but regions name zones and must be known when the program runs", 'list plain region names, e.g. ["eastus"]');
        }
    });
    requireUnique(v, "regions", regions.map(normalizeRegion));
    const cloud = (a.cloud as AzureCloud | undefined) ?? (regions.length > 0 ? azureRegionCloud(regions[0]) : undefined) ?? AzureCloud.Public;
    for (const f of ["subzone", "dnsPrefix", "partitionId"]) {
        requireString(v, f, a[f]);
        if (a[f] !== undefined && !isKnown(a[f])) {
            v.fail(f, "<output>", "but it names zones and must be known when the program runs", "pass a plain string");
        }
    }

    requireStringList(v, "groupIds", a.groupIds);
    const groupIds = ((a.groupIds as unknown[] | undefined) ?? []) as string[];
    groupIds.forEach((g, i) => {
        if (!isKnown(g)) {
            v.fail(`groupIds[${i}]`, "<output>", "but groupIds decide the zones and must be known when the program runs", 'list plain groupIds, e.g. ["blob"]');
        }
    });
    requireUnique(v, "groupIds", groupIds);
    requireStringList(v, "additionalZoneNames", a.additionalZoneNames);
    const extra = ((a.additionalZoneNames as unknown[] | undefined) ?? []) as string[];
    if (groupIds.length === 0 && extra.length === 0) {
        v.fail("groupIds", a.groupIds, "and additionalZoneNames is empty too, so the hub would have no zone", 'list the groupIds the hub serves, e.g. ["blob", "vault"]');
    }

    const zones = new Map<string, string[]>();
    const add = (zone: string, groupId?: string) => {
        const owners = zones.get(zone) ?? [];
        if (groupId !== undefined && !owners.includes(groupId)) {
            owners.push(groupId);
        }
        zones.set(zone, owners);
    };
    groupIds.forEach((g, i) => {
        const fields: CatalogFields = {
            groupId: `groupIds[${i}]`,
            cloud: "cloud",
            region: "regions",
            regionCode: "regions",
            resourceType: `groupIds[${i}]`,
            subzone: "subzone",
            dnsPrefix: "dnsPrefix",
            partitionId: "partitionId",
        };
        const entries = catalogEntriesFor(cloud, g);
        if (entries.length === 0) {
            // Reports the unknown groupId with the catalog's own message.
            resolveCatalogZones(v, g, { cloud }, fields);
        }
        const regional = entries.some((e) => [...e.zones, ...(e.zonesWithSubzone ?? [])].some(isRegionalTemplate));
        if (regional && regions.length === 0) {
            v.fail("regions", a.regions, `but groupId "${g}" has a zone per region (${entries[0].zones.find(isRegionalTemplate) ?? entries[0].zones[0]})`, 'list the regions of the endpoints, e.g. regions: ["eastus"]');
        }
        // Every service that uses the groupId, so an ambiguous groupId gets all its zones.
        const resourceTypes = [...new Set(entries.map((e) => e.resourceType))];
        for (const region of regional ? regions : [undefined]) {
            for (const resourceType of resourceTypes) {
                const resolved = resolveCatalogZones(
                    v,
                    g,
                    {
                        cloud,
                        region,
                        resourceType,
                        subzone: a.subzone as string | undefined,
                        dnsPrefix: a.dnsPrefix as string | undefined,
                        partitionId: a.partitionId as string | undefined,
                    },
                    fields,
                );
                resolved.zones.forEach((z) => add(z, g));
            }
        }
    });
    extra.forEach((z, i) => {
        if (!isKnown(z)) {
            v.fail(`additionalZoneNames[${i}]`, "<output>", "but zone names must be known when the program runs", "pass a plain zone name");
        }
        if (!isDnsName(z) || !z.replace(/\.$/, "").includes(".")) {
            v.fail(`additionalZoneNames[${i}]`, z, "which is not a DNS zone name with two labels or more", 'write it like "orders.privatelink.contoso.internal"');
        }
        add(normalizeDnsName(z));
    });
    requireUnique(v, "additionalZoneNames", extra.map(normalizeDnsName));
    // Zone keys are slugs of the names; two names with the same slug would collide.
    const keys = new Map<string, string>();
    for (const zone of zones.keys()) {
        const key = slug(zone);
        if (keys.has(key)) {
            v.fail("additionalZoneNames", zone, `which names its resources like zone ${keys.get(key)}`, "list each zone once");
        }
        keys.set(key, zone);
    }

    requireBoolean(v, "internetFallback", a.internetFallback, { mustBeKnown: true });
    const entries = ((a.virtualNetworks as unknown[] | undefined) ?? []) as AzurePrivateDnsZonesVirtualNetworkArgs[];
    const linkKeys = requireIdEntries(v, "virtualNetworks", a.virtualNetworks, {
        idField: "virtualNetworkId",
        type: VIRTUAL_NETWORK_TYPE,
        what: "a virtual network",
        entryFix: "pass { virtualNetworkId: vnet.id, key: \"hub\" }",
        duplicateFix: "link each VNet once; give VNets of the same name in other resource groups a key",
        check: (entry, at) => requireBoolean(v, `${at}.internetFallback`, entry.internetFallback, { mustBeKnown: true }),
    });
    const links = linkKeys.map((key, i) => ({
        key,
        virtualNetworkId: entries[i].virtualNetworkId,
        resolutionPolicy:
            (entries[i].internetFallback ?? args.internetFallback) === true ? AzurePrivateDnsResolutionPolicy.NxDomainRedirect : AzurePrivateDnsResolutionPolicy.Default,
    }));
    return { zones, links };
}

/**
 * Validates the plain arguments of an `AzurePrivateDnsZones` and throws a `ValidationError`
 * naming the field and the fix.
 */
export function validateAzurePrivateDnsZonesArgs(name: string, args: AzurePrivateDnsZonesArgs): void {
    planHub(name, args);
}

/**
 * Central private DNS zones for Private Link, linked to the hub and spoke VNets.
 *
 * Children (logical names): `${name}-zone-<zone>` (a `privatedns.PrivateZone` per zone name, the
 * name in slug form) and `${name}-link-<zone>-<vnet>` (a `privatedns.VirtualNetworkLink` per zone
 * and VNet, `<vnet>` being the VNet's key).
 */
export class AzurePrivateDnsZones extends pulumi.ComponentResource {
    /**
     * The zone ids by groupId: what an `AzurePrivateEndpoint` takes as `dns.zoneIdsByGroupId`.
     * A groupId maps to all its zones (several for multi-zone services and for regions).
     */
    public readonly zoneIds: pulumi.Output<{ [groupId: string]: string[] }>;
    /** The zone ids by zone name. */
    public readonly zoneIdsByName: pulumi.Output<{ [zoneName: string]: string }>;
    /** The names of the zones, sorted. */
    public readonly zoneNames: pulumi.Output<string[]>;
    /** The ids of the virtual network links. */
    public readonly virtualNetworkLinkIds: pulumi.Output<string[]>;

    /**
     * @param name The logical name; children are named `${name}-<role>`.
     * @param args See `AzurePrivateDnsZonesArgs`.
     * @param opts Component options; `providers: { "azure-native": p }` puts every zone and link
     *   in `p`'s subscription (the connectivity subscription of a landing zone).
     */
    constructor(name: string, args: AzurePrivateDnsZonesArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = planHub(name, args);
        super(typeToken(COMPONENT), name, {}, opts);
        const tags = mergeTags(name, args.tags);
        const zoneNames = [...plan.zones.keys()].sort();
        const created = createZones(this, name, { zoneNames, resourceGroupName: args.resourceGroupName, links: plan.links, tags });

        const byName = pulumi.all(created.map((c) => c.zone.id)).apply((ids) => Object.fromEntries(created.map((c, i) => [c.zoneName, ids[i]])));
        this.zoneIdsByName = byName;
        this.zoneIds = byName.apply((ids) => {
            const out: { [groupId: string]: string[] } = {};
            for (const [zone, groupIds] of plan.zones) {
                for (const g of groupIds) {
                    (out[g] ??= []).push(ids[zone]);
                }
            }
            return out;
        });
        this.zoneNames = pulumi.output(zoneNames);
        this.virtualNetworkLinkIds = pulumi.all(created.flatMap((c) => [...c.links.values()].map((l) => l.id)));
        this.registerOutputs({
            zoneIds: this.zoneIds,
            zoneIdsByName: this.zoneIdsByName,
            zoneNames: this.zoneNames,
            virtualNetworkLinkIds: this.virtualNetworkLinkIds,
        });
    }
}
