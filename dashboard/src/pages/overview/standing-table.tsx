import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { StandingCount } from "../../api/overview";
import { collator, formatNumber } from "../../format/intl";
import { useLocale } from "../../i18n/use-locale";
import { STANDING_KINDS } from "../../routes/standing";

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
    <Table size="small" aria-label={t("overview.standing")}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t("common.college")}</TableHeaderCell>
          {STANDING_KINDS.map((k) => (
            <TableHeaderCell key={k}>{t(`standingKind.${k}`)}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {colleges.map(([id, name]) => (
          <TableRow key={id}>
            <TableCell>{name}</TableCell>
            {STANDING_KINDS.map((k) => {
              const all = sum(id, k, false);
              const pending = sum(id, k, true);
              return (
                <TableCell key={k}>
                  {formatNumber(all, locale)}
                  {pending ? ` ${t("overview.pendingOf", { n: formatNumber(pending, locale) })}` : ""}
                </TableCell>
              );
            })}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
