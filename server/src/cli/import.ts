import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { AppError, FIELD_LABELS, formatMessage, IMPORT_KINDS, type ImportKind, type IssueCode, type Locale } from "@xueji/shared";
import { MAX_IMPORT_UPLOAD } from "../http/import-routes";
import type { ImportReport } from "../services/imports/import-report";
import { apiClient } from "./api-client";
import type { CliIo } from "./io";
import { cliFetch } from "./server-address";
import { writeOutput } from "./write-output";

const WORDS = {
  "zh-CN": {
    rows: "行",
    create: "新增",
    update: "更新",
    unchanged: "不变",
    errors: "错误",
    dryRun: "（试导入，未写入）",
    committed: "已导入",
    missing: "学籍中没有（请先在组织机构中添加）",
    classes: "将新建班级",
    nothing: "有错误，没有写入任何数据。",
    passwords: "新账号的临时密码（只显示这一次，首次登录须修改）",
    wrote: "已写出",
  },
  en: {
    rows: "rows",
    create: "new",
    update: "updated",
    unchanged: "unchanged",
    errors: "errors",
    dryRun: "(dry run, nothing written)",
    committed: "imported",
    missing: "not in the record (add them under the organisation first)",
    classes: "classes to create",
    nothing: "The file has errors; nothing was written.",
    passwords: "Temporary passwords of the new accounts (shown this once; changed at first sign-in)",
    wrote: "Wrote",
  },
};

/**
 * `xueji import students|admissions|results|users FILE [--dry-run] [--json] [--pattern P] [--out 密码.xlsx]`:
 * the 导入 page's flow from the command line — the server's dry run, then (unless --dry-run) the
 * confirmation. Exit codes as `xueji validate`: 0 done / no errors, 1 the file has errors (nothing
 * written), 2 the file or the command cannot be used. `org` is left to the organisation service.
 */
export async function importFile(
  options: {
    kind: string;
    file: string;
    server: string;
    token: string;
    locale: Locale;
    dryRun: boolean;
    json: boolean;
    pattern?: string | undefined;
    out?: string | undefined;
  },
  io: CliIo,
): Promise<number> {
  const { locale } = options;
  if (!IMPORT_KINDS.includes(options.kind as ImportKind))
    throw new AppError("cli.unknown-kind", { kind: options.kind, kinds: IMPORT_KINDS.join(", ") });
  if ((await stat(options.file)).size > MAX_IMPORT_UPLOAD)
    throw new AppError("input.invalid", { problem: "file-too-large", mb: MAX_IMPORT_UPLOAD / 1024 / 1024 });
  const query = new URLSearchParams({ kind: options.kind, name: basename(options.file) });
  if (options.pattern) query.set("pattern", options.pattern);
  const response = await cliFetch(options.server, io.env)(`${options.server.replace(/\/$/, "")}/api/imports/preview?${query}`, {
    method: "POST",
    headers: { authorization: `Bearer ${options.token}`, "accept-language": locale, "content-type": "application/octet-stream" },
    body: new Uint8Array(await readFile(options.file)),
  });
  if (!response.ok) {
    io.stderr.write(`${await response.text()}\n`);
    return 2;
  }
  const preview = (await response.json()) as { id: number; report: ImportReport };
  const w = WORDS[locale];
  if (preview.report.errors > 0 || options.dryRun) {
    io.stdout.write(
      options.json
        ? `${JSON.stringify(preview, null, 2)}\n`
        : `${describe(preview.report, locale)}\n${preview.report.errors ? w.nothing : w.dryRun}\n`,
    );
    return preview.report.errors > 0 ? 1 : 0;
  }
  const done = await apiClient(options.server, options.token, locale, io.env).imports.commit.mutate({ id: preview.id });
  if (options.json) io.stdout.write(`${JSON.stringify({ id: done.id, report: done.report, passwords: done.passwords }, null, 2)}\n`);
  else io.stdout.write(`${describe(done.report as ImportReport, locale)}\n${w.committed}\n`);
  if (done.passwords.length && !options.json) {
    if (options.out && done.passwordsXlsx) {
      await writeOutput(options.out, Buffer.from(done.passwordsXlsx, "base64"), locale, { mode: 0o600 });
      io.stdout.write(`${w.wrote} ${options.out}\n`);
    } else io.stdout.write(`${w.passwords}\n${done.passwords.map((p) => `${p.username}\t${p.displayName}\t${p.password}`).join("\n")}\n`);
  }
  return 0;
}

function describe(report: ImportReport, locale: Locale): string {
  const w = WORDS[locale];
  const lines = [
    `${report.fileName}${report.sheet ? ` [${report.sheet}]` : ""}: ${report.rows} ${w.rows}, ${w.create} ${report.create}, ${w.update} ${report.update}, ${w.unchanged} ${report.unchanged}, ${w.errors} ${report.errors}`,
  ];
  for (const issue of report.issues.slice(0, 200)) {
    const at = issue.row ? `${issue.column ?? ""}${issue.row}` : "";
    lines.push(`  ${at.padEnd(8)}${formatMessage(issue.code as IssueCode, issue.params, locale)}`);
  }
  for (const change of report.changes.filter((c) => c.action === "update").slice(0, 200)) {
    const fields = change.fields.map(
      (f) => `${FIELD_LABELS[f.field as keyof typeof FIELD_LABELS]?.[locale] ?? f.field}: ${f.before ?? "—"} → ${f.after ?? "—"}`,
    );
    lines.push(`  ${change.key} ${change.name}  ${fields.join("; ")}`);
  }
  const missing = [...report.missing.colleges, ...report.missing.majors];
  if (missing.length) lines.push(`${w.missing}: ${missing.join(locale === "en" ? ", " : "、")}`);
  if (report.newClasses.length) lines.push(`${w.classes}: ${report.newClasses.join(locale === "en" ? ", " : "、")}`);
  return lines.join("\n");
}

/** `xueji export [--out FILE]`: the whole record as .xlsx (学生, 学籍变动, 学籍异动, 异动审批, 毕业审核, 学院, 专业, 班级). */
export async function exportRecord(
  options: { server: string; token: string; locale: Locale; out?: string | undefined },
  io: CliIo,
): Promise<number> {
  const response = await cliFetch(options.server, io.env)(`${options.server.replace(/\/$/, "")}/api/export/record.xlsx`, {
    headers: { authorization: `Bearer ${options.token}`, "accept-language": options.locale },
  });
  if (!response.ok) {
    io.stderr.write(`${await response.text()}\n`);
    return 2;
  }
  const out = options.out ?? `学籍档案_${new Date().toISOString().slice(0, 10)}.xlsx`;
  await writeOutput(out, Buffer.from(await response.arrayBuffer()), options.locale, { mode: 0o600 });
  io.stdout.write(`${WORDS[options.locale].wrote} ${out}\n`);
  return 0;
}
