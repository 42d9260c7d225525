import type { IncomingMessage, ServerResponse } from "node:http";
import { formatError, formatNotice, type Locale } from "@xueji/shared";
import { requestScope } from "../context";
import type { Database } from "../db/client";
import { escapeHtml } from "../services/reports/status-document-html";
import { verifyStatusDocument } from "../services/reports/verify-status-document";

/** Lookups per address in a window: enough for anyone checking a few papers, far too few to try codes. */
export const VERIFY_LIMIT = 20;
export const VERIFY_WINDOW_MS = 10 * 60_000;
const hits = new Map<string, number[]>();

/** A sliding window per address (per server process; the 120-bit codes are the real protection). */
function allowed(address: string, now = Date.now()): boolean {
  const recent = (hits.get(address) ?? []).filter((t) => now - t < VERIFY_WINDOW_MS);
  if (recent.length >= VERIFY_LIMIT) {
    hits.set(address, recent);
    return false;
  }
  recent.push(now);
  hits.set(address, recent);
  if (hits.size > 10_000) for (const [key, times] of hits) if (times.every((t) => now - t >= VERIFY_WINDOW_MS)) hits.delete(key);
  return true;
}

const KIND_NAMES: Record<string, Record<Locale, string>> = {
  enrolment: { "zh-CN": "在读证明", en: "Certificate of enrolment" },
  education: { "zh-CN": "学历证明", en: "Certificate of education" },
};

function page(status: number, res: ServerResponse, title: string, lines: string[]): void {
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
    "cache-control": "no-store",
    "x-robots-tag": "noindex",
  });
  res.end(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${escapeHtml(title)}</title><style>body{font-family:sans-serif;max-width:32em;margin:3em auto;padding:0 1em;line-height:1.8}</style></head>
<body><h1>${escapeHtml(title)}</h1>${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join("")}</body></html>`);
}

/**
 * The public check of a 在读证明 or 学历证明: `/verify/<code>` (a page) and `/api/verify/<code>` (JSON),
 * no sign-in, showing only the name, the status and the date; rate-limited per address.
 * Returns false when the request is not one of these.
 */
export function handleVerify(req: IncomingMessage, res: ServerResponse, database: Database, locale: Locale): boolean {
  const url = new URL(req.url ?? "/", "http://localhost");
  const match = /^\/(api\/)?verify\/([^/]{1,64})$/.exec(url.pathname);
  if (!match || req.method !== "GET") return false;
  const json = Boolean(match[1]);
  const send = (status: number, body: Record<string, unknown>, lines: string[]) => {
    if (!json) return page(status, res, String(body.title), lines);
    res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
    res.end(JSON.stringify(body));
  };
  if (!allowed(req.socket.remoteAddress ?? "unknown")) {
    const message = formatNotice("verify.rate-limited", {}, locale);
    res.setHeader("retry-after", String(VERIFY_WINDOW_MS / 1000));
    send(429, { valid: false, title: message, message }, []);
    return true;
  }
  verifyStatusDocument(database.db, decodeURIComponent(match[2] as string))
    .then((doc) => {
      if (!doc) {
        const message = formatNotice("verify.unknown", {}, locale);
        return send(404, { valid: false, title: message, message }, []);
      }
      const title = `${formatNotice("verify.valid", {}, locale)}：${KIND_NAMES[doc.kind]?.[locale] ?? doc.kind}`;
      send(200, { valid: true, title, kind: doc.kind, name: doc.name, status: doc.status, date: doc.issuedOn }, [
        `姓名 / Name：${doc.name}`,
        `学籍状态 / Status：${doc.status}`,
        `开具日期 / Date：${doc.issuedOn}`,
      ]);
    })
    .catch((error: unknown) => {
      // The stack to the log; the reader gets the localised message and the request id to quote.
      const scope = requestScope.getStore();
      scope?.log.error({ err: error }, "unexpected error");
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end(`${formatError("internal", {}, locale)}${scope ? formatError("request.id", { requestId: scope.requestId }, locale) : ""}`);
    });
  return true;
}

/** For tests: forget the counts. */
export function resetVerifyLimits(): void {
  hits.clear();
}
