import { Button, Card, Field, MessageBar, MessageBarBody, makeStyles, Select, Spinner, Text, tokens } from "@fluentui/react-components";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { CHINA_DATE_TIME, FIELD_LABELS, type FieldKey } from "@xueji/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../api/client";
import { diffSubmission, listSubmissions } from "../api/sheets";
import { nearbyTerms } from "../check/term";
import { useApp } from "./app-context";
import { useCheck } from "./check-store";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, overflowY: "auto", minHeight: 0 },
  card: { gap: "2px", flexShrink: 0 },
  reason: { color: tokens.colorPaletteRedForeground1 },
});

function Diff({ submissionId }: { submissionId: string }) {
  const { api, locale } = useApp();
  const { t } = useTranslation();
  const diff = useQuery({ queryKey: ["sheets.diff", submissionId], queryFn: () => diffSubmission(api, submissionId) });
  if (diff.isPending) return <Spinner size="tiny" />;
  if (diff.error) return <Text>{errorMessage(diff.error, t)}</Text>;
  const d = diff.data;
  if (!d.previousId) return <Text size={200}>{t("history.diffFirst")}</Text>;
  return (
    <div>
      <Text size={200} block>
        {t("history.added", { count: d.added.length })} · {t("history.removed", { count: d.removed.length })} ·{" "}
        {t("history.changed", { count: d.changed.length })}
      </Text>
      {d.changed.slice(0, 20).map((c) => (
        <Text key={c.key} size={200} block>
          {t("history.changedFields", {
            key: c.key,
            fields: c.fields.map((f) => FIELD_LABELS[f as FieldKey]?.[locale] ?? f).join("、"),
          })}
        </Text>
      ))}
    </div>
  );
}

/** The college's submissions for a term: version, review state, the registrar's reason, what changed. */
export function HistoryPage() {
  const { api, today } = useApp();
  const { state } = useCheck();
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const [term, setTerm] = useState(state.term);
  const [open, setOpen] = useState<string | null>(null);
  const list = useInfiniteQuery({
    queryKey: ["sheets.list", term],
    queryFn: ({ pageParam }) => listSubmissions(api, term, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
  const items = list.data?.pages.flatMap((p) => p.items);
  return (
    <section className={styles.page} aria-label={t("history.title")}>
      <Field label={t("check.term")}>
        <Select value={term} onChange={(_, d) => setTerm(d.value)}>
          {nearbyTerms(today).map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </Select>
      </Field>
      {list.isPending ? <Spinner label={t("history.title")} /> : null}
      {list.error ? (
        <MessageBar intent="error">
          <MessageBarBody>{errorMessage(list.error, t)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {items && items.length === 0 ? <Text>{t("history.empty")}</Text> : null}
      {items?.map((s) => (
        <Card key={s.id} className={styles.card} data-testid="history-item">
          <Text weight="semibold">
            {t(`kinds.${s.kind}`, { defaultValue: s.kind })} · {t("history.version", { version: s.version })} ·{" "}
            {t(`history.states.${s.state}`, { defaultValue: s.state })}
          </Text>
          <Text size={200}>
            {t("history.by", { who: s.submittedBy, when: new Date(s.submittedAt).toLocaleString(i18n.language, CHINA_DATE_TIME) })}
          </Text>
          <Text size={200}>{t("history.rows", { rows: s.rowCount, errors: s.errorCount })}</Text>
          {s.reviewReason ? <Text className={styles.reason}>{t("history.reason", { reason: s.reviewReason })}</Text> : null}
          <Button size="small" appearance="subtle" onClick={() => setOpen(open === s.id ? null : s.id)} aria-expanded={open === s.id}>
            {t("history.diff")}
          </Button>
          {open === s.id ? <Diff submissionId={s.id} /> : null}
        </Card>
      ))}
      {list.hasNextPage ? (
        <Button onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          {t("history.more")}
        </Button>
      ) : null}
    </section>
  );
}
