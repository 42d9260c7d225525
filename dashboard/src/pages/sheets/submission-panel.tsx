import {
  Badge,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Text,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import {
  displayValue,
  FIELD_LABELS,
  type FieldKey,
  formatMessage,
  type IssueCode,
  type RowValues,
  receiptCode,
  type Severity,
} from "@xueji/shared";
import { SEVERITY_STRONG } from "@xueji/theme";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { invalidate } from "../../api/query";
import { diffQuery, reviewSheet, type SheetColumn, type SheetRow, sheetRowsQuery } from "../../api/sheets";
import { ErrorBar, Loading } from "../../components/page-state";
import { Section } from "../../components/section";
import { VirtualTable } from "../../components/virtual-table";
import { useLocale } from "../../i18n/use-locale";
import { useMay } from "../../shell/use-me";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  review: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, maxWidth: "720px" },
  buttons: { display: "flex", gap: tokens.spacingHorizontalM },
  diff: { display: "flex", gap: tokens.spacingHorizontalL },
  hint: { color: tokens.colorNeutralForeground3 },
});

/** Shown in the row's own columns already: 学号 and 姓名. */
const SHOWN_APART: ReadonlySet<FieldKey> = new Set(["studentNo", "name"]);
/** Columns wider than the rest: a course's name, an ID number, a reason. */
const FIELD_WIDTH: Partial<Record<FieldKey, number>> = { courseName: 180, idNumber: 170, reason: 220, evidence: 200, majorName: 150 };

/**
 * The columns any loaded row fills, in the order of the template the submission was checked with (which the
 * registrar may have changed from the default), headed as that template heads them; a field no column of it names
 * (an older version's) after them. An optional column the college left out is left out.
 */
function filledColumns(columns: readonly SheetColumn[], rows: readonly SheetRow[]): SheetColumn[] {
  const filled = new Set<FieldKey>();
  for (const row of rows)
    for (const [field, value] of Object.entries(row.values as RowValues))
      if (value !== undefined && field in FIELD_LABELS && !SHOWN_APART.has(field as FieldKey)) filled.add(field as FieldKey);
  const named = columns.filter((c) => filled.has(c.field));
  const others = [...filled].filter((field) => !columns.some((c) => c.field === field));
  return [...named, ...others.map((field) => ({ field, header: FIELD_LABELS[field]["zh-CN"] }))];
}

interface StoredIssue {
  code: IssueCode;
  severity: Severity;
  params?: Record<string, string | number>;
  field?: string | null;
}

/** One submission: who sent it, the reason it was returned, the change from the version before, its rows with their issues, and the review. */
export function SubmissionPanel({ submissionId }: { submissionId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const queryClient = useQueryClient();
  const mayReview = useMay("sheets.review");
  const rows = useInfiniteQuery(sheetRowsQuery(submissionId));
  const diff = useQuery(diffQuery(submissionId));
  const [reason, setReason] = useState("");
  const review = useMutation({
    mutationFn: reviewSheet,
    onSuccess: async () => {
      setReason("");
      await invalidate(queryClient, "sheets", "pending", "insights");
    },
  });
  const items = useMemo(() => rows.data?.pages.flatMap((p) => p.items) ?? [], [rows.data]);
  const submission = rows.data?.pages[0]?.submission;
  const templateColumns = rows.data?.pages[0]?.columns;
  const fields = useMemo(() => filledColumns(templateColumns ?? [], items), [templateColumns, items]);
  const columns = useMemo<ColumnDef<SheetRow, unknown>[]>(
    () => [
      { id: "row", header: t("sheets.col.row"), size: 60, accessorFn: (r) => r.rowNumber, enableSorting: false },
      { id: "studentNo", header: t("applications.col.studentNo"), size: 120, accessorFn: (r) => r.studentNo ?? "", enableSorting: false },
      {
        id: "name",
        header: t("applications.col.name"),
        size: 90,
        accessorFn: (r) => String((r.values as Record<string, unknown>).name ?? ""),
        enableSorting: false,
      },
      // The issues next to who they are about, where the reviewer reads first: the sent columns follow, scrolled to.
      {
        id: "issues",
        header: t("sheets.col.issues"),
        size: 420,
        enableSorting: false,
        accessorFn: (r) => r,
        cell: ({ row }) => {
          const issues = (row.original.issues ?? []) as StoredIssue[];
          if (!issues.length) return <Text>{t("sheets.noIssue")}</Text>;
          return (
            <span title={issues.map((i) => formatMessage(i.code, i.params ?? {}, locale)).join("\n")}>
              {issues
                .map((i) => ({ ...i, text: formatMessage(i.code, i.params ?? {}, locale) }))
                .map((i, n, all) => (
                  <span key={`${i.code}-${i.field ?? ""}-${i.text}`} style={{ color: SEVERITY_STRONG[i.severity] }}>
                    {i.text}
                    {n < all.length - 1 ? "；" : ""}
                  </span>
                ))}
            </span>
          );
        },
      },
      // What the college sent, column by column (a failed-course sheet's term, course, credits and mark): the rows the
      // registrar accepts or returns, not only who is on them.
      ...fields.map(
        ({ field, header }): ColumnDef<SheetRow, unknown> => ({
          id: field,
          // The sheet's own header for a Chinese reader; the field's name in English.
          header: locale === "zh-CN" ? header : FIELD_LABELS[field][locale],
          size: FIELD_WIDTH[field] ?? 110,
          enableSorting: false,
          accessorFn: (r) => displayValue((r.values as RowValues)[field], locale),
        }),
      ),
    ],
    [t, locale, fields],
  );
  if (rows.error) return <ErrorBar error={rows.error} onRetry={() => void rows.refetch()} />;
  if (!submission) return <Loading />;
  return (
    <Section
      title={t("sheets.opened", {
        kind: t(`sheetKind.${submission.kind}`, { defaultValue: submission.kind }),
        version: submission.version,
      })}
      note={<span data-testid="receipt-code">{t("sheets.receipt", { code: receiptCode(submissionId) })}</span>}
    >
      <div className={styles.stack}>
        {submission.state === "rejected" ? (
          <MessageBar intent="warning" layout="multiline" data-testid="return-reason">
            <MessageBarBody>
              <MessageBarTitle>{t("sheets.returned")}</MessageBarTitle>
              {submission.reviewReason || t("sheets.noReason")}
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {diff.data ? (
          <div className={styles.diff}>
            <Text weight="semibold">{diff.data.previousId ? t("sheets.diffAgainst") : t("sheets.firstVersion")}</Text>
            {diff.data.previousId ? (
              <>
                <Badge color="success" appearance="tint">
                  {t("sheets.added", { count: diff.data.added.length })}
                </Badge>
                <Badge color="danger" appearance="tint">
                  {t("sheets.removed", { count: diff.data.removed.length })}
                </Badge>
                <Badge color="warning" appearance="tint">
                  {t("sheets.changed", { count: diff.data.changed.length })}
                </Badge>
                {diff.data.changed.slice(0, 5).map((c) => (
                  <Text key={c.key} size={200}>
                    {c.key}: {c.fields.join("、")}
                  </Text>
                ))}
              </>
            ) : null}
          </div>
        ) : null}
        {mayReview && submission.state === "submitted" ? (
          <form
            className={styles.review}
            onSubmit={(e) => {
              e.preventDefault();
              review.mutate({ submissionId, decision: "reject", reason });
            }}
          >
            <Field label={t("sheets.returnReason")}>
              <Textarea value={reason} onChange={(_, d) => setReason(d.value)} maxLength={2000} />
            </Field>
            <div className={styles.buttons}>
              <Button appearance="primary" disabled={review.isPending} onClick={() => review.mutate({ submissionId, decision: "accept" })}>
                {t("sheets.accept")}
              </Button>
              <Button type="submit" disabled={review.isPending || !reason.trim()} aria-describedby="return-needs-reason">
                {t("sheets.return")}
              </Button>
            </div>
            {reason.trim() ? null : (
              <Text id="return-needs-reason" size={200} className={styles.hint}>
                {t("sheets.returnNeedsReason")}
              </Text>
            )}
          </form>
        ) : null}
        {review.error ? <ErrorBar error={review.error} /> : null}
        <VirtualTable
          label={t("sheets.rows")}
          data={items}
          columns={columns}
          getRowId={(r) => String(r.rowNumber)}
          height="420px"
          hasMore={rows.hasNextPage}
          loadingMore={rows.isFetchingNextPage}
          onLoadMore={() => void rows.fetchNextPage()}
        />
      </div>
    </Section>
  );
}
