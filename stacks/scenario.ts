import * as pulumi from "@pulumi/pulumi";

/** A scenario builds one example setup from the stack's config and returns the stack outputs. */
export type Scenario = (config: pulumi.Config) => Record<string, pulumi.Input<unknown>>;
