#!/usr/bin/env -S npx tsx
import { parseArgs } from "node:util";
import { AppError, formatError, type Locale, SHEET_KINDS, type SheetKind } from "@xueji/shared";
import { todayInChina } from "../clock";
import { formatReport } from "../validate/report-text";
import { validateFile } from "../validate/validate-file";
import { demo } from "./demo";

/**
 * `xueji` — the bulk command line. Exit codes: 0 no errors, 1 the sheet has errors,
 * 2 the file or the command cannot be used (always with a message, never a stack trace).
 */
const HELP = {
  "zh-CN": `用法：
  xueji validate 文件.xlsx|文件.csv [--kind 类型] [--json] [--limit N] [--lang zh-CN|en]
  xueji demo     核对随附的示例核对表，看看每一类问题是怎样报告的

  --kind   指定核对表类型：${SHEET_KINDS.join("、")}（默认自动识别）
  --json   只输出 JSON 报告
  --limit  文字报告最多列出的问题条数（默认 200，0 表示全部）
  --lang   输出语言（默认 zh-CN）

退出码：0 没有错误；1 表中有错误；2 文件无法读取或用法错误。`,
  en: `Usage:
  xueji validate FILE.xlsx|FILE.csv [--kind KIND] [--json] [--limit N] [--lang zh-CN|en]
  xueji demo     validate the bundled sample sheets, to see how each kind of problem is reported

  --kind   sheet kind: ${SHEET_KINDS.join(", ")} (detected by default)
  --json   print only the JSON report
  --limit  most issues listed in the text report (default 200, 0 for all)
  --lang   output language (default zh-CN)

Exit codes: 0 no errors; 1 the sheet has errors; 2 unreadable file or bad usage.`,
};

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      kind: { type: "string" },
      json: { type: "boolean", default: false },
      limit: { type: "string", default: "200" },
      lang: { type: "string", default: process.env.XUEJI_LANG ?? "zh-CN" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const locale: Locale = values.lang === "en" ? "en" : "zh-CN";
  const [command, ...files] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${HELP[locale]}\n`);
    return values.help ? 0 : 2;
  }
  if (command === "demo") return demo(locale);
  if (command !== "validate") throw new AppError("cli.usage", { detail: `unknown command “${command}”` });
  if (files.length !== 1)
    throw new AppError("cli.usage", { detail: locale === "en" ? "validate takes exactly one file" : "validate 需要且只需要一个文件" });
  if (values.kind !== undefined && !SHEET_KINDS.includes(values.kind as SheetKind)) {
    throw new AppError("cli.unknown-kind", { kind: values.kind, kinds: SHEET_KINDS.join(", ") });
  }
  const limit = Number(values.limit);
  const { report } = await validateFile(files[0] as string, {
    today: todayInChina(),
    locale,
    ...(values.kind ? { kind: values.kind as SheetKind } : {}),
  });
  process.stdout.write(
    values.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report, locale, Number.isFinite(limit) ? limit : 200)}\n`,
  );
  return report.issues.some((i) => i.severity === "error") ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const locale: Locale = process.argv.includes("en") || process.env.XUEJI_LANG === "en" ? "en" : "zh-CN";
    if (error instanceof AppError) process.stderr.write(`${error.userMessage(locale)}\n`);
    else if (error instanceof Error && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`${formatError("cli.usage", { detail: error.message }, locale)}\n`);
    } else process.stderr.write(`${formatError("internal", { detail: error instanceof Error ? error.message : String(error) }, locale)}\n`);
    process.exitCode = 2;
  },
);
