import { APPLICATION_TYPES, type ApplicationType, type Locale, stageLabel } from "@xueji/shared";
import type { Db } from "../../db/client";
import { type ListApplicationsOptions, listApplications } from "../applications/list-applications";
import { workflowInForce } from "../applications/workflow-for";
import { writeTextWorkbook } from "../exports/write-text-workbook";
import { currentAcademicYear } from "../organisation/current-academic-year";
import { MAX_PAGE } from "../paging";

export const EXPORT_COLUMNS = [
  "id",
  "studentNo",
  "name",
  "college",
  "type",
  "stage",
  "state",
  "filed",
  "due",
  "noticeNo",
  "reason",
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

const HEADERS: Record<ExportColumn, Record<Locale, string>> = {
  id: { "zh-CN": "编号", en: "No." },
  studentNo: { "zh-CN": "学号", en: "Student no." },
  name: { "zh-CN": "姓名", en: "Name" },
  college: { "zh-CN": "学院", en: "College" },
  type: { "zh-CN": "异动类型", en: "Type" },
  stage: { "zh-CN": "当前环节", en: "Stage" },
  state: { "zh-CN": "状态", en: "State" },
  filed: { "zh-CN": "申请时间", en: "Filed" },
  due: { "zh-CN": "办理期限", en: "Due" },
  noticeNo: { "zh-CN": "通知单号", en: "Notice no." },
  reason: { "zh-CN": "原因", en: "Reason" },
};
const STATES: Record<string, Record<Locale, string>> = {
  open: { "zh-CN": "在办", en: "Open" },
  done: { "zh-CN": "已办结", en: "Done" },
  rejected: { "zh-CN": "已驳回", en: "Rejected" },
};

/** An export is the whole view, never a silently cut one: past this many rows it is refused. */
export const MAX_EXPORT_ROWS = 100_000;

/**
 * The applications list as the reader sees it (same filters, sort and chosen columns) as an .xlsx of text
 * cells: formula-like values quoted (write-text-workbook), names in the reader's language.
 */
export async function exportApplications(
  db: Db,
  filters: Omit<ListApplicationsOptions, "cursor" | "limit">,
  columns: readonly ExportColumn[],
  locale: Locale,
): Promise<{ fileName: string; base64: string; rows: number }> {
  // The whole view, page by page through the list's own cursor: the same rows, in the same order.
  type Row = Awaited<ReturnType<typeof listApplications>>["items"][number];
  const rows: Row[] = [];
  let cursor: string | undefined;
  do {
    const page = await listApplications(db, { ...filters, cursor, limit: MAX_PAGE });
    rows.push(...page.items);
    cursor = page.nextCursor ?? undefined;
    if (rows.length > MAX_EXPORT_ROWS) throw new Error(`export over ${MAX_EXPORT_ROWS} rows`);
  } while (cursor);
  const year = await currentAcademicYear(db, filters.today);
  const workflows = new Map(await Promise.all(APPLICATION_TYPES.map(async (t) => [t, await workflowInForce(db, t, year)] as const)));
  const cell = (row: (typeof rows)[number], column: ExportColumn): unknown => {
    const workflow = workflows.get(row.type as ApplicationType);
    switch (column) {
      case "college":
        return row.collegeName;
      case "type":
        return workflow?.name[locale] ?? row.type;
      case "stage":
        return workflow ? stageLabel(workflow, row.stage, locale) : row.stage;
      case "state":
        return STATES[row.state]?.[locale] ?? row.state;
      case "filed":
        return new Date(row.filedAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");
      case "due":
        return row.dueOn;
      case "reason":
        return workflow?.reasons.find((r) => r.code === row.reasonCode)?.name[locale] ?? row.reasonCode;
      default:
        return row[column];
    }
  };
  const title = locale === "en" ? "Status-change applications" : "学籍异动清单";
  const buffer = await writeTextWorkbook(
    title.slice(0, 31),
    columns.map((c) => HEADERS[c][locale]),
    rows.map((r) => columns.map((c) => cell(r, c))),
    `${title}（${filters.today}）`,
  );
  return { fileName: `${title}-${filters.today}.xlsx`, base64: buffer.toString("base64"), rows: rows.length };
}
