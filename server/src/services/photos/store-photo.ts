import { createHash } from "node:crypto";
import { AppError, type AuditRules, photoProblemText } from "@xueji/shared";
import { inArray, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { studentPhotos } from "../../db/schema";
import { type Actor, recordEvents } from "../audit-log/record-event";
import { type InspectedPhoto, inspectPhoto } from "./inspect-photo";

/** Refuses a photo with what is wrong with it, in the uploader's words. */
export function assertPhotoFits(photo: InspectedPhoto): void {
  if (photo.problems.length)
    throw new AppError("photo.invalid", { problems: photo.problems.map((p) => photoProblemText(p, "zh-CN")).join("；") });
}

type Uploader = Actor & { userId: number };
type FittingPhoto = InspectedPhoto & { width: number; height: number };
interface PhotoToWrite {
  student: { id: number; studentNo: string };
  photo: FittingPhoto;
  file: { name: string; bytes: Buffer };
}

/** Rows per insert statement: 10 parameters each, well under PostgreSQL's 65 535. */
const PHOTOS_PER_INSERT = 1000;

/**
 * Keeps checked photos as their students' graduate photos (one per student: a new one replaces the old), with the
 * file and its measurements, set-based, and writes each one's audit event (the file's name and size, never its
 * content) with the photo it replaced.
 */
async function writePhotos(tx: Executor, uploader: Uploader, photos: readonly PhotoToWrite[]): Promise<void> {
  if (photos.length === 0) return;
  const ids = photos.map((p) => p.student.id);
  const before = new Map<number, { fileName: string | null; bytes: number }>();
  for (let i = 0; i < ids.length; i += PHOTOS_PER_INSERT) {
    const rows = await tx
      .select({ studentId: studentPhotos.studentId, fileName: studentPhotos.fileName, bytes: studentPhotos.bytes })
      .from(studentPhotos)
      .where(inArray(studentPhotos.studentId, ids.slice(i, i + PHOTOS_PER_INSERT)))
      .for("update");
    for (const r of rows) before.set(r.studentId, { fileName: r.fileName, bytes: r.bytes });
  }
  const takenAt = new Date();
  const values = photos.map(({ student, photo, file }) => ({
    studentId: student.id,
    width: photo.width,
    height: photo.height,
    bytes: photo.bytes,
    image: file.bytes.toString("base64"),
    fileName: file.name,
    blueBackground: photo.blueBackground,
    uploadedBy: uploader.userId,
    takenAt,
  }));
  for (let i = 0; i < values.length; i += PHOTOS_PER_INSERT)
    await tx
      .insert(studentPhotos)
      .values(values.slice(i, i + PHOTOS_PER_INSERT))
      .onConflictDoUpdate({
        target: studentPhotos.studentId,
        set: {
          width: sql`excluded.width`,
          height: sql`excluded.height`,
          bytes: sql`excluded.bytes`,
          image: sql`excluded.image`,
          fileName: sql`excluded.file_name`,
          blueBackground: sql`excluded.blue_background`,
          uploadedBy: sql`excluded.uploaded_by`,
          takenAt: sql`excluded.taken_at`,
        },
      });
  await recordEvents(
    tx,
    uploader,
    photos.map(({ student, photo, file }) => ({
      action: "student.photo",
      entity: "student",
      entityId: student.studentNo,
      before: before.get(student.id) ?? null,
      after: { fileName: file.name, bytes: photo.bytes, width: photo.width, height: photo.height, blueBackground: photo.blueBackground },
    })),
  );
}

/**
 * Keeps a checked photo as the student's graduate photo (one per student: a new one replaces the old), with the
 * file and its measurements, and writes its audit event (the file's name and size, never its content).
 */
export async function storePhoto(
  tx: Executor,
  uploader: Uploader,
  student: { id: number; studentNo: string },
  photo: FittingPhoto,
  file: { name: string; bytes: Buffer },
): Promise<void> {
  await writePhotos(tx, uploader, [{ student, photo, file }]);
}

/**
 * Many students' graduate photos at once (a photo collection's files, the demo's): each checked as one upload is
 * (`inspectPhoto` against the rules in force, refused with `photo.invalid` naming the student and what is wrong —
 * then none is kept), then kept and audited as `storePhoto` does, set-based. A file's checks depend only on its
 * bytes and the rules, so the same file given for several students is inspected once. One photo per student.
 */
export async function storePhotos(
  tx: Executor,
  uploader: Uploader,
  rules: AuditRules["photo"],
  photos: ReadonlyArray<{ student: { id: number; studentNo: string }; file: { name: string; bytes: Buffer } }>,
): Promise<{ stored: number }> {
  const seen = new Set<number>();
  for (const { student } of photos) {
    // A caller's mistake, not a user's: a batch is built one row per student.
    if (seen.has(student.id)) throw new Error(`storePhotos: two photos for student ${student.studentNo}`);
    seen.add(student.id);
  }
  const inspected = new Map<string, InspectedPhoto>();
  const checked = photos.map(({ student, file }) => {
    const digest = createHash("sha256").update(file.bytes).digest("hex");
    let photo = inspected.get(digest);
    if (!photo) {
      photo = inspectPhoto(file.bytes, rules);
      inspected.set(digest, photo);
    }
    if (photo.problems.length)
      throw new AppError("photo.invalid", {
        problems: `${student.studentNo}（${file.name}）${photo.problems.map((p) => photoProblemText(p, "zh-CN")).join("；")}`,
      });
    return { student, photo: photo as FittingPhoto, file };
  });
  await writePhotos(tx, uploader, checked);
  return { stored: checked.length };
}
