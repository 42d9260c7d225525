// @vitest-environment happy-dom
import { FluentProvider } from "@fluentui/react-components";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { xuejiLightTheme } from "@xueji/theme";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { PaneIssue } from "../check/check-result";
import { chooseLocale, paneLocale, startI18n } from "../i18n/i18n";
import { IssueList } from "./IssueList";

const issue = (
  id: number,
  row: number | null,
  column: string | null,
  severity: PaneIssue["severity"],
  code: string,
  message: string,
): PaneIssue => ({
  id,
  row,
  column,
  field: column ? "name" : null,
  code,
  severity,
  message,
  params: {},
  source: code.startsWith("record.") ? "record" : "sheet",
});

const issues = [
  issue(0, 5, "C", "warning", "name.normalised", "姓名含多余空格"),
  issue(1, 5, "B", "error", "record.unknown-student", "学号不存在"),
  issue(2, 9, "G", "info", "enum.alias", "民族应为汉族"),
  issue(3, null, null, "error", "sheet.missing-column", "缺少必需的列"),
];

beforeAll(async () => {
  // The virtual list measures its scroller; happy-dom has no layout, so give it a size.
  Object.defineProperty(HTMLElement.prototype, "clientHeight", { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, "clientWidth", { configurable: true, get: () => 360 });
  await startI18n("zh-CN");
});
afterEach(cleanup);

function show(onSelect = vi.fn(), canSelect = true) {
  render(
    <FluentProvider theme={xuejiLightTheme}>
      <IssueList issues={issues} onSelect={onSelect} canSelect={canSelect} />
    </FluentProvider>,
  );
  return onSelect;
}

describe("the issue list", () => {
  it("groups by row, sheet-wide problems first, and selects a cell on click", async () => {
    const onSelect = show();
    const groups = (await screen.findAllByRole("listitem")).map((li) => li.textContent ?? "");
    expect(groups[0]).toContain("整表");
    expect(groups.some((g) => g.startsWith("第 5 行"))).toBe(true);
    fireEvent.click(screen.getByText("学号不存在").closest("button") as HTMLElement);
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ row: 5, column: "B" }));
    fireEvent.click(screen.getByText("缺少必需的列").closest("button") as HTMLElement);
    expect(onSelect).toHaveBeenCalledTimes(1);
  });

  it("filters by severity and counts what it shows", async () => {
    show();
    await screen.findByText("学号不存在");
    expect(screen.getByText(/显示 4 \/ 4 条/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: /错误 2/ }));
    expect(screen.getByText(/显示 2 \/ 4 条/)).toBeTruthy();
    expect(screen.queryByText("学号不存在")).toBeNull();
  });

  it("does not offer selection in file mode", async () => {
    const onSelect = show(vi.fn(), false);
    fireEvent.click((await screen.findByText("学号不存在")).closest("button") as HTMLElement);
    expect(onSelect).not.toHaveBeenCalled();
  });
});

describe("the pane's language", () => {
  it("is Chinese whatever Office or the browser says, until she chooses English in the pane, which is remembered", async () => {
    localStorage.clear();
    expect(navigator.language).toMatch(/^en/);
    expect(paneLocale()).toBe("zh-CN");
    await chooseLocale("en");
    expect(paneLocale()).toBe("en");
    expect(document.documentElement.lang).toBe("en");
    await chooseLocale("zh-CN");
    expect(paneLocale()).toBe("zh-CN");
  });
});
