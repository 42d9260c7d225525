import { branchOf, discriminatorOf, enumLabel, type JsonSchema, type Path } from "./schema";
import { FORM_STRINGS, type FormLocale, fill } from "./strings";

/** One readable difference between two versions: where (by the fields' titles) and what it was and is. */
export interface ValueChange {
  path: Path;
  label: string;
  /** null: it was not there (added) or is no longer (removed). */
  before: string | null;
  after: string | null;
}

const WORDS = {
  "zh-CN": { yes: "是", no: "否", none: "（无）", row: "第 {n} 行", sep: "；" },
  en: { yes: "Yes", no: "No", none: "(none)", row: "row {n}", sep: "; " },
} as const;

function show(schema: JsonSchema | undefined, value: unknown, locale: FormLocale): string {
  const w = WORDS[locale];
  if (value === undefined || value === null) return w.none;
  if (schema?.enum) return enumLabel(schema, value);
  if (typeof value === "boolean") return value ? w.yes : w.no;
  if (Array.isArray(value)) return value.map((v) => show(schema?.items, v, locale)).join("、") || w.none;
  if (typeof value === "object") {
    const union = schema?.oneOf ?? schema?.anyOf;
    if (union) {
      const d = discriminatorOf(union);
      const branch = d ? union[branchOf(union, d, value)] : undefined;
      if (branch) return show(branch, value, locale);
    }
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => {
        const child = schema?.properties?.[k];
        if (child?.const !== undefined) return schema?.title ?? show(child, v, locale);
        return `${child?.title ?? k}：${show(child, v, locale)}`;
      })
      .filter(Boolean)
      .join(w.sep);
  }
  return String(value);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The field-level differences between two values of one schema, in the reader's language: table
 * rows compared by position, lists of values as added and removed items, unions by their shape.
 */
export function diffValues(schema: JsonSchema, before: unknown, after: unknown, locale: FormLocale = "zh-CN"): ValueChange[] {
  const out: ValueChange[] = [];
  const rowWord = FORM_STRINGS[locale].row;
  const walk = (node: JsonSchema | undefined, a: unknown, b: unknown, path: Path, labels: string[]) => {
    if (same(a, b)) return;
    const label = labels.join(" › ");
    const union = node?.oneOf ?? node?.anyOf;
    const d = union ? discriminatorOf(union) : undefined;
    if (union && d) {
      const ia = branchOf(union, d, a);
      const ib = branchOf(union, d, b);
      if (ia === ib && ia >= 0) return walk(union[ia], a, b, path, labels);
      out.push({
        path,
        label,
        before: a === undefined ? null : show(node, a, locale),
        after: b === undefined ? null : show(node, b, locale),
      });
      return;
    }
    if (node?.type === "object" && node.properties && a && b && typeof a === "object" && typeof b === "object") {
      for (const [name, child] of Object.entries(node.properties)) {
        walk(
          child,
          (a as Record<string, unknown>)[name],
          (b as Record<string, unknown>)[name],
          [...path, name],
          [...labels, child.title ?? name],
        );
      }
      return;
    }
    if (node?.type === "array" && Array.isArray(a) && Array.isArray(b)) {
      const items = node.items;
      if (items?.type === "object" || items?.oneOf) {
        for (let i = 0; i < Math.max(a.length, b.length); i++) {
          const at = [...path, i];
          const rowLabels = [...labels, fill(rowWord, { n: i + 1 })];
          if (i >= a.length) out.push({ path: at, label: rowLabels.join(" › "), before: null, after: show(items, b[i], locale) });
          else if (i >= b.length) out.push({ path: at, label: rowLabels.join(" › "), before: show(items, a[i], locale), after: null });
          else walk(items, a[i], b[i], at, rowLabels);
        }
        return;
      }
      // A list of values: what was added and what was removed, order aside.
      const key = (v: unknown) => JSON.stringify(v);
      const had = new Set(a.map(key));
      const has = new Set(b.map(key));
      const removed = a.filter((v) => !has.has(key(v)));
      const added = b.filter((v) => !had.has(key(v)));
      if (removed.length === 0 && added.length === 0) {
        out.push({ path, label, before: show(node, a, locale), after: show(node, b, locale) }); // reordered
        return;
      }
      for (const v of removed) out.push({ path, label, before: show(items, v, locale), after: null });
      for (const v of added) out.push({ path, label, before: null, after: show(items, v, locale) });
      return;
    }
    out.push({
      path,
      label,
      before: a === undefined ? null : show(node, a, locale),
      after: b === undefined ? null : show(node, b, locale),
    });
  };
  walk(schema, before, after, [], []);
  return out;
}
