import { type HolidayCalendar, missingHolidayYears, rolesHolding, type SetupCheck, setupChecklist } from "@xueji/shared";
import { and, count, eq, inArray, isNull } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { colleges, failedCourseRecords, majors, students, terms, users } from "../../db/schema";
import { settingInForce } from "../settings/settings-store";
import { currentAcademicYear } from "./current-academic-year";
import { schoolRecord } from "./school";

/** What the database still lacks before Xueji is usable, item by item (JOURNEYS A1–A5). */
export async function setupStatus(db: Executor, today: string): Promise<{ academicYear: string; complete: boolean; items: SetupCheck[] }> {
  const academicYear = await currentAcademicYear(db, today);
  const n = async (q: Promise<Array<{ n: number }>>) => Number((await q)[0]?.n ?? 0);
  const [school, collegeRows, majorCount, termCount, holidays, calendar, secretaries, studentCount, resultCount] = await Promise.all([
    schoolRecord(db),
    db.select({ id: colleges.id, name: colleges.name }).from(colleges).where(isNull(colleges.retiredAt)),
    n(db.select({ n: count() }).from(majors).where(isNull(majors.retiredAt))),
    n(
      db
        .select({ n: count() })
        .from(terms)
        .where(and(eq(terms.academicYear, academicYear), isNull(terms.retiredAt))),
    ),
    settingInForce<HolidayCalendar>(db, "holidays", "cn", academicYear),
    settingInForce(db, "registrar-calendar", "default", academicYear),
    db
      .select({ collegeId: users.collegeId })
      .from(users)
      // A college is staffed when someone can submit its own sheets (its secretary).
      .where(and(inArray(users.role, rolesHolding("sheets.submit", "own-college")), eq(users.disabled, false))),
    n(db.select({ n: count() }).from(students)),
    n(db.select({ n: count() }).from(failedCourseRecords)),
  ]);
  const staffed = new Set(secretaries.map((s) => s.collegeId));
  const items = setupChecklist({
    academicYear,
    school: school !== null,
    colleges: collegeRows.length,
    majors: majorCount,
    termsThisYear: termCount,
    missingHolidayYears: missingHolidayYears(holidays.value, academicYear),
    // Version 0 is the built-in default: nobody has published the school's own yet.
    registrarCalendar: calendar.version > 0,
    collegesWithoutSecretary: collegeRows.filter((c) => !staffed.has(c.id)).map((c) => c.name),
    students: studentCount,
    results: resultCount,
  });
  return { academicYear, complete: items.every((i) => i.done), items };
}
