import { isNull, sql } from "drizzle-orm";
import { pinyin } from "pinyin-pro";
import type { Db } from "../../db/client";
import { students } from "../../db/schema";

/**
 * 拼音首字母 of a name, as registrars type them to find a student: 张三 → zs, 欧阳娜娜 → oynn (compound
 * surnames read as surnames: 单 as shàn, 曾 as zēng), 阿依古丽·买买提 → aygl mmt without the dot.
 * Latin letters in a name are kept as they are.
 */
export function pinyinInitials(name: string): string {
  return pinyin(name.replace(/[\s·•.]/g, ""), { pattern: "first", toneType: "none", type: "array", surname: "all", nonZh: "consecutive" })
    .join("")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/**
 * Fills `pinyin_initials` where it is missing (students added by any path since the last search: rosters,
 * the demo, the command line), 5,000 a statement. Cheap when nothing is missing (an indexed IS NULL).
 */
export async function fillPinyinInitials(db: Db): Promise<number> {
  let filled = 0;
  for (;;) {
    const missing = await db
      .select({ id: students.id, name: students.name })
      .from(students)
      .where(isNull(students.pinyinInitials))
      .limit(5000);
    if (missing.length === 0) return filled;
    const ids = missing.map((m) => m.id);
    const initials = missing.map((m) => pinyinInitials(m.name));
    await db.execute(
      sql`update students set pinyin_initials = v.initials from (select unnest(${sql.param(ids)}::int[]) as id, unnest(${sql.param(initials)}::text[]) as initials) v where students.id = v.id`,
    );
    filled += missing.length;
  }
}
