import { TRPCClientError } from "@trpc/client";
import { AppError, formatError, type Locale } from "@xueji/shared";

/** `parseArgs` names the option between quotes: "Unknown option '--foo'", "Option '--kind <value>' argument missing". */
function optionOf(message: string): string {
  return /'(-[^'\s]+)/.exec(message)?.[1] ?? "";
}

function unreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|fetch failed/.test(`${error.message} ${String(error.cause)}`);
}

/**
 * What the command line prints for a failure: always a message in the reader's language, never a
 * library's English or a stack (those are `debugDetail`'s, for the administrator).
 */
export function cliMessage(error: unknown, locale: Locale): string {
  if (error instanceof AppError) return error.userMessage(locale);
  // The API client wraps what its fetch threw (cli.unreachable names the address tried and why).
  if (error instanceof TRPCClientError && error.cause instanceof AppError) return error.cause.userMessage(locale);
  if (unreachable(error))
    return locale === "en"
      ? "Cannot reach the Xueji server; is it running (pnpm start)?"
      : "无法连接学籍服务器，请确认服务已启动（pnpm start）。";
  // The server's own answer: already localised (Accept-Language) and carrying its request id.
  if (error instanceof TRPCClientError && error.shape) return error.message;
  const code = error instanceof Error && "code" in error ? String(error.code) : "";
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION")
    return formatError("cli.unknown-option", { option: optionOf((error as Error).message) }, locale);
  if (code.startsWith("ERR_PARSE_ARGS")) return formatError("cli.option-value", { option: optionOf((error as Error).message) }, locale);
  return formatError("cli.internal", {}, locale);
}

/**
 * The technical side of a failure (a library's message, a stack), printed only when XUEJI_DEBUG=1:
 * the command line has no request log, so this is where an administrator looks.
 */
export function debugDetail(error: unknown, env: NodeJS.ProcessEnv): string | null {
  if (env.XUEJI_DEBUG !== "1") return null;
  if (error instanceof AppError) return error.detail ?? null;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
