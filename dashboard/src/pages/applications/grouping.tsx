import { Badge, Dropdown, Field, Option } from "@fluentui/react-components";
import type { Locale } from "@xueji/shared";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ApplicationRow } from "../../api/applications";
import type { RouterOutputs } from "../../api/client";
import { labelsOf, type Reference } from "../../api/reference";
import type { TableGroup } from "../../components/virtual-table";
import { collator, formatNumber } from "../../format/intl";
import { GROUPINGS, type Grouping } from "./search";

export type GroupCounts = RouterOutputs["applications"]["groupCounts"];
const STATES = ["open", "done", "rejected"];

/** 分组: none, or by type, stage, college or state (kept in the URL as `group`, and so in saved views). */
export function GroupBySelect({ value, onChange }: { value: Grouping | undefined; onChange: (group: Grouping | undefined) => void }) {
  const { t } = useTranslation();
  return (
    <Field label={t("applications.groupBy")}>
      <Dropdown
        value={t(`applications.group.${value ?? "none"}`)}
        selectedOptions={[value ?? ""]}
        onOptionSelect={(_, d) => onChange((d.optionValue || undefined) as Grouping | undefined)}
      >
        <Option value="">{t("applications.group.none")}</Option>
        {GROUPINGS.map((g) => (
          <Option key={g} value={g}>
            {t(`applications.group.${g}`)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

/** A row's group: the same key the server counts by (the college by its id). */
export function groupKeyOf(row: ApplicationRow, by: Grouping): string {
  return by === "college" ? String(row.collegeId) : row[by];
}

/**
 * The loaded rows with each group together, groups in the order a registrar reads them — types and stages
 * as the workflows list them, colleges by name in the reader's collation (pinyin for zh-CN), states open →
 * done → rejected — and, inside a group, the server's order (the chosen sort) kept.
 */
export function orderByGroup(rows: ApplicationRow[], by: Grouping, reference: Reference | undefined, locale: Locale): ApplicationRow[] {
  const workflows = reference?.workflows ?? [];
  const ranks =
    by === "type"
      ? workflows.map((w) => w.type)
      : by === "stage"
        ? [...new Set(workflows.flatMap((w) => w.stages))]
        : by === "state"
          ? STATES
          : [...(reference?.colleges ?? [])].sort((a, b) => collator(locale).compare(a.name, b.name)).map((c) => String(c.id));
  const rank = new Map(ranks.map((key, i) => [key, i]));
  const rankOf = (row: ApplicationRow) => rank.get(groupKeyOf(row, by)) ?? ranks.length;
  // Array.prototype.sort is stable: rows of one group keep the server's order.
  return [...rows].sort((a, b) => rankOf(a) - rankOf(b));
}

/** A group's name: the type's, the stage's (of the group's workflow), the college's or the state's. */
export function groupName(by: Grouping, sample: ApplicationRow, t: TFunction, locale: Locale, reference: Reference | undefined): string {
  const labels = labelsOf(reference, locale);
  if (by === "type") return labels.type(sample.type);
  if (by === "stage") return labels.stage(sample.type, sample.stage);
  if (by === "college") return sample.collegeName;
  return t(`applications.state.${sample.state}`);
}

/**
 * What a group's header says: its name, how many applications it holds in the whole filtered list (from
 * the server's counts) and how many of them are loaded when not all are, and the overdue part.
 */
export function applicationGroupHeader(
  by: Grouping,
  counts: GroupCounts | undefined,
  t: TFunction,
  locale: Locale,
  reference: Reference | undefined,
): (group: TableGroup<ApplicationRow>) => ReactNode {
  const byKey = new Map(counts?.groups.map((g) => [g.key, g]) ?? []);
  return (group) => {
    const sample = group.rows[0];
    if (!sample) return null;
    const name = groupName(by, sample, t, locale, reference);
    const counted = byKey.get(groupKeyOf(sample, by));
    const loaded = group.rows.length;
    const count = counted?.count ?? loaded;
    return (
      <>
        <span>
          {count > loaded
            ? t("applications.group.headerPartial", { name, loaded: formatNumber(loaded, locale), count: formatNumber(count, locale) })
            : t("applications.group.header", { name, count: formatNumber(count, locale) })}
        </span>
        {counted?.overdue ? (
          <Badge appearance="filled" color="danger" size="small" style={{ marginLeft: 8 }}>
            {t("applications.group.overdue", { count: formatNumber(counted.overdue, locale) })}
          </Badge>
        ) : null}
      </>
    );
  };
}
