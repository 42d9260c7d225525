import "./my-work-words";
import { Badge } from "@fluentui/react-components";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { SHEET_LABELS, type SheetKind, STANDING_OUTCOME_LABELS } from "@xueji/shared";
import { useTranslation } from "react-i18next";
import { type InboxItem, myInboxQuery } from "../../api/insights";
import { LabelValueTable } from "../../components/label-value-table";
import { Empty, QueryState } from "../../components/page-state";
import { Section } from "../../components/section";
import { formatDate } from "../../format/intl";
import { useLocale } from "../../i18n/use-locale";
import { ProvisionalMark } from "../../shell/system-warnings";
import { STANDING_KINDS } from "../standing/search";

/** Working days left as a badge: overdue in red, two days or fewer in amber. */
function LeftBadge({ days }: { days: number | null }) {
  const { t } = useTranslation();
  if (days === null) return <>—</>;
  if (days < 0)
    return (
      <Badge color="danger" appearance="filled">
        {t("common.overdueBy", { count: -days })}
      </Badge>
    );
  return (
    <Badge color={days <= 2 ? "warning" : "informative"} appearance="tint">
      {t("common.workingDaysLeft", { count: days })}
    </Badge>
  );
}

/** Where the reader goes to do an item: the sheets of that term and college, or the standing list. */
function ItemLink({ item }: { item: InboxItem }) {
  const { t } = useTranslation();
  const sheet = item.kind.startsWith("sheet-");
  return (
    <>
      {sheet ? (
        <Link to="/sheets" search={{ termCode: item.termCode ?? undefined, collegeId: item.collegeId }}>
          {t("inbox.open")}
        </Link>
      ) : (
        <Link to="/standing" search={{ collegeId: item.collegeId, kind: STANDING_KINDS.find((k) => k === item.subject) }}>
          {t("inbox.open")}
        </Link>
      )}
    </>
  );
}

/**
 * The part of 我的待办 that is not applications, by role: returned and due sheets and pending 学业预警
 * for a secretary; sheets to review and outcomes to take up for the registrar.
 */
export function InboxSection() {
  const { t } = useTranslation();
  const locale = useLocale();
  const inbox = useQuery(myInboxQuery());
  const subject = (item: InboxItem) => {
    if (item.kind.startsWith("sheet-")) {
      // The calendar's task names its term (不及格课程信息核对（秋）); a sheet waiting for review is named by its kind
      // and term, so that the registrar tells this term's list from the last one's.
      const name =
        item.taskName?.[locale] ??
        [SHEET_LABELS[item.subject as SheetKind]?.[locale] ?? item.subject, item.termCode].filter(Boolean).join(" · ");
      return item.reason ? `${name}（${t("inbox.reason", { reason: item.reason })}）` : name;
    }
    const outcome = STANDING_OUTCOME_LABELS[item.subject as keyof typeof STANDING_OUTCOME_LABELS]?.[locale] ?? item.subject;
    return `${outcome} · ${t("inbox.people", { count: item.count })}`;
  };
  return (
    <Section title={t("inbox.title")} note={t("inbox.note")}>
      <QueryState query={inbox} isEmpty={(data) => data.items.length === 0} empty={<Empty title={t("inbox.none")} />}>
        {(data) => (
          <LabelValueTable
            label={t("inbox.label")}
            rows={data.items}
            rowKey={(item, i) => `${item.kind}-${item.collegeId}-${item.subject}-${item.termCode ?? ""}-${i}`}
            columns={[
              { id: "what", label: t("inbox.what"), value: (item) => t(`inbox.kinds.${item.kind}`) },
              { id: "college", label: t("inbox.college"), value: (item) => item.collegeName },
              { id: "subject", label: t("inbox.subject"), value: subject },
              {
                id: "due",
                label: t("inbox.due"),
                value: (item) =>
                  item.dueOn ? (
                    <>
                      {formatDate(item.dueOn, locale)} <ProvisionalMark date={item.dueOn} />
                    </>
                  ) : (
                    "—"
                  ),
              },
              { id: "left", label: t("inbox.left"), value: (item) => <LeftBadge days={item.workingDaysLeft} /> },
              { id: "open", label: t("inbox.open"), value: (item) => <ItemLink item={item} /> },
            ]}
          />
        )}
      </QueryState>
    </Section>
  );
}
