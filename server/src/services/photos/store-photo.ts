import { AppError, photoProblemText } from "@xueji/shared";
import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { studentPhotos } from "../../db/schema";
import { recordEvent } from "../audit-log/record-event";
import type { Viewer } from "../viewer";
import type { InspectedPhoto } from "./inspect-photo";

/** Refuses a photo with what is wrong with it, in the uploader's words. */
export function assertPhotoFits(photo: InspectedPhoto): void {
  if (photo.problems.length)
    throw new AppError("photo.invalid", { problems: photo.problems.map((p) => photoProblemText(p, "zh-CN")).join("；") });
}

/**
 * Keeps a checked photo as the student's graduate photo (one per student: a new one replaces the old), with the
 * file and its measurements, and writes its audit event (the file's name and size, never its content).
 */
export async function storePhoto(
  tx: Executor,
  viewer: Viewer,
  student: { id: number; studentNo: string },
  photo: InspectedPhoto & { width: number; height: number },
  file: { name: string; bytes: Buffer },
): Promise<void> {
  const values = {
    studentId: student.id,
    width: photo.width,
    height: photo.height,
    bytes: photo.bytes,
    image: file.bytes.toString("base64"),
    fileName: file.name,
    blueBackground: photo.blueBackground,
    uploadedBy: viewer.userId,
    takenAt: new Date(),
  };
  const [before] = await tx
    .select({ fileName: studentPhotos.fileName, bytes: studentPhotos.bytes })
    .from(studentPhotos)
    .where(sql`${studentPhotos.studentId} = ${student.id}`)
    .for("update");
  await tx
    .insert(studentPhotos)
    .values(values)
    .onConflictDoUpdate({
      target: studentPhotos.studentId,
      set: {
        width: values.width,
        height: values.height,
        bytes: values.bytes,
        image: values.image,
        fileName: values.fileName,
        blueBackground: values.blueBackground,
        uploadedBy: values.uploadedBy,
        takenAt: values.takenAt,
      },
    });
  await recordEvent(tx, viewer, {
    action: "student.photo",
    entity: "student",
    entityId: student.studentNo,
    before: before ?? null,
    after: { fileName: file.name, bytes: photo.bytes, width: photo.width, height: photo.height, blueBackground: photo.blueBackground },
  });
}
