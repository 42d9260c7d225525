import { asc } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { classes, colleges, majors, terms } from "../../db/schema";
import { schoolRecord } from "./school";

/**
 * The whole organisation for its page: a university has tens of colleges, hundreds of majors and a few
 * thousand classes, so one read of each is the list (no paging), retired ones included and marked.
 */
export async function listOrganisation(db: Executor) {
  const [school, collegeRows, majorRows, classRows, termRows] = await Promise.all([
    schoolRecord(db),
    db.select().from(colleges).orderBy(asc(colleges.code)),
    db.select().from(majors).orderBy(asc(majors.code), asc(majors.level)),
    db.select().from(classes).orderBy(asc(classes.grade), asc(classes.name)),
    db.select().from(terms).orderBy(asc(terms.startDate)),
  ]);
  const retired = (r: { retiredAt: Date | null }) => r.retiredAt !== null;
  return {
    school,
    colleges: collegeRows.map((c) => ({ id: c.id, code: c.code, name: c.name, retired: retired(c) })),
    majors: majorRows.map((m) => ({
      id: m.id,
      code: m.code,
      name: m.name,
      collegeId: m.collegeId,
      level: m.level,
      duration: m.duration,
      studyForm: m.studyForm,
      requiredCredits: m.requiredCredits,
      degreeCategory: m.degreeCategory,
      retired: retired(m),
    })),
    classes: classRows.map((c) => ({ id: c.id, name: c.name, majorId: c.majorId, grade: c.grade, retired: retired(c) })),
    terms: termRows.map((t) => ({
      code: t.code,
      academicYear: t.academicYear,
      startDate: t.startDate,
      endDate: t.endDate,
      retired: retired(t),
    })),
  };
}
