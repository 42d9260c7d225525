import type { ImportKind, Issue } from "@xueji/shared";
import { z } from "zod";

/** At most this many issues and changes are kept in a report (the counts are always whole). */
export const REPORT_ISSUES = 2_000;
export const REPORT_CHANGES = 1_000;

export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

export interface ImportChange {
  row: number;
  /** 学号, 用户名, or 学号 · 学期 · 课程. */
  key: string;
  name: string;
  action: "create" | "update";
  fields: FieldChange[];
}

export interface ImportReport {
  kind: ImportKind;
  fileName: string;
  sheet: string | null;
  rows: number;
  create: number;
  update: number;
  unchanged: number;
  errors: number;
  warnings: number;
  issues: Issue[];
  issuesTotal: number;
  changes: ImportChange[];
  /** What the file names and the record lacks: for the registrar (organisation is managed elsewhere). */
  missing: { colleges: string[]; majors: string[]; classes: string[] };
  /** Classes the commit creates under a major the record has. */
  newClasses: string[];
  /** Results: students whose earned credits or GPA would change. */
  studentsAffected: number;
}

export function emptyReport(kind: ImportKind, fileName: string): ImportReport {
  return {
    kind,
    fileName,
    sheet: null,
    rows: 0,
    create: 0,
    update: 0,
    unchanged: 0,
    errors: 0,
    warnings: 0,
    issues: [],
    issuesTotal: 0,
    changes: [],
    missing: { colleges: [], majors: [], classes: [] },
    newClasses: [],
    studentsAffected: 0,
  };
}

export function addIssues(report: ImportReport, issues: readonly Issue[]): void {
  for (const issue of issues) {
    report.issuesTotal++;
    if (issue.severity === "error") report.errors++;
    else if (issue.severity === "warning") report.warnings++;
    if (report.issues.length < REPORT_ISSUES) report.issues.push(issue);
  }
}

export function addChange(report: ImportReport, change: ImportChange): void {
  if (change.action === "create") report.create++;
  else report.update++;
  if (report.changes.length < REPORT_CHANGES) report.changes.push(change);
}

export function addMissing(list: string[], value: string): void {
  if (value && !list.includes(value) && list.length < 500) list.push(value);
}

const issueOutput = z.object({
  code: z.string(),
  severity: z.enum(["error", "warning", "info"]),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  suggestion: z.string().optional(),
  row: z.number().nullable(),
  column: z.string().nullable(),
  field: z.string().nullable(),
});

export const importReportOutput = z.object({
  kind: z.enum(["students", "admissions", "results", "users"]),
  fileName: z.string(),
  sheet: z.string().nullable(),
  rows: z.number(),
  create: z.number(),
  update: z.number(),
  unchanged: z.number(),
  errors: z.number(),
  warnings: z.number(),
  issues: z.array(issueOutput),
  issuesTotal: z.number(),
  changes: z.array(
    z.object({
      row: z.number(),
      key: z.string(),
      name: z.string(),
      action: z.enum(["create", "update"]),
      fields: z.array(z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
    }),
  ),
  missing: z.object({ colleges: z.array(z.string()), majors: z.array(z.string()), classes: z.array(z.string()) }),
  newClasses: z.array(z.string()),
  studentsAffected: z.number(),
});
