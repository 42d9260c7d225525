import { createServer as createHttpServer } from "node:http";
import { createServer } from "node:net";
import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startI18n } from "../i18n/i18n";
import { errorMessage, ForeignAnswer, isFailedFetch, ServerWords, xuejiFetch } from "./client";

/** A port nothing listens on: a real fetch there fails as it does when the server is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("what the pane says when a call fails", () => {
  // happy-dom is not loaded here: document.documentElement is needed by startI18n only for lang. Put back after:
  // the unit project shares a worker's globals between files (vitest.config.ts).
  const hadDocument = "document" in globalThis;
  beforeAll(() => {
    globalThis.document ??= { documentElement: {} } as Document;
  });
  afterAll(() => {
    if (!hadDocument) Reflect.deleteProperty(globalThis, "document");
  });

  it("says offline only for a fetch that never reached the server; any other TypeError is unexpected, with its message, and logged", async () => {
    const i18n = await startI18n("zh-CN");
    const t = i18n.t.bind(i18n);
    const failed = await fetch(`http://127.0.0.1:${await closedPort()}/api/trpc`).catch((e: unknown) => e);
    expect(isFailedFetch(failed)).toBe(true);
    expect(errorMessage(failed, t)).toBe("无法连接学籍服务器，请检查网络或联系教务处。");
    // Chromium's wording of the same failure.
    expect(errorMessage(new TypeError("Failed to fetch"), t)).toBe("无法连接学籍服务器，请检查网络或联系教务处。");

    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    let bug: unknown;
    try {
      (null as unknown as { sheet: string }).sheet;
    } catch (error) {
      bug = error;
    }
    expect(bug).toBeInstanceOf(TypeError);
    const said = errorMessage(bug, t);
    expect(said).toMatch(/^出现意外错误：.*null.*请重试/);
    expect(said).not.toContain("无法连接");
    expect(log).toHaveBeenCalledWith(bug);
    // An Office error: the host's own message is kept.
    expect(errorMessage(Object.assign(new Error("The requested resource doesn't exist."), { code: "ItemNotFound" }), t)).toContain(
      "The requested resource doesn't exist.",
    );
    log.mockRestore();
  });

  it("keeps the server's own refusal (its words and request id) as it is", async () => {
    const i18n = await startI18n("zh-CN");
    // As files.check refuses a file it cannot read: the server's message in the tRPC error shape.
    const refusal = TRPCClientError.from({
      error: { message: "文件不是有效的 .xlsx。（请求编号 7f3a）", code: -32600, data: { httpStatus: 400, appCode: "file.corrupt" } },
    });
    expect(errorMessage(refusal, i18n.t.bind(i18n))).toBe("文件不是有效的 .xlsx。（请求编号 7f3a）");
  });

  it("says a proxy's or gateway's web page is not the server's answer, with its status; the server's plain words as they are", async () => {
    const i18n = await startI18n("zh-CN");
    const t = i18n.t.bind(i18n);
    // A real HTTP server answering as a gateway (an HTML 502), as Xueji refuses a cross-site call (plain text), and in JSON.
    const server = createHttpServer((req, res) => {
      if (req.url === "/gateway") res.writeHead(502, { "content-type": "text/html" }).end("<html><body>Bad Gateway</body></html>");
      else if (req.url === "/refused")
        res.writeHead(403, { "content-type": "text/plain; charset=utf-8" }).end("请求来源不可信（请求编号 7f3a）\n");
      else res.writeHead(200, { "content-type": "application/json" }).end('{"result":{"data":1}}');
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const gateway = await xuejiFetch(`${base}/gateway`).catch((e: unknown) => e);
      expect(gateway).toBeInstanceOf(ForeignAnswer);
      // tRPC hands the link's error on as the cause of its own.
      expect(errorMessage(TRPCClientError.from(gateway as Error), t)).toBe(
        "学籍服务器没有正常应答：收到的是一个网页（HTTP 502），多半来自学校网络的代理或网关，而不是学籍系统。请稍后重试；如果反复出现，请把这段文字告诉教务处。",
      );
      const refused = await xuejiFetch(`${base}/refused`).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ServerWords);
      expect(errorMessage(TRPCClientError.from(refused as Error), t)).toBe("请求来源不可信（请求编号 7f3a）");
      const answer = await xuejiFetch(`${base}/api`);
      expect(await answer.json()).toEqual({ result: { data: 1 } });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
