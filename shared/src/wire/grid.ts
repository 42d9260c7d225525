import { z } from "zod";
import { type Cell, MAX_CELL_TEXT } from "../cell";
import type { WireRow } from "../sheets/wire-grid";
import type { Same } from "./same";
import { wireText } from "./text";

/**
 * A cell as every reader hands it over (shared `Cell`): rich text already joined to plain text, a formula
 * as its cached result, a date as Excel's serial number with its format. Nothing else crosses: a
 * key the domain does not know is refused, not dropped.
 */
export const cellSchema = z
  .object({
    value: z.union([wireText(MAX_CELL_TEXT), z.number().finite(), z.boolean(), z.null()]),
    type: z.enum(["string", "number", "boolean", "empty", "error"]),
    format: wireText(200).optional(),
    formula: z.literal(true).optional(),
  })
  .strict();

/** Excel's last row. */
const MAX_WORKSHEET_ROW = 1_048_576;

/**
 * A row of the grid the pane and `xueji submit` send to `sheets.validate` / `sheets.submit` (shared
 * `toWire`): its 1-based worksheet row, and its cells with the empty ones as null. How many rows and
 * columns a sheet may have is the server's check (with the sheet's name, in the file reader's words).
 */
export const gridRowSchema = z.object({
  row: z.number().int().min(1).max(MAX_WORKSHEET_ROW),
  cells: z.array(cellSchema.nullable()),
});

export const gridSchema = z.array(gridRowSchema);

// The wire's shapes are the domain's, both ways: a field added to `Cell` or `WireRow` fails to compile here.
const cellIsDomain: Same<z.infer<typeof cellSchema>, Cell> = true;
const rowIsDomain: Same<z.infer<typeof gridRowSchema>, WireRow> = true;
void cellIsDomain;
void rowIsDomain;
