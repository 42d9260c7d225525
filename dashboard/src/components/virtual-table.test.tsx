// @vitest-environment happy-dom
import type { ColumnDef, RowSelectionState, SortingState } from "@tanstack/react-table";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { collator } from "../format/intl";
import { layOutVirtualTables } from "../test/layout";
import { Providers } from "../test/providers";
import { Empty, Loading } from "./page-state";
import { type TableGroup, VirtualTable, type VirtualTableProps } from "./virtual-table";

afterEach(cleanup);

layOutVirtualTables();

interface Person {
  id: number;
  name: string;
  college: string;
}

const COLLEGES = ["信息工程学院", "外国语学院", "经济管理学院"];
const SURNAMES = ["张", "王", "李", "赵", "陈", "刘"];
const people = (n: number): Person[] =>
  Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    name: `${SURNAMES[i % SURNAMES.length]}同学${i + 1}`,
    college: COLLEGES[i % COLLEGES.length] as string,
  }));

const COLUMNS: ColumnDef<Person, unknown>[] = [
  { id: "id", header: "编号", accessorFn: (p) => p.id, cell: ({ row }) => row.original.id, enableSorting: false },
  {
    id: "name",
    header: "姓名",
    accessorFn: (p) => p.name,
    cell: ({ row }) => row.original.name,
    // Names sort as the reader reads them: pinyin in zh-CN (张 zhang after 李 li), not by code point.
    sortingFn: (a, b) => collator("zh-CN").compare(a.original.name, b.original.name),
  },
  { id: "college", header: "学院", accessorFn: (p) => p.college, cell: ({ row }) => row.original.college, enableSorting: false },
];

/** The table as a page holds it: sorting and selection in state, reported to the test after every change. */
function Harness(props: Partial<VirtualTableProps<Person>> & { data: Person[]; seen?: { selection: RowSelectionState } }) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const [selection, setSelection] = useState<RowSelectionState>({});
  if (props.seen) props.seen.selection = selection;
  return (
    <Providers>
      <VirtualTable<Person>
        label="名单"
        columns={COLUMNS}
        getRowId={(p) => String(p.id)}
        height={600}
        sorting={sorting}
        onSortingChange={setSorting}
        rowSelection={selection}
        onRowSelectionChange={setSelection}
        {...props}
      />
    </Providers>
  );
}

const bodyRows = () => document.querySelectorAll("tbody tr[data-index]");
const namesShown = () => [...bodyRows()].map((r) => (r.querySelectorAll("td")[2] as HTMLElement).textContent);

describe("the virtual table", () => {
  it("puts only a window of 10,000 rows in the DOM, and moves the window as the box scrolls", async () => {
    render(<Harness data={people(10_000)} />);
    const table = screen.getByRole("table", { name: "名单" });
    expect(table.getAttribute("aria-rowcount")).toBe("10001");
    const rendered = bodyRows().length;
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(100);
    expect(bodyRows()[0]?.getAttribute("data-index")).toBe("0");

    const scroller = screen.getByTestId("virtual-scroller");
    await act(async () => {
      scroller.scrollTop = 36 * 5000;
      fireEvent.scroll(scroller);
    });
    const indexes = [...bodyRows()].map((r) => Number(r.getAttribute("data-index")));
    expect(indexes.length).toBeLessThan(100);
    expect(indexes).toContain(5000);
    expect(indexes).not.toContain(0);
    // The space of the rows not rendered is kept, so the scroll bar is true.
    expect(screen.getByText("已全部加载（10,000 条）")).toBeTruthy();
  });

  it("sorts by a column from the keyboard, in pinyin order for Chinese names", async () => {
    const user = userEvent.setup();
    render(
      <Harness
        data={[
          { id: 1, name: "张三", college: "甲" },
          { id: 2, name: "李四", college: "乙" },
          { id: 3, name: "王五", college: "丙" },
        ]}
      />,
    );
    expect(namesShown()).toEqual(["张三", "李四", "王五"]);
    const header = screen.getByRole("columnheader", { name: /姓名/ });
    const button = within(header).getByRole("button");
    button.focus();
    await user.keyboard("{Enter}");
    expect(header.getAttribute("aria-sort")).toBe("ascending");
    expect(namesShown()).toEqual(["李四", "王五", "张三"]);
    await user.keyboard("{Enter}");
    expect(header.getAttribute("aria-sort")).toBe("descending");
    expect(namesShown()).toEqual(["张三", "王五", "李四"]);
    // A column that the server cannot sort offers no control.
    expect(within(screen.getByRole("columnheader", { name: "学院" })).queryByRole("button")).toBeNull();
  });

  it("hides a column the reader chose to hide", () => {
    render(<Harness data={people(3)} columnVisibility={{ college: false }} />);
    expect(screen.queryByRole("columnheader", { name: "学院" })).toBeNull();
    expect(screen.getByRole("columnheader", { name: /姓名/ })).toBeTruthy();
    expect(bodyRows()[0]?.querySelectorAll("td")).toHaveLength(3); // the selection box, 编号, 姓名
  });

  it("selects a row, and select-all selects every loaded row", async () => {
    const user = userEvent.setup();
    const seen = { selection: {} as RowSelectionState };
    render(<Harness data={people(50)} seen={seen} hasMore />);
    const [first] = within(bodyRows()[0] as HTMLElement).getAllByRole("checkbox");
    await user.click(first as HTMLElement);
    expect(seen.selection).toEqual({ "1": true });
    expect(bodyRows()[0]?.getAttribute("aria-selected")).toBe("true");
    const all = screen.getByRole("checkbox", { name: "全选" }) as HTMLInputElement;
    expect(all.indeterminate || all.getAttribute("aria-checked") === "mixed").toBe(true);
    await user.click(all);
    expect(Object.keys(seen.selection)).toHaveLength(50);
    await user.click(all);
    expect(seen.selection).toEqual({});
  });

  it("asks for the next page near the end, says it is loading, and counts what is loaded of the whole", () => {
    const onLoadMore = vi.fn();
    const { rerender } = render(<Harness data={people(10)} hasMore onLoadMore={onLoadMore} total={340} />);
    expect(onLoadMore).toHaveBeenCalled();
    expect(screen.getByText("已加载 10 / 共 340 条，向下滚动加载更多")).toBeTruthy();
    rerender(<Harness data={people(10)} hasMore loadingMore onLoadMore={onLoadMore} />);
    expect(screen.getByText("正在加载更多……")).toBeTruthy();
  });

  it("does not ask again by itself for a next page that failed; the reader's next scroll does", () => {
    const onLoadMore = vi.fn();
    const { rerender } = render(<Harness data={people(10)} hasMore onLoadMore={onLoadMore} />);
    expect(onLoadMore).toHaveBeenCalledTimes(1);
    rerender(<Harness data={people(10)} hasMore loadingMore onLoadMore={onLoadMore} />);
    // It came back with no rows (the request failed): nothing more is asked for while the reader is still.
    rerender(<Harness data={people(10)} hasMore onLoadMore={onLoadMore} />);
    rerender(<Harness data={people(10)} hasMore onLoadMore={onLoadMore} />);
    expect(onLoadMore).toHaveBeenCalledTimes(1);
    fireEvent.scroll(screen.getByTestId("virtual-scroller"));
    expect(onLoadMore).toHaveBeenCalledTimes(2);
    // A page that did bring rows lets the next be asked for as before.
    rerender(<Harness data={people(10)} hasMore loadingMore onLoadMore={onLoadMore} />);
    rerender(<Harness data={people(20)} hasMore onLoadMore={onLoadMore} />);
    expect(onLoadMore).toHaveBeenCalledTimes(3);
  });

  it("makes rows that open one Tab stop, moved along by the arrow keys, so Tab leaves a long list", async () => {
    const user = userEvent.setup();
    const opened: string[] = [];
    render(<Harness data={people(30)} onRowOpen={(p) => opened.push(p.name)} />);
    const tabbable = () => screen.getAllByRole("row").filter((r) => r.getAttribute("tabindex") === "0");
    expect(tabbable()).toHaveLength(1);
    (tabbable()[0] as HTMLElement).focus();
    await user.keyboard("{ArrowDown}{ArrowDown}{ArrowUp}{Enter}");
    expect(opened).toEqual(["王同学2"]);
    // The row last on takes Tab next time; the rest are skipped.
    expect(tabbable().map((r) => r.getAttribute("data-index"))).toEqual(["1"]);
    await user.tab();
    expect(document.activeElement?.tagName).not.toBe("TR");
    await user.keyboard("{Shift>}{Tab}{/Shift}");
    expect(document.activeElement?.getAttribute("data-index")).toBe("1");
  });

  it("has a loading and an empty state for the pages that hold it", () => {
    render(
      <Providers>
        <Loading />
        <Empty title="没有符合条件的学籍异动" />
      </Providers>,
    );
    expect(screen.getByText("没有符合条件的学籍异动")).toBeTruthy();
    expect(screen.getByText(/正在加载/)).toBeTruthy();
  });

  it("groups the loaded rows under headers with counts, collapses a group from the keyboard, and selects a group's rows", async () => {
    const user = userEvent.setup();
    const seen = { selection: {} as RowSelectionState };
    const header = (g: TableGroup<Person>) => `${String(g.value)}：${g.rows.length} 人`;
    render(<Harness data={people(18)} seen={seen} groupBy="college" groupHeader={header} />);
    const groups = document.querySelectorAll("tbody tr[data-group]");
    expect([...groups].map((g) => g.textContent)).toEqual(COLLEGES.map((c) => `${c}：6 人`));
    expect(bodyRows()).toHaveLength(18);

    const toggle = screen.getByRole("button", { name: "外国语学院：6 人" });
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    toggle.focus();
    await user.keyboard("{Enter}");
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(bodyRows()).toHaveLength(12);
    expect(namesShown().some((n) => n?.endsWith("同学2"))).toBe(false); // person 2 is of 外国语学院
    await user.keyboard(" ");
    expect(bodyRows()).toHaveLength(18);

    // The group's box selects its loaded rows, and only them: no group ids in the selection.
    const box = within(groups[2] as HTMLElement).getByRole("checkbox", { name: "选择本组已加载的行" });
    await user.click(box);
    expect(Object.keys(seen.selection).sort((a, b) => Number(a) - Number(b))).toEqual(
      people(18)
        .filter((p) => p.college === "经济管理学院")
        .map((p) => String(p.id)),
    );
    const [row] = within(bodyRows()[0] as HTMLElement).getAllByRole("checkbox");
    await user.click(row as HTMLElement);
    expect(seen.selection["1"]).toBe(true);
    expect(Object.keys(seen.selection)).toHaveLength(7);
  });

  it("shows a group's value and size when the page gives no header", () => {
    render(<Harness data={people(4)} groupBy="college" />);
    expect(screen.getByRole("button", { name: "信息工程学院（2）" })).toBeTruthy();
  });

  it("shows the whole text of a cell cut short by its column, on hover, and nothing where it fits", () => {
    render(<Harness data={people(3)} />);
    const [cut, whole] = screen.getAllByRole("cell", { name: /信息工程学院|外国语学院/ });
    if (!cut || !whole) throw new Error("two college cells expected");
    Object.defineProperty(cut, "scrollWidth", { value: 240 });
    Object.defineProperty(cut, "clientWidth", { value: 120 });
    Object.defineProperty(whole, "scrollWidth", { value: 120 });
    Object.defineProperty(whole, "clientWidth", { value: 120 });
    fireEvent.mouseEnter(cut);
    fireEvent.mouseEnter(whole);
    expect(cut.getAttribute("title")).toBe(cut.textContent);
    expect(whole.hasAttribute("title")).toBe(false);
  });
});
