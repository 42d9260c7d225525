import { z } from "zod";
import { type ColumnOverride, columnOverrideProblems, MAX_OVERRIDE_COLUMN } from "../sheets/column-override";
import { FIELD_KEYS } from "../sheets/fields";
import type { Same } from "./same";

/**
 * The secretary's column mapping as it crosses the wire (shared `ColumnOverride`): column letter → field
 * key, or null for "not checked". A letter past Excel's last column, a field the reader does not know, or a
 * field given to two columns is refused with its problem (`column-letter`, `column-field`,
 * `column-duplicate`) at the column (`columns.E`), so the reader is told which column to look at; only
 * then is each value read as the field it names.
 */
export const columnOverrideSchema = z
  .record(z.string(), z.string().nullable())
  .superRefine((value, ctx) => {
    for (const { column, problem } of columnOverrideProblems(value, MAX_OVERRIDE_COLUMN)) {
      ctx.addIssue({ code: "custom", path: [column], message: problem, params: { problem } });
    }
  })
  .pipe(z.record(z.string(), z.enum(FIELD_KEYS).nullable()));

const overrideIsDomain: Same<z.infer<typeof columnOverrideSchema>, ColumnOverride> = true;
void overrideIsDomain;
