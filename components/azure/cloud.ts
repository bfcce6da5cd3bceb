/**
 * The Azure clouds. Each has its own DNS suffixes, so its own private DNS zone names for the
 * same Private Link groupId, and its own regions.
 */

/** An Azure cloud, named by its ARM environment name (`az cloud list`, `environment().name`). */
export enum AzureCloud {
    /** Azure public cloud (commercial). */
    Public = "AzureCloud",
    /** Azure US Government. */
    UsGovernment = "AzureUSGovernment",
    /** Azure operated by 21Vianet (China). */
    China = "AzureChinaCloud",
}
