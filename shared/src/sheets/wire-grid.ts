import type { Cell, GridRow } from "../cell";

/** A row as sent to the server: empty cells as null, none after the last filled one. */
export interface WireRow {
  row: number;
  cells: Array<Cell | null>;
}

/**
 * The grid as the API takes it, from the pane and from `xueji submit` alike. JSON has no `undefined`:
 * sparse cells become null. Empty cells at the end of a row are left off: a used range that reaches
 * far to the right (Excel keeps formatted or cleared cells in it out to the last such column) would
 * otherwise send every empty cell of every row as null, and a wide sheet could pass the server's
 * 64 MB request cap. Empty cells before the last filled one stay as null, so each value keeps its column.
 */
export function toWire(grid: readonly GridRow[]): WireRow[] {
  return grid.map((r) => {
    let end = r.cells.length;
    while (end > 0 && r.cells[end - 1] == null) end--;
    return { row: r.row, cells: Array.from(r.cells.slice(0, end), (c) => c ?? null) };
  });
}
