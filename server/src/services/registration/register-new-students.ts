import { PREPARATORY_LEVEL } from "@xueji/shared";
import { sql } from "drizzle-orm";
import { type Db, resultRows } from "../../db/client";
import { type Actor, recordEvent } from "../audit-log/record-event";

/** A 报到 student 新生电子注册 did not register, and the rule that holds them back. */
export type HeldBack =
  | { studentNo: string; name: string; rule: "preparatory-level" }
  | { studentNo: string; name: string; rule: "live-status-held"; holder: string }
  | { studentNo: string; name: string; rule: "same-id-reported"; others: string[] };

/**
 * 新生学籍电子注册 (seed 004 “教务处学籍中心上报数据进行新生学籍电子注册”; seed 003 第四条 学籍管理部门对复查
 * 合格的学生予以学籍注册): every 报到 student of the year's grade becomes 在读, each change recorded with
 * the registration of the year. Until this, 放弃入学资格 stays possible (seed 004). Set-based; running it
 * again registers nobody twice.
 *
 * The record may have moved since the admissions import checked it, so the two admission rules are checked again
 * here, and a student either breaks is held back (named in the answer, still 报到) rather than registered:
 * - seed 003 第五条 “对按预科录取的新生注册为预科，不得直接注册为本科或专科”: admitted as 预科, level not 预科;
 * - seed 003 第七条 “在同一学习时段，只能注册一个普通全日制学籍”: the 身份证号 holds a live 学籍 (在读, 休学) under another 学号;
 *   or another 报到 student of the year's intake (this batch, or another college's still to come) has the same
 *   身份证号 — registering both would give one person two 学籍, and which is the real admission is for the
 *   registrar to find out, so every one of them is held back, each naming the others (docs/domain.md §2).
 */
export async function registerNewStudents(
  db: Db,
  options: { actor: Actor & { userId: number }; academicYear: string; collegeId?: number | undefined; today: string },
) {
  const grade = Number(options.academicYear.slice(0, 4));
  const inScope = sql`s.status = 'reported' and s.grade = ${grade} ${options.collegeId !== undefined ? sql`and s.college_id = ${options.collegeId}` : sql``}`;
  return db.transaction(async (tx) => {
    const held = resultRows<{
      id: number;
      student_no: string;
      name: string;
      preparatory: boolean;
      holder: string | null;
      twins: string[] | null;
    }>(
      await tx.execute(sql`
        select id, student_no, name, preparatory, holder, twins from (
          select s.id, s.student_no, s.name,
            (s.admission_type like '%预科%' and s.level <> ${PREPARATORY_LEVEL}) as preparatory,
            (select o.student_no from students o
              where o.id <> s.id and upper(o.id_number) = upper(s.id_number) and o.status in ('enrolled', 'suspended')
              order by o.student_no limit 1) as holder,
            (select array_agg(o.student_no order by o.student_no) from students o
              where o.id <> s.id and upper(o.id_number) = upper(s.id_number) and o.status = 'reported' and o.grade = ${grade}) as twins
          from students s where ${inScope}
        ) c where preparatory or holder is not null or twins is not null
        order by student_no`),
    );
    const heldBack: HeldBack[] = held.map((h) =>
      h.holder !== null
        ? { studentNo: h.student_no, name: h.name, rule: "live-status-held", holder: h.holder }
        : h.twins !== null
          ? { studentNo: h.student_no, name: h.name, rule: "same-id-reported", others: h.twins }
          : { studentNo: h.student_no, name: h.name, rule: "preparatory-level" },
    );
    const changed = resultRows<{ id: number; student_no: string }>(
      await tx.execute(sql`
        update students s set status = 'enrolled', updated_at = now()
        where ${inScope} and s.id not in (select jsonb_array_elements_text(${JSON.stringify(held.map((h) => h.id))}::jsonb)::int)
        returning id, student_no`),
    );
    if (changed.length === 0) return { registered: 0, heldBack };
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
      after: {
        collegeId: options.collegeId ?? null,
        registered: changed.length,
        heldBack: heldBack.map((h) => h.studentNo),
        statusChanges: { before: "reported", after: "enrolled" },
      },
    });
    return { registered: changed.length, heldBack };
  });
}
