import type { SheetKind } from "@xueji/shared";
import { and, eq, type SQL } from "drizzle-orm";
import { sheetSubmissions } from "../../db/schema";

/** The versions of one college's sheet of one kind for one term share a slot. */
export interface SheetSlot {
  kind: SheetKind;
  collegeId: number;
  termCode: string;
}

/** Submissions in the same slot, narrowed by any further conditions. */
export function inSlot(slot: SheetSlot, ...more: SQL[]): SQL {
  return and(
    eq(sheetSubmissions.kind, slot.kind),
    eq(sheetSubmissions.collegeId, slot.collegeId),
    eq(sheetSubmissions.termCode, slot.termCode),
    ...more,
  ) as SQL;
}
