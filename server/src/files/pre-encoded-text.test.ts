import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { preEncodedText, withPreEncodedText } from "./pre-encoded-text";

/** What tRPC does with a procedure's answer: JSON.stringify, UTF-8, written as one chunk after a tick. */
async function answer(res: ServerResponse, data: () => Promise<unknown>): Promise<void> {
  const body = new TextEncoder().encode(JSON.stringify({ result: { data: await data() } }));
  res.setHeader("content-type", "application/json");
  res.write(body);
  res.end();
}

describe("text written into the HTTP answer as bytes a file thread made", () => {
  const base64 = Buffer.from("学号,姓名\n2024010001,张三\n".repeat(5_000)).toString("base64");
  let origin: string;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://x");
    // Her own file may hold what looks like a marker: only the one the procedure left is replaced.
    const lookalike = "xueji-pre-encoded-00000000000000000000000000000000";
    if (url.pathname === "/grid")
      withPreEncodedText(res, () => void answer(res, async () => ({ lookalike, base64: preEncodedText(Buffer.from(base64, "latin1")) })));
    else if (url.pathname === "/plain") withPreEncodedText(res, () => void answer(res, async () => ({ lookalike, text: "名单" })));
    else void answer(res, async () => ({ base64: preEncodedText(Buffer.from("QUJD", "latin1")) }));
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());

  it("puts the bytes where the answer held their marker, the rest of the answer as it was", async () => {
    const body = await (await fetch(`${origin}/grid`)).json();
    expect(body).toEqual({ result: { data: { lookalike: "xueji-pre-encoded-00000000000000000000000000000000", base64 } } });
  });

  it("leaves an answer without text pending as it is", async () => {
    expect(await (await fetch(`${origin}/plain`)).json()).toEqual({
      result: { data: { lookalike: "xueji-pre-encoded-00000000000000000000000000000000", text: "名单" } },
    });
  });

  it("is the text itself outside an HTTP request (a caller in the same process, the command line)", async () => {
    expect(await (await fetch(`${origin}/direct`)).json()).toEqual({ result: { data: { base64: "QUJD" } } });
    expect(preEncodedText(Buffer.from(base64, "latin1"))).toBe(base64);
  });
});
