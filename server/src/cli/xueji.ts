import { parseArgs } from "node:util";
import { AppError, LOCALES, type Locale, planFixes, SHEET_KINDS, type SheetKind } from "@xueji/shared";
import { todayInChina } from "../clock";
import { auditKeyFile, checkpointDir, pgliteDir } from "../data-paths";
import type { readSheetGrid } from "../files/read-sheet-grid";
import type { ValidationReport } from "../validate/validate-file";
import { cliMessage, debugDetail } from "./cli-message";
import { parseColumnsOption } from "./columns-option";
import { loadCredentials } from "./credentials";
import { type CliIo, processIo } from "./io";
import { defaultServer } from "./server-address";
import { writeOutput } from "./write-output";

/**
 * `xueji` — the bulk command line. Exit codes: 0 success / no errors, 1 the sheet has errors or a
 * submission failed, 2 the file or the command cannot be used (always a message, never a stack).
 */
const HELP = {
  "zh-CN": `用法：
  xueji validate 文件.xlsx|文件.csv [--kind 类型] [--columns 对应] [--json] [--limit N] [--annotate 标注副本.xlsx] [--fix 修正后.xlsx]
  xueji login    --user 用户名 [--server 地址]            （密码取自 XUEJI_PASSWORD 或终端输入）
  xueji submit   文件… --term 2025-2026-1 [--kind 类型] [--columns 对应] [--college 学院编号] [--server 地址] [--token 令牌]
  xueji audit verify                                      （核验审计链，并与最新的签名检查点比对）
  xueji audit checkpoint                                  （为审计日志的末端写一个签名检查点）
  xueji admin create --user 用户名 [--name 姓名]          （创建管理员；密码取自 XUEJI_PASSWORD 或终端输入）
  xueji import   org|students|admissions|results|users 文件 [--dry-run] [--json] [--pattern 学号规则] [--out 临时密码.xlsx]
                 （导入学籍、录取名单、成绩或账号：先试导入并显示结果，无错误时确认写入；--dry-run 只试导入）
  xueji export   [--out 文件.xlsx]                        （导出全部学籍：学生、学籍变动、学籍异动及审批、毕业审核、组织机构）
  xueji demo     核对随附的示例核对表
  xueji manifest --url https://学校的服务器 [--out 文件]    （写出部署用的 Excel 加载项清单）
  xueji manifest --wps --url https://学校的服务器 [--out 目录]    （写出 WPS 表格加载项的 jsplugins.xml 与 oem.ini）

  --kind    核对表类型：${SHEET_KINDS.join("、")}（默认自动识别）
  --columns 手动指定列的内容，覆盖按表头的识别：列字母=字段（字段写表头名如“身份证号”或字段名如 idNumber；
            - 或“不检查”表示不检查该列），多列用逗号分隔，例如 --columns F=身份证号,G=-
  --lang    输出语言 zh-CN 或 en（默认 zh-CN，也可设 XUEJI_LANG）
  --server  服务器地址（默认为本机 pnpm start 的地址：有证书时 https://localhost:3000，否则 http://localhost:3000；也可设 XUEJI_SERVER）

validate 在已登录（xueji login）或给出 --token 时按服务器发布的核对规则（学生年龄范围）检查，否则按内置默认，并在标准错误输出中说明。

退出码：0 成功/没有错误；1 表中有错误或有提交失败；2 文件无法读取或用法错误。`,
  en: `Usage:
  xueji validate FILE.xlsx|FILE.csv [--kind KIND] [--columns MAP] [--json] [--limit N] [--annotate OUT.xlsx] [--fix FIXED.xlsx]
  xueji login    --user NAME [--server URL]                 (password from XUEJI_PASSWORD or the terminal)
  xueji submit   FILE... --term 2025-2026-1 [--kind KIND] [--columns MAP] [--college ID] [--server URL] [--token TOKEN]
  xueji audit verify                                        (verify the audit chain against the newest signed checkpoint)
  xueji audit checkpoint                                    (write a signed checkpoint of the audit log's head)
  xueji admin create --user NAME [--name DISPLAY]           (create an administrator; password from XUEJI_PASSWORD or the terminal)
  xueji import   org|students|admissions|results|users FILE [--dry-run] [--json] [--pattern PATTERN] [--out PASSWORDS.xlsx]
                 (bring the record in: a dry run first, then, without errors, the confirmation; --dry-run only checks)
  xueji export   [--out FILE.xlsx]                          (the whole record: students, history, applications and decisions, graduation, organisation)
  xueji demo     validate the bundled sample sheets
  xueji manifest --url https://your.server [--out FILE]    (write the Excel add-in manifest for a deployment)
  xueji manifest --wps --url https://your.server [--out DIR]    (write WPS's jsplugins.xml and oem.ini lines)

  --kind    sheet kind: ${SHEET_KINDS.join(", ")} (detected by default)
  --columns what a column holds, over the header's guess: COLUMN=FIELD (the field's Chinese header such as 身份证号,
            or its key such as idNumber; - or none: not checked), comma-separated, e.g. --columns F=idNumber,G=-
  --lang    output language zh-CN or en (default zh-CN, or XUEJI_LANG)
  --server  server address (default: where pnpm start serves here — https://localhost:3000 with a certificate, else http://localhost:3000; or XUEJI_SERVER)

validate holds a sheet to the server's published check rules (the students' age range) when signed in (xueji login) or given
--token, otherwise to the built-in defaults, and says which on stderr.

Exit codes: 0 success / no errors; 1 the sheet has errors or a submission failed; 2 unreadable file or bad usage.`,
};

function usage(locale: Locale, zh: string, en: string): AppError {
  return new AppError("cli.usage", { detail: locale === "en" ? en : zh });
}

/**
 * `--fix OUT.xlsx`: the pane's 一键修正 from the command line — the same plan (`planFixes`), the same
 * writer. ID numbers are restored from the record only in the pane, where the secretary sees them first.
 */
async function writeFixed(
  out: string,
  file: string,
  read: Awaited<ReturnType<typeof readSheetGrid>>,
  locale: Locale,
  io: CliIo,
): Promise<void> {
  const { safe } = planFixes(read.rows, read.local.issues, read.local.rows, read.local.columns);
  const { correctFile } = await import("../files/fix-xlsx");
  const copy = await correctFile(file, read.sheet, read.rows, safe);
  await writeOutput(out, copy.file, locale);
  io.stderr.write(locale === "en" ? `${copy.written} cells fixed; wrote ${out}\n` : `已修正 ${copy.written} 处，写出 ${out}\n`);
  if (copy.formulas.length) {
    const cells = copy.formulas.join(locale === "en" ? ", " : "、");
    io.stderr.write(
      locale === "en"
        ? `Left alone (they hold formulas; fix their source): ${cells}\n`
        : `以下单元格是公式，未改动（请修改公式引用的原数据）：${cells}\n`,
    );
  }
}

/**
 * Each command's modules are loaded when that command runs, not when `xueji` starts: `xueji --help` needs none of
 * them and a `validate` no database, and a process loaded every command's (ExcelJS, PGlite, drizzle, tRPC) through
 * the TypeScript loader before doing anything — 1.7 s and 2.5 CPU-s for `--help`.
 */
async function command(argv: string[], io: CliIo): Promise<number> {
  const { env } = io;
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      kind: { type: "string" },
      json: { type: "boolean", default: false },
      limit: { type: "string", default: "200" },
      lang: { type: "string", default: env.XUEJI_LANG || "zh-CN" },
      term: { type: "string" },
      college: { type: "string" },
      server: { type: "string", default: defaultServer(env) },
      token: { type: "string", default: env.XUEJI_TOKEN },
      user: { type: "string" },
      name: { type: "string" },
      annotate: { type: "string" },
      fix: { type: "string" },
      columns: { type: "string" },
      url: { type: "string" },
      wps: { type: "boolean" },
      out: { type: "string" },
      "dry-run": { type: "boolean", default: false },
      pattern: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (!LOCALES.includes(values.lang as Locale)) throw new AppError("cli.unknown-lang", { lang: values.lang, langs: LOCALES.join(", ") });
  const locale = values.lang as Locale;
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    io.stdout.write(`${HELP[locale]}\n`);
    return values.help ? 0 : 2;
  }
  if (values.kind !== undefined && !SHEET_KINDS.includes(values.kind as SheetKind)) {
    throw new AppError("cli.unknown-kind", { kind: values.kind, kinds: SHEET_KINDS.join(", ") });
  }
  const kind = values.kind as SheetKind | undefined;
  /** The server and token a command talks to: --token with --server, else what `xueji login` saved. */
  const session = async () => {
    const saved = await loadCredentials(env);
    const token = values.token ?? (saved && (saved.server === values.server || !env.XUEJI_SERVER) ? saved.token : undefined);
    return { token, server: values.token ? values.server : (saved?.server ?? values.server) };
  };
  const columns = values.columns !== undefined ? parseColumnsOption(values.columns, locale) : undefined;

  switch (command) {
    case "demo": {
      const { demo } = await import("./demo");
      return demo(locale, io);
    }
    case "validate": {
      if (rest.length !== 1) throw usage(locale, "validate 需要且只需要一个文件", "validate takes exactly one file");
      const limit = Number(values.limit);
      const file = rest[0] as string;
      let report: ValidationReport;
      const today = todayInChina();
      const [{ cliCheckRules }, { toReport, validateFile }, { formatReport }] = await Promise.all([
        import("./check-rules"),
        import("../validate/validate-file"),
        import("../validate/report-text"),
      ]);
      // Signed in, the sheet is held to the registrar's published 核对规则; offline, to the defaults — said on stderr.
      const { ageLimits, note } = await cliCheckRules({ ...(await session()), locale, env });
      io.stderr.write(`${note}\n`);
      if (values.annotate || values.fix) {
        // The annotated and corrected copies (as the task pane's file mode downloads them) need the grid as read too.
        const { readSheetGrid } = await import("../files/read-sheet-grid");
        const read = await readSheetGrid(file, { today, ageLimits, columns, ...(kind ? { kind } : {}) });
        report = toReport(file, read.sheet, read.local, locale);
        if (values.annotate) {
          const { annotateFile } = await import("../files/annotate-xlsx");
          await writeOutput(values.annotate, await annotateFile(file, report, read.rows, locale), locale);
        }
        if (values.fix) await writeFixed(values.fix, file, read, locale, io);
      } else
        report = (await validateFile(file, { today, locale, ageLimits, ...(kind ? { kind } : {}), ...(columns ? { columns } : {}) }))
          .report;
      io.stdout.write(
        values.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report, locale, Number.isFinite(limit) ? limit : 200)}\n`,
      );
      return report.issues.some((i) => i.severity === "error") ? 1 : 0;
    }
    case "login": {
      if (!values.user) throw usage(locale, "login 需要 --user", "login needs --user");
      const { login } = await import("./login");
      return login({ server: values.server, user: values.user, locale }, io);
    }
    case "submit": {
      if (rest.length === 0) throw usage(locale, "submit 需要至少一个文件", "submit needs at least one file");
      if (!values.term || !/^\d{4}-\d{4}-[123]$/.test(values.term))
        throw usage(locale, "submit 需要 --term，例如 2025-2026-1", "submit needs --term, e.g. 2025-2026-1");
      const { token, server } = await session();
      if (!token) throw usage(locale, "请先运行 xueji login，或用 --token 提供令牌", "run xueji login first, or pass --token");
      const { submitFiles } = await import("./submit");
      const { code } = await submitFiles(
        {
          files: rest,
          term: values.term,
          server,
          token,
          locale,
          ...(kind ? { kind } : {}),
          ...(columns ? { columns } : {}),
          ...(values.college ? { collegeId: Number(values.college) } : {}),
        },
        io,
      );
      return code;
    }
    case "import": {
      if (rest.length !== 2)
        throw usage(
          locale,
          "用法：xueji import org|students|admissions|results|users 文件",
          "usage: xueji import org|students|admissions|results|users FILE",
        );
      const { token, server } = await session();
      if (!token) throw usage(locale, "请先运行 xueji login，或用 --token 提供令牌", "run xueji login first, or pass --token");
      if (rest[0] === "org") {
        const { importOrganisationFile } = await import("./import-org");
        return importOrganisationFile({ file: rest[1] as string, server, token, locale, dryRun: values["dry-run"], json: values.json }, io);
      }
      const { importFile } = await import("./import");
      return importFile(
        {
          kind: rest[0] as string,
          file: rest[1] as string,
          server,
          token,
          locale,
          dryRun: values["dry-run"],
          json: values.json,
          pattern: values.pattern,
          out: values.out,
        },
        io,
      );
    }
    case "export": {
      const { token, server } = await session();
      if (!token) throw usage(locale, "请先运行 xueji login，或用 --token 提供令牌", "run xueji login first, or pass --token");
      const { exportRecord } = await import("./import");
      return exportRecord({ server, token, locale, out: values.out }, io);
    }
    case "manifest": {
      if (!values.url)
        throw usage(
          locale,
          "manifest 需要 --url，例如 https://xueji.example.edu.cn",
          "manifest needs --url, e.g. https://xueji.example.edu.cn",
        );
      const { writeDeploymentManifest, writeWpsDeployment } = await import("./manifest");
      if (values.wps) {
        const files = await writeWpsDeployment(values.url, values.out, locale);
        io.stdout.write(`${locale === "en" ? "Wrote" : "已写出"} ${files.join(", ")}\n`);
        return 0;
      }
      const path = await writeDeploymentManifest(values.url, values.out, locale);
      io.stdout.write(`${locale === "en" ? "Wrote" : "已写出"} ${path}\n`);
      return 0;
    }
    case "audit": {
      if (rest[0] !== "verify" && rest[0] !== "checkpoint")
        throw usage(locale, "用法：xueji audit verify|checkpoint", "usage: xueji audit verify|checkpoint");
      const options = {
        locale,
        dataDir: pgliteDir(env),
        keyFile: auditKeyFile(env),
        checkpointDir: checkpointDir(env),
        ...(env.DATABASE_URL ? { url: env.DATABASE_URL } : {}),
      };
      const { auditCheckpoint, auditVerify } = await import("./audit");
      return rest[0] === "verify" ? auditVerify(options, io) : auditCheckpoint(options, io);
    }
    case "admin": {
      if (rest[0] !== "create" || !values.user)
        throw usage(
          locale,
          "用法：xueji admin create --user 用户名 [--name 姓名]",
          "usage: xueji admin create --user NAME [--name DISPLAY]",
        );
      const { adminCreate } = await import("./admin");
      return adminCreate(
        {
          locale,
          username: values.user,
          ...(values.name ? { displayName: values.name } : {}),
          dataDir: pgliteDir(env),
          keyFile: auditKeyFile(env),
          ...(env.DATABASE_URL ? { url: env.DATABASE_URL } : {}),
        },
        io,
      );
    }
    default:
      throw usage(locale, `未知的命令“${command}”`, `unknown command “${command}”`);
  }
}

/**
 * Runs `xueji ARGS…` and returns its exit code: what the command prints goes to `io`, and a failure is
 * a message on its stderr (never a stack), exit code 2. `main.ts` runs it for the process; a test runs it
 * in its own process with buffers (server/test/run-xueji.ts).
 */
export async function runXueji(argv: string[], io: CliIo = processIo()): Promise<number> {
  try {
    return await command(argv, io);
  } catch (error) {
    const locale: Locale = argv.includes("en") || io.env.XUEJI_LANG === "en" ? "en" : "zh-CN";
    const detail = debugDetail(error, io.env);
    // A language the command does not know leaves it not knowing the reader's: it says so in both.
    const message =
      error instanceof AppError && error.code === "cli.unknown-lang"
        ? `${error.userMessage("zh-CN")}\n${error.userMessage("en")}`
        : cliMessage(error, locale);
    io.stderr.write(`${message}\n${detail ? `${detail}\n` : ""}`);
    return 2;
  }
}
