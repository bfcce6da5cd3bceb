export * from "./errors";
export * from "./naming";
export * from "../../common/dns";
export * from "../../common/network";
export * from "./tags";
export * from "./validate";
