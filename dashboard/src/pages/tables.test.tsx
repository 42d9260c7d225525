// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { DEFAULT_WORKFLOWS, requiredMaterials } from "@xueji/shared";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { gridOf } from "../../../server/test/grid";
import type { World } from "../../../server/test/world";
import { layOutVirtualTables } from "../test/layout";
import { renderApp, servedWorld } from "../test/render-app";

afterEach(cleanup);
layOutVirtualTables();

const WAIT = { timeout: 15_000 };
const bodyRows = () => document.querySelectorAll("tbody tr[data-index]");
/** The rows the page's table shows, once it shows them. */
async function rowsShown(n: number) {
  await waitFor(() => expect(bodyRows()).toHaveLength(n), WAIT);
  return [...bodyRows()] as HTMLElement[];
}
async function errorShown(message: RegExp) {
  const title = await screen.findByText("出错了", {}, WAIT);
  expect(title.closest(".fui-MessageBar")?.textContent).toMatch(message);
}

/**
 * Every table of the dashboard as the page shows it — empty, refused, one row — with the page asking the
 * real server (a fresh test university on PGlite) as the signed-in role.
 */
describe("the dashboard's tables against the real server", () => {
  const { world } = servedWorld();
  let w: World;
  let filed: number;
  let sheet: string;
  beforeAll(async () => {
    w = world();
    await w.insertStudents([
      { studentNo: "2025010701", name: "欧阳娜娜", collegeId: w.collegeA, majorId: w.majorA, grade: 2025, status: "enrolled" },
      { studentNo: "2025020702", name: "司马光", collegeId: w.collegeB, majorId: w.majorB, grade: 2025, status: "enrolled" },
    ]);
    const secretary = await w.as("secretary-a");
    const reasonCode = DEFAULT_WORKFLOWS.suspension.reasons[0]?.code as string;
    const app = await secretary.applications.file({
      studentNo: "2025010701",
      type: "suspension",
      reasonCode,
      materials: requiredMaterials(DEFAULT_WORKFLOWS.suspension, reasonCode) as never,
      // A 休学 is sent on with its period (起止日期).
      periodStartsOn: "2026-12-01",
      periodEndsOn: "2027-11-30",
    });
    await secretary.applications.submit({ applicationId: app.id, expectedVersion: 1 });
    filed = app.id;
    const grid = gridOf([
      ["学号", "姓名", "注册状态"],
      ["2025020702", "司马光", "已注册"],
    ]);
    sheet = (await (await w.as("secretary-b")).sheets.submit({ clientId: "tables-test-0001", termCode: "2025-2026-1", grid })).submissionId;
  }, 60_000);

  describe("学籍异动", () => {
    it("shows the one application, its filing time and deadline in zh-CN", async () => {
      renderApp(w, "registrar", "/applications");
      const [row] = await rowsShown(1);
      const cells = [...(row as HTMLElement).querySelectorAll("td")].map((c) => c.textContent);
      expect(cells).toContain(String(filed));
      expect(cells).toContain("欧阳娜娜");
      expect(cells).toContain("休学");
      expect(cells.some((c) => /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/.test(c ?? ""))).toBe(true);
      expect(
        cells.some((c) => /^\d{4}\/\d{2}\/\d{2}$/.test(c ?? "")),
        JSON.stringify(cells),
      ).toBe(true);
      expect(screen.getByText("已全部加载（1 条）")).toBeTruthy();
    });

    it("says when nothing matches", async () => {
      renderApp(w, "registrar", "/applications?type=withdrawal");
      expect(await screen.findByText("没有符合条件的学籍异动", {}, WAIT)).toBeTruthy();
    });

    it("shows the server's refusal when a college asks for another college's list", async () => {
      renderApp(w, "secretary-a", `/applications?collegeId=${w.collegeB}`);
      await errorShown(/只能处理本学院的学生和核对表。/);
    });

    it("groups by stage from the URL, with the server's count, and bulk-selects inside the group", async () => {
      const user = userEvent.setup();
      renderApp(w, "registrar", "/applications?group=stage");
      const toggle = await screen.findByRole("button", { name: /二级学院审核 · 共 1 件/ }, WAIT);
      expect(toggle.getAttribute("aria-expanded")).toBe("true");
      await user.click(within(toggle.closest("tr") as HTMLElement).getByRole("checkbox", { name: "选择本组已加载的行" }));
      expect((screen.getByRole("button", { name: "批量处理（1）" }) as HTMLButtonElement).disabled).toBe(false);
      await user.click(toggle);
      expect(bodyRows()).toHaveLength(0);
    });
  });

  describe("学生", () => {
    it("shows one found student", async () => {
      renderApp(w, "registrar", "/students?q=2025020702");
      const [row] = await rowsShown(1);
      expect(row?.textContent).toContain("司马光");
    });
    it("says when no student is found", async () => {
      renderApp(w, "registrar", "/students?q=2099999999");
      expect(await screen.findByText("没有找到学生", {}, WAIT)).toBeTruthy();
    });
    it("leaves the reader on the page a link took them to while the search waited for typing to pause", async () => {
      const { router } = renderApp(w, "registrar", "/students?q=2025020702");
      await rowsShown(1);
      // The clock is the test's only for these few synchronous steps: the pause runs out while the next page loads.
      vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
      try {
        fireEvent.change(screen.getByRole("searchbox"), { target: { value: "2025020703" } });
        // A link followed: the router starts loading 学籍异动, and 学生 stays on screen until it has.
        router.history.push("/applications");
        vi.advanceTimersByTime(400);
      } finally {
        vi.useRealTimers();
      }
      await screen.findByRole("heading", { level: 1, name: "学籍异动" }, WAIT);
      expect(router.state.location.href).toBe("/applications");
    });
    it("shows the refusal for another college", async () => {
      renderApp(w, "secretary-a", `/students?q=2025&collegeId=${w.collegeB}`);
      await errorShown(/只能处理本学院的学生和核对表。/);
    });
  });

  describe("我的待办", () => {
    it("shows the college leader the application waiting at their stage", async () => {
      renderApp(w, "leader-a", "/my-work");
      const [row] = await rowsShown(1);
      expect(row?.textContent).toContain("欧阳娜娜");
    });
    it("is empty for the other college's leader", async () => {
      renderApp(w, "leader-b", "/my-work");
      expect(await screen.findByText("没有等您处理的事项", {}, WAIT)).toBeTruthy();
    });
  });

  describe("用户", () => {
    it("shows one account when the search matches one", async () => {
      renderApp(w, "admin", "/users?q=registrar-leader");
      const table = await screen.findByRole("table", { name: "用户" }, WAIT);
      const rows = within(table).getAllByRole("row").slice(1);
      expect(rows).toHaveLength(1);
      expect(rows[0]?.textContent).toContain("教务处分管领导");
    });
    it("says when no account matches", async () => {
      renderApp(w, "admin", "/users?q=nobody-here");
      expect(await screen.findByText("没有符合条件的用户。", {}, WAIT)).toBeTruthy();
    });
  });

  describe("审计日志", () => {
    it("shows the events of one application", async () => {
      renderApp(w, "registrar-leader", `/audit-log?entity=application&entityId=${filed}`);
      const rows = await waitFor(() => {
        expect(bodyRows().length).toBeGreaterThan(0);
        return [...bodyRows()];
      }, WAIT);
      expect(rows.every((r) => r.textContent?.includes(String(filed)))).toBe(true);
    });
    it("says when no event matches", async () => {
      renderApp(w, "registrar-leader", "/audit-log?entity=application&entityId=999999");
      expect(await screen.findByText("没有符合条件的记录。", {}, WAIT)).toBeTruthy();
    });
  });

  describe("核对表, 学业预警, 毕业审核", () => {
    it("shows the one submission of a term, and its one row when opened", async () => {
      renderApp(w, "registrar", `/sheets?termCode=2025-2026-1&open=${sheet}`);
      const list = await screen.findByRole("table", { name: "核对表提交记录" }, WAIT);
      const rows = within(list).getAllByRole("row").slice(1);
      expect(rows).toHaveLength(1);
      expect(rows[0]?.textContent).toContain("外国语学院");
      const [row] = await rowsShown(1);
      expect(row?.textContent).toContain("司马光");
    });
    it("say when a term has no submissions, pending items or audits", async () => {
      renderApp(w, "registrar", "/sheets?termCode=2024-2025-1");
      expect(await screen.findByText("暂无数据", {}, WAIT)).toBeTruthy();
      cleanup();
      renderApp(w, "registrar", "/standing");
      expect(await screen.findByText("暂无数据", {}, WAIT)).toBeTruthy();
      cleanup();
      renderApp(w, "registrar", "/graduation");
      expect(await screen.findByText("该届尚未运行审核。", {}, WAIT)).toBeTruthy();
    });
    it("show the refusal for another college", async () => {
      renderApp(w, "secretary-a", `/sheets?collegeId=${w.collegeB}`);
      await errorShown(/只能处理本学院的学生和核对表。/);
    });
  });
});
