import { type ColumnOverride, type GridRow, type SheetKind, toWire } from "@xueji/shared";
import type { Api } from "./client";

/** Every call the pane makes about check sheets, in one place (the API's shape changes here only). */
export interface SheetInput {
  termCode: string;
  kind?: SheetKind | null;
  /** The secretary's column mapping for this sheet (letter → field, null: not checked). */
  columns?: ColumnOverride | null;
  fileName: string;
  grid: readonly GridRow[];
}

function input(sheet: SheetInput) {
  // Empty cells as null, trailing ones left off (a wide used range would otherwise be mostly nulls).
  return {
    termCode: sheet.termCode,
    fileName: sheet.fileName.slice(0, 255),
    grid: toWire(sheet.grid),
    ...(sheet.kind ? { kind: sheet.kind } : {}),
    ...(sheet.columns && Object.keys(sheet.columns).length ? { columns: sheet.columns } : {}),
  };
}

/** The server's verdict: the shared reader plus the checks against the record. */
export function validateSheet(api: Api, sheet: SheetInput) {
  return api.sheets.validate.mutate(input(sheet));
}

export function submitSheet(api: Api, sheet: SheetInput & { clientId: string }) {
  return api.sheets.submit.mutate({ ...input(sheet), clientId: sheet.clientId });
}

/** The 核对规则 in force for an academic year (`2026-2027`): the students' age range the server checks with. */
export function checkRules(api: Api, academicYear: string) {
  return api.sheets.checkRules.query({ academicYear });
}

/** One page of the college's submissions for a term, newest first. */
export function listSubmissions(api: Api, termCode: string, cursor?: string | null) {
  return api.sheets.list.query({ termCode, limit: 20, ...(cursor ? { cursor } : {}) });
}

export function diffSubmission(api: Api, submissionId: string) {
  return api.sheets.diff.query({ submissionId });
}
