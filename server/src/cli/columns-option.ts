import {
  AppError,
  type ColumnOverride,
  columnOverrideProblems,
  FIELD_KEYS,
  FIELDS,
  type FieldKey,
  formatInputProblem,
  type Locale,
} from "@xueji/shared";

/** Words that mean "do not check this column", as the pane's 不检查. */
const NOT_CHECKED = new Set(["-", "不检查", "none"]);

/** A field named by its key (`idNumber`), its standard header (身份证号) or a header spelling the reader knows (身份证号码). */
function fieldNamed(name: string): FieldKey | undefined {
  const key = FIELD_KEYS.find((k) => k === name);
  if (key) return key;
  return (
    FIELD_KEYS.find((k) => FIELDS[k].header === name) ?? FIELD_KEYS.find((k) => (FIELDS[k].synonyms as readonly string[]).includes(name))
  );
}

function usage(locale: Locale, detail: { "zh-CN": string; en: string }): AppError {
  return new AppError("cli.usage", { detail: detail[locale] });
}

/**
 * `--columns F=身份证号,G=-` → `{ F: "idNumber", G: null }`, the shape the pane sends: the
 * secretary's word on what a column holds when the header says it badly. A column that is not a
 * letter, a field the reader does not know, or a field given twice is refused with the same
 * localised words the server uses for the pane's mapping, naming the entry as typed.
 */
export function parseColumnsOption(text: string, locale: Locale): ColumnOverride {
  const columns: Record<string, FieldKey | null> = {};
  const typed = new Map<string, string>();
  for (const entry of text.split(/[,，]/)) {
    const trimmed = entry.trim();
    if (!trimmed) continue;
    const match = /^([^=＝]+)[=＝](.*)$/.exec(trimmed);
    if (!match) {
      throw usage(locale, {
        "zh-CN": `--columns 的“${trimmed}”应写作“列字母=字段”，例如 --columns F=身份证号,G=-（- 或“不检查”表示不检查该列）`,
        en: `“${trimmed}” in --columns should be COLUMN=FIELD, e.g. --columns F=idNumber,G=- (- or none: the column is not checked)`,
      });
    }
    const column = (match[1] as string).trim().toUpperCase();
    const name = (match[2] as string).trim();
    if (Object.hasOwn(columns, column)) {
      throw usage(locale, {
        "zh-CN": `--columns 给了 ${column} 列两次`,
        en: `--columns names column ${column} twice`,
      });
    }
    const field = NOT_CHECKED.has(name.toLowerCase()) ? null : fieldNamed(name);
    typed.set(column, trimmed);
    // A name that is no field is kept as typed: the shared check below refuses it, as the server would.
    columns[column] = field === undefined ? (name as FieldKey) : field;
  }
  const problems = columnOverrideProblems(columns);
  if (problems.length) {
    const words = problems.map(({ column, problem }) => formatInputProblem(problem, { path: typed.get(column) ?? column }, locale));
    throw new AppError("cli.usage", { detail: words.join(locale === "en" ? "; " : "；") });
  }
  return columns;
}
