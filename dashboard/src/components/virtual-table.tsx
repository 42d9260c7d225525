import {
  Button,
  Checkbox,
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from "@fluentui/react-components";
import { ChevronDownRegular, ChevronRightRegular } from "@fluentui/react-icons";
import {
  type Column,
  type ColumnDef,
  type ColumnPinningState,
  type ExpandedState,
  flexRender,
  type GroupingState,
  getCoreRowModel,
  getExpandedRowModel,
  getGroupedRowModel,
  getSortedRowModel,
  type OnChangeFn,
  type Row,
  type RowSelectionState,
  type SortingState,
  useReactTable,
  type VisibilityState,
} from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { type CSSProperties, type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../format/intl";
import { useLocale } from "../i18n/use-locale";

const ROW_HEIGHT = 36;
// Stable empty state: a new [] or {} on every render reads to TanStack Table as a state change.
const NO_SORTING: SortingState = [];
const NO_VISIBILITY: VisibilityState = {};
const NO_SELECTION: RowSelectionState = {};
const NO_GROUPING: GroupingState = [];

/**
 * A cell cut short by its column's width (…) shows its whole text on hover: a refusal's reasons, a certificate
 * number with its note, a long college name, without widening every column for the longest value.
 */
function showCutText(event: React.MouseEvent<HTMLElement>): void {
  const cell = event.currentTarget;
  if (cell.scrollWidth > cell.clientWidth) cell.title = cell.textContent ?? "";
  else cell.removeAttribute("title");
}

const useStyles = makeStyles({
  scroller: {
    overflow: "auto",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    position: "relative",
    // The box's size never depends on the rows inside: otherwise, in a shrink-to-fit parent (a Card), a
    // scroll bar appearing changes the width, which changes the rows, which changes the scroll bar …
    contain: "strict",
    width: "100%",
    boxSizing: "border-box",
  },
  table: { tableLayout: "fixed", minWidth: "100%" },
  head: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: `0 1px 0 ${tokens.colorNeutralStroke2}`,
  },
  row: { height: `${ROW_HEIGHT}px` },
  clickable: { cursor: "pointer" },
  cell: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  select: { width: "44px" },
  footer: { padding: tokens.spacingVerticalS, color: tokens.colorNeutralForeground3, display: "block" },
  groupRow: { height: `${ROW_HEIGHT}px`, backgroundColor: tokens.colorNeutralBackground3 },
  groupButton: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
  groupCell: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, overflow: "hidden", whiteSpace: "nowrap" },
});

/** A group of loaded rows, as its header row shows it. */
export interface TableGroup<T> {
  /** The grouping column's value shared by the group's rows. */
  value: unknown;
  rows: T[];
}

export interface VirtualTableProps<T> {
  data: T[];
  columns: ColumnDef<T, unknown>[];
  getRowId: (row: T) => string;
  label: string;
  height?: number | string;
  /** Sorting: controlled. With `manualSorting` the server sorts (the list is paged); else loaded rows are sorted here. */
  sorting?: SortingState;
  onSortingChange?: OnChangeFn<SortingState>;
  manualSorting?: boolean;
  columnVisibility?: VisibilityState;
  rowSelection?: RowSelectionState;
  onRowSelectionChange?: OnChangeFn<RowSelectionState>;
  onRowOpen?: (row: T) => void;
  /** Paging by cursor: asked for when the reader scrolls near the end. */
  hasMore?: boolean;
  loadingMore?: boolean;
  onLoadMore?: () => void;
  rowClassName?: (row: T) => string | undefined;
  /**
   * Group the loaded rows by this column (its `getGroupingValue`), in the order they come in `data`: each
   * group gets a header row that collapses and expands it (a button, so Enter and Space work).
   */
  groupBy?: string | undefined;
  /** What a group's header says (label, counts); by default the value and how many rows it holds. */
  groupHeader?: (group: TableGroup<T>) => ReactNode;
  /** The whole list's size, when the server told it: the footer then says "N of M loaded". */
  total?: number | undefined;
  /**
   * Columns that stay in view while the reader scrolls sideways (a narrow window): who the row is about at the
   * left (after the selection box), what is due at the right.
   */
  pinned?: { left?: string[]; right?: string[] };
}

const NO_PINNING: ColumnPinningState = { left: [], right: [] };
const SIDE_ORDER = { left: 0, center: 1, right: 2 } as const;

/** Cells or headers in the order they are drawn: pinned left, the rest, pinned right (a stable sort). */
function bySide<C>(items: C[], columnOf: (item: C) => { getIsPinned(): false | "left" | "right" }): C[] {
  return items
    .map((item, at) => ({ item, at, side: SIDE_ORDER[columnOf(item).getIsPinned() || "center"] }))
    .sort((a, b) => a.side - b.side || a.at - b.at)
    .map((x) => x.item);
}

/** The sticky offset of a pinned column (its neighbours' widths), or nothing for one that scrolls. */
function pinnedStyle(column: Column<unknown, unknown>, background: string): CSSProperties {
  const side = column.getIsPinned();
  if (!side) return {};
  return {
    position: "sticky",
    [side]: side === "left" ? column.getStart("left") : column.getAfter("right"),
    zIndex: 1,
    backgroundColor: background,
  };
}

/**
 * TanStack Table over Fluent's table primitives, virtualised by TanStack Virtual: only the rows in view
 * (plus a few) are in the DOM, however long the list, and a selection change re-renders the rows that
 * changed, not all of them (Fluent's DataGrid re-renders every row). Space above and below the rendered
 * rows is kept by two spacer rows so the scroll bar is true.
 */
export function VirtualTable<T>(props: VirtualTableProps<T>) {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const scroller = useRef<HTMLElement>(null);
  const selectable = !!props.onRowSelectionChange;

  const columns = useMemo<ColumnDef<T, unknown>[]>(() => {
    if (!selectable) return props.columns;
    const select: ColumnDef<T, unknown> = {
      id: "__select",
      size: 44,
      enableSorting: false,
      enableHiding: false,
      header: ({ table }) => (
        <Checkbox
          aria-label={t("table.selectAll")}
          checked={table.getIsAllRowsSelected() ? true : table.getIsSomeRowsSelected() ? "mixed" : false}
          onChange={() => table.toggleAllRowsSelected()}
        />
      ),
      cell: ({ row }) => (
        <Checkbox
          aria-label={t("table.selectRow")}
          checked={row.getIsSelected()}
          onChange={() => row.toggleSelected()}
          onClick={(e) => e.stopPropagation()}
        />
      ),
    };
    return [select, ...props.columns];
  }, [props.columns, selectable, t]);

  // Groups are open until collapsed, and a group that arrives with the next page comes open: so the state
  // kept is the set of collapsed groups, and TanStack's `expanded` only changes with it (it keys the memo).
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const expanded = useMemo<ExpandedState>(
    () => (collapsed.size ? Object.fromEntries([...collapsed].map((id) => [id, false])) : true),
    [collapsed],
  );
  const grouping = useMemo<GroupingState>(() => (props.groupBy ? [props.groupBy] : NO_GROUPING), [props.groupBy]);
  const columnPinning = useMemo<ColumnPinningState>(
    () =>
      props.pinned
        ? { left: [...(selectable ? ["__select"] : []), ...(props.pinned.left ?? [])], right: props.pinned.right ?? [] }
        : NO_PINNING,
    [props.pinned, selectable],
  );
  const toggleGroup = (id: string) =>
    setCollapsed((old) => {
      const next = new Set(old);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const table = useReactTable<T>({
    data: props.data,
    columns,
    getRowId: props.getRowId,
    state: {
      sorting: props.sorting ?? NO_SORTING,
      columnVisibility: props.columnVisibility ?? NO_VISIBILITY,
      rowSelection: props.rowSelection ?? NO_SELECTION,
      grouping,
      expanded,
      columnPinning,
    },
    onSortingChange: props.onSortingChange,
    onRowSelectionChange: props.onRowSelectionChange,
    enableRowSelection: (row) => selectable && !row.getIsGrouped(),
    manualSorting: props.manualSorting ?? false,
    // Grouping keeps the columns where the reader put them, and never aggregates cells.
    groupedColumnMode: false,
    getIsRowExpanded: (row) => !collapsed.has(row.id),
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getGroupedRowModel: getGroupedRowModel(),
    getExpandedRowModel: getExpandedRowModel(),
  });
  const rows = table.getRowModel().rows;
  const loaded = props.data.length;

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // Until the box is measured (first paint, or a DOM without layout), assume a screenful.
    initialRect: { width: 1024, height: typeof props.height === "number" ? props.height : 600 },
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length ? virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0) : 0;

  // Cursor paging: fetch the next page when the last rendered row is within 20 of the end.
  const lastIndex = items.at(-1)?.index ?? -1;
  const { hasMore, loadingMore, onLoadMore } = props;
  // A next page that came back with no rows (its request failed: the list shows the error and its 重试) is not
  // asked for again by itself, which would ask a server that is down once a second; the reader's next scroll asks.
  const askedWith = useRef<number | null>(null);
  const stalledAt = useRef<number | null>(null);
  const nearEnd = lastIndex >= rows.length - 20;
  useEffect(() => {
    if (loadingMore) {
      askedWith.current = rows.length;
      return;
    }
    if (askedWith.current !== null) stalledAt.current = askedWith.current === rows.length ? rows.length : null;
    askedWith.current = null;
    if (hasMore && onLoadMore && stalledAt.current !== rows.length && nearEnd) onLoadMore();
  }, [hasMore, loadingMore, onLoadMore, nearEnd, rows.length]);
  const scrolled = () => {
    if (stalledAt.current === null) return;
    stalledAt.current = null;
    if (hasMore && !loadingMore && nearEnd) onLoadMore?.();
  };

  // Rows that open are one Tab stop, not one each (a loaded list is hundreds, and scrolling loads more: Tab would
  // never leave it): the last row the reader was on takes Tab, the arrow keys move between rows (WAI-ARIA grid
  // pattern's roving tabindex).
  const [activeRow, setActiveRow] = useState(0);
  const tabStop = Math.min(activeRow, rows.length - 1);
  const focusWanted = useRef<number | null>(null);
  useEffect(() => {
    if (focusWanted.current === null) return;
    const target = scroller.current?.querySelector<HTMLElement>(`tr[data-index="${focusWanted.current}"]`);
    if (!target) return;
    focusWanted.current = null;
    (target.tabIndex >= 0 ? target : (target.querySelector<HTMLElement>("button") ?? target)).focus();
  });
  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(index, rows.length - 1));
    setActiveRow(next);
    focusWanted.current = next;
    virtualizer.scrollToIndex(next);
  };
  const rowKeys = (index: number, open: () => void) => (e: React.KeyboardEvent<HTMLElement>) => {
    if (e.target !== e.currentTarget) return;
    const to =
      e.key === "ArrowDown" ? index + 1 : e.key === "ArrowUp" ? index - 1 : e.key === "Home" ? 0 : e.key === "End" ? rows.length - 1 : null;
    if (to !== null) {
      e.preventDefault();
      moveTo(to);
    } else if (e.key === "Enter") open();
  };

  const visibleColumns = table.getVisibleLeafColumns().length;
  return (
    <>
      <section
        ref={scroller}
        className={styles.scroller}
        style={{ height: props.height ?? "calc(100vh - 260px)" }}
        data-testid="virtual-scroller"
        onScroll={scrolled}
        // Scrollable by keyboard too (the arrow keys scroll the focused box).
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling box must take focus to scroll by keyboard (WCAG 2.1.1; axe scrollable-region-focusable)
        tabIndex={0}
        aria-label={props.label}
      >
        <Table className={styles.table} size="small" aria-label={props.label} aria-rowcount={rows.length + 1}>
          <TableHeader className={styles.head}>
            {table.getHeaderGroups().map((group) => (
              <TableRow key={group.id}>
                {bySide(group.headers, (h) => h.column).map((header) => {
                  const sorted = header.column.getIsSorted();
                  const sortable = header.column.getCanSort() && !!props.onSortingChange;
                  return (
                    <TableHeaderCell
                      key={header.id}
                      style={{
                        width: header.getSize(),
                        ...pinnedStyle(header.column as Column<unknown, unknown>, tokens.colorNeutralBackground1),
                      }}
                      className={header.column.id === "__select" ? styles.select : undefined}
                      sortable={sortable}
                      sortDirection={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                      onClick={sortable ? header.column.getToggleSortingHandler() : undefined}
                    >
                      {header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext())}
                    </TableHeaderCell>
                  );
                })}
              </TableRow>
            ))}
          </TableHeader>
          <TableBody>
            {paddingTop > 0 ? (
              <tr aria-hidden>
                <td colSpan={visibleColumns} style={{ height: paddingTop, padding: 0, border: 0 }} />
              </tr>
            ) : null}
            {items.map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              if (row.getIsGrouped())
                return (
                  <GroupHeaderRow
                    key={row.id}
                    row={row}
                    index={item.index}
                    colSpan={visibleColumns}
                    open={!collapsed.has(row.id)}
                    onToggle={() => toggleGroup(row.id)}
                    header={props.groupHeader}
                    onSelect={
                      selectable
                        ? (checked) =>
                            props.onRowSelectionChange?.((old) => {
                              const next = { ...old };
                              for (const leaf of row.getLeafRows()) {
                                if (checked) next[leaf.id] = true;
                                else delete next[leaf.id];
                              }
                              return next;
                            })
                        : undefined
                    }
                  />
                );
              return (
                <TableRow
                  key={row.id}
                  data-index={item.index}
                  aria-rowindex={item.index + 2}
                  aria-selected={selectable ? row.getIsSelected() : undefined}
                  className={mergeClasses(styles.row, props.onRowOpen && styles.clickable, props.rowClassName?.(row.original))}
                  onClick={props.onRowOpen ? () => props.onRowOpen?.(row.original) : undefined}
                  onKeyDown={props.onRowOpen ? rowKeys(item.index, () => props.onRowOpen?.(row.original)) : undefined}
                  onFocus={props.onRowOpen ? () => setActiveRow(item.index) : undefined}
                  tabIndex={props.onRowOpen ? (item.index === tabStop ? 0 : -1) : undefined}
                >
                  {bySide(row.getVisibleCells(), (c) => c.column).map((cell) => (
                    <TableCell
                      key={cell.id}
                      className={styles.cell}
                      style={pinnedStyle(cell.column as Column<unknown, unknown>, tokens.colorNeutralBackground1)}
                      onMouseEnter={showCutText}
                    >
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </TableCell>
                  ))}
                </TableRow>
              );
            })}
            {paddingBottom > 0 ? (
              <tr aria-hidden>
                <td colSpan={visibleColumns} style={{ height: paddingBottom, padding: 0, border: 0 }} />
              </tr>
            ) : null}
          </TableBody>
        </Table>
      </section>
      <Text className={styles.footer} aria-live="polite">
        {props.loadingMore
          ? t("state.loadingMore")
          : props.hasMore
            ? props.total !== undefined
              ? t("table.loadedOf", { count: formatNumber(loaded, locale), total: formatNumber(props.total, locale) })
              : t("table.loaded", { count: formatNumber(loaded, locale) })
            : t("state.allLoaded", { count: formatNumber(loaded, locale) })}
      </Text>
    </>
  );
}

/** A group's header: a button that opens and closes the group, what the group holds, and (when rows can be selected) a box for all its loaded rows. */
function GroupHeaderRow<T>(props: {
  row: Row<T>;
  index: number;
  colSpan: number;
  open: boolean;
  onToggle: () => void;
  header: ((group: TableGroup<T>) => ReactNode) | undefined;
  onSelect: ((checked: boolean) => void) | undefined;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const leaves = props.row.getLeafRows();
  const group: TableGroup<T> = { value: props.row.groupingValue, rows: leaves.map((r) => r.original) };
  const selected = leaves.filter((r) => r.getIsSelected()).length;
  const label = props.header ? props.header(group) : t("table.group", { name: String(group.value), count: leaves.length });
  return (
    <TableRow className={styles.groupRow} aria-rowindex={props.index + 2} data-group={String(group.value)}>
      <TableCell colSpan={props.colSpan}>
        <div className={styles.groupCell}>
          {props.onSelect ? (
            <Checkbox
              aria-label={t("table.selectGroup")}
              checked={selected === 0 ? false : selected === leaves.length ? true : "mixed"}
              onChange={(_, d) => props.onSelect?.(d.checked === true)}
            />
          ) : null}
          <Button
            appearance="transparent"
            size="small"
            className={styles.groupButton}
            icon={props.open ? <ChevronDownRegular /> : <ChevronRightRegular />}
            aria-expanded={props.open}
            onClick={props.onToggle}
          >
            {label}
          </Button>
        </div>
      </TableCell>
    </TableRow>
  );
}
