import { Badge, makeStyles, tokens } from "@fluentui/react-components";
import type { Locale } from "@xueji/shared";
import { useTranslation } from "react-i18next";
import type { SheetProgress } from "../../api/overview";
import { LabelValueTable } from "../../components/label-value-table";
import { collator, formatDate } from "../../format/intl";
import { useLocale } from "../../i18n/use-locale";
import { ProvisionalMark } from "../../shell/system-warnings";

const useStyles = makeStyles({
  late: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  wrap: { overflowX: "auto" },
  // The header cell lays its content out in a row: the due date goes under the task's name, not beside it.
  task: { display: "flex", flexDirection: "column" },
  due: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
});

const STATE_COLOUR = { missing: "informative", submitted: "warning", accepted: "success", rejected: "danger" } as const;

/** Colleges (rows) × the calendar's sheet tasks (columns): who submitted, was accepted, returned, or is late. */
export function SheetProgressTable({ rows }: { rows: SheetProgress }) {
  const { t } = useTranslation();
  const locale: Locale = useLocale();
  const styles = useStyles();
  const tasks = [...new Map(rows.map((r) => [r.task, r])).values()];
  const colleges = [...new Map(rows.map((r) => [r.collegeId, r.collegeName])).entries()].sort((a, b) =>
    collator(locale).compare(a[1], b[1]),
  );
  const at = new Map(rows.map((r) => [`${r.collegeId}|${r.task}`, r]));
  return (
    <div className={styles.wrap}>
      <LabelValueTable
        label={t("overview.sheetProgress")}
        rows={colleges}
        rowKey={([collegeId]) => collegeId}
        columns={[
          { id: "college", label: t("common.college"), value: ([, name]) => name },
          ...tasks.map((task) => ({
            id: task.task,
            label: (
              <span className={styles.task}>
                <span>{task.taskName[locale]}</span>
                <span className={styles.due}>
                  {t("overview.dueOn", { date: formatDate(task.dueOn, locale) })} <ProvisionalMark date={task.dueOn} />
                </span>
              </span>
            ),
            value: ([collegeId]: [number, string]) => {
              const cell = at.get(`${collegeId}|${task.task}`);
              if (!cell) return "—";
              return (
                <>
                  <Badge appearance="tint" color={STATE_COLOUR[cell.state as keyof typeof STATE_COLOUR] ?? "informative"}>
                    {t(`sheetState.${cell.state}`)}
                    {cell.version ? ` v${cell.version}` : ""}
                  </Badge>
                  {cell.overdue ? <span className={styles.late}> {t("overview.late")}</span> : null}
                </>
              );
            },
          })),
        ]}
      />
    </div>
  );
}
