// @vitest-environment happy-dom
import { FluentProvider } from "@fluentui/react-components";
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { xuejiLightTheme } from "@xueji/theme";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
// The real schemas and the real check, as the server's settings.schemas and settings.check run them.
import { checkSetting } from "../../../server/src/services/settings/setting-issues";
import { SETTING_KINDS, type SettingKind } from "../../../server/src/services/settings/setting-kinds";
import { settingSchemas } from "../../../server/src/services/settings/setting-schemas";
import { diffValues } from "./diff";
import { SchemaForm } from "./SchemaForm";
import type { FieldIssue, JsonSchema } from "./schema";

afterEach(cleanup);

const KINDS = settingSchemas("zh-CN");
const schemaOf = (kind: string) => KINDS.find((k) => k.kind === kind)?.schema as JsonSchema;

/** The value the server would store for a kind's default (extra keys of the built-in defaults stripped). */
function defaultOf(kind: SettingKind, key: string): unknown {
  const checked = checkSetting(kind, key, SETTING_KINDS[kind].default(key), "zh-CN");
  if (!checked.ok) throw new Error(`default of ${kind}/${key} is invalid: ${JSON.stringify(checked.issues)}`);
  return checked.value;
}

/** The form as the settings page holds it: the value in state, reported after every change. */
function Harness({
  schema,
  initial,
  issues,
  readOnly,
  seen,
}: {
  schema: JsonSchema;
  initial: unknown;
  issues?: FieldIssue[];
  readOnly?: boolean;
  seen: { value: unknown };
}) {
  const [value, setValue] = useState(initial);
  seen.value = value;
  return (
    <FluentProvider theme={xuejiLightTheme}>
      <SchemaForm
        schema={schema}
        value={value}
        issues={issues ?? []}
        readOnly={readOnly ?? false}
        onChange={(next) => {
          seen.value = next;
          setValue(next);
        }}
      />
    </FluentProvider>
  );
}

function mount(kind: SettingKind, key: string, options: { issues?: FieldIssue[]; readOnly?: boolean; value?: unknown } = {}) {
  const seen = { value: undefined as unknown };
  const initial = options.value ?? defaultOf(kind, key);
  render(<Harness schema={schemaOf(kind)} initial={initial} seen={seen} {...options} />);
  return { seen, initial, user: userEvent.setup() };
}

describe("the settings editor generated from each kind's JSON Schema", () => {
  for (const { kind, keys } of KINDS) {
    for (const { key } of keys.slice(0, 2)) {
      it(`renders ${kind}/${key} with a visible label for every field, and leaves an untouched value as it was`, () => {
        const { seen, initial } = mount(kind, key);
        const schema = schemaOf(kind);
        for (const property of Object.values(schema.properties ?? {}))
          expect(screen.getAllByText(property.title as string).length).toBeGreaterThan(0);
        // Every control is named: by its label, or by its column and row in a table.
        // `hidden: true`: every control, shown or not, and without testing-library's visibility check on each element
        // and its ancestors (getComputedStyle in jsdom), which was most of this test's time on the calendar's form.
        const controls = (role: string) => screen.queryAllByRole(role, { hidden: true });
        for (const control of [...controls("textbox"), ...controls("spinbutton"), ...controls("combobox"), ...controls("switch")]) {
          const labelledBy = control.getAttribute("aria-labelledby");
          const named = labelledBy
            ? labelledBy.split(" ").every((id) => document.getElementById(id)?.textContent)
            : document.querySelector(`label[for="${control.id}"]`);
          expect(named, `${kind}: ${control.outerHTML.slice(0, 120)}`).toBeTruthy();
        }
        // No part of a real kind falls back to raw JSON.
        expect(controls("textbox").filter((t) => (t as HTMLTextAreaElement).value.trim().startsWith("{"))).toEqual([]);
        expect(seen.value).toEqual(initial);
        expect(checkSetting(kind, key, seen.value, "zh-CN").ok).toBe(true);
      });
    }
  }

  it("edits a table of bands: a cell, a choice, a switch, and rows added, moved and removed", async () => {
    const { seen, user } = mount("standing-rules", "default");
    const start = seen.value as { termBands: Array<{ from: number; outcome: string }>; passedMakeUpClears: boolean };
    const from1 = screen.getAllByRole("spinbutton")[0] as HTMLInputElement;
    await user.clear(from1);
    await user.type(from1, "8.5");
    await user.tab();
    expect((seen.value as typeof start).termBands[0]).toEqual({ ...start.termBands[0], from: 8.5 });

    await user.click(screen.getByRole("switch"));
    expect((seen.value as typeof start).passedMakeUpClears).toBe(!start.passedMakeUpClears);

    const termSection = screen.getByRole("region", { name: "学期预警档次" });
    await user.click(within(termSection).getByRole("button", { name: "添加一行" }));
    const rows = (seen.value as typeof start).termBands;
    expect(rows).toHaveLength(start.termBands.length + 1);
    expect(rows.at(-1)).toEqual({ from: 0, outcome: "warning-1" });
    const last = rows.length;
    const outcome = within(termSection).getAllByRole("combobox").at(-1) as HTMLElement;
    await user.click(outcome);
    await user.click(await screen.findByRole("option", { name: "二级学业警示" }));
    expect((seen.value as typeof start).termBands.at(-1)?.outcome).toBe("warning-2");

    await user.click(within(termSection).getByRole("button", { name: `上移第 ${last} 行` }));
    expect((seen.value as typeof start).termBands[last - 2]).toEqual({ from: 0, outcome: "warning-2" });
    await user.click(within(termSection).getByRole("button", { name: `删除第 ${last - 1} 行` }));
    expect((seen.value as typeof start).termBands).toHaveLength(start.termBands.length);
    expect(checkSetting("standing-rules", "default", seen.value, "zh-CN").ok).toBe(true);
  });

  it("shows the server's messages at their fields and lists them above the form", async () => {
    const draft = { ...(defaultOf("standing-rules", "default") as object), termBands: [{ from: 120, outcome: "warning-1" }] };
    const checked = checkSetting("standing-rules", "default", draft, "zh-CN");
    if (checked.ok) throw new Error("expected issues");
    const { user } = mount("standing-rules", "default", { value: draft, issues: checked.issues });
    const field = screen.getAllByRole("spinbutton")[0] as HTMLElement;
    expect(field.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (field.getAttribute("aria-describedby") ?? "").split(" ").map((id) => document.getElementById(id)?.textContent);
    expect(describedBy).toContain("不能大于 100。");
    const summary = screen.getByText("草稿有 1 处问题，请在标出的字段修改：").closest("[role=group], div") as HTMLElement;
    const link = within(summary.parentElement as HTMLElement).getByRole("button", {
      name: "学期预警档次 › 第 1 行 › 起点（不及格学分 ≥）",
    });
    await user.click(link);
    expect(document.activeElement).toBe(field);
  });

  it("says which line of a pasted list is wrong, and reads the lines into the list", async () => {
    const { seen, user } = mount("holidays", "cn", { value: { holidays: ["2026-10-01"], makeUpWorkdays: [] } });
    const holidays = screen.getByLabelText("放假日期") as HTMLTextAreaElement;
    await user.type(holidays, "{Enter}2026/10/02{Enter}{Enter}");
    expect(seen.value).toEqual({ holidays: ["2026-10-01", "2026/10/02"], makeUpWorkdays: [] });
    const checked = checkSetting("holidays", "cn", seen.value, "zh-CN");
    expect(checked).toMatchObject({ ok: false, issues: [{ path: ["holidays", 1] }] });
    cleanup();
    mount("holidays", "cn", { value: seen.value, issues: checked.ok ? [] : checked.issues });
    expect(screen.getByText("第 2 行：日期应写成 YYYY-MM-DD，如 2026-10-01。")).toBeTruthy();
  });

  it("switches a sheet column's parser to another shape and fills in that shape's own fields", async () => {
    const template = defaultOf("sheet-template", "roster-returning") as { columns: Array<{ parser: { kind: string } }> };
    const { seen, user } = mount("sheet-template", "roster-returning", { value: template });
    const columns = screen.getByRole("region", { name: "列" });
    const parsers = within(columns)
      .getAllByRole("combobox")
      .filter((c) => (c.getAttribute("aria-labelledby") ?? "").includes("col-parser"));
    await user.click(parsers[0] as HTMLElement);
    await user.click(await screen.findByRole("option", { name: "文本" }));
    const next = seen.value as typeof template;
    expect(next.columns[0]?.parser).toEqual({ kind: "text" });
    await user.type(within(columns).getAllByLabelText("最大值")[0] as HTMLElement, "40{Enter}"); // row 1 comes first; a spin button takes a typed number on Enter or leaving it
    expect((seen.value as typeof template).columns[0]?.parser).toEqual({ kind: "text", max: 40 });
    expect(checkSetting("sheet-template", "roster-returning", seen.value, "zh-CN").ok).toBe(true);
  });

  it("edits the students' age range of 核对规则 by its Chinese labels, and shows a maximum below the minimum at the maximum", async () => {
    const { seen, user } = mount("check-rules", "default");
    expect(screen.getByRole("region", { name: "学生年龄范围" })).toBeTruthy();
    expect(screen.getByText(/按身份证号或出生日期算出的年龄/)).toBeTruthy();
    const min = screen.getByLabelText("最小年龄（岁）") as HTMLInputElement;
    const max = screen.getByLabelText("最大年龄（岁）") as HTMLInputElement;
    expect([min.value, max.value]).toEqual(["12", "80"]);
    await user.clear(max);
    await user.type(max, "10");
    await user.tab();
    expect(seen.value).toEqual({ ageLimits: { min: 12, max: 10 } });
    const checked = checkSetting("check-rules", "default", seen.value, "zh-CN");
    if (checked.ok) throw new Error("expected issues");
    expect(checked.issues).toEqual([{ path: ["ageLimits", "max"], message: "应大于最小值（12）。" }]);
    cleanup();
    mount("check-rules", "default", { value: seen.value, issues: checked.issues });
    const marked = screen.getByLabelText("最大年龄（岁）");
    expect(marked.getAttribute("aria-invalid")).toBe("true");
    const said = (marked.getAttribute("aria-describedby") ?? "").split(" ").map((id) => document.getElementById(id)?.textContent);
    expect(said).toContain("应大于最小值（12）。");
    expect(screen.getByLabelText("最小年龄（岁）").getAttribute("aria-invalid")).not.toBe("true");
  });

  it("edits 学年注册期限, each limit with its seed sentence beside it", async () => {
    const { seen, user } = mount("registration-rules", "default");
    expect(screen.getByText(/开学后两周内到所在学院办理学年注册手续/)).toBeTruthy();
    expect(screen.getByText(/开学后1个月内完成/)).toBeTruthy();
    const weeks = screen.getByLabelText("学生办理注册期限（开学后周数）") as HTMLInputElement;
    const months = screen.getByLabelText("学年电子注册完成期限（开学后月数）") as HTMLInputElement;
    expect([weeks.value, months.value]).toEqual(["2", "1"]);
    await user.clear(months);
    await user.type(months, "2");
    await user.tab();
    expect(seen.value).toEqual({ studentWeeks: 2, completeMonths: 2 });
    expect(checkSetting("registration-rules", "default", seen.value, "zh-CN").ok).toBe(true);
  });

  it("is read-only for those who may not change settings", () => {
    mount("workflow", "suspension", { readOnly: true });
    expect(screen.queryByRole("button", { name: "添加一行" })).toBeNull();
    for (const box of screen.getAllByRole("textbox")) expect((box as HTMLInputElement).readOnly).toBe(true);
    for (const choice of screen.getAllByRole("combobox"))
      expect(choice.hasAttribute("disabled") || choice.getAttribute("aria-disabled") === "true").toBe(true);
  });
});

describe("the difference between two versions", () => {
  it("is said field by field, with the titles and the names of the values", () => {
    const before = defaultOf("standing-rules", "default") as {
      termBands: Array<{ from: number; outcome: string }>;
      countedCourses: string;
    };
    const after = {
      ...before,
      countedCourses: "required",
      termBands: [{ ...before.termBands[0], from: 8 }, ...before.termBands.slice(1), { from: 30, outcome: "warning-2" }],
    };
    const changes = diffValues(schemaOf("standing-rules"), before, after, "zh-CN");
    expect(changes).toEqual([
      {
        path: ["termBands", 0, "from"],
        label: "学期预警档次 › 第 1 行 › 起点（不及格学分 ≥）",
        before: String(before.termBands[0]?.from),
        after: "8",
      },
      {
        path: ["termBands", before.termBands.length],
        label: `学期预警档次 › 第 ${before.termBands.length + 1} 行`,
        before: null,
        after: "起点（不及格学分 ≥）：30；结果：二级学业警示",
      },
      { path: ["countedCourses"], label: "计入的课程", before: "全部课程", after: "仅必修课" },
    ]);
    const english = settingSchemas("en").find((k) => k.kind === "holidays")?.schema as JsonSchema;
    const holidays = diffValues(
      english,
      { holidays: ["2026-10-01"], makeUpWorkdays: [] },
      { holidays: ["2026-10-02"], makeUpWorkdays: [] },
      "en",
    );
    expect(holidays).toEqual([
      { path: ["holidays"], label: "Holidays", before: "2026-10-01", after: null },
      { path: ["holidays"], label: "Holidays", before: null, after: "2026-10-02" },
    ]);
  });
});
