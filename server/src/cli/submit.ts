import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { AppError, type ColumnOverride, type Locale, MAX_GRID_ROWS, type SheetKind } from "@xueji/shared";
import cliProgress from "cli-progress";
import { todayInChina } from "../clock";
import { readSheetGrid, toWire } from "../files/read-sheet-grid";
import type { Receipt } from "../services/sheets/submit-sheet";
import { type ApiClient, apiClient } from "./api-client";
import { cliMessage, debugDetail } from "./cli-message";
import type { CliIo } from "./io";

export interface SubmitOptions {
  files: string[];
  term: string;
  kind?: SheetKind;
  /** `--columns`: what the secretary says a column holds, sent with every file. */
  columns?: ColumnOverride;
  collegeId?: number;
  server: string;
  token: string;
  locale: Locale;
  concurrency?: number;
}

type Outcome = { file: string; receipt: Receipt } | { file: string; error: string };

/**
 * The client id is derived from what is submitted (server, term, college, kind, file content), so
 * running the same command again after an interruption sends the same ids and the server writes
 * nothing twice. The college is the one the sheet is for — the signed-in secretary's own when
 * `--college` is not given — so two colleges sending the same file never share an id.
 */
export async function clientIdFor(
  file: string,
  options: Pick<SubmitOptions, "server" | "term" | "kind" | "columns"> & { collegeId: number | null },
): Promise<string> {
  const content = await readFile(file);
  // The same file read with another mapping is another submission; without one the id is as before.
  const mapping = options.columns && Object.keys(options.columns).length ? Object.entries(options.columns).sort() : null;
  return createHash("sha256")
    .update(`${options.server}|${options.term}|college:${options.collegeId ?? "none"}|${options.kind ?? ""}|`)
    .update(mapping ? `columns:${JSON.stringify(mapping)}|` : "")
    .update(content)
    .digest("hex")
    .slice(0, 40);
}

async function submitOne(
  api: ApiClient,
  file: string,
  options: SubmitOptions,
  collegeId: number | null,
  env: NodeJS.ProcessEnv,
): Promise<Outcome> {
  try {
    // Read with her mapping too: it can be what makes a worksheet recognisable as the check sheet.
    const { rows } = await readSheetGrid(file, {
      today: todayInChina(),
      columns: options.columns,
      ...(options.kind ? { kind: options.kind } : {}),
    });
    // Said here, before tens of megabytes go over the wire, in the words the server would use.
    if (rows.length > MAX_GRID_ROWS)
      throw new AppError("sheet.too-many-rows", { sheet: basename(file), rows: rows.length, limit: MAX_GRID_ROWS });
    const receipt = await api.sheets.submit.mutate({
      clientId: await clientIdFor(file, { ...options, collegeId }),
      termCode: options.term,
      fileName: basename(file),
      grid: toWire(rows),
      ...(options.kind ? { kind: options.kind } : {}),
      ...(options.columns ? { columns: options.columns } : {}),
      ...(options.collegeId ? { collegeId: options.collegeId } : {}),
    });
    return { file, receipt: receipt as Receipt };
  } catch (error) {
    const detail = debugDetail(error, env);
    return { file, error: `${cliMessage(error, options.locale)}${detail ? `\n${detail}` : ""}` };
  }
}

const T = {
  "zh-CN": {
    file: "文件",
    kind: "类型",
    version: "版本",
    rows: "行数",
    errors: "错误",
    warnings: "警告",
    result: "结果",
    new: "已提交",
    dup: "已提交过（未重复写入）",
    failed: "失败",
    total: (ok: number, n: number) => `共 ${n} 个文件，成功 ${ok} 个，失败 ${n - ok} 个。`,
  },
  en: {
    file: "File",
    kind: "Kind",
    version: "Ver",
    rows: "Rows",
    errors: "Errors",
    warnings: "Warnings",
    result: "Result",
    new: "submitted",
    dup: "already submitted (nothing written)",
    failed: "failed",
    total: (ok: number, n: number) => `${n} files: ${ok} succeeded, ${n - ok} failed.`,
  },
};

/** Display width, counting CJK characters as two columns, so the table lines up in a terminal. */
function width(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
const pad = (text: string, n: number) => text + " ".repeat(Math.max(0, n - width(text)));

export function summaryTable(outcomes: readonly Outcome[], locale: Locale): string {
  const t = T[locale];
  const rows = outcomes.map((o) =>
    "receipt" in o
      ? [
          basename(o.file),
          o.receipt.kind,
          String(o.receipt.version),
          String(o.receipt.rows),
          String(o.receipt.errors),
          String(o.receipt.warnings),
          o.receipt.duplicate ? t.dup : t.new,
        ]
      : [basename(o.file), "", "", "", "", "", `${t.failed}：${o.error}`],
  );
  const header = [t.file, t.kind, t.version, t.rows, t.errors, t.warnings, t.result];
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] as string))));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i] as number))).join("  ");
  const ok = outcomes.filter((o) => "receipt" in o).length;
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line), "", t.total(ok, outcomes.length)].join("\n");
}

/** `xueji submit FILE... --term T`: submits many sheets, a few at a time, with a progress bar. */
export async function submitFiles(options: SubmitOptions, io: CliIo): Promise<{ code: number; outcomes: Outcome[] }> {
  const api = apiClient(options.server, options.token, options.locale, io.env);
  const outcomes: Outcome[] = new Array(options.files.length);
  // The college the sheets are for: named, or the signed-in user's own (a secretary's).
  let collegeId: number | null = options.collegeId ?? null;
  if (collegeId === null) {
    try {
      collegeId = (await api.auth.me.query()).collegeId;
    } catch (error) {
      const message = cliMessage(error, options.locale);
      io.stdout.write(`${message}\n`);
      return { code: 1, outcomes: options.files.map((file) => ({ file, error: message })) };
    }
  }
  // The bar only on a terminal: piped into a file or a test, stderr stays free of redraws.
  const bar =
    io.progress &&
    new cliProgress.SingleBar(
      {
        format: options.locale === "en" ? "submitting [{bar}] {value}/{total} {file}" : "提交中 [{bar}] {value}/{total} {file}",
        stream: io.progress,
        hideCursor: true,
        noTTYOutput: false,
      },
      cliProgress.Presets.shades_classic,
    );
  bar?.start(options.files.length, 0, { file: "" });
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < options.files.length; i = next++) {
      const file = options.files[i] as string;
      outcomes[i] = await submitOne(api, file, options, collegeId, io.env);
      bar?.increment({ file: basename(file) });
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, options.files.length) }, worker));
  bar?.stop();
  io.stdout.write(`${summaryTable(outcomes, options.locale)}\n`);
  return { code: outcomes.every((o) => "receipt" in o) ? 0 : 1, outcomes };
}
