import { AppError, type PhotoProblem } from "@xueji/shared";
import { sql } from "drizzle-orm";
import { type Db, resultRows } from "../../db/client";
import { openZip, type ZipParts } from "../../files/zip-parts";
import { recordEvent } from "../audit-log/record-event";
import { reaches, type Viewer } from "../viewer";
import { inspectPhoto } from "./inspect-photo";
import { storePhoto } from "./store-photo";
import { photoRulesFor } from "./upload-photo";

const MiB = 1024 * 1024;

/**
 * Bounds of one batch: a college's graduates (a few hundred photos of ≤ 100 KB) fit many times over. The archive's
 * own size, its entry count, and the sum of the sizes its entries declare are checked before anything is inflated;
 * each entry is then inflated only up to the photo limit (a zip bomb stops there — `openZip` holds an entry to its
 * declared size and to the limit while inflating).
 */
export const PHOTO_ZIP_LIMITS = { zipBytes: 40 * MiB, entries: 2000, uncompressedBytes: 400 * MiB } as const;

export type PhotoEntryResult =
  | { entry: string; result: "matched"; studentNo: string; name: string }
  | { entry: string; result: "refused"; studentNo: string; name: string; problems: PhotoProblem[] }
  | { entry: string; result: "duplicate"; studentNo: string; name: string }
  | { entry: string; result: "unknown-student"; key: string };

/** The file part of an entry's path, without its extension: the 学号 or 身份证号 it is named by. */
function keyOf(entry: string): string {
  const base = entry.split("/").pop() ?? entry;
  return base
    .replace(/\.[^.]*$/, "")
    .trim()
    .toUpperCase();
}

/**
 * A folder of graduate photos as a .zip (图像采集, seed 000 六.2), each file named by the student's 学号 or 身份证号:
 * every photo that fits 学信网's rules (seed 000 四 备注) becomes its student's photo, in one transaction; the report
 * says, entry by entry, matched, refused (with what is wrong), a second photo of the same student, or no such student
 * (another college's student reads as unknown, as everywhere).
 */
export async function importPhotos(db: Db, viewer: Viewer, options: { fileName: string; base64: string; today: string }) {
  const zipBytes = Buffer.from(options.base64, "base64");
  if (zipBytes.length > PHOTO_ZIP_LIMITS.zipBytes)
    throw new AppError("photo.zip-too-large", { mb: PHOTO_ZIP_LIMITS.zipBytes / MiB, entries: PHOTO_ZIP_LIMITS.entries });
  let parts: ZipParts;
  try {
    parts = await openZip(options.fileName, zipBytes);
  } catch (error) {
    if (error instanceof AppError && error.code === "file.too-many-entries")
      throw new AppError("photo.zip-too-many", { count: `> ${PHOTO_ZIP_LIMITS.entries}`, limit: PHOTO_ZIP_LIMITS.entries });
    throw new AppError("photo.zip-invalid", { file: options.fileName });
  }
  try {
    // Folders, and what the Mac and Windows leave beside photos, are not photos.
    const entries = parts
      .names()
      .filter((n) => !n.endsWith("/") && !n.startsWith("__MACOSX/") && !/(^|\/)(\.|Thumbs\.db$|desktop\.ini$)/i.test(n))
      .sort();
    if (entries.length > PHOTO_ZIP_LIMITS.entries)
      throw new AppError("photo.zip-too-many", { count: entries.length, limit: PHOTO_ZIP_LIMITS.entries });
    const declared = entries.reduce((n, e) => n + parts.size(e), 0);
    if (declared > PHOTO_ZIP_LIMITS.uncompressedBytes)
      throw new AppError("photo.zip-too-large", { mb: PHOTO_ZIP_LIMITS.zipBytes / MiB, entries: PHOTO_ZIP_LIMITS.entries });

    const rules = await photoRulesFor(db, options.today);
    const keys = [...new Set(entries.map(keyOf))];
    const found = resultRows<{ id: number; student_no: string; id_number: string; name: string; college_id: number }>(
      await db.execute(sql`
        select id, student_no, id_number, name, college_id from students
        where student_no in (select jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb))
           or upper(id_number) in (select jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb))`),
    ).filter((s) => reaches(viewer.scope, s.college_id));
    const byKey = new Map<string, (typeof found)[number]>();
    for (const s of found) byKey.set(s.id_number.toUpperCase(), s);
    // A 学号 wins over an ID number that happens to read the same.
    for (const s of found) byKey.set(s.student_no.toUpperCase(), s);

    return await db.transaction(async (tx) => {
      const report: PhotoEntryResult[] = [];
      const done = new Set<number>();
      for (const entry of entries) {
        const student = byKey.get(keyOf(entry));
        if (!student) {
          report.push({ entry, result: "unknown-student", key: keyOf(entry) });
          continue;
        }
        const who = { studentNo: student.student_no, name: student.name };
        if (done.has(student.id)) {
          report.push({ entry, result: "duplicate", ...who });
          continue;
        }
        // Past the photo limit, the entry is refused by its declared size and never inflated.
        const size = parts.size(entry);
        if (size > rules.maxBytes) {
          report.push({
            entry,
            result: "refused",
            ...who,
            problems: [{ code: "size", bytes: size, minBytes: rules.minBytes, maxBytes: rules.maxBytes }],
          });
          continue;
        }
        const chunks: Buffer[] = [];
        try {
          for await (const chunk of parts.open(entry, rules.maxBytes)) chunks.push(chunk);
        } catch {
          // An entry that inflates past what it declares (a zip bomb) or does not inflate: the archive is not to be trusted.
          throw new AppError("photo.zip-invalid", { file: options.fileName });
        }
        const bytes = Buffer.concat(chunks);
        const photo = inspectPhoto(bytes, rules);
        if (photo.problems.length || photo.width === null || photo.height === null) {
          report.push({ entry, result: "refused", ...who, problems: photo.problems });
          continue;
        }
        await storePhoto(
          tx,
          viewer,
          { id: student.id, studentNo: student.student_no },
          { ...photo, width: photo.width, height: photo.height },
          { name: entry, bytes },
        );
        done.add(student.id);
        report.push({ entry, result: "matched", ...who });
      }
      const count = (r: PhotoEntryResult["result"]) => report.filter((e) => e.result === r).length;
      const summary = {
        matched: count("matched"),
        refused: count("refused"),
        duplicate: count("duplicate"),
        unknown: count("unknown-student"),
      };
      await recordEvent(tx, viewer, {
        action: "students.import-photos",
        entity: "students",
        entityId: options.fileName,
        after: { fileName: options.fileName, bytes: zipBytes.length, entries: entries.length, ...summary },
      });
      return { ...summary, entries: report };
    });
  } finally {
    parts.close();
  }
}
