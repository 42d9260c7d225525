import { formatError, MAX_GRID_ROWS, MAX_SHEET_COLUMNS } from "@xueji/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gridOf } from "../../test/grid";
import { makeWorld, type World } from "../../test/world";
import { TEST_ENGINES } from "../db/test-database";

/**
 * What zod should refuse is refused at the boundary, once, as a localised
 * `input.invalid` (400) naming the field — never a 500 from the database.
 */
describe.each(TEST_ENGINES)("inputs refused at the boundary on %s", (engine) => {
  let w: World;
  let http: { base: string; close: () => void };
  beforeAll(async () => {
    w = await makeWorld(engine);
    await w.insertStudents([{ studentNo: "2025010001", name: "张三", collegeId: w.collegeA, majorId: w.majorA, grade: 2025 }]);
    http = await w.serve();
  }, 60_000);
  afterAll(async () => {
    http.close();
    await w.database.close();
  });

  async function call(user: string, path: string, input: unknown, method: "GET" | "POST", locale = "zh-CN") {
    const headers = { authorization: `Bearer ${w.tokens.get(user)}`, "accept-language": locale, "content-type": "application/json" };
    const response =
      method === "GET"
        ? await fetch(`${http.base}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers })
        : await fetch(`${http.base}/api/trpc/${path}`, { method, headers, body: JSON.stringify(input) });
    const body = (await response.json()) as { error?: { message: string; data: { appCode: string } } };
    return { status: response.status, appCode: body.error?.data.appCode, message: body.error?.message ?? "" };
  }

  const cell = (value: string) =>
    gridOf([
      ["学号", "姓名", "注册状态"],
      ["2025010001", value, "已注册"],
    ]);

  it.each([
    ["ids beyond int4", "registrar", "students.list", { collegeId: 2_147_483_648 }, "GET", "collegeId"],
    ["a negative id", "registrar", "applications.timeline", { applicationId: -1 }, "GET", "applicationId"],
    [
      "an id beyond int4 to decide",
      "registrar",
      "applications.decide",
      { applicationId: 2_147_483_648, expectedVersion: 1, action: "advance" },
      "POST",
      "applicationId",
    ],
    ["a NUL in a status filter", "registrar", "students.list", { status: "a\u0000b" }, "GET", "status"],
    [
      "a NUL in a note",
      "secretary-a",
      "applications.file",
      { studentNo: "2025010001", type: "suspension", reasonCode: "99", materials: [], note: "a\u0000b" },
      "POST",
      "note",
    ],
    [
      "a NUL in a file name",
      "secretary-a",
      "sheets.validate",
      { termCode: "2025-2026-1", fileName: "a\u0000b.xlsx", grid: cell("张三") },
      "POST",
      "fileName",
    ],
    [
      "a NUL in a cell",
      "secretary-a",
      "sheets.validate",
      { termCode: "2025-2026-1", grid: cell("张\u0000三") },
      "POST",
      "grid.1.cells.1.value",
    ],
    [
      "a lone surrogate in a cell",
      "secretary-a",
      "sheets.submit",
      { clientId: "surrogate-1", termCode: "2025-2026-1", grid: cell("\ud800") },
      "POST",
      "grid.1.cells.1.value",
    ],
  ] as const)("refuses %s with a localised 400", async (_what, user, path, input, method, field) => {
    const zh = await call(user, path, input, method);
    expect(zh).toMatchObject({ status: 400, appCode: "input.invalid" });
    expect(zh.message).toMatch(/^提交的数据不符合要求：/);
    expect(zh.message).toContain(field);
    expect(zh.message).not.toMatch(/[A-Za-z]{4,} [a-z]{3,}/); // no English sentence inside the Chinese one
    const en = await call(user, path, input, method, "en");
    expect(en.message).toMatch(/^The request is not valid: /);
    expect(en.message).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it("refuses a grid wider than Excel, or longer than a submission takes, with the reader's and the CLI's own messages", async () => {
    const wide = [...gridOf([["学号", "姓名", "注册状态"]]), { row: 2, cells: Array.from({ length: MAX_SHEET_COLUMNS + 1 }, () => null) }];
    for (const locale of ["zh-CN", "en"] as const) {
      const result = await call(
        "secretary-a",
        "sheets.validate",
        { termCode: "2025-2026-1", fileName: "宽表", grid: wide },
        "POST",
        locale,
      );
      expect(result).toMatchObject({ status: 400, appCode: "file.too-many-columns" });
      expect(result.message.startsWith(formatError("file.too-many-columns", { sheet: "宽表", row: 2, limit: 16_384 }, locale))).toBe(true);
    }
    const long = Array.from({ length: MAX_GRID_ROWS + 1 }, (_, i) => ({ row: i + 1, cells: [null] }));
    const tooLong = await call(
      "secretary-a",
      "sheets.submit",
      { clientId: "too-long-1", termCode: "2025-2026-1", fileName: "全校名单.xlsx", grid: long },
      "POST",
    );
    expect(tooLong).toMatchObject({ status: 400, appCode: "sheet.too-many-rows" });
    expect(tooLong.message).toContain(
      formatError("sheet.too-many-rows", { sheet: "全校名单.xlsx", rows: MAX_GRID_ROWS + 1, limit: MAX_GRID_ROWS }),
    );
    // One limit: a row exactly as wide as Excel allows is accepted.
    const widest = [...gridOf([["学号", "姓名", "注册状态"]]), { row: 2, cells: Array.from({ length: MAX_SHEET_COLUMNS }, () => null) }];
    const ok = await call("secretary-a", "sheets.validate", { termCode: "2025-2026-1", grid: widest }, "POST");
    expect(ok.status).toBe(200);
  });

  it("refuses a change naming a major as text, not with a 500", async () => {
    const result = await call(
      "secretary-a",
      "applications.file",
      { studentNo: "2025010001", type: "change-major", reasonCode: "01", materials: [], changes: { majorId: "abc" } },
      "POST",
    );
    expect(result).toMatchObject({ status: 400, appCode: "application.changes-invalid" });
    expect(result.message).toContain("changes.majorId");
  });
});
