export * from "./applications";
export * from "./audit";
export * from "./graduation";
export * from "./organisation";
export * from "./settings";
export * from "./sheets";
export * from "./students";
export * from "./users";
