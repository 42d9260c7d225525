import { Badge } from "@fluentui/react-components";
import type { ColumnDef } from "@tanstack/react-table";
import type { Locale } from "@xueji/shared";
import type { TFunction } from "i18next";
import type { ApplicationRow } from "../../api/applications";
import { labelsOf, type Reference } from "../../api/reference";
import { formatDateTime } from "../../format/intl";
import { DeadlineCell } from "./deadline-text";
import { groupKeyOf } from "./grouping";
import { GROUPINGS, type Grouping } from "./search";
import { UrgeButton, type UrgeSaid } from "./urge-button";

/** The columns a reader may choose from; `DEFAULT_COLUMNS` are shown until they choose. */
export const COLUMN_IDS = ["id", "studentNo", "name", "college", "type", "stage", "state", "filed", "due", "noticeNo", "reason"] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];
export const DEFAULT_COLUMNS: ColumnId[] = ["id", "studentNo", "name", "college", "type", "stage", "filed", "due"];
/** Columns the server sorts by (the list is paged, so sorting must happen there). */
export const SERVER_SORTS: Partial<Record<ColumnId, "filed" | "due">> = { filed: "filed", due: "due" };

export function applicationColumns(
  t: TFunction,
  locale: Locale,
  reference: Reference | undefined,
  today: string,
  /** Where a row's 催办 reports its outcome (the page shows it); without it the rows have no 催办. */
  onUrged?: (said: UrgeSaid) => void,
): ColumnDef<ApplicationRow, unknown>[] {
  const labels = labelsOf(reference, locale);
  const workflows = new Map<string, Reference["workflows"][number]>(reference?.workflows.map((w) => [w.type, w]) ?? []);
  const column = (id: ColumnId, size: number, cell: (row: ApplicationRow) => React.ReactNode): ColumnDef<ApplicationRow, unknown> => ({
    id,
    header: t(`applications.col.${id}`),
    size,
    enableSorting: id in SERVER_SORTS,
    accessorFn: (row) => row,
    cell: ({ row }) => cell(row.original),
    // The columns the list may be grouped by group on the key the server counts by.
    ...((GROUPINGS as readonly string[]).includes(id)
      ? { getGroupingValue: (row: ApplicationRow) => groupKeyOf(row, id as Grouping) }
      : {}),
  });
  return [
    column("id", 80, (r) => r.id),
    column("studentNo", 130, (r) => r.studentNo),
    column("name", 100, (r) => r.name),
    column("college", 160, (r) => r.collegeName),
    column("type", 110, (r) => labels.type(r.type)),
    column("stage", 120, (r) => labels.stage(r.type, r.stage)),
    column("state", 90, (r) => (
      <Badge appearance="tint" color={r.state === "done" ? "success" : r.state === "rejected" ? "danger" : "brand"}>
        {t(`applications.state.${r.state}`)}
      </Badge>
    )),
    column("filed", 140, (r) => formatDateTime(r.filedAt, locale)),
    // 逾期 by shared's rule, as the 只看逾期 filter and the heat map count it.
    column("due", onUrged ? 190 : 130, (r) => (
      <>
        <DeadlineCell row={r} today={today} />
        {onUrged ? <UrgeButton application={r} today={today} row={{ name: r.name }} onSaid={onUrged} /> : null}
      </>
    )),
    column("noticeNo", 150, (r) => r.noticeNo ?? ""),
    column("reason", 140, (r) => workflows.get(r.type)?.reasons.find((x) => x.code === r.reasonCode)?.name[locale] ?? r.reasonCode),
  ];
}
