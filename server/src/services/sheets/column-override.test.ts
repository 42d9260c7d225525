import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gridOf } from "../../../test/grid";
import { makeWorld, type World } from "../../../test/world";
import { sheetRows, students } from "../../db/schema";
import { TEST_ENGINES } from "../../db/test-database";

// A returning roster as a college kept it: the ID column headed “身份证” (a spelling the reader does
// not know) and the enrolment date under a “出生年月” header.
const HEADER = ["学号", "姓名", "身份证", "出生年月", "注册状态"];
const OVERRIDE = { C: "idNumber", D: "enrolmentDate" } as const;

describe.each(TEST_ENGINES)("a column mapping the secretary set by hand, through the API on %s", (engine) => {
  let w: World;
  let grid: ReturnType<typeof gridOf>;
  beforeAll(async () => {
    w = await makeWorld(engine);
    await w.insertStudents([
      { studentNo: "2025010001", name: "张三", collegeId: w.collegeA, majorId: w.majorA, grade: 2025 },
      { studentNo: "2025010002", name: "李四", collegeId: w.collegeA, majorId: w.majorA, grade: 2025 },
    ]);
    const [zhang] = await w.db.select().from(students).where(eq(students.studentNo, "2025010001"));
    const [li] = await w.db.select().from(students).where(eq(students.studentNo, "2025010002"));
    const liId = li?.idNumber ?? "";
    // 李四's ID number with its last character changed: a checksum the sheet alone shows wrong.
    const wrongLi = `${liId.slice(0, 17)}${liId.endsWith("1") ? "2" : "1"}`;
    grid = gridOf([
      HEADER,
      ["2025010001", "张三", zhang?.idNumber ?? "", "2025-09-01", "已注册"],
      ["2025010002", "李四", wrongLi, "2025-09-01", "已注册"],
    ]);
  }, 60_000);
  afterAll(() => w.database.close());

  it("checks the columns she named: the mis-guessed column's false alarms go, the unread ID column's real error shows", async () => {
    const secretary = await w.as("secretary-a");
    const guessed = await secretary.sheets.validate({ termCode: "2025-2026-1", grid });
    expect(guessed.columns.map((c) => `${c.column}:${c.field}`)).toEqual(["A:studentNo", "B:name", "D:birthDate", "E:registrationStatus"]);
    // Enrolment dates read as birth dates: every problem is in column D, none in the ID column.
    expect(guessed.issues.length).toBeGreaterThan(0);
    expect(new Set(guessed.issues.map((i) => i.column))).toEqual(new Set(["D"]));

    const fixed = await secretary.sheets.validate({ termCode: "2025-2026-1", grid, columns: OVERRIDE });
    expect(fixed.columns.map((c) => `${c.column}:${c.field}`)).toEqual([
      "A:studentNo",
      "B:name",
      "C:idNumber",
      "D:enrolmentDate",
      "E:registrationStatus",
    ]);
    // 张三's row is clean now; 李四's ID is wrong on the sheet and differs from the record.
    expect(fixed.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [3, "C", "id.checksum"],
      [3, "C", "record.identity-changed"],
    ]);
    expect(fixed.issues[0]?.message).toContain("身份证号");
  });

  it("submits with her mapping: rows stored as she read them; the same id with another mapping is refused", async () => {
    const secretary = await w.as("secretary-a");
    const ok = gridOf([HEADER, ...grid.slice(1, 2).map((r) => r.cells.map((c) => (c ? String(c.value) : null)))]);
    const receipt = await secretary.sheets.submit({ clientId: "override-0001", termCode: "2025-2026-1", grid: ok, columns: OVERRIDE });
    expect(receipt).toMatchObject({ kind: "roster-returning", rows: 1, rowsWithErrors: 0, duplicate: false });
    const [row] = await w.db.select().from(sheetRows).where(eq(sheetRows.submissionId, receipt.submissionId));
    expect(row?.values).toMatchObject({ enrolmentDate: "2025-09-01", idNumber: { id: expect.stringMatching(/^\d{17}[\dX]$/) } });
    expect(row?.values).not.toHaveProperty("birthDate");

    const again = await secretary.sheets.submit({ clientId: "override-0001", termCode: "2025-2026-1", grid: ok, columns: OVERRIDE });
    expect(again).toMatchObject({ submissionId: receipt.submissionId, duplicate: true });
    const other = await secretary.sheets
      .submit({ clientId: "override-0001", termCode: "2025-2026-1", grid: ok, columns: { C: "idNumber" } })
      .catch((e: unknown) => e);
    expect(other).toBeInstanceOf(TRPCError);
    expect(other).toMatchObject({ cause: { code: "sheet.client-id-reused" } });
  });

  it("refuses an unknown field, a field given twice and a non-column with a localised error naming the column", async () => {
    const http = await w.serve();
    const send = async (columns: unknown, locale: string) => {
      const response = await fetch(`${http.base}/api/trpc/sheets.validate`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${w.tokens.get("secretary-a")}`,
          "content-type": "application/json",
          "accept-language": locale,
        },
        body: JSON.stringify({ termCode: "2025-2026-1", grid, columns }),
      });
      expect(response.status).toBe(400);
      const { error } = (await response.json()) as { error: { message: string; data: { appCode: string } } };
      expect(error.data.appCode).toBe("input.invalid");
      return error.message;
    };
    try {
      expect(await send({ C: "shoeSize" }, "zh-CN")).toContain("“columns.C”所选的字段不存在");
      expect(await send({ C: "shoeSize" }, "en")).toContain("“columns.C” names a field that does not exist");
      expect(await send({ C: "idNumber", F: "idNumber" }, "zh-CN")).toContain("“columns.F”所选的字段已指定给另一列");
      expect(await send({ C: "idNumber", F: "idNumber" }, "en")).toContain("a field can have only one column");
      expect(await send({ "3": "name" }, "zh-CN")).toContain("“columns.3”不是工作表中的列");
      // Past Excel's last column (XFD), the one limit the reader and the server share.
      const en = await send({ XFE: "name" }, "en");
      expect(en).toContain("“columns.XFE” is not a column of the sheet");
      expect(en).not.toMatch(/[\u4e00-\u9fff]/);
    } finally {
      http.close();
    }
  });
});
