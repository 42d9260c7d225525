import type { SheetKind } from "@xueji/shared";
import type { Api } from "../api/client";
import { checkFile, correctedCopy, downloadNewSheet, fileGrid, saveFile } from "../api/files";
import type { CheckResult } from "../check/check-result";
import { toPaneIssues } from "../check/check-result";
import { FileHost } from "./file-host";

/**
 * File mode's host on the Xueji server's file procedures: `files.check` reads and checks the file in
 * one call, `files.grid` only when 一键修正 or 提交 need the whole grid, `files.fix` writes the
 * corrected copy and `files.newSheet` a new sheet, handed to `save` (the browser's downloads).
 */
export function serverFileHost(api: Api, file: File, save: (blob: Blob, name: string) => void = saveFile): FileHost {
  // The kind the last check asked for: the whole grid and the copies are read as the same kind.
  let kind: SheetKind | null = null;
  const options = (request: { columns?: CheckRequestColumns; term?: string } = {}) => ({
    kind,
    ...(request.columns ? { columns: request.columns } : {}),
    ...(request.term ? { term: request.term } : {}),
  });
  return new FileHost(
    file,
    {
      async check(f, request) {
        kind = request.kind;
        const answer = await checkFile(api, f, options({ columns: request.columns, term: request.termCode }));
        const { report } = answer;
        const result: CheckResult = {
          kind: report.kind,
          headerRow: report.headerRow,
          columns: report.columns,
          issues: toPaneIssues(report.issues, request.locale, "file"),
          rows: [],
          dataRows: report.dataRows,
          dataEnd: report.dataEnd ?? null,
          withRecord: answer.withRecord,
          ...(answer.allowSubmitWithErrors !== undefined ? { allowSubmitWithErrors: answer.allowSubmitWithErrors } : {}),
        };
        return { sheetName: report.sheet, grid: answer.grid, result };
      },
      async grid(f) {
        const { report, grid } = await fileGrid(api, f, options());
        return { grid, sheet: report.sheet };
      },
    },
    {
      correct: (f, cells) => correctedCopy(api, f, cells, options()),
      newSheet: (sheet) => downloadNewSheet(api, sheet, save),
    },
  );
}

type CheckRequestColumns = Parameters<typeof checkFile>[2]["columns"];
