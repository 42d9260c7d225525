#!/usr/bin/env -S npx tsx
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { AppError, type Locale, SHEET_KINDS, type SheetKind } from "@xueji/shared";
import { todayInChina } from "../clock";
import { auditKeyFile, checkpointDir, pgliteDir } from "../data-paths";
import { annotateFile } from "../files/annotate-xlsx";
import { readSheetGrid } from "../files/read-sheet-grid";
import { formatReport } from "../validate/report-text";
import { toReport, validateFile } from "../validate/validate-file";
import { adminCreate } from "./admin";
import { auditCheckpoint, auditVerify } from "./audit";
import { cliMessage, debugDetail } from "./cli-message";
import { loadCredentials } from "./credentials";
import { demo } from "./demo";
import { login } from "./login";
import { writeDeploymentManifest } from "./manifest";
import { submitFiles } from "./submit";

/**
 * `xueji` — the bulk command line. Exit codes: 0 success / no errors, 1 the sheet has errors or a
 * submission failed, 2 the file or the command cannot be used (always a message, never a stack).
 */
const HELP = {
  "zh-CN": `用法：
  xueji validate 文件.xlsx|文件.csv [--kind 类型] [--json] [--limit N] [--annotate 标注副本.xlsx]
  xueji login    --user 用户名 [--server 地址]            （密码取自 XUEJI_PASSWORD 或终端输入）
  xueji submit   文件… --term 2025-2026-1 [--kind 类型] [--college 学院编号] [--server 地址] [--token 令牌]
  xueji audit verify                                      （核验审计链，并与最新的签名检查点比对）
  xueji audit checkpoint                                  （为审计日志的末端写一个签名检查点）
  xueji admin create --user 用户名 [--name 姓名]          （创建管理员；密码取自 XUEJI_PASSWORD 或终端输入）
  xueji demo     核对随附的示例核对表
  xueji manifest --url https://学校的服务器 [--out 文件]    （写出部署用的 Excel 加载项清单）

  --kind    核对表类型：${SHEET_KINDS.join("、")}（默认自动识别）
  --lang    输出语言 zh-CN 或 en（默认 zh-CN，也可设 XUEJI_LANG）
  --server  服务器地址（默认 http://localhost:3000，也可设 XUEJI_SERVER）

退出码：0 成功/没有错误；1 表中有错误或有提交失败；2 文件无法读取或用法错误。`,
  en: `Usage:
  xueji validate FILE.xlsx|FILE.csv [--kind KIND] [--json] [--limit N] [--annotate OUT.xlsx]
  xueji login    --user NAME [--server URL]                 (password from XUEJI_PASSWORD or the terminal)
  xueji submit   FILE... --term 2025-2026-1 [--kind KIND] [--college ID] [--server URL] [--token TOKEN]
  xueji audit verify                                        (verify the audit chain against the newest signed checkpoint)
  xueji audit checkpoint                                    (write a signed checkpoint of the audit log's head)
  xueji admin create --user NAME [--name DISPLAY]           (create an administrator; password from XUEJI_PASSWORD or the terminal)
  xueji demo     validate the bundled sample sheets
  xueji manifest --url https://your.server [--out FILE]    (write the Excel add-in manifest for a deployment)

  --kind    sheet kind: ${SHEET_KINDS.join(", ")} (detected by default)
  --lang    output language zh-CN or en (default zh-CN, or XUEJI_LANG)
  --server  server address (default http://localhost:3000, or XUEJI_SERVER)

Exit codes: 0 success / no errors; 1 the sheet has errors or a submission failed; 2 unreadable file or bad usage.`,
};

function usage(locale: Locale, zh: string, en: string): AppError {
  return new AppError("cli.usage", { detail: locale === "en" ? en : zh });
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      kind: { type: "string" },
      json: { type: "boolean", default: false },
      limit: { type: "string", default: "200" },
      lang: { type: "string", default: process.env.XUEJI_LANG || "zh-CN" },
      term: { type: "string" },
      college: { type: "string" },
      server: { type: "string", default: process.env.XUEJI_SERVER ?? "http://localhost:3000" },
      token: { type: "string", default: process.env.XUEJI_TOKEN },
      user: { type: "string" },
      name: { type: "string" },
      annotate: { type: "string" },
      url: { type: "string" },
      out: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const locale: Locale = values.lang === "en" ? "en" : "zh-CN";
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${HELP[locale]}\n`);
    return values.help ? 0 : 2;
  }
  if (values.kind !== undefined && !SHEET_KINDS.includes(values.kind as SheetKind)) {
    throw new AppError("cli.unknown-kind", { kind: values.kind, kinds: SHEET_KINDS.join(", ") });
  }
  const kind = values.kind as SheetKind | undefined;

  switch (command) {
    case "demo":
      return demo(locale);
    case "validate": {
      if (rest.length !== 1) throw usage(locale, "validate 需要且只需要一个文件", "validate takes exactly one file");
      const limit = Number(values.limit);
      const file = rest[0] as string;
      let report: Awaited<ReturnType<typeof validateFile>>["report"];
      if (values.annotate) {
        // The annotated copy (as the task pane's file mode downloads it) needs the grid as read too.
        const read = await readSheetGrid(file, { today: todayInChina(), ...(kind ? { kind } : {}) });
        report = toReport(file, read.sheet, read.local, locale);
        await writeFile(values.annotate, await annotateFile(file, report, read.rows, locale));
      } else report = (await validateFile(file, { today: todayInChina(), locale, ...(kind ? { kind } : {}) })).report;
      process.stdout.write(
        values.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report, locale, Number.isFinite(limit) ? limit : 200)}\n`,
      );
      return report.issues.some((i) => i.severity === "error") ? 1 : 0;
    }
    case "login":
      if (!values.user) throw usage(locale, "login 需要 --user", "login needs --user");
      return login({ server: values.server, user: values.user, locale });
    case "submit": {
      if (rest.length === 0) throw usage(locale, "submit 需要至少一个文件", "submit needs at least one file");
      if (!values.term || !/^\d{4}-\d{4}-[123]$/.test(values.term))
        throw usage(locale, "submit 需要 --term，例如 2025-2026-1", "submit needs --term, e.g. 2025-2026-1");
      const saved = await loadCredentials();
      const token = values.token ?? (saved && (saved.server === values.server || !process.env.XUEJI_SERVER) ? saved.token : undefined);
      const server = values.token ? values.server : (saved?.server ?? values.server);
      if (!token) throw usage(locale, "请先运行 xueji login，或用 --token 提供令牌", "run xueji login first, or pass --token");
      const { code } = await submitFiles({
        files: rest,
        term: values.term,
        server,
        token,
        locale,
        ...(kind ? { kind } : {}),
        ...(values.college ? { collegeId: Number(values.college) } : {}),
      });
      return code;
    }
    case "manifest": {
      if (!values.url)
        throw usage(
          locale,
          "manifest 需要 --url，例如 https://xueji.example.edu.cn",
          "manifest needs --url, e.g. https://xueji.example.edu.cn",
        );
      const path = await writeDeploymentManifest(values.url, values.out);
      process.stdout.write(`${locale === "en" ? "Wrote" : "已写出"} ${path}\n`);
      return 0;
    }
    case "audit": {
      if (rest[0] !== "verify" && rest[0] !== "checkpoint")
        throw usage(locale, "用法：xueji audit verify|checkpoint", "usage: xueji audit verify|checkpoint");
      const options = {
        locale,
        dataDir: pgliteDir(),
        keyFile: auditKeyFile(),
        checkpointDir: checkpointDir(),
        ...(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : {}),
      };
      return rest[0] === "verify" ? auditVerify(options) : auditCheckpoint(options);
    }
    case "admin":
      if (rest[0] !== "create" || !values.user)
        throw usage(
          locale,
          "用法：xueji admin create --user 用户名 [--name 姓名]",
          "usage: xueji admin create --user NAME [--name DISPLAY]",
        );
      return adminCreate({
        locale,
        username: values.user,
        ...(values.name ? { displayName: values.name } : {}),
        dataDir: pgliteDir(),
        keyFile: auditKeyFile(),
        ...(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : {}),
      });
    default:
      throw usage(locale, `未知的命令“${command}”`, `unknown command “${command}”`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const locale: Locale = process.argv.includes("en") || process.env.XUEJI_LANG === "en" ? "en" : "zh-CN";
    const detail = debugDetail(error);
    process.stderr.write(`${cliMessage(error, locale)}\n${detail ? `${detail}\n` : ""}`);
    process.exitCode = 2;
  },
);
