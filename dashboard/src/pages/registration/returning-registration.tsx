import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Option,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import type { ColumnDef, RowSelectionState } from "@tanstack/react-table";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { invalidate } from "../../api/query";
import { labelsOf, useReference } from "../../api/reference";
import {
  deferStudents,
  type RegistrationResult,
  type RegistrationRow,
  registerStudents,
  registrationDeadlinesQuery,
  registrationListQuery,
} from "../../api/registration";
import { LabelValueTable } from "../../components/label-value-table";
import { ErrorBar, QueryState } from "../../components/page-state";
import { ReasonDialog } from "../../components/reason-dialog";
import { rowColumn } from "../../components/row-column";
import { Section } from "../../components/section";
import { VirtualTable } from "../../components/virtual-table";
import { formatDate, formatDateTime } from "../../format/intl";
import { useLocale } from "../../i18n/use-locale";
import { useMay } from "../../shell/use-me";
import { REGISTRATION_FILTERS, type RegistrationSearch } from "./search";

const useStyles = makeStyles({
  toolbar: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalM },
  hint: { color: tokens.colorNeutralForeground3, marginLeft: "auto" },
  results: { maxHeight: "320px", overflowY: "auto", marginTop: tokens.spacingVerticalM },
  actions: { display: "flex", gap: tokens.spacingHorizontalXS },
});

type Action = "register" | "defer";
interface Outcome {
  action: Action;
  results: RegistrationResult[];
}

/**
 * 学年注册 of returning students (seed 003 第十–十二条): the list with its status, one student or many at a
 * time, 注册 or 暂缓注册 (with its reason), and 补注册 of the deferred; every student gets its own result.
 */
export function ReturningRegistration({
  academicYear,
  collegeId,
  status,
}: {
  academicYear: string;
  collegeId: number | undefined;
  status: RegistrationSearch["status"];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const queryClient = useQueryClient();
  const navigate = useNavigate({ from: "/registration" });
  const labels = labelsOf(useReference().data, locale);
  const mayWrite = useMay("registration.write");
  const list = useInfiniteQuery(registrationListQuery({ academicYear, collegeId, status }));
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const deadlines = useQuery(registrationDeadlinesQuery(academicYear));
  const limit = deadlines.data?.deadlines.find((d) => d.key === "electronic");
  // 补注册 is done within the year's electronic registration (《学生学籍学历电子注册管理办法》第十二条): once that
  // limit has passed, a deferred student's button says so instead of offering what the server refuses.
  const lateClosed = limit?.passed === true;
  const [selection, setSelection] = useState<RowSelectionState>({});
  const [deferring, setDeferring] = useState<string[] | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const selected = Object.keys(selection).filter((k) => selection[k]);
  const done = async (action: Action, results: RegistrationResult[]) => {
    setOutcome({ action, results });
    setSelection({});
    setDeferring(null);
    await invalidate(queryClient, "registration");
  };
  const register = useMutation({ mutationFn: registerStudents, onSuccess: (r) => done("register", r) });
  const busy = register.isPending;

  const columns = useMemo<ColumnDef<RegistrationRow, unknown>[]>(() => {
    const col = (id: string, size: number, cell: (r: RegistrationRow) => React.ReactNode) =>
      rowColumn(id, t(`registrationPage.col.${id}`), size, cell);
    return [
      col("studentNo", 110, (r) => r.studentNo),
      col("name", 80, (r) => r.name),
      col("college", 150, (r) => labels.college(r.collegeId)),
      col("grade", 60, (r) => r.grade),
      col("status", 96, (r) => (
        <Badge appearance="tint" color={r.status === "registered" ? "success" : r.status === "deferred" ? "warning" : "subtle"}>
          {t(`registrationPage.status.${r.status ?? "none"}`, { defaultValue: r.status ?? "" })}
        </Badge>
      )),
      col("updatedAt", 140, (r) => formatDateTime(r.updatedAt, locale)),
      ...(mayWrite
        ? [
            col("actions", 170, (r) =>
              r.status === "registered" ? null : (
                <span className={styles.actions}>
                  <Button
                    size="small"
                    disabled={busy}
                    disabledFocusable={r.status === "deferred" && lateClosed}
                    title={r.status === "deferred" && lateClosed ? t("registrationPage.lateClosed") : undefined}
                    aria-label={`${t(r.status === "deferred" ? "registrationPage.lateRegister" : "registrationPage.register")} ${r.name}`}
                    onClick={() => register.mutate({ academicYear, studentNos: [r.studentNo] })}
                  >
                    {t(r.status === "deferred" ? "registrationPage.lateRegister" : "registrationPage.register")}
                  </Button>
                  {r.status === "deferred" ? null : (
                    <Button
                      size="small"
                      disabled={busy}
                      aria-label={`${t("registrationPage.defer")} ${r.name}`}
                      onClick={() => setDeferring([r.studentNo])}
                    >
                      {t("registrationPage.defer")}
                    </Button>
                  )}
                </span>
              ),
            ),
          ]
        : []),
    ];
  }, [t, locale, labels, mayWrite, busy, register, academicYear, styles, lateClosed]);

  const ok = outcome?.results.filter((r) => r.ok).length ?? 0;
  return (
    <Section title={t("registrationPage.returning")} note={t("registrationPage.returningNote")}>
      <div className={styles.toolbar}>
        <Field label={t("registrationPage.filter")}>
          <Dropdown
            value={status ? t(`registrationPage.status.${status}`) : t("common.all")}
            selectedOptions={[status ?? ""]}
            onOptionSelect={(_, d) =>
              navigate({
                search: (prev) => ({ ...prev, status: (d.optionValue || undefined) as RegistrationSearch["status"] }),
                replace: true,
              })
            }
          >
            <Option value="">{t("common.all")}</Option>
            {REGISTRATION_FILTERS.map((f) => (
              <Option key={f} value={f}>
                {t(`registrationPage.status.${f}`)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        {mayWrite ? (
          <>
            <Button
              appearance="primary"
              disabled={selected.length === 0 || busy}
              onClick={() => register.mutate({ academicYear, studentNos: selected })}
            >
              {t("registrationPage.registerSelected", { count: selected.length })}
            </Button>
            <Button disabled={selected.length === 0 || busy} onClick={() => setDeferring(selected)}>
              {t("registrationPage.deferSelected", { count: selected.length })}
            </Button>
            <Text className={styles.hint}>{t("registrationPage.selectHint")}</Text>
          </>
        ) : null}
      </div>
      {status === "deferred" && limit ? (
        <MessageBar intent={limit.passed ? "error" : "warning"}>
          <MessageBarBody>
            {t("registrationPage.lateLimit", { date: formatDate(limit.date, locale) })}
            {limit.provisional ? `（${t("registrationPage.provisional")}）` : ""}{" "}
            {limit.passed ? t("registrationPage.lateLimitPassed") : t("registrationPage.lateLimitLeft", { count: limit.workingDaysLeft })}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {register.error ? <ErrorBar error={register.error} /> : null}
      <QueryState
        query={list}
        isEmpty={(data) => !data.pages.some((p) => p.items.length > 0)}
        empty={<Text>{t("registrationPage.noneInList")}</Text>}
      >
        {() => (
          <VirtualTable
            label={t("registrationPage.returning")}
            data={rows}
            columns={columns}
            getRowId={(r) => r.studentNo}
            // As tall as its rows up to 420 px: a short list (the deferred few) leaves no empty box.
            height={Math.min(420, 40 + rows.length * 36 + (list.hasNextPage ? 36 : 0))}
            rowSelection={mayWrite ? selection : undefined}
            onRowSelectionChange={mayWrite ? setSelection : undefined}
            hasMore={list.hasNextPage}
            loadingMore={list.isFetchingNextPage}
            onLoadMore={() => void list.fetchNextPage()}
          />
        )}
      </QueryState>
      {deferring ? (
        <ReasonDialog
          title={t("registrationPage.deferTitle", { count: deferring.length })}
          label={t("registrationPage.deferReason")}
          hint={t("registrationPage.deferReasonHint")}
          confirm={t("registrationPage.defer")}
          maxLength={200}
          singleLine
          submit={(reason) => deferStudents({ academicYear, studentNos: deferring, reason })}
          onDone={(r) => done("defer", r)}
          onClose={() => setDeferring(null)}
        />
      ) : null}
      <Dialog open={outcome !== null} onOpenChange={(_, d) => !d.open && setOutcome(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>
              {t("registrationPage.resultsTitle", {
                action: t(outcome?.action === "defer" ? "registrationPage.defer" : "registrationPage.register"),
                ok,
                failed: (outcome?.results.length ?? 0) - ok,
              })}
            </DialogTitle>
            <DialogContent>
              <div className={styles.results}>
                <LabelValueTable
                  label={t("registrationPage.results")}
                  rows={outcome?.results ?? []}
                  rowKey={(r) => r.studentNo}
                  rowProps={(r) => ({ "data-testid": `registration-result-${r.studentNo}` })}
                  columns={[
                    { id: "studentNo", label: t("registrationPage.col.studentNo"), value: (r) => r.studentNo },
                    {
                      id: "result",
                      label: t("registrationPage.result"),
                      value: (r) =>
                        !r.ok
                          ? r.message
                          : r.from === r.to
                            ? t("registrationPage.resultUnchanged")
                            : r.late
                              ? t("registrationPage.resultLate")
                              : r.to === "deferred"
                                ? t("registrationPage.resultDeferred")
                                : t("registrationPage.resultRegistered"),
                    },
                  ]}
                />
              </div>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => setOutcome(null)}>
                {t("registrationPage.close")}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </Section>
  );
}
