/**
 * Private DNS zones and their virtual network links, as both `AzurePrivateEndpoint` (zones of
 * its own) and `AzurePrivateDnsZones` (the hub) create them: one `privatedns.PrivateZone` per
 * zone name at `location: "global"`, and one `privatedns.VirtualNetworkLink` per zone and VNet
 * with auto-registration off. Children are named after the zone name and the VNet's key, never
 * after positions, so adding or removing a zone or a VNet touches only its own resources.
 */
import * as pulumi from "@pulumi/pulumi";
import * as privatedns from "@pulumi/azure-native/privatedns";
import { childName, slug } from "../core";

/** The resolution policy of a link: fall back to public DNS on NXDOMAIN, or not. */
export enum AzurePrivateDnsResolutionPolicy {
    /** Answer only from the private zone (NXDOMAIN for names it does not hold). */
    Default = "Default",
    /**
     * Fall back to public resolution when the private zone has no record for an A, AAAA or CNAME
     * query, so resources of the same type reached without a private endpoint still resolve.
     */
    NxDomainRedirect = "NxDomainRedirect",
}

/** One VNet to link zones to, named by its key. */
export interface ZoneLink {
    /** The logical-name key of the VNet (from `requireEntryKeys`). */
    key: string;
    virtualNetworkId: pulumi.Input<string>;
    resolutionPolicy: AzurePrivateDnsResolutionPolicy;
}

/** What `createZones` creates. */
export interface CreatedZone {
    zoneName: string;
    zone: privatedns.PrivateZone;
    /** Link by VNet key. */
    links: Map<string, privatedns.VirtualNetworkLink>;
}

/** The logical-name key of a zone: its name in slug form (`privatelink-blob-core-windows-net`). */
export function zoneKey(zoneName: string): string {
    return slug(zoneName);
}

/**
 * Creates each zone (names as given, lower case, each once) in `resourceGroupName` and links it to
 * every VNet of `links`. Children: `${name}-zone-<zone>` and `${name}-link-<zone>-<vnet>`.
 */
export function createZones(
    parent: pulumi.Resource,
    name: string,
    args: {
        zoneNames: readonly string[];
        resourceGroupName: pulumi.Input<string>;
        links: readonly ZoneLink[];
        tags: Record<string, string>;
    },
): CreatedZone[] {
    return args.zoneNames.map((zoneName) => {
        const key = zoneKey(zoneName);
        const zone = new privatedns.PrivateZone(
            childName(name, "zone", key),
            {
                resourceGroupName: args.resourceGroupName,
                // The zone name is what clients resolve: it is set, never autonamed.
                privateZoneName: zoneName,
                // Private DNS zones are global resources; there is no default.
                location: "global",
                tags: args.tags,
            },
            { parent },
        );
        const links = new Map<string, privatedns.VirtualNetworkLink>();
        for (const link of args.links) {
            links.set(
                link.key,
                new privatedns.VirtualNetworkLink(
                    childName(name, "link", key, link.key),
                    {
                        resourceGroupName: args.resourceGroupName,
                        // From the zone, so the link waits for it through data flow.
                        privateZoneName: zone.name,
                        virtualNetwork: { id: link.virtualNetworkId },
                        location: "global",
                        // Auto-registration writes VM records into the zone; in a privatelink zone
                        // they could shadow the names that private endpoints publish.
                        registrationEnabled: false,
                        // Always explicit, so turning the fallback off reaches ARM.
                        resolutionPolicy: link.resolutionPolicy,
                        tags: args.tags,
                    },
                    { parent },
                ),
            );
        }
        return { zoneName, zone, links };
    });
}

/** The name of a zone config of a zone group: the zone name with dots as dashes (ARM allows 1–80 characters). */
export function zoneConfigName(zoneName: string): string {
    return zoneName.toLowerCase().replace(/\./g, "-").slice(0, 80);
}
