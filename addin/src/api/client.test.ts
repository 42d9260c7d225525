import { createServer } from "node:net";
import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startI18n } from "../i18n/i18n";
import { errorMessage, isFailedFetch } from "./client";

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
});
