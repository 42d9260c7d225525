/**
 * The part of JSON Schema (draft 2020-12) that zod 4's `z.toJSONSchema` emits for the settings,
 * plus the server's `x-enum-labels` (what each enumerated value is called in the reader's language).
 */
export interface JsonSchema {
  type?: "object" | "array" | "string" | "number" | "integer" | "boolean" | "null";
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: Array<string | number>;
  "x-enum-labels"?: Record<string, string>;
  const?: string | number | boolean;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  default?: unknown;
}

export type Path = ReadonlyArray<string | number>;

/** One problem with the value, where it is, as the server's zod check reports it. */
export interface FieldIssue {
  path: Path;
  message: string;
}

export const pathKey = (path: Path): string => path.map(String).join(".");

/** A DOM id for the field at a path, unique within one form (the prefix comes from React's useId). */
export const fieldId = (prefix: string, path: Path): string =>
  `${prefix}-${
    path
      .map(String)
      .join("-")
      .replace(/[^\w-]/g, "_") || "root"
  }`;

export function enumLabel(schema: JsonSchema, value: unknown): string {
  return schema["x-enum-labels"]?.[String(value)] ?? String(value);
}

/** A union whose branches are objects told apart by one constant property (zod's discriminatedUnion). */
export function discriminatorOf(branches: JsonSchema[]): string | undefined {
  const first = branches[0]?.properties;
  if (!first) return undefined;
  return Object.keys(first).find((name) => branches.every((b) => b.properties?.[name]?.const !== undefined));
}

/** Whether a value matches a branch's discriminator. */
export function branchOf(branches: JsonSchema[], discriminator: string, value: unknown): number {
  const tag = (value as Record<string, unknown> | null)?.[discriminator];
  return branches.findIndex((b) => b.properties?.[discriminator]?.const === tag);
}

/** The value a new row or a new branch starts from: constants kept, required fields filled, optional ones left out. */
export function emptyValue(schema: JsonSchema): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.default !== undefined) return structuredClone(schema.default);
  if (schema.enum) return schema.enum[0];
  const union = schema.oneOf ?? schema.anyOf;
  if (union?.[0]) return emptyValue(union[0]);
  switch (schema.type) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const name of schema.required ?? []) {
        const child = schema.properties?.[name];
        if (child) out[name] = emptyValue(child);
      }
      return out;
    }
    case "array":
      return schema.items && schema.minItems ? Array.from({ length: schema.minItems }, () => emptyValue(schema.items as JsonSchema)) : [];
    case "string":
      return "";
    case "number":
    case "integer":
      return schema.minimum !== undefined && schema.minimum > 0 ? schema.minimum : 0;
    case "boolean":
      return false;
    default:
      return null;
  }
}

/** The value with the part at `path` replaced (or removed, when `next` is undefined); nothing else is copied. */
export function setIn(value: unknown, path: Path, next: unknown): unknown {
  if (path.length === 0) return next;
  const [head, ...rest] = path as [string | number, ...Array<string | number>];
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[head as number] = setIn(copy[head as number], rest, next);
    return copy;
  }
  const object = { ...((value as Record<string, unknown> | null | undefined) ?? {}) };
  const child = setIn(object[head], rest, next);
  if (child === undefined) delete object[head];
  else object[head] = child;
  return object;
}
