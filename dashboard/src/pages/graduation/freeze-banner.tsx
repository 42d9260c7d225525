import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { graduateFreezeQuery } from "../../api/graduation";
import { ErrorBar } from "../../components/page-state";
import { formatDate, formatDateTime } from "../../format/intl";
import { useLocale } from "../../i18n/use-locale";

/**
 * seed 000 六.1 “毕业生所有信息在当年的四月底之后不再进行更改及补充”: on the audit and execution of the year's cohort,
 * whether its data is frozen (from the registrar calendar's 毕业生信息冻结 row) and each student it was lifted for —
 * who lifted it, when and why — so the list being decided on says which records may still change.
 */
export function FreezeBanner({ cohort, collegeId }: { cohort: number; collegeId: number | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const freeze = useQuery(graduateFreezeQuery({ collegeId }));
  if (freeze.error) return <ErrorBar error={freeze.error} onRetry={() => void freeze.refetch()} />;
  // Loading, or another cohort than the year's: the freeze holds only this year's graduates.
  if (!freeze.data || freeze.data.cohort !== cohort) return null;
  const { from, frozen, lifts } = freeze.data;
  return (
    <MessageBar intent={frozen ? "warning" : "info"} layout="multiline" data-testid="graduation-freeze">
      <MessageBarBody>
        <MessageBarTitle>
          {frozen
            ? t("gradYear.freeze.frozen", { cohort, from: formatDate(from, locale) })
            : t("gradYear.freeze.ahead", { cohort, from: formatDate(from, locale) })}
        </MessageBarTitle>
        {frozen ? (lifts.length ? t("gradYear.freeze.lifted", { count: lifts.length }) : t("gradYear.freeze.noLifts")) : null}
        {frozen && lifts.length ? (
          <ul aria-label={t("gradYear.freeze.liftsLabel")}>
            {lifts.map((l) => (
              <li key={`${l.studentNo}-${l.at}`}>
                {t("gradYear.freeze.lift", {
                  studentNo: l.studentNo,
                  name: l.name,
                  reason: l.reason,
                  by: l.by,
                  at: formatDateTime(l.at, locale),
                })}
              </li>
            ))}
          </ul>
        ) : null}
      </MessageBarBody>
    </MessageBar>
  );
}
