/**
 * A private endpoint to a PaaS service only keeps traffic private if the service's public
 * endpoint is closed: otherwise the service stays reachable from the internet and the
 * "use private link" findings of the Microsoft cloud security benchmark (NS-2) remain.
 */
import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { configOf, equalsIgnoreCase, framework, get, stackIndex, UnknownParts } from "../../core";
import { connectionCandidates, idNames, nameKeys, resolveConnectionTargets, T } from "./util";

/** What the rule needs to know about one PaaS resource type. */
export interface PaasTarget {
    /** Type tokens (the azure-native v3 token first, then aliases still in use). */
    types: string[];
    /** Words for messages. */
    label: string;
    /** ARM provider namespace and resource type segment, for id matching. */
    provider: string;
    segment: string;
    /** Input properties that hold the resource's name, in order. */
    nameProps: string[];
    /** Dotted path of the public network access setting. */
    path: string;
    /** The trusted rules this mirrors for the type, for messages. */
    mirrors: string;
}

/** The PaaS types checked, with where each keeps its public network access switch. */
export const PAAS_TARGETS: PaasTarget[] = [
    {
        types: ["azure-native:storage:StorageAccount"],
        label: "storage account",
        provider: "Microsoft.Storage",
        segment: "storageAccounts",
        nameProps: ["accountName"],
        path: "publicNetworkAccess",
        mirrors: "Azure Policy b2982f36, Checkov CKV_AZURE_59",
    },
    {
        types: ["azure-native:keyvault:Vault"],
        label: "key vault",
        provider: "Microsoft.KeyVault",
        segment: "vaults",
        nameProps: ["vaultName"],
        path: "properties.publicNetworkAccess",
        mirrors: "Azure Policy 405c5871, Checkov CKV_AZURE_189",
    },
    {
        types: ["azure-native:sql:Server"],
        label: "SQL server",
        provider: "Microsoft.Sql",
        segment: "servers",
        nameProps: ["serverName"],
        path: "publicNetworkAccess",
        mirrors: "Azure Policy 1b8ca024, Checkov CKV_AZURE_113",
    },
    {
        types: ["azure-native:cosmosdb:DatabaseAccount", "azure-native:documentdb:DatabaseAccount"],
        label: "Cosmos DB account",
        provider: "Microsoft.DocumentDB",
        segment: "databaseAccounts",
        nameProps: ["accountName"],
        path: "publicNetworkAccess",
        mirrors: "Checkov CKV_AZURE_101",
    },
    {
        types: ["azure-native:containerregistry:Registry"],
        label: "container registry",
        provider: "Microsoft.ContainerRegistry",
        segment: "registries",
        nameProps: ["registryName"],
        path: "publicNetworkAccess",
        mirrors: "Checkov CKV_AZURE_139",
    },
    {
        types: ["azure-native:redis:Redis", "azure-native:cache:Redis"],
        label: "Redis cache",
        provider: "Microsoft.Cache",
        segment: "redis",
        nameProps: ["name"],
        path: "publicNetworkAccess",
        mirrors: "Checkov CKV_AZURE_89",
    },
    {
        types: ["azure-native:servicebus:Namespace"],
        label: "Service Bus namespace",
        provider: "Microsoft.ServiceBus",
        segment: "namespaces",
        nameProps: ["namespaceName"],
        path: "publicNetworkAccess",
        mirrors: "Checkov CKV_AZURE_204",
    },
    {
        types: ["azure-native:eventhub:Namespace"],
        label: "Event Hubs namespace",
        provider: "Microsoft.EventHub",
        segment: "namespaces",
        nameProps: ["namespaceName"],
        path: "publicNetworkAccess",
        mirrors: "Azure Policy 0602787f",
    },
    {
        types: ["azure-native:search:Service"],
        label: "AI Search service",
        provider: "Microsoft.Search",
        segment: "searchServices",
        nameProps: ["searchServiceName"],
        path: "publicNetworkAccess",
        mirrors: "Checkov CKV_AZURE_124",
    },
    {
        types: ["azure-native:cognitiveservices:Account"],
        label: "Azure AI services account",
        provider: "Microsoft.CognitiveServices",
        segment: "accounts",
        nameProps: ["accountName"],
        path: "properties.publicNetworkAccess",
        mirrors: "Checkov CKV_AZURE_134",
    },
    {
        types: ["azure-native:web:WebApp"],
        label: "web app",
        provider: "Microsoft.Web",
        segment: "sites",
        nameProps: ["name"],
        path: "publicNetworkAccess",
        mirrors: "Checkov CKV_AZURE_222",
    },
    {
        types: ["azure-native:appconfiguration:ConfigurationStore"],
        label: "App Configuration store",
        provider: "Microsoft.AppConfiguration",
        segment: "configurationStores",
        nameProps: ["configStoreName"],
        path: "publicNetworkAccess",
        mirrors: "MCSB NS-2",
    },
    {
        types: ["azure-native:dbforpostgresql:Server"],
        label: "PostgreSQL flexible server",
        provider: "Microsoft.DBforPostgreSQL",
        segment: "flexibleServers",
        nameProps: ["serverName"],
        path: "network.publicNetworkAccess",
        mirrors: "MCSB NS-2",
    },
    {
        types: ["azure-native:dbformysql:Server"],
        label: "MySQL flexible server",
        provider: "Microsoft.DBforMySQL",
        segment: "flexibleServers",
        nameProps: ["serverName"],
        path: "network.publicNetworkAccess",
        mirrors: "MCSB NS-2",
    },
    {
        types: ["azure-native:machinelearningservices:Workspace"],
        label: "machine learning workspace",
        provider: "Microsoft.MachineLearningServices",
        segment: "workspaces",
        nameProps: ["workspaceName"],
        path: "publicNetworkAccess",
        mirrors: "MCSB NS-2",
    },
];

/** The PaaS target of each type token (a Map: type tokens are data, never object keys). */
const TARGET_OF_TYPE = new Map(PAAS_TARGETS.flatMap((t) => t.types.map((type) => [type, t] as const)));

function targetOf(r: PolicyResource): PaasTarget | undefined {
    return TARGET_OF_TYPE.get(r.type);
}

export const targetPublicNetworkAccessDisabled: StackValidationPolicy = {
    name: "target-public-network-access-disabled",
    description:
        "Checks whether PaaS resources that a private endpoint in the stack connects to (storage, Key Vault, SQL, Cosmos DB, ACR, Redis, Service Bus, Event Hubs, Search, AI services, web apps, App Configuration, PostgreSQL/MySQL flexible, ML) have public network access disabled.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: framework("Microsoft cloud security benchmark", "NS-2", "Secure cloud services with network controls"),
    url: "https://learn.microsoft.com/azure/private-link/private-endpoint-overview",
    remediationSteps:
        "Set publicNetworkAccess: \"Disabled\" on the service (Key Vault: properties.publicNetworkAccess \"disabled\"; AI services: properties.publicNetworkAccess; PostgreSQL/MySQL flexible: network.publicNetworkAccess) once its private endpoint exists.",
    configSchema: {
        properties: {
            allowSecuredByPerimeter: {
                type: "boolean",
                default: false,
                description: "Accept publicNetworkAccess \"SecuredByPerimeter\" (a network security perimeter governs public access) as closed.",
            },
        },
    },
    validateStack: (args, report) => {
        const config = configOf(args, { allowSecuredByPerimeter: false });
        const ix = stackIndex(args);
        const endpoints = ix.ofType(T.privateEndpoint);
        const candidates = ix.ofType(...TARGET_OF_TYPE.keys());
        if (endpoints.length === 0 || candidates.length === 0) {
            args.notApplicable("no private endpoint to a PaaS resource of the stack");
        }
        const closed = ["Disabled", ...(config.allowSecuredByPerimeter ? ["SecuredByPerimeter"] : [])];
        const index = connectionCandidates(
            candidates,
            (id, r) => {
                const t = targetOf(r)!;
                return idNames(id, r.props, t.provider, [[t.segment, t.nameProps]]);
            },
            (r) => nameKeys(r, targetOf(r)!.nameProps),
        );
        const reported = new Set<PolicyResource>();
        // Each endpoint and target on its own: an unknown value of one hides nothing about another.
        const parts = new UnknownParts();
        for (const pe of endpoints) {
            const { targets, unknown } = parts.run(() => resolveConnectionTargets(pe, index)) ?? { targets: [] };
            parts.note(unknown);
            for (const target of targets) {
                if (reported.has(target)) {
                    continue;
                }
                parts.run(() => {
                    const t = targetOf(target)!;
                    const value = get(target.props, t.path);
                    if (!equalsIgnoreCase(value, ...closed)) {
                        reported.add(target);
                        report(
                            `${t.label} "${target.name}" has private endpoint "${pe.name}" but ${t.path} is ${
                                value === undefined || value === null ? "unset (public access on)" : JSON.stringify(value)
                            }; set it to "Disabled" (${t.mirrors}).`,
                            target.urn,
                        );
                    }
                });
            }
        }
        parts.finish();
    },
};
