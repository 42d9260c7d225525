import { useQueryClient } from "@tanstack/react-query";
import type { AgeLimits, ColumnOverride, GridRow, SheetKind } from "@xueji/shared";
import type { TFunction } from "i18next";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../api/client";
import { annotatedCopy, checkFile, correctedCopy, downloadNewSheet, type FileReport, saveFile } from "../api/files";
import { checkRules, submitSheet, validateSheet } from "../api/sheets";
import { type CheckResult, checkLocally, marksOf, toPaneIssues } from "../check/check-result";
import { clientIdFor } from "../check/client-id";
import type { Fix } from "../check/fixes";
import { currentTerm } from "../check/term";
import { FileHost } from "../host/file-host";
import type { ReadProgress, SheetHost } from "../host/sheet-host";
import { useApp } from "./app-context";

export type Phase =
  | { step: "idle" }
  | { step: "reading"; progress: ReadProgress | null }
  | { step: "record" }
  | { step: "submitting" }
  | { step: "fixing" }
  | { step: "done" };

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

interface CheckState {
  host: SheetHost | null;
  file: File | null;
  term: string;
  kind: SheetKind | null;
  phase: Phase;
  result: CheckResult | null;
  grid: GridRow[];
  sheetName: string;
  /** The secretary's column mapping for the sheet last checked (null: the reader's guess). */
  columns: ColumnOverride | null;
  error: string | null;
  recordError: string | null;
  notice: string | null;
  receipt: Receipt | null;
  submitError: string | null;
  /** File mode: `file` is the corrected copy 一键修正 made (downloaded, and offered again). */
  fixedFile: boolean;
}

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

function useCheckState() {
  const { api, excel, locale, today } = useApp();
  const { t } = useTranslation();
  const rules = useCheckRules();
  const [state, setState] = useState<CheckState>({
    host: excel,
    file: null,
    term: currentTerm(today),
    kind: null,
    phase: { step: "idle" },
    result: null,
    grid: [],
    sheetName: "",
    columns: null,
    error: null,
    recordError: null,
    notice: null,
    receipt: null,
    submitError: null,
    fixedFile: false,
  });
  const current = useRef(state);
  current.current = state;
  // Asked for as soon as the term is known, so the first 检查 rarely waits for them.
  useEffect(() => rules.prefetch(state.term), [rules.prefetch, state.term]);
  const patch = useCallback((change: Partial<CheckState>) => setState((s) => ({ ...s, ...change })), []);
  const fileReport = useRef<FileReport | null>(null);
  // Column mappings set by hand, per worksheet (per file and sheet in file mode), for this pane session.
  const overrides = useRef(new Map<string, ColumnOverride>());

  const openFile = useCallback(
    (file: File) => {
      fileReport.current = null;
      const options = () => ({ locale, kind: current.current.kind });
      const host = new FileHost(
        file,
        async (f) => {
          const checked = await checkFile(f, options());
          fileReport.current = checked.report;
          return { grid: checked.grid, sheet: checked.report.sheet };
        },
        {
          correct: (f, cells) => correctedCopy(f, cells, options()),
          newSheet: (sheet) => downloadNewSheet(sheet, options()),
        },
      );
      patch({
        host,
        file,
        fixedFile: false,
        result: null,
        grid: [],
        receipt: null,
        error: null,
        recordError: null,
        notice: null,
        phase: { step: "idle" },
      });
    },
    [locale, patch],
  );

  /** The server's reader and the record checks on a grid, then the marks. */
  const recordCheck = useCallback(
    async (host: SheetHost, grid: GridRow[], sheetName: string, local: CheckResult, columns: ColumnOverride | null) => {
      const { term, kind } = current.current;
      patch({ phase: { step: "record" } });
      try {
        const verdict = await validateSheet(api, { termCode: term, kind: kind ?? local.kind, columns, fileName: sheetName, grid });
        const result: CheckResult = {
          kind: verdict.kind,
          headerRow: verdict.headerRow,
          columns: verdict.columns,
          issues: toPaneIssues(verdict.issues as never, locale),
          rows: local.rows,
          dataRows: local.dataRows,
          dataEnd: local.dataEnd ?? null,
          withRecord: true,
          allowSubmitWithErrors: verdict.allowSubmitWithErrors,
        };
        patch({ result, phase: { step: "done" } });
        await host.mark(marksOf(result.issues));
      } catch (error) {
        patch({ recordError: errorMessage(error, t), phase: { step: "done" } });
      }
    },
    [api, locale, patch, t],
  );

  const runCheck = useCallback(async () => {
    const { host, kind, file, term } = current.current;
    if (!host) return;
    patch({ phase: { step: "reading", progress: null }, error: null, recordError: null, notice: null, receipt: null, submitError: null });
    try {
      host.reset();
      // Put the sheet back as it was first: the fills remembered are then the secretary's own.
      if (host.capabilities.editsWorkbook) {
        const { kept } = await host.clearMarks();
        if (kept) patch({ notice: t("check.marksKept", { count: kept }) });
      }
      const grid = await host.readUsedRange((progress) => patch({ phase: { step: "reading", progress } }));
      const sheetName = await host.sheetName();
      const columns = overrides.current.get(sheetKey(file, sheetName)) ?? null;
      let local: CheckResult;
      // The server's file report is read with the header's guess; a mapping set by hand is read here.
      if (host.mode === "file" && fileReport.current && !columns) {
        const report = fileReport.current;
        local = { ...report, issues: toPaneIssues(report.issues, locale), rows: [], withRecord: false };
      } else {
        local = checkLocally(grid, { today, kind, columns, locale, sheetName, ageLimits: await rules.ageLimitsFor(term) });
      }
      patch({ grid, sheetName, columns, result: local });
      if (host.capabilities.editsWorkbook) await host.mark(marksOf(local.issues));
      if (!local.kind) {
        patch({ phase: { step: "done" } });
        return;
      }
      // Let the summary paint before the grid is serialised for the record check (large sheets).
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      await recordCheck(host, grid, sheetName, local, columns);
    } catch (error) {
      patch({ error: errorMessage(error, t), phase: { step: "idle" } });
    }
  }, [locale, patch, recordCheck, today, t, rules.ageLimitsFor]);

  const applyFixes = useCallback(
    async (fixes: Fix[]) => {
      const { host } = current.current;
      if (!host || fixes.length === 0) return;
      patch({ phase: { step: "fixing" } });
      try {
        await host.clearMarks();
        await host.writeValues(fixes);
        const copy = host.correctedCopy;
        if (host.fixStrategy === "copy" && copy) {
          // The corrected copy is what she keeps (and what is checked and submitted from now on).
          saveFile(copy, copy.name);
          patch({ file: copy, fixedFile: true });
        }
        await runCheck();
        patch({ notice: fixNotice(host, fixes.length, t, locale) });
      } catch (error) {
        patch({ error: errorMessage(error, t), phase: { step: "done" } });
      }
    },
    [locale, patch, runCheck, t],
  );

  const clearMarks = useCallback(async () => {
    const { host } = current.current;
    if (!host) return;
    try {
      const { kept } = await host.clearMarks();
      patch({ notice: kept ? t("check.marksKept", { count: kept }) : t("check.marksCleared") });
    } catch (error) {
      patch({ error: errorMessage(error, t) });
    }
  }, [patch, t]);

  /** Checks the sheet again with the secretary's column mapping (empty: back to the reader's guess), remembered for the sheet. */
  const remap = useCallback(
    async (columns: ColumnOverride) => {
      const { file, sheetName } = current.current;
      const key = sheetKey(file, sheetName);
      if (Object.keys(columns).length) overrides.current.set(key, columns);
      else overrides.current.delete(key);
      await runCheck();
    },
    [runCheck],
  );

  const submit = useCallback(async () => {
    const { grid, term, result, sheetName, file, columns } = current.current;
    if (!result?.kind) return;
    patch({ phase: { step: "submitting" }, submitError: null });
    try {
      const clientId = await clientIdFor(grid, term, result.kind, columns);
      const receipt = await submitSheet(api, {
        clientId,
        termCode: term,
        kind: result.kind,
        columns,
        fileName: file?.name ?? sheetName,
        grid,
      });
      patch({ receipt: { ...receipt, clientId }, phase: { step: "done" } });
    } catch (error) {
      patch({ submitError: errorMessage(error, t), phase: { step: "done" } });
    }
  }, [api, patch, t]);

  const download = useCallback(async () => {
    const { file, kind, columns, term, result } = current.current;
    if (!file) return;
    try {
      // The copy marks what the pane shows: with her own column mapping, if she chose one, the kind it
      // read, and the record's issues for the term she checks.
      const { blob, name } = await annotatedCopy(file, { locale, kind: kind ?? result?.kind ?? null, columns, term });
      saveFile(blob, name);
    } catch (error) {
      patch({ error: errorMessage(error, t) });
    }
  }, [locale, patch, t]);

  /** File mode: the corrected copy again (the browser may have blocked or lost the first download). */
  const downloadFixed = useCallback(() => {
    const { file } = current.current;
    if (file) saveFile(file, file.name);
  }, []);

  const select = useCallback(
    (row: number, column: string) => {
      current.current.host?.select({ row, column }).catch((error: unknown) => patch({ error: errorMessage(error, t) }));
    },
    [patch, t],
  );

  return useMemo(
    () => ({
      state,
      setTerm: (term: string) => patch({ term }),
      setKind: (kind: SheetKind | null) => patch({ kind }),
      dismissNotice: () => patch({ notice: null }),
      openFile,
      runCheck,
      remap,
      applyFixes,
      clearMarks,
      submit,
      download,
      downloadFixed,
      select,
    }),
    [state, patch, openFile, runCheck, remap, applyFixes, clearMarks, submit, download, downloadFixed, select],
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
