import { type Locale, SETTING_KIND_LABELS, SHEET_LABELS, settingEnumLabel, settingFieldLabel } from "@xueji/shared";
import { z } from "zod";
import { SETTING_KINDS, type SettingKind } from "./setting-kinds";

/** A JSON Schema node as zod 4 emits it, loosely typed: the editor reads only the keywords it knows. */
export type JsonSchema = { [keyword: string]: unknown };

const SAFE_INTEGER = Number.MAX_SAFE_INTEGER;

/**
 * Makes zod's JSON Schema readable by a person in the reader's language: titles and descriptions
 * from the labels in shared/src/messages/setting-labels.ts (a title set by `.meta()` wins), enum
 * values with their names in `x-enum-labels`, unions of constants as enums, and the ±2^53 bounds
 * zod gives every `.int()` dropped, since no registrar typed them.
 */
function annotate(node: JsonSchema, kind: string, locale: Locale): JsonSchema {
  const out: JsonSchema = { ...node };
  const anyOf = out.anyOf as JsonSchema[] | undefined;
  if (anyOf?.every((b) => b.const !== undefined)) {
    delete out.anyOf;
    out.type = anyOf[0]?.type;
    out.enum = anyOf.map((b) => b.const);
  }
  if (out.minimum === -SAFE_INTEGER) delete out.minimum;
  if (out.maximum === SAFE_INTEGER) delete out.maximum;
  if (Array.isArray(out.enum)) {
    out["x-enum-labels"] = Object.fromEntries(
      (out.enum as Array<string | number>).map((v) => [String(v), settingEnumLabel(v, locale) ?? String(v)]),
    );
  }
  if (out.const !== undefined && out.title === undefined) out.title = settingEnumLabel(out.const as string, locale) ?? String(out.const);
  if (out.properties) {
    const properties: Record<string, JsonSchema> = {};
    for (const [name, child] of Object.entries(out.properties as Record<string, JsonSchema>)) {
      const annotated = annotate(child, kind, locale);
      const label = settingFieldLabel(kind, name, locale);
      if (annotated.title === undefined) annotated.title = label?.title ?? name;
      if (annotated.description === undefined && label?.description) annotated.description = label.description;
      properties[name] = annotated;
    }
    out.properties = properties;
  }
  if (out.items && typeof out.items === "object") out.items = annotate(out.items as JsonSchema, kind, locale);
  for (const keyword of ["anyOf", "oneOf"] as const) {
    const branches = out[keyword] as JsonSchema[] | undefined;
    if (!branches) continue;
    out[keyword] = branches.map((b) => {
      const annotated = annotate(b, kind, locale);
      // A discriminated union's branch is named after its discriminator's value (解析方式: 日期, 文本…).
      const discriminator = Object.values((annotated.properties ?? {}) as Record<string, JsonSchema>).find((p) => p.const !== undefined);
      if (discriminator && annotated.title === undefined)
        annotated.title = settingEnumLabel(discriminator.const as string, locale) ?? String(discriminator.const);
      return annotated;
    });
  }
  return out;
}

/** What the keys of a kind are called: application types by their workflow's name, sheets by the sheet's. */
function keyLabel(kind: SettingKind, key: string, locale: Locale): string {
  const spec = SETTING_KINDS[kind];
  if (spec.keys.length === 1) return SETTING_KIND_LABELS[kind]?.title[locale] ?? key;
  const value = spec.default(key) as { name?: Record<Locale, string> } | undefined;
  return value?.name?.[locale] ?? SHEET_LABELS[key as keyof typeof SHEET_LABELS]?.[locale] ?? settingEnumLabel(key, locale) ?? key;
}

export interface SettingKindSchema {
  kind: SettingKind;
  title: string;
  description: string | null;
  keys: Array<{ key: string; label: string }>;
  schema: JsonSchema;
}

/** Every kind of setting with its JSON Schema, so that the dashboard generates its editor and a new kind needs no new page. */
export function settingSchemas(locale: Locale): SettingKindSchema[] {
  return (Object.keys(SETTING_KINDS) as SettingKind[]).map((kind) => {
    const spec = SETTING_KINDS[kind];
    const raw = z.toJSONSchema(spec.schema as z.ZodType, { unrepresentable: "any" }) as JsonSchema;
    const { $schema: _drop, ...schema } = annotate(raw, kind, locale);
    const label = SETTING_KIND_LABELS[kind];
    return {
      kind,
      title: label?.title[locale] ?? (schema.title as string | undefined) ?? kind,
      description: label?.description?.[locale] ?? (schema.description as string | undefined) ?? null,
      keys: spec.keys.map((key) => ({ key, label: keyLabel(kind, key, locale) })),
      schema,
    };
  });
}
