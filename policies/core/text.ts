/** The linear-time string helpers live in the cloud-neutral room, shared with `common/gcp.ts`. */
export * from "../../common/text";
