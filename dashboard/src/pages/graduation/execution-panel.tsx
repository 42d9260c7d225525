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
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Radio,
  RadioGroup,
  Text,
  tokens,
} from "@fluentui/react-components";
import { CheckmarkCircleRegular } from "@fluentui/react-icons";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { ownCollegeOf } from "@xueji/shared";
import type { TFunction } from "i18next";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { executeList, executionPreviewQuery, type PreviewRow } from "../../api/graduation";
import { invalidate } from "../../api/query";
import { labelsOf, useReference } from "../../api/reference";
import { CollegePicker } from "../../components/college-picker";
import { Empty, ErrorBar, QueryState } from "../../components/page-state";
import { rowColumn } from "../../components/row-column";
import { Section } from "../../components/section";
import { VirtualTable } from "../../components/virtual-table";
import { formatDate } from "../../format/intl";
import { useLocale } from "../../i18n/use-locale";
import { useMay, useMe } from "../../shell/use-me";
import type { GraduationSearch } from "./search";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  filters: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalL },
  number: { fontFamily: tokens.fontFamilyMonospace },
});

type Refusal = PreviewRow["refusals"][number];

/** What is missing, in the registrar's words: the data to complete before the student can be carried out. */
export function refusalText(r: Refusal, t: TFunction): string {
  switch (r.code) {
    case "status":
      return t("gradYear.execute.refusal.status", { status: t(`studentStatus.${r.status}`, { defaultValue: r.status }) });
    case "level":
      return t("gradYear.execute.refusal.level", { level: r.level });
    case "identity-incomplete":
      return t("gradYear.execute.refusal.identity-incomplete", {
        fields: r.fields.map((f) => t(`gradYear.execute.field.${f}`, { defaultValue: f })).join("、"),
      });
    case "photo-missing":
      return t("gradYear.execute.refusal.photo-missing");
    case "photo-dimensions":
      return t("gradYear.execute.refusal.photo-dimensions", { width: r.width, height: r.height });
    case "photo-size":
      return t("gradYear.execute.refusal.photo-size", { kb: Math.round(r.bytes / 1024) });
  }
}

/**
 * 毕业执行: a college's approved list, previewed from the same plan the execution follows — who becomes
 * 毕业 or 结业 with the certificate number each gets, who cannot be carried out and what data is missing —
 * then carried out in one step, with what it did said in numbers.
 */
export function ExecutionPanel({
  cohort,
  collegeId: asked,
  show,
  onSearch,
}: {
  cohort: number;
  collegeId: number | undefined;
  show: GraduationSearch["show"];
  onSearch: (next: Partial<GraduationSearch>) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const queryClient = useQueryClient();
  const me = useMe();
  const labels = labelsOf(useReference().data, locale);
  const mayRun = useMay("graduation.run");
  const collegeId = asked ?? ownCollegeOf(me) ?? undefined;
  const [graduationDate, setGraduationDate] = useState(`${cohort}-06-30`);
  const dateOk = /^\d{4}-\d{2}-\d{2}$/.test(graduationDate);
  const input = { cohort, collegeId, graduationDate: dateOk ? graduationDate : undefined, filter: show };
  const preview = useInfiniteQuery({ ...executionPreviewQuery(input), enabled: collegeId !== undefined });
  const rows = useMemo(() => preview.data?.pages.flatMap((p) => p.items) ?? [], [preview.data]);
  const first = preview.data?.pages[0];
  const [confirming, setConfirming] = useState(false);
  const execute = useMutation({
    mutationFn: executeList,
    onSuccess: async () => {
      setConfirming(false);
      // Statuses, certificates, the audit's lists and every count of them changed.
      await invalidate(queryClient, "graduation", "insights", "students", "studentSearch", "reports");
    },
  });
  const college = labels.college(collegeId);

  const columns = useMemo<ColumnDef<PreviewRow, unknown>[]>(() => {
    const col = (id: string, size: number, cell: (r: PreviewRow) => React.ReactNode) =>
      rowColumn(id, t(`gradYear.execute.col.${id}`), size, cell);
    const status = (s: string | null) => (s ? t(`studentStatus.${s}`, { defaultValue: s }) : "—");
    return [
      col("studentNo", 110, (r) => r.studentNo),
      col("name", 80, (r) => r.name),
      col("major", 150, (r) => r.majorName),
      col("status", 80, (r) => status(r.status)),
      col("to", 80, (r) =>
        r.to ? (
          <Badge appearance="tint" color={r.to === "graduated" ? "success" : "warning"}>
            {status(r.to)}
          </Badge>
        ) : (
          "—"
        ),
      ),
      col("certificateNo", 250, (r) =>
        r.certificateNo ? (
          <span className={styles.number}>
            {r.state === "done" ? t("gradYear.execute.issued", { no: r.certificateNo }) : r.certificateNo}
          </span>
        ) : (
          "—"
        ),
      ),
      // A degree is a graduate's question only: a 结业 student reads — before the execution and after it alike (she
      // read 不授予 once it was carried out). Done, the row's status is what the execution set.
      col("degree", 60, (r) =>
        (r.to ?? (r.state === "done" ? r.status : null)) === "graduated" ? t(`graduation.degreeValue.${r.degree}`) : "—",
      ),
      col("refusals", 300, (r) => r.refusals.map((x) => refusalText(x, t)).join("；") || ""),
    ];
  }, [t, styles.number]);

  const totals = first?.totals;
  const toExecute = (totals?.graduate ?? 0) + (totals?.complete ?? 0);
  return (
    <div className={styles.stack}>
      <div className={styles.filters}>
        <CollegePicker value={collegeId} onChange={(id) => onSearch({ collegeId: id })} />
        <Field
          label={t("gradYear.execute.date")}
          validationState={dateOk ? "none" : "error"}
          validationMessage={dateOk ? undefined : t("gradYear.execute.date")}
        >
          <Input type="date" value={graduationDate} onChange={(_, d) => setGraduationDate(d.value)} />
        </Field>
        <Field label={t("gradYear.execute.showLabel")}>
          <RadioGroup
            layout="horizontal"
            value={show ?? "all"}
            onChange={(_, d) => onSearch({ show: d.value === "all" ? undefined : (d.value as GraduationSearch["show"]) })}
          >
            {(["all", "planned", "refused", "done"] as const).map((v) => (
              <Radio key={v} value={v} label={t(`gradYear.execute.show.${v}`)} />
            ))}
          </RadioGroup>
        </Field>
      </div>
      {execute.data ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>
            {execute.data.executed
              ? t("gradYear.execute.done", { ...execute.data, refused: execute.data.refused.length })
              : t("gradYear.execute.nothing", { refused: execute.data.refused.length })}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {collegeId === undefined ? (
        <MessageBar>
          <MessageBarBody>{t("gradYear.execute.pickCollege")}</MessageBarBody>
        </MessageBar>
      ) : (
        <Section
          title={t("gradYear.execute.title", { college, cohort })}
          note={t("gradYear.execute.note")}
          actions={
            mayRun && first?.approved ? (
              <Button
                appearance="primary"
                icon={<CheckmarkCircleRegular />}
                disabled={toExecute === 0 || execute.isPending || !dateOk}
                onClick={() => {
                  execute.reset();
                  setConfirming(true);
                }}
              >
                {t("gradYear.execute.action", { count: toExecute })}
              </Button>
            ) : null
          }
        >
          <QueryState query={preview}>
            {(data) => {
              const head = data.pages[0];
              if (!head) return null;
              return head.approved ? (
                <>
                  <Text role="status" data-testid="execution-totals">
                    {t("gradYear.execute.totals", head.totals)}
                  </Text>
                  {rows.length === 0 ? (
                    <Empty title={t("gradYear.execute.none")} />
                  ) : (
                    <VirtualTable
                      label={t("gradYear.execute.title", { college, cohort })}
                      data={rows}
                      columns={columns}
                      getRowId={(r) => String(r.auditId)}
                      height="420px"
                      hasMore={preview.hasNextPage}
                      loadingMore={preview.isFetchingNextPage}
                      onLoadMore={() => void preview.fetchNextPage()}
                    />
                  )}
                </>
              ) : (
                <MessageBar intent="warning">
                  <MessageBarBody>{t("gradYear.execute.notApproved", { college })}</MessageBarBody>
                </MessageBar>
              );
            }}
          </QueryState>
        </Section>
      )}
      <Dialog open={confirming} onOpenChange={(_, d) => !d.open && setConfirming(false)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t("gradYear.execute.confirmTitle", { college, cohort })}</DialogTitle>
            <DialogContent>
              <Text block>
                {t("gradYear.execute.confirmText", {
                  graduate: totals?.graduate ?? 0,
                  complete: totals?.complete ?? 0,
                  refused: totals?.refused ?? 0,
                  date: formatDate(graduationDate, locale),
                })}
              </Text>
              {execute.error ? <ErrorBar error={execute.error} /> : null}
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setConfirming(false)}>{t("common.cancel")}</Button>
              <Button
                appearance="primary"
                disabled={execute.isPending || collegeId === undefined}
                onClick={() => collegeId !== undefined && execute.mutate({ cohort, collegeId, graduationDate })}
              >
                {t("gradYear.execute.confirm")}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
