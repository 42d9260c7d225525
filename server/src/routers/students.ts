import { z } from "zod";
import { idInput, termInput, textInput } from "../inputs/inputs";
import { failedCoursesOf } from "../services/imports/plan-results";
import { pageInput, pageOutput } from "../services/paging";
import { importPhotos, PHOTO_ZIP_LIMITS } from "../services/photos/import-photos";
import { photoOf, uploadPhoto } from "../services/photos/upload-photo";
import { listStudents } from "../services/students/list-students";
import { studentListItem } from "../services/students/outputs";
import { collegeFilter, procedureFor, router } from "../trpc";

/** What is wrong with a photo (shared `PhotoProblem`). */
const photoProblem = z.discriminatedUnion("code", [
  z.object({ code: z.literal("not-jpeg") }),
  z.object({ code: z.literal("size"), bytes: z.number(), minBytes: z.number(), maxBytes: z.number() }),
  z.object({ code: z.literal("dimensions"), width: z.number(), height: z.number(), wantWidth: z.number(), wantHeight: z.number() }),
  z.object({ code: z.literal("background"), bluePercent: z.number() }),
]);
const who = { studentNo: z.string(), name: z.string() };

export const studentsRouter = router({
  /** A page of students; college roles see their own college only, and ID numbers are masked for roles that do not need them. */
  list: procedureFor("students.read")
    .input(pageInput.extend({ collegeId: idInput.optional(), status: textInput(30).optional() }))
    .output(pageOutput(studentListItem))
    .query(({ ctx, input }) => listStudents(ctx.db, ctx.viewer, { ...input, collegeId: collegeFilter(ctx.scope, input.collegeId) })),
  /** A student's graduate photo (图像采集): the JPG when uploaded here, and its measurements; null when none. */
  photo: procedureFor("students.read")
    .input(z.object({ studentNo: textInput(20, 1) }))
    .output(
      z
        .object({
          base64: z.string().nullable(),
          width: z.number(),
          height: z.number(),
          bytes: z.number(),
          fileName: z.string().nullable(),
          blueBackground: z.boolean().nullable(),
          takenAt: z.string(),
        })
        .nullable(),
    )
    .query(({ ctx, input }) => photoOf(ctx.db, ctx.viewer, input.studentNo)),
  /** One student's graduate photo: a JPG of 480×640 px, 1–100 KB, blue background (seed 000 四 备注), else refused with why. */
  uploadPhoto: procedureFor("students.photo")
    .input(z.object({ studentNo: textInput(20, 1), fileName: textInput(200, 1), base64: z.string().max(3_000_000) }))
    .output(z.object({ studentNo: z.string(), width: z.number(), height: z.number(), bytes: z.number() }))
    .mutation(({ ctx, input }) => uploadPhoto(ctx.db, ctx.viewer, { ...input, today: ctx.today() })),
  /** A folder of photos as a .zip, each named by 学号 or 身份证号; reported entry by entry. */
  importPhotos: procedureFor("students.photo")
    .input(z.object({ fileName: textInput(200, 1), base64: z.string().max(Math.ceil((PHOTO_ZIP_LIMITS.zipBytes * 4) / 3) + 4) }))
    .output(
      z.object({
        matched: z.number(),
        refused: z.number(),
        duplicate: z.number(),
        unknown: z.number(),
        entries: z.array(
          z.discriminatedUnion("result", [
            z.object({ entry: z.string(), result: z.literal("matched"), ...who }),
            z.object({ entry: z.string(), result: z.literal("refused"), ...who, problems: z.array(photoProblem) }),
            z.object({ entry: z.string(), result: z.literal("duplicate"), ...who }),
            z.object({ entry: z.string(), result: z.literal("unknown-student"), key: z.string() }),
          ]),
        ),
      }),
    )
    .mutation(({ ctx, input }) => importPhotos(ctx.db, ctx.viewer, { ...input, today: ctx.today() })),
  /**
   * The failed courses of a college from the imported results, by the failed-course sheet's rules (a course
   * passed later is cleared, one failed twice is listed once): what 新建核对表 fills a 不及格课程信息核对表 with.
   */
  failedCourses: procedureFor("students.read")
    .input(pageInput.extend({ collegeId: idInput.optional(), term: termInput.optional() }))
    .output(
      pageOutput(
        z.object({
          studentNo: z.string(),
          name: z.string(),
          majorName: z.string(),
          term: z.string(),
          courseCode: z.string().nullable(),
          courseName: z.string(),
          credits: z.number(),
          nature: z.string().nullable(),
          score: z.string().nullable(),
          examType: z.string(),
        }),
      ),
    )
    .query(async ({ ctx, input }) => {
      const page = await failedCoursesOf(ctx.db, { ...input, collegeId: collegeFilter(ctx.scope, input.collegeId) });
      return {
        nextCursor: page.nextCursor,
        items: page.items.map((r) => ({
          studentNo: r.student_no,
          name: r.name,
          majorName: r.major_name,
          term: r.term,
          courseCode: r.course_code,
          courseName: r.course_name,
          credits: Number(r.credits),
          nature: r.nature,
          score: r.score,
          examType: r.exam_type,
        })),
      };
    }),
});
