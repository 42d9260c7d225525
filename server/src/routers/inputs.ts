import { type ColumnOverride, columnOverrideProblems, SHEET_KINDS } from "@xueji/shared";
import { z } from "zod";

// Excel holds at most 32,767 characters in a cell and 1,048,576 rows; a check sheet is far smaller.
export const MAX_CELL_TEXT = 32_767;
export const MAX_ROWS = 100_000;
export const MAX_COLUMNS = 256;

export { idInput, MAX_INT4 } from "../services/ids";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Every string the API takes: NUL bytes (PostgreSQL text cannot hold them) and lone UTF-16
 * surrogates (not Unicode; they break JSON and XML on the way out) are refused at the boundary,
 * once, with a localised `input.invalid` naming the field.
 */
export function textInput(max: number, min = 0) {
  return z
    .string()
    .min(min)
    .max(max)
    .superRefine((value, ctx) => {
      if (value.includes("\u0000")) ctx.addIssue({ code: "custom", message: "NUL", params: { problem: "nul-character" } });
      else if (LONE_SURROGATE.test(value)) ctx.addIssue({ code: "custom", message: "surrogate", params: { problem: "lone-surrogate" } });
    });
}

const cell = z
  .object({
    value: z.union([textInput(MAX_CELL_TEXT), z.number().finite(), z.boolean(), z.null()]),
    type: z.enum(["string", "number", "boolean", "empty", "error"]),
    format: textInput(200).optional(),
  })
  .strict();

/** A worksheet as the add-in or the command line read it: rows of plain cells. */
export const gridInput = z
  .array(
    z.object({
      row: z.number().int().min(1).max(1_048_576),
      cells: z.array(cell.nullable()).max(MAX_COLUMNS),
    }),
  )
  .max(MAX_ROWS);

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
    for (const { column, problem } of columnOverrideProblems(value, MAX_COLUMNS)) {
      ctx.addIssue({ code: "custom", path: [column], message: problem, params: { problem } });
    }
  })
  .transform((value) => value as ColumnOverride);
