export * from "./errors";
export * from "./naming";
export * from "./network";
export * from "./tags";
export * from "./validate";
