import type { Locale } from "./catalogue";

/**
 * Errors of whole operations (a file that cannot be opened, a bad command-line option), as
 * opposed to issues found in a sheet. The code crosses the wire; the message is looked up here.
 */
export const errorCatalogue = {
  "file.not-found": { "zh-CN": "找不到文件“{file}”。", en: "File “{file}” was not found." },
  "file.unsupported": {
    "zh-CN": "不支持的文件类型“{ext}”：请提供 .xlsx 或 .csv 文件（.xls 请先在 Excel 中另存为 .xlsx）。",
    en: "Unsupported file type “{ext}”: use .xlsx or .csv (save an .xls as .xlsx in Excel first).",
  },
  "file.corrupt": {
    "zh-CN": "无法读取“{file}”：文件已损坏或不是真正的 Excel 工作簿（{detail}）。",
    en: "Cannot read “{file}”: the file is damaged or not a real Excel workbook ({detail}).",
  },
  "file.no-sheet": { "zh-CN": "“{file}”中没有工作表。", en: "“{file}” has no worksheet." },
  internal: {
    "zh-CN": "处理时发生意外错误（{detail}）。请把这条信息告诉系统管理员。",
    en: "An unexpected error occurred ({detail}). Please tell the system administrator.",
  },
  "cli.usage": { "zh-CN": "用法错误：{detail}", en: "Usage error: {detail}" },
  "cli.unknown-kind": {
    "zh-CN": "未知的核对表类型“{kind}”。可选：{kinds}。",
    en: "Unknown sheet kind “{kind}”. Choose one of: {kinds}.",
  },
} satisfies Record<string, Record<Locale, string>>;

export type ErrorCode = keyof typeof errorCatalogue;

export function formatError(code: ErrorCode, params: Readonly<Record<string, string | number>> = {}, locale: Locale = "zh-CN"): string {
  return errorCatalogue[code][locale].replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}

/** An operation's failure with a code users can be shown; `detail` is for logs, never the UI. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Readonly<Record<string, string | number>> = {},
    detail?: string,
  ) {
    super(detail ?? code);
    this.name = "AppError";
  }

  userMessage(locale: Locale = "zh-CN"): string {
    return formatError(this.code, this.params, locale);
  }
}
