import { DEFAULT_REGISTRAR_CALENDAR, DEFAULT_STANDING_RULES } from "@xueji/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAILED_HEADER, failedRows, gridOf } from "../../../test/grid";
import { makeWorld, type World } from "../../../test/world";
import { TEST_ENGINES } from "../../db/test-database";
import { SETTING_KIND_NAMES } from "./setting-kinds";

const { termBands, yearBands, countedCourses, passedMakeUpClears, repeatFailureInYear } = DEFAULT_STANDING_RULES;
const DEFAULT_RULES = { termBands: [...termBands], yearBands: [...yearBands], countedCourses, passedMakeUpClears, repeatFailureInYear };
const STRICTER = { ...DEFAULT_RULES, termBands: [{ from: 8, outcome: "warning-1" as const }, ...DEFAULT_RULES.termBands.slice(1)] };

describe.each(TEST_ENGINES)("settings published from the dashboard on %s", (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(engine);
    await w.insertStudents([{ studentNo: "2023010001", name: "学生甲", collegeId: w.collegeA, majorId: w.majorA, grade: 2023 }]);
  }, 60_000);
  afterAll(() => w.database.close());

  it("publishes every kind's JSON Schema with titles in the reader's language", async () => {
    const staff = await w.as("registrar");
    const zh = await staff.settings.schemas({});
    expect(zh.map((k) => k.kind)).toEqual(SETTING_KIND_NAMES);
    const rules = zh.find((k) => k.kind === "standing-rules");
    expect(rules?.title).toBe("学业预警规则");
    type Node = { title?: string; enum?: unknown[]; items: { properties: Record<string, Record<string, unknown>> } };
    const propertiesOf = (kind: string) => {
      const found = zh.find((k) => k.kind === kind);
      if (!found) throw new Error(`no schema for ${kind}`);
      return found.schema.properties as Record<string, Node>;
    };
    const band = propertiesOf("standing-rules").termBands;
    expect(band?.title).toBe("学期预警档次");
    expect(band?.items.properties.from).toMatchObject({ title: "起点（不及格学分 ≥）", type: "number", minimum: 0, maximum: 100 });
    expect(band?.items.properties.outcome?.["x-enum-labels"]).toEqual({ "warning-1": "一级学业警示", "warning-2": "二级学业警示" });
    const workflow = zh.find((k) => k.kind === "workflow");
    expect(workflow?.keys).toContainEqual({ key: "suspension", label: "休学" });
    const calendarTerm = propertiesOf("registrar-calendar").tasks?.items.properties.term;
    expect(calendarTerm).toMatchObject({ enum: [1, 2] }); // a union of constants becomes an enum the editor offers
    const en = await staff.settings.schemas({ locale: "en" });
    expect(en.find((k) => k.kind === "standing-rules")?.title).toBe("Academic standing rules");
    // Every field is named in the reader's language: no title of the English schemas is in Chinese.
    const titles = (node: unknown): string[] =>
      node && typeof node === "object"
        ? Object.entries(node).flatMap(([k, v]) => (k === "title" && typeof v === "string" ? [v] : titles(v)))
        : [];
    const chinese = en
      .flatMap((k) => [k.title, ...titles(k.schema)].map((t) => `${k.kind}: ${t}`))
      .filter((t) => /\p{Script=Han}/u.test(t));
    expect(chinese).toEqual([]);
    // And every field has a name: the editor heads a field without one by its raw key (keywords, fromStandingRules).
    const untitled = (node: unknown, at: string): string[] => {
      if (!node || typeof node !== "object") return [];
      const own = Object.entries((node as { properties?: Record<string, { title?: string }> }).properties ?? {})
        .filter(([name, property]) => !property.title || property.title === name)
        .map(([name]) => `${at}.${name}`);
      return [...own, ...Object.entries(node).flatMap(([k, v]) => untitled(v, k === "properties" || k === "items" ? at : `${at}.${k}`))];
    };
    expect(zh.flatMap((k) => untitled(k.schema, k.kind))).toEqual([]);
    expect(en.find((k) => k.kind === "graduation-audit")?.schema.properties).toMatchObject({ photo: { title: "Graduate photo" } });
  });

  it("says a calendar task without a week, a month or “no fixed time” in the reader's language", async () => {
    const leader = await w.as("registrar-leader");
    // A task with none of the four (absent, as JSON on the wire has them: the value is checked as JSON).
    const {
      fromWeek: _fromWeek,
      toWeek: _toWeek,
      month: _month,
      onRequest: _onRequest,
      ...task
    } = DEFAULT_REGISTRAR_CALENDAR[0] as (typeof DEFAULT_REGISTRAR_CALENDAR)[number] & {
      fromWeek?: number;
      toWeek?: number;
      month?: number;
      onRequest?: boolean;
    };
    const value = { tasks: [task] };
    const zh = await leader.settings.check({ kind: "registrar-calendar", key: "default", value });
    expect(zh).toEqual({ ok: false, issues: [{ path: ["tasks", 0], message: "需要教学周、月份或“无确定时间”之一。" }] });
    const en = await leader.settings.check({ kind: "registrar-calendar", key: "default", value, locale: "en" });
    expect(en).toEqual({ ok: false, issues: [{ path: ["tasks", 0], message: "Give a teaching week, a month or “no fixed time”." }] });
  });

  it("refuses an invalid draft with a message at each field, in the reader's language, saving nothing", async () => {
    const leader = await w.as("registrar-leader");
    const draft = { ...DEFAULT_RULES, termBands: [{ from: 120, outcome: "warning-1" }, { outcome: "warning-9" }] };
    const checked = await leader.settings.check({ kind: "standing-rules", key: "default", value: draft });
    expect(checked).toEqual({
      ok: false,
      issues: [
        { path: ["termBands", 0, "from"], message: "不能大于 100。" },
        { path: ["termBands", 1, "from"], message: "必填。" },
        { path: ["termBands", 1, "outcome"], message: "请从列表中选择。" },
      ],
    });
    const published = await leader.settings.publish({
      kind: "standing-rules",
      key: "default",
      validFrom: "2026-2027",
      value: draft,
      reason: "测试",
      locale: "en",
    });
    expect(published).toMatchObject({
      status: "invalid",
      issues: expect.arrayContaining([{ path: ["termBands", 0, "from"], message: "Must be at most 100." }]),
    });
    expect((await leader.settings.versions({ kind: "standing-rules", key: "default" })).map((v) => v.version)).toEqual([0]);
    const holidays = await leader.settings.check({ kind: "holidays", key: "cn", value: { holidays: ["2026/10/01"], makeUpWorkdays: [] } });
    expect(holidays).toMatchObject({ ok: false, issues: [{ path: ["holidays", 0], message: "日期应写成 YYYY-MM-DD，如 2026-10-01。" }] });
    // The right shape, but no such day: refused at the field too, before it could reach a deadline.
    const noSuchDay = await leader.settings.check({
      kind: "holidays",
      key: "cn",
      value: { holidays: ["2026-10-01", "2026-02-30"], makeUpWorkdays: [] },
    });
    expect(noSuchDay).toMatchObject({ ok: false, issues: [{ path: ["holidays", 1], message: "日期应写成 YYYY-MM-DD，如 2026-10-01。" }] });
  });

  it("publishes from a year, lists versions with their author, restores a past one as a new version, and audits both", async () => {
    const leader = await w.as("registrar-leader");
    const published = await leader.settings.publish({
      kind: "standing-rules",
      key: "default",
      validFrom: "2026-2027",
      value: STRICTER,
      reason: "修订",
    });
    expect(published).toEqual({ status: "published", version: 1, validFrom: "2026-2027" });
    const overview = await leader.settings.overview({ academicYear: "2025-2026" });
    expect(overview.find((o) => o.kind === "standing-rules")).toMatchObject({
      inForce: { version: 0, validFrom: null },
      latest: { version: 1, validFrom: "2026-2027" },
      versions: 1,
    });
    const restored = await leader.settings.restore({
      kind: "standing-rules",
      key: "default",
      version: 0,
      validFrom: "2026-2027",
      reason: "恢复默认规则",
    });
    expect(restored).toEqual({ status: "published", version: 2, validFrom: "2026-2027" });
    const versions = await leader.settings.versions({ kind: "standing-rules", key: "default" });
    expect(versions.map((v) => [v.version, v.reason, v.author])).toEqual([
      [2, "恢复默认规则", "registrar-leader"],
      [1, "修订", "registrar-leader"],
      [0, null, null],
    ]);
    expect(versions[0]?.value).toEqual(DEFAULT_RULES);
    expect((await leader.settings.current({ kind: "standing-rules", key: "default", academicYear: "2026-2027" })).version).toBe(2);
    const admin = await w.as("admin");
    const events = (await admin.auditLog.list({})).items.filter((e) => e.entity === "setting");
    expect(events.map((e) => [e.action, (e.after as { version: number; restoredFrom?: number }).restoredFrom])).toEqual([
      ["setting.restore", 0],
      ["setting.save", undefined],
    ]);
    expect(await admin.auditLog.verify()).toMatchObject({ ok: true });
    await expect(
      leader.settings.restore({ kind: "standing-rules", key: "default", version: 9, validFrom: "2026-2027", reason: "没有" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("previews who would change outcome, by name and college", async () => {
    const rows = failedRows("2023010001", "学生甲", "2025-2026-1", 9);
    const receipt = await (await w.as("secretary-a")).sheets.submit({
      clientId: "publication-preview",
      termCode: "2025-2026-1",
      kind: "failed-courses",
      grid: gridOf([FAILED_HEADER, ...rows]),
    });
    await (await w.as("registrar")).sheets.review({ submissionId: receipt.submissionId, decision: "accept" });
    const preview = await (await w.as("registrar")).settings.previewStandingRules({ academicYear: "2025-2026", value: STRICTER });
    expect(preview.movers).toEqual([
      { studentNo: "2023010001", name: "学生甲", college: "信息工程学院", yearFailedCredits: 9, from: "none", to: "warning-1" },
    ]);
  });

  it("lets registrar staff read but not publish or restore", async () => {
    const staff = await w.as("registrar");
    await expect(
      staff.settings.publish({ kind: "holidays", key: "cn", validFrom: "2026-2027", value: {}, reason: "测试" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      staff.settings.restore({ kind: "holidays", key: "cn", version: 0, validFrom: "2026-2027", reason: "测试" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(staff.settings.versions({ kind: "holidays", key: "cn" })).resolves.toHaveLength(1);
    await expect((await w.as("secretary-a")).settings.schemas({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
