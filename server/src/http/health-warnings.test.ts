import { CN_HOLIDAYS } from "@xueji/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorld, type World } from "../../test/world";
import { TEST_ENGINES } from "../db/test-database";
import { logStartWarnings } from "./health-warnings";

describe.each(TEST_ENGINES)("warnings about the holiday calendar on %s", (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(engine);
  }, 60_000);
  afterAll(() => w.database.close());

  const health = async (today: string) => {
    const { base, close } = await w.serve(today);
    try {
      return (await (await fetch(`${base}/api/health`)).json()) as {
        ok: boolean;
        warnings: Array<{ code: string; years: number[]; message: Record<string, string> }>;
      };
    } finally {
      close();
    }
  };

  it("says on /api/health and at start that 2026-2027 lacks 2027's public holidays", async () => {
    const body = await health("2026-11-23");
    expect(body.ok).toBe(true);
    const holidays = body.warnings.filter((w) => w.code === "calendar.holidays-missing");
    expect(holidays).toEqual([expect.objectContaining({ code: "calendar.holidays-missing", academicYear: "2026-2027", years: [2027] })]);
    expect(holidays[0]?.message["zh-CN"]).toContain("2027 年尚未录入法定节假日安排");
    const lines: string[] = [];
    await logStartWarnings(w.db, "2026-11-23", (l) => lines.push(l));
    expect(lines).toEqual(expect.arrayContaining([expect.stringContaining("2026-2027 学年跨越的 2027 年")]));
  });

  it("has nothing to say for a year whose holidays are in, or once the registrar adds them", async () => {
    const holidaysOnly = async (today: string) => (await health(today)).warnings.filter((w) => w.code === "calendar.holidays-missing");
    expect(await holidaysOnly("2025-11-01")).toEqual([]);
    expect(
      await (await w.as("registrar-leader")).settings.publish({
        kind: "holidays",
        key: "cn",
        validFrom: "2026-2027",
        value: { ...CN_HOLIDAYS, years: [...(CN_HOLIDAYS.years ?? []), 2027], holidays: [...CN_HOLIDAYS.holidays, "2027-01-01"] },
        reason: "国务院办公厅关于2027年部分节假日安排的通知",
      }),
    ).toMatchObject({ status: "published" });
    expect(await holidaysOnly("2026-11-23")).toEqual([]);
  });

  it("carries each missing piece of the set-up as a warning, in Chinese, until it is done", async () => {
    // The small world has colleges, majors, terms and secretaries, but no school record, no published
    // registrar calendar and no students or results.
    const codes = (await health("2026-11-23")).warnings.map((x) => x.code);
    expect(codes).toEqual(["setup.school", "setup.registrar-calendar", "setup.record"]);
    await (await w.as("admin")).organisation.saveSchool({ name: "滨江大学", code: "12345", presidentName: "周明远" });
    const after = (await health("2026-11-23")).warnings;
    expect(after.map((x) => x.code)).toEqual(["setup.registrar-calendar", "setup.record"]);
    expect(after[0]?.message["zh-CN"]).toBe("发布 2026-2027 学年的学籍管理时间安排表");
  });
});
