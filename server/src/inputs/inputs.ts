import { type ColumnOverride, columnOverrideProblems, MAX_GRID_ROWS, MAX_SHEET_COLUMNS, SHEET_KINDS } from "@xueji/shared";
import { type RefinementCtx, z } from "zod";

// Excel holds at most 32,767 characters in a cell.
export const MAX_CELL_TEXT = 32_767;

import { textProblem } from "../services/hostile-text";

export { idInput, MAX_INT4 } from "../services/ids";

/**
 * Every string the API takes: NUL bytes (PostgreSQL text cannot hold them) and lone UTF-16
 * surrogates (not Unicode; they break JSON and XML on the way out) are refused at the boundary,
 * once, with a localised `input.invalid` naming the field.
 */
/**
 * A calendar date, YYYY-MM-DD, that exists (2025-02-30 and 2025-02-29 are refused here, with a localised "format"
 * problem, instead of reaching PostgreSQL and coming back as an internal error).
 */
export const dateInput = z.iso.date();

export function textInput(max: number, min = 0) {
  return z
    .string()
    .min(min)
    .max(max)
    .superRefine((value, ctx) => {
      const problem = textProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem, params: { problem } });
    });
}

const cell = z
  .object({
    value: z.union([textInput(MAX_CELL_TEXT), z.number().finite(), z.boolean(), z.null()]),
    type: z.enum(["string", "number", "boolean", "empty", "error"]),
    format: textInput(200).optional(),
    formula: z.literal(true).optional(),
  })
  .strict();

/**
 * A worksheet as the add-in or the command line read it: rows of plain cells. Its size is checked by
 * `refineGridSize` (with the sheet's name), not here, so the messages are the file reader's and the CLI's.
 * (The request's 64 MB bounds memory; these bound what a sheet may be.)
 */
export const gridInput = z.array(
  z.object({
    row: z.number().int().min(1).max(1_048_576),
    cells: z.array(cell.nullable()),
  }),
);

/**
 * A grid wider than Excel allows is refused with the very message `xueji validate` gives for such a
 * file (`file.too-many-columns`, same limit from shared); a longer one than a submission takes with
 * the message `xueji submit` gives before sending. The error's code rides in the issue's `appError`.
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

/**
 * The secretary's column mapping: column letter → field key, or null for "not checked". A letter
 * past the grid's width, a field the reader does not know, or a field given to two columns is
 * refused with a localised `input.invalid` naming the column (`columns.E`).
 */
export const columnOverrideInput = z
  .record(z.string(), z.union([z.string(), z.null()]))
  .superRefine((value, ctx) => {
    for (const { column, problem } of columnOverrideProblems(value, MAX_SHEET_COLUMNS)) {
      ctx.addIssue({ code: "custom", path: [column], message: problem, params: { problem } });
    }
  })
  .transform((value) => value as ColumnOverride);
