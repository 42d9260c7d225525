import type { IncomingMessage, ServerResponse } from "node:http";
import { isIPv6 } from "node:net";
import { formatError, formatNotice, type Locale } from "@xueji/shared";
import { requestScope } from "../context";
import type { Database, Executor } from "../db/client";
import { verifyCounters } from "../db/schema";
import { countInWindow } from "../services/rate-window";
import { chineseDate, escapeHtml } from "../services/reports/status-document-html";
import { verifyStatusDocument } from "../services/reports/verify-status-document";

/** Lookups per address in a window: enough for anyone checking a few papers, far too few to try codes. */
export const VERIFY_LIMIT = 20;
export const VERIFY_WINDOW_MINUTES = 10;

/**
 * One fixed window per address in the database (`verify_counters`), counted by one upsert-and-return:
 * every server process on the database shares it, so running several does not multiply the allowance.
 */
/**
 * The key an address is counted under: an IPv4 address as it is (also when written IPv4-mapped,
 * ::ffff:1.2.3.4), an IPv6 address by its /64 — one household or server gets a whole /64, so
 * counting each address would give a single client 2^64 allowances.
 */
export function verifyLimitKey(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return `address:${mapped[1]}`;
  if (!isIPv6(address)) return `address:${address}`;
  const [head = "", tail] = address.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill("0"), ...right];
  return `address:${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

async function allowed(db: Executor, address: string, now = new Date()): Promise<boolean> {
  const { attempts } = await countInWindow(db, "verify_counters", verifyLimitKey(address), VERIFY_WINDOW_MINUTES, now);
  // Closed windows are dropped by the scheduled job prune-rate-limits (services/scheduler/jobs.ts).
  return attempts <= VERIFY_LIMIT;
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
 * no sign-in, showing only the name, the status and the date; rate-limited per address (`address` is
 * the client as the request metadata sees it, so behind a trusted proxy it is the forwarded one).
 * Returns false when the request is not one of these.
 */
export function handleVerify(req: IncomingMessage, res: ServerResponse, database: Database, locale: Locale, address: string): boolean {
  const url = new URL(req.url ?? "/", "http://localhost");
  const match = /^\/(api\/)?verify\/([^/]{1,64})$/.exec(url.pathname);
  if (!match || req.method !== "GET") return false;
  const json = Boolean(match[1]);
  const send = (status: number, body: Record<string, unknown>, lines: string[]) => {
    if (!json) return page(status, res, String(body.title), lines);
    res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
    res.end(JSON.stringify(body));
  };
  const lookup = async () => {
    if (!(await allowed(database.db, address))) {
      const message = formatNotice("verify.rate-limited", {}, locale);
      res.setHeader("retry-after", String(VERIFY_WINDOW_MINUTES * 60));
      return send(429, { valid: false, title: message, message }, []);
    }
    const doc = await verifyStatusDocument(database.db, safeDecode(match[2] as string));
    if (!doc) {
      const message = formatNotice("verify.unknown", {}, locale);
      return send(404, { valid: false, title: message, message }, []);
    }
    if (doc.state === "superseded") {
      // 410 Gone: the paper was genuine but is replaced. Only that and the day are said — no name, no
      // number, no kind: whoever typed the code holds that paper and needs nothing more to ask for the new one.
      const title = formatNotice("verify.superseded", {}, locale);
      const message = formatNotice(
        "verify.superseded-detail",
        { date: locale === "zh-CN" ? chineseDate(doc.reprintedOn) : doc.reprintedOn },
        locale,
      );
      return send(410, { valid: false, superseded: true, title, message, reprintedOn: doc.reprintedOn }, [message]);
    }
    // Only the name, the status and the date (and the kind, in the title) — nothing else of the record.
    const title = `${formatNotice("verify.valid", {}, locale)}：${KIND_NAMES[doc.kind]?.[locale] ?? doc.kind}`;
    const replaced = doc.replacedCertificate
      ? formatNotice(
          "verify.certificate-replaced",
          { certificateNo: doc.replacedCertificate.certificateNo, date: doc.replacedCertificate.voidedOn },
          locale,
        )
      : null;
    send(
      200,
      {
        valid: true,
        title,
        kind: doc.kind,
        name: doc.name,
        status: doc.status,
        date: doc.issuedOn,
        ...(replaced ? { certificateReplaced: true, message: replaced } : {}),
      },
      [`姓名 / Name：${doc.name}`, `学籍状态 / Status：${doc.status}`, `开具日期 / Date：${doc.issuedOn}`, ...(replaced ? [replaced] : [])],
    );
  };
  lookup().catch((error: unknown) => {
    // The stack to the log; the reader gets the localised message and the request id to quote.
    const scope = requestScope.getStore();
    scope?.log.error({ err: error }, "unexpected error");
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
    res.end(`${formatError("internal", {}, locale)}${scope ? formatError("request.id", { requestId: scope.requestId }, locale) : ""}`);
  });
  return true;
}

/** A malformed percent-escape reads as no code rather than an error. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return "";
  }
}

/** For tests: forget the counts. */
export async function resetVerifyLimits(db: Executor): Promise<void> {
  await db.delete(verifyCounters);
}
