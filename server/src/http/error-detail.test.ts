import { readFileSync } from "node:fs";
import { join } from "node:path";
import { TRPCError } from "@trpc/server";
import { formatError, formatMessage, type Locale } from "@xueji/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorld, TODAY, type World } from "../../test/world";
import { craftXlsx, sheetXml, textCellXml } from "../files/testing/craft-zip";
import { callFiles, formOf } from "../files/testing/file-calls";
import { createLogger } from "../logger";
import { describeError } from "../trpc";

// What a library says about a broken file (yauzl, saxes) or a tRPC code: for the operator's log only.
const LIBRARY_TEXT = /central directory|signature|zip|xml|sax|unclosed|NOT_FOUND|INTERNAL_SERVER_ERROR|\bat [\w.]+ \(/i;

describe("the reader sees a localised message with the request id; the technical detail goes to the log", () => {
  let w: World;
  let base: string;
  let close: () => void;
  const log: string[] = [];
  beforeAll(async () => {
    w = await makeWorld("pglite");
    ({ base, close } = await w.serve(TODAY, createLogger({ write: (line: string) => log.push(line) })));
  }, 60_000);
  afterAll(async () => {
    close();
    await w.database.close();
  });

  /** The log line of one request, found by the id the response carried. */
  async function requestLine(requestId: string): Promise<Record<string, unknown>> {
    // The line is written when the response closes, a moment after the client has it.
    for (let i = 0; i < 50 && !log.some((l) => l.includes(requestId) && l.includes('"msg":"request"')); i++)
      await new Promise((r) => setTimeout(r, 20));
    const line = log.find((l) => l.includes(requestId) && l.includes('"msg":"request"'));
    expect(line, `a request line for ${requestId}`).toBeDefined();
    return JSON.parse(line as string) as Record<string, unknown>;
  }

  async function upload(bytes: Buffer, name: string, locale: Locale) {
    const answer = await callFiles(base, "check", formOf({ file: new Uint8Array(bytes), name }), {
      authorization: `Bearer ${w.tokens.get("secretary-a")}`,
      "accept-language": locale,
    });
    return { status: answer.status, text: answer.message, requestId: answer.requestId };
  }

  it("a file that is not a workbook: the message says what to do, the log line says what the zip reader said", async () => {
    const bytes = readFileSync(join(import.meta.dirname, "../../fixtures/not-a-workbook.xlsx"));
    for (const locale of ["zh-CN", "en"] as const) {
      const result = await upload(bytes, "学生名单.xlsx", locale);
      expect(result.status).toBe(400);
      expect(result.text).toBe(
        `${formatError("file.corrupt", { file: "学生名单.xlsx" }, locale)}${formatError("request.id", { requestId: result.requestId }, locale)}`,
      );
      expect(result.text).not.toMatch(LIBRARY_TEXT);
      const line = await requestLine(result.requestId);
      expect(line).toMatchObject({ path: "/api/trpc/files.check", status: 400, outcome: "file.corrupt" });
      expect(line.detail).toMatch(/central directory|signature/i);
    }
    expect(formatError("file.corrupt", { file: "学生名单.xlsx" })).toMatch(/^无法读取“学生名单.xlsx”：文件已损坏/);
  });

  it("a worksheet with broken XML: the reader is told which worksheet, the parser's words go to the log", async () => {
    const broken = craftXlsx({
      sheets: [{ name: "在校生", xml: sheetXml([textCellXml("学号", "A1")]).replace("</sheetData>", "<row></sheetData>") }],
    });
    const result = await upload(broken, "名单.xlsx", "zh-CN");
    expect(result.status).toBe(400);
    expect(result.text).toContain("无法读取“名单.xlsx”中的工作表“在校生”：这张工作表的内容已损坏");
    expect(result.text).toContain(`（请求编号 ${result.requestId}）`);
    expect(result.text).not.toMatch(LIBRARY_TEXT);
    const line = await requestLine(result.requestId);
    expect(line).toMatchObject({ outcome: "file.corrupt-sheet" });
    expect(line.detail).toMatch(/^xl\/worksheets\/sheet1\.xml: /);
  });

  it("a sheet with no header says why in the reader's language (not the server's default)", async () => {
    const call = async (locale: Locale) => {
      const response = await fetch(`${base}/api/trpc/sheets.validate`, {
        method: "POST",
        headers: { authorization: `Bearer ${w.tokens.get("secretary-a")}`, "accept-language": locale, "content-type": "application/json" },
        body: JSON.stringify({ termCode: "2025-2026-1", grid: [{ row: 1, cells: [{ value: "随便写写", type: "string" }] }] }),
      });
      return ((await response.json()) as { error: { message: string; data: { appCode: string } } }).error;
    };
    const zh = await call("zh-CN");
    expect(zh.data.appCode).toBe("sheet.unreadable");
    expect(zh.message).toContain(`无法识别这张核对表：${formatMessage("sheet.no-header", { rows: 20 }, "zh-CN")}`);
    const en = await call("en");
    expect(en.message).toContain(`This check sheet cannot be read: ${formatMessage("sheet.no-header", { rows: 20 }, "en")}`);
    expect(en.message).not.toMatch(/在前|没有找到/);
  });

  it("a database failure inside a procedure reads as the one localised internal message", () => {
    const sqlError = new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: new Error('relation "students" does not exist') });
    for (const locale of ["zh-CN", "en"] as const)
      expect(describeError(sqlError, locale)).toEqual({ appCode: "internal", userMessage: formatError("internal", {}, locale) });
  });

  it("a procedure the server does not have is named as such, with no tRPC code or library text; the log line says which", async () => {
    const response = await fetch(`${base}/api/trpc/sheets.nothingHere`, {
      headers: { authorization: `Bearer ${w.tokens.get("registrar")}` },
    });
    const requestId = response.headers.get("x-request-id") as string;
    const error = ((await response.json()) as { error: { message: string } }).error;
    expect(error.message).toBe(`${formatError("request.unknown-procedure", {}, "zh-CN")}（请求编号 ${requestId}）`);
    expect(error.message).not.toMatch(LIBRARY_TEXT);
    expect(await requestLine(requestId)).toMatchObject({ outcome: "request.unknown-procedure", procedure: "sheets.nothingHere" });
  });
});
