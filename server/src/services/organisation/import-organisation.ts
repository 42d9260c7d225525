import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import {
  AppError,
  type Cell,
  cellText,
  checkClass,
  checkCollege,
  checkMajor,
  checkTerm,
  DEGREE_CATEGORY,
  type ErrorCode,
  formatError,
  type GridRow,
  LEVEL,
  lookupCode,
  ORG_ENTITY_LABELS,
  type OrgProblem,
  parseDate,
  parseTerm,
  STUDY_FORM,
  type TermInput,
} from "@xueji/shared";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { classes, colleges, majors, terms } from "../../db/schema";
import { readWorksheets } from "../../files/read-grid";
import { type Actor, recordEvent } from "../audit-log/record-event";
import { maxStudyYearsOf } from "./majors";
import { cellOf, type EntitySheet, entitySheet, IMPORT_ENTITIES, type ImportEntity, REQUIRED } from "./org-sheets";

/**
 * The organisation import (学院、专业、班级、学期 from the old system's sheets): a dry run says, row by row,
 * what would be created, what updated field by field and what left alone, with errors at their cells;
 * the confirm writes it all in one transaction with one audit event. Rows are matched by their key
 * (a college's code, a major's code and level, a class's name, a term's code), so importing the same
 * file twice changes nothing. The 导入 page and `xueji import` call this with the same options.
 */
export interface OrgImportOptions {
  db: Db;
  viewer: Actor;
  /** The uploaded .xlsx/.csv (read with the bounded streaming readers) … */
  file?: { bytes: Uint8Array; name: string };
  /** … or worksheets already read into grids. */
  sheets?: ReadonlyArray<{ name: string; rows: readonly GridRow[] }>;
  dryRun: boolean;
}

export interface OrgImportProblem {
  sheet: string;
  row: number;
  column: string | null;
  field: string | null;
  code: ErrorCode;
  message: { "zh-CN": string; en: string };
}

export interface OrgImportChange {
  entity: ImportEntity;
  sheet: string;
  row: number;
  key: string;
  /** What the registrar calls it: a college's, major's or class's name, a term's code. */
  name: string;
  action: "create" | "update" | "unchanged";
  fields: Array<{ field: string; before: string | number | null; after: string | number | null }>;
}

export interface OrgImportReport {
  dryRun: boolean;
  /** True when the confirm wrote the changes. */
  applied: boolean;
  sheets: Array<{ sheet: string; entity: ImportEntity | null; rows: number }>;
  changes: OrgImportChange[];
  problems: OrgImportProblem[];
  counts: { create: number; update: number; unchanged: number; problems: number };
}

type Value = string | number | null;
interface Planned {
  change: OrgImportChange;
  values: Record<string, Value>;
}

async function readFile(file: { bytes: Uint8Array; name: string }) {
  const ext = extname(file.name).toLowerCase();
  if (![".xlsx", ".xlsm", ".csv"].includes(ext)) throw new AppError("file.unsupported", { ext: ext || "（无扩展名）" });
  const folder = await mkdtemp(join(tmpdir(), "xueji-org-"));
  const path = join(folder, `upload${ext}`);
  try {
    await writeFile(path, file.bytes);
    const sheets: Array<{ name: string; rows: GridRow[] }> = [];
    // A CSV's one sheet is named after the file, as Excel names it (学院.csv is the colleges sheet).
    for await (const ws of readWorksheets(path)) {
      const rows: GridRow[] = [];
      for await (const row of ws.rows) rows.push(row);
      sheets.push({ name: ext === ".csv" ? file.name.replace(/\.[^.]+$/, "") : ws.name, rows });
    }
    return sheets;
  } catch (error) {
    if (error instanceof AppError && "file" in error.params)
      throw new AppError(error.code, { ...error.params, file: file.name }, error.message);
    throw error;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

const blank = (row: GridRow) => row.cells.every((c) => cellText(c).trim() === "");

export async function importOrganisation(options: OrgImportOptions): Promise<OrgImportReport> {
  const { db } = options;
  const read = options.file ? await readFile(options.file) : (options.sheets ?? []);
  const found = read.map((s) => ({ raw: s, sheet: entitySheet(s.name, s.rows) }));
  const problems: OrgImportProblem[] = [];
  const changes: Planned[] = [];
  const say = (
    sheet: string,
    row: number,
    column: string | null,
    field: string | null,
    entity: ImportEntity,
    p: Omit<OrgProblem, "field">,
  ) => {
    const params = { entity: ORG_ENTITY_LABELS[entity]["zh-CN"], ...p.params };
    problems.push({
      sheet,
      row,
      column,
      field,
      code: p.code,
      message: {
        "zh-CN": formatError(p.code, params, "zh-CN"),
        en: formatError(p.code, { ...params, entity: ORG_ENTITY_LABELS[entity].en }, "en"),
      },
    });
  };
  if (!found.some((f) => f.sheet)) throw new AppError("org.no-sheet");

  const [collegeRows, majorRows, classRows, termRows] = await Promise.all([
    db.select().from(colleges),
    db.select().from(majors),
    db.select().from(classes),
    db.select().from(terms),
  ]);
  // What the database will hold after the import: existing rows, overlaid by the sheet's as they are planned.
  const collegeByCode = new Map(collegeRows.map((c) => [c.code, { code: c.code, name: c.name, retired: c.retiredAt !== null }]));
  const majorByKey = new Map(
    majorRows.map((m) => [`${m.code}|${m.level}`, { ...m, collegeCode: collegeRows.find((c) => c.id === m.collegeId)?.code ?? "" }]),
  );
  const classByName = new Map(classRows.map((c) => [c.name, c]));
  const termByCode = new Map(termRows.map((t) => [t.code, t]));
  const majorKeyOfId = new Map(majorRows.map((m) => [m.id, `${m.code}|${m.level}`]));

  const sheetsOf = (entity: ImportEntity) => found.flatMap((f) => (f.sheet?.entity === entity ? [f.sheet] : []));
  const plan = (
    entity: ImportEntity,
    sheet: EntitySheet,
    row: GridRow,
    key: string,
    before: Record<string, Value> | null,
    after: Record<string, Value>,
  ) => {
    const fields = Object.keys(after)
      .filter((f) => !before || before[f] !== after[f])
      .map((f) => ({ field: f, before: before?.[f] ?? null, after: after[f] ?? null }));
    const action = !before ? "create" : fields.length > 0 ? "update" : "unchanged";
    changes.push({
      change: {
        entity,
        sheet: sheet.sheet,
        row: row.row,
        key,
        name: String(after.name ?? after.code ?? key),
        action,
        fields: action === "create" ? [] : fields,
      },
      values: after,
    });
  };

  for (const entity of IMPORT_ENTITIES) {
    for (const sheet of sheetsOf(entity)) {
      const missing = REQUIRED[entity].filter((f) => !sheet.columns[f]);
      for (const f of missing)
        say(sheet.sheet, sheet.headerRow, null, f, entity, { code: "org.required", params: { field: headerLabel(f) } });
      if (missing.length > 0) continue;
      const seen = new Map<string, number>();
      for (const row of sheet.rows) {
        if (blank(row)) continue;
        const text = (field: string) => cellText(cellOf(sheet, row, field)).trim();
        const at = (field: string) => sheet.columns[field]?.letter ?? null;
        const rowProblems: Array<[string, Omit<OrgProblem, "field">]> = [];
        const fail = (field: string, p: Omit<OrgProblem, "field">) => rowProblems.push([field, p]);
        let key = "";
        let before: Record<string, Value> | null = null;
        let after: Record<string, Value> = {};
        if (entity === "college") {
          after = { code: text("code"), name: text("name") };
          key = String(after.code);
          for (const p of checkCollege({ code: key, name: String(after.name) })) fail(p.field, p);
          const existing = collegeByCode.get(key);
          before = existing ? { code: existing.code, name: existing.name } : null;
          const clash = [...collegeByCode.values()].find((c) => c.name === after.name && c.code !== key);
          if (clash) fail("name", { code: "org.duplicate-name", params: { value: String(after.name) } });
          else collegeByCode.set(key, { code: key, name: String(after.name), retired: existing?.retired ?? false });
        } else if (entity === "major") {
          const level = lookupCode(LEVEL, text("level"))?.entry.code;
          if (!level)
            fail("level", {
              code: "org.unknown-value",
              params: { field: "层次", value: text("level"), choices: "本科、专科、专科起点本科…" },
            });
          const form = text("studyForm") ? lookupCode(STUDY_FORM, text("studyForm"))?.entry.code : "1";
          if (!form)
            fail("studyForm", {
              code: "org.unknown-value",
              params: { field: "学习形式", value: text("studyForm"), choices: "普通全日制、非全日制、函授…" },
            });
          const degree = text("degreeCategory")
            ? (lookupCode(DEGREE_CATEGORY, text("degreeCategory"))?.entry.code ?? text("degreeCategory"))
            : null;
          const collegeText = text("college");
          const college = [...collegeByCode.values()].find((c) => !c.retired && (c.code === collegeText || c.name === collegeText));
          if (!college) fail("college", { code: "org.unknown-college", params: { value: collegeText } });
          after = {
            code: text("code").toUpperCase(),
            name: text("name"),
            college: college?.code ?? collegeText,
            level: level ?? text("level"),
            duration: numberOf(cellOf(sheet, row, "duration")),
            studyForm: form ?? text("studyForm"),
            requiredCredits: numberOf(cellOf(sheet, row, "requiredCredits")),
            degreeCategory: degree,
          };
          key = `${after.code}|${after.level}`;
          if (level && form)
            for (const p of checkMajor({
              code: String(after.code),
              name: String(after.name),
              level,
              duration: Number(after.duration ?? Number.NaN),
              studyForm: form,
              requiredCredits: Number(after.requiredCredits ?? Number.NaN),
              degreeCategory: degree,
            }))
              fail(p.field, p);
          const existing = majorByKey.get(key);
          before = existing
            ? {
                code: existing.code,
                name: existing.name,
                college: existing.collegeCode,
                level: existing.level,
                duration: existing.duration,
                studyForm: existing.studyForm,
                requiredCredits: existing.requiredCredits,
                degreeCategory: existing.degreeCategory,
              }
            : null;
          if (rowProblems.length === 0)
            majorByKey.set(key, {
              ...(existing ?? { id: -1, maxStudyYears: 0, retiredAt: null }),
              code: String(after.code),
              name: String(after.name),
              level: String(after.level),
              collegeCode: String(after.college),
              collegeId: existing?.collegeId ?? -1,
              duration: Number(after.duration),
              studyForm: String(after.studyForm),
              requiredCredits: Number(after.requiredCredits),
              degreeCategory: degree,
            });
        } else if (entity === "class") {
          const majorText = text("major").toUpperCase();
          const major = [...majorByKey.entries()].find(
            ([, m]) => m.retiredAt === null && (m.code === majorText || m.name === text("major")),
          );
          if (!major) fail("major", { code: "org.unknown-major", params: { value: text("major") } });
          after = { name: text("name"), major: major?.[0] ?? text("major"), grade: numberOf(cellOf(sheet, row, "grade")) };
          key = String(after.name);
          for (const p of checkClass({ name: key, grade: Number(after.grade ?? Number.NaN) })) fail(p.field, p);
          const existing = classByName.get(key);
          before = existing ? { name: existing.name, major: majorKeyOfId.get(existing.majorId) ?? "", grade: existing.grade } : null;
        } else {
          const term = parseTerm(cellOf(sheet, row, "code") ?? { value: null, type: "empty" }).value;
          if (!term) fail("code", { code: "org.term-code", params: { value: text("code") } });
          const start = parseDate(cellOf(sheet, row, "startDate") ?? { value: null, type: "empty" }).value;
          const end = parseDate(cellOf(sheet, row, "endDate") ?? { value: null, type: "empty" }).value;
          if (!start) fail("startDate", { code: "org.date", params: { field: "第一天", value: text("startDate") } });
          if (!end) fail("endDate", { code: "org.date", params: { field: "最后一天", value: text("endDate") } });
          after = { code: term?.code ?? text("code"), startDate: start ?? text("startDate"), endDate: end ?? text("endDate") };
          key = String(after.code);
          const existing = termByCode.get(key);
          before = existing ? { code: existing.code, startDate: existing.startDate, endDate: existing.endDate } : null;
          if (rowProblems.length === 0) {
            const value = after as unknown as TermInput;
            const others = [...termByCode.values()].filter((t) => t.retiredAt === null && t.code !== key);
            for (const p of checkTerm(value, others)) fail(p.field, p);
            if (rowProblems.length === 0)
              termByCode.set(key, { ...value, academicYear: key.slice(0, 9), retiredAt: existing?.retiredAt ?? null });
          }
        }
        const first = seen.get(key);
        if (first !== undefined) fail("code", { code: "org.duplicate-row", params: { row: first } });
        else seen.set(key, row.row);
        for (const [field, p] of rowProblems) say(sheet.sheet, row.row, at(field), field, entity, p);
        if (rowProblems.length === 0) plan(entity, sheet, row, key, before, after);
      }
    }
  }

  const report: OrgImportReport = {
    dryRun: options.dryRun,
    applied: false,
    sheets: found.map((f) => ({
      sheet: f.raw.name,
      entity: f.sheet?.entity ?? null,
      rows: f.sheet?.rows.filter((r) => !blank(r)).length ?? 0,
    })),
    changes: changes.map((c) => c.change),
    problems,
    counts: {
      create: changes.filter((c) => c.change.action === "create").length,
      update: changes.filter((c) => c.change.action === "update").length,
      unchanged: changes.filter((c) => c.change.action === "unchanged").length,
      problems: problems.length,
    },
  };
  if (options.dryRun || problems.length > 0 || report.counts.create + report.counts.update === 0) return report;
  await db.transaction(async (tx) => {
    const collegeId = new Map((await tx.select({ id: colleges.id, code: colleges.code }).from(colleges)).map((c) => [c.code, c.id]));
    const majorId = new Map(majorRows.map((m) => [`${m.code}|${m.level}`, m.id]));
    for (const { change, values: v } of changes) {
      if (change.action === "unchanged") continue;
      if (change.entity === "college") {
        const value = { code: String(v.code), name: String(v.name) };
        if (change.action === "create") {
          const [row] = await tx.insert(colleges).values(value).returning({ id: colleges.id });
          collegeId.set(value.code, (row as { id: number }).id);
        } else await tx.update(colleges).set(value).where(eq(colleges.code, value.code));
      } else if (change.entity === "major") {
        const value = {
          code: String(v.code),
          name: String(v.name),
          collegeId: collegeId.get(String(v.college)) as number,
          level: String(v.level),
          duration: Number(v.duration),
          studyForm: String(v.studyForm),
          requiredCredits: Number(v.requiredCredits),
          degreeCategory: v.degreeCategory === null ? null : String(v.degreeCategory),
          maxStudyYears: maxStudyYearsOf(String(v.level), Number(v.duration)),
        };
        const id = majorId.get(change.key);
        if (id === undefined) {
          const [row] = await tx.insert(majors).values(value).returning({ id: majors.id });
          majorId.set(change.key, (row as { id: number }).id);
        } else await tx.update(majors).set(value).where(eq(majors.id, id));
      } else if (change.entity === "class") {
        const value = { name: String(v.name), majorId: majorId.get(String(v.major)) as number, grade: Number(v.grade) };
        if (change.action === "create") await tx.insert(classes).values(value);
        else await tx.update(classes).set(value).where(eq(classes.name, value.name));
      } else {
        const value = {
          code: String(v.code),
          academicYear: String(v.code).slice(0, 9),
          startDate: String(v.startDate),
          endDate: String(v.endDate),
        };
        if (change.action === "create") await tx.insert(terms).values(value);
        else await tx.update(terms).set(value).where(eq(terms.code, value.code));
      }
    }
    await recordEvent(tx, options.viewer, {
      action: "organisation.import",
      entity: "organisation",
      entityId: options.file?.name ?? "grid",
      after: { counts: report.counts, changes: report.changes.filter((c) => c.action !== "unchanged") },
    });
  });
  report.applied = true;
  return report;
}

function numberOf(cell: Cell | null): number | null {
  const text = cellText(cell).trim().replace(/年$/, "");
  if (text === "") return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

const HEADER_LABELS: Record<string, string> = {
  code: "代码",
  name: "名称",
  college: "所属学院",
  major: "所属专业",
  level: "层次",
  duration: "学制",
  requiredCredits: "毕业学分",
  grade: "年级",
  startDate: "开始日期",
  endDate: "结束日期",
};

function headerLabel(field: string): string {
  return `“${HEADER_LABELS[field] ?? field}”列`;
}
