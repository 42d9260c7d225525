import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TRPCError } from "@trpc/server";
import { AppError } from "@xueji/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gridOf } from "../../../test/grid";
import { makeWorld, type World } from "../../../test/world";
import { clientIdFor } from "../../cli/submit";
import { TEST_ENGINES } from "../../db/test-database";

const HEADER = ["学号", "姓名", "注册状态"];

/** A client id is the sender's, per college and submitter — never another college's receipt. */
describe.each(TEST_ENGINES)("client ids per college and submitter on %s", (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(engine);
    await w.insertStudents([
      { studentNo: "2025010001", name: "张三", collegeId: w.collegeA, majorId: w.majorA, grade: 2025 },
      { studentNo: "2025020001", name: "赵六", collegeId: w.collegeB, majorId: w.majorB, grade: 2025 },
    ]);
  }, 60_000);
  afterAll(() => w.database.close());

  it("stores college A's sheet although college B already used the same client id", async () => {
    const fromB = await (await w.as("secretary-b")).sheets.submit({
      clientId: "shared-id-1",
      termCode: "2025-2026-1",
      grid: gridOf([HEADER, ["2025020001", "赵六", "已注册"]]),
    });
    const fromA = await (await w.as("secretary-a")).sheets.submit({
      clientId: "shared-id-1",
      termCode: "2025-2026-1",
      grid: gridOf([HEADER, ["2025010001", "张三", "已注册"]]),
    });
    expect(fromB).toMatchObject({ collegeId: w.collegeB, duplicate: false });
    expect(fromA).toMatchObject({ collegeId: w.collegeA, duplicate: false, rows: 1 });
    expect(fromA.submissionId).not.toBe(fromB.submissionId);
  });

  it("answers the same id and content with the first receipt, and other content with a clear 409", async () => {
    const secretary = await w.as("secretary-a");
    const input = { clientId: "resend-1", termCode: "2025-2026-2", grid: gridOf([HEADER, ["2025010001", "张三", "已注册"]]) };
    const first = await secretary.sheets.submit(input);
    expect(await secretary.sheets.submit(input)).toEqual({ ...first, duplicate: true });
    const error = await secretary.sheets
      .submit({ ...input, grid: gridOf([HEADER, ["2025010001", "张三", "暂缓注册"]]) })
      .catch((e: TRPCError) => e);
    expect(error).toMatchObject({ code: "CONFLICT", cause: { code: "sheet.client-id-reused" } });
    const cause = (error as TRPCError).cause as AppError;
    expect(cause).toBeInstanceOf(AppError);
    expect(cause.userMessage()).toBe("提交编号“resend-1”已用于另一份内容不同的核对表（第 1 版），这次没有保存。请用新的提交编号重新提交。");
    expect(cause.userMessage("en")).toContain("was already used for a different sheet");
    // Another term under the same id is other content too.
    await expect(secretary.sheets.submit({ ...input, termCode: "2026-2027-1" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("gives the command line's client id the college, so two colleges sending one file never collide", async () => {
    const file = join(tmpdir(), `same-file-${engine}.csv`);
    await writeFile(file, "学号,姓名,注册状态\n2025010001,张三,已注册\n");
    const options = { server: "http://x", term: "2025-2026-1" };
    const a = await clientIdFor(file, { ...options, collegeId: w.collegeA });
    expect(a).toBe(await clientIdFor(file, { ...options, collegeId: w.collegeA }));
    expect(a).not.toBe(await clientIdFor(file, { ...options, collegeId: w.collegeB }));
  });
});
