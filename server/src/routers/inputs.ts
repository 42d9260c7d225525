import { SHEET_KINDS } from "@xueji/shared";
import { z } from "zod";

// Excel holds at most 32,767 characters in a cell and 1,048,576 rows; a check sheet is far smaller.
export const MAX_CELL_TEXT = 32_767;
export const MAX_ROWS = 100_000;
export const MAX_COLUMNS = 256;

const cell = z
  .object({
    value: z.union([z.string().max(MAX_CELL_TEXT), z.number().finite(), z.boolean(), z.null()]),
    type: z.enum(["string", "number", "boolean", "empty", "error"]),
    format: z.string().max(200).optional(),
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
