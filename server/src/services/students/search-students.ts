import { maskIdNumber, ROLES_SEEING_ID_NUMBERS, type Role } from "@xueji/shared";
import { and, asc, eq, gt, ilike, or, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { colleges, majors, students } from "../../db/schema";
import { fillPinyinInitials } from "./pinyin-initials";

/** `%` and `_` are LIKE wildcards; a search for them means the characters. */
function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Students by 学号 (prefix), name (any part) or 拼音首字母 (prefix: "zs" finds 张三, 赵爽 …), within the
 * caller's college when it has one. ID numbers masked for roles that must not see them. Paged by cursor
 * (the last student id seen).
 */
export async function searchStudents(
  db: Db,
  options: { query: string; role: Role; collegeId?: number | undefined; cursor?: number | undefined; limit: number },
) {
  await fillPinyinInitials(db);
  const q = options.query.trim();
  const where: SQL[] = [];
  if (q) {
    const like = likeEscape(q);
    const matches: SQL[] = [ilike(students.studentNo, `${like}%`), ilike(students.name, `%${like}%`)];
    if (/^[a-z]+$/i.test(q)) matches.push(ilike(students.pinyinInitials, `${like.toLowerCase()}%`));
    where.push(or(...matches) as SQL);
  }
  if (options.collegeId !== undefined) where.push(eq(students.collegeId, options.collegeId));
  if (options.cursor !== undefined) where.push(gt(students.id, options.cursor));
  const rows = await db
    .select({
      id: students.id,
      studentNo: students.studentNo,
      name: students.name,
      idNumber: students.idNumber,
      gender: students.gender,
      collegeId: students.collegeId,
      collegeName: colleges.name,
      majorName: majors.name,
      grade: students.grade,
      status: students.status,
    })
    .from(students)
    .innerJoin(colleges, eq(colleges.id, students.collegeId))
    .innerJoin(majors, eq(majors.id, students.majorId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(students.id))
    .limit(options.limit + 1);
  const seesIds = ROLES_SEEING_ID_NUMBERS.has(options.role);
  const items = rows.slice(0, options.limit).map((r) => (seesIds ? r : { ...r, idNumber: maskIdNumber(r.idNumber) }));
  return { items, nextCursor: rows.length > options.limit ? (items.at(-1)?.id ?? null) : null };
}
