import type { ColumnOverride, GridRow, SheetKind } from "@xueji/shared";
import type { CheckResult } from "../check/check-result";
import type { ReadProgress, SheetHost } from "../host/sheet-host";

export interface Receipt {
  submissionId: string;
  version: number;
  state: string;
  rows: number;
  rowsAccepted: number;
  rowsWithErrors: number;
  duplicate: boolean;
  clientId: string;
}

/** A sheet as the pane last checked it. */
export interface CheckedSheet {
  result: CheckResult;
  /** The grid as far as the pane holds it: all of it in Excel and WPS, the header's rows in file mode. */
  grid: GridRow[];
  /** The grid above is the whole sheet (else 一键修正 and 提交 ask the host for it). */
  complete: boolean;
  sheetName: string;
  /** The secretary's column mapping for this sheet (null: the reader's guess). */
  columns: ColumnOverride | null;
}

/**
 * Where the check is: one phase, and what the last step ended with. A step that fails says so in
 * the phase it ends in; the sheet checked before stays shown.
 */
export type Phase =
  | { step: "idle" }
  | { step: "reading"; progress: ReadProgress | null }
  /** The sheet's own checks are shown; the server's record checks are on their way. */
  | { step: "record" }
  | { step: "fixing" }
  | { step: "submitting" }
  | { step: "checked" }
  /** The sheet's checks stand; the record's could not be made. */
  | { step: "record-failed"; message: string }
  | { step: "submitted"; receipt: Receipt }
  | { step: "submit-failed"; message: string }
  /** A check, a fix or a host action failed. */
  | { step: "failed"; message: string };

export interface CheckState {
  host: SheetHost | null;
  /** File mode: the file checked and submitted (after 一键修正, its corrected copy). */
  file: File | null;
  /** File mode: `file` is the corrected copy 一键修正 made (downloaded, and offered again). */
  fixedFile: boolean;
  term: string;
  kind: SheetKind | null;
  phase: Phase;
  sheet: CheckedSheet | null;
  /** What the last action did (marks kept or cleared, cells fixed): said until the next one. */
  notice: string | null;
}

export type CheckAction =
  | { type: "term"; term: string }
  | { type: "kind"; kind: SheetKind | null }
  | { type: "file-opened"; host: SheetHost; file: File }
  | { type: "fixed-copy"; file: File }
  | { type: "phase"; phase: Phase }
  | { type: "checked"; sheet: CheckedSheet; phase: Phase }
  | { type: "record"; result: CheckResult }
  | { type: "notice"; notice: string | null };

export function initialCheckState(host: SheetHost | null, term: string): CheckState {
  return { host, file: null, fixedFile: false, term, kind: null, phase: { step: "idle" }, sheet: null, notice: null };
}

/** A step is running: the buttons wait. */
export function isBusy(phase: Phase): boolean {
  return phase.step === "reading" || phase.step === "fixing" || phase.step === "submitting";
}

export function checkReducer(state: CheckState, action: CheckAction): CheckState {
  switch (action.type) {
    case "term":
      return { ...state, term: action.term };
    case "kind":
      return { ...state, kind: action.kind };
    case "file-opened":
      return { ...state, host: action.host, file: action.file, fixedFile: false, sheet: null, notice: null, phase: { step: "idle" } };
    case "fixed-copy":
      return { ...state, file: action.file, fixedFile: true };
    case "phase":
      // A new check starts without the last one's notice.
      return { ...state, phase: action.phase, notice: action.phase.step === "reading" ? null : state.notice };
    case "checked":
      return { ...state, sheet: action.sheet, phase: action.phase };
    case "record":
      return state.sheet ? { ...state, sheet: { ...state.sheet, result: action.result }, phase: { step: "checked" } } : state;
    case "notice":
      return { ...state, notice: action.notice };
  }
}
