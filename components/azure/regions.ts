/**
 * Azure regions as the Private Link catalog and the components need them: the ARM short name of
 * every region of each cloud, the geo code that Azure Backup's private DNS zones use
 * (`privatelink.{regionCode}.backup.windowsazure.com`), and whether a region has availability
 * zones (a zone-redundant load balancer frontend fails to deploy in a region without them).
 *
 * Sources: the geo-code list of Azure Backup
 * (https://learn.microsoft.com/azure/backup/scripts/geo-code-list) for the codes it has, and the
 * region data that Azure Verified Modules generates from the ARM locations API
 * (Azure/terraform-azurerm-avm-utl-regions, `locals.geo.codes.tf.json` and the cached
 * locations) for newer regions and for availability zones. Regions change: re-check before each
 * release. Every table here is keyed by user input, so it is a `Map` (own entries only: a region
 * called `constructor` or `__proto__` is simply unknown).
 */
import { AzureCloud } from "./cloud";

/** Geo codes of the regions of Azure public cloud, by ARM short name. */
const PUBLIC_REGION_CODES: ReadonlyArray<readonly [string, string]> = [
    ["australiacentral", "acl"],
    ["australiacentral2", "acl2"],
    ["australiaeast", "ae"],
    ["australiasoutheast", "ase"],
    ["austriaeast", "aue"],
    ["belgiumcentral", "bec"],
    ["brazilsouth", "brs"],
    ["brazilsoutheast", "bse"],
    ["canadacentral", "cnc"],
    ["canadaeast", "cne"],
    ["centralindia", "inc"],
    ["centralus", "cus"],
    ["centraluseuap", "ccy"],
    ["chilecentral", "clc"],
    ["denmarkeast", "dke"],
    ["eastasia", "ea"],
    ["eastus", "eus"],
    ["eastus2", "eus2"],
    ["eastus2euap", "ecy"],
    ["eastus3", "eus3"],
    ["francecentral", "frc"],
    ["francesouth", "frs"],
    ["germanynorth", "gn"],
    ["germanywestcentral", "gwc"],
    ["indiasouthcentral", "insc"],
    ["indonesiacentral", "idc"],
    ["israelcentral", "ilc"],
    ["israelnorthwest", "iln"],
    ["italynorth", "itn"],
    ["japaneast", "jpe"],
    ["japanwest", "jpw"],
    ["jioindiacentral", "jic"],
    ["jioindiawest", "jiw"],
    ["koreacentral", "krc"],
    ["koreasouth", "krs"],
    ["malaysiasouth", "mys"],
    ["malaysiawest", "myw"],
    ["mexicocentral", "mxc"],
    ["newzealandnorth", "nzn"],
    ["northcentralus", "ncus"],
    ["northeastus5", "ne5s"],
    ["northeurope", "ne"],
    ["norwayeast", "nwe"],
    ["norwaywest", "nww"],
    ["polandcentral", "plc"],
    ["qatarcentral", "qac"],
    ["southafricanorth", "san"],
    ["southafricawest", "saw"],
    ["southcentralus", "scus"],
    ["southcentralus2", "usc2"],
    ["southeastasia", "sea"],
    ["southeastus", "use"],
    ["southeastus3", "use3"],
    ["southeastus5", "use5"],
    ["southindia", "ins"],
    ["southwestus", "swus"],
    ["spaincentral", "spc"],
    ["swedencentral", "sdc"],
    ["swedensouth", "sds"],
    ["switzerlandnorth", "szn"],
    ["switzerlandwest", "szw"],
    ["taiwannorth", "twn"],
    ["taiwannorthwest", "tnw"],
    ["uaecentral", "uac"],
    ["uaenorth", "uan"],
    ["uksouth", "uks"],
    ["ukwest", "ukw"],
    ["westcentralus", "wcus"],
    ["westeurope", "we"],
    ["westindia", "inw"],
    ["westus", "wus"],
    ["westus2", "wus2"],
    ["westus3", "wus3"],
];

/** Geo codes of the regions of Azure US Government, by ARM short name. */
const US_GOVERNMENT_REGION_CODES: ReadonlyArray<readonly [string, string]> = [
    ["usdodcentral", "udc"],
    ["usdodeast", "ude"],
    ["usgovarizona", "uga"],
    ["usgovtexas", "ugt"],
    ["usgovvirginia", "ugv"],
];

/**
 * Geo codes of the regions of Azure operated by 21Vianet, by ARM short name. China North 3 and
 * China East 3 are regions without a published code: they are listed with an empty code, so
 * `{regionName}` zones work there and `{regionCode}` zones ask for the code explicitly.
 */
const CHINA_REGION_CODES: ReadonlyArray<readonly [string, string]> = [
    ["chinaeast", "sha"],
    ["chinaeast2", "sha2"],
    ["chinaeast3", ""],
    ["chinanorth", "bjb"],
    ["chinanorth2", "bjb2"],
    ["chinanorth3", ""],
];

const REGIONS_BY_CLOUD: ReadonlyMap<AzureCloud, ReadonlyMap<string, string>> = new Map([
    [AzureCloud.Public, new Map(PUBLIC_REGION_CODES)],
    [AzureCloud.UsGovernment, new Map(US_GOVERNMENT_REGION_CODES)],
    [AzureCloud.China, new Map(CHINA_REGION_CODES)],
]);

/**
 * Public regions that have availability zones (from the ARM locations API). A region not listed
 * here has none, or is not known to have any: a zone-redundant frontend is not offered there by
 * default.
 */
const REGIONS_WITH_ZONES: ReadonlySet<string> = new Set([
    "australiaeast",
    "austriaeast",
    "belgiumcentral",
    "brazilsouth",
    "canadacentral",
    "centralindia",
    "centralus",
    "chilecentral",
    "denmarkeast",
    "eastasia",
    "eastus",
    "eastus2",
    "eastus2euap",
    "francecentral",
    "germanywestcentral",
    "indonesiacentral",
    "israelcentral",
    "italynorth",
    "japaneast",
    "japanwest",
    "koreacentral",
    "malaysiawest",
    "mexicocentral",
    "newzealandnorth",
    "northeurope",
    "norwayeast",
    "polandcentral",
    "qatarcentral",
    "southafricanorth",
    "southcentralus",
    "southeastasia",
    "spaincentral",
    "swedencentral",
    "switzerlandnorth",
    "uaenorth",
    "uksouth",
    "westeurope",
    "westus2",
    "westus3",
    // US Government and China regions with availability zones.
    "usgovvirginia",
    "chinanorth3",
]);

/**
 * The ARM short name of a region written either way: `eastus`, `East US`, `EASTUS`. Returns the
 * text lower-cased and without spaces; whether it names a region is for `azureRegionCloud`.
 */
export function normalizeRegion(region: string): string {
    return region.toLowerCase().replace(/\s+/g, "");
}

/** The cloud a region belongs to (by ARM short name or display name), or undefined if unknown. */
export function azureRegionCloud(region: unknown): AzureCloud | undefined {
    if (typeof region !== "string") {
        return undefined;
    }
    const name = normalizeRegion(region);
    for (const [cloud, regions] of REGIONS_BY_CLOUD) {
        if (regions.has(name)) {
            return cloud;
        }
    }
    return undefined;
}

/** Every known region of a cloud, by ARM short name, sorted. */
export function azureRegions(cloud: AzureCloud = AzureCloud.Public): string[] {
    return [...(REGIONS_BY_CLOUD.get(cloud)?.keys() ?? [])].sort();
}

/**
 * The geo code of a region, as Azure Backup's private DNS zones use it (`eastus` → `eus`,
 * `North Europe` → `ne`, `uksouth` → `uks`), or undefined for a region that is unknown or has no
 * published code. See `azureRegionCode` for the checked version.
 */
export function regionCodeOf(region: string): string | undefined {
    const name = normalizeRegion(region);
    for (const regions of REGIONS_BY_CLOUD.values()) {
        const code = regions.get(name);
        if (code !== undefined) {
            return code === "" ? undefined : code;
        }
    }
    return undefined;
}

/** Whether a region is known to have availability zones. */
export function regionHasZones(region: string): boolean {
    return REGIONS_WITH_ZONES.has(normalizeRegion(region));
}
