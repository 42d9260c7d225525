import { AppError } from "@xueji/shared";
import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { applicationDecisions, applications, statusChanges, students, users } from "../../db/schema";

/** An application with every decision on it and the field changes it made, in order. */
export async function applicationTimeline(db: Db, applicationId: number) {
  const [application] = await db.select().from(applications).where(eq(applications.id, applicationId)).limit(1);
  if (!application) throw new AppError("application.not-found");
  const [student] = await db
    .select({ studentNo: students.studentNo, name: students.name })
    .from(students)
    .where(eq(students.id, application.studentId));
  const decisions = await db
    .select({
      action: applicationDecisions.action,
      fromStage: applicationDecisions.fromStage,
      toStage: applicationDecisions.toStage,
      role: applicationDecisions.role,
      by: users.displayName,
      opinion: applicationDecisions.opinion,
      at: applicationDecisions.at,
    })
    .from(applicationDecisions)
    .innerJoin(users, eq(users.id, applicationDecisions.userId))
    .where(eq(applicationDecisions.applicationId, applicationId))
    .orderBy(asc(applicationDecisions.id));
  const changes = await db
    .select()
    .from(statusChanges)
    .where(eq(statusChanges.applicationId, applicationId))
    .orderBy(asc(statusChanges.id));
  return { application, student, decisions, changes };
}

/** A student's history: every field every executed change altered, oldest first, to replay the record. */
export async function studentHistory(db: Db, studentId: number) {
  return db.select().from(statusChanges).where(eq(statusChanges.studentId, studentId)).orderBy(asc(statusChanges.id));
}
