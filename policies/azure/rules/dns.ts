/**
 * Rules for private DNS: the `privatelink.*` zones of Azure Private Link and how every private
 * endpoint gets its name resolved to its private IP.
 */
import { PolicyResource, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { arr, bool, configOf, forTypes, framework, get, isUnknownValue, rawGet, stackIndex, str, strings, UnknownParts } from "../../core";
import { azureName, connectionsOf, normaliseId, T } from "./util";

/** Whether a zone name is one of the Private Link zones (`privatelink.blob.core.windows.net`, …). */
export function isPrivateLinkZone(name: unknown): boolean {
    return typeof name === "string" && /^privatelink\./i.test(name.trim());
}

/**
 * Auto-registration writes the A records of every VM in the linked VNet into the zone; in a
 * `privatelink.*` zone those records can shadow the service names that private endpoints publish.
 */
export const privatelinkZoneNoAutoregistration: ResourceValidationPolicy = {
    name: "privatelink-zone-no-autoregistration",
    description: "Checks whether virtual network links of privatelink.* private DNS zones have auto-registration disabled (registrationEnabled is false).",
    enforcementLevel: "mandatory",
    severity: "medium",
    url: "https://learn.microsoft.com/azure/dns/private-dns-autoregistration",
    remediationSteps:
        "Set registrationEnabled: false on the privatedns.VirtualNetworkLink; keep VM auto-registration in a separate zone (e.g. the VNet's own internal zone).",
    validateResource: forTypes([T.virtualNetworkLink], (props, args, report) => {
        // registrationEnabled first: a link without it needs no zone name, which may be unknown in preview.
        if (bool(props, "registrationEnabled") !== true) {
            return;
        }
        const zone = str(props, "privateZoneName");
        if (isPrivateLinkZone(zone)) {
            report(`virtual network link "${args.name}" registers VM records in Private Link zone "${zone}"; set registrationEnabled to false.`);
        }
    }),
    remediateResource: (args) => {
        if (args.type !== T.virtualNetworkLink || bool(args.props, "registrationEnabled") !== true || !isPrivateLinkZone(str(args.props, "privateZoneName"))) {
            return undefined;
        }
        return { ...args.props, registrationEnabled: false };
    },
};

/** Whether every connection of a private endpoint targets a custom private link service (no groupIds). */
function targetsCustomService(pe: PolicyResource): boolean {
    const connections = connectionsOf(pe.props);
    return connections.length > 0 && connections.every(({ connection }) => strings(connection, "groupIds").length === 0);
}

/**
 * Without DNS, clients resolve a PaaS name to its public IP and bypass the private endpoint.
 * A private endpoint to a PaaS service (it has groupIds) needs a `PrivateDnsZoneGroup` with at
 * least one zone, unless `dnsManagedByPolicy` says Azure Policy (DeployIfNotExists, as in the
 * Azure Landing Zones "Deploy-Private-DNS-Zones" initiative) adds the group. A private endpoint
 * to a custom private link service (no groupIds) is not covered by those policies; it needs a zone
 * group or a `privatedns.PrivateRecordSet` built from the endpoint's address (it depends on the
 * endpoint) — also when `dnsManagedByPolicy` is set.
 */
export const peRequiresDns: StackValidationPolicy = {
    name: "pe-requires-dns",
    description:
        "Checks whether every private endpoint has private DNS: a private DNS zone group with at least one zone, or for custom private link services an A record set that uses the endpoint's address.",
    enforcementLevel: "advisory",
    severity: "medium",
    framework: framework("Azure Landing Zones", "Deploy-Private-DNS-Zones", "Configure Azure PaaS services to use private DNS zones"),
    url: "https://learn.microsoft.com/azure/private-link/private-endpoint-dns",
    remediationSteps:
        "Add a network.PrivateDnsZoneGroup for the endpoint with the privatelink zone of its groupId (AzurePrivateEndpoint does this by default), or an A record in a linked private zone for a custom service. If Azure Policy deploys the zone groups, set dnsManagedByPolicy: true.",
    configSchema: {
        properties: {
            dnsManagedByPolicy: {
                type: "boolean",
                default: false,
                description: "Azure Policy (DeployIfNotExists) creates the zone groups of private endpoints to PaaS services; don't require them in the stack.",
            },
        },
    },
    validateStack: (args, report) => {
        const config = configOf(args, { dnsManagedByPolicy: false });
        const ix = stackIndex(args);
        const endpoints = ix.ofType(T.privateEndpoint);
        if (endpoints.length === 0) {
            args.notApplicable("no private endpoint in the stack");
        }
        // Zone groups tied to their endpoint by the engine need no name comparison (the name may
        // be unknown); the others are looked up by the endpoint name they give. One pass each.
        const tied = new Map<PolicyResource, PolicyResource[]>();
        const untiedByName = new Map<string, PolicyResource[]>();
        const parts = new UnknownParts();
        const undecided = new UnknownParts();
        let untied = 0;
        for (const g of ix.ofType(T.privateDnsZoneGroup)) {
            const pe =
                (g.propertyDependencies?.privateEndpointName ?? []).find((d) => d.type === T.privateEndpoint) ??
                (g.parent?.type === T.privateEndpoint ? g.parent : undefined);
            if (pe) {
                push(tied, pe, g);
                continue;
            }
            untied++;
            const raw = rawGet(g.props, "privateEndpointName");
            if (isUnknownValue(raw)) {
                // This group may belong to any endpoint that seems to lack one.
                undecided.run(() => get(g.props, "privateEndpointName"));
                continue;
            }
            const name = normaliseId(str(g.props, "privateEndpointName"));
            if (name !== undefined) {
                push(untiedByName, name, g);
            }
        }
        // The endpoints some record set is built from (it depends on them in any way the engine records).
        const recorded = new Set<PolicyResource>();
        for (const rs of ix.ofType(T.privateRecordSet)) {
            (rs.dependencies ?? []).forEach((d) => recorded.add(d));
            Object.values(rs.propertyDependencies ?? {}).forEach((ds) => ds.forEach((d) => recorded.add(d)));
        }
        // Each endpoint on its own: an unknown value of one hides nothing about another.
        for (const pe of endpoints) {
            parts.run(() => {
                let mine = tied.get(pe) ?? [];
                if (mine.length === 0 && untied > 0) {
                    const name = normaliseId(azureName(pe, "privateEndpointName"));
                    const rg = normaliseId(str(pe.props, "resourceGroupName"));
                    mine = (name === undefined ? [] : (untiedByName.get(name) ?? [])).filter((g) => {
                        const groupRg = normaliseId(str(g.props, "resourceGroupName"));
                        return rg === undefined || groupRg === undefined || rg === groupRg;
                    });
                }
                if (mine.length > 0) {
                    if (!mine.some((g) => arr(g.props, "privateDnsZoneConfigs").length > 0)) {
                        for (const g of mine) {
                            report(`private DNS zone group "${g.name}" of private endpoint "${pe.name}" has no privateDnsZoneConfigs.`, g.urn);
                        }
                    }
                    return;
                }
                if (undecided.unknownParts > 0) {
                    undecided.finish();
                }
                if (targetsCustomService(pe)) {
                    if (!recorded.has(pe)) {
                        report(
                            `private endpoint "${pe.name}" to a custom private link service has no private DNS zone group and no A record set built from its address.`,
                            pe.urn,
                        );
                    }
                    return;
                }
                if (!config.dnsManagedByPolicy) {
                    report(`private endpoint "${pe.name}" has no private DNS zone group; clients will resolve the service's public address.`, pe.urn);
                }
            });
        }
        parts.finish();
    },
};

/** Appends `value` to the list under `key`. */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const list = map.get(key);
    if (list) {
        list.push(value);
    } else {
        map.set(key, [value]);
    }
}
