import type { ApplicationType, Material } from "@xueji/shared";
import { requiredMaterials } from "@xueji/shared";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { studentPhotos, students } from "../db/schema";
import type { StudentSeed } from "../db/seed-basics";
import { decideApplication } from "../services/applications/decide-application";
import { fileApplication } from "../services/applications/file-application";
import { workflowInForce } from "../services/applications/workflow-for";
import { pick } from "./random";

/** The 2026 graduates' earned credits and photos, as the academic system and the photo collection would give them. */
export async function seedGraduates(db: Db, random: () => number): Promise<void> {
  await db.execute(sql`update students set earned_credits = 150 + floor(random() * 26) where grade = 2022`);
  await db.execute(sql`update students set earned_credits = 165 where grade = 2022 and earned_credits < 158 and id % 3 <> 0`);
  const graduates = await db.select({ id: students.id }).from(students).where(eq(students.grade, 2022));
  const photos = graduates
    .filter(() => random() > 0.04)
    .map((g) => ({ studentId: g.id, width: 480, height: 640, bytes: random() > 0.03 ? 20_000 + Math.floor(random() * 70_000) : 130_000 }));
  for (let i = 0; i < photos.length; i += 1000) await db.insert(studentPhotos).values(photos.slice(i, i + 1000));
}

interface People {
  secretaries: Map<number, number>;
  leaders: Map<number, number>;
  registrarId: number;
  registrarLeaderId: number;
  studentsByCollege: Map<number, StudentSeed[]>;
}

/**
 * Status-change applications at every stage, made through the real services: drafts, some waiting
 * for the college, some for the registrar leader, some done with a numbered notice.
 */
export async function seedApplications(db: Db, random: () => number, people: People): Promise<void> {
  const today = "2026-11-16";
  for (const [collegeId, seeds] of people.studentsByCollege) {
    const plan: Array<[ApplicationType, StudentSeed | undefined]> = [
      ["suspension", seeds.find((s) => s.status === "enrolled" && s.grade === 2024)],
      ["suspension", seeds.find((s) => s.status === "enrolled" && s.grade === 2023)],
      ["resumption", seeds.find((s) => s.status === "suspended")],
      ["withdrawal", seeds.find((s) => s.status === "enrolled" && s.grade === 2025)],
    ];
    for (const [i, [type, student]] of plan.entries()) {
      if (!student) continue;
      const workflow = await workflowInForce(db, type, "2026-2027");
      const reason = pick(random, workflow.reasons);
      const secretary = {
        userId: people.secretaries.get(collegeId) as number,
        role: "secretary" as const,
        requestId: "demo-seed",
        collegeId,
      };
      const app = await fileApplication(db, {
        actor: secretary,
        scopeCollegeId: collegeId,
        studentNo: student.studentNo,
        type,
        reasonCode: reason.code,
        materials: requiredMaterials(workflow, reason.code) as Material[],
        // 休学 for the academic year (its 起止日期).
        ...(workflow.period ? { periodStartsOn: today, periodEndsOn: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}` } : {}),
        today,
      });
      if (i === 3) continue; // left as a draft
      let version = (await decideApplication(db, { actor: secretary, applicationId: app.id, expectedVersion: 1, action: "submit", today }))
        .version;
      if (i === 1) continue; // waiting for the college leader
      const leader = {
        userId: people.leaders.get(collegeId) as number,
        role: "college-leader" as const,
        requestId: "demo-seed",
        collegeId,
      };
      version = (
        await decideApplication(db, {
          actor: leader,
          applicationId: app.id,
          expectedVersion: version,
          action: "advance",
          opinion: "经学院党政联席会研究，同意",
          today,
        })
      ).version;
      if (i === 2) continue; // waiting for the registrar leader
      const registrarLeader = {
        userId: people.registrarLeaderId,
        role: "registrar-leader" as const,
        requestId: "demo-seed",
        collegeId: null,
      };
      version = (
        await decideApplication(db, {
          actor: registrarLeader,
          applicationId: app.id,
          expectedVersion: version,
          action: "advance",
          opinion: "同意",
          today,
        })
      ).version;
      const registrar = { userId: people.registrarId, role: "registrar-staff" as const, requestId: "demo-seed", collegeId: null };
      await decideApplication(db, {
        actor: registrar,
        applicationId: app.id,
        expectedVersion: version,
        action: "advance",
        opinion: "已办理",
        today,
      });
    }
  }
}
