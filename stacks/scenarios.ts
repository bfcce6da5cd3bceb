/**
 * The scenarios the example program can build; the stack's `scenario` config value picks one.
 */
import * as pulumi from "@pulumi/pulumi";
import { awsConsume, awsCrossAccount, awsHubDns, awsPublish, awsServiceEndpoints } from "./aws";
import { gcpConsume, gcpGoogleApis, gcpHubDns, gcpPublish, gcpPublishConsume } from "./gcp";
import { azureConsume, azureHubDns, azurePrivateLinkService, azurePublish, azureStorageEndpoint } from "./azure";
import { Scenario } from "./scenario";

export const scenarios: Record<string, Scenario> = {
    "aws-publish": awsPublish,
    "aws-consume": awsConsume,
    "aws-cross-account": awsCrossAccount,
    "aws-service-endpoints": awsServiceEndpoints,
    "aws-hub-dns": awsHubDns,
    "gcp-publish-consume": gcpPublishConsume,
    "gcp-publish": gcpPublish,
    "gcp-consume": gcpConsume,
    "gcp-google-apis": gcpGoogleApis,
    "gcp-hub-dns": gcpHubDns,
    "azure-storage-endpoint": azureStorageEndpoint,
    "azure-private-link-service": azurePrivateLinkService,
    "azure-publish": azurePublish,
    "azure-consume": azureConsume,
    "azure-hub-dns": azureHubDns,
};

/** Builds the scenario the stack's config names and returns its outputs. */
export function runScenario(config: pulumi.Config = new pulumi.Config()): Record<string, pulumi.Input<unknown>> {
    const name = config.require("scenario");
    // An own-property lookup: a config value such as "constructor" must not find Object's.
    const scenario = Object.prototype.hasOwnProperty.call(scenarios, name) ? scenarios[name] : undefined;
    if (!scenario) {
        throw new Error(`unknown scenario "${name}"; the stack config "scenario" must be one of: ${Object.keys(scenarios).join(", ")}`);
    }
    return scenario(config);
}
