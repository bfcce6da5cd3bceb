export * from "./network";
export * from "./policy";
export * from "./props";
export * from "./tags";
export * from "./references";
export * from "./stack";
export * from "./text";
