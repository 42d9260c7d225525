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
import { formatMessage, type IssueCode, type Severity } from "@xueji/shared";
import { SEVERITY_STRONG } from "@xueji/theme";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { invalidate } from "../../api/query";
import { diffQuery, reviewSheet, type SheetRow, sheetRowsQuery } from "../../api/sheets";
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
});

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
      {
        id: "issues",
        header: t("sheets.col.issues"),
        size: 520,
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
    ],
    [t, locale],
  );
  const submission = rows.data?.pages[0]?.submission;
  if (rows.error) return <ErrorBar error={rows.error} onRetry={() => void rows.refetch()} />;
  if (!submission) return <Loading />;
  return (
    <Section
      title={t("sheets.opened", {
        kind: t(`sheetKind.${submission.kind}`, { defaultValue: submission.kind }),
        version: submission.version,
      })}
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
              <Button type="submit" disabled={review.isPending || !reason.trim()}>
                {t("sheets.return")}
              </Button>
            </div>
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
