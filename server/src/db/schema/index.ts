export * from "./applications";
export * from "./audit";
export * from "./audits";
export * from "./organisation";
export * from "./settings";
export * from "./sheets";
export * from "./students";
export * from "./users";
