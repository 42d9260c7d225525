import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { classes, statusChanges } from "../../db/schema";
import { pinyinInitials } from "../students/pinyin-initials";
import type { StudentPlan, StudentTarget } from "./plan-students";

const BATCH = 1_000;

function chunks<T>(items: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Writes a student plan set-based: new classes in one insert, new students five thousand to a
 * statement, changed students in one `jsonb_to_recordset` update a thousand at a time, and every
 * changed field into the per-field history (status_changes) tagged with the import.
 */
export async function applyStudentPlan(tx: Executor, plan: StudentPlan, importId: number): Promise<void> {
  if (plan.newClasses.size) {
    const created = await tx
      .insert(classes)
      .values([...plan.newClasses].map(([name, c]) => ({ name, majorId: c.majorId, grade: c.grade })))
      .returning({ id: classes.id, name: classes.name });
    for (const c of created) plan.classIds.set(c.name, c.id);
  }
  const row = (t: StudentTarget) => ({
    studentNo: t.studentNo,
    examNo: t.examNo,
    idNumber: t.idNumber,
    documentType: t.documentType,
    name: t.name,
    pinyinInitials: pinyinInitials(t.name),
    gender: t.gender,
    birthDate: t.birthDate,
    ethnicity: t.ethnicity,
    politicalStatus: t.politicalStatus,
    collegeId: t.collegeId,
    majorId: t.majorId,
    classId: t.className ? (plan.classIds.get(t.className) ?? null) : null,
    grade: t.grade,
    level: t.level,
    duration: t.duration,
    studyForm: t.studyForm,
    enrolmentDate: t.enrolmentDate,
    expectedGraduationDate: t.expectedGraduationDate,
    admissionType: t.admissionType,
    status: t.status,
  });
  // New students as one JSON parameter per 5,000 (no per-row parameters to bind), and their history rows
  // written by the same statement from what it inserted: a new student's history starts with the import.
  for (const batch of chunks(plan.creates, 5_000)) {
    const json = JSON.stringify(batch.map((t) => ({ ...row(t), duration: String(t.duration) })));
    await tx.execute(sql`
      with created as (
        insert into students (student_no, exam_no, id_number, document_type, name, pinyin_initials, gender, birth_date, ethnicity, political_status,
          college_id, major_id, class_id, grade, level, duration, study_form, enrolment_date, expected_graduation_date, admission_type, status)
        select x."studentNo", x."examNo", x."idNumber", x."documentType", x.name, x."pinyinInitials", x.gender, x."birthDate", x.ethnicity, x."politicalStatus",
          x."collegeId", x."majorId", x."classId", x.grade, x.level, x.duration, x."studyForm", x."enrolmentDate", x."expectedGraduationDate",
          x."admissionType", x.status
        from jsonb_to_recordset(${json}::jsonb) as x(
          "studentNo" text, "examNo" text, "idNumber" text, "documentType" text, name text, "pinyinInitials" text, gender text, "birthDate" date, ethnicity text,
          "politicalStatus" text, "collegeId" int, "majorId" int, "classId" int, grade int, level text, duration numeric, "studyForm" text,
          "enrolmentDate" date, "expectedGraduationDate" date, "admissionType" text, status text)
        returning id, student_no
      )
      insert into status_changes (student_id, import_id, field, before, after)
      select id, ${importId}, 'created', null, to_jsonb(student_no) from created order by id`);
  }
  for (const batch of chunks(plan.updates)) {
    const json = JSON.stringify(batch.map((u) => ({ id: u.id, ...row(u.target), duration: String(u.target.duration) })));
    await tx.execute(sql`
      update students s set
        exam_no = x."examNo", document_type = x."documentType", name = x.name, pinyin_initials = x."pinyinInitials", gender = x.gender, birth_date = x."birthDate",
        ethnicity = x.ethnicity, political_status = x."politicalStatus", major_id = x."majorId", class_id = x."classId",
        grade = x.grade, level = x.level, duration = x.duration, study_form = x."studyForm", enrolment_date = x."enrolmentDate",
        expected_graduation_date = x."expectedGraduationDate", admission_type = x."admissionType", status = x.status, updated_at = now()
      from jsonb_to_recordset(${json}::jsonb) as x(
        id int, "examNo" text, "documentType" text, name text, "pinyinInitials" text, gender text, "birthDate" date, ethnicity text, "politicalStatus" text,
        "majorId" int, "classId" int, grade int, level text, duration numeric, "studyForm" text, "enrolmentDate" date,
        "expectedGraduationDate" date, "admissionType" text, status text)
      where s.id = x.id`);
    const history = batch.flatMap((u) =>
      u.changes.map((c) => ({ studentId: u.id, importId, field: c.field, before: c.before, after: c.after })),
    );
    for (const part of chunks(history, 5_000)) await tx.insert(statusChanges).values(part);
  }
}
