/**
 * The Azure Private Link DNS catalog: for every Private Link groupId (sub-resource) of every Azure
 * service, the private DNS zone(s) its private endpoints need, per cloud.
 *
 * Source: "Azure Private Endpoint private DNS zone values"
 * (https://learn.microsoft.com/azure/private-link/private-endpoint-dns), the 2025-08 version, for
 * Azure public cloud, Azure US Government and Azure operated by 21Vianet. The page changes often;
 * the data is versioned with the package and re-checked before each release. Lookups fail closed:
 * a groupId the catalog does not list for a cloud is an error, never a guessed zone.
 *
 * Zone names are templates. Their placeholders are written exactly as the page writes them:
 * `{regionName}` (the ARM region name, `eastus`), `{regionCode}` (the geo code, `eus`),
 * `{dnsPrefix}` (a SQL Managed Instance's DNS prefix), `{partitionId}` (a Static Web App's
 * partition) and `{subzone}` (an AKS cluster's custom private DNS subzone).
 *
 * Every table here is keyed by user input (groupIds, resource types, regions) and is read through
 * `Map` lookups or explicit comparisons, so a groupId such as `constructor` or `__proto__` is
 * simply unknown.
 */
import { Validator } from "../core";
import { isDnsLabel } from "../../common/dns";
import { AzureCloud } from "./cloud";
import { azureRegionCloud, normalizeRegion, regionCodeOf } from "./regions";

export { AzureCloud };

/** One groupId of one Azure resource type, with the private DNS zones its endpoints need. */
export interface AzurePrivateDnsZoneCatalogEntry {
    /** The service, as the Azure documentation names it, e.g. `Azure Cosmos DB`. */
    service: string;
    /** The ARM resource type that offers the groupId, e.g. `Microsoft.DocumentDB/databaseAccounts`. */
    resourceType: string;
    /** The Private Link groupId (sub-resource), e.g. `Sql`. */
    groupId: string;
    /**
     * The zone name templates, all of which an endpoint of this groupId needs (a private DNS zone
     * group takes at most five), e.g. `["privatelink.documents.azure.com"]`.
     */
    zones: string[];
    /**
     * The zone name templates used instead of `zones` when a `{subzone}` is given (AKS clusters
     * with a custom private DNS subzone).
     * @default absent: the service takes no subzone
     */
    zonesWithSubzone?: string[];
    /**
     * A remark of the documentation that matters when using the zones.
     * @default absent: nothing to remark
     */
    notes?: string;
}

/** One row of catalog data: several resource types and groupIds that share the same zones. */
interface Row {
    service: string;
    resourceTypes: string[];
    groupIds: string[];
    zones: string[];
    zonesWithSubzone?: string[];
    notes?: string;
}

const STORAGE = "Microsoft.Storage/storageAccounts";
const COSMOS = "Microsoft.DocumentDB/databaseAccounts";
const SYNAPSE = "Microsoft.Synapse/workspaces";
const RECOVERY = "Microsoft.RecoveryServices/vaults";
const ACR_NOTE = "The registry's regional data endpoints ({regionName}.data.…) are records in the same zone, not a zone of their own.";

/** Azure public cloud. */
const PUBLIC: Row[] = [
    { service: "Azure Storage (Blob)", resourceTypes: [STORAGE], groupIds: ["blob", "blob_secondary"], zones: ["privatelink.blob.core.windows.net"] },
    { service: "Azure Storage (Table)", resourceTypes: [STORAGE], groupIds: ["table", "table_secondary"], zones: ["privatelink.table.core.windows.net"] },
    { service: "Azure Storage (Queue)", resourceTypes: [STORAGE], groupIds: ["queue", "queue_secondary"], zones: ["privatelink.queue.core.windows.net"] },
    { service: "Azure Storage (File)", resourceTypes: [STORAGE], groupIds: ["file"], zones: ["privatelink.file.core.windows.net"] },
    { service: "Azure Storage (Static website)", resourceTypes: [STORAGE], groupIds: ["web", "web_secondary"], zones: ["privatelink.web.core.windows.net"] },
    { service: "Azure Data Lake Storage Gen2", resourceTypes: [STORAGE], groupIds: ["dfs", "dfs_secondary"], zones: ["privatelink.dfs.core.windows.net"] },
    { service: "Azure File Sync", resourceTypes: ["Microsoft.StorageSync/storageSyncServices"], groupIds: ["afs"], zones: ["privatelink.afs.azure.net"] },
    { service: "Azure Managed Disks", resourceTypes: ["Microsoft.Compute/diskAccesses"], groupIds: ["disks"], zones: ["privatelink.blob.core.windows.net"] },
    { service: "Azure Elastic SAN", resourceTypes: ["Microsoft.ElasticSan/elasticSans"], groupIds: ["volumegroup"], zones: ["privatelink.blob.core.windows.net"] },
    { service: "Azure Files", resourceTypes: ["Microsoft.FileShares/fileShares"], groupIds: ["FileShare"], zones: ["privatelink.file.core.windows.net"] },
    { service: "Azure SQL Database", resourceTypes: ["Microsoft.Sql/servers"], groupIds: ["sqlServer"], zones: ["privatelink.database.windows.net"] },
    { service: "Azure SQL Managed Instance", resourceTypes: ["Microsoft.Sql/managedInstances"], groupIds: ["managedInstance"], zones: ["privatelink.{dnsPrefix}.database.windows.net"] },
    { service: "Azure Cosmos DB (NoSQL)", resourceTypes: [COSMOS], groupIds: ["Sql"], zones: ["privatelink.documents.azure.com"] },
    { service: "Azure Cosmos DB (MongoDB)", resourceTypes: [COSMOS], groupIds: ["MongoDB"], zones: ["privatelink.mongo.cosmos.azure.com"] },
    { service: "Azure Cosmos DB (Cassandra)", resourceTypes: [COSMOS], groupIds: ["Cassandra"], zones: ["privatelink.cassandra.cosmos.azure.com"] },
    { service: "Azure Cosmos DB (Gremlin)", resourceTypes: [COSMOS], groupIds: ["Gremlin"], zones: ["privatelink.gremlin.cosmos.azure.com"] },
    { service: "Azure Cosmos DB (Table)", resourceTypes: [COSMOS], groupIds: ["Table"], zones: ["privatelink.table.cosmos.azure.com"] },
    { service: "Azure Cosmos DB (Analytical)", resourceTypes: [COSMOS], groupIds: ["Analytical"], zones: ["privatelink.analytics.cosmos.azure.com"] },
    { service: "Azure Cosmos DB for PostgreSQL", resourceTypes: ["Microsoft.DBforPostgreSQL/serverGroupsv2"], groupIds: ["coordinator"], zones: ["privatelink.postgres.cosmos.azure.com"] },
    { service: "Azure Cosmos DB for MongoDB vCore", resourceTypes: ["Microsoft.DocumentDB/mongoClusters"], groupIds: ["MongoCluster"], zones: ["privatelink.mongocluster.cosmos.azure.com"] },
    {
        service: "Azure Database for PostgreSQL",
        resourceTypes: ["Microsoft.DBforPostgreSQL/servers", "Microsoft.DBforPostgreSQL/flexibleServers"],
        groupIds: ["postgresqlServer"],
        zones: ["privatelink.postgres.database.azure.com"],
    },
    {
        service: "Azure Database for MySQL",
        resourceTypes: ["Microsoft.DBforMySQL/servers", "Microsoft.DBforMySQL/flexibleServers"],
        groupIds: ["mysqlServer"],
        zones: ["privatelink.mysql.database.azure.com"],
    },
    { service: "Azure Database for MariaDB", resourceTypes: ["Microsoft.DBforMariaDB/servers"], groupIds: ["mariadbServer"], zones: ["privatelink.mariadb.database.azure.com"] },
    { service: "Azure Cache for Redis", resourceTypes: ["Microsoft.Cache/Redis"], groupIds: ["redisCache"], zones: ["privatelink.redis.cache.windows.net"] },
    {
        service: "Azure Cache for Redis Enterprise",
        resourceTypes: ["Microsoft.Cache/RedisEnterprise"],
        groupIds: ["redisEnterprise"],
        zones: ["privatelink.redisenterprise.cache.azure.net"],
        notes: "Redis Enterprise and Azure Managed Redis share the resource type and groupId; an endpoint gets both zones, and the zone group writes its record in the one that matches the cache's host name.",
    },
    {
        service: "Azure Managed Redis",
        resourceTypes: ["Microsoft.Cache/RedisEnterprise"],
        groupIds: ["redisEnterprise"],
        zones: ["privatelink.redis.azure.net"],
        notes: "Redis Enterprise and Azure Managed Redis share the resource type and groupId; an endpoint gets both zones, and the zone group writes its record in the one that matches the cache's host name.",
    },
    { service: "Azure Key Vault", resourceTypes: ["Microsoft.KeyVault/vaults"], groupIds: ["vault"], zones: ["privatelink.vaultcore.azure.net"] },
    { service: "Azure Key Vault Managed HSM", resourceTypes: ["Microsoft.KeyVault/managedHSMs"], groupIds: ["managedhsm"], zones: ["privatelink.managedhsm.azure.net"] },
    { service: "Azure App Configuration", resourceTypes: ["Microsoft.AppConfiguration/configurationStores"], groupIds: ["configurationStores"], zones: ["privatelink.azconfig.io"] },
    { service: "Azure Attestation", resourceTypes: ["Microsoft.Attestation/attestationProviders"], groupIds: ["standard"], zones: ["privatelink.attest.azure.net"] },
    { service: "Azure Container Registry", resourceTypes: ["Microsoft.ContainerRegistry/registries"], groupIds: ["registry"], zones: ["privatelink.azurecr.io"], notes: ACR_NOTE },
    {
        service: "Azure Kubernetes Service (API server)",
        resourceTypes: ["Microsoft.ContainerService/managedClusters"],
        groupIds: ["management"],
        zones: ["privatelink.{regionName}.azmk8s.io"],
        zonesWithSubzone: ["{subzone}.privatelink.{regionName}.azmk8s.io"],
    },
    { service: "Azure Container Apps", resourceTypes: ["Microsoft.App/ManagedEnvironments"], groupIds: ["managedEnvironments"], zones: ["privatelink.{regionName}.azurecontainerapps.io"] },
    {
        service: "Azure App Service (Web Apps, Functions)",
        resourceTypes: ["Microsoft.Web/sites"],
        groupIds: ["sites"],
        zones: ["privatelink.azurewebsites.net"],
        notes: "The scm. record of the site is written in the same zone.",
    },
    {
        service: "Azure Static Web Apps",
        resourceTypes: ["Microsoft.Web/staticSites"],
        groupIds: ["staticSites"],
        zones: ["privatelink.azurestaticapps.net", "privatelink.{partitionId}.azurestaticapps.net"],
    },
    { service: "Azure AI Search", resourceTypes: ["Microsoft.Search/searchServices"], groupIds: ["searchService"], zones: ["privatelink.search.windows.net"] },
    { service: "Azure SignalR Service", resourceTypes: ["Microsoft.SignalRService/SignalR"], groupIds: ["signalr"], zones: ["privatelink.service.signalr.net"] },
    { service: "Azure Web PubSub", resourceTypes: ["Microsoft.SignalRService/WebPubSub"], groupIds: ["webpubsub"], zones: ["privatelink.webpubsub.azure.com"] },
    { service: "Azure Event Hubs", resourceTypes: ["Microsoft.EventHub/namespaces"], groupIds: ["namespace"], zones: ["privatelink.servicebus.windows.net"] },
    { service: "Azure Service Bus", resourceTypes: ["Microsoft.ServiceBus/namespaces"], groupIds: ["namespace"], zones: ["privatelink.servicebus.windows.net"] },
    { service: "Azure Relay", resourceTypes: ["Microsoft.Relay/namespaces"], groupIds: ["namespace"], zones: ["privatelink.servicebus.windows.net"] },
    { service: "Azure Event Grid (topics)", resourceTypes: ["Microsoft.EventGrid/topics"], groupIds: ["topic"], zones: ["privatelink.eventgrid.azure.net"] },
    { service: "Azure Event Grid (domains)", resourceTypes: ["Microsoft.EventGrid/domains"], groupIds: ["domain"], zones: ["privatelink.eventgrid.azure.net"] },
    { service: "Azure Event Grid (namespaces)", resourceTypes: ["Microsoft.EventGrid/namespaces"], groupIds: ["topic"], zones: ["privatelink.eventgrid.azure.net"] },
    { service: "Azure Event Grid (partner namespaces)", resourceTypes: ["Microsoft.EventGrid/partnerNamespaces"], groupIds: ["partnernamespace"], zones: ["privatelink.eventgrid.azure.net"] },
    { service: "Azure Event Grid (namespaces, MQTT)", resourceTypes: ["Microsoft.EventGrid/namespaces"], groupIds: ["topicSpace"], zones: ["privatelink.ts.eventgrid.azure.net"] },
    { service: "Azure API Management", resourceTypes: ["Microsoft.ApiManagement/service"], groupIds: ["Gateway"], zones: ["privatelink.azure-api.net"] },
    {
        service: "Azure IoT Hub",
        resourceTypes: ["Microsoft.Devices/IotHubs"],
        groupIds: ["iotHub"],
        zones: ["privatelink.azure-devices.net", "privatelink.servicebus.windows.net"],
        notes: "The second zone serves the hub's built-in Event Hubs-compatible endpoint.",
    },
    { service: "Azure IoT Hub Device Provisioning Service", resourceTypes: ["Microsoft.Devices/ProvisioningServices"], groupIds: ["iotDps"], zones: ["privatelink.azure-devices-provisioning.net"] },
    { service: "Device Update for IoT Hub", resourceTypes: ["Microsoft.DeviceUpdate/accounts"], groupIds: ["DeviceUpdate"], zones: ["privatelink.api.adu.microsoft.com"] },
    {
        service: "Azure IoT Central",
        resourceTypes: ["Microsoft.IoTCentral/IoTApps"],
        groupIds: ["iotApp"],
        zones: ["privatelink.azureiotcentral.com", "privatelink.azure-devices.net", "privatelink.servicebus.windows.net", "privatelink.azure-devices-provisioning.net"],
    },
    { service: "Azure Digital Twins", resourceTypes: ["Microsoft.DigitalTwins/digitalTwinsInstances"], groupIds: ["API"], zones: ["privatelink.digitaltwins.azure.net"] },
    {
        service: "Azure Machine Learning (workspace)",
        resourceTypes: ["Microsoft.MachineLearningServices/workspaces"],
        groupIds: ["amlworkspace"],
        zones: ["privatelink.api.azureml.ms", "privatelink.notebooks.azure.net"],
    },
    { service: "Azure Machine Learning (registry)", resourceTypes: ["Microsoft.MachineLearningServices/registries"], groupIds: ["amlregistry"], zones: ["privatelink.api.azureml.ms"] },
    {
        service: "Azure AI services (incl. Azure OpenAI)",
        resourceTypes: ["Microsoft.CognitiveServices/accounts"],
        groupIds: ["account"],
        zones: ["privatelink.cognitiveservices.azure.com", "privatelink.openai.azure.com", "privatelink.services.ai.azure.com"],
    },
    { service: "Azure Bot Service (Direct Line)", resourceTypes: ["Microsoft.BotService/botServices"], groupIds: ["Bot"], zones: ["privatelink.directline.botframework.com"] },
    { service: "Azure Bot Service (token)", resourceTypes: ["Microsoft.BotService/botServices"], groupIds: ["Token"], zones: ["privatelink.token.botframework.com"] },
    { service: "Azure Synapse Analytics (SQL)", resourceTypes: [SYNAPSE], groupIds: ["Sql", "SqlOnDemand"], zones: ["privatelink.sql.azuresynapse.net"] },
    { service: "Azure Synapse Analytics (dev)", resourceTypes: [SYNAPSE], groupIds: ["Dev"], zones: ["privatelink.dev.azuresynapse.net"] },
    { service: "Azure Synapse Studio", resourceTypes: ["Microsoft.Synapse/privateLinkHubs"], groupIds: ["Web"], zones: ["privatelink.azuresynapse.net"] },
    { service: "Azure Data Factory", resourceTypes: ["Microsoft.DataFactory/factories"], groupIds: ["dataFactory"], zones: ["privatelink.datafactory.azure.net"] },
    { service: "Azure Data Factory (portal)", resourceTypes: ["Microsoft.DataFactory/factories"], groupIds: ["portal"], zones: ["privatelink.adf.azure.com"] },
    { service: "Azure HDInsight", resourceTypes: ["Microsoft.HDInsight/clusters"], groupIds: ["gateway", "headnode"], zones: ["privatelink.azurehdinsight.net"] },
    {
        service: "Azure Data Explorer",
        resourceTypes: ["Microsoft.Kusto/Clusters"],
        groupIds: ["cluster"],
        zones: ["privatelink.{regionName}.kusto.windows.net", "privatelink.blob.core.windows.net", "privatelink.queue.core.windows.net", "privatelink.table.core.windows.net"],
    },
    {
        service: "Power BI",
        resourceTypes: ["Microsoft.PowerBI/privateLinkServicesForPowerBI"],
        groupIds: ["tenant"],
        zones: ["privatelink.analysis.windows.net", "privatelink.pbidedicated.windows.net", "privatelink.tip1.powerquery.microsoft.com"],
    },
    { service: "Azure Databricks", resourceTypes: ["Microsoft.Databricks/workspaces"], groupIds: ["databricks_ui_api", "browser_authentication"], zones: ["privatelink.azuredatabricks.net"] },
    { service: "Microsoft Fabric", resourceTypes: ["Microsoft.Fabric/privateLinkServicesForFabric"], groupIds: ["workspace"], zones: ["privatelink.fabric.microsoft.com"] },
    { service: "Azure Batch", resourceTypes: ["Microsoft.Batch/batchAccounts"], groupIds: ["batchAccount", "nodeManagement"], zones: ["privatelink.batch.azure.com"] },
    { service: "Azure Virtual Desktop (global)", resourceTypes: ["Microsoft.DesktopVirtualization/workspaces"], groupIds: ["global"], zones: ["privatelink-global.wvd.microsoft.com"] },
    { service: "Azure Virtual Desktop (feed)", resourceTypes: ["Microsoft.DesktopVirtualization/workspaces"], groupIds: ["feed"], zones: ["privatelink.wvd.microsoft.com"] },
    { service: "Azure Virtual Desktop (connection)", resourceTypes: ["Microsoft.DesktopVirtualization/hostpools"], groupIds: ["connection"], zones: ["privatelink.wvd.microsoft.com"] },
    {
        service: "Azure Arc",
        resourceTypes: ["Microsoft.HybridCompute/privateLinkScopes"],
        groupIds: ["hybridcompute"],
        zones: ["privatelink.his.arc.azure.com", "privatelink.guestconfiguration.azure.com", "privatelink.dp.kubernetesconfiguration.azure.com"],
    },
    { service: "Azure Automation", resourceTypes: ["Microsoft.Automation/automationAccounts"], groupIds: ["Webhook", "DSCAndHybridWorker"], zones: ["privatelink.azure-automation.net"] },
    {
        service: "Azure Backup",
        resourceTypes: [RECOVERY],
        groupIds: ["AzureBackup", "AzureBackup_secondary"],
        zones: ["privatelink.{regionCode}.backup.windowsazure.com", "privatelink.blob.core.windows.net", "privatelink.queue.core.windows.net"],
    },
    { service: "Azure Site Recovery", resourceTypes: [RECOVERY], groupIds: ["AzureSiteRecovery"], zones: ["privatelink.siterecovery.windowsazure.com"] },
    {
        service: "Azure Monitor (Private Link Scope)",
        resourceTypes: ["Microsoft.Insights/privateLinkScopes"],
        groupIds: ["azuremonitor"],
        zones: [
            "privatelink.monitor.azure.com",
            "privatelink.oms.opinsights.azure.com",
            "privatelink.ods.opinsights.azure.com",
            "privatelink.agentsvc.azure-automation.net",
            "privatelink.blob.core.windows.net",
        ],
    },
    {
        service: "Azure Monitor managed service for Prometheus",
        resourceTypes: ["Microsoft.Monitor/accounts"],
        groupIds: ["prometheusMetrics"],
        zones: ["privatelink.{regionName}.prometheus.monitor.azure.com"],
    },
    { service: "Azure Managed Grafana", resourceTypes: ["Microsoft.Dashboard/grafana"], groupIds: ["grafana"], zones: ["privatelink.grafana.azure.com"] },
    { service: "Microsoft Purview (account)", resourceTypes: ["Microsoft.Purview/accounts"], groupIds: ["account"], zones: ["privatelink.purview.azure.com"] },
    { service: "Microsoft Purview (portal)", resourceTypes: ["Microsoft.Purview/accounts"], groupIds: ["portal"], zones: ["privatelink.purviewstudio.azure.com"] },
    { service: "Microsoft Purview (platform)", resourceTypes: ["Microsoft.Purview/accounts"], groupIds: ["platform"], zones: ["privatelink.purview-service.microsoft.com"] },
    {
        service: "Azure Migrate",
        resourceTypes: ["Microsoft.Migrate/migrateProjects", "Microsoft.Migrate/assessmentProjects"],
        groupIds: ["Default"],
        zones: ["privatelink.prod.migration.windowsazure.com"],
    },
    {
        service: "Azure Resource Manager (resource management private links)",
        resourceTypes: ["Microsoft.Authorization/resourceManagementPrivateLinks"],
        groupIds: ["ResourceManagement"],
        zones: ["privatelink.azure.com"],
        notes: "A special case: the zone carries management.azure.com for the whole tenant; create it only for a resource management private link.",
    },
    {
        service: "Azure Health Data Services",
        resourceTypes: ["Microsoft.HealthcareApis/workspaces"],
        groupIds: ["healthcareworkspace"],
        zones: ["privatelink.azurehealthcareapis.com", "privatelink.dicom.azurehealthcareapis.com"],
    },
    { service: "Azure Media Services", resourceTypes: ["Microsoft.Media/mediaservices"], groupIds: ["keydelivery", "liveevent", "streamingendpoint"], zones: ["privatelink.media.azure.net"] },
];

const STORAGE_KINDS = ["blob", "table", "queue", "file", "web", "dfs"];
const NAMESPACE_TYPES = ["Microsoft.EventHub/namespaces", "Microsoft.ServiceBus/namespaces", "Microsoft.Relay/namespaces"];

/** Storage rows of a sovereign cloud: one zone per storage service, the `_secondary` groupIds with it. */
function storageRows(suffix: string): Row[] {
    return STORAGE_KINDS.map((kind) => ({
        service: `Azure Storage (${kind})`,
        resourceTypes: [STORAGE],
        groupIds: kind === "file" ? [kind] : [kind, `${kind}_secondary`],
        zones: [`privatelink.${kind}.core.${suffix}`],
    }));
}

/** Cosmos DB rows of a sovereign cloud. */
function cosmosRows(suffix: string): Row[] {
    return [
        { service: "Azure Cosmos DB (NoSQL)", resourceTypes: [COSMOS], groupIds: ["Sql"], zones: [`privatelink.documents.${suffix}`] },
        ...["MongoDB", "Cassandra", "Gremlin", "Table"].map((groupId) => ({
            service: `Azure Cosmos DB (${groupId})`,
            resourceTypes: [COSMOS],
            groupIds: [groupId],
            zones: [`privatelink.${groupId === "MongoDB" ? "mongo" : groupId.toLowerCase()}.cosmos.${suffix}`],
        })),
    ];
}

/** PostgreSQL, MySQL and MariaDB rows of a sovereign cloud. */
function openSourceDatabaseRows(suffix: string): Row[] {
    return [
        {
            service: "Azure Database for PostgreSQL",
            resourceTypes: ["Microsoft.DBforPostgreSQL/servers", "Microsoft.DBforPostgreSQL/flexibleServers"],
            groupIds: ["postgresqlServer"],
            zones: [`privatelink.postgres.database.${suffix}`],
        },
        {
            service: "Azure Database for MySQL",
            resourceTypes: ["Microsoft.DBforMySQL/servers", "Microsoft.DBforMySQL/flexibleServers"],
            groupIds: ["mysqlServer"],
            zones: [`privatelink.mysql.database.${suffix}`],
        },
        { service: "Azure Database for MariaDB", resourceTypes: ["Microsoft.DBforMariaDB/servers"], groupIds: ["mariadbServer"], zones: [`privatelink.mariadb.database.${suffix}`] },
    ];
}

/** Event Hubs, Service Bus and Relay namespaces share one zone. */
function namespaceRows(zone: string): Row[] {
    return NAMESPACE_TYPES.map((resourceType) => ({
        service: `Azure ${resourceType.split(".")[1].split("/")[0]} namespace`,
        resourceTypes: [resourceType],
        groupIds: ["namespace"],
        zones: [zone],
    }));
}

/** Azure US Government (the rows of the documentation's Government section). */
const US_GOVERNMENT: Row[] = [
    ...storageRows("usgovcloudapi.net"),
    { service: "Azure SQL Database", resourceTypes: ["Microsoft.Sql/servers"], groupIds: ["sqlServer"], zones: ["privatelink.database.usgovcloudapi.net"] },
    { service: "Azure SQL Managed Instance", resourceTypes: ["Microsoft.Sql/managedInstances"], groupIds: ["managedInstance"], zones: ["privatelink.{dnsPrefix}.database.usgovcloudapi.net"] },
    ...cosmosRows("azure.us"),
    ...openSourceDatabaseRows("usgovcloudapi.net"),
    { service: "Azure Key Vault", resourceTypes: ["Microsoft.KeyVault/vaults"], groupIds: ["vault"], zones: ["privatelink.vaultcore.usgovcloudapi.net"] },
    {
        service: "Azure Container Registry",
        resourceTypes: ["Microsoft.ContainerRegistry/registries"],
        groupIds: ["registry"],
        zones: ["privatelink.azurecr.us"],
        notes: "The registry's regional endpoints ({regionName}.privatelink.azurecr.us) are records in the same zone, not a zone of their own.",
    },
    ...namespaceRows("privatelink.servicebus.usgovcloudapi.net"),
    { service: "Azure App Service (Web Apps, Functions)", resourceTypes: ["Microsoft.Web/sites"], groupIds: ["sites"], zones: ["privatelink.azurewebsites.us"] },
    { service: "Azure AI Search", resourceTypes: ["Microsoft.Search/searchServices"], groupIds: ["searchService"], zones: ["privatelink.search.azure.us"] },
    { service: "Azure App Configuration", resourceTypes: ["Microsoft.AppConfiguration/configurationStores"], groupIds: ["configurationStores"], zones: ["privatelink.azconfig.azure.us"] },
    { service: "Azure AI services", resourceTypes: ["Microsoft.CognitiveServices/accounts"], groupIds: ["account"], zones: ["privatelink.cognitiveservices.azure.us"] },
    {
        service: "Azure Machine Learning (workspace)",
        resourceTypes: ["Microsoft.MachineLearningServices/workspaces"],
        groupIds: ["amlworkspace"],
        zones: ["privatelink.api.ml.azure.us", "privatelink.notebooks.usgovcloudapi.net"],
    },
    { service: "Azure Cache for Redis", resourceTypes: ["Microsoft.Cache/Redis"], groupIds: ["redisCache"], zones: ["privatelink.redis.cache.usgovcloudapi.net"] },
    {
        service: "Azure Monitor (Private Link Scope)",
        resourceTypes: ["Microsoft.Insights/privateLinkScopes"],
        groupIds: ["azuremonitor"],
        zones: [
            "privatelink.monitor.azure.us",
            "privatelink.adx.monitor.azure.us",
            "privatelink.oms.opinsights.azure.us",
            "privatelink.ods.opinsights.azure.us",
            "privatelink.agentsvc.azure-automation.us",
            "privatelink.blob.core.usgovcloudapi.net",
        ],
        notes: "Six zones: more than one private DNS zone group takes, so an endpoint needs DNS managed another way (existing zones by id, or Azure Policy).",
    },
    { service: "Azure Backup", resourceTypes: [RECOVERY], groupIds: ["AzureBackup"], zones: ["privatelink.{regionCode}.backup.windowsazure.us"] },
    {
        service: "Azure IoT Hub",
        resourceTypes: ["Microsoft.Devices/IotHubs"],
        groupIds: ["iotHub"],
        zones: ["privatelink.azure-devices.us", "privatelink.servicebus.windows.us"],
        notes: "The second zone is written as the documentation writes it.",
    },
    { service: "Azure Synapse Analytics (SQL)", resourceTypes: [SYNAPSE], groupIds: ["Sql", "SqlOnDemand"], zones: ["privatelink.sql.azuresynapse.usgovcloudapi.net"] },
    { service: "Azure Synapse Analytics (dev)", resourceTypes: [SYNAPSE], groupIds: ["Dev"], zones: ["privatelink.dev.azuresynapse.usgovcloudapi.net"] },
    { service: "Azure Databricks", resourceTypes: ["Microsoft.Databricks/workspaces"], groupIds: ["databricks_ui_api", "browser_authentication"], zones: ["privatelink.databricks.azure.us"] },
];

/** Azure operated by 21Vianet (the rows of the documentation's China section). */
const CHINA: Row[] = [
    ...storageRows("chinacloudapi.cn"),
    { service: "Azure SQL Database", resourceTypes: ["Microsoft.Sql/servers"], groupIds: ["sqlServer"], zones: ["privatelink.database.chinacloudapi.cn"] },
    ...cosmosRows("azure.cn"),
    ...openSourceDatabaseRows("chinacloudapi.cn"),
    { service: "Azure Key Vault", resourceTypes: ["Microsoft.KeyVault/vaults"], groupIds: ["vault"], zones: ["privatelink.vaultcore.azure.cn"] },
    ...namespaceRows("privatelink.servicebus.chinacloudapi.cn"),
    { service: "Azure App Service (Web Apps, Functions)", resourceTypes: ["Microsoft.Web/sites"], groupIds: ["sites"], zones: ["privatelink.chinacloudsites.cn"] },
    { service: "Azure SignalR Service", resourceTypes: ["Microsoft.SignalRService/SignalR"], groupIds: ["signalr"], zones: ["privatelink.signalr.azure.cn"] },
    { service: "Azure Cache for Redis", resourceTypes: ["Microsoft.Cache/Redis"], groupIds: ["redisCache"], zones: ["privatelink.redis.cache.chinacloudapi.cn"] },
    { service: "Azure Data Factory", resourceTypes: ["Microsoft.DataFactory/factories"], groupIds: ["dataFactory"], zones: ["privatelink.datafactory.azure.cn"] },
    { service: "Azure Data Factory (portal)", resourceTypes: ["Microsoft.DataFactory/factories"], groupIds: ["portal"], zones: ["privatelink.adf.azure.cn"] },
    { service: "Azure Data Explorer", resourceTypes: ["Microsoft.Kusto/Clusters"], groupIds: ["cluster"], zones: ["privatelink.{regionName}.kusto.windows.cn"] },
    { service: "Azure File Sync", resourceTypes: ["Microsoft.StorageSync/storageSyncServices"], groupIds: ["afs"], zones: ["privatelink.afs.azure.cn"] },
    {
        service: "Azure IoT Hub",
        resourceTypes: ["Microsoft.Devices/IotHubs"],
        groupIds: ["iotHub"],
        zones: ["privatelink.azure-devices.cn", "privatelink.servicebus.chinacloudapi.cn"],
        notes: "The second zone serves the hub's built-in Event Hubs-compatible endpoint.",
    },
    { service: "Azure IoT Hub Device Provisioning Service", resourceTypes: ["Microsoft.Devices/ProvisioningServices"], groupIds: ["iotDps"], zones: ["privatelink.azure-devices-provisioning.cn"] },
    { service: "Azure Automation", resourceTypes: ["Microsoft.Automation/automationAccounts"], groupIds: ["Webhook", "DSCAndHybridWorker"], zones: ["privatelink.azure-automation.cn"] },
    {
        service: "Azure Machine Learning (workspace)",
        resourceTypes: ["Microsoft.MachineLearningServices/workspaces"],
        groupIds: ["amlworkspace"],
        zones: ["privatelink.api.ml.azure.cn", "privatelink.notebooks.chinacloudapi.cn"],
    },
];

/** One entry per resource type and groupId of each row. */
function expand(rows: readonly Row[]): AzurePrivateDnsZoneCatalogEntry[] {
    return rows.flatMap((row) =>
        row.resourceTypes.flatMap((resourceType) =>
            row.groupIds.map((groupId) => ({
                service: row.service,
                resourceType,
                groupId,
                zones: [...row.zones],
                ...(row.zonesWithSubzone ? { zonesWithSubzone: [...row.zonesWithSubzone] } : {}),
                ...(row.notes ? { notes: row.notes } : {}),
            })),
        ),
    );
}

const CATALOG: ReadonlyMap<AzureCloud, readonly AzurePrivateDnsZoneCatalogEntry[]> = new Map([
    [AzureCloud.Public, expand(PUBLIC)],
    [AzureCloud.UsGovernment, expand(US_GOVERNMENT)],
    [AzureCloud.China, expand(CHINA)],
]);

/** The placeholders a zone template may hold. */
export const ZONE_PLACEHOLDERS = ["{regionName}", "{regionCode}", "{dnsPrefix}", "{partitionId}", "{subzone}"] as const;

/** The most zones one private DNS zone group takes. */
export const MAX_ZONES_PER_ZONE_GROUP = 5;

/** Whether a value is one of the `AzureCloud` values. */
export function isAzureCloud(value: unknown): value is AzureCloud {
    return typeof value === "string" && (Object.values(AzureCloud) as string[]).includes(value);
}

/**
 * The catalog of a cloud: one entry per resource type and groupId, with the zone templates its
 * endpoints need. A copy: changing it changes nothing else.
 *
 * @param cloud The cloud. @default AzureCloud.Public
 */
export function azurePrivateDnsZoneCatalog(cloud: AzureCloud = AzureCloud.Public): AzurePrivateDnsZoneCatalogEntry[] {
    const v = new Validator("azurePrivateDnsZoneCatalog", "catalog");
    if (!isAzureCloud(cloud)) {
        v.fail("cloud", cloud, "which is not an Azure cloud", `use one of ${Object.values(AzureCloud).map((c) => `"${c}"`).join(", ")} (the AzureCloud enum)`);
    }
    return CATALOG.get(cloud)!.map((e) => ({
        ...e,
        zones: [...e.zones],
        ...(e.zonesWithSubzone ? { zonesWithSubzone: [...e.zonesWithSubzone] } : {}),
    }));
}

/** What fills the placeholders of a zone template, and which entry of a groupId to use. */
export interface AzurePrivateDnsZoneOptions {
    /** The cloud. @default AzureCloud.Public */
    cloud?: AzureCloud;
    /**
     * The region of the endpoint (ARM name `eastus` or display name `East US`); fills
     * `{regionName}` and, through its geo code, `{regionCode}`.
     * @default none (a zone with a region placeholder is then an error)
     */
    region?: string;
    /**
     * The geo code for `{regionCode}`, for a region whose code is not in the catalog.
     * @default the region's geo code
     */
    regionCode?: string;
    /**
     * The ARM resource type of the target, e.g. `Microsoft.Synapse/workspaces`, for a groupId that
     * several services use with different zones (`Sql`, `account`, `portal`).
     * @default none (an ambiguous groupId is then an error)
     */
    resourceType?: string;
    /** The AKS custom private DNS subzone; selects `{subzone}.privatelink.{regionName}.azmk8s.io`. @default none */
    subzone?: string;
    /** The DNS prefix of a SQL Managed Instance, for `{dnsPrefix}`. @default none */
    dnsPrefix?: string;
    /** The partition id of a Static Web App, for `{partitionId}`. @default none */
    partitionId?: string;
}

/** The argument paths that a component reports for each option of a lookup. */
export interface CatalogFields {
    groupId: string;
    cloud: string;
    region: string;
    regionCode: string;
    resourceType: string;
    subzone: string;
    dnsPrefix: string;
    partitionId: string;
}

const FUNCTION_FIELDS: CatalogFields = {
    groupId: "groupId",
    cloud: "cloud",
    region: "region",
    regionCode: "regionCode",
    resourceType: "resourceType",
    subzone: "subzone",
    dnsPrefix: "dnsPrefix",
    partitionId: "partitionId",
};

/** The catalog entries that a lookup resolved to, and their filled zone names. */
export interface ResolvedZones {
    /** Filled zone names, lower case, each once, in catalog order. */
    zones: string[];
    /** The entries the groupId matched. */
    entries: AzurePrivateDnsZoneCatalogEntry[];
}

/**
 * The catalog entries of a cloud for a groupId, exact spelling first, else compared without case
 * (empty for an unknown groupId or cloud). Internal: for the hub, which serves every service
 * that uses a groupId.
 */
export function catalogEntriesFor(cloud: AzureCloud, groupId: string): AzurePrivateDnsZoneCatalogEntry[] {
    return entriesFor(cloud, groupId).map((e) => ({ ...e, zones: [...e.zones], ...(e.zonesWithSubzone ? { zonesWithSubzone: [...e.zonesWithSubzone] } : {}) }));
}

/** Whether a zone template depends on the region (`{regionName}` or `{regionCode}`). */
export function isRegionalTemplate(template: string): boolean {
    return template.includes("{regionName}") || template.includes("{regionCode}");
}

/** The entries of a cloud for a groupId: exact spelling first, else compared without case. */
function entriesFor(cloud: AzureCloud, groupId: string): AzurePrivateDnsZoneCatalogEntry[] {
    const all = CATALOG.get(cloud) ?? [];
    const exact = all.filter((e) => e.groupId === groupId);
    return exact.length > 0 ? exact : all.filter((e) => e.groupId.toLowerCase() === groupId.toLowerCase());
}

function describeEntries(entries: readonly AzurePrivateDnsZoneCatalogEntry[]): string {
    return entries.map((e) => `${e.service} (${e.resourceType}: ${e.zones.join(", ")})`).join("; ");
}

/**
 * Resolves a groupId to its filled zone names through validator `v`, so errors name the
 * component's own fields (`fields`). Throws a ValidationError for an unknown groupId, an
 * ambiguous one without a resource type, and a missing or malformed placeholder value.
 *
 * Internal. Exported for the components and tests.
 */
export function resolveCatalogZones(v: Validator, groupId: unknown, options: AzurePrivateDnsZoneOptions = {}, fields: CatalogFields = FUNCTION_FIELDS): ResolvedZones {
    const cloud = options.cloud ?? AzureCloud.Public;
    if (!isAzureCloud(cloud)) {
        v.fail(fields.cloud, cloud, "which is not an Azure cloud", `use one of ${Object.values(AzureCloud).map((c) => `"${c}"`).join(", ")} (the AzureCloud enum)`);
    }
    if (typeof groupId !== "string" || groupId.trim() === "") {
        v.fail(fields.groupId, groupId, "which is not a groupId", 'give the Private Link sub-resource of the target, e.g. "blob", "vault" or "sqlServer"');
    }
    let entries = entriesFor(cloud, groupId);
    if (entries.length === 0) {
        const elsewhere = Object.values(AzureCloud).filter((c) => c !== cloud && entriesFor(c, groupId).length > 0);
        v.fail(
            fields.groupId,
            groupId,
            `which the Azure Private Link DNS catalog does not list for ${cloud}${elsewhere.length > 0 ? ` (it does for ${elsewhere.join(", ")})` : ""}`,
            "use a groupId that azurePrivateDnsZoneCatalog(cloud) lists (e.g. blob, vault, sqlServer), give the zone ids yourself (dns.privateDnsZoneIds), or leave groupIds out for a custom private link service",
        );
    }
    if (options.resourceType !== undefined) {
        if (typeof options.resourceType !== "string" || !/^[A-Za-z0-9.]+\/[A-Za-z0-9./]+$/.test(options.resourceType)) {
            v.fail(fields.resourceType, options.resourceType, "which is not an ARM resource type", 'write it as namespace/type, e.g. "Microsoft.Storage/storageAccounts"');
        }
        const wanted = options.resourceType.toLowerCase();
        const typed = entries.filter((e) => e.resourceType.toLowerCase() === wanted);
        if (typed.length === 0) {
            v.fail(
                fields.resourceType,
                options.resourceType,
                `which does not offer groupId "${groupId}" in the catalog for ${cloud}; it is offered by ${describeEntries(entries)}`,
                `use the resource type of the target, or the groupId that ${options.resourceType} offers`,
            );
        }
        entries = typed;
    }
    const zoneSets = new Set(entries.map((e) => e.zones.join(" ")));
    const types = new Set(entries.map((e) => e.resourceType.toLowerCase()));
    if (zoneSets.size > 1 && types.size > 1) {
        v.fail(
            fields.resourceType,
            options.resourceType,
            `but groupId "${groupId}" is offered by several services with different zones: ${describeEntries(entries)}`,
            `give the target's resource type, e.g. "${entries[0].resourceType}" (a target resource id that is known when the program runs gives it too)`,
        );
    }
    const zones: string[] = [];
    for (const entry of entries) {
        const templates = options.subzone !== undefined && entry.zonesWithSubzone ? entry.zonesWithSubzone : entry.zones;
        for (const template of templates) {
            const zone = fillZoneTemplate(v, template, groupId, cloud, options, fields);
            if (!zones.includes(zone)) {
                zones.push(zone);
            }
        }
    }
    return { zones, entries: entries.map((e) => ({ ...e, zones: [...e.zones] })) };
}

/** Fills the placeholders of one zone template, checking each value it needs. */
function fillZoneTemplate(v: Validator, template: string, groupId: string, cloud: AzureCloud, options: AzurePrivateDnsZoneOptions, fields: CatalogFields): string {
    let zone = template;
    const needs = (p: string) => zone.includes(p);
    const label = (field: string, value: unknown, what: string, example: string): string => {
        if (value === undefined) {
            v.fail(field, value, `but zone ${template} of groupId "${groupId}" needs ${what}`, `give ${field}, e.g. "${example}"`);
        }
        if (typeof value !== "string" || !isDnsLabel(value) || value.includes("_")) {
            v.fail(field, value, `which is not a DNS label (letters, digits and inner hyphens) for ${what}`, `give ${field} as one DNS label, e.g. "${example}"`);
        }
        return value.toLowerCase();
    };
    let region: string | undefined;
    if (needs("{regionName}") || (needs("{regionCode}") && options.regionCode === undefined)) {
        if (options.region === undefined) {
            v.fail(fields.region, undefined, `but zone ${template} of groupId "${groupId}" is per region`, `give ${fields.region} as a plain region name, e.g. "eastus"`);
        }
        if (typeof options.region !== "string" || azureRegionCloud(options.region) !== cloud) {
            const other = azureRegionCloud(options.region);
            v.fail(
                fields.region,
                options.region,
                other !== undefined ? `which is a region of ${other}, not of ${cloud}` : `which is not a region of ${cloud} that the catalog knows`,
                `use the ARM name of a ${cloud} region, e.g. "${cloud === AzureCloud.China ? "chinanorth2" : cloud === AzureCloud.UsGovernment ? "usgovvirginia" : "eastus"}"`,
            );
        }
        region = normalizeRegion(options.region);
    }
    if (needs("{regionName}")) {
        zone = zone.split("{regionName}").join(region!);
    }
    if (needs("{regionCode}")) {
        let code: string | undefined;
        if (options.regionCode !== undefined) {
            code = label(fields.regionCode, options.regionCode, "the region's geo code", "eus");
        } else {
            code = regionCodeOf(region!);
            if (code === undefined) {
                v.fail(fields.region, options.region, `which has no geo code in the catalog, and zone ${template} of groupId "${groupId}" needs one`, `give ${fields.regionCode}, the geo code Azure Backup uses for the region`);
            }
        }
        zone = zone.split("{regionCode}").join(code);
    }
    if (needs("{dnsPrefix}")) {
        zone = zone.split("{dnsPrefix}").join(label(fields.dnsPrefix, options.dnsPrefix, "the SQL Managed Instance's DNS prefix", "a1b2c3d4e5f6"));
    }
    if (needs("{partitionId}")) {
        zone = zone.split("{partitionId}").join(label(fields.partitionId, options.partitionId, "the Static Web App's partition id", "3"));
    }
    if (needs("{subzone}")) {
        zone = zone.split("{subzone}").join(label(fields.subzone, options.subzone, "the AKS cluster's private DNS subzone", "orders"));
    }
    return zone.toLowerCase();
}

/**
 * The private DNS zone names that endpoints of a groupId need in a cloud and region, filled in:
 * `azurePrivateDnsZones("blob")` → `["privatelink.blob.core.windows.net"]`,
 * `azurePrivateDnsZones("AzureBackup", { region: "uksouth" })` → the `uks` backup zone and the
 * blob and queue zones. Multi-zone groupIds return every zone (Azure Monitor five, AI services
 * three). Throws a ValidationError for an unknown groupId or a missing placeholder value.
 */
export function azurePrivateDnsZones(groupId: string, options: AzurePrivateDnsZoneOptions = {}): string[] {
    const v = new Validator("azurePrivateDnsZones", "catalog");
    if (options === null || typeof options !== "object" || Array.isArray(options)) {
        v.fail("options", options, "which is not an object", "pass an options object, e.g. { region: \"eastus\" }");
    }
    return resolveCatalogZones(v, groupId, options).zones;
}

/**
 * The geo code of a region that Azure Backup's private DNS zones use
 * (`privatelink.{regionCode}.backup.windowsazure.com`): `eastus` → `eus`, `North Europe` → `ne`.
 * Throws a ValidationError for a region without a known code.
 */
export function azureRegionCode(region: string): string {
    const v: Validator = new Validator("azureRegionCode", "catalog");
    const code = typeof region === "string" ? regionCodeOf(region) : undefined;
    if (code === undefined) {
        v.fail(
            "region",
            region,
            azureRegionCloud(region) !== undefined ? "which has no published geo code" : "which is not an Azure region the catalog knows",
            'use the ARM name of a region, e.g. "eastus" or "uksouth"',
        );
    }
    return code;
}

/** The placeholders a zone template holds, in order. */
export function zonePlaceholders(template: string): string[] {
    return ZONE_PLACEHOLDERS.filter((p) => template.includes(p));
}
