import { createHmac } from "node:crypto";
import nodemailer from "nodemailer";

/** A message as the channels carry it: a short title and Markdown lines (mail gets them as plain text). */
export interface OutgoingMessage {
  title: string;
  body: string;
}

/** A channel ready to send, its secrets opened. */
export type OpenChannel =
  | { kind: "wecom"; webhookUrl: string }
  | { kind: "dingtalk"; webhookUrl: string; signSecret: string }
  | {
      kind: "email";
      host: string;
      port: number;
      secure: boolean;
      user: string;
      password: string;
      from: string;
      to: string;
    };

/** A refusal the receiver may lift by itself (its rate limit, a moment's outage): tried again later. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly retry: boolean,
  ) {
    super(message);
  }
}

const TIMEOUT_MS = 10_000;

/**
 * Posts JSON to a robot and reads its answer. Both robots answer HTTP 200 with `errcode` for their refusals
 * (a wrong key, a bad signature, the rate limit), so a 200 is not a delivery until errcode is 0.
 */
async function postRobot(url: string, payload: unknown): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new DeliveryError(`无法连接：${connectionProblem(error)}`, true);
  }
  if (!response.ok) throw new DeliveryError(`HTTP ${response.status}`, response.status >= 500 || response.status === 429);
  const answer = (await response.json().catch(() => null)) as { errcode?: number; errmsg?: string } | null;
  if (!answer || typeof answer.errcode !== "number") throw new DeliveryError("应答不是机器人的格式", true);
  if (answer.errcode !== 0) {
    // 45009 (企业微信) and 130101 (钉钉): too many messages this minute; -1: the service is busy.
    const retry = answer.errcode === 45009 || answer.errcode === 130101 || answer.errcode === -1;
    throw new DeliveryError(`errcode ${answer.errcode}：${answer.errmsg ?? ""}`.trim(), retry);
  }
}

/** Why a robot could not be reached, in the registrar's words first: fetch's own message is Node's English. */
const CONNECTION_PROBLEMS: Record<string, string> = {
  ECONNREFUSED: "对方拒绝连接 / connection refused",
  ECONNRESET: "连接被对方中断 / connection reset",
  // undici's: a kept-alive connection the receiver closed (a robot restarting, or gone) as it was reused.
  UND_ERR_SOCKET: "连接被对方关闭 / the other side closed the connection",
  "other side closed": "连接被对方关闭 / the other side closed the connection",
  ENOTFOUND: "找不到该地址的主机 / host not found",
  EAI_AGAIN: "暂时无法解析该地址 / name lookup failed for now",
  EHOSTUNREACH: "网络不可达 / host unreachable",
  ENETUNREACH: "网络不可达 / network unreachable",
  ETIMEDOUT: "连接超时 / connection timed out",
  TimeoutError: `${TIMEOUT_MS / 1000} 秒内没有应答 / no answer within ${TIMEOUT_MS / 1000} s`,
  UND_ERR_CONNECT_TIMEOUT: "连接超时 / connection timed out",
  "bad port": "地址中的端口不可用 / the address's port may not be used",
};

/** The reason behind a failed fetch (its `cause`, a system error or undici's), named; else its own text. */
function connectionProblem(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const keys = [cause?.code, (error as Error).name, cause?.message, (error as Error).message];
  for (const key of keys) if (key && CONNECTION_PROBLEMS[key]) return `${CONNECTION_PROBLEMS[key]}（${key}）`;
  return String(cause?.message ?? (error as Error).message);
}

/** 钉钉's signature: HMAC-SHA256 of `timestamp + "\n" + secret` keyed by the secret, base64, then URL-encoded. */
export function dingtalkSign(timestamp: number, secret: string): string {
  const digest = createHmac("sha256", secret).update(`${timestamp}\n${secret}`).digest("base64");
  return encodeURIComponent(digest);
}

export async function send(channel: OpenChannel, message: OutgoingMessage, now: Date): Promise<void> {
  switch (channel.kind) {
    case "wecom":
      return postRobot(channel.webhookUrl, { msgtype: "markdown", markdown: { content: `**${message.title}**\n${message.body}` } });
    case "dingtalk": {
      const timestamp = now.getTime();
      const url = `${channel.webhookUrl}${channel.webhookUrl.includes("?") ? "&" : "?"}timestamp=${timestamp}&sign=${dingtalkSign(timestamp, channel.signSecret)}`;
      return postRobot(url, { msgtype: "markdown", markdown: { title: message.title, text: `#### ${message.title}\n${message.body}` } });
    }
    case "email": {
      const transport = nodemailer.createTransport({
        host: channel.host,
        port: channel.port,
        secure: channel.secure,
        ...(channel.user ? { auth: { user: channel.user, pass: channel.password } } : {}),
        connectionTimeout: TIMEOUT_MS,
        greetingTimeout: TIMEOUT_MS,
        socketTimeout: TIMEOUT_MS,
      });
      try {
        await transport.sendMail({ from: channel.from, to: channel.to, subject: message.title, text: plainText(message.body) });
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        // 5xx: the server refused this message for good (a wrong address, authentication); else try again.
        throw new DeliveryError(`SMTP：${(error as Error).message}`, !(code !== undefined && code >= 500));
      } finally {
        transport.close();
      }
      return;
    }
  }
}

/** Markdown links `[text](url)` as `text：url`, for a mail reader. */
function plainText(markdown: string): string {
  return markdown.replace(/\[([^\]]+)\]\(([^)]+)\)/g, "$1：$2").replace(/\*\*/g, "");
}

/** Messages a robot takes in a minute (企业微信 and 钉钉 both allow 20); mail is the SMTP server's to limit. */
export const PER_MINUTE: Record<OpenChannel["kind"], number> = { wecom: 20, dingtalk: 20, email: 60 };
