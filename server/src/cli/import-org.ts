import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { AppError, type Locale } from "@xueji/shared";
import type { OrgImportReport } from "../services/organisation/import-organisation";
import { MAX_UPLOAD_BASE64 } from "../services/organisation/outputs";
import { apiClient } from "./api-client";
import type { CliIo } from "./io";

const WORDS = {
  "zh-CN": {
    line: "新增 {create}，更新 {update}，不变 {unchanged}，问题 {problems}",
    dryRun: "（试导入，未写入）",
    committed: "已导入组织机构",
    nothing: "有问题，没有写入任何数据。",
    entities: { college: "学院", major: "专业", class: "班级", term: "学期" } as Record<string, string>,
  },
  en: {
    line: "new {create}, updated {update}, unchanged {unchanged}, problems {problems}",
    dryRun: "(dry run, nothing written)",
    committed: "The organisation is imported",
    nothing: "The file has problems; nothing was written.",
    entities: { college: "college", major: "major", class: "class", term: "term" } as Record<string, string>,
  },
};

/**
 * `xueji import org FILE [--dry-run] [--json]`: the organisation (sheets 学院 / 专业 / 班级 / 学期) through the same
 * service as the 组织机构 page — the dry run first, then (unless --dry-run, and only without problems) the confirm,
 * in one transaction. Exit codes as the other imports: 0 done, 1 the file has problems, 2 unusable.
 */
export async function importOrganisationFile(
  options: {
    file: string;
    server: string;
    token: string;
    locale: Locale;
    dryRun: boolean;
    json: boolean;
  },
  io: CliIo,
): Promise<number> {
  const { locale } = options;
  // The upload goes as base64 inside the request: refuse what the procedure would, before reading it whole.
  if (((await stat(options.file)).size * 4) / 3 > MAX_UPLOAD_BASE64)
    throw new AppError("input.invalid", { problem: "file-too-large", mb: Math.floor((MAX_UPLOAD_BASE64 * 3) / 4 / 1024 / 1024) });
  const client = apiClient(options.server, options.token, locale, io.env);
  const upload = { fileName: basename(options.file), base64: (await readFile(options.file)).toString("base64") };
  const preview = await client.organisation.import.mutate({ ...upload, dryRun: true });
  const w = WORDS[locale];
  const say = (report: OrgImportReport, tail: string) =>
    io.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : `${describe(report, locale)}\n${tail}\n`);
  if (preview.counts.problems > 0 || options.dryRun) {
    say(preview as OrgImportReport, preview.counts.problems ? w.nothing : w.dryRun);
    return preview.counts.problems > 0 ? 1 : 0;
  }
  const done = await client.organisation.import.mutate({ ...upload, dryRun: false });
  say(done as OrgImportReport, w.committed);
  return done.counts.problems > 0 ? 1 : 0;
}

function describe(report: OrgImportReport, locale: Locale): string {
  const w = WORDS[locale];
  const counts = w.line.replace(/\{(\w+)\}/g, (_, key: keyof OrgImportReport["counts"]) => String(report.counts[key]));
  const lines = [`${report.sheets.map((s) => `${s.sheet}（${s.rows}）`).join(" ")}: ${counts}`];
  for (const problem of report.problems.slice(0, 200))
    lines.push(`  ${problem.sheet} ${problem.column ?? ""}${problem.row}  ${problem.message[locale]}`);
  for (const change of report.changes.filter((c) => c.action !== "unchanged").slice(0, 200)) {
    const fields = change.fields.map((f) => `${f.field}: ${f.before ?? "—"} → ${f.after ?? "—"}`).join("; ");
    lines.push(`  ${w.entities[change.entity] ?? change.entity} ${change.key} ${change.name}${fields ? `  ${fields}` : ""}`);
  }
  return lines.join("\n");
}
