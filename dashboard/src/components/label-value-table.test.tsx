// @vitest-environment happy-dom
import { FluentProvider } from "@fluentui/react-components";
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { xuejiLightTheme } from "@xueji/theme";
import { afterEach, describe, expect, it } from "vitest";
import { LabelValueTable } from "./label-value-table";

type Props<T> = Parameters<typeof LabelValueTable<T>>[0];

function show<T>(props: Props<T>) {
  render(
    <FluentProvider theme={xuejiLightTheme}>
      <LabelValueTable {...props} />
    </FluentProvider>,
  );
}

afterEach(cleanup);

interface Change {
  field: string;
  before: string;
  after: string;
}

const CHANGES: Change[] = [
  { field: "专业", before: "软件工程", after: "计算机科学与技术" },
  { field: "年级", before: "2024", after: "2025" },
];

describe("LabelValueTable", () => {
  it("labels its columns, reads each row's values in column order, and leaves out a column given as false", () => {
    show<Change>({
      label: "变更前后",
      rows: CHANGES,
      rowKey: (c) => c.field,
      columns: [
        { id: "field", label: "字段", value: (c) => c.field },
        { id: "before", label: "变更前", value: (c) => c.before },
        false,
        { id: "after", label: "变更后", value: (c) => <strong>{c.after}</strong> },
      ],
    });
    const table = screen.getByRole("table", { name: "变更前后" });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["字段", "变更前", "变更后"]);
    const rows = within(table).getAllByRole("row").slice(1);
    expect(
      rows.map((r) =>
        within(r)
          .getAllByRole("cell")
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ["专业", "软件工程", "计算机科学与技术"],
      ["年级", "2024", "2025"],
    ]);
  });

  it("passes a row's selection and its click through, so a list row can open what it names", async () => {
    const opened: string[] = [];
    show<Change>({
      label: "核对表",
      rows: CHANGES,
      rowKey: (c) => c.field,
      rowProps: (c) => ({ onClick: () => opened.push(c.field), tabIndex: 0, "aria-selected": c.field === "年级" }),
      columns: [{ id: "field", label: "字段", value: (c) => c.field }],
    });
    const [, first, second] = screen.getAllByRole("row");
    expect(second?.getAttribute("aria-selected")).toBe("true");
    expect(first?.getAttribute("aria-selected")).toBe("false");
    await userEvent.click(within(first as HTMLElement).getByText("专业"));
    expect(opened).toEqual(["专业"]);
  });
});
