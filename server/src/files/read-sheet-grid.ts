import {
  type AgeLimits,
  AppError,
  type ColumnOverride,
  createSheetReader,
  type GridRow,
  type SheetKind,
  type SheetResult,
  type SheetTemplate,
} from "@xueji/shared";
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
  options: {
    today: string;
    kind?: SheetKind;
    ageLimits?: AgeLimits;
    /** The templates in force for the term (the server's own checks); the defaults when absent. */
    templates?: Readonly<Record<SheetKind, SheetTemplate>> | undefined;
    columns?: ColumnOverride | undefined;
    /**
     * Rows of the grid kept, from the top (all when absent): the pane's file mode is sent only the
     * rows it shows (the header), while the reader still reads every row.
     */
    gridRows?: number;
    /** Rows and cells of one worksheet past which reading stops with a refusal (the file procedures; the CLI checks Excel's whole sheet). */
    maxRows?: number;
    maxCells?: number;
  },
): Promise<SheetGrid> {
  const maxRows = options.maxRows ?? Number.POSITIVE_INFINITY;
  const maxCells = options.maxCells ?? Number.POSITIVE_INFINITY;
  let first: SheetGrid | null = null;
  for await (const sheet of readWorksheets(file)) {
    const reader = createSheetReader({
      today: options.today,
      sheetName: sheet.name,
      ...(options.kind ? { kind: options.kind } : {}),
      ...(options.ageLimits ? { ageLimits: options.ageLimits } : {}),
      ...(options.templates ? { templates: options.templates } : {}),
      ...(options.columns ? { columns: options.columns } : {}),
    });
    const rows: GridRow[] = [];
    const keep = options.gridRows ?? Number.POSITIVE_INFINITY;
    let read = 0;
    let cells = 0;
    for await (const row of sheet.rows) {
      cells += row.cells.length;
      if (read++ >= maxRows) throw new AppError("file.rows-over-limit", { sheet: sheet.name, limit: maxRows });
      if (cells > maxCells) throw new AppError("file.too-many-cells", { file, cells: maxCells, limit: maxCells });
      if (rows.length < keep) rows.push(row);
      reader.push(row);
    }
    const candidate = { sheet: sheet.name, rows, local: reader.finish() };
    if (candidate.local.kind) return candidate;
    first ??= candidate;
  }
  return first as SheetGrid;
}

// One trimming for the CLI, the file procedures and the pane (shared), kept importable from here.
export { toWire } from "@xueji/shared";
