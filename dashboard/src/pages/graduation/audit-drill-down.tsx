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
  Radio,
  RadioGroup,
  Switch,
  Textarea,
} from "@fluentui/react-components";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { type AuditRow, auditListQuery, overrideAudit } from "../../api/graduation";
import { invalidate } from "../../api/query";
import { labelsOf, useReference } from "../../api/reference";
import { ErrorBar, Loading } from "../../components/page-state";
import { Section } from "../../components/section";
import { VirtualTable } from "../../components/virtual-table";
import { useLocale } from "../../i18n/use-locale";
import { useMay } from "../../shell/use-me";

/** A college's audit results, student by student, with the items that failed; override with a reason. */
export function AuditDrillDown({ cohort, collegeId }: { cohort: number; collegeId: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const labels = labelsOf(useReference().data, locale);
  const mayOverride = useMay("graduation.override");
  const [onlyComplete, setOnlyComplete] = useState(true);
  const outcome = onlyComplete ? ("complete" as const) : undefined;
  const list = useInfiniteQuery(auditListQuery({ cohort, collegeId, outcome }));
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const [editing, setEditing] = useState<AuditRow | null>(null);
  const [form, setForm] = useState({ outcome: "graduate" as "graduate" | "complete", degree: "award" as "award" | "withhold", reason: "" });
  const override = useMutation({
    mutationFn: overrideAudit,
    onSuccess: async () => {
      setEditing(null);
      await invalidate(queryClient, "graduation");
    },
  });
  const columns = useMemo<ColumnDef<AuditRow, unknown>[]>(() => {
    const col = (id: string, header: string, size: number, cell: (r: AuditRow) => React.ReactNode): ColumnDef<AuditRow, unknown> => ({
      id,
      header,
      size,
      enableSorting: false,
      accessorFn: (r) => r,
      cell: ({ row }) => cell(row.original),
    });
    return [
      col("studentNo", t("applications.col.studentNo"), 120, (r) => r.studentNo),
      col("name", t("applications.col.name"), 90, (r) => r.name),
      col("outcome", t("graduation.col.outcome"), 110, (r) => {
        const value = r.overrideOutcome ?? r.outcome;
        return (
          <Badge appearance="tint" color={value === "graduate" ? "success" : "danger"}>
            {t(`graduation.outcome.${value}`)}
            {r.overrideOutcome ? ` · ${t("graduation.overridden")}` : ""}
          </Badge>
        );
      }),
      col("degree", t("graduation.col.degree"), 90, (r) => t(`graduation.degreeValue.${r.degree}`)),
      col(
        "reasons",
        t("graduation.col.reasons"),
        380,
        (r) =>
          ((r.reasons ?? []) as Array<{ code: string } & Record<string, unknown>>)
            .map((x) => t(`graduation.reason.${x.code}`, { ...x, defaultValue: x.code }))
            .join("；") || "—",
      ),
      col("override", t("graduation.col.overrideReason"), 160, (r) => r.overrideReason ?? ""),
      col("actions", "", 100, (r) =>
        mayOverride ? (
          <Button
            size="small"
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
        ) : null,
      ),
    ];
  }, [t, mayOverride]);

  return (
    <Section
      title={t("graduation.drill", { college: labels.college(collegeId) })}
      actions={<Switch label={t("graduation.onlyComplete")} checked={onlyComplete} onChange={(_, d) => setOnlyComplete(d.checked)} />}
    >
      {list.error ? <ErrorBar error={list.error} /> : null}
      {list.isPending ? (
        <Loading />
      ) : (
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
      <Dialog open={editing !== null} onOpenChange={(_, d) => !d.open && setEditing(null)}>
        <DialogSurface>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (editing) override.mutate({ auditId: editing.id, ...form });
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
