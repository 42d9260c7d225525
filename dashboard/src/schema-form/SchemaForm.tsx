import { makeStyles, tokens } from "@fluentui/react-components";
import { useId, useMemo } from "react";
import { FormContext, makeFormContext } from "./form-context";
import { IssueSummary } from "./IssueSummary";
import { SchemaField } from "./SchemaField";
import type { FieldIssue, JsonSchema } from "./schema";
import type { FormLocale } from "./strings";

const useStyles = makeStyles({ form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL } });

export interface SchemaFormProps {
  /** The kind's JSON Schema as the server publishes it (settings.schemas), titles in the reader's language. */
  schema: JsonSchema;
  value: unknown;
  onChange: (next: unknown) => void;
  /** The server's check of the value: each message is shown at its field, and all of them above the form. */
  issues?: readonly FieldIssue[];
  readOnly?: boolean;
  locale?: FormLocale;
}

/**
 * An editor generated from a JSON Schema with Fluent UI v9 fields, so a new kind of setting needs no
 * new page. It holds no state of its own: the value is the caller's, and validity is the server's zod check.
 */
export function SchemaForm({ schema, value, onChange, issues = [], readOnly = false, locale = "zh-CN" }: SchemaFormProps) {
  const styles = useStyles();
  const idPrefix = useId().replace(/:/g, "");
  const context = useMemo(() => makeFormContext(idPrefix, issues, readOnly, locale, SchemaField), [idPrefix, issues, readOnly, locale]);
  return (
    <FormContext.Provider value={context}>
      <div className={styles.form}>
        <IssueSummary schema={schema} issues={issues} />
        <SchemaField schema={schema} path={[]} value={value} onChange={onChange} required label={{ text: schema.title ?? "" }} />
      </div>
    </FormContext.Provider>
  );
}
