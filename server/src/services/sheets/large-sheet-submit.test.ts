import { DEFAULT_TEMPLATES } from "@xueji/shared";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gridOf } from "../../../test/grid";
import { makeWorld, type World } from "../../../test/world";
import { sheetRows, sheetSubmissions } from "../../db/schema";
import { TEST_ENGINES } from "../../db/test-database";
import { canonicalSha256 } from "../audit-log/canonical-hash";

const HEADER = ["学号", "姓名", "注册状态"];
const KNOWN = 8000;
const ROWS = 12_000;
const studentNo = (i: number) => `2025${String(i).padStart(6, "0")}`;
const STEMS = "甲乙丙丁戊己庚辛壬癸";
const nameOf = (i: number) => `学生${STEMS[i % 10]}${STEMS[Math.floor(i / 10) % 10]}${STEMS[Math.floor(i / 100) % 10]}`;

/**
 * A sheet of many thousand rows: submit hashes it and checks it against the record a slice at a time,
 * between the database's answers (on PostgreSQL while its rows are stored). The rows stored and the hash
 * must be what the whole sheet checked and hashed at once gives — sheets.validate's verdict, canonicalSha256.
 */
describe.each(TEST_ENGINES)("a large sheet submitted on %s", (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(engine);
    await w.insertStudents(
      Array.from({ length: KNOWN }, (_, i) => ({
        studentNo: studentNo(i),
        name: nameOf(i),
        collegeId: w.collegeA,
        majorId: w.majorA,
        grade: 2025,
      })),
    );
    // Errors the record finds are stored, not refused: a template that takes sheets with errors.
    const { kind: _k, version: _v, ...template } = DEFAULT_TEMPLATES["roster-returning"];
    await (await w.as("registrar-leader")).settings.publish({
      kind: "sheet-template",
      key: "roster-returning",
      validFrom: "2025-2026",
      value: { ...template, allowSubmitWithErrors: true },
      reason: "大表带错误提交",
    });
  }, 120_000);
  afterAll(() => w.database.close());

  it("stores every row with the issues of the whole sheet's check, and the whole grid's hash", async () => {
    // Every third row a student the record does not have, every third a changed name, spread over every slice.
    const grid = gridOf([
      HEADER,
      ...Array.from({ length: ROWS }, (_, i) => {
        if (i % 3 === 0) return [studentNo(900_000 + i), nameOf(i), "已注册"];
        const known = i - Math.ceil(i / 3);
        return [studentNo(known), i % 3 === 1 ? `${nameOf(known)}子` : nameOf(known), "已注册"];
      }),
    ]);
    const secretary = await w.as("secretary-a");
    const verdict = await secretary.sheets.validate({ termCode: "2025-2026-1", grid });
    const codes = new Set(verdict.issues.map((i) => i.code));
    expect(codes).toEqual(new Set(["record.unknown-student", "record.identity-changed"]));
    const receipt = await secretary.sheets.submit({ clientId: "large-sheet-0001", termCode: "2025-2026-1", grid });
    const errors = verdict.issues.filter((i) => i.severity === "error");
    expect(receipt).toMatchObject({ rows: ROWS, errors: errors.length, rowsWithErrors: new Set(errors.map((i) => i.row)).size });

    const stored = await w.db
      .select({ row: sheetRows.rowNumber, issues: sheetRows.issues, errors: sheetRows.errorCount })
      .from(sheetRows)
      .where(eq(sheetRows.submissionId, receipt.submissionId))
      .orderBy(sheetRows.rowNumber);
    const expected = new Map<number, Array<[string, string | null]>>();
    const errorsOn = new Map<number, number>();
    for (const i of verdict.issues) {
      expected.set(i.row as number, [...(expected.get(i.row as number) ?? []), [i.code, i.suggestion ?? null]]);
      if (i.severity === "error") errorsOn.set(i.row as number, (errorsOn.get(i.row as number) ?? 0) + 1);
    }
    expect(stored).toHaveLength(ROWS);
    expect(stored.map((r) => [r.row, r.issues.map((i) => [i.code, i.suggestion ?? null]), r.errors])).toEqual(
      stored.map((r) => [r.row, expected.get(r.row) ?? [], errorsOn.get(r.row) ?? 0]),
    );
    const [saved] = await w.db.select().from(sheetSubmissions).where(eq(sheetSubmissions.id, receipt.submissionId));
    expect(saved?.contentHash).toBe(canonicalSha256(grid));
  }, 120_000);
});
