import type { JsonSchema, Path } from "./schema";

/** What every editor of a schema node is given. */
export interface FieldProps {
  schema: JsonSchema;
  path: Path;
  value: unknown;
  onChange: (next: unknown) => void;
  /** A visible label (a form field), or the ids of the labels that name it (a table cell: column and row). */
  label: { text: string; hint?: string | undefined } | { labelledBy: string };
  required: boolean;
}
