import { CN_HOLIDAYS } from "@xueji/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorld, type World } from "../../test/world";
import { TEST_ENGINES } from "../db/test-database";
import { logStartWarnings } from "./health-warnings";

describe.each(TEST_ENGINES)("warnings about the holiday calendar on %s (issue 11)", (engine) => {
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
        warnings: Array<{ years: number[]; message: Record<string, string> }>;
      };
    } finally {
      close();
    }
  };

  it("says on /api/health and at start that 2026-2027 lacks 2027's public holidays", async () => {
    const body = await health("2026-11-23");
    expect(body.ok).toBe(true);
    expect(body.warnings).toEqual([
      expect.objectContaining({ code: "calendar.holidays-missing", academicYear: "2026-2027", years: [2027] }),
    ]);
    expect(body.warnings[0]?.message["zh-CN"]).toContain("2027 年尚未录入法定节假日安排");
    const lines: string[] = [];
    await logStartWarnings(w.db, "2026-11-23", (l) => lines.push(l));
    expect(lines).toEqual([expect.stringContaining("2026-2027 学年跨越的 2027 年")]);
  });

  it("has nothing to say for a year whose holidays are in, or once the registrar adds them", async () => {
    expect((await health("2025-11-01")).warnings).toEqual([]);
    await (await w.as("registrar-leader")).settings.save({
      kind: "holidays",
      key: "cn",
      validFrom: "2026-2027",
      value: { ...CN_HOLIDAYS, years: [...(CN_HOLIDAYS.years ?? []), 2027], holidays: [...CN_HOLIDAYS.holidays, "2027-01-01"] },
      reason: "国务院办公厅关于2027年部分节假日安排的通知",
    });
    expect((await health("2026-11-23")).warnings).toEqual([]);
  });
});
