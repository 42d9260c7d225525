// @vitest-environment happy-dom
import { cleanup, render, screen } from "@testing-library/react";
import { APPLICATION_TYPES, DEFAULT_WORKFLOWS, stagesOf } from "@xueji/shared";
import { afterEach, describe, expect, it } from "vitest";
import type { ApplicationRow } from "../../api/applications";
import type { Reference } from "../../api/reference";
import { VirtualTable } from "../../components/virtual-table";
import { i18n } from "../../i18n";
import { layOutVirtualTables } from "../../test/layout";
import { Providers } from "../../test/providers";
import { applicationColumns, COLUMN_IDS, DEFAULT_COLUMNS } from "./columns";
import { applicationGroupHeader, orderByGroup } from "./grouping";

afterEach(cleanup);
layOutVirtualTables();

const TODAY = "2026-11-23";
const COLLEGES = [
  { id: 1, code: "01", name: "信息工程学院" },
  { id: 2, code: "02", name: "外国语学院" },
  { id: 3, code: "03", name: "经济管理学院" },
  { id: 4, code: "04", name: "艺术设计学院" },
];
/** The reference data as `reference.all` builds it (server/src/services/reference/reference-data.ts), from the default workflows. */
const REFERENCE: Reference = {
  today: TODAY,
  academicYear: "2026-2027",
  currentTerm: "2026-2027-1",
  colleges: COLLEGES,
  majors: [],
  terms: [],
  workflows: APPLICATION_TYPES.map((type) => {
    const w = DEFAULT_WORKFLOWS[type];
    return {
      type,
      version: 1,
      name: w.name,
      stages: stagesOf(w),
      decidingStages: w.stages.map((s) => ({ key: s.key, name: s.name, role: s.role })),
      reasons: w.reasons.map((r) => ({ code: r.code, name: r.name, materials: [...r.materials] })),
      materials: [...w.materials],
      changes: [...w.changes],
      deadlineWorkingDays: w.deadlineWorkingDays,
      period: w.period ? { maxDays: w.period.maxDays ?? null } : null,
    };
  }),
};

let serial = 0;
function application(over: Partial<ApplicationRow>): ApplicationRow {
  serial++;
  return {
    id: serial,
    type: "suspension",
    stage: "college",
    state: "open",
    version: 2,
    studentNo: `20250107${String(serial).padStart(2, "0")}`,
    name: "欧阳娜娜",
    collegeId: 1,
    collegeName: "信息工程学院",
    reasonCode: DEFAULT_WORKFLOWS.suspension.reasons[0]?.code as string,
    filedAt: "2026-11-20T02:30:00.000Z",
    dueOn: "2026-11-27",
    noticeNo: null,
    executedOn: null,
    deregistrationDueOn: null,
    ...over,
  };
}

function renderList(rows: ApplicationRow[], locale: "zh-CN" | "en" = "zh-CN") {
  void i18n.changeLanguage(locale);
  const t = i18n.getFixedT(locale);
  render(
    <Providers>
      <VirtualTable<ApplicationRow>
        label="学籍异动"
        data={rows}
        columns={applicationColumns(t, locale, REFERENCE, TODAY)}
        getRowId={(r) => String(r.id)}
        // The columns a reader sees before choosing (as the page passes them).
        columnVisibility={Object.fromEntries(COLUMN_IDS.map((id) => [id, DEFAULT_COLUMNS.includes(id)]))}
        height={600}
      />
    </Providers>,
  );
  return [...document.querySelectorAll("tbody tr[data-index]")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent));
}

describe("the applications table's columns", () => {
  afterEach(() => void i18n.changeLanguage("zh-CN"));

  it("writes the filing time in China's time and the deadline as zh-CN dates, with the type and stage by name", () => {
    const [cells] = renderList([application({ id: 7, studentNo: "2025010701" })]);
    const headers = screen.getAllByRole("columnheader").map((h) => h.textContent);
    expect(headers).toEqual(["编号", "学号", "姓名", "学院", "异动类型", "当前环节", "申请时间", "办理期限"]);
    // 02:30 UTC is 10:30 in Beijing.
    expect(cells).toEqual(["7", "2025010701", "欧阳娜娜", "信息工程学院", "休学", "二级学院审核", "2026/11/20 10:30", "2026/11/27"]);
  });

  it("writes the same row in the English reader's locale", () => {
    const [cells] = renderList([application({})], "en");
    expect(cells?.slice(4)).toEqual(["Suspension", expect.stringMatching(/college/i), "11/20/2026, 10:30", "11/27/2026"]);
  });

  it("marks an open application past its deadline as overdue, and neither a finished one nor one still in time", () => {
    const rows = renderList([
      application({ dueOn: "2026-11-20" }),
      application({ dueOn: "2026-11-20", state: "done", stage: "effective" }),
      application({ dueOn: TODAY }),
      application({ dueOn: null, stage: "draft" }),
      // Executed, at 上报: its 办理期限 was met, so not overdue (as the heat map and 只看逾期 count it).
      application({ dueOn: "2026-11-10", stage: "reported", executedOn: "2026-11-09", noticeNo: "2026-0001" }),
      // Executed 退学 whose 学籍注销 is past its 15 working days (seed 003 第十二条): overdue, by that date.
      application({
        type: "withdrawal",
        dueOn: "2026-11-10",
        stage: "reported",
        executedOn: "2026-10-20",
        deregistrationDueOn: "2026-11-10",
      }),
    ]);
    expect(rows.map((cells) => cells.at(-1))).toEqual(["2026/11/20逾期", "2026/11/20", "2026/11/23", "", "2026/11/10", "2026/11/10逾期"]);
  });
});

describe("grouping the loaded applications", () => {
  it("orders colleges by their names in pinyin (Intl.Collator zh-CN), not by character code, keeping the server's order inside a group", () => {
    const rows = [4, 1, 2, 3, 1, 2].map((collegeId, i) =>
      application({ id: 100 + i, collegeId, collegeName: COLLEGES[collegeId - 1]?.name as string }),
    );
    const ordered = orderByGroup(rows, "college", REFERENCE, "zh-CN");
    // 经 jīng, 外 wài, 信 xìn, 艺 yì — by code point it would be 信 外 经 艺.
    expect(ordered.map((r) => [r.collegeName, r.id])).toEqual([
      ["经济管理学院", 103],
      ["外国语学院", 102],
      ["外国语学院", 105],
      ["信息工程学院", 101],
      ["信息工程学院", 104],
      ["艺术设计学院", 100],
    ]);
  });

  it("orders stages as the workflows list them", () => {
    const rows = [application({ stage: "reported" }), application({ stage: "draft" }), application({ stage: "college" })];
    expect(orderByGroup(rows, "stage", REFERENCE, "zh-CN").map((r) => r.stage)).toEqual(["draft", "college", "reported"]);
  });

  it("heads a group with its name, the server's count and overdue part, and how much of it is loaded", () => {
    const t = i18n.getFixedT("zh-CN");
    const header = applicationGroupHeader(
      "type",
      {
        total: 6,
        groups: [
          { key: "suspension", count: 5, overdue: 2 },
          { key: "resumption", count: 1, overdue: 0 },
        ],
      },
      t,
      "zh-CN",
      REFERENCE,
    );
    render(
      <Providers>
        <p data-testid="partial">{header({ value: "suspension", rows: [application({})] })}</p>
        <p data-testid="whole">{header({ value: "resumption", rows: [application({ type: "resumption" })] })}</p>
      </Providers>,
    );
    expect(screen.getByTestId("partial").textContent).toBe("休学 · 已加载 1 / 共 5 件逾期 2 件");
    expect(screen.getByTestId("whole").textContent).toBe("复学 · 共 1 件");
  });
});
