import type { Cell, GridRow } from "@xueji/shared";

/** A row as sent to the server: empty cells as null, none after the last filled one. */
export interface WireRow {
  row: number;
  cells: Array<Cell | null>;
}

/**
 * The grid as the API takes it, trimmed as `xueji submit` trims it (`toWire` on the server): a used
 * range that reaches far to the right (a format or a cleared cell in column XFD) would otherwise send
 * every empty cell of every row as null, and a wide sheet could pass the server's 64 MB request cap.
 * Empty cells before the last filled one stay as null, so each value keeps its column.
 */
export function toWire(grid: readonly GridRow[]): WireRow[] {
  return grid.map((r) => {
    let end = r.cells.length;
    while (end > 0 && r.cells[end - 1] == null) end--;
    return { row: r.row, cells: Array.from(r.cells.slice(0, end), (c) => c ?? null) };
  });
}
