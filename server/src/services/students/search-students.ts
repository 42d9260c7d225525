import { maskIdNumber, ROLES_SEEING_ID_NUMBERS, type Role } from "@xueji/shared";
import { and, eq, ilike, inArray, like as like_, type SQL, sql } from "drizzle-orm";
import { union } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client";
import { colleges, majors, students } from "../../db/schema";
import { afterCursor, type Keyset, keyColumns, keysetOrder, type PageOptions, toPage, withoutKeys } from "../paging";
import { fillPinyinInitials } from "./pinyin-initials";

/** `%` and `_` are LIKE wildcards; a search for them means the characters. */
function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * ILIKE as PostgreSQL computes it on a multi-byte database (lower() of both sides, then LIKE), written so that
 * the prefix index of lower(学号) serves it: ILIKE itself cannot use an index past a pattern's first letter.
 */
function ignoringCase(column: typeof students.studentNo, pattern: string): SQL {
  return sql`lower(${column}) like lower(${pattern})`;
}

/**
 * Any part of a name, case ignored. A query of 3 characters or more has trigrams, which pg_trgm's index of
 * names serves; one of 1 or 2 (a surname, a two-character name) has none, and is looked up instead in the
 * index of each name's characters and pairs of characters (student_name_grams, migration 0032): every one of
 * the query's is among a matching name's, and the ILIKE beside it keeps the answer exactly today's.
 */
function anyPartOfName(q: string, like: string): SQL {
  const matches = ilike(students.name, `%${like}%`);
  if ([...q].length > 2) return matches;
  return and(sql`student_name_grams(${students.name}) @> student_name_grams(${q})`, matches) as SQL;
}

/** 学号 is unique, so it orders the hits totally; the id only breaks a tie that cannot happen. */
const BY_STUDENT_NO: Keyset = {
  name: "student-search/no",
  parts: [
    { expr: students.studentNo, type: "text" },
    { expr: students.id, type: "int8" },
  ],
  direction: "asc",
};

/**
 * Students by 学号 (prefix), name (any part) or 拼音首字母 (prefix: "zs" finds 张三, 赵爽 …), within the
 * caller's college when it has one, in 学号 order. ID numbers masked for roles that must not see them.
 * Paged by the opaque keyset cursor, like every list.
 */
export async function searchStudents(
  db: Db,
  options: PageOptions & {
    query: string;
    role: Role;
    collegeId?: number | undefined;
    /** Narrowing filters, so a count elsewhere (学籍统计, 注册) links to exactly the students behind it. */
    majorId?: number | undefined;
    grade?: number | undefined;
    status?: string | undefined;
  },
) {
  await fillPinyinInitials(db);
  const q = options.query.trim();
  const where: SQL[] = [];
  if (options.collegeId !== undefined) where.push(eq(students.collegeId, options.collegeId));
  if (options.majorId !== undefined) where.push(eq(students.majorId, options.majorId));
  if (options.grade !== undefined) where.push(eq(students.grade, options.grade));
  if (options.status !== undefined) where.push(eq(students.status, options.status));
  const after = afterCursor(BY_STUDENT_NO, options.cursor);
  if (after) where.push(after);
  if (q) {
    const like = likeEscape(q);
    // Digits alone are a 学号 prefix: a name has none, and LIKE (the same as ILIKE on digits) is what the
    // prefix index serves. Anything else may be part of a name as well.
    const digits = /^[0-9]+$/.test(q);
    const matches: SQL[] = [digits ? like_(students.studentNo, `${like}%`) : ignoringCase(students.studentNo, `${like}%`)];
    if (!digits) matches.push(anyPartOfName(q, like));
    // 拼音首字母 are stored in lower case (pinyin-initials.ts).
    if (/^[a-z]+$/i.test(q)) matches.push(like_(students.pinyinInitials, `${like.toLowerCase()}%`));
    // One page's worth from each way of matching, each found through its own index (and put in 学号 order),
    // then merged: an OR of the three would read the whole table at a province's million students.
    const arm = (match: SQL) =>
      db
        .select({ id: students.id })
        .from(students)
        .where(and(match, ...where))
        .orderBy(...keysetOrder(BY_STUDENT_NO))
        .limit(options.limit + 1);
    const [byNo, ...others] = matches.map(arm) as [ReturnType<typeof arm>, ...ReturnType<typeof arm>[]];
    const [second, ...more] = others;
    where.push(inArray(students.id, second ? union(byNo, second, ...more) : byNo));
  }
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
      ...keyColumns(BY_STUDENT_NO),
    })
    .from(students)
    .innerJoin(colleges, eq(colleges.id, students.collegeId))
    .innerJoin(majors, eq(majors.id, students.majorId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(...keysetOrder(BY_STUDENT_NO))
    .limit(options.limit + 1);
  const seesIds = ROLES_SEEING_ID_NUMBERS.has(options.role);
  return toPage(BY_STUDENT_NO, rows, options.limit, (row) => {
    const r = withoutKeys(row);
    return seesIds ? r : { ...r, idNumber: maskIdNumber(r.idNumber) };
  });
}
