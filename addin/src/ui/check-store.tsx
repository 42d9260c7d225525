import { useQueryClient } from "@tanstack/react-query";
import { type AgeLimits, type ColumnOverride, type FixPlan, type GridRow, planFixes, type SheetKind } from "@xueji/shared";
import type { TFunction } from "i18next";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useReducer, useRef } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../api/client";
import { annotatedCopy, saveFile } from "../api/files";
import { checkRules, submitSheet, validateSheet } from "../api/sheets";
import { type CheckResult, checkLocally, marksOf, toPaneIssues } from "../check/check-result";
import { clientIdFor } from "../check/client-id";
import type { Fix } from "../check/fixes";
import { mergeRecordIssues, recheckHostRows, remarkRows, rowsOfAddress } from "../check/recheck-rows";
import { currentTerm } from "../check/term";
import { serverFileHost } from "../host/server-file-host";
import type { SheetHost } from "../host/sheet-host";
import { useApp } from "./app-context";
import { type CheckedSheet, type CheckState, checkReducer, initialCheckState, isBusy } from "./check-state";

export type { Phase, Receipt } from "./check-state";

/**
 * What 一键修正 did: the cells fixed (in file mode, the copy they went into), and the formula cells
 * left alone, named so she can find them — the same words in Excel mode and file mode.
 */
function fixNotice(host: SheetHost, requested: number, t: TFunction, locale: string): string {
  const { fixed = requested, formulaCells = [] } = host.lastCorrection ?? {};
  const copy = host.correctedCopy;
  const done = host.fixStrategy === "copy" && copy ? t("fix.doneFile", { count: fixed, name: copy.name }) : t("fix.done", { count: fixed });
  if (!formulaCells.length) return done;
  const cells = formulaCells.slice(0, 10).join(locale === "en" ? ", " : "、") + (formulaCells.length > 10 ? " …" : "");
  return `${done}${locale === "en" ? " " : ""}${t("fix.formulaCells", { count: formulaCells.length, cells })}`;
}

/** A worksheet as the pane remembers its column mapping: its name, and in file mode the file's too. */
function sheetKey(file: File | null, sheetName: string): string {
  return file ? `${file.name}\u0000${sheetName}` : sheetName;
}

/**
 * The 核对规则 the server holds the term's academic year to, fetched once per year and kept for the
 * pane session, so the instant local check gives the verdict the server will give. Unreachable (no
 * server, signed out), the local check keeps the built-in limits and the server's answer stands.
 */
function useCheckRules() {
  const { api } = useApp();
  const queryClient = useQueryClient();
  const options = useCallback(
    (term: string) => ({
      queryKey: ["sheets.checkRules", term.slice(0, 9)],
      queryFn: () => checkRules(api, term.slice(0, 9)),
      staleTime: Number.POSITIVE_INFINITY,
      // A check waits for this only once; offline it goes on with the defaults at once rather than retrying.
      retry: false,
    }),
    [api],
  );
  const prefetch = useCallback((term: string) => void queryClient.prefetchQuery(options(term)), [options, queryClient]);
  const ageLimitsFor = useCallback(
    async (term: string): Promise<AgeLimits | null> => {
      try {
        return (await queryClient.fetchQuery(options(term))).ageLimits;
      } catch {
        return null;
      }
    },
    [options, queryClient],
  );
  return { prefetch, ageLimitsFor };
}

/** How long the pane waits after her last edit before checking again (typing a row is several edits). */
export const EDIT_PAUSE_MS = 600;

/** Past this many rows in one edit (a paste over the sheet), the pane checks the whole sheet again. */
const MAX_ROWS_EDITED = 5_000;

/** What a check starts from: the host and the choices made in the pane when she pressed the button. */
type CheckInput = Pick<CheckState, "host" | "file" | "term" | "kind">;

function useCheckState() {
  const { api, excel, locale, today } = useApp();
  const { t } = useTranslation();
  const rules = useCheckRules();
  const [state, dispatch] = useReducer(checkReducer, initialCheckState(excel, currentTerm(today)));
  // Asked for as soon as the term is known, so the first 检查 rarely waits for them.
  useEffect(() => rules.prefetch(state.term), [rules.prefetch, state.term]);
  // Column mappings set by hand, per worksheet (per file and sheet in file mode), for this pane session.
  const overrides = useRef(new Map<string, ColumnOverride>());
  const fail = useCallback(
    (error: unknown) => dispatch({ type: "phase", phase: { step: "failed", message: errorMessage(error, t) } }),
    [t],
  );

  const openFile = useCallback((file: File) => dispatch({ type: "file-opened", host: serverFileHost(api, file), file }), [api]);

  /** The server's reader and the record checks on a grid the pane read, then the marks. */
  const recordCheck = useCallback(
    async (input: CheckInput, host: SheetHost, sheet: CheckedSheet) => {
      try {
        const { result: local, grid, sheetName, columns } = sheet;
        const verdict = await validateSheet(api, {
          termCode: input.term,
          kind: input.kind ?? local.kind,
          columns,
          fileName: sheetName,
          grid,
        });
        const result: CheckResult = {
          ...local,
          kind: verdict.kind,
          headerRow: verdict.headerRow,
          columns: verdict.columns,
          issues: toPaneIssues(verdict.issues, locale, host.mode),
          withRecord: true,
          allowSubmitWithErrors: verdict.allowSubmitWithErrors,
        };
        dispatch({ type: "record", result });
        await host.mark(marksOf(result.issues));
      } catch (error) {
        dispatch({ type: "phase", phase: { step: "record-failed", message: errorMessage(error, t) } });
      }
    },
    [api, locale, t],
  );

  const runCheck = useCallback(
    async (input: CheckInput, chosenColumns?: ColumnOverride | null) => {
      const { host, kind, file, term } = input;
      if (!host) return;
      dispatch({ type: "phase", phase: { step: "reading", progress: null } });
      try {
        host.reset();
        // Put the sheet back as it was first: the fills remembered are then the secretary's own.
        if (host.capabilities.editsWorkbook) {
          const { kept } = await host.clearMarks();
          if (kept) dispatch({ type: "notice", notice: t("check.marksKept", { count: kept }) });
        }
        const known = await host.sheetName();
        const columns = chosenColumns !== undefined ? chosenColumns : (overrides.current.get(sheetKey(file, known)) ?? null);
        if (host.checkOnServer) {
          // File mode: read and checked on the server in one call, the record's checks included.
          const checked = await host.checkOnServer({ termCode: term, kind, columns, locale });
          dispatch({ type: "checked", sheet: { ...checked, complete: false, columns }, phase: { step: "checked" } });
          return;
        }
        const grid = await host.readUsedRange((progress) => dispatch({ type: "phase", phase: { step: "reading", progress } }));
        const sheetName = await host.sheetName();
        const mapped = chosenColumns !== undefined ? chosenColumns : (overrides.current.get(sheetKey(file, sheetName)) ?? null);
        const local = checkLocally(grid, {
          today,
          kind,
          columns: mapped,
          locale,
          sheetName,
          ageLimits: await rules.ageLimitsFor(term),
          app: host.mode,
        });
        const sheet: CheckedSheet = { result: local, grid, complete: true, sheetName, columns: mapped };
        dispatch({ type: "checked", sheet, phase: local.kind ? { step: "record" } : { step: "checked" } });
        if (host.capabilities.editsWorkbook) await host.mark(marksOf(local.issues));
        if (!local.kind) return;
        // Let the summary paint before the grid is serialised for the record check (large sheets).
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        await recordCheck(input, host, sheet);
      } catch (error) {
        fail(error);
      }
    },
    [locale, recordCheck, today, t, rules.ageLimitsFor, fail],
  );

  /** The whole grid of the sheet checked: held already (Excel, WPS), or asked of the host (file mode). */
  const wholeGrid = useCallback(async (sheet: CheckedSheet, host: SheetHost): Promise<GridRow[]> => {
    return sheet.complete ? sheet.grid : host.readUsedRange();
  }, []);

  /**
   * 一键修正's plan: the shared plan on the whole grid. In file mode the server's issues carry the
   * values a fix writes, and the shared reader runs here once, for the parsed rows, when she asks.
   */
  const planFixesFor = useCallback(async (): Promise<FixPlan | null> => {
    const { sheet, host } = state;
    if (!sheet || !host) return null;
    try {
      const grid = await wholeGrid(sheet, host);
      const { result } = sheet;
      const rows = sheet.complete
        ? result.rows
        : checkLocally(grid, { today, kind: result.kind, columns: sheet.columns, locale, sheetName: sheet.sheetName, app: host.mode }).rows;
      return planFixes(grid, result.issues, rows, result.columns);
    } catch (error) {
      fail(error);
      return null;
    }
  }, [state, wholeGrid, today, locale, fail]);

  const applyFixes = useCallback(
    async (fixes: Fix[]) => {
      const { host } = state;
      if (!host || fixes.length === 0) return;
      dispatch({ type: "phase", phase: { step: "fixing" } });
      try {
        await host.clearMarks();
        await host.writeValues(fixes);
        const copy = host.correctedCopy;
        let file = state.file;
        if (host.fixStrategy === "copy" && copy) {
          // The corrected copy is what she keeps (and what is checked and submitted from now on).
          saveFile(copy, copy.name);
          dispatch({ type: "fixed-copy", file: copy });
          file = copy;
        }
        await runCheck({ ...state, file }, state.sheet?.columns ?? null);
        dispatch({ type: "notice", notice: fixNotice(host, fixes.length, t, locale) });
      } catch (error) {
        fail(error);
      }
    },
    [state, locale, runCheck, t, fail],
  );

  const clearMarks = useCallback(async () => {
    const { host } = state;
    if (!host) return;
    try {
      const { kept } = await host.clearMarks();
      dispatch({ type: "notice", notice: kept ? t("check.marksKept", { count: kept }) : t("check.marksCleared") });
    } catch (error) {
      fail(error);
    }
  }, [state, t, fail]);

  /** Checks the sheet again with the secretary's column mapping (empty: back to the reader's guess), remembered for the sheet. */
  const remap = useCallback(
    async (columns: ColumnOverride) => {
      const key = sheetKey(state.file, state.sheet?.sheetName ?? "");
      const chosen = Object.keys(columns).length ? columns : null;
      if (chosen) overrides.current.set(key, chosen);
      else overrides.current.delete(key);
      await runCheck(state, chosen);
    },
    [state, runCheck],
  );

  const submit = useCallback(async () => {
    const { sheet, host, term, file } = state;
    if (!sheet?.result.kind || !host) return;
    const { result, columns, sheetName } = sheet;
    dispatch({ type: "phase", phase: { step: "submitting" } });
    try {
      const grid = await wholeGrid(sheet, host);
      const clientId = await clientIdFor(grid, term, result.kind, columns);
      const receipt = await submitSheet(api, {
        clientId,
        termCode: term,
        kind: result.kind,
        columns,
        fileName: file?.name ?? sheetName,
        grid,
      });
      dispatch({ type: "phase", phase: { step: "submitted", receipt: { ...receipt, clientId } } });
    } catch (error) {
      dispatch({ type: "phase", phase: { step: "submit-failed", message: errorMessage(error, t) } });
    }
  }, [state, api, t, wholeGrid]);

  const download = useCallback(async () => {
    const { file, kind, term, sheet } = state;
    if (!file) return;
    try {
      // The copy marks what the pane shows: with her own column mapping, if she chose one, the kind it
      // read, and the record's issues for the term she checks.
      const { blob, name } = await annotatedCopy(api, file, {
        kind: kind ?? sheet?.result.kind ?? null,
        columns: sheet?.columns ?? null,
        term,
      });
      saveFile(blob, name);
    } catch (error) {
      fail(error);
    }
  }, [state, api, fail]);

  /** File mode: the corrected copy again (the browser may have blocked or lost the first download). */
  const downloadFixed = useCallback(() => {
    if (state.file) saveFile(state.file, state.file.name);
  }, [state.file]);

  const select = useCallback(
    (row: number, column: string) => {
      state.host?.select({ row, column }).catch(fail);
    },
    [state.host, fail],
  );

  /**
   * After her edits: the rows she edited read and checked again, merged into the verdict (duplicates
   * found again over the whole sheet), their marks redone and the record's checks asked for those
   * rows only. Where the host cannot read rows, or the edit reaches the header or the totals, the
   * whole sheet is checked again.
   */
  const recheckEdited = useCallback(
    async (input: CheckState, edited: ReadonlySet<number> | null) => {
      const { host, sheet, term } = input;
      if (!host || !sheet) return;
      try {
        const ageLimits = await rules.ageLimitsFor(term);
        const done = edited && (await recheckHostRows(host, sheet, edited, { today, locale, app: host.mode, ageLimits }));
        if (!edited || !done) return runCheck(input, sheet.columns);
        dispatch({ type: "checked", sheet: done.sheet, phase: { step: "checked" } });
        if (!done.sheet.result.withRecord) return;
        // The record's checks for the edited rows only: the header's rows and those rows go to the server.
        const headerRow = done.sheet.result.headerRow ?? 0;
        const grid = done.sheet.grid.filter((r) => r.row <= headerRow || edited.has(r.row));
        const verdict = await validateSheet(api, {
          termCode: term,
          kind: done.sheet.result.kind,
          columns: done.sheet.columns,
          fileName: done.sheet.sheetName,
          grid,
        });
        const issues = mergeRecordIssues(done.sheet.result.issues, edited, toPaneIssues(verdict.issues, locale, host.mode));
        const next = { ...done.sheet, result: { ...done.sheet.result, issues } };
        dispatch({ type: "checked", sheet: next, phase: { step: "checked" } });
        await remarkRows(host, next, edited);
      } catch (error) {
        fail(error);
      }
    },
    [api, locale, today, rules.ageLimitsFor, runCheck, fail],
  );

  // Her edits in the workbook (WPS's SheetChange, Excel's onChanged) check the edited rows again once
  // she pauses, and their marks follow. The latest state is what the re-check starts from; the
  // subscription itself lasts as long as the host and the sheet checked do.
  const recheck = useRef<(edited: ReadonlySet<number> | null) => void>(() => {});
  recheck.current = (edited) => {
    if (!state.sheet || isBusy(state.phase) || state.phase.step === "record") return;
    void recheckEdited(state, edited);
  };
  const checkedSheet = state.sheet?.sheetName ?? null;
  useEffect(() => {
    const host = state.host;
    if (!host?.onEdit || checkedSheet === null) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The rows edited since the last re-check; null once an edit covered whole columns.
    let edited: Set<number> | null = new Set();
    const stop = host.onEdit((edit) => {
      if (edit.sheet !== checkedSheet) return;
      const rows = rowsOfAddress(edit.address);
      if (!rows || rows.last - rows.first >= MAX_ROWS_EDITED) edited = null;
      else for (let row = rows.first; row <= rows.last; row++) edited?.add(row);
      clearTimeout(timer);
      timer = setTimeout(() => {
        const rows = edited;
        edited = new Set();
        recheck.current(rows);
      }, EDIT_PAUSE_MS);
    });
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [state.host, checkedSheet]);

  return useMemo(
    () => ({
      state,
      setTerm: (term: string) => dispatch({ type: "term", term }),
      setKind: (kind: SheetKind | null) => dispatch({ type: "kind", kind }),
      dismissNotice: () => dispatch({ type: "notice", notice: null }),
      openFile,
      runCheck: () => runCheck(state),
      remap,
      planFixes: planFixesFor,
      applyFixes,
      clearMarks,
      submit,
      download,
      downloadFixed,
      select,
    }),
    [state, openFile, runCheck, remap, planFixesFor, applyFixes, clearMarks, submit, download, downloadFixed, select],
  );
}

export type CheckStore = ReturnType<typeof useCheckState>;
const CheckContext = createContext<CheckStore | null>(null);

/** The check survives switching to 历史 and back: it lives above the router. */
export function CheckProvider({ children }: { children: ReactNode }) {
  const store = useCheckState();
  return <CheckContext.Provider value={store}>{children}</CheckContext.Provider>;
}

export function useCheck(): CheckStore {
  const store = useContext(CheckContext);
  if (!store) throw new Error("useCheck outside CheckProvider");
  return store;
}
