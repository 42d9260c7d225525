import { matchKey } from "../text/normalise";

export interface CodeEntry {
  code: string;
  /** The standard's own wording, which is what the cell should say. */
  name: string;
  /** Spellings people actually type; matched after full-width folding, trimming and lower-casing. */
  aliases: readonly string[];
  /** Other wordings that are just as correct in context (已报到 on a new-student roster). */
  alsoCorrect?: readonly string[];
}

export interface CodeTable {
  id: string;
  /** Where the codes come from (a national standard or the seed). */
  source: string;
  entries: readonly CodeEntry[];
}

export interface CodeMatch {
  entry: CodeEntry;
  /** True when the cell already says the standard name. */
  exact: boolean;
}

const indexes = new WeakMap<CodeTable, Map<string, CodeMatch>>();

function indexOf(table: CodeTable): Map<string, CodeMatch> {
  let index = indexes.get(table);
  if (index) return index;
  index = new Map();
  for (const entry of table.entries) {
    // Aliases first so that a name never loses to an alias of another entry.
    for (const alias of [entry.code, ...entry.aliases]) {
      const key = matchKey(alias);
      if (!index.has(key)) index.set(key, { entry, exact: false });
    }
  }
  for (const entry of table.entries) {
    for (const name of [entry.name, ...(entry.alsoCorrect ?? [])]) index.set(matchKey(name), { entry, exact: true });
  }
  indexes.set(table, index);
  return index;
}

/** Finds the entry a typed spelling means, or null. `汉` → 汉族 (not exact), `汉族` → 汉族 (exact). */
export function lookupCode(table: CodeTable, text: string): CodeMatch | null {
  return indexOf(table).get(matchKey(text)) ?? null;
}

export function entryByCode(table: CodeTable, code: string): CodeEntry | undefined {
  return table.entries.find((e) => e.code === code);
}

/** Builds a table from `[code, name, ...aliases]` tuples, the compact form the tables are written in. */
export function codeTable(id: string, source: string, rows: ReadonlyArray<readonly [string, string, ...string[]]>): CodeTable {
  return {
    id,
    source,
    entries: rows.map(([code, name, ...aliases]) => ({ code, name, aliases })),
  };
}
