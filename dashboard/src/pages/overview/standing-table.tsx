import { useTranslation } from "react-i18next";
import type { StandingCount } from "../../api/overview";
import { LabelValueTable } from "../../components/label-value-table";
import { collator, formatNumber } from "../../format/intl";
import { useLocale } from "../../i18n/use-locale";
import { STANDING_KINDS } from "../standing/search";

/** Standing outcomes of the year by college: per kind, the count and how many still wait (pending). */
export function StandingTable({ rows }: { rows: StandingCount[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const colleges = [...new Map(rows.map((r) => [r.collegeId, r.collegeName])).entries()].sort((a, b) =>
    collator(locale).compare(a[1], b[1]),
  );
  const sum = (collegeId: number, kind: string, pendingOnly: boolean) =>
    rows
      .filter((r) => r.collegeId === collegeId && r.kind === kind && (!pendingOnly || r.state === "pending"))
      .reduce((n, r) => n + Number(r.count), 0);
  return (
    <LabelValueTable
      label={t("overview.standing")}
      rows={colleges}
      rowKey={([id]) => id}
      columns={[
        { id: "college", label: t("common.college"), value: ([, name]) => name },
        ...STANDING_KINDS.map((k) => ({
          id: k,
          label: t(`standingKind.${k}`),
          value: ([id]: [number, string]) => {
            const pending = sum(id, k, true);
            return `${formatNumber(sum(id, k, false), locale)}${pending ? ` ${t("overview.pendingOf", { n: formatNumber(pending, locale) })}` : ""}`;
          },
        })),
      ]}
    />
  );
}
