/**
 * The Private Link DNS catalog against the reference: every row of the groupId → private DNS
 * zone tables of "Azure Private Endpoint private DNS zone values" (2025-08; Commercial, US
 * Government and China sections, as transcribed in the project's Azure reference notes) is
 * written out here once more, independently of the catalog's data, and checked by its own test:
 * the zone templates exactly as the page writes them, and the filled names per cloud.
 */
import * as assert from "assert";
import * as fc from "fast-check";
import {
    AzureCloud,
    ValidationError,
    azurePrivateDnsZoneCatalog,
    azurePrivateDnsZones,
    azureRegionCode,
    azureRegions,
} from "../../../components/azure";
import { ZONE_PLACEHOLDERS, zonePlaceholders } from "../../../components/azure/catalog";
import { regionHasZones } from "../../../components/azure/regions";
import { validationErrorOf } from "../../harness/validation";

/** One row of a reference table: its services' resource types and groupIds, and the zone templates. */
interface ReferenceRow {
    /** The row as the table names it. */
    row: string;
    /** Resource type → groupIds of that type in the row, and the pair's own zones where the row gives each pair its own. */
    pairs: Array<[string, string[], string[]?]>;
    /** The zones, exactly as written (the AKS row lists its `{subzone}` variant separately). */
    zones: string[];
    /** The zones used instead when a subzone is given. */
    zonesWithSubzone?: string[];
}

const row = (name: string, resourceType: string, groupIds: string[], zones: string[], zonesWithSubzone?: string[]): ReferenceRow => ({
    row: name,
    pairs: [[resourceType, groupIds]],
    zones,
    zonesWithSubzone,
});
const rowOf = (name: string, pairs: Array<[string, string[], string[]?]>, zones: string[]): ReferenceRow => ({ row: name, pairs, zones });
/** A row "a / b / c | x / y / z": the i-th groupId of the i-th type has the i-th zone. */
const pairwise = (name: string, pairs: Array<[string, string]>, zones: string[]): ReferenceRow =>
    rowOf(name, pairs.map(([t, g], i): [string, string[], string[]] => [t, [g], [zones[i]]]), zones);

const ST = "Microsoft.Storage/storageAccounts";
const COSMOS = "Microsoft.DocumentDB/databaseAccounts";

/** §2.1 Commercial: 78 rows (the custom private link service row is checked on its own below). */
const COMMERCIAL: ReferenceRow[] = [
    row("Storage blob", ST, ["blob", "blob_secondary"], ["privatelink.blob.core.windows.net"]),
    row("Storage table", ST, ["table", "table_secondary"], ["privatelink.table.core.windows.net"]),
    row("Storage queue", ST, ["queue", "queue_secondary"], ["privatelink.queue.core.windows.net"]),
    row("Storage file", ST, ["file"], ["privatelink.file.core.windows.net"]),
    row("Storage web", ST, ["web", "web_secondary"], ["privatelink.web.core.windows.net"]),
    row("ADLS Gen2", ST, ["dfs", "dfs_secondary"], ["privatelink.dfs.core.windows.net"]),
    row("Azure File Sync", "Microsoft.StorageSync/storageSyncServices", ["afs"], ["privatelink.afs.azure.net"]),
    row("Managed Disks", "Microsoft.Compute/diskAccesses", ["disks"], ["privatelink.blob.core.windows.net"]),
    row("Elastic SAN", "Microsoft.ElasticSan/elasticSans", ["volumegroup"], ["privatelink.blob.core.windows.net"]),
    row("Azure Files", "Microsoft.FileShares/fileShares", ["FileShare"], ["privatelink.file.core.windows.net"]),
    row("Azure SQL Database", "Microsoft.Sql/servers", ["sqlServer"], ["privatelink.database.windows.net"]),
    row("SQL Managed Instance", "Microsoft.Sql/managedInstances", ["managedInstance"], ["privatelink.{dnsPrefix}.database.windows.net"]),
    row("Cosmos DB Sql", COSMOS, ["Sql"], ["privatelink.documents.azure.com"]),
    row("Cosmos DB MongoDB", COSMOS, ["MongoDB"], ["privatelink.mongo.cosmos.azure.com"]),
    row("Cosmos DB Cassandra", COSMOS, ["Cassandra"], ["privatelink.cassandra.cosmos.azure.com"]),
    row("Cosmos DB Gremlin", COSMOS, ["Gremlin"], ["privatelink.gremlin.cosmos.azure.com"]),
    row("Cosmos DB Table", COSMOS, ["Table"], ["privatelink.table.cosmos.azure.com"]),
    row("Cosmos DB Analytical", COSMOS, ["Analytical"], ["privatelink.analytics.cosmos.azure.com"]),
    row("Cosmos DB for PostgreSQL", "Microsoft.DBforPostgreSQL/serverGroupsv2", ["coordinator"], ["privatelink.postgres.cosmos.azure.com"]),
    row("Cosmos DB for MongoDB vCore", "Microsoft.DocumentDB/mongoClusters", ["MongoCluster"], ["privatelink.mongocluster.cosmos.azure.com"]),
    rowOf(
        "PostgreSQL Single / Flexible",
        [
            ["Microsoft.DBforPostgreSQL/servers", ["postgresqlServer"]],
            ["Microsoft.DBforPostgreSQL/flexibleServers", ["postgresqlServer"]],
        ],
        ["privatelink.postgres.database.azure.com"],
    ),
    rowOf(
        "MySQL Single / Flexible",
        [
            ["Microsoft.DBforMySQL/servers", ["mysqlServer"]],
            ["Microsoft.DBforMySQL/flexibleServers", ["mysqlServer"]],
        ],
        ["privatelink.mysql.database.azure.com"],
    ),
    row("MariaDB", "Microsoft.DBforMariaDB/servers", ["mariadbServer"], ["privatelink.mariadb.database.azure.com"]),
    row("Azure Cache for Redis", "Microsoft.Cache/Redis", ["redisCache"], ["privatelink.redis.cache.windows.net"]),
    row("Redis Enterprise", "Microsoft.Cache/RedisEnterprise", ["redisEnterprise"], ["privatelink.redisenterprise.cache.azure.net"]),
    row("Azure Managed Redis", "Microsoft.Cache/RedisEnterprise", ["redisEnterprise"], ["privatelink.redis.azure.net"]),
    row("Key Vault", "Microsoft.KeyVault/vaults", ["vault"], ["privatelink.vaultcore.azure.net"]),
    row("Key Vault Managed HSM", "Microsoft.KeyVault/managedHSMs", ["managedhsm"], ["privatelink.managedhsm.azure.net"]),
    row("App Configuration", "Microsoft.AppConfiguration/configurationStores", ["configurationStores"], ["privatelink.azconfig.io"]),
    row("Azure Attestation", "Microsoft.Attestation/attestationProviders", ["standard"], ["privatelink.attest.azure.net"]),
    row("Container Registry", "Microsoft.ContainerRegistry/registries", ["registry"], ["privatelink.azurecr.io"]),
    row("AKS API", "Microsoft.ContainerService/managedClusters", ["management"], ["privatelink.{regionName}.azmk8s.io"], ["{subzone}.privatelink.{regionName}.azmk8s.io"]),
    row("Container Apps", "Microsoft.App/ManagedEnvironments", ["managedEnvironments"], ["privatelink.{regionName}.azurecontainerapps.io"]),
    row("Web Apps / Functions", "Microsoft.Web/sites", ["sites"], ["privatelink.azurewebsites.net"]),
    row("Static Web Apps", "Microsoft.Web/staticSites", ["staticSites"], ["privatelink.azurestaticapps.net", "privatelink.{partitionId}.azurestaticapps.net"]),
    row("AI Search", "Microsoft.Search/searchServices", ["searchService"], ["privatelink.search.windows.net"]),
    row("SignalR", "Microsoft.SignalRService/SignalR", ["signalr"], ["privatelink.service.signalr.net"]),
    row("Web PubSub", "Microsoft.SignalRService/WebPubSub", ["webpubsub"], ["privatelink.webpubsub.azure.com"]),
    row("Event Hubs", "Microsoft.EventHub/namespaces", ["namespace"], ["privatelink.servicebus.windows.net"]),
    row("Service Bus", "Microsoft.ServiceBus/namespaces", ["namespace"], ["privatelink.servicebus.windows.net"]),
    row("Relay", "Microsoft.Relay/namespaces", ["namespace"], ["privatelink.servicebus.windows.net"]),
    rowOf(
        "Event Grid topics / domains / namespaces / partner namespaces",
        [
            ["Microsoft.EventGrid/topics", ["topic"]],
            ["Microsoft.EventGrid/domains", ["domain"]],
            ["Microsoft.EventGrid/namespaces", ["topic"]],
            ["Microsoft.EventGrid/partnerNamespaces", ["partnernamespace"]],
        ],
        ["privatelink.eventgrid.azure.net"],
    ),
    row("Event Grid namespaces (MQTT)", "Microsoft.EventGrid/namespaces", ["topicSpace"], ["privatelink.ts.eventgrid.azure.net"]),
    row("API Management", "Microsoft.ApiManagement/service", ["Gateway"], ["privatelink.azure-api.net"]),
    row("IoT Hub", "Microsoft.Devices/IotHubs", ["iotHub"], ["privatelink.azure-devices.net", "privatelink.servicebus.windows.net"]),
    row("IoT DPS", "Microsoft.Devices/ProvisioningServices", ["iotDps"], ["privatelink.azure-devices-provisioning.net"]),
    row("Device Update", "Microsoft.DeviceUpdate/accounts", ["DeviceUpdate"], ["privatelink.api.adu.microsoft.com"]),
    row("IoT Central", "Microsoft.IoTCentral/IoTApps", ["iotApp"], [
        "privatelink.azureiotcentral.com",
        "privatelink.azure-devices.net",
        "privatelink.servicebus.windows.net",
        "privatelink.azure-devices-provisioning.net",
    ]),
    row("Digital Twins", "Microsoft.DigitalTwins/digitalTwinsInstances", ["API"], ["privatelink.digitaltwins.azure.net"]),
    row("Azure ML workspace", "Microsoft.MachineLearningServices/workspaces", ["amlworkspace"], ["privatelink.api.azureml.ms", "privatelink.notebooks.azure.net"]),
    row("Azure ML registry", "Microsoft.MachineLearningServices/registries", ["amlregistry"], ["privatelink.api.azureml.ms"]),
    row("Azure AI services / OpenAI", "Microsoft.CognitiveServices/accounts", ["account"], [
        "privatelink.cognitiveservices.azure.com",
        "privatelink.openai.azure.com",
        "privatelink.services.ai.azure.com",
    ]),
    pairwise(
        "Bot Service Bot / Token",
        [
            ["Microsoft.BotService/botServices", "Bot"],
            ["Microsoft.BotService/botServices", "Token"],
        ],
        ["privatelink.directline.botframework.com", "privatelink.token.botframework.com"],
    ),
    row("Synapse Sql, SqlOnDemand", "Microsoft.Synapse/workspaces", ["Sql", "SqlOnDemand"], ["privatelink.sql.azuresynapse.net"]),
    row("Synapse Dev", "Microsoft.Synapse/workspaces", ["Dev"], ["privatelink.dev.azuresynapse.net"]),
    row("Synapse Studio", "Microsoft.Synapse/privateLinkHubs", ["Web"], ["privatelink.azuresynapse.net"]),
    pairwise(
        "Data Factory dataFactory / portal",
        [
            ["Microsoft.DataFactory/factories", "dataFactory"],
            ["Microsoft.DataFactory/factories", "portal"],
        ],
        ["privatelink.datafactory.azure.net", "privatelink.adf.azure.com"],
    ),
    row("HDInsight", "Microsoft.HDInsight/clusters", ["gateway", "headnode"], ["privatelink.azurehdinsight.net"]),
    row("Data Explorer", "Microsoft.Kusto/Clusters", ["cluster"], [
        "privatelink.{regionName}.kusto.windows.net",
        "privatelink.blob.core.windows.net",
        "privatelink.queue.core.windows.net",
        "privatelink.table.core.windows.net",
    ]),
    row("Power BI", "Microsoft.PowerBI/privateLinkServicesForPowerBI", ["tenant"], [
        "privatelink.analysis.windows.net",
        "privatelink.pbidedicated.windows.net",
        "privatelink.tip1.powerquery.microsoft.com",
    ]),
    row("Databricks", "Microsoft.Databricks/workspaces", ["databricks_ui_api", "browser_authentication"], ["privatelink.azuredatabricks.net"]),
    row("Microsoft Fabric", "Microsoft.Fabric/privateLinkServicesForFabric", ["workspace"], ["privatelink.fabric.microsoft.com"]),
    row("Batch", "Microsoft.Batch/batchAccounts", ["batchAccount", "nodeManagement"], ["privatelink.batch.azure.com"]),
    row("AVD global", "Microsoft.DesktopVirtualization/workspaces", ["global"], ["privatelink-global.wvd.microsoft.com"]),
    rowOf(
        "AVD workspaces / hostpools",
        [
            ["Microsoft.DesktopVirtualization/workspaces", ["feed"]],
            ["Microsoft.DesktopVirtualization/hostpools", ["connection"]],
        ],
        ["privatelink.wvd.microsoft.com"],
    ),
    row("Azure Arc", "Microsoft.HybridCompute/privateLinkScopes", ["hybridcompute"], [
        "privatelink.his.arc.azure.com",
        "privatelink.guestconfiguration.azure.com",
        "privatelink.dp.kubernetesconfiguration.azure.com",
    ]),
    row("Automation", "Microsoft.Automation/automationAccounts", ["Webhook", "DSCAndHybridWorker"], ["privatelink.azure-automation.net"]),
    row("Backup", "Microsoft.RecoveryServices/vaults", ["AzureBackup", "AzureBackup_secondary"], [
        "privatelink.{regionCode}.backup.windowsazure.com",
        "privatelink.blob.core.windows.net",
        "privatelink.queue.core.windows.net",
    ]),
    row("Site Recovery", "Microsoft.RecoveryServices/vaults", ["AzureSiteRecovery"], ["privatelink.siterecovery.windowsazure.com"]),
    row("Azure Monitor (AMPLS)", "Microsoft.Insights/privateLinkScopes", ["azuremonitor"], [
        "privatelink.monitor.azure.com",
        "privatelink.oms.opinsights.azure.com",
        "privatelink.ods.opinsights.azure.com",
        "privatelink.agentsvc.azure-automation.net",
        "privatelink.blob.core.windows.net",
    ]),
    // The page writes `{region}` here; the catalog writes the same placeholder as `{regionName}`.
    row("Managed Prometheus", "Microsoft.Monitor/accounts", ["prometheusMetrics"], ["privatelink.{regionName}.prometheus.monitor.azure.com"]),
    row("Managed Grafana", "Microsoft.Dashboard/grafana", ["grafana"], ["privatelink.grafana.azure.com"]),
    pairwise(
        "Purview account / portal / platform",
        [
            ["Microsoft.Purview/accounts", "account"],
            ["Microsoft.Purview/accounts", "portal"],
            ["Microsoft.Purview/accounts", "platform"],
        ],
        ["privatelink.purview.azure.com", "privatelink.purviewstudio.azure.com", "privatelink.purview-service.microsoft.com"],
    ),
    rowOf(
        "Azure Migrate",
        [
            ["Microsoft.Migrate/migrateProjects", ["Default"]],
            ["Microsoft.Migrate/assessmentProjects", ["Default"]],
        ],
        ["privatelink.prod.migration.windowsazure.com"],
    ),
    row("ARM private link", "Microsoft.Authorization/resourceManagementPrivateLinks", ["ResourceManagement"], ["privatelink.azure.com"]),
    row("Health Data Services", "Microsoft.HealthcareApis/workspaces", ["healthcareworkspace"], ["privatelink.azurehealthcareapis.com", "privatelink.dicom.azurehealthcareapis.com"]),
    row("Media Services", "Microsoft.Media/mediaservices", ["keydelivery", "liveevent", "streamingendpoint"], ["privatelink.media.azure.net"]),
];

const storageRow = (suffix: string): ReferenceRow =>
    pairwise(
        "Storage blob / table / queue / file / web / dfs",
        ["blob", "table", "queue", "file", "web", "dfs"].map((k): [string, string] => [ST, k]),
        ["blob", "table", "queue", "file", "web", "dfs"].map((k) => `privatelink.${k}.core.${suffix}`),
    );
const namespaceRow = (zone: string): ReferenceRow =>
    rowOf(
        "namespace (EH/SB/Relay)",
        ["Microsoft.EventHub/namespaces", "Microsoft.ServiceBus/namespaces", "Microsoft.Relay/namespaces"].map((t): [string, string[]] => [t, ["namespace"]]),
        [zone],
    );

/** §2.3 US Government: 19 rows. */
const US_GOVERNMENT: ReferenceRow[] = [
    storageRow("usgovcloudapi.net"),
    row("sqlServer", "Microsoft.Sql/servers", ["sqlServer"], ["privatelink.database.usgovcloudapi.net"]),
    row("managedInstance", "Microsoft.Sql/managedInstances", ["managedInstance"], ["privatelink.{dnsPrefix}.database.usgovcloudapi.net"]),
    pairwise(
        "Cosmos Sql / MongoDB / Cassandra / Gremlin / Table",
        ["Sql", "MongoDB", "Cassandra", "Gremlin", "Table"].map((g): [string, string] => [COSMOS, g]),
        ["privatelink.documents.azure.us", "privatelink.mongo.cosmos.azure.us", "privatelink.cassandra.cosmos.azure.us", "privatelink.gremlin.cosmos.azure.us", "privatelink.table.cosmos.azure.us"],
    ),
    pairwise(
        "postgresqlServer / mysqlServer / mariadbServer",
        [
            ["Microsoft.DBforPostgreSQL/flexibleServers", "postgresqlServer"],
            ["Microsoft.DBforMySQL/flexibleServers", "mysqlServer"],
            ["Microsoft.DBforMariaDB/servers", "mariadbServer"],
        ],
        ["privatelink.postgres.database.usgovcloudapi.net", "privatelink.mysql.database.usgovcloudapi.net", "privatelink.mariadb.database.usgovcloudapi.net"],
    ),
    row("vault", "Microsoft.KeyVault/vaults", ["vault"], ["privatelink.vaultcore.usgovcloudapi.net"]),
    row("registry", "Microsoft.ContainerRegistry/registries", ["registry"], ["privatelink.azurecr.us"]),
    namespaceRow("privatelink.servicebus.usgovcloudapi.net"),
    row("sites", "Microsoft.Web/sites", ["sites"], ["privatelink.azurewebsites.us"]),
    row("searchService", "Microsoft.Search/searchServices", ["searchService"], ["privatelink.search.azure.us"]),
    row("configurationStores", "Microsoft.AppConfiguration/configurationStores", ["configurationStores"], ["privatelink.azconfig.azure.us"]),
    row("account (Cognitive)", "Microsoft.CognitiveServices/accounts", ["account"], ["privatelink.cognitiveservices.azure.us"]),
    row("amlworkspace", "Microsoft.MachineLearningServices/workspaces", ["amlworkspace"], ["privatelink.api.ml.azure.us", "privatelink.notebooks.usgovcloudapi.net"]),
    row("redisCache", "Microsoft.Cache/Redis", ["redisCache"], ["privatelink.redis.cache.usgovcloudapi.net"]),
    row("azuremonitor", "Microsoft.Insights/privateLinkScopes", ["azuremonitor"], [
        "privatelink.monitor.azure.us",
        "privatelink.adx.monitor.azure.us",
        "privatelink.oms.opinsights.azure.us",
        "privatelink.ods.opinsights.azure.us",
        "privatelink.agentsvc.azure-automation.us",
        "privatelink.blob.core.usgovcloudapi.net",
    ]),
    row("AzureBackup", "Microsoft.RecoveryServices/vaults", ["AzureBackup"], ["privatelink.{regionCode}.backup.windowsazure.us"]),
    row("iotHub", "Microsoft.Devices/IotHubs", ["iotHub"], ["privatelink.azure-devices.us", "privatelink.servicebus.windows.us"]),
    pairwise(
        "Synapse Sql / Dev",
        [
            ["Microsoft.Synapse/workspaces", "Sql"],
            ["Microsoft.Synapse/workspaces", "Dev"],
        ],
        ["privatelink.sql.azuresynapse.usgovcloudapi.net", "privatelink.dev.azuresynapse.usgovcloudapi.net"],
    ),
    row("Databricks", "Microsoft.Databricks/workspaces", ["databricks_ui_api", "browser_authentication"], ["privatelink.databricks.azure.us"]),
];

/** §2.4 China: 15 rows. */
const CHINA: ReferenceRow[] = [
    storageRow("chinacloudapi.cn"),
    row("sqlServer", "Microsoft.Sql/servers", ["sqlServer"], ["privatelink.database.chinacloudapi.cn"]),
    pairwise(
        "Cosmos",
        ["Sql", "MongoDB", "Cassandra", "Gremlin", "Table"].map((g): [string, string] => [COSMOS, g]),
        ["privatelink.documents.azure.cn", "privatelink.mongo.cosmos.azure.cn", "privatelink.cassandra.cosmos.azure.cn", "privatelink.gremlin.cosmos.azure.cn", "privatelink.table.cosmos.azure.cn"],
    ),
    pairwise(
        "postgresqlServer / mysqlServer / mariadbServer",
        [
            ["Microsoft.DBforPostgreSQL/flexibleServers", "postgresqlServer"],
            ["Microsoft.DBforMySQL/flexibleServers", "mysqlServer"],
            ["Microsoft.DBforMariaDB/servers", "mariadbServer"],
        ],
        ["privatelink.postgres.database.chinacloudapi.cn", "privatelink.mysql.database.chinacloudapi.cn", "privatelink.mariadb.database.chinacloudapi.cn"],
    ),
    row("vault", "Microsoft.KeyVault/vaults", ["vault"], ["privatelink.vaultcore.azure.cn"]),
    namespaceRow("privatelink.servicebus.chinacloudapi.cn"),
    row("sites", "Microsoft.Web/sites", ["sites"], ["privatelink.chinacloudsites.cn"]),
    // The page spells it signalR; groupIds compare without case when the exact spelling is not listed.
    row("signalR", "Microsoft.SignalRService/SignalR", ["signalR"], ["privatelink.signalr.azure.cn"]),
    row("redisCache", "Microsoft.Cache/Redis", ["redisCache"], ["privatelink.redis.cache.chinacloudapi.cn"]),
    pairwise(
        "dataFactory / portal",
        [
            ["Microsoft.DataFactory/factories", "dataFactory"],
            ["Microsoft.DataFactory/factories", "portal"],
        ],
        ["privatelink.datafactory.azure.cn", "privatelink.adf.azure.cn"],
    ),
    row("cluster (ADX)", "Microsoft.Kusto/Clusters", ["cluster"], ["privatelink.{regionName}.kusto.windows.cn"]),
    row("afs", "Microsoft.StorageSync/storageSyncServices", ["afs"], ["privatelink.afs.azure.cn"]),
    rowOf(
        "iotHub / iotDps",
        [
            ["Microsoft.Devices/IotHubs", ["iotHub"], ["privatelink.azure-devices.cn", "privatelink.servicebus.chinacloudapi.cn"]],
            ["Microsoft.Devices/ProvisioningServices", ["iotDps"], ["privatelink.azure-devices-provisioning.cn"]],
        ],
        ["privatelink.azure-devices.cn", "privatelink.servicebus.chinacloudapi.cn", "privatelink.azure-devices-provisioning.cn"],
    ),
    row("Webhook, DSCAndHybridWorker", "Microsoft.Automation/automationAccounts", ["Webhook", "DSCAndHybridWorker"], ["privatelink.azure-automation.cn"]),
    row("amlworkspace", "Microsoft.MachineLearningServices/workspaces", ["amlworkspace"], ["privatelink.api.ml.azure.cn", "privatelink.notebooks.chinacloudapi.cn"]),
];

const REGION: Record<AzureCloud, string> = {
    [AzureCloud.Public]: "eastus",
    [AzureCloud.UsGovernment]: "usgovvirginia",
    [AzureCloud.China]: "chinanorth2",
};
const CODE: Record<AzureCloud, string> = {
    [AzureCloud.Public]: "eus",
    [AzureCloud.UsGovernment]: "ugv",
    [AzureCloud.China]: "bjb2",
};

/** Fills a template the way the page describes, with the test's values. */
function fill(template: string, cloud: AzureCloud, subzone?: string): string {
    return template
        .replace("{regionName}", REGION[cloud])
        .replace("{regionCode}", CODE[cloud])
        .replace("{dnsPrefix}", "a1b2c3d4e5f6")
        .replace("{partitionId}", "3")
        .replace("{subzone}", subzone ?? "{subzone}");
}

function checkRows(cloud: AzureCloud, rows: ReferenceRow[], expectedCount: number): void {
    describe(`catalog: every ${cloud} row of the reference`, () => {
        it(`has the ${expectedCount} rows of the reference table`, () => {
            assert.strictEqual(rows.length, expectedCount);
        });
        for (const r of rows) {
            it(`${r.row}: ${r.pairs.map(([t, g]) => `${t} ${g.join(", ")}`).join("; ")}`, () => {
                const catalog = azurePrivateDnsZoneCatalog(cloud);
                r.pairs.forEach(([resourceType, groupIds, own]) => {
                    const templates = own ?? r.zones;
                    for (const groupId of groupIds) {
                        // The catalog entry, with the templates exactly as the page writes them.
                        const entries = catalog.filter((e) => e.resourceType === resourceType && e.groupId.toLowerCase() === groupId.toLowerCase());
                        assert.ok(
                            entries.some((e) => JSON.stringify(e.zones) === JSON.stringify(templates)),
                            `${cloud} ${resourceType} ${groupId}: ${JSON.stringify(entries.map((e) => e.zones))} has no entry ${JSON.stringify(templates)}`,
                        );
                        if (r.zonesWithSubzone) {
                            assert.deepStrictEqual(entries[0].zonesWithSubzone, r.zonesWithSubzone);
                        }
                        // The lookup, filled for the cloud's region.
                        const filled = azurePrivateDnsZones(groupId, {
                            cloud,
                            resourceType,
                            region: REGION[cloud],
                            dnsPrefix: "a1b2c3d4e5f6",
                            partitionId: "3",
                        });
                        const expected = entries.length > 1 ? [...new Set(entries.flatMap((e) => e.zones))].map((t) => fill(t, cloud)) : templates.map((t) => fill(t, cloud));
                        assert.deepStrictEqual(filled, expected);
                        for (const z of filled) {
                            assert.ok(!z.includes("{"), `${z} has an unfilled placeholder`);
                        }
                        if (r.zonesWithSubzone) {
                            assert.deepStrictEqual(
                                azurePrivateDnsZones(groupId, { cloud, region: REGION[cloud], subzone: "orders" }),
                                r.zonesWithSubzone.map((t) => fill(t, cloud, "orders")),
                            );
                        }
                    }
                });
            });
        }
    });
}

checkRows(AzureCloud.Public, COMMERCIAL, 77); // + the custom private link service row below: 78
checkRows(AzureCloud.UsGovernment, US_GOVERNMENT, 19);
checkRows(AzureCloud.China, CHINA, 15);

describe("catalog: the custom private link service row", () => {
    it("has no catalog zone: no entry without a groupId in any cloud", () => {
        for (const cloud of Object.values(AzureCloud)) {
            assert.ok(azurePrivateDnsZoneCatalog(cloud).every((e) => e.groupId !== "" && e.zones.length > 0));
        }
    });
});

describe("catalog: shape of the data", () => {
    for (const cloud of Object.values(AzureCloud)) {
        it(`${cloud}: every template uses only the five placeholders, written exactly`, () => {
            for (const e of azurePrivateDnsZoneCatalog(cloud)) {
                for (const z of [...e.zones, ...(e.zonesWithSubzone ?? [])]) {
                    const braces = z.match(/\{[^}]*\}/g) ?? [];
                    assert.deepStrictEqual([...braces].sort(), zonePlaceholders(z).sort(), `${z} has a placeholder the catalog does not know`);
                    assert.ok(braces.every((b) => (ZONE_PLACEHOLDERS as readonly string[]).includes(b)));
                    assert.match(z.replace(/\{[a-zA-Z]+\}/g, "x"), /^[a-z0-9.-]+$/, z);
                    assert.ok(/^privatelink[.-]|\.privatelink\./.test(z), `${z} is not a privatelink zone`);
                }
                assert.ok(e.zones.length >= 1 && e.zones.length <= 6, `${e.groupId}`);
            }
        });
        it(`${cloud}: one entry per resource type and groupId, except services that share both`, () => {
            const seen = new Map<string, number>();
            for (const e of azurePrivateDnsZoneCatalog(cloud)) {
                const k = `${e.resourceType}|${e.groupId}`;
                seen.set(k, (seen.get(k) ?? 0) + 1);
            }
            const repeated = [...seen].filter(([, n]) => n > 1).map(([k]) => k);
            assert.deepStrictEqual(repeated, cloud === AzureCloud.Public ? ["Microsoft.Cache/RedisEnterprise|redisEnterprise"] : []);
        });
    }

    it("returns copies: changing a result changes nothing", () => {
        const a = azurePrivateDnsZoneCatalog();
        a[0].zones.push("x");
        a.length = 0;
        assert.deepStrictEqual(azurePrivateDnsZoneCatalog()[0].zones, ["privatelink.blob.core.windows.net"]);
        const z = azurePrivateDnsZones("blob");
        z.push("y");
        assert.deepStrictEqual(azurePrivateDnsZones("blob"), ["privatelink.blob.core.windows.net"]);
    });

    it("counts the entries per cloud", () => {
        assert.strictEqual(azurePrivateDnsZoneCatalog(AzureCloud.Public).length, 101);
        assert.strictEqual(azurePrivateDnsZoneCatalog(AzureCloud.UsGovernment).length, 42);
        assert.strictEqual(azurePrivateDnsZoneCatalog(AzureCloud.China).length, 38);
    });
});

describe("catalog: multi-zone groupIds and shared zones", () => {
    it("returns every zone of a multi-zone groupId", () => {
        assert.strictEqual(azurePrivateDnsZones("azuremonitor").length, 5);
        assert.strictEqual(azurePrivateDnsZones("account", { resourceType: "Microsoft.CognitiveServices/accounts" }).length, 3);
        assert.strictEqual(azurePrivateDnsZones("iotApp").length, 4);
        assert.strictEqual(azurePrivateDnsZones("cluster", { region: "westeurope" }).length, 4);
        assert.strictEqual(azurePrivateDnsZones("azuremonitor", { cloud: AzureCloud.UsGovernment }).length, 6);
    });

    it("lets services share zones: the blob zone serves storage, disks, Elastic SAN, Monitor, Backup and Data Explorer", () => {
        const blob = "privatelink.blob.core.windows.net";
        for (const [g, o] of [
            ["blob", {}],
            ["disks", {}],
            ["volumegroup", {}],
            ["azuremonitor", {}],
            ["AzureBackup", { region: "uksouth" }],
            ["cluster", { region: "uksouth" }],
        ] as const) {
            assert.ok(azurePrivateDnsZones(g, o).includes(blob), g);
        }
        assert.deepStrictEqual(azurePrivateDnsZones("namespace"), ["privatelink.servicebus.windows.net"]);
        assert.ok(azurePrivateDnsZones("iotHub").includes("privatelink.servicebus.windows.net"));
        assert.deepStrictEqual(azurePrivateDnsZones("topic"), ["privatelink.eventgrid.azure.net"]);
    });

    it("gives both Redis Enterprise zones for the shared groupId", () => {
        assert.deepStrictEqual(azurePrivateDnsZones("redisEnterprise"), ["privatelink.redisenterprise.cache.azure.net", "privatelink.redis.azure.net"]);
    });

    it("fills {regionCode} from the region's geo code", () => {
        assert.deepStrictEqual(azurePrivateDnsZones("AzureBackup", { region: "North Europe" }), [
            "privatelink.ne.backup.windowsazure.com",
            "privatelink.blob.core.windows.net",
            "privatelink.queue.core.windows.net",
        ]);
        assert.deepStrictEqual(azurePrivateDnsZones("AzureBackup", { region: "eastus", regionCode: "xeus" })[0], "privatelink.xeus.backup.windowsazure.com");
    });
});

describe("catalog: errors name the field", () => {
    const err = (fn: () => unknown) => {
        const e = validationErrorOf(fn);
        assert.ok(e, "expected a ValidationError");
        return e;
    };

    it("refuses an unknown groupId, and says where it exists", () => {
        assert.strictEqual(err(() => azurePrivateDnsZones("blobz")).field, "groupId");
        const e = err(() => azurePrivateDnsZones("managedhsm", { cloud: AzureCloud.China }));
        assert.match(e.message, /does not list for AzureChinaCloud \(it does for AzureCloud\)/);
    });

    it("refuses a groupId that several services use with different zones, unless the resource type says which", () => {
        for (const g of ["Sql", "account", "portal"]) {
            const e = err(() => azurePrivateDnsZones(g));
            assert.strictEqual(e.field, "resourceType");
        }
        assert.deepStrictEqual(azurePrivateDnsZones("Sql", { resourceType: "Microsoft.Synapse/workspaces" }), ["privatelink.sql.azuresynapse.net"]);
        assert.strictEqual(err(() => azurePrivateDnsZones("blob", { resourceType: "Microsoft.KeyVault/vaults" })).field, "resourceType");
        assert.strictEqual(err(() => azurePrivateDnsZones("blob", { resourceType: "not a type" })).field, "resourceType");
    });

    it("refuses a missing or malformed placeholder value", () => {
        assert.strictEqual(err(() => azurePrivateDnsZones("management")).field, "region");
        assert.strictEqual(err(() => azurePrivateDnsZones("managementx")).field, "groupId");
        assert.strictEqual(err(() => azurePrivateDnsZones("managedInstance")).field, "dnsPrefix");
        assert.strictEqual(err(() => azurePrivateDnsZones("managedInstance", { dnsPrefix: "a.b" })).field, "dnsPrefix");
        assert.strictEqual(err(() => azurePrivateDnsZones("staticSites")).field, "partitionId");
        assert.strictEqual(err(() => azurePrivateDnsZones("management", { region: "eastus", subzone: "bad_label" })).field, "subzone");
        assert.strictEqual(err(() => azurePrivateDnsZones("AzureBackup", { region: "eastus", regionCode: "bad_code" })).field, "regionCode");
        assert.strictEqual(err(() => azurePrivateDnsZones("management", { region: "atlantis" })).field, "region");
        const e = err(() => azurePrivateDnsZones("management", { region: "usgovvirginia" }));
        assert.match(e.message, /a region of AzureUSGovernment, not of AzureCloud/);
    });

    it("refuses a cloud that is not one of the enum's values", () => {
        assert.strictEqual(err(() => azurePrivateDnsZones("blob", { cloud: "AzureGermanCloud" as AzureCloud })).field, "cloud");
        assert.strictEqual(err(() => azurePrivateDnsZoneCatalog("public" as AzureCloud)).field, "cloud");
    });

    it("reads every table by own property: inherited names are unknown, never a crash", () => {
        for (const k of ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"]) {
            assert.strictEqual(err(() => azurePrivateDnsZones(k)).field, "groupId");
            assert.strictEqual(err(() => azureRegionCode(k)).field, "region");
            assert.strictEqual(err(() => azurePrivateDnsZones("management", { region: k })).field, "region");
        }
    });

    it("turns any input into a result or a ValidationError (property)", () => {
        fc.assert(
            fc.property(fc.anything(), fc.anything(), (g, o) => {
                validationErrorOf(() => azurePrivateDnsZones(g as string, o as object));
                validationErrorOf(() => azureRegionCode(g as string));
            }),
            { numRuns: 500 },
        );
    });
});

describe("catalog: region codes", () => {
    it("knows the geo code of every public region", () => {
        const regions = azureRegions(AzureCloud.Public);
        assert.ok(regions.length >= 70, String(regions.length));
        for (const r of regions) {
            assert.match(azureRegionCode(r), /^[a-z0-9]{2,5}$/, r);
        }
        const codes = regions.map(azureRegionCode);
        assert.strictEqual(new Set(codes).size, codes.length, "geo codes are unique");
    });

    it("matches the Azure Backup geo-code list", () => {
        for (const [r, c] of [
            ["eastus", "eus"],
            ["eastus2", "eus2"],
            ["westeurope", "we"],
            ["northeurope", "ne"],
            ["uksouth", "uks"],
            ["southeastasia", "sea"],
            ["australiaeast", "ae"],
            ["centralindia", "inc"],
            ["germanywestcentral", "gwc"],
            ["swedencentral", "sdc"],
            ["westus3", "wus3"],
            ["usgovvirginia", "ugv"],
            ["usgovtexas", "ugt"],
            ["chinanorth", "bjb"],
            ["chinaeast2", "sha2"],
        ]) {
            assert.strictEqual(azureRegionCode(r), c, r);
        }
        assert.strictEqual(azureRegionCode("East US 2"), "eus2");
        assert.strictEqual(azureRegionCode("UKSOUTH"), "uks");
    });

    it("knows which regions have availability zones", () => {
        assert.ok(regionHasZones("eastus") && regionHasZones("West Europe"));
        assert.ok(!regionHasZones("westus") && !regionHasZones("northcentralus") && !regionHasZones("atlantis"));
    });
});

describe("catalog: ValidationError is the error type", () => {
    it("throws ValidationError instances", () => {
        assert.throws(() => azurePrivateDnsZones("nope"), (e: unknown) => e instanceof ValidationError);
    });
});
