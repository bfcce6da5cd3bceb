/**
 * `AzurePrivateEndpoint`: reach an Azure PaaS resource (a storage account, a key vault, a SQL
 * server… with its groupIds) or a Private Link Service (by id, or by alias) privately from a
 * consumer subnet, with the private DNS that makes clients use it.
 *
 * The graph, optional parts in brackets:
 *
 *   endpoint → [zone-<zone> → link-<zone>-<vnet>] → [dns (zone group)] | [record (custom service)]
 *
 * Secure by default: the connection always carries a name and, when manual, a request message;
 * DNS is on (the catalog's zones for the groupIds, created and linked to the endpoint's VNet),
 * so clients never resolve the service's public address by accident.
 */
import * as pulumi from "@pulumi/pulumi";
import * as network from "@pulumi/azure-native/network";
import * as privatedns from "@pulumi/azure-native/privatedns";
import {
    Validator,
    childName,
    isDnsName,
    isIpAddress,
    isKnown,
    mergeTags,
    normalizeDnsName,
    requireAbsent,
    requireArray,
    requireBoolean,
    requireExactlyOne,
    requireInteger,
    requireObject,
    requireOneOf,
    requireString,
    requireStringList,
    requireUnique,
    requireValue,
    slug,
    startValidation,
    typeToken,
} from "../core";
import { AzureCloud, CatalogFields, MAX_ZONES_PER_ZONE_GROUP, isAzureCloud, resolveCatalogZones } from "./catalog";
import { AzurePrivateDnsResolutionPolicy, ZoneLink, createZones, zoneConfigName } from "./dns";
import {
    APPLICATION_SECURITY_GROUP_TYPE,
    PRIVATE_DNS_ZONE_TYPE,
    PRIVATE_LINK_SERVICE_TYPE,
    SUBNET_TYPE,
    VIRTUAL_NETWORK_TYPE,
    isArmIdOfType,
    isPrivateLinkServiceAlias,
    nameOfArmId,
    parseArmId,
    requireAnyArmId,
    requireArmId,
    requireIdEntries,
    resourceTypeOf,
    virtualNetworkIdOfSubnet,
} from "./ids";
import { azureRegionCloud } from "./regions";
import { hasOwn, requireResourceName, validateAzureTags } from "./validation";

const COMPONENT = "AzurePrivateEndpoint";

/** ARM's limit on a connection's request message. */
export const MAX_REQUEST_MESSAGE = 140;

/** The logical-name key of the link to the endpoint's own VNet. */
const ENDPOINT_VNET_KEY = "endpoint-vnet";

/** How the endpoint's name gets resolved to its private IP. */
export enum AzurePrivateEndpointDnsMode {
    /**
     * Create the private DNS zones the catalog gives for the groupIds (or `dns.zoneName` for a
     * custom private link service), link them to the endpoint's VNet and `dns.virtualNetworks`,
     * and point them at the endpoint: a zone group for PaaS targets, an A record for a custom
     * service.
     */
    CreateZones = "CreateZones",
    /**
     * Use existing (central, hub) zones by id: a zone group with `dns.privateDnsZoneIds` or the
     * entries of `dns.zoneIdsByGroupId` for the groupIds. The zones may live in another
     * subscription; linking them to VNets is the hub's job (`AzurePrivateDnsZones`).
     */
    ExistingZones = "ExistingZones",
    /**
     * Azure Policy (DeployIfNotExists, e.g. the Azure Landing Zones "Deploy-Private-DNS-Zones"
     * initiative) adds the zone group after the endpoint exists. The component creates none, and
     * leaves the DNS configuration the policy causes alone on later updates. Configure the
     * Azure pack's `pe-requires-dns` rule with `dnsManagedByPolicy: true`.
     */
    AzurePolicy = "AzurePolicy",
    /** No DNS: clients use the endpoint's IPs, or DNS is managed outside this program. */
    None = "None",
}

/** A VNet that the endpoint's created zones are linked to. */
export interface AzurePrivateEndpointVirtualNetworkArgs {
    /** The VNet's resource id. */
    virtualNetworkId: pulumi.Input<string>;
    /**
     * The key that names the VNet's link resources (`${name}-link-<zone>-<key>`). Required when
     * `virtualNetworkId` is not known when the program runs (an Output of another resource).
     * @default the VNet's name from `virtualNetworkId`
     */
    key?: string;
}

/** How the endpoint's private DNS is done. */
export interface AzurePrivateEndpointDnsArgs {
    /**
     * The DNS mode.
     * @default ExistingZones when `privateDnsZoneIds` or `zoneIdsByGroupId` is given, else CreateZones
     */
    mode?: AzurePrivateEndpointDnsMode;
    /**
     * Ids of existing private DNS zones for the zone group (ExistingZones), at most 5, e.g. the
     * central zones of a connectivity subscription.
     * @default none
     */
    privateDnsZoneIds?: pulumi.Input<string>[];
    /**
     * Existing zone ids by groupId, e.g. the `zoneIds` output of an `AzurePrivateDnsZones` hub
     * (ExistingZones). The zone group takes the zones of the endpoint's groupIds; of a groupId
     * the hub serves in several regions, only the zones of the endpoint's `location`.
     * @default none
     */
    zoneIdsByGroupId?: pulumi.Input<{ [groupId: string]: string[] }>;
    /**
     * The resource group of created zones and links (CreateZones).
     * @default the endpoint's resource group
     */
    resourceGroupName?: pulumi.Input<string>;
    /**
     * Link created zones to the endpoint's own VNet (the VNet of `subnetId`).
     * @default true
     */
    linkEndpointVirtualNetwork?: boolean;
    /**
     * More VNets to link created zones to (CreateZones), e.g. a hub with the DNS resolver.
     * @default []
     */
    virtualNetworks?: AzurePrivateEndpointVirtualNetworkArgs[];
    /**
     * Fall back to public DNS when a created zone has no record for a name
     * (`resolutionPolicy: NxDomainRedirect` on the links), so resources of the same type that
     * this VNet reaches without a private endpoint still resolve.
     * @default false
     */
    internetFallback?: boolean;
    /**
     * For a custom private link service (no groupIds, CreateZones): the private DNS zone to create,
     * e.g. `orders.privatelink.contoso.internal`. It holds an A record to the endpoint's IP.
     * @default none (required for a custom service unless mode is None)
     */
    zoneName?: string;
    /**
     * For a custom private link service: the name of the A record in `zoneName`, relative to the
     * zone (`@` is the zone apex).
     * @default "@"
     */
    recordName?: string;
    /**
     * The TTL of the custom service's A record, in seconds.
     * @default 300
     */
    recordTtl?: pulumi.Input<number>;
    /**
     * The name of the private DNS zone group.
     * @default "default"
     */
    zoneGroupName?: pulumi.Input<string>;
    /** The AKS private DNS subzone, for groupId `management` (`{subzone}` in the catalog). @default none */
    subzone?: string;
    /** The DNS prefix of a SQL Managed Instance, for groupId `managedInstance` (`{dnsPrefix}`). @default none */
    dnsPrefix?: string;
    /** The partition id of a Static Web App, for groupId `staticSites` (`{partitionId}`). @default none */
    partitionId?: string;
    /**
     * The region's geo code for `{regionCode}` zones (Azure Backup), when the catalog has none for
     * the region.
     * @default the geo code of `location`
     */
    regionCode?: string;
}

/** A static private IP of the endpoint, for one member of the target's groupId. */
export interface AzurePrivateEndpointIpConfigurationArgs {
    /** The private IPv4 address, in the endpoint's subnet. */
    privateIpAddress: pulumi.Input<string>;
    /**
     * The groupId the member belongs to (PaaS targets only).
     * @default the endpoint's groupId when it has exactly one
     */
    groupId?: string;
    /**
     * The member of the groupId, as the service defines it: `default` for Key Vault `vault`, `blob`
     * for storage `blob`, `sqlServer` for SQL, `registry` and `registry_data_<region>` for a
     * container registry (one entry each). Required for PaaS targets; not allowed for a custom
     * private link service.
     * @default none
     */
    memberName?: string;
    /**
     * The name of the IP configuration.
     * @default `<groupId>-<memberName>`, or `ipconfig` for a custom private link service
     */
    name?: string;
}

/** Arguments of `AzurePrivateEndpoint`. */
export interface AzurePrivateEndpointArgs {
    /** The resource group of the endpoint. */
    resourceGroupName: pulumi.Input<string>;
    /**
     * The endpoint's region, e.g. `eastus`; it must be the region of the subnet's VNet. Regional
     * catalog zones (AKS, Container Apps, Data Explorer, Backup) need it as a plain string.
     * @default the resource group's region
     */
    location?: pulumi.Input<string>;
    /**
     * The resource id of the subnet for the endpoint's network interface. Changing it replaces
     * the endpoint (Azure refuses to move an endpoint to another subnet).
     */
    subnetId: pulumi.Input<string>;
    /**
     * The endpoint's resource name.
     * @default a name derived from the logical name
     */
    privateEndpointName?: pulumi.Input<string>;
    /**
     * The resource id of the target: a PaaS resource (with `groupIds`) or a private link service
     * (without). Exactly one of `targetResourceId` and `privateLinkServiceAlias`.
     * @default none
     */
    targetResourceId?: pulumi.Input<string>;
    /**
     * The alias of a private link service
     * (`<name>.<guid>.<region>.azure.privatelinkservice`, its owner's `serviceReference`). A
     * connection by alias is always manual: the owner approves it. Exactly one of
     * `targetResourceId` and `privateLinkServiceAlias`.
     * @default none
     */
    privateLinkServiceAlias?: pulumi.Input<string>;
    /**
     * The target's Private Link sub-resources, e.g. `["blob"]`, `["vault"]`, `["sqlServer"]`.
     * Required for PaaS targets, empty for a private link service. Changing them replaces the
     * endpoint. They decide the catalog DNS zones.
     * @default [] (a custom private link service)
     */
    groupIds?: string[];
    /**
     * The target's ARM resource type, e.g. `Microsoft.DocumentDB/databaseAccounts`, for a groupId
     * that several services use with different zones (`Sql`, `account`, `portal`).
     * @default the type in `targetResourceId` when it is known
     */
    targetResourceType?: string;
    /**
     * Request the connection for the target owner's approval (a manual connection) instead of
     * connecting automatically, as for targets in another tenant or without approval rights.
     * Connections by alias are always manual.
     * @default false, or true with `privateLinkServiceAlias`
     */
    manualApproval?: boolean;
    /**
     * The message the target's owner sees with a manual request (at most 140 characters).
     * @default "Private endpoint <name> requests access." for manual connections
     */
    requestMessage?: pulumi.Input<string>;
    /**
     * The name of the connection inside the endpoint. Azure rejects a connection without one.
     * @default the logical name in slug form
     */
    connectionName?: string;
    /**
     * Static private IPs, one per member of the target's groupId (see
     * `AzurePrivateEndpointIpConfigurationArgs.memberName`).
     * @default [] (dynamic IPs)
     */
    ipConfigurations?: AzurePrivateEndpointIpConfigurationArgs[];
    /**
     * The name of the endpoint's network interface.
     * @default Azure's `<endpoint>.nic.<guid>`
     */
    customNetworkInterfaceName?: pulumi.Input<string>;
    /**
     * Application security groups of the endpoint's network interface. They take effect only when
     * the subnet's `privateEndpointNetworkPolicies` enables NSGs.
     * @default []
     */
    applicationSecurityGroupIds?: pulumi.Input<string>[];
    /**
     * Private DNS for the endpoint.
     * @default CreateZones: the catalog zones of the groupIds, linked to the endpoint's VNet
     */
    dns?: AzurePrivateEndpointDnsArgs;
    /**
     * The Azure cloud, which decides the catalog zone names.
     * @default the cloud of `location` when it is known, else AzureCloud.Public
     */
    cloud?: AzureCloud;
    /**
     * Tags for every resource that takes tags, over the component's `managed-by` and
     * `privatelink-component` tags.
     * @default {}
     */
    tags?: { [key: string]: string };
}

/** What the validation worked out, so the constructor does not work it out again. */
interface EndpointPlan {
    cloud: AzureCloud;
    groupIds: string[];
    customService: boolean;
    manual: boolean;
    mode: AzurePrivateEndpointDnsMode;
    /** CreateZones: the zone names to create (catalog zones, or `dns.zoneName`). */
    zoneNames: string[];
    /** ExistingZones with zoneIdsByGroupId: the zone names the endpoint expects, when known. */
    expectedZoneNames?: string[];
    links: ZoneLink[];
    connectionName: string;
}

/** Validates the arguments of an `AzurePrivateEndpoint` and works out its plan. */
function planEndpoint(name: string, args: AzurePrivateEndpointArgs): EndpointPlan {
    const v: Validator = startValidation(COMPONENT, name, args, "pass an arguments object, e.g. { resourceGroupName, subnetId, targetResourceId, groupIds }");
    const a = args as unknown as Record<string, unknown>;

    requireValue(v, "resourceGroupName", a.resourceGroupName, 'give the endpoint\'s resource group, e.g. "client-rg"');
    requireString(v, "resourceGroupName", a.resourceGroupName, { nonEmpty: true });
    requireString(v, "location", a.location, { nonEmpty: true, expected: 'an Azure region, e.g. "eastus"' });
    requireValue(v, "subnetId", a.subnetId, "give the resource id of the endpoint's subnet");
    requireString(v, "subnetId", a.subnetId);
    requireArmId(v, "subnetId", a.subnetId, SUBNET_TYPE, "a subnet");
    requireString(v, "privateEndpointName", a.privateEndpointName);
    requireResourceName(v, "privateEndpointName", a.privateEndpointName);
    requireString(v, "customNetworkInterfaceName", a.customNetworkInterfaceName);
    requireResourceName(v, "customNetworkInterfaceName", a.customNetworkInterfaceName);
    if (a.cloud !== undefined && !isAzureCloud(a.cloud)) {
        v.fail("cloud", a.cloud, "which is not an Azure cloud", `use one of ${Object.values(AzureCloud).map((c) => `"${c}"`).join(", ")} (the AzureCloud enum)`);
    }
    const location = isKnown(a.location) && typeof a.location === "string" ? a.location : undefined;
    const cloud = (a.cloud as AzureCloud | undefined) ?? azureRegionCloud(location) ?? AzureCloud.Public;
    if (location !== undefined && azureRegionCloud(location) !== undefined && azureRegionCloud(location) !== cloud) {
        v.fail("location", location, `which is a region of ${azureRegionCloud(location)}, not of ${cloud}`, "use a region of the endpoint's cloud, or set cloud to match");
    }
    validateAzureTags(v, "tags", a.tags);

    // The target: a resource id (PaaS or private link service) or an alias.
    requireString(v, "targetResourceId", a.targetResourceId);
    requireString(v, "privateLinkServiceAlias", a.privateLinkServiceAlias);
    requireExactlyOne(
        v,
        { targetResourceId: a.targetResourceId ?? undefined, privateLinkServiceAlias: a.privateLinkServiceAlias ?? undefined },
        "give targetResourceId (the id of a PaaS resource or private link service) or privateLinkServiceAlias (a service's alias), not both",
    );
    requireAnyArmId(v, "targetResourceId", a.targetResourceId, "an Azure resource");
    if (isKnown(a.privateLinkServiceAlias) && !isPrivateLinkServiceAlias(a.privateLinkServiceAlias)) {
        v.fail(
            "privateLinkServiceAlias",
            a.privateLinkServiceAlias,
            "which is not a private link service alias",
            "use the alias the service owner shares, <name>.<guid>.<region>.azure.privatelinkservice (AzurePrivateLinkService's serviceReference)",
        );
    }
    requireStringList(v, "groupIds", a.groupIds);
    const groupIds = ((a.groupIds as unknown[] | undefined) ?? []) as string[];
    groupIds.forEach((g, i) => {
        if (!isKnown(g)) {
            v.fail(`groupIds[${i}]`, "<output>", "but groupIds decide the DNS zones and must be known when the program runs", 'list plain groupIds, e.g. ["blob"]');
        }
        if (!/^[A-Za-z0-9_-]{1,80}$/.test(g)) {
            v.fail(`groupIds[${i}]`, g, "which is not a groupId", 'use the sub-resource name, e.g. "blob", "vault" or "sqlServer"');
        }
    });
    requireUnique(v, "groupIds", groupIds);
    const knownTarget = isKnown(a.targetResourceId) && typeof a.targetResourceId === "string" ? a.targetResourceId : undefined;
    const targetIsService = a.privateLinkServiceAlias !== undefined || (knownTarget !== undefined && isArmIdOfType(knownTarget, PRIVATE_LINK_SERVICE_TYPE));
    if (targetIsService && groupIds.length > 0) {
        v.fail("groupIds", groupIds, "but a private link service has no groupIds", "leave groupIds out for a private link service target");
    }
    if (!targetIsService && knownTarget !== undefined && groupIds.length === 0) {
        v.fail("groupIds", a.groupIds, `but the target ${resourceTypeOf(knownTarget)} is a PaaS resource, which needs its sub-resource`, 'give the groupId, e.g. ["blob"] for a storage account or ["vault"] for a key vault');
    }
    const customService = groupIds.length === 0;
    if (a.targetResourceType !== undefined) {
        requireString(v, "targetResourceType", a.targetResourceType, { expected: 'an ARM resource type, e.g. "Microsoft.Storage/storageAccounts"' });
        if (customService) {
            v.fail("targetResourceType", a.targetResourceType, "but it only chooses catalog zones for groupIds", "leave targetResourceType out for a private link service target");
        }
        if (knownTarget !== undefined && resourceTypeOf(knownTarget)!.toLowerCase() !== String(a.targetResourceType).toLowerCase()) {
            v.fail("targetResourceType", a.targetResourceType, `which is not the type of targetResourceId (${resourceTypeOf(knownTarget)})`, "leave targetResourceType out when targetResourceId is known");
        }
    }
    const resourceType = (a.targetResourceType as string | undefined) ?? (knownTarget !== undefined && !customService ? resourceTypeOf(knownTarget) : undefined);

    // The connection.
    requireBoolean(v, "manualApproval", a.manualApproval, { mustBeKnown: true });
    if (a.privateLinkServiceAlias !== undefined && a.manualApproval === false) {
        v.fail(
            "manualApproval",
            false,
            "but a connection by alias is always a manual request: Azure cannot approve it automatically",
            "leave manualApproval out (or true) with privateLinkServiceAlias, or connect by targetResourceId if you may approve the service's connections",
        );
    }
    const manual = a.manualApproval === true || a.privateLinkServiceAlias !== undefined;
    requireString(v, "requestMessage", a.requestMessage);
    if (isKnown(a.requestMessage) && typeof a.requestMessage === "string" && a.requestMessage.length > MAX_REQUEST_MESSAGE) {
        v.fail("requestMessage", a.requestMessage, `which is ${a.requestMessage.length} characters; Azure allows at most ${MAX_REQUEST_MESSAGE}`, "shorten it: who asks and why");
    }
    requireString(v, "connectionName", a.connectionName);
    if (a.connectionName !== undefined && !isKnown(a.connectionName)) {
        v.fail("connectionName", "<output>", "but the connection name must be known when the program runs", "pass a plain name");
    }
    requireResourceName(v, "connectionName", a.connectionName);
    const connectionName = (a.connectionName as string | undefined) ?? (slug(name).slice(0, 80).replace(/-+$/, "") || "connection");

    validateIpConfigurations(v, a.ipConfigurations, groupIds, customService);
    requireStringList(v, "applicationSecurityGroupIds", a.applicationSecurityGroupIds);
    ((a.applicationSecurityGroupIds as unknown[] | undefined) ?? []).forEach((id, i) =>
        requireArmId(v, `applicationSecurityGroupIds[${i}]`, id, APPLICATION_SECURITY_GROUP_TYPE, "an application security group"),
    );
    requireUnique(v, "applicationSecurityGroupIds", (a.applicationSecurityGroupIds as unknown[] | undefined) ?? []);

    // DNS.
    const dnsFix = "pass an object, e.g. dns: { mode: \"CreateZones\" }";
    if (a.dns !== undefined) {
        requireObject(v, "dns", a.dns, dnsFix, { mustBeKnown: true });
    }
    const dns = (a.dns as Record<string, unknown> | undefined) ?? {};
    requireOneOf(v, "dns.mode", dns.mode, Object.values(AzurePrivateEndpointDnsMode), { mustBeKnown: true });
    const hasExisting = dns.privateDnsZoneIds !== undefined || dns.zoneIdsByGroupId !== undefined;
    const mode = (dns.mode as AzurePrivateEndpointDnsMode | undefined) ?? (hasExisting ? AzurePrivateEndpointDnsMode.ExistingZones : AzurePrivateEndpointDnsMode.CreateZones);
    const modeText = `with dns.mode ${mode}`;
    requireBoolean(v, "dns.linkEndpointVirtualNetwork", dns.linkEndpointVirtualNetwork, { mustBeKnown: true });
    requireBoolean(v, "dns.internetFallback", dns.internetFallback, { mustBeKnown: true });
    requireString(v, "dns.resourceGroupName", dns.resourceGroupName, { nonEmpty: true });
    requireString(v, "dns.zoneGroupName", dns.zoneGroupName);
    requireResourceName(v, "dns.zoneGroupName", dns.zoneGroupName);
    requireInteger(v, "dns.recordTtl", dns.recordTtl, 1, 2147483647);
    for (const f of ["subzone", "dnsPrefix", "partitionId", "regionCode", "zoneName", "recordName"]) {
        requireString(v, `dns.${f}`, dns[f]);
        if (dns[f] !== undefined && !isKnown(dns[f])) {
            v.fail(`dns.${f}`, "<output>", "but it names DNS zones or records and must be known when the program runs", "pass a plain string");
        }
    }

    if (mode !== AzurePrivateEndpointDnsMode.ExistingZones) {
        requireAbsent(v, { "dns.privateDnsZoneIds": dns.privateDnsZoneIds, "dns.zoneIdsByGroupId": dns.zoneIdsByGroupId }, "but existing zones are used only with dns.mode ExistingZones", "or set dns.mode to ExistingZones");
    }
    if (mode !== AzurePrivateEndpointDnsMode.CreateZones) {
        requireAbsent(
            v,
            {
                "dns.virtualNetworks": dns.virtualNetworks,
                "dns.linkEndpointVirtualNetwork": dns.linkEndpointVirtualNetwork,
                "dns.internetFallback": dns.internetFallback,
                "dns.resourceGroupName": dns.resourceGroupName,
                "dns.zoneName": dns.zoneName,
                "dns.recordName": dns.recordName,
                "dns.recordTtl": dns.recordTtl,
            },
            `which applies only to zones the component creates, not ${modeText}`,
            "link hub zones to VNets in the hub (AzurePrivateDnsZones)",
        );
    }
    if (mode === AzurePrivateEndpointDnsMode.AzurePolicy || mode === AzurePrivateEndpointDnsMode.None) {
        requireAbsent(v, { "dns.zoneGroupName": dns.zoneGroupName }, `but no zone group is created ${modeText}`);
    }
    if (customService) {
        if (mode === AzurePrivateEndpointDnsMode.ExistingZones || mode === AzurePrivateEndpointDnsMode.AzurePolicy) {
            v.fail(
                "dns.mode",
                mode,
                "but a custom private link service has no catalog zone that a zone group or Azure Policy could fill",
                'use dns.mode CreateZones with dns.zoneName (a zone with an A record to the endpoint), or None and write the record from the privateIps output yourself',
            );
        }
        if (mode === AzurePrivateEndpointDnsMode.CreateZones && dns.zoneName === undefined) {
            v.fail(
                "dns.zoneName",
                undefined,
                "but a custom private link service has no catalog zone, so the component needs the zone to create",
                'give dns.zoneName, e.g. "orders.privatelink.contoso.internal", or set dns.mode to None to resolve the endpoint yourself',
            );
        }
        requireAbsent(v, { "dns.zoneGroupName": dns.zoneGroupName }, "but a custom private link service gets an A record, not a zone group");
        requireAbsent(
            v,
            { "dns.subzone": dns.subzone, "dns.dnsPrefix": dns.dnsPrefix, "dns.partitionId": dns.partitionId, "dns.regionCode": dns.regionCode },
            "which fills catalog zones, and a custom private link service has none",
        );
    } else {
        requireAbsent(v, { "dns.zoneName": dns.zoneName, "dns.recordName": dns.recordName, "dns.recordTtl": dns.recordTtl }, "which applies only to a custom private link service; PaaS targets use catalog zones");
    }
    if (dns.zoneName !== undefined) {
        if (!isDnsName(dns.zoneName) || !String(dns.zoneName).replace(/\.$/, "").includes(".")) {
            v.fail("dns.zoneName", dns.zoneName, "which is not a DNS zone name with two labels or more", 'write it like "orders.privatelink.contoso.internal"');
        }
    }
    if (dns.recordName !== undefined && dns.recordName !== "@" && !isDnsName(dns.recordName, { wildcard: true })) {
        v.fail("dns.recordName", dns.recordName, "which is not a record name relative to the zone", 'use "@" for the zone apex, or a relative name such as "api"');
    }

    const fields: CatalogFields = {
        groupId: "groupIds",
        cloud: "cloud",
        region: "location",
        regionCode: "dns.regionCode",
        resourceType: "targetResourceType",
        subzone: "dns.subzone",
        dnsPrefix: "dns.dnsPrefix",
        partitionId: "dns.partitionId",
    };
    const catalogOptions = {
        cloud,
        region: location,
        regionCode: dns.regionCode as string | undefined,
        resourceType,
        subzone: dns.subzone as string | undefined,
        dnsPrefix: dns.dnsPrefix as string | undefined,
        partitionId: dns.partitionId as string | undefined,
    };
    const catalogZones = (): string[] => {
        const zones: string[] = [];
        groupIds.forEach((g, i) => {
            for (const z of resolveCatalogZones(v, g, catalogOptions, { ...fields, groupId: `groupIds[${i}]` }).zones) {
                if (!zones.includes(z)) {
                    zones.push(z);
                }
            }
        });
        return zones;
    };

    let zoneNames: string[] = [];
    let expectedZoneNames: string[] | undefined;
    const links: ZoneLink[] = [];
    if (mode === AzurePrivateEndpointDnsMode.CreateZones) {
        zoneNames = customService ? [normalizeDnsName(dns.zoneName as string)] : catalogZones();
        if (zoneNames.length > MAX_ZONES_PER_ZONE_GROUP) {
            v.fail(
                "groupIds",
                groupIds,
                `which need ${zoneNames.length} private DNS zones (${zoneNames.join(", ")}), more than the ${MAX_ZONES_PER_ZONE_GROUP} one zone group takes`,
                "split the groupIds over several endpoints, or pass at most 5 existing zones with dns.privateDnsZoneIds, or let Azure Policy manage DNS (dns.mode AzurePolicy)",
            );
        }
        const resolution = dns.internetFallback === true ? AzurePrivateDnsResolutionPolicy.NxDomainRedirect : AzurePrivateDnsResolutionPolicy.Default;
        const linkOwn = dns.linkEndpointVirtualNetwork !== false;
        const entries = ((dns.virtualNetworks as unknown[] | undefined) ?? []) as AzurePrivateEndpointVirtualNetworkArgs[];
        const keys = requireIdEntries(v, "dns.virtualNetworks", dns.virtualNetworks, {
            idField: "virtualNetworkId",
            type: VIRTUAL_NETWORK_TYPE,
            what: "a virtual network",
            entryFix: "pass { virtualNetworkId: vnet.id, key: \"hub\" }",
            duplicateFix: "link each VNet once; give VNets of the same name in other resource groups a key",
        });
        const ownVnet = isKnown(args.subnetId) ? virtualNetworkIdOfSubnet(args.subnetId as string) : undefined;
        keys.forEach((key, i) => {
            if (linkOwn && key === ENDPOINT_VNET_KEY) {
                v.fail(`dns.virtualNetworks[${i}].key`, key, "which is the key of the endpoint's own VNet link", "choose another key");
            }
            const id = entries[i].virtualNetworkId;
            if (linkOwn && ownVnet !== undefined && isKnown(id) && String(id).toLowerCase() === ownVnet.toLowerCase()) {
                v.fail(`dns.virtualNetworks[${i}].virtualNetworkId`, id, "which is the endpoint's own VNet, already linked (a VNet can be linked to a zone only once)", "remove it, or set dns.linkEndpointVirtualNetwork to false");
            }
        });
        if (linkOwn) {
            links.push({ key: ENDPOINT_VNET_KEY, virtualNetworkId: endpointVirtualNetworkId(v, args.subnetId), resolutionPolicy: resolution });
        }
        keys.forEach((key, i) => links.push({ key, virtualNetworkId: entries[i].virtualNetworkId, resolutionPolicy: resolution }));
        if (links.length === 0) {
            v.fail(
                "dns.linkEndpointVirtualNetwork",
                false,
                "and dns.virtualNetworks is empty, so no VNet would resolve the created zones",
                "link at least one VNet, or use dns.mode ExistingZones with zones that are already linked",
            );
        }
    } else if (mode === AzurePrivateEndpointDnsMode.ExistingZones) {
        requireExactlyOne(
            v,
            { "dns.privateDnsZoneIds": dns.privateDnsZoneIds, "dns.zoneIdsByGroupId": dns.zoneIdsByGroupId },
            "give the zone ids as a list (dns.privateDnsZoneIds) or by groupId from a hub (dns.zoneIdsByGroupId), not both",
        );
        if (dns.privateDnsZoneIds !== undefined) {
            requireStringList(v, "dns.privateDnsZoneIds", dns.privateDnsZoneIds);
            const ids = dns.privateDnsZoneIds as unknown[];
            if (ids.length === 0) {
                v.fail("dns.privateDnsZoneIds", ids, "but a zone group needs at least one zone", "list the zone ids, or use dns.mode None");
            }
            if (ids.length > MAX_ZONES_PER_ZONE_GROUP) {
                v.fail("dns.privateDnsZoneIds", ids, `which lists ${ids.length} zones, more than the ${MAX_ZONES_PER_ZONE_GROUP} one zone group takes`, "list at most 5 zones");
            }
            ids.forEach((id, i) => requireArmId(v, `dns.privateDnsZoneIds[${i}]`, id, PRIVATE_DNS_ZONE_TYPE, "a private DNS zone"));
            requireUnique(v, "dns.privateDnsZoneIds", ids);
        } else if (isKnown(dns.zoneIdsByGroupId)) {
            requireObject(v, "dns.zoneIdsByGroupId", dns.zoneIdsByGroupId, "pass a map of groupId to zone ids, e.g. hub.zoneIds");
        }
        // The zones this endpoint expects, to pick the right ones of a hub's map; when the catalog
        // cannot tell (a region not given, a groupId it does not know), every zone of the groupId is used.
        try {
            expectedZoneNames = catalogZones();
        } catch {
            expectedZoneNames = undefined;
        }
    } else {
        requireAbsent(v, { "dns.subzone": dns.subzone, "dns.dnsPrefix": dns.dnsPrefix, "dns.partitionId": dns.partitionId, "dns.regionCode": dns.regionCode }, `which fills catalog zones, and none are used ${modeText}`);
    }
    return { cloud, groupIds, customService, manual, mode, zoneNames, expectedZoneNames, links, connectionName };
}

/** Validates the static IP configurations. */
function validateIpConfigurations(v: Validator, value: unknown, groupIds: string[], customService: boolean): void {
    requireArray(v, "ipConfigurations", value);
    const configs = (value as unknown[] | undefined) ?? [];
    if (customService && configs.length > 1) {
        v.fail("ipConfigurations", configs, "but an endpoint to a private link service has one IP", "give at most one ipConfigurations entry");
    }
    const names = new Map<string, number>();
    configs.forEach((c, i) => {
        const field = `ipConfigurations[${i}]`;
        requireObject(v, field, c, 'pass { privateIpAddress: "10.0.1.10", memberName: "default" }', { mustBeKnown: true });
        const entry = c as Record<string, unknown>;
        requireValue(v, `${field}.privateIpAddress`, entry.privateIpAddress, "give the static private IP, in the endpoint's subnet");
        requireString(v, `${field}.privateIpAddress`, entry.privateIpAddress);
        if (isKnown(entry.privateIpAddress) && !(isIpAddress(entry.privateIpAddress) && !String(entry.privateIpAddress).includes(":"))) {
            v.fail(`${field}.privateIpAddress`, entry.privateIpAddress, "which is not an IPv4 address", 'use an address of the subnet, e.g. "10.0.1.10"');
        }
        for (const f of ["groupId", "memberName", "name"]) {
            requireString(v, `${field}.${f}`, entry[f], { nonEmpty: true });
            if (entry[f] !== undefined && !isKnown(entry[f])) {
                v.fail(`${field}.${f}`, "<output>", "but it must be known when the program runs", "pass a plain string");
            }
        }
        requireResourceName(v, `${field}.name`, entry.name);
        let configName: string;
        if (customService) {
            requireAbsent(
                v,
                { [`${field}.groupId`]: entry.groupId, [`${field}.memberName`]: entry.memberName },
                "but Azure refuses groupIds and member names in the static IP of an endpoint to a private link service",
            );
            configName = (entry.name as string | undefined) ?? "ipconfig";
        } else {
            const groupId = (entry.groupId as string | undefined) ?? (groupIds.length === 1 ? groupIds[0] : undefined);
            if (groupId === undefined) {
                v.fail(`${field}.groupId`, undefined, "but the endpoint has several groupIds", `say which one the IP is for, one of ${groupIds.join(", ")}`);
            }
            if (!groupIds.includes(groupId)) {
                v.fail(`${field}.groupId`, groupId, "which is not one of the endpoint's groupIds", `use one of ${groupIds.join(", ")}`);
            }
            if (entry.memberName === undefined) {
                v.fail(
                    `${field}.memberName`,
                    undefined,
                    `but Azure needs the member of groupId "${groupId}" the IP is for, and a wrong one fails at apply (PrivateEndpointIpConfigurationMissingMemberNamesRequiredByFps)`,
                    `give the service's member name, e.g. "${memberNameHint(groupId)}"`,
                );
            }
            configName = (entry.name as string | undefined) ?? `${groupId}-${entry.memberName as string}`.slice(0, 80);
        }
        if (names.has(configName)) {
            v.fail(`${field}.name`, configName, `which ipConfigurations[${names.get(configName)}] uses too`, "give each IP configuration its own name or member");
        }
        names.set(configName, i);
    });
    requireUnique(
        v,
        "ipConfigurations",
        configs.map((c) => (c as Record<string, unknown>).privateIpAddress),
        "privateIpAddress",
    );
}

/** The member name most services use for a groupId, for error messages. */
function memberNameHint(groupId: string): string {
    const hints = new Map([
        ["vault", "default"],
        ["registry", "registry"],
        ["sqlServer", "sqlServer"],
    ]);
    return hints.get(groupId) ?? groupId;
}

/** The VNet of the endpoint's subnet: from the id when known, else once the id resolves. */
function endpointVirtualNetworkId(v: Validator, subnetId: pulumi.Input<string>): pulumi.Input<string> {
    if (isKnown(subnetId)) {
        return virtualNetworkIdOfSubnet(subnetId)!;
    }
    return pulumi.output(subnetId).apply((id) => {
        const vnet = virtualNetworkIdOfSubnet(id);
        if (vnet === undefined) {
            v.fail("subnetId", id, "which resolved to something that is not a subnet id, so the endpoint's VNet cannot be linked to its DNS zones", "pass the id of a subnet (…/virtualNetworks/<vnet>/subnets/<subnet>)");
        }
        return vnet;
    });
}

/**
 * Validates the plain arguments of an `AzurePrivateEndpoint` and throws a `ValidationError`
 * naming the field and the fix. Values that are Outputs are left for Azure to judge.
 */
export function validateAzurePrivateEndpointArgs(name: string, args: AzurePrivateEndpointArgs): void {
    planEndpoint(name, args);
}

/**
 * A private endpoint in a consumer subnet, with its private DNS.
 *
 * Children (logical names): `${name}-endpoint` (the `network.PrivateEndpoint`);
 * `${name}-zone-<zone>` and `${name}-link-<zone>-<vnet>` (CreateZones: a zone per catalog zone
 * or `dns.zoneName`, a link per zone and VNet, `<vnet>` being `endpoint-vnet` for the endpoint's
 * own VNet); `${name}-dns` (the `network.PrivateDnsZoneGroup`, CreateZones and ExistingZones for
 * PaaS targets); `${name}-record` (the A record of a custom private link service, CreateZones).
 */
export class AzurePrivateEndpoint extends pulumi.ComponentResource {
    /** The private endpoint's resource id. */
    public readonly endpointId: pulumi.Output<string>;
    /** The private IPs of the endpoint's network interface (looked up after creation). */
    public readonly privateIps: pulumi.Output<string[]>;
    /**
     * The DNS names that reach the target through the endpoint: the FQDNs Azure reports for it,
     * and the custom service's record.
     */
    public readonly dnsNames: pulumi.Output<string[]>;
    /** The connection's state: `Approved`, `Pending`, `Rejected` or `Disconnected`. */
    public readonly connectionState: pulumi.Output<string>;
    /** The resource id of the endpoint's network interface. */
    public readonly networkInterfaceId: pulumi.Output<string>;
    /** The ids of the private DNS zones the endpoint's names are in (created or existing). */
    public readonly dnsZoneIds: pulumi.Output<string[]>;
    /** The resource id of the private DNS zone group, if the component created one. */
    public readonly dnsZoneGroupId: pulumi.Output<string | undefined>;

    /**
     * @param name The logical name; children are named `${name}-<role>`.
     * @param args See `AzurePrivateEndpointArgs`.
     * @param opts Component options; `providers: { "azure-native": p }` reaches every child.
     */
    constructor(name: string, args: AzurePrivateEndpointArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = planEndpoint(name, args);
        super(typeToken(COMPONENT), name, {}, opts);
        const v: Validator = new Validator(COMPONENT, name);
        const tags = mergeTags(name, args.tags);
        const dns = args.dns ?? {};

        const target = (args.targetResourceId ?? args.privateLinkServiceAlias)!;
        const connection = {
            name: plan.connectionName,
            privateLinkServiceId: target,
            // Sorted: their order means nothing to Azure, and a changed list replaces the endpoint.
            groupIds: [...plan.groupIds].sort(),
            requestMessage: args.requestMessage ?? (plan.manual ? `Private endpoint ${name} requests access.`.slice(0, MAX_REQUEST_MESSAGE) : undefined),
        };
        const asgIds = args.applicationSecurityGroupIds ?? [];
        const endpoint = new network.PrivateEndpoint(
            childName(name, "endpoint"),
            {
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                privateEndpointName: args.privateEndpointName,
                subnet: { id: args.subnetId },
                // One list holds the connection, the other is explicitly empty, so switching
                // between automatic and manual reaches ARM as a change of both.
                privateLinkServiceConnections: plan.manual ? [] : [connection],
                manualPrivateLinkServiceConnections: plan.manual ? [connection] : [],
                ipConfigurations: (args.ipConfigurations ?? []).map((c) => ({
                    name: c.name ?? (plan.customService ? "ipconfig" : `${c.groupId ?? plan.groupIds[0]}-${c.memberName}`.slice(0, 80)),
                    privateIPAddress: c.privateIpAddress,
                    groupId: plan.customService ? undefined : (c.groupId ?? plan.groupIds[0]),
                    memberName: plan.customService ? undefined : c.memberName,
                })),
                customNetworkInterfaceName: args.customNetworkInterfaceName,
                // Sorted, so reordering the list changes nothing.
                applicationSecurityGroups: pulumi.all(asgIds).apply((ids) => [...ids].sort().map((id) => ({ id }))),
                tags,
            },
            {
                parent: this,
                // ARM refuses to move an endpoint to another subnet
                // (CannotChangeSubnetOnExistingPrivateEndpoint) or to change its connection
                // (CannotChangePrivateLinkConnectionOnPrivateEndpoint), and only at apply, after
                // preview passed: such edits must replace the endpoint instead.
                replaceOnChanges: ["subnet", "privateLinkServiceConnections", "manualPrivateLinkServiceConnections"],
                // With Azure Policy owning DNS, its DeployIfNotExists zone group makes Azure rewrite
                // the endpoint's DNS configuration; a refresh copies that into the inputs, and
                // without this every later update would write the endpoint's DNS back.
                ignoreChanges: plan.mode === AzurePrivateEndpointDnsMode.AzurePolicy ? ["customDnsConfigs"] : undefined,
            },
        );

        const privateIps = lookupPrivateIps(this, endpoint, args.ipConfigurations);
        const zoneResourceGroup = dns.resourceGroupName ?? args.resourceGroupName;
        let zoneIds: pulumi.Output<string[]> = pulumi.output([]);
        let zoneGroup: network.PrivateDnsZoneGroup | undefined;
        let recordFqdns: pulumi.Output<string[]> = pulumi.output([]);
        const zoneGroupOf = (configs: network.PrivateDnsZoneGroupArgs["privateDnsZoneConfigs"]) =>
            new network.PrivateDnsZoneGroup(
                childName(name, "dns"),
                {
                    resourceGroupName: args.resourceGroupName,
                    // From the endpoint, so the group waits for it through data flow.
                    privateEndpointName: endpoint.name,
                    privateDnsZoneGroupName: dns.zoneGroupName ?? "default",
                    privateDnsZoneConfigs: configs,
                },
                { parent: this },
            );

        if (plan.mode === AzurePrivateEndpointDnsMode.CreateZones) {
            const created = createZones(this, name, { zoneNames: plan.zoneNames, resourceGroupName: zoneResourceGroup, links: plan.links, tags });
            zoneIds = pulumi.all(created.map((c) => c.zone.id));
            if (plan.customService) {
                const zone = created[0];
                const recordName = dns.recordName ?? "@";
                new privatedns.PrivateRecordSet(
                    childName(name, "record"),
                    {
                        resourceGroupName: zoneResourceGroup,
                        privateZoneName: zone.zone.name,
                        recordType: "A",
                        relativeRecordSetName: recordName,
                        ttl: dns.recordTtl ?? 300,
                        // From the endpoint's interface: the record waits for the endpoint, and a
                        // record without an address would resolve to nothing.
                        aRecords: privateIps.apply((ips) => {
                            if (ips.length === 0) {
                                v.fail("dns.zoneName", zone.zoneName, "but the endpoint reported no private IP to write into its A record", "check the endpoint's network interface, then run `pulumi up --refresh`");
                            }
                            return ips.map((ip) => ({ ipv4Address: ip }));
                        }),
                    },
                    { parent: this },
                );
                recordFqdns = pulumi.output([recordName === "@" ? zone.zoneName : `${normalizeDnsName(recordName)}.${zone.zoneName}`]);
            } else {
                const configs = [...created]
                    .sort((x, y) => x.zoneName.localeCompare(y.zoneName))
                    .map((c) => ({ name: zoneConfigName(c.zoneName), privateDnsZoneId: c.zone.id }));
                zoneGroup = zoneGroupOf(configs);
            }
        } else if (plan.mode === AzurePrivateEndpointDnsMode.ExistingZones) {
            const ids = existingZoneIds(v, dns, plan);
            zoneIds = ids;
            zoneGroup = zoneGroupOf(
                ids.apply((list) =>
                    list
                        .map((id) => ({ name: zoneConfigName(nameOfArmId(id) ?? id), privateDnsZoneId: id }))
                        .sort((x, y) => x.name.localeCompare(y.name)),
                ),
            );
        }

        this.endpointId = endpoint.id;
        this.privateIps = privateIps;
        this.networkInterfaceId = endpoint.networkInterfaces.apply((nics) => nics?.[0]?.id ?? "");
        this.connectionState = pulumi
            .all([endpoint.privateLinkServiceConnections, endpoint.manualPrivateLinkServiceConnections])
            .apply(([auto, manual]) => [...(auto ?? []), ...(manual ?? [])][0]?.privateLinkServiceConnectionState?.status ?? (plan.manual ? "Pending" : "Approved"));
        this.dnsNames = pulumi
            .all([recordFqdns, endpoint.customDnsConfigs])
            .apply(([records, configs]) => [...new Set([...records, ...(configs ?? []).map((c) => c.fqdn).filter((f): f is string => !!f)])]);
        this.dnsZoneIds = zoneIds;
        this.dnsZoneGroupId = zoneGroup ? zoneGroup.id : pulumi.output<string | undefined>(undefined);
        this.registerOutputs({
            endpointId: this.endpointId,
            privateIps: this.privateIps,
            dnsNames: this.dnsNames,
            connectionState: this.connectionState,
            networkInterfaceId: this.networkInterfaceId,
            dnsZoneIds: this.dnsZoneIds,
            dnsZoneGroupId: this.dnsZoneGroupId,
        });
    }
}

/**
 * The existing zone ids for the zone group: the given list, or the entries of a hub's map for
 * the endpoint's groupIds. Fails the deployment, naming the field, when a value resolves wrong.
 */
function existingZoneIds(v: Validator, dns: AzurePrivateEndpointDnsArgs, plan: EndpointPlan): pulumi.Output<string[]> {
    if (dns.privateDnsZoneIds !== undefined) {
        return pulumi.all(dns.privateDnsZoneIds).apply((ids) => {
            ids.forEach((id, i) => requireArmId(v, `dns.privateDnsZoneIds[${i}]`, id, PRIVATE_DNS_ZONE_TYPE, "a private DNS zone"));
            return ids;
        });
    }
    return pulumi.output(dns.zoneIdsByGroupId!).apply((map) => pickZoneIds(v, map, plan.groupIds, plan.expectedZoneNames));
}

/**
 * The zone ids of a hub's map (`AzurePrivateDnsZones.zoneIds`) for an endpoint's groupIds: of a
 * groupId the hub serves in several regions or for several services, only the zones the endpoint
 * expects (`expected`, when the catalog can tell). Throws a ValidationError on
 * `dns.zoneIdsByGroupId` when the map is not a map, lacks a groupId or an expected zone, or gives
 * more zones than one zone group takes. The map is read by own property only.
 *
 * Internal. Exported for tests.
 */
export function pickZoneIds(v: Validator, map: unknown, groupIds: readonly string[], expected: readonly string[] | undefined): string[] {
    const field = "dns.zoneIdsByGroupId";
    if (map === null || typeof map !== "object" || Array.isArray(map)) {
        v.fail(field, map, "which resolved to something that is not a map of groupId to zone ids", "pass the zoneIds output of an AzurePrivateDnsZones hub");
    }
    const picked: string[] = [];
    for (const groupId of groupIds) {
        const entry = hasOwn(map, groupId) ? (map as Record<string, unknown>)[groupId] : undefined;
        if (!Array.isArray(entry) || entry.length === 0 || entry.some((id) => typeof id !== "string")) {
            v.fail(`${field}.${groupId}`, entry, `but the endpoint's groupId "${groupId}" has no zone ids in the map`, `add "${groupId}" to the hub's groupIds, or give dns.privateDnsZoneIds`);
        }
        for (const id of entry as string[]) {
            requireArmId(v, `${field}.${groupId}`, id, PRIVATE_DNS_ZONE_TYPE, "a private DNS zone");
            const zone = (nameOfArmId(id) ?? "").toLowerCase();
            if (expected !== undefined && !expected.includes(zone)) {
                continue;
            }
            if (!picked.some((p) => p.toLowerCase() === id.toLowerCase())) {
                picked.push(id);
            }
        }
    }
    if (expected !== undefined) {
        const have = picked.map((id) => (nameOfArmId(id) ?? "").toLowerCase());
        const missing = expected.filter((z) => !have.includes(z));
        if (missing.length > 0) {
            v.fail(field, Object.keys(map), `but the hub has no zone ${missing.join(", ")} that the endpoint's groupIds need`, "add the groupIds (and the endpoint's region) to the hub, or give dns.privateDnsZoneIds");
        }
    }
    if (picked.length > MAX_ZONES_PER_ZONE_GROUP) {
        v.fail(field, picked, `which gives the endpoint ${picked.length} zones, more than the ${MAX_ZONES_PER_ZONE_GROUP} one zone group takes`, "give at most 5 zones with dns.privateDnsZoneIds");
    }
    return picked;
}

/**
 * The private IPs of the endpoint: the static ones when given, else those of its network interface,
 * looked up after creation. Invokes (not resources) inside `apply` add nothing to the graph. A
 * failed lookup falls back to the addresses Azure reports in the endpoint's DNS configuration.
 */
function lookupPrivateIps(
    parent: pulumi.Resource,
    endpoint: network.PrivateEndpoint,
    ipConfigurations: AzurePrivateEndpointIpConfigurationArgs[] | undefined,
): pulumi.Output<string[]> {
    if (ipConfigurations !== undefined && ipConfigurations.length > 0) {
        // Read through the endpoint, so the addresses are known only once it exists.
        return pulumi.all([endpoint.id, ...ipConfigurations.map((c) => c.privateIpAddress)]).apply(([, ...ips]) => [...new Set(ips)]);
    }
    return pulumi.all([endpoint.networkInterfaces, endpoint.customDnsConfigs]).apply(async ([nics, configs]) => {
        const fallback = [...new Set((configs ?? []).flatMap((c) => c.ipAddresses ?? []))];
        const ips: string[] = [];
        for (const nic of nics ?? []) {
            const id = parseArmId(nic.id);
            if (!id) {
                continue;
            }
            try {
                const found = await network.getNetworkInterface({ resourceGroupName: id.resourceGroupName, networkInterfaceName: id.segments[0][1] }, { parent });
                for (const config of found.ipConfigurations ?? []) {
                    if (config.privateIPAddress && !ips.includes(config.privateIPAddress)) {
                        ips.push(config.privateIPAddress);
                    }
                }
            } catch (e) {
                pulumi.log.warn(`could not look up network interface ${nic.id}: ${e instanceof Error ? e.message : String(e)}`, parent);
            }
        }
        return ips.length > 0 ? ips : fallback;
    });
}
