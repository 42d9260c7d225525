import { Button, Field, MessageBar, MessageBarBody, makeStyles, Select, Text, tokens } from "@fluentui/react-components";
import { useMutation } from "@tanstack/react-query";
import {
  COURSE_NATURE,
  type CodeTable,
  DEFAULT_TEMPLATES,
  ETHNICITY,
  EXAM_TYPE,
  GENDER,
  LEVEL,
  POLITICAL_STATUS,
  REGISTRATION_STATUS,
  SHEET_KINDS,
  SHEET_LABELS,
  type SheetKind,
  STUDY_FORM,
} from "@xueji/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../api/client";
import { downloadNewSheet } from "../api/files";
import { collegeFailedCourses, collegeStudents } from "../api/students";
import type { NewSheet } from "../host/sheet-host";
import { useApp } from "./app-context";

const useStyles = makeStyles({ page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS } });

const TABLES: Record<string, CodeTable> = {
  gender: GENDER,
  ethnicity: ETHNICITY,
  politicalStatus: POLITICAL_STATUS,
  level: LEVEL,
  studyForm: STUDY_FORM,
  registrationStatus: REGISTRATION_STATUS,
  courseNature: COURSE_NATURE,
  examType: EXAM_TYPE,
};
// Excel keeps a list-validation source under 255 characters; longer tables (民族) get no dropdown.
const MAX_LIST_CHARS = 255;

/** The worksheet a template makes: headers, text columns, dropdowns, and for the returning roster the record's students. */
export function sheetFromTemplate(kind: SheetKind, students: Array<Record<string, unknown>>, title: string): NewSheet {
  const template = DEFAULT_TEMPLATES[kind];
  const columns = template.columns;
  const textColumns = columns.flatMap((c, i) => (c.parser.kind === "identifier" || c.parser.kind === "idNumber" ? [i] : []));
  const dropdowns = columns.flatMap((c, i) => {
    if (c.parser.kind !== "enum") return [];
    const values = (TABLES[c.parser.table]?.entries ?? []).map((e) => e.name);
    return values.join(",").length <= MAX_LIST_CHARS ? [{ column: i, values }] : [];
  });
  // The record keeps codes; the sheet says the code table's words (男, 汉族, 本科), as she would type them.
  const named = (table: CodeTable, code: unknown) => table.entries.find((e) => e.code === code)?.name ?? "";
  const rows = students.map((s) =>
    columns.map((c) => {
      switch (c.field) {
        case "studentNo":
          return String(s.studentNo ?? "");
        case "name":
          return String(s.name ?? "");
        case "idNumber":
          return String(s.idNumber ?? "");
        case "gender":
          return named(GENDER, s.gender);
        case "ethnicity":
          return named(ETHNICITY, s.ethnicity) || null;
        case "level":
          return named(LEVEL, s.level) || null;
        case "birthDate":
          return String(s.birthDate ?? "");
        case "majorName":
          return String(s.majorName ?? "");
        case "college":
          return String(s.collegeName ?? "");
        // A failed-course sheet from the imported results (services/imports): the course's own columns.
        case "term":
        case "courseCode":
        case "courseName":
        case "score":
          return s[c.field] === null || s[c.field] === undefined ? null : String(s[c.field]);
        case "credits":
          return typeof s.credits === "number" ? s.credits : null;
        case "courseNature":
          return COURSE_NATURE.entries.find((e) => e.code === s.nature)?.name ?? null;
        case "examType":
          return EXAM_TYPE.entries.find((e) => e.code === s.examType)?.name ?? null;
        default:
          return null;
      }
    }),
  );
  // The title row is the registrar's Chinese name for the sheet whatever the pane's language: it is
  // what tells the reader the kind when the file comes back (docs/domain.md §4).
  return {
    name: title,
    title: SHEET_LABELS[kind]["zh-CN"],
    headers: columns.map((c) => c.header),
    textColumns,
    rows,
    dropdowns,
    spareRows: 200,
  };
}

export function NewSheetPage() {
  const { api, excel } = useApp();
  const { t } = useTranslation();
  const styles = useStyles();
  const [kind, setKind] = useState<SheetKind>("roster-returning");
  const create = useMutation({
    mutationFn: async () => {
      // The returning roster from the record; the failed-course sheet from the imported results, by its own rules.
      const students: Array<Record<string, unknown>> =
        kind === "roster-returning"
          ? await collegeStudents(api, "enrolled")
          : kind === "failed-courses"
            ? await collegeFailedCourses(api)
            : [];
      const sheet = sheetFromTemplate(kind, students, t(`kinds.${kind}`));
      if (excel) await excel.addSheet(sheet);
      // File mode (WPS 表格, any browser): the same sheet, written by the server as an .xlsx to download.
      else await downloadNewSheet(api, sheet);
      return { name: sheet.name, rows: sheet.rows.length };
    },
  });
  return (
    <section className={styles.page} aria-label={t("newSheet.title")}>
      <Text>{excel ? t(excel.mode === "wps" ? "newSheet.introWps" : "newSheet.intro") : t("newSheet.fileMode")}</Text>
      <Field label={t("newSheet.kind")}>
        <Select value={kind} onChange={(_, d) => setKind(d.value as SheetKind)}>
          {SHEET_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </Select>
      </Field>
      {kind === "roster-returning" ? <Text size={200}>{t("newSheet.fillFromRecord")}</Text> : null}
      <Button appearance="primary" disabled={create.isPending} onClick={() => create.mutate()}>
        {create.isPending ? t("newSheet.working") : excel ? t("newSheet.create") : t("newSheet.createFile")}
      </Button>
      {create.data ? (
        <MessageBar intent="success" data-testid="new-sheet-done">
          <MessageBarBody>
            {t(excel ? "newSheet.done" : create.data.rows ? "newSheet.doneFilePrefilled" : "newSheet.doneFile", create.data)}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {create.error ? (
        <MessageBar intent="error">
          <MessageBarBody>{errorMessage(create.error, t)}</MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}
