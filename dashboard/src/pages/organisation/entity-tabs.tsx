import { Badge, Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import { AddRegular } from "@fluentui/react-icons";
import { useQueryClient } from "@tanstack/react-query";
import { checkClass, checkCollege, checkMajor, checkTerm, DEGREE_CATEGORY, entryByCode, LEVEL, STUDY_FORM } from "@xueji/shared";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import {
  createClass,
  createCollege,
  createMajor,
  createTerm,
  type Organisation,
  updateClass,
  updateCollege,
  updateMajor,
  updateTerm,
} from "../../api/organisation";
import { LabelValueTable } from "../../components/label-value-table";
import { Empty } from "../../components/page-state";
import { formatDate } from "../../format/intl";
import { useLocale } from "../../i18n/use-locale";
import { type FieldSpec, RecordDialog, type Values } from "./record-dialog";
import { RowActions, refreshOrganisation } from "./row-actions";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  bar: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM },
  actions: { width: "15rem", whiteSpace: "nowrap" },
});

/** The actions column keeps its three buttons on one line. */
function useActionsClass(): string {
  return useStyles().actions;
}

function State({ retired }: { retired: boolean }) {
  const { t } = useTranslation();
  return retired ? (
    <Badge appearance="tint" color="subtle">
      {t("orgPage.retired")}
    </Badge>
  ) : (
    <Badge appearance="tint" color="success">
      {t("orgPage.inUse")}
    </Badge>
  );
}

/** One tab's frame: the count, the new-record button, the table or what would fill it. */
function TabFrame({ count, add, empty, children }: { count: number; add: ReactNode; empty: string; children: ReactNode }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <div className={styles.stack}>
      <div className={styles.bar}>
        {add}
        <Text>{t("orgPage.count", { count })}</Text>
      </div>
      {count === 0 ? <Empty title={empty} /> : children}
    </div>
  );
}

const num = (v: string | undefined) => (v === undefined || v.trim() === "" ? Number.NaN : Number(v));

export function CollegesTab({ org, canWrite }: { org: Organisation; canWrite: boolean }) {
  const { t } = useTranslation();
  const actionsClass = useActionsClass();
  const queryClient = useQueryClient();
  const fields: FieldSpec[] = [
    { key: "code", label: t("orgPage.collegeCode"), kind: "text", required: true },
    { key: "name", label: t("orgPage.collegeName"), kind: "text", required: true },
  ];
  const dialog = (trigger: React.ReactElement, initial: Values, id?: number) => (
    <RecordDialog
      entity="college"
      editing={id !== undefined}
      trigger={trigger}
      fields={fields}
      initial={initial}
      check={(v) => checkCollege({ code: v.code ?? "", name: v.name ?? "" })}
      save={(v) => {
        const value = { code: (v.code ?? "").trim(), name: (v.name ?? "").trim() };
        return id === undefined ? createCollege(value) : updateCollege({ id, ...value });
      }}
      onSaved={() => refreshOrganisation(queryClient)}
    />
  );
  return (
    <TabFrame
      count={org.colleges.length}
      empty={t("orgPage.emptyColleges")}
      add={
        canWrite
          ? dialog(
              <Button appearance="primary" icon={<AddRegular />}>
                {t("orgPage.addCollege")}
              </Button>,
              { code: "", name: "" },
            )
          : null
      }
    >
      <LabelValueTable
        label={t("orgPage.colleges")}
        rows={org.colleges}
        rowKey={(c) => c.id}
        columns={[
          { id: "code", label: t("orgPage.collegeCode"), value: (c) => c.code },
          { id: "name", label: t("orgPage.collegeName"), value: (c) => c.name },
          { id: "state", label: t("orgPage.state"), value: (c) => <State retired={c.retired} /> },
          canWrite && {
            id: "actions",
            label: t("orgPage.actions"),
            className: actionsClass,
            value: (c) => (
              <RowActions
                name={c.name}
                retired={c.retired}
                target={{ entity: "college", id: c.id }}
                edit={dialog(
                  <Button size="small" aria-label={`${t("orgPage.edit")} ${c.name}`}>
                    {t("orgPage.edit")}
                  </Button>,
                  { code: c.code, name: c.name },
                  c.id,
                )}
              />
            ),
          },
        ]}
      />
    </TabFrame>
  );
}

export function MajorsTab({ org, canWrite }: { org: Organisation; canWrite: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const actionsClass = useActionsClass();
  const queryClient = useQueryClient();
  const collegeName = new Map(org.colleges.map((c) => [c.id, c.name]));
  const fields: FieldSpec[] = [
    { key: "code", label: t("orgPage.majorCode"), hint: t("orgPage.majorCodeHint"), kind: "text", required: true },
    { key: "name", label: t("orgPage.majorName"), kind: "text", required: true },
    {
      key: "collegeId",
      label: t("orgPage.college"),
      kind: "select",
      required: true,
      options: org.colleges.filter((c) => !c.retired).map((c) => ({ value: String(c.id), label: c.name })),
    },
    {
      key: "level",
      label: t("orgPage.level"),
      kind: "select",
      required: true,
      options: LEVEL.entries.map((e) => ({ value: e.code, label: e.name })),
    },
    { key: "duration", label: t("orgPage.duration"), kind: "number", required: true },
    {
      key: "studyForm",
      label: t("orgPage.studyForm"),
      kind: "select",
      required: true,
      options: STUDY_FORM.entries.map((e) => ({ value: e.code, label: e.name })),
    },
    { key: "requiredCredits", label: t("orgPage.credits"), kind: "number", required: true },
    {
      key: "degreeCategory",
      label: t("orgPage.degreeCategory"),
      hint: t("orgPage.degreeHint"),
      kind: "select",
      options: [{ value: "", label: t("orgPage.none") }, ...DEGREE_CATEGORY.entries.map((e) => ({ value: e.code, label: e.name }))],
    },
  ];
  const toMajor = (v: Values) => ({
    code: (v.code ?? "").trim().toUpperCase(),
    name: (v.name ?? "").trim(),
    collegeId: num(v.collegeId),
    level: v.level ?? "",
    duration: num(v.duration),
    studyForm: v.studyForm ?? "1",
    requiredCredits: num(v.requiredCredits),
    degreeCategory: v.degreeCategory || null,
  });
  const dialog = (trigger: React.ReactElement, initial: Values, id?: number) => (
    <RecordDialog
      entity="major"
      editing={id !== undefined}
      trigger={trigger}
      fields={fields}
      initial={initial}
      check={(v) => {
        const m = toMajor(v);
        const missing = Number.isNaN(m.collegeId)
          ? [{ field: "collegeId", code: "org.required" as const, params: { field: t("orgPage.college") } }]
          : [];
        return [...missing, ...checkMajor(m)];
      }}
      save={(v) => (id === undefined ? createMajor(toMajor(v)) : updateMajor({ id, ...toMajor(v) }))}
      onSaved={() => refreshOrganisation(queryClient)}
    />
  );
  const blank = { code: "", name: "", collegeId: "", level: "05", duration: "4", studyForm: "1", requiredCredits: "", degreeCategory: "" };
  return (
    <TabFrame
      count={org.majors.length}
      empty={org.colleges.length === 0 ? t("orgPage.needCollege") : t("orgPage.emptyMajors")}
      add={
        canWrite && org.colleges.length > 0
          ? dialog(
              <Button appearance="primary" icon={<AddRegular />}>
                {t("orgPage.addMajor")}
              </Button>,
              blank,
            )
          : null
      }
    >
      <LabelValueTable
        label={t("orgPage.majors")}
        rows={org.majors}
        rowKey={(m) => m.id}
        columns={[
          { id: "code", label: t("orgPage.majorCode"), value: (m) => m.code },
          { id: "name", label: t("orgPage.majorName"), value: (m) => m.name },
          { id: "college", label: t("orgPage.college"), value: (m) => collegeName.get(m.collegeId) ?? "" },
          { id: "level", label: t("orgPage.level"), value: (m) => entryByCode(LEVEL, m.level)?.name ?? m.level },
          { id: "duration", label: t("orgPage.duration"), value: (m) => m.duration.toLocaleString(locale) },
          { id: "studyForm", label: t("orgPage.studyForm"), value: (m) => entryByCode(STUDY_FORM, m.studyForm)?.name ?? m.studyForm },
          { id: "credits", label: t("orgPage.credits"), value: (m) => m.requiredCredits.toLocaleString(locale) },
          {
            id: "degree",
            label: t("orgPage.degreeCategory"),
            value: (m) => (m.degreeCategory ? (entryByCode(DEGREE_CATEGORY, m.degreeCategory)?.name ?? m.degreeCategory) : ""),
          },
          { id: "state", label: t("orgPage.state"), value: (m) => <State retired={m.retired} /> },
          canWrite && {
            id: "actions",
            label: t("orgPage.actions"),
            className: actionsClass,
            value: (m) => (
              <RowActions
                name={m.name}
                retired={m.retired}
                target={{ entity: "major", id: m.id }}
                edit={dialog(
                  <Button size="small" aria-label={`${t("orgPage.edit")} ${m.name}`}>
                    {t("orgPage.edit")}
                  </Button>,
                  {
                    code: m.code,
                    name: m.name,
                    collegeId: String(m.collegeId),
                    level: m.level,
                    duration: String(m.duration),
                    studyForm: m.studyForm,
                    requiredCredits: String(m.requiredCredits),
                    degreeCategory: m.degreeCategory ?? "",
                  },
                  m.id,
                )}
              />
            ),
          },
        ]}
      />
    </TabFrame>
  );
}

export function ClassesTab({ org, canWrite }: { org: Organisation; canWrite: boolean }) {
  const { t } = useTranslation();
  const actionsClass = useActionsClass();
  const queryClient = useQueryClient();
  const majorName = new Map(org.majors.map((m) => [m.id, `${m.name}（${entryByCode(LEVEL, m.level)?.name ?? m.level}）`]));
  const fields: FieldSpec[] = [
    { key: "name", label: t("orgPage.className"), kind: "text", required: true },
    {
      key: "majorId",
      label: t("orgPage.major"),
      kind: "select",
      required: true,
      options: org.majors.filter((m) => !m.retired).map((m) => ({ value: String(m.id), label: majorName.get(m.id) ?? m.name })),
    },
    { key: "grade", label: t("orgPage.grade"), kind: "number", required: true },
  ];
  const toClass = (v: Values) => ({ name: (v.name ?? "").trim(), majorId: num(v.majorId), grade: num(v.grade) });
  const dialog = (trigger: React.ReactElement, initial: Values, id?: number) => (
    <RecordDialog
      entity="class"
      editing={id !== undefined}
      trigger={trigger}
      fields={fields}
      initial={initial}
      check={(v) => {
        const c = toClass(v);
        const missing = Number.isNaN(c.majorId)
          ? [{ field: "majorId", code: "org.required" as const, params: { field: t("orgPage.major") } }]
          : [];
        return [...missing, ...checkClass(c)];
      }}
      save={(v) => (id === undefined ? createClass(toClass(v)) : updateClass({ id, ...toClass(v) }))}
      onSaved={() => refreshOrganisation(queryClient)}
    />
  );
  return (
    <TabFrame
      count={org.classes.length}
      empty={org.majors.length === 0 ? t("orgPage.needMajor") : t("orgPage.emptyClasses")}
      add={
        canWrite && org.majors.length > 0
          ? dialog(
              <Button appearance="primary" icon={<AddRegular />}>
                {t("orgPage.addClass")}
              </Button>,
              { name: "", majorId: "", grade: String(new Date().getFullYear()) },
            )
          : null
      }
    >
      <LabelValueTable
        label={t("orgPage.classes")}
        rows={org.classes}
        rowKey={(c) => c.id}
        columns={[
          { id: "name", label: t("orgPage.className"), value: (c) => c.name },
          { id: "major", label: t("orgPage.major"), value: (c) => majorName.get(c.majorId) ?? "" },
          { id: "grade", label: t("orgPage.grade"), value: (c) => c.grade },
          { id: "state", label: t("orgPage.state"), value: (c) => <State retired={c.retired} /> },
          canWrite && {
            id: "actions",
            label: t("orgPage.actions"),
            className: actionsClass,
            value: (c) => (
              <RowActions
                name={c.name}
                retired={c.retired}
                target={{ entity: "class", id: c.id }}
                edit={dialog(
                  <Button size="small" aria-label={`${t("orgPage.edit")} ${c.name}`}>
                    {t("orgPage.edit")}
                  </Button>,
                  { name: c.name, majorId: String(c.majorId), grade: String(c.grade) },
                  c.id,
                )}
              />
            ),
          },
        ]}
      />
    </TabFrame>
  );
}

export function TermsTab({ org, canWrite, currentTerm }: { org: Organisation; canWrite: boolean; currentTerm: string | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const actionsClass = useActionsClass();
  const queryClient = useQueryClient();
  const fields: FieldSpec[] = [
    { key: "code", label: t("orgPage.termCode"), hint: t("orgPage.termCodeHint"), kind: "text", required: true, fixed: true },
    { key: "startDate", label: t("orgPage.startDate"), kind: "date", required: true },
    { key: "endDate", label: t("orgPage.endDate"), kind: "date", required: true },
  ];
  const toTerm = (v: Values) => ({ code: (v.code ?? "").trim(), startDate: v.startDate ?? "", endDate: v.endDate ?? "" });
  const others = org.terms.filter((x) => !x.retired);
  const dialog = (trigger: React.ReactElement, initial: Values, existing: boolean) => (
    <RecordDialog
      entity="term"
      editing={existing}
      trigger={trigger}
      fields={fields}
      initial={initial}
      check={(v) => checkTerm(toTerm(v), others)}
      save={(v) => (existing ? updateTerm(toTerm(v)) : createTerm(toTerm(v)))}
      onSaved={() => refreshOrganisation(queryClient)}
    />
  );
  return (
    <TabFrame
      count={org.terms.length}
      empty={t("orgPage.emptyTerms")}
      add={
        canWrite
          ? dialog(
              <Button appearance="primary" icon={<AddRegular />}>
                {t("orgPage.addTerm")}
              </Button>,
              { code: "", startDate: "", endDate: "" },
              false,
            )
          : null
      }
    >
      <LabelValueTable
        label={t("orgPage.terms")}
        rows={org.terms}
        rowKey={(x) => x.code}
        columns={[
          {
            id: "code",
            label: t("orgPage.termCode"),
            value: (x) => (
              <>
                {x.code}{" "}
                {x.code === currentTerm ? (
                  <Badge appearance="outline" color="brand">
                    {t("orgPage.current")}
                  </Badge>
                ) : null}
              </>
            ),
          },
          { id: "year", label: t("orgPage.academicYear"), value: (x) => x.academicYear },
          { id: "start", label: t("orgPage.startDate"), value: (x) => formatDate(x.startDate, locale) },
          { id: "end", label: t("orgPage.endDate"), value: (x) => formatDate(x.endDate, locale) },
          { id: "state", label: t("orgPage.state"), value: (x) => <State retired={x.retired} /> },
          canWrite && {
            id: "actions",
            label: t("orgPage.actions"),
            className: actionsClass,
            value: (x) => (
              <RowActions
                name={x.code}
                retired={x.retired}
                target={{ entity: "term", code: x.code }}
                edit={dialog(
                  <Button size="small" aria-label={`${t("orgPage.edit")} ${x.code}`}>
                    {t("orgPage.edit")}
                  </Button>,
                  { code: x.code, startDate: x.startDate, endDate: x.endDate },
                  true,
                )}
              />
            ),
          },
        ]}
      />
    </TabFrame>
  );
}
