import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Radio,
  RadioGroup,
  Switch,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { DISCIPLINE, levelAwardsDegree } from "@xueji/shared";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { type AuditRow, auditListQuery, overrideAudit, supplementDegree } from "../../api/graduation";
import { invalidate } from "../../api/query";
import { labelsOf, useReference } from "../../api/reference";
import { Empty, ErrorBar, QueryState } from "../../components/page-state";
import { rowColumn } from "../../components/row-column";
import { Section } from "../../components/section";
import { VirtualTable } from "../../components/virtual-table";
import { formatNumber } from "../../format/intl";
import { useLocale } from "../../i18n/use-locale";
import { useMay } from "../../shell/use-me";
import { CommitteeDialog } from "./committee-dialog";
import { ConvertDialog, type Converted } from "./convert-dialog";
import { FactsDialog } from "./facts-dialog";

const useStyles = makeStyles({
  badges: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXXS },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXXS },
});

/** A college's audit results, student by student, with the items that failed; override with a reason. */
export function AuditDrillDown({
  cohort,
  collegeId,
  every,
  onEvery,
  onChanged,
}: {
  cohort: number;
  collegeId: number;
  /** Every outcome (kept in the URL), else only the students the audit did not pass. */
  every: boolean;
  onEvery: (every: boolean) => void;
  /** An outcome changed here: the page's word on the last audit run (its counts) no longer holds. */
  onChanged?: () => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const reference = useReference().data;
  const labels = labelsOf(reference, locale);
  const mayOverride = useMay("graduation.override");
  const mayRun = useMay("graduation.run");
  const [factsOf, setFactsOf] = useState<AuditRow | null>(null);
  const [convertOf, setConvertOf] = useState<AuditRow | null>(null);
  // 学位补授 (seed 000 六.5): a graduate who left without a degree, on the degree committee's later decision.
  const [supplementOf, setSupplementOf] = useState<AuditRow | null>(null);
  // What the last change on this list did, in words: the reader sees it was done and what it caused.
  const [done, setDone] = useState<string | null>(null);
  const onlyComplete = !every;
  const outcome = onlyComplete ? ("complete" as const) : undefined;
  const list = useInfiniteQuery(auditListQuery({ cohort, collegeId, outcome }));
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const [editing, setEditing] = useState<AuditRow | null>(null);
  const [form, setForm] = useState({ outcome: "graduate" as "graduate" | "complete", degree: "award" as "award" | "withhold", reason: "" });
  const override = useMutation({
    mutationFn: overrideAudit,
    onSuccess: async (audit) => {
      const name = editing?.name ?? "";
      setEditing(null);
      // The row and the college's totals (the insights router's) both change.
      onChanged?.();
      await invalidate(queryClient, "graduation", "insights");
      setDone(
        t("gradYear.overridden", {
          name,
          outcome: t(`graduation.outcome.${audit.overrideOutcome ?? audit.outcome}`),
          degree: t(`graduation.degreeValue.${audit.overrideDegree ?? audit.degree}`),
        }),
      );
    },
  });
  const supplement = useMutation({
    mutationFn: supplementDegree,
    onSuccess: async (result) => {
      const name = supplementOf?.name ?? result.studentNo;
      setSupplementOf(null);
      // The degree changes on the row, the certificate list and the student's card.
      onChanged?.();
      await invalidate(queryClient, "graduation", "insights", "students");
      setDone(t("gradYear.supplement.done", { name, certificateNo: result.certificateNo, date: result.degreeAwardedOn }));
    },
  });
  const columns = useMemo<ColumnDef<AuditRow, unknown>[]>(() => {
    // The degree's own reasons follow (专科: the level alone — seed 000 六.3, no degree condition is asked).
    const reasonLine = (r: AuditRow): string => {
      const degree = (r.overrideDegree ?? r.degree) === "withhold" ? r.degreeReasonTexts.filter((x) => !r.reasonTexts.includes(x)) : [];
      return [...r.reasonTexts, ...(degree.length ? [t("gradYear.degreeReasons", { reasons: degree.join("、") })] : [])].join("；");
    };
    const col = rowColumn<AuditRow>;
    return [
      col("studentNo", t("applications.col.studentNo"), 110, (r) => r.studentNo),
      col("name", t("applications.col.name"), 80, (r) => r.name),
      col("outcome", t("graduation.col.outcome"), 150, (r) => {
        const value = r.overrideOutcome ?? r.outcome;
        return (
          <span className={styles.badges}>
            <Badge appearance="tint" color={value === "graduate" ? "success" : "danger"}>
              {t(`graduation.outcome.${value}`)}
              {r.overrideOutcome ? ` · ${t("graduation.overridden")}` : ""}
            </Badge>
            {/* Once executed the record's own status says what was done (毕业, 结业, 结业换毕业). */}
            {r.status !== "enrolled" ? (
              <Badge appearance="outline" color="informative">
                {t("gradYear.statusNow", { status: t(`studentStatus.${r.status}`, { defaultValue: r.status }) })}
              </Badge>
            ) : null}
          </span>
        );
      }),
      col("degree", t("graduation.col.degree"), 70, (r) => t(`graduation.degreeValue.${r.overrideDegree ?? r.degree}`)),
      col("facts", t("gradYear.col.facts"), 130, (r) => {
        const gpa = r.gpa === null ? "—" : formatNumber(r.gpa, locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
        const discipline = r.discipline === null ? "—" : (DISCIPLINE.entries.find((e) => e.code === r.discipline)?.name ?? r.discipline);
        return `${gpa} · ${discipline}`;
      }),
      // The server words each reason in the reader's language, the school's degree conditions by their own names.
      // A long reason is cut in the row; the whole of it is its title (hover, and what a screen reader offers).
      col("reasons", t("graduation.col.reasons"), 240, (r) => <span title={reasonLine(r)}>{reasonLine(r) || "—"}</span>),
      col("override", t("graduation.col.overrideReason"), 120, (r) => <span title={r.overrideReason ?? ""}>{r.overrideReason ?? ""}</span>),
      col("actions", t("graduation.col.actions"), 180, (r) => (
        <div className={styles.actions}>
          {mayOverride ? (
            <Button
              size="small"
              aria-label={`${t("graduation.override")} ${r.name}`}
              onClick={() => {
                setForm({
                  outcome: (r.overrideOutcome ?? r.outcome) === "graduate" ? "complete" : "graduate",
                  degree: "withhold",
                  reason: "",
                });
                setEditing(r);
              }}
            >
              {t("graduation.override")}
            </Button>
          ) : null}
          {mayRun ? (
            <Button size="small" aria-label={t("gradYear.facts.editFor", { name: r.name })} onClick={() => setFactsOf(r)}>
              {t("gradYear.facts.edit")}
            </Button>
          ) : null}
          {mayRun && r.status === "graduated" && levelAwardsDegree(r.level) && (r.overrideDegree ?? r.degree) === "withhold" ? (
            <Button size="small" aria-label={t("gradYear.supplement.actionFor", { name: r.name })} onClick={() => setSupplementOf(r)}>
              {t("gradYear.supplement.action")}
            </Button>
          ) : null}
          {mayRun && r.status === "completed" ? (
            <Button size="small" aria-label={t("gradYear.convert.actionFor", { name: r.name })} onClick={() => setConvertOf(r)}>
              {t("gradYear.convert.action")}
            </Button>
          ) : null}
        </div>
      )),
    ];
  }, [t, locale, mayOverride, mayRun, styles]);
  const converted = (c: Converted) => {
    setConvertOf(null);
    setDone(t("gradYear.convert.done", { name: c.name, id: c.applicationId }));
  };

  return (
    <Section
      title={t("graduation.drill", { college: labels.college(collegeId) })}
      actions={<Switch label={t("graduation.onlyComplete")} checked={onlyComplete} onChange={(_, d) => onEvery(!d.checked)} />}
    >
      {done ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      ) : null}
      <QueryState
        query={list}
        isEmpty={() => rows.length === 0}
        empty={<Empty title={t(onlyComplete ? "gradYear.drillNoneComplete" : "gradYear.drillNone")} />}
      >
        {() => (
          <VirtualTable
            label={t("graduation.drill", { college: labels.college(collegeId) })}
            data={rows}
            columns={columns}
            getRowId={(r) => String(r.id)}
            height="420px"
            hasMore={list.hasNextPage}
            loadingMore={list.isFetchingNextPage}
            onLoadMore={() => void list.fetchNextPage()}
          />
        )}
      </QueryState>
      {factsOf ? (
        <FactsDialog
          row={factsOf}
          onClose={() => setFactsOf(null)}
          onSaved={(name) => {
            setFactsOf(null);
            setDone(t("gradYear.facts.saved", { name }));
          }}
        />
      ) : null}
      {convertOf ? <ConvertDialog row={convertOf} onClose={() => setConvertOf(null)} onDone={converted} /> : null}
      {supplementOf ? (
        <CommitteeDialog
          title={t("gradYear.supplement.title", { name: supplementOf.name, studentNo: supplementOf.studentNo })}
          explain={t("gradYear.supplement.explain")}
          confirm={t("gradYear.supplement.confirm")}
          today={reference?.today ?? ""}
          pending={supplement.isPending}
          error={supplement.error ? <ErrorBar error={supplement.error} /> : null}
          onClose={() => {
            supplement.reset();
            setSupplementOf(null);
          }}
          onConfirm={(committee) => supplement.mutate({ studentNo: supplementOf.studentNo, committee })}
        />
      ) : null}
      <Dialog open={editing !== null} onOpenChange={(_, d) => !d.open && setEditing(null)}>
        <DialogSurface>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (editing) override.mutate({ auditId: editing.id, ...form, reason: form.reason.trim() });
            }}
          >
            <DialogBody>
              <DialogTitle>{t("graduation.overrideTitle", { name: editing?.name ?? "" })}</DialogTitle>
              <DialogContent>
                <Field label={t("graduation.col.outcome")}>
                  <RadioGroup
                    value={form.outcome}
                    onChange={(_, d) => setForm({ ...form, outcome: d.value as "graduate" | "complete" })}
                    layout="horizontal"
                  >
                    <Radio value="graduate" label={t("graduation.outcome.graduate")} />
                    <Radio value="complete" label={t("graduation.outcome.complete")} />
                  </RadioGroup>
                </Field>
                <Field label={t("graduation.col.degree")}>
                  <RadioGroup
                    value={form.degree}
                    onChange={(_, d) => setForm({ ...form, degree: d.value as "award" | "withhold" })}
                    layout="horizontal"
                  >
                    <Radio value="award" label={t("graduation.degreeValue.award")} />
                    <Radio value="withhold" label={t("graduation.degreeValue.withhold")} />
                  </RadioGroup>
                </Field>
                <Field label={t("common.reason")} required>
                  <Textarea value={form.reason} onChange={(_, d) => setForm({ ...form, reason: d.value })} maxLength={2000} />
                </Field>
                {override.error ? <ErrorBar error={override.error} /> : null}
              </DialogContent>
              <DialogActions>
                <Button onClick={() => setEditing(null)}>{t("common.cancel")}</Button>
                <Button appearance="primary" type="submit" disabled={!form.reason.trim() || override.isPending}>
                  {t("common.save")}
                </Button>
              </DialogActions>
            </DialogBody>
          </form>
        </DialogSurface>
      </Dialog>
    </Section>
  );
}
