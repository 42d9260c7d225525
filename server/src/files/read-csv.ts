import { readFile } from "node:fs/promises";
import type { Cell, GridRow } from "@xueji/shared";

/**
 * CSV as Chinese offices produce it: Excel on a Chinese Windows saves “CSV” in GB18030 (GBK),
 * newer Excel saves UTF-8 with a BOM. Every cell is text: a CSV has no types, which is why an ID
 * number that Excel already rounded arrives here as “4.30103E+17” (the ID parser knows that form).
 */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder("utf-8").decode(bytes.subarray(3));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export async function readCsv(path: string): Promise<GridRow[]> {
  const text = decodeCsv(await readFile(path));
  return parseCsv(text).map((fields, i) => ({
    row: i + 1,
    cells: fields.map((f): Cell | undefined => (f === "" ? undefined : { value: f, type: "string" })),
  }));
}
