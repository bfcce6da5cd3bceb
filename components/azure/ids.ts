/**
 * ARM resource ids and the other Azure identifiers the components take: what a valid one looks
 * like, and the parts the components read from one (the VNet of a subnet, the resource type of a
 * target, the name of a private DNS zone). ARM compares ids without regard to case.
 */
import { Validator, isKnown, requireArray, requireEntryKeys, requireObject, requireString, requireUnique, requireValue, slug } from "../core";

/** A subscription id: a GUID. */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `/subscriptions/<sub>/resourceGroups/<rg>/providers/<Namespace>/<type>/<name>[/<type>/<name>…]`. */
const RESOURCE_ID = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/([A-Za-z0-9.]+)((?:\/[^/]+\/[^/]+)+)$/i;

/**
 * A private link service alias: `<prefix>.<guid>.<region>.azure.privatelinkservice`, the prefix
 * being the service name (letters, digits, `-`, `_`, `.`).
 */
const PLS_ALIAS = /^[a-z0-9][a-z0-9_.-]*\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[a-z0-9]+\.azure\.privatelinkservice$/i;

/** The parts of an ARM resource id. */
export interface ArmId {
    subscriptionId: string;
    resourceGroupName: string;
    /** The resource provider namespace, e.g. `Microsoft.Network`. */
    namespace: string;
    /** Type/name pairs below the namespace, e.g. `[["virtualNetworks","hub"],["subnets","pe"]]`. */
    segments: Array<[string, string]>;
}

/** Parses an ARM resource id, or returns undefined for anything else. */
export function parseArmId(id: unknown): ArmId | undefined {
    if (typeof id !== "string") {
        return undefined;
    }
    const m = RESOURCE_ID.exec(id.trim());
    if (!m) {
        return undefined;
    }
    const parts = m[4].split("/").slice(1);
    const segments: Array<[string, string]> = [];
    for (let i = 0; i < parts.length; i += 2) {
        segments.push([parts[i], parts[i + 1]]);
    }
    return { subscriptionId: m[1], resourceGroupName: m[2], namespace: m[3], segments };
}

/** The resource type of an ARM id, e.g. `Microsoft.Storage/storageAccounts` (child types joined with `/`). */
export function resourceTypeOf(id: unknown): string | undefined {
    const p = parseArmId(id);
    return p ? [p.namespace, ...p.segments.map(([t]) => t)].join("/") : undefined;
}

/** Whether `id` is an ARM id of the given type (compared without case), e.g. `Microsoft.Network/virtualNetworks/subnets`. */
export function isArmIdOfType(id: unknown, type: string): id is string {
    const t = resourceTypeOf(id);
    return t !== undefined && t.toLowerCase() === type.toLowerCase();
}

/** The VNet id of a subnet id: the id without its `/subnets/<name>` tail. */
export function virtualNetworkIdOfSubnet(subnetId: string): string | undefined {
    return isArmIdOfType(subnetId, SUBNET_TYPE) ? subnetId.trim().replace(/\/subnets\/[^/]+$/i, "") : undefined;
}

/** The last name of an ARM id (`…/privateDnsZones/privatelink.blob.core.windows.net` → the zone name). */
export function nameOfArmId(id: string): string | undefined {
    const p = parseArmId(id);
    return p ? p.segments[p.segments.length - 1][1] : undefined;
}

/** Whether a value is a subscription id (a GUID). */
export function isSubscriptionId(value: unknown): value is string {
    return typeof value === "string" && GUID.test(value);
}

/** Whether a value is a private link service alias. */
export function isPrivateLinkServiceAlias(value: unknown): value is string {
    return typeof value === "string" && PLS_ALIAS.test(value.trim());
}

/** ARM resource types the components check ids against. */
export const SUBNET_TYPE = "Microsoft.Network/virtualNetworks/subnets";
export const VIRTUAL_NETWORK_TYPE = "Microsoft.Network/virtualNetworks";
export const PRIVATE_LINK_SERVICE_TYPE = "Microsoft.Network/privateLinkServices";
export const PRIVATE_ENDPOINT_TYPE = "Microsoft.Network/privateEndpoints";
export const PRIVATE_DNS_ZONE_TYPE = "Microsoft.Network/privateDnsZones";
export const APPLICATION_SECURITY_GROUP_TYPE = "Microsoft.Network/applicationSecurityGroups";
export const NETWORK_SECURITY_GROUP_TYPE = "Microsoft.Network/networkSecurityGroups";
export const FRONTEND_IP_CONFIGURATION_TYPE = "Microsoft.Network/loadBalancers/frontendIPConfigurations";

/** An example id of each type, for the fixes of error messages. */
const EXAMPLES: ReadonlyMap<string, string> = new Map([
    [SUBNET_TYPE, "/subscriptions/<subscription-id>/resourceGroups/network-rg/providers/Microsoft.Network/virtualNetworks/spoke-vnet/subnets/endpoints"],
    [VIRTUAL_NETWORK_TYPE, "/subscriptions/<subscription-id>/resourceGroups/network-rg/providers/Microsoft.Network/virtualNetworks/spoke-vnet"],
    [PRIVATE_LINK_SERVICE_TYPE, "/subscriptions/<subscription-id>/resourceGroups/orders-rg/providers/Microsoft.Network/privateLinkServices/orders-pls"],
    [PRIVATE_ENDPOINT_TYPE, "/subscriptions/<subscription-id>/resourceGroups/client-rg/providers/Microsoft.Network/privateEndpoints/orders-client"],
    [PRIVATE_DNS_ZONE_TYPE, "/subscriptions/<subscription-id>/resourceGroups/dns-rg/providers/Microsoft.Network/privateDnsZones/privatelink.blob.core.windows.net"],
    [APPLICATION_SECURITY_GROUP_TYPE, "/subscriptions/<subscription-id>/resourceGroups/network-rg/providers/Microsoft.Network/applicationSecurityGroups/clients"],
    [NETWORK_SECURITY_GROUP_TYPE, "/subscriptions/<subscription-id>/resourceGroups/network-rg/providers/Microsoft.Network/networkSecurityGroups/nat-nsg"],
    [FRONTEND_IP_CONFIGURATION_TYPE, "/subscriptions/<subscription-id>/resourceGroups/orders-rg/providers/Microsoft.Network/loadBalancers/orders-lb/frontendIPConfigurations/frontend"],
]);

/**
 * Throws unless `value` is missing, not known yet, or an ARM id of `type`. `what` names the kind
 * of resource in the message ("a subnet").
 */
export function requireArmId(v: Validator, field: string, value: unknown, type: string, what: string): void {
    if (value === undefined || !isKnown(value)) {
        return;
    }
    if (!isArmIdOfType(value, type)) {
        v.fail(field, value, `which is not the resource id of ${what}`, `use an id of the form ${EXAMPLES.get(type) ?? `/subscriptions/<id>/resourceGroups/<rg>/providers/${type}/<name>`}`);
    }
}

/** Throws unless `value` is missing, not known yet, or an ARM resource id of any type. */
export function requireAnyArmId(v: Validator, field: string, value: unknown, what: string): void {
    if (value === undefined || !isKnown(value)) {
        return;
    }
    if (parseArmId(value) === undefined) {
        v.fail(field, value, `which is not the resource id of ${what}`, "use the target's full ARM id, /subscriptions/<id>/resourceGroups/<rg>/providers/<Namespace>/<type>/<name> (its `id` output)");
    }
}

/** A logical-name key for an entry named by an ARM id: the id's last name, in slug-ready form. */
export function armIdKey(id: string): string {
    return nameOfArmId(id) ?? id;
}

/** How {@link requireIdEntries} reads a list of entries named by an ARM id. */
export interface IdEntriesOptions {
    /** The field of each entry that holds the id, e.g. `virtualNetworkId`. */
    idField: string;
    /** The ARM type the id must have. */
    type: string;
    /** The kind of resource, for messages ("a virtual network"). */
    what: string;
    /** The fix for a list entry that is not an object. */
    entryFix: string;
    /** The fix when two entries name their children alike. */
    duplicateFix: string;
    /** More checks of each entry (its other fields), given the entry and its path. */
    check?: (entry: Record<string, unknown>, field: string) => void;
}

/**
 * Validates a list of entries that each hold the ARM id of a resource (a VNet to link, an
 * endpoint to approve) and an optional explicit `key`, and returns the keys that name each
 * entry's children, in list order: an id is listed once (compared without case, as ARM does), and
 * names its entry by its last name (`…/virtualNetworks/hub-vnet` → `hub-vnet`) unless a key is
 * given; an id not known when the program runs needs a key (see `requireEntryKeys`).
 */
export function requireIdEntries(v: Validator, field: string, value: unknown, o: IdEntriesOptions): string[] {
    requireArray(v, field, value);
    const list = (value as unknown[] | undefined) ?? [];
    list.forEach((e, i) => {
        const at = `${field}[${i}]`;
        requireObject(v, at, e, o.entryFix, { mustBeKnown: true });
        const entry = e as Record<string, unknown>;
        requireValue(v, `${at}.${o.idField}`, entry[o.idField], `give the resource id of ${o.what}`);
        requireString(v, `${at}.${o.idField}`, entry[o.idField]);
        requireArmId(v, `${at}.${o.idField}`, entry[o.idField], o.type, o.what);
        o.check?.(entry, at);
    });
    const entries = list as Array<Record<string, unknown>>;
    requireUnique(
        v,
        field,
        entries.map((e) => (isKnown(e[o.idField]) && typeof e[o.idField] === "string" ? String(e[o.idField]).toLowerCase() : e[o.idField])),
        o.idField,
    );
    return requireEntryKeys(
        v,
        field,
        entries.map((e) => ({ value: e[o.idField], key: e.key })),
        { valueField: o.idField, keyField: "key", form: (id) => slug(armIdKey(id)), duplicateFix: o.duplicateFix },
    );
}
