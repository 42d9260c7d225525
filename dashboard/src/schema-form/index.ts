export { diffValues, type ValueChange } from "./diff";
export { labelOfPath } from "./IssueSummary";
export { SchemaForm, type SchemaFormProps } from "./SchemaForm";
export type { FieldIssue, JsonSchema, Path } from "./schema";
