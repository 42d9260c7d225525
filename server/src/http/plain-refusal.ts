import type { ServerResponse } from "node:http";
import { type AppError, formatError, type Locale } from "@xueji/shared";
import { requestScope } from "../context";

/**
 * A refusal from a plain (non-tRPC) route — the file and export downloads: text in the reader's language,
 * ending with the request id to quote (as over tRPC), which the request's log line carries too.
 */
export function refuse(res: ServerResponse, status: number, message: string, locale: Locale = "zh-CN"): void {
  const requestId = requestScope.getStore()?.requestId;
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
  res.end(requestId ? `${message}${formatError("request.id", { requestId }, locale)}` : message);
}

/** An AppError a route's work raised: its localised message to the reader, what a library said to the log line only. */
export function refuseAppError(res: ServerResponse, error: AppError, procedure: string, locale: Locale): void {
  requestScope.getStore()?.failures.push({ procedure, code: error.code, ...(error.detail ? { detail: error.detail } : {}) });
  refuse(res, 422, error.userMessage(locale), locale);
}
