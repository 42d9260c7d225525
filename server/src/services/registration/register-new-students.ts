import { sql } from "drizzle-orm";
import { type Db, resultRows } from "../../db/client";
import { type Actor, recordEvent } from "../audit-log/record-event";

/**
 * 新生学籍电子注册 (seed 004 “教务处学籍中心上报数据进行新生学籍电子注册”; seed 003 第四条 学籍管理部门对复查
 * 合格的学生予以学籍注册): every 报到 student of the year's grade becomes 在读, each change recorded with
 * the registration of the year. Until this, 放弃入学资格 stays possible (seed 004). Set-based; running it
 * again registers nobody twice.
 */
export async function registerNewStudents(
  db: Db,
  options: { actor: Actor & { userId: number }; academicYear: string; collegeId?: number | undefined; today: string },
) {
  const grade = Number(options.academicYear.slice(0, 4));
  return db.transaction(async (tx) => {
    const changed = resultRows<{ id: number; student_no: string }>(
      await tx.execute(sql`
        update students set status = 'enrolled', updated_at = now()
        where status = 'reported' and grade = ${grade} ${options.collegeId !== undefined ? sql`and college_id = ${options.collegeId}` : sql``}
        returning id, student_no`),
    );
    if (changed.length === 0) return { registered: 0 };
    const ids = JSON.stringify(changed.map((c) => c.id));
    await tx.execute(sql`
      insert into status_changes (student_id, field, before, after)
      select x::int, 'status', to_jsonb('reported'::text), to_jsonb('enrolled'::text) from jsonb_array_elements_text(${ids}::jsonb) x`);
    await tx.execute(sql`
      insert into registrations (student_id, academic_year, status, updated_at)
      select x::int, ${options.academicYear}, 'registered', now() from jsonb_array_elements_text(${ids}::jsonb) x
      on conflict (student_id, academic_year) do update set status = 'registered', updated_at = now()`);
    await tx.execute(sql`
      insert into registration_events (student_id, academic_year, from_status, to_status, reason, "on", "by")
      select x::int, ${options.academicYear}, 'reported', 'registered', '新生学籍电子注册', ${options.today}::date, ${options.actor.userId}
      from jsonb_array_elements_text(${ids}::jsonb) x`);
    await recordEvent(tx, options.actor, {
      action: "registration.new-students",
      entity: "registration",
      entityId: options.academicYear,
      after: { collegeId: options.collegeId ?? null, registered: changed.length, statusChanges: { before: "reported", after: "enrolled" } },
    });
    return { registered: changed.length };
  });
}
