import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** What a robot received: the parsed JSON body and the query string it was posted to. */
export interface RobotDelivery {
  body: { msgtype: string; markdown: { content?: string; title?: string; text?: string } };
  query: URLSearchParams;
}

/**
 * A stand-in for a 企业微信 or 钉钉 group robot on loopback, answering as they do: HTTP 200 with an
 * `errcode` (0 when taken). The 钉钉 one checks the signature (timestamp + "\n" + secret, HMAC-SHA256,
 * base64, URL-encoded) and refuses a wrong one with errcode 310000. Both take 20 messages a minute
 * (the minute is the test's: `nextMinute()` starts a new one) and refuse more with their rate errcode.
 * `down()` and `up()` take it off the port and back, to stand for an outage; `answerAfterMs` makes it slow.
 */
export async function startRobot(kind: "wecom" | "dingtalk", secret = "", options: { answerAfterMs?: number } = {}) {
  const received: RobotDelivery[] = [];
  let refusedForRate = 0;
  let badSignatures = 0;
  let thisMinute = 0;
  const handler = (req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const answer = (errcode: number, errmsg: string) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ errcode, errmsg }));
      };
      if (kind === "dingtalk") {
        const timestamp = url.searchParams.get("timestamp") ?? "";
        // searchParams decodes once: the sign arrives URL-encoded, as 钉钉 requires.
        const want = createHmac("sha256", secret).update(`${timestamp}\n${secret}`).digest("base64");
        if (url.searchParams.get("sign") !== want) {
          badSignatures++;
          return answer(310000, "sign not match");
        }
      }
      if (thisMinute >= 20) {
        refusedForRate++;
        return kind === "wecom" ? answer(45009, "api freq out of limit") : answer(130101, "send too fast");
      }
      thisMinute++;
      received.push({ body: JSON.parse(Buffer.concat(chunks).toString("utf8")), query: url.searchParams });
      // A slow robot: the message is taken before the sender hears so (a sender killed meanwhile never does).
      if (options.answerAfterMs) setTimeout(() => answer(0, "ok"), options.answerAfterMs);
      else answer(0, "ok");
    });
  };
  let server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const path = kind === "wecom" ? "/cgi-bin/webhook/send?key=test-key" : "/robot/send?access_token=test-token";
  return {
    url: `http://127.0.0.1:${port}${path}`,
    received,
    texts: () => received.map((r) => r.body.markdown.content ?? r.body.markdown.text ?? ""),
    stats: () => ({ refusedForRate, badSignatures }),
    nextMinute: () => {
      thisMinute = 0;
    },
    down: () => new Promise<void>((resolve) => server.close(() => resolve())),
    up: async () => {
      server = createServer(handler);
      await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    },
    close: () => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve())),
  };
}

/** An SMTP server on loopback (the `smtp-server` package) that takes mail for one user and password. */
export async function startSmtp(user: string, password: string) {
  const mails: Array<{ from: string; to: string[]; raw: string }> = [];
  const server = new SMTPServer({
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === password) return callback(null, { user });
      return callback(new Error("Invalid username or password"));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
