import { AppError } from "@xueji/shared";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { studentPhotos, students } from "../../db/schema";
import { auditRulesInForce } from "../graduation/audit-rules-in-force";
import { reaches, type Viewer } from "../viewer";
import { inspectPhoto } from "./inspect-photo";
import { assertPhotoFits, storePhoto } from "./store-photo";

/** The photo rules of the year the student graduates in (the graduation-audit setting's `photo`). */
export async function photoRulesFor(db: Db, today: string) {
  return (await auditRulesInForce(db, today)).photo;
}

/**
 * One student's graduate photo (图像采集, seed 000 六.2), uploaded on the student card: refused unless it is a JPG of
 * the size, dimensions and blue background 学信网 asks (seed 000 四 备注); another college's student reads as not found.
 */
export async function uploadPhoto(db: Db, viewer: Viewer, options: { studentNo: string; fileName: string; base64: string; today: string }) {
  const bytes = Buffer.from(options.base64, "base64");
  const photo = inspectPhoto(bytes, await photoRulesFor(db, options.today));
  return db.transaction(async (tx) => {
    const [student] = await tx
      .select({ id: students.id, studentNo: students.studentNo, collegeId: students.collegeId })
      .from(students)
      .where(eq(students.studentNo, options.studentNo))
      .limit(1);
    if (!student || !reaches(viewer.scope, student.collegeId)) throw new AppError("student.unknown", { studentNo: options.studentNo });
    assertPhotoFits(photo);
    await storePhoto(tx, viewer, student, photo as typeof photo & { width: number; height: number }, { name: options.fileName, bytes });
    return { studentNo: student.studentNo, width: photo.width as number, height: photo.height as number, bytes: photo.bytes };
  });
}

/** A student's graduate photo to show on the card: the JPG when one was uploaded, and its measurements; null when none. */
export async function photoOf(db: Db, viewer: Viewer, studentNo: string) {
  const [row] = await db
    .select({
      collegeId: students.collegeId,
      image: studentPhotos.image,
      width: studentPhotos.width,
      height: studentPhotos.height,
      bytes: studentPhotos.bytes,
      fileName: studentPhotos.fileName,
      blueBackground: studentPhotos.blueBackground,
      takenAt: studentPhotos.takenAt,
    })
    .from(students)
    .leftJoin(studentPhotos, eq(studentPhotos.studentId, students.id))
    .where(eq(students.studentNo, studentNo))
    .limit(1);
  if (!row || !reaches(viewer.scope, row.collegeId)) throw new AppError("student.unknown", { studentNo });
  if (row.width === null || row.height === null || row.bytes === null || row.takenAt === null) return null;
  return {
    base64: row.image,
    width: row.width,
    height: row.height,
    bytes: row.bytes,
    fileName: row.fileName,
    blueBackground: row.blueBackground,
    takenAt: row.takenAt.toISOString(),
  };
}
