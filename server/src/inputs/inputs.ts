import { MAX_GRID_ROWS, MAX_SHEET_COLUMNS, SHEET_KINDS } from "@xueji/shared";
import { columnOverrideSchema } from "@xueji/shared/wire/column-override";
import { wireText } from "@xueji/shared/wire/text";
import { type RefinementCtx, z } from "zod";

export { MAX_CELL_TEXT } from "@xueji/shared";

export { idInput, MAX_INT4 } from "../services/ids";

/**
 * A calendar date, YYYY-MM-DD, that exists (2025-02-30 and 2025-02-29 are refused here, with a localised "format"
 * problem, instead of reaching PostgreSQL and coming back as an internal error).
 */
export const dateInput = z.iso.date();

/**
 * Every string the API takes: NUL bytes (PostgreSQL text cannot hold them) and lone UTF-16
 * surrogates (not Unicode; they break JSON and XML on the way out) are refused at the boundary,
 * once, with a localised `input.invalid` naming the field — as the text of the wire's shared shapes is.
 */
export const textInput = wireText;

/**
 * A grid (shared `gridSchema`) wider than Excel allows is refused with the very message `xueji validate` gives for such a
 * file (`file.too-many-columns`, same limit from shared); a longer one than a submission takes with
 * the message `xueji submit` gives before sending. The error's code rides in the issue's `appError`.
 * Checked here, with the sheet's name, rather than in the grid's shape, so the messages are the file
 * reader's and the CLI's. (The request's 64 MB bounds memory; these bound what a sheet may be.)
 */
export function refineGridSize(
  input: { grid: ReadonlyArray<{ row: number; cells: readonly unknown[] }>; fileName?: string | undefined },
  ctx: RefinementCtx,
): void {
  const sheet = input.fileName || "—";
  const issue = (params: Record<string, string | number>) =>
    ctx.addIssue({ code: "custom", path: ["grid"], message: String(params.appError), params });
  const wide = input.grid.find((r) => r.cells.length > MAX_SHEET_COLUMNS);
  if (input.grid.length > MAX_GRID_ROWS) issue({ appError: "sheet.too-many-rows", sheet, rows: input.grid.length, limit: MAX_GRID_ROWS });
  else if (wide) issue({ appError: "file.too-many-columns", sheet, row: wide.row, limit: MAX_SHEET_COLUMNS });
}

export const sheetKindInput = z.enum(SHEET_KINDS);
export const termInput = z.string().regex(/^\d{4}-\d{4}-[123]$/);
export const academicYearInput = z.string().regex(/^\d{4}-\d{4}$/);
export const studentNoInput = textInput(30, 1);
/** A free-text reason or opinion. */
export const noteInput = textInput(2000);

/** The secretary's column mapping (shared `columnOverrideSchema`), refused per column with a localised `input.invalid`. */
export const columnOverrideInput = columnOverrideSchema;
