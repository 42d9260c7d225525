import { makeStyles, mergeClasses, Select, Text, ToggleButton, tokens } from "@fluentui/react-components";
import { useVirtualizer } from "@tanstack/react-virtual";
import { catalogue, FIELD_LABELS, type FieldKey, type IssueCode, type Locale, type Severity } from "@xueji/shared";
import { SEVERITY_FILL, SEVERITY_STRONG } from "@xueji/theme";
import { useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PaneIssue } from "../check/check-result";

const useStyles = makeStyles({
  toolbar: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
    padding: `${tokens.spacingVerticalS} 0`,
  },
  scroller: {
    flex: 1,
    minHeight: "160px",
    overflowY: "auto",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  group: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground3,
    fontWeight: tokens.fontWeightSemibold,
    boxSizing: "border-box",
  },
  item: {
    display: "block",
    width: "100%",
    textAlign: "left",
    border: "none",
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    borderLeftWidth: "4px",
    borderLeftStyle: "solid",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground1,
    cursor: "pointer",
    fontFamily: "inherit",
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
    boxSizing: "border-box",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  static: { cursor: "default" },
  where: { display: "flex", gap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  suggestion: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

type Entry = { type: "group"; key: string; label: string; count: number } | { type: "issue"; key: string; issue: PaneIssue };

/** A short title for a problem group: the message up to its first clause, placeholders elided. */
function problemTitle(code: string, locale: Locale): string {
  const template = catalogue[code as IssueCode]?.[locale] ?? code;
  const first = template.split(/[，。；,;.](?=\s|[^\d])/)[0] ?? template;
  return first
    .replace(/\{label\}/g, "")
    .replace(/[“"]?\{\w+\}[”"]?/g, "…")
    .trim();
}

export function IssueList({
  issues,
  onSelect,
  canSelect,
}: {
  issues: readonly PaneIssue[];
  onSelect: (issue: PaneIssue) => void;
  canSelect: boolean;
}) {
  const { t, i18n } = useTranslation();
  const locale = (i18n.language === "en" ? "en" : "zh-CN") as Locale;
  const styles = useStyles();
  const [groupBy, setGroupBy] = useState<"row" | "problem">("row");
  const [severities, setSeverities] = useState<Record<Severity, boolean>>({ error: true, warning: true, info: true });
  const [column, setColumn] = useState<string>("");
  const columns = useMemo(
    () =>
      [...new Set(issues.map((i) => i.column).filter((c): c is string => !!c))].sort((a, b) => a.length - b.length || a.localeCompare(b)),
    [issues],
  );
  const counts = useMemo(() => {
    const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const i of issues) c[i.severity]++;
    return c;
  }, [issues]);

  const entries = useMemo(() => {
    const shown = issues.filter((i) => severities[i.severity] && (!column || i.column === column));
    const groups = new Map<string, { label: string; items: PaneIssue[]; order: number }>();
    for (const issue of shown) {
      const key = groupBy === "row" ? String(issue.row ?? 0) : issue.code;
      let group = groups.get(key);
      if (!group) {
        const label =
          groupBy === "row"
            ? issue.row === null
              ? t("list.sheetWide")
              : t("list.rowLabel", { row: issue.row })
            : problemTitle(issue.code, locale);
        group = { label, items: [], order: groupBy === "row" ? (issue.row ?? 0) : -{ error: 3, warning: 2, info: 1 }[issue.severity] };
        groups.set(key, group);
      }
      group.items.push(issue);
    }
    const list: Entry[] = [];
    for (const [key, group] of [...groups].sort((a, b) => a[1].order - b[1].order)) {
      list.push({ type: "group", key: `g-${key}`, label: group.label, count: group.items.length });
      for (const issue of group.items) list.push({ type: "issue", key: `i-${issue.id}`, issue });
    }
    return { list, shown: shown.length };
  }, [issues, severities, column, groupBy, t, locale]);

  const scroller = useRef<HTMLElement>(null);
  const virtualizer = useVirtualizer({
    count: entries.list.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => (entries.list[index]?.type === "group" ? 28 : 64),
    overscan: 8,
    // The pane's list area before it is measured (and in DOMs without layout, such as tests).
    initialRect: { width: 360, height: 600 },
    getItemKey: (index) => entries.list[index]?.key ?? index,
  });

  return (
    <>
      <div className={styles.toolbar} role="toolbar" aria-label={t("list.filters")}>
        {(["error", "warning", "info"] as const).map((s) => (
          <ToggleButton
            key={s}
            size="small"
            checked={severities[s]}
            onClick={() => setSeverities((v) => ({ ...v, [s]: !v[s] }))}
            style={{ borderLeft: `4px solid ${SEVERITY_STRONG[s]}` }}
          >
            {t(`list.severity.${s}`)} {counts[s]}
          </ToggleButton>
        ))}
        <Select size="small" aria-label={t("list.column")} value={column} onChange={(_, d) => setColumn(d.value)}>
          <option value="">{t("list.allColumns")}</option>
          {columns.map((c) => (
            <option key={c} value={c}>
              {t("list.column")} {c}
            </option>
          ))}
        </Select>
        <Select size="small" aria-label={t("list.byRow")} value={groupBy} onChange={(_, d) => setGroupBy(d.value as "row" | "problem")}>
          <option value="row">{t("list.byRow")}</option>
          <option value="problem">{t("list.byProblem")}</option>
        </Select>
      </div>
      <Text size={200} aria-live="polite">
        {t("list.shown", { shown: entries.shown, total: issues.length })}
        {canSelect ? ` · ${t("list.selectHint")}` : ""}
      </Text>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take keyboard focus to scroll (WCAG 2.1.1, axe scrollable-region-focusable) */}
      <section ref={scroller} className={styles.scroller} data-testid="issue-list" aria-label={t("list.label")} tabIndex={0}>
        <ul style={{ height: virtualizer.getTotalSize(), position: "relative", margin: 0, padding: 0, listStyle: "none" }}>
          {virtualizer.getVirtualItems().map((item) => {
            const entry = entries.list[item.index] as Entry;
            const style = { position: "absolute" as const, top: 0, left: 0, width: "100%", transform: `translateY(${item.start}px)` };
            if (entry.type === "group") {
              return (
                <li key={item.key} data-index={item.index} ref={virtualizer.measureElement} style={style} className={styles.group}>
                  {entry.label} <Text size={200}>({entry.count})</Text>
                </li>
              );
            }
            const issue = entry.issue;
            const where =
              issue.row === null
                ? t("list.sheetWide")
                : issue.column
                  ? t("list.cell", { row: issue.row, column: issue.column })
                  : t("list.rowLabel", { row: issue.row });
            const field = issue.field ? (FIELD_LABELS[issue.field as FieldKey]?.[locale] ?? issue.field) : "";
            const selectable = canSelect && issue.row !== null && issue.column !== null;
            return (
              <li key={item.key} data-index={item.index} ref={virtualizer.measureElement} style={style}>
                <button
                  type="button"
                  className={mergeClasses(styles.item, !selectable && styles.static)}
                  style={{
                    borderLeftColor: SEVERITY_STRONG[issue.severity],
                    backgroundImage: `linear-gradient(90deg, ${SEVERITY_FILL[issue.severity]} 0, transparent 40%)`,
                  }}
                  onClick={() => selectable && onSelect(issue)}
                  aria-disabled={!selectable}
                  data-testid="issue"
                  data-cell={issue.column && issue.row !== null ? `${issue.column}${issue.row}` : ""}
                >
                  <span className={styles.where}>
                    <span style={{ color: SEVERITY_STRONG[issue.severity], fontWeight: 600 }}>{t(`list.severity.${issue.severity}`)}</span>
                    <span>{where}</span>
                    {field ? <span>{field}</span> : null}
                    {issue.source === "record" ? <span>· {t("list.record")}</span> : null}
                  </span>
                  <span>{issue.message}</span>
                  {issue.suggestion ? (
                    <span className={styles.suggestion}> {t("list.suggestion", { value: issue.suggestion })}</span>
                  ) : null}
                </button>
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}
