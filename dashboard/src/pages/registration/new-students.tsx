import {
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
  SearchBox,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { ColumnDef } from "@tanstack/react-table";
import type { Locale } from "@xueji/shared";
import { useDeferredValue, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { fileApplication } from "../../api/applications";
import { invalidate } from "../../api/query";
import { useReference } from "../../api/reference";
import { registerNewStudents, registrarCalendarQuery, registrationSummaryQuery } from "../../api/registration";
import { type StudentHit, studentSearchQuery } from "../../api/students";
import { ErrorBar, QueryState } from "../../components/page-state";
import { rowColumn } from "../../components/row-column";
import { Section } from "../../components/section";
import { VirtualTable } from "../../components/virtual-table";
import { formatDate, formatNumber } from "../../format/intl";
import { useMay } from "../../shell/use-me";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  actions: { display: "flex", gap: tokens.spacingHorizontalXS },
  tasks: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
});

/** The registrar's calendar rows of the new students' year (seed 004 附件二): 报到, the check, 电子注册. */
const NEW_STUDENT_TASKS = ["new-student-report", "new-student-check", "new-student-registration"];

type AdmissionEnd = "give-up-admission" | "cancel-admission";
interface Filed {
  id: number;
  name: string;
  type: AdmissionEnd;
}

/**
 * 新生电子注册 (seed 004: 报到 → 在读) and the admitted students who never came, each taken to 放弃入学资格
 * or 取消入学资格 as a college draft (the workflows' own path: materials, then 报送).
 */
export function NewStudents({ academicYear, collegeId, locale }: { academicYear: string; collegeId: number | undefined; locale: Locale }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const queryClient = useQueryClient();
  const reference = useReference().data;
  const grade = Number(academicYear.slice(0, 4));
  const summary = useQuery(registrationSummaryQuery(academicYear, collegeId));
  const calendar = useQuery(registrarCalendarQuery(academicYear));
  const tasks = calendar.data?.items.filter((i) => NEW_STUDENT_TASKS.includes(i.key)) ?? [];
  const reported = summary.data?.reduce((n, r) => n + r.reported, 0) ?? 0;
  const mayRegisterNew = useMay("registration.register-new");
  const mayFile = useMay("applications.file");
  const [confirming, setConfirming] = useState(false);
  const register = useMutation({
    mutationFn: registerNewStudents,
    onSuccess: async () => {
      setConfirming(false);
      await invalidate(queryClient, "registration", "studentSearch", "reports");
    },
  });
  // A college admits hundreds: the registrar finds the one who wrote to give up by name or 学号.
  const [search, setSearch] = useState("");
  const q = useDeferredValue(search.trim());
  const absent = useInfiniteQuery(studentSearchQuery(q, collegeId, { grade, status: "admitted" }));
  const rows = useMemo(() => absent.data?.pages.flatMap((p) => p.items) ?? [], [absent.data]);
  const [filed, setFiled] = useState<Filed[]>([]);
  const file = useMutation({
    mutationFn: async ({ student, type }: { student: StudentHit; type: AdmissionEnd }) => {
      const workflow = reference?.workflows.find((w) => w.type === type);
      const created = await fileApplication({
        studentNo: student.studentNo,
        type,
        reasonCode: workflow?.reasons[0]?.code ?? "99",
        materials: [],
      });
      return { id: created.id, name: student.name, type };
    },
    onSuccess: async (out) => {
      setFiled((before) => [out, ...before]);
      await invalidate(queryClient, "applications");
    },
  });
  const typeName = (type: AdmissionEnd) => reference?.workflows.find((w) => w.type === type)?.name[locale] ?? type;

  const columns = useMemo<ColumnDef<StudentHit, unknown>[]>(() => {
    const col = rowColumn<StudentHit>;
    return [
      col("studentNo", t("registrationPage.col.studentNo"), 110, (r) => r.studentNo),
      col("name", t("registrationPage.col.name"), 80, (r) => r.name),
      col("college", t("registrationPage.col.college"), 150, (r) => r.collegeName),
      col("major", t("students.major"), 150, (r) => r.majorName),
      ...(mayFile
        ? [
            col("actions", t("registrationPage.col.actions"), 230, (r) => (
              <span className={styles.actions}>
                {(["give-up-admission", "cancel-admission"] as const).map((type) => (
                  <Button
                    key={type}
                    size="small"
                    disabled={file.isPending}
                    aria-label={`${t(type === "give-up-admission" ? "registrationPage.giveUp" : "registrationPage.cancelAdmission")} ${r.name}`}
                    onClick={() => file.mutate({ student: r, type })}
                  >
                    {t(type === "give-up-admission" ? "registrationPage.giveUp" : "registrationPage.cancelAdmission")}
                  </Button>
                ))}
              </span>
            )),
          ]
        : []),
    ];
  }, [t, mayFile, file, styles]);

  return (
    <Section title={t("registrationPage.newStudents")} note={t("registrationPage.newStudentsNote")}>
      <QueryState query={summary}>
        {() => (
          <div className={styles.row}>
            <Text role="status">
              {reported > 0
                ? t("registrationPage.reportedWaiting", { count: reported, formatted: formatNumber(reported, locale) })
                : t("registrationPage.noneWaiting")}
            </Text>
            {mayRegisterNew && reported > 0 ? (
              <Button appearance="primary" onClick={() => setConfirming(true)}>
                {t("registrationPage.registerNew", { count: reported })}
              </Button>
            ) : null}
          </div>
        )}
      </QueryState>
      {tasks.length ? (
        <ul className={styles.tasks} aria-label={t("registrationPage.calendar")}>
          {tasks.map((task) => (
            <li key={task.key}>
              {task.name[locale]}：{task.deadline[locale]}
              {task.dueOn ? `（${formatDate(task.dueOn, locale)}${task.provisional ? `，${t("registrationPage.provisional")}` : ""}）` : ""}
            </li>
          ))}
        </ul>
      ) : null}
      {calendar.error ? <ErrorBar error={calendar.error} onRetry={() => void calendar.refetch()} /> : null}
      {register.data ? (
        <MessageBar intent="success">
          <MessageBarBody>{t("registrationPage.registeredNew", { count: register.data.registered })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {register.data?.heldBack.map((h) => (
        <MessageBar key={h.studentNo} intent="warning">
          <MessageBarBody>
            {h.rule === "live-status-held"
              ? t("registrationPage.heldBackLiveStatus", { studentNo: h.studentNo, name: h.name, holder: h.holder })
              : h.rule === "same-id-reported"
                ? t("registrationPage.heldBackSameId", {
                    studentNo: h.studentNo,
                    name: h.name,
                    others: h.others.join(locale === "en" ? ", " : "、"),
                  })
                : t("registrationPage.heldBackPreparatory", { studentNo: h.studentNo, name: h.name })}
          </MessageBarBody>
        </MessageBar>
      ))}
      <Text weight="semibold">{t("registrationPage.neverCame")}</Text>
      <Text size={200}>{t("registrationPage.neverCameNote")}</Text>
      {filed.map((f) => (
        <MessageBar key={f.id} intent="success">
          <MessageBarBody>
            {t("registrationPage.filed", { name: f.name, type: typeName(f.type) })}{" "}
            <Link to="/applications/$id" params={{ id: String(f.id) }}>
              {t("registrationPage.openDraft", { id: f.id })}
            </Link>
          </MessageBarBody>
        </MessageBar>
      ))}
      {file.error ? <ErrorBar error={file.error} /> : null}
      <Field label={t("registrationPage.neverCameSearch")}>
        <SearchBox value={search} onChange={(_, d) => setSearch(d.value)} />
      </Field>
      <QueryState
        query={absent}
        isEmpty={(data) => !data.pages.some((p) => p.items.length > 0)}
        empty={<Text>{t("registrationPage.noneNeverCame")}</Text>}
      >
        {() => (
          <VirtualTable
            label={t("registrationPage.neverCame")}
            data={rows}
            columns={columns}
            getRowId={(r) => String(r.id)}
            height={Math.min(300, 40 + rows.length * 36)}
            hasMore={absent.hasNextPage}
            loadingMore={absent.isFetchingNextPage}
            onLoadMore={() => void absent.fetchNextPage()}
          />
        )}
      </QueryState>
      <Dialog open={confirming} onOpenChange={(_, d) => !d.open && setConfirming(false)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t("registrationPage.registerNewTitle", { count: reported })}</DialogTitle>
            <DialogContent>
              <Text>{t("registrationPage.registerNewExplain")}</Text>
              {register.error ? <ErrorBar error={register.error} /> : null}
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setConfirming(false)}>{t("registrationPage.cancel")}</Button>
              <Button appearance="primary" disabled={register.isPending} onClick={() => register.mutate({ academicYear, collegeId })}>
                {t("registrationPage.confirm")}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </Section>
  );
}
