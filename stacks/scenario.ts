import * as pulumi from "@pulumi/pulumi";

/** A scenario builds one example setup from the stack's config and returns the stack outputs. */
export type Scenario = (config: pulumi.Config) => Record<string, pulumi.Input<unknown>>;

/**
 * The service a consumer scenario reaches: the `serviceReference` output of the provider stack
 * named by `serviceStack` (through a StackReference), or `fallback` (default: the
 * `serviceReference` config value) when no stack is named.
 */
export function serviceReferenceOf(config: pulumi.Config, fallback?: pulumi.Input<string>): pulumi.Input<string> {
    const serviceStack = config.get("serviceStack");
    if (serviceStack !== undefined) {
        return new pulumi.StackReference(serviceStack).requireOutput("serviceReference").apply(String);
    }
    return fallback ?? config.require("serviceReference");
}
