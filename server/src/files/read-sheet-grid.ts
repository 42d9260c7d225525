import { type AgeLimits, type ColumnOverride, createSheetReader, type GridRow, type SheetKind, type SheetResult } from "@xueji/shared";
import { readWorksheets } from "./read-grid";

export interface SheetGrid {
  sheet: string;
  rows: GridRow[];
  /** The local verdict, made by the same shared reader the server runs. */
  local: SheetResult;
}

/**
 * The grid of the first worksheet that is a check sheet, as a client sends it to the server. Cells
 * are kept as read (no normalising): the server decides, with the same code, what they mean.
 */
export async function readSheetGrid(
  file: string,
  /** `columns`: the secretary's own mapping (letter → field), over the header's guess — it also decides which worksheet is the check sheet. */
  options: { today: string; kind?: SheetKind; ageLimits?: AgeLimits; columns?: ColumnOverride | undefined },
): Promise<SheetGrid> {
  let first: SheetGrid | null = null;
  for await (const sheet of readWorksheets(file)) {
    const reader = createSheetReader({
      today: options.today,
      sheetName: sheet.name,
      ...(options.kind ? { kind: options.kind } : {}),
      ...(options.ageLimits ? { ageLimits: options.ageLimits } : {}),
      ...(options.columns ? { columns: options.columns } : {}),
    });
    const rows: GridRow[] = [];
    for await (const row of sheet.rows) {
      rows.push(row);
      reader.push(row);
    }
    const candidate = { sheet: sheet.name, rows, local: reader.finish() };
    if (candidate.local.kind) return candidate;
    first ??= candidate;
  }
  return first as SheetGrid;
}

// One trimming for the CLI, the file routes and the pane (shared), kept importable from here.
export { toWire } from "@xueji/shared";
