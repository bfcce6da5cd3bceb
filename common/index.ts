/**
 * The cloud-neutral room: what components and policy packs must agree on. It imports no cloud
 * SDK, no component and no pack (only `ipaddr.js` for address math), so a pack can bundle it and
 * still publish on its own.
 */
export * from "./aws";
export * from "./dns";
export * from "./gcp";
export * from "./network";
export * from "./tokens";
export * from "./unknown";
export * from "./text";
