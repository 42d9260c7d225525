import { AppError, type Locale } from "@xueji/shared";
import type { Executor } from "../db/client";
import { currentAcademicYear } from "../services/organisation/current-academic-year";
import { checkRulesInForce, templatesInForce } from "../services/sheets/check-sheet";
import { type FileCheckAnswer, fileCheckAnswer } from "../services/sheets/file-check-answer";
import { reportWithRecord } from "../services/sheets/report-with-record";
import type { Scoped } from "../trpc";
import { type NewSheetSpec, worksheetName } from "./new-sheet-xlsx";
// The workbook work runs on the file pool's threads, never on the event loop (docs/operations.md "File work").
import { annotateWorkbook, checkAnswer, checkUpload, correctWorkbook, newSheetWorkbook, readUploadHead } from "./off-thread";
import { preEncodedText } from "./pre-encoded-text";
import type { UploadForm } from "./upload-form";

/** What a file procedure knows of its caller (the tRPC context, narrowed). */
export interface FileCaller {
  db: Executor;
  locale: Locale;
  today: string;
  userId: number;
  scope: Scoped;
}

/** A workbook the server wrote, as the exports send theirs: base64 in the JSON answer. */
export interface Download {
  fileName: string;
  base64: string;
}

/**
 * Users with a file procedure running in this process: each reads or writes a whole workbook, so one
 * user gets one at a time (a second is refused, `request.busy`) and cannot fill the pool's queue alone.
 */
const busy = new Set<number>();

export async function oneAtATime<T>(userId: number, work: () => Promise<T>): Promise<T> {
  if (busy.has(userId)) throw new AppError("request.busy");
  busy.add(userId);
  try {
    return await work();
  } finally {
    busy.delete(userId);
  }
}

/** The reading options the routes shared: the academic year's 核对规则, the kind and her column mapping. */
async function readOptions(caller: FileCaller, form: UploadForm) {
  // The 核对规则 in force that academic year (this one without a term), as the server's own sheet checks use them.
  const academicYear = form.term?.slice(0, 9) ?? (await currentAcademicYear(caller.db, caller.today));
  const { ageLimits } = await checkRulesInForce(caller.db, academicYear);
  const options = {
    today: caller.today,
    locale: caller.locale,
    ageLimits,
    columns: form.columns,
    ...(form.kind ? { kind: form.kind } : {}),
  };
  // The record's checks are for her own college, with the term she checks for.
  const collegeId = form.term && caller.scope.kind === "own-college" ? caller.scope.collegeId : null;
  return { academicYear, options, collegeId };
}

/**
 * `files.check`: one reading gives the sheet's checks and the record's, with the templates in force for
 * the term (sheets.validate's verdict); only the header's rows of the grid go back.
 */
export async function checkFile(caller: FileCaller, form: UploadForm): Promise<FileCheckAnswer> {
  const { academicYear, options, collegeId } = await readOptions(caller, form);
  const bytes = await bytesOf(form);
  const templates = collegeId !== null ? await templatesInForce(caller.db, academicYear) : undefined;
  const read = await readUploadHead(bytes, form.fileName, { ...options, ...(templates ? { templates } : {}) });
  return fileCheckAnswer(caller.db, read, {
    locale: caller.locale,
    record: collegeId !== null && templates ? { collegeId, templates } : null,
  });
}

/**
 * `files.grid`: the whole grid (what 一键修正 plans on and 提交 sends), up to 100,000 rows, as the base64
 * of its JSON `{ report, grid }`, all of it built on the thread. Built as objects, validated and written out
 * on the event loop, an answer of this size held it for seconds; even decoding its UTF-8 and escaping it as
 * a JSON string took it for seconds on a loaded machine. Its base64 is written into the HTTP answer as
 * the bytes the thread made (pre-encoded-text.ts), never a string on the event loop.
 */
export async function gridOfFile(caller: FileCaller, form: UploadForm): Promise<{ base64: string }> {
  const { options } = await readOptions(caller, form);
  return { base64: preEncodedText(await checkAnswer(await bytesOf(form), form.fileName, options)) };
}

/** `files.annotate`: problem cells filled, messages as notes, a 检查结果 sheet; with the term, the record's issues too. */
export async function annotatedCopy(caller: FileCaller, form: UploadForm): Promise<Download> {
  const { options, collegeId } = await readOptions(caller, form);
  const bytes = await bytesOf(form);
  const checked = await checkUpload(bytes, form.fileName, options);
  const report =
    form.term && collegeId !== null
      ? await reportWithRecord(caller.db, {
          report: checked.report,
          grid: checked.grid,
          collegeId,
          termCode: form.term,
          today: caller.today,
          locale: caller.locale,
          kind: form.kind,
          columns: form.columns,
        })
      : checked.report;
  const source = { bytes, fileName: form.fileName, sheet: checked.report.sheet, grid: checked.grid };
  const file = await annotateWorkbook({ ...source, report, locale: caller.locale });
  return download(file, `${stemOf(form.fileName)}_${caller.locale === "en" ? "checked" : "检查结果"}.xlsx`);
}

/** `files.fix`: the fixes she saw written into her workbook, every other cell as it was. */
export async function correctedCopy(caller: FileCaller, form: UploadForm): Promise<Download & { fixed: number; formulaCells: string[] }> {
  if (!form.fixes) throw new AppError("input.invalid", { problem: "request", path: "fixes" });
  const { options } = await readOptions(caller, form);
  const bytes = await bytesOf(form);
  const checked = await checkUpload(bytes, form.fileName, options);
  const source = { bytes, fileName: form.fileName, sheet: checked.report.sheet, grid: checked.grid };
  const copy = await correctWorkbook(source, form.fixes);
  return {
    ...download(copy.file, `${fixedStem(stemOf(form.fileName))}_${caller.locale === "en" ? "fixed" : "已修正"}.xlsx`),
    // What was written and which cells were left alone (formulas), for the pane's notice.
    fixed: copy.written,
    formulaCells: copy.formulas.slice(0, 200),
  };
}

/** `files.newSheet`: the pane's new-sheet description as an .xlsx (file mode's 新建核对表). */
export async function newSheet(spec: NewSheetSpec): Promise<Download> {
  return download(await newSheetWorkbook(spec), `${worksheetName(spec.name)}.xlsx`);
}

/** Her file's bytes: read here, once (the form's size was bounded before it was read, server.ts). */
async function bytesOf(form: UploadForm): Promise<Buffer> {
  return Buffer.from(await form.file.arrayBuffer());
}

function download(file: Buffer, fileName: string): Download {
  return { fileName, base64: file.toString("base64") };
}

function stemOf(fileName: string): string {
  return fileName.replace(/\.(xlsx|xlsm|csv)$/i, "");
}

/** A copy fixed again keeps one suffix: 名单_已修正.xlsx, not 名单_已修正_已修正.xlsx. */
function fixedStem(stem: string): string {
  return stem.replace(/_(已修正|fixed)$/, "");
}
