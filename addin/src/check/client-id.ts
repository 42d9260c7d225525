import { type ColumnOverride, type GridRow, toWire } from "@xueji/shared";

/** FNV-1a, for the rare pane served over plain HTTP on an intranet, where `crypto.subtle` is absent. */
function fnv(text: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/**
 * The submission's client id, derived from the sheet's content, term, kind and the secretary's
 * column mapping: the same sheet sent again (a double click, a retry after a dropped connection,
 * the pane reopened) gets the first receipt back instead of a second version, while the same cells
 * read with another mapping are another submission. It is taken over the cells as sent (trailing
 * empty cells left off), so a used range that grew to the right without new content keeps the id.
 * (`xueji submit` hashes the file's bytes instead: the two ids are not meant to agree.)
 */
export async function clientIdFor(
  grid: readonly GridRow[],
  termCode: string,
  kind: string | null,
  columns?: ColumnOverride | null,
): Promise<string> {
  const mapping = columns && Object.keys(columns).length ? Object.entries(columns).sort(([a], [b]) => (a < b ? -1 : 1)) : null;
  const text = JSON.stringify({
    termCode,
    kind,
    grid: toWire(grid).map((r) => [r.row, r.cells.map((c) => (c ? [c.value, c.type] : null))]),
    // Only when there is one, so ids of sheets submitted before mappings existed stay the same.
    ...(mapping ? { columns: mapping } : {}),
  });
  if (globalThis.crypto?.subtle) {
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
    return `pane-${Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("")}`;
  }
  return `pane-fnv-${[0x811c9dc5, 0x01234567, 0x89abcdef, 0x5bd1e995].map((seed) => fnv(text, seed)).join("")}-${text.length}`;
}
