/**
 * privatelink: Pulumi components for private connectivity on AWS, Azure and Google Cloud.
 *
 * This module is the package API: every component class and public helper is exported here, and
 * the Pulumi component host discovers the components from these exports. Users of a single cloud
 * can import `privatelink/aws`, `privatelink/azure` or `privatelink/gcp` instead, which load only
 * that cloud's provider SDK.
 */
export * from "./core";
