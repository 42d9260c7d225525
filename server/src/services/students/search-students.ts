import { maskIdNumber, ROLES_SEEING_ID_NUMBERS, type Role } from "@xueji/shared";
import { and, eq, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { colleges, majors, students } from "../../db/schema";
import { afterCursor, type Keyset, keyColumns, keysetOrder, type PageOptions, toPage, withoutKeys } from "../paging";
import { fillPinyinInitials } from "./pinyin-initials";

/** `%` and `_` are LIKE wildcards; a search for them means the characters. */
function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The columns a way of matching reads: the table's own, or the same columns of a walk through it in 学号 order. */
interface Columns {
  studentNo: SQLWrapper;
  name: SQLWrapper;
  pinyinInitials: SQLWrapper;
}

/**
 * One way a query matches a student: `find` is the condition its own index serves, `test` the same condition
 * checked on a row already read (exactly the same students). `broad` when the query is so short that many
 * students are likely to match: one character of a name (a surname), one or two letters of 拼音首字母.
 */
interface Way {
  find: (c: Columns) => SQL;
  test: (c: Columns) => SQL;
  broad: boolean;
}

/**
 * ILIKE as PostgreSQL computes it on a multi-byte database (lower() of both sides, then LIKE), written so that
 * the prefix index of lower(学号) serves it: ILIKE itself cannot use an index past a pattern's first letter.
 */
function ignoringCase(column: SQLWrapper, pattern: string): SQL {
  return sql`lower(${column}) like lower(${pattern})`;
}

/**
 * Any part of a name, case ignored. A query of 3 characters or more has trigrams, which pg_trgm's index of
 * names serves; one of 1 or 2 (a surname, a two-character name) has none, and is looked up instead in the
 * index of each name's characters and pairs of characters (student_name_grams, migration 0032): every one of
 * the query's is among a matching name's, and the ILIKE beside it keeps the answer exactly today's. A row
 * already read needs only the ILIKE (computing its grams would cost more than the comparison).
 */
function anyPartOfName(q: string, like: string): Way {
  const test = (c: Columns) => sql`${c.name} ilike ${`%${like}%`}`;
  if ([...q].length > 2) return { find: test, test, broad: false };
  // One character is most often a surname, which tens of thousands share at a province; two are most often a
  // whole name or most of one, which a few hundred share at most. Letters alone are more likely 拼音首字母 than
  // part of a name: as a name they are taken for few.
  const broad = [...q].length === 1 && !/^[a-z]$/i.test(q);
  return { find: (c) => sql`student_name_grams(${c.name}) @> student_name_grams(${q}) and ${test(c)}`, test, broad };
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
 * How many of a way's matches are read through its own index and put in 学号 order, at most, before the way
 * counts as one that many students share: each is a row read from the table (1,000 took 5 ms at the bench's
 * million students under load 7), so this bounds what a query taken for few spends before it walks instead.
 * Enough for a two-character name the bench's generated names give 10,000 students (a real one, a few hundred).
 */
const FEW = 20_000;

/** How many students a walk through 学号 order reads, at most, looking for a page of matches. */
const WALK = 5000;

/** FEW and WALK; a test makes them small, to take each of the plans below on a handful of students. */
export interface SearchBounds {
  few: number;
  walk: number;
}

/**
 * The first `n` students in 学号 order that `way` matches, among those `filter` keeps: the common table
 * expressions it reads and the branches (id, 学号) of which exactly one gives rows.
 *
 * Left to itself, the planner chooses between two plans by its estimate of how many students match: walk the
 * 学号 index and keep the matches until there are `n` (cheap when matches are common and spread evenly), or
 * read every match through the way's own index (trigram, name grams, prefix) and sort them (cheap when matches
 * are few). Both go wrong: the estimate of a 3-character name or 拼音首字母 comes from a sample that differs from
 * one ANALYZE to the next (at 1,000,000 students "wdx", 2,000 matches, was estimated at 49 in one and 4,931 in the
 * next), and the walk's cost assumes the matches are spread evenly through 学号 order, which a 学号 (year,
 * college, then a sequence) and names need not be: at the bench's million the walk read half the table
 * (500,000 rows, 0.5–1.2 s) before its first "wdx". So the choice is made by what each plan finds, each bounded:
 * - few: up to FEW matches through the way's own index (a CTE with a LIMIT and no order, so no walk), counted;
 *   fewer than FEW are all of them, and their first `n` the answer (2,000 rows: a few ms; 10,000: ~20 ms);
 * - walk: the first WALK students in 学号 order (a subquery with a LIMIT: the match cannot be pushed into it,
 *   so it is walked however the estimate falls), kept when they match; `n` found is the answer (a surname or
 *   one letter finds them in the first few hundred);
 * - else every match through the way's own index, sorted (a MATERIALIZED CTE, which PostgreSQL plans apart from
 *   the ordered query): the only plan left whose cost is bounded, by the number of matches.
 * A short query is likely broad: it skips the count and walks first. Each branch is gated by a condition on
 * the counts alone, which PostgreSQL evaluates once, before the branch (a one-time filter): a branch whose
 * condition is false is not run, nor the CTE only it reads (a plain subquery there was given a parallel plan
 * whose workers started, 10–40 ms, even when its branch was off), and CASE keeps the walk from being run when
 * the count has answered. One statement, not one per plan: each round trip costs most when the machine is busy.
 */
function firstMatches(i: number, way: Way, filter: SQL, n: number, bounds: SearchBounds): { ctes: SQL[]; branches: SQL[] } {
  const few = sql.identifier(`few_${i}`);
  const walked = sql.identifier(`walked_${i}`);
  const walk = sql.identifier(`walk_${i}`);
  const inWalk = { studentNo: sql`${walk}.student_no`, name: sql`${walk}.name`, pinyinInitials: sql`${walk}.pinyin_initials` };
  const ctes = [
    sql`${walked} as materialized (
      select id, student_no from (
        select id, student_no, name, pinyin_initials from students where ${filter} order by student_no, id limit ${bounds.walk}
      ) ${walk} where ${way.test(inWalk)} order by student_no, id limit ${n})`,
  ];
  const walkFound = sql`(select count(*) from ${walked}) = ${n}`;
  const every = sql.identifier(`every_${i}`);
  ctes.push(sql`${every} as materialized (select id, student_no from students where ${way.find(students)} and ${filter})`);
  const everyMatch = sql`(select id, student_no from ${every}`;
  if (way.broad)
    return {
      ctes,
      branches: [
        sql`(select id, student_no from ${walked} where ${walkFound})`,
        sql`${everyMatch} where not ${walkFound} order by student_no, id limit ${n})`,
      ],
    };
  ctes.unshift(
    sql`${few} as materialized (select id, student_no from students where ${way.find(students)} and ${filter} limit ${bounds.few})`,
  );
  const isFew = sql`(select count(*) from ${few}) < ${bounds.few}`;
  return {
    ctes,
    branches: [
      sql`(select id, student_no from ${few} where ${isFew} order by student_no, id limit ${n})`,
      sql`(select id, student_no from ${walked} where case when ${isFew} then false else ${walkFound} end)`,
      sql`${everyMatch} where case when ${isFew} then false else not ${walkFound} end order by student_no, id limit ${n})`,
    ],
  };
}

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
    bounds?: SearchBounds | undefined;
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
    // Digits alone are a 学号 prefix: a name has none. Anything else may be part of a name as well.
    const digits = /^[0-9]+$/.test(q);
    const byNo = (c: Columns) => (digits ? sql`${c.studentNo} like ${`${like}%`}` : ignoringCase(c.studentNo, `${like}%`));
    // A 学号 prefix is never taken for broad: a short prefix that every student has is counted in the table's
    // order (FEW rows read in sequence, a few ms), and one with letters or Chinese characters usually has none.
    const ways: Way[] = [{ find: byNo, test: byNo, broad: false }];
    if (!digits) ways.push(anyPartOfName(q, like));
    // 拼音首字母 are stored in lower case (pinyin-initials.ts).
    if (/^[a-z]+$/i.test(q)) {
      const byInitials = (c: Columns) => sql`${c.pinyinInitials} like ${`${like.toLowerCase()}%`}`;
      ways.push({ find: byInitials, test: byInitials, broad: q.length <= 2 });
    }
    // One page's worth from each way of matching, then merged: an OR of them would read the whole table at a
    // province's million students.
    const parts = ways.map((way, i) =>
      firstMatches(
        i,
        way,
        where.length ? (and(...where) as SQL) : sql`true`,
        options.limit + 1,
        options.bounds ?? { few: FEW, walk: WALK },
      ),
    );
    where.push(
      sql`${students.id} in (with ${sql.join(
        parts.flatMap((p) => p.ctes),
        sql`, `,
      )} select id from (${sql.join(
        parts.flatMap((p) => p.branches),
        sql` union all `,
      )}) as hits)`,
    );
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
