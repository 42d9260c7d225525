import { type ComponentType, createContext, useContext } from "react";
import type { FieldProps } from "./field-props";
import { type FieldIssue, type Path, pathKey } from "./schema";
import { FORM_STRINGS, type FormLocale, type FormStrings } from "./strings";

export interface FormContextValue {
  idPrefix: string;
  readOnly: boolean;
  locale: FormLocale;
  strings: FormStrings;
  /** Messages reported exactly at a path. */
  messagesAt: (path: Path) => string[];
  /** Messages at a path's descendants, with the rest of their path: for a list's lines and items. */
  messagesUnder: (path: Path) => Array<{ rest: Path; message: string }>;
  /**
   * The editor of a child node (SchemaField, which chooses one by the node's schema). An object, a list, a
   * table or a union edits its children with it from here rather than importing SchemaField, which imports them.
   */
  Field: ComponentType<FieldProps>;
}

export function makeFormContext(
  idPrefix: string,
  issues: readonly FieldIssue[],
  readOnly: boolean,
  locale: FormLocale,
  Field: ComponentType<FieldProps>,
): FormContextValue {
  const byPath = new Map<string, string[]>();
  for (const issue of issues) {
    const key = pathKey(issue.path);
    byPath.set(key, [...(byPath.get(key) ?? []), issue.message]);
  }
  return {
    idPrefix,
    readOnly,
    Field,
    locale,
    strings: FORM_STRINGS[locale],
    messagesAt: (path) => byPath.get(pathKey(path)) ?? [],
    messagesUnder: (path) =>
      issues
        .filter((i) => i.path.length > path.length && path.every((p, n) => String(i.path[n]) === String(p)))
        .map((i) => ({ rest: i.path.slice(path.length), message: i.message })),
  };
}

export const FormContext = createContext<FormContextValue | null>(null);

export function useForm(): FormContextValue {
  const context = useContext(FormContext);
  if (!context) throw new Error("schema-form fields render inside <SchemaForm>");
  return context;
}
