import { z } from "zod";
import { dateInput, idInput, textInput } from "../inputs/inputs";
import { createClass, updateClass } from "../services/organisation/classes";
import { createCollege, updateCollege } from "../services/organisation/colleges";
import { importOrganisation } from "../services/organisation/import-organisation";
import { listOrganisation } from "../services/organisation/list-organisation";
import { createMajor, updateMajor } from "../services/organisation/majors";
import { MAX_UPLOAD_BASE64, organisationOutput, orgImportReportOutput, setupStatusOutput } from "../services/organisation/outputs";
import { deleteRecord, setRetired } from "../services/organisation/retire-record";
import { saveSchool } from "../services/organisation/school";
import { setupStatus } from "../services/organisation/setup-status";
import { saveTerm } from "../services/organisation/terms";
import { procedureFor, router } from "../trpc";

const college = z.object({ code: textInput(20, 1), name: textInput(60, 1) });
const major = z.object({
  code: textInput(10, 1),
  name: textInput(60, 1),
  collegeId: idInput,
  level: textInput(4, 1),
  duration: z.number().min(1).max(8),
  studyForm: textInput(4, 1),
  requiredCredits: z.number().positive().max(999),
  degreeCategory: textInput(4).nullable(),
});
const klass = z.object({ name: textInput(60, 1), majorId: idInput, grade: z.number().int().min(1990).max(2100) });
const term = z.object({ code: textInput(12, 1), startDate: dateInput, endDate: dateInput });
const target = z.discriminatedUnion("entity", [
  z.object({ entity: z.enum(["college", "major", "class"]), id: idInput }),
  z.object({ entity: z.literal("term"), code: textInput(12, 1) }),
]);
const keyOf = (t: z.infer<typeof target>) => (t.entity === "term" ? t.code : t.id);
const ok = z.object({ ok: z.literal(true) });

/**
 * 学校、学院、专业、班级、学期 (JOURNEYS A2): kept by the administrator and the registrar staff, each change
 * audited; retired, not deleted, once anything names them. And the set-up checklist of a new database.
 */
export const organisationRouter = router({
  list: procedureFor("organisation.read")
    .output(organisationOutput)
    .query(({ ctx }) => listOrganisation(ctx.db)),
  setup: procedureFor("organisation.read")
    .output(setupStatusOutput)
    .query(({ ctx }) => setupStatus(ctx.db, ctx.today())),
  saveSchool: procedureFor("organisation.write")
    .input(z.object({ name: textInput(60, 1), code: textInput(5, 1), presidentName: textInput(30, 1) }))
    .output(z.object({ name: z.string(), code: z.string(), presidentName: z.string() }))
    .mutation(({ ctx, input }) => saveSchool(ctx.db, ctx.viewer, input)),
  createCollege: procedureFor("organisation.write")
    .input(college)
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input }) => createCollege(ctx.db, ctx.viewer, input)),
  updateCollege: procedureFor("organisation.write")
    .input(college.extend({ id: idInput }))
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input: { id, ...value } }) => updateCollege(ctx.db, ctx.viewer, id, value)),
  createMajor: procedureFor("organisation.write")
    .input(major)
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input }) => createMajor(ctx.db, ctx.viewer, input)),
  updateMajor: procedureFor("organisation.write")
    .input(major.extend({ id: idInput }))
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input: { id, ...value } }) => updateMajor(ctx.db, ctx.viewer, id, value)),
  createClass: procedureFor("organisation.write")
    .input(klass)
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input }) => createClass(ctx.db, ctx.viewer, input)),
  updateClass: procedureFor("organisation.write")
    .input(klass.extend({ id: idInput }))
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input: { id, ...value } }) => updateClass(ctx.db, ctx.viewer, id, value)),
  createTerm: procedureFor("organisation.write")
    .input(term)
    .output(z.object({ code: z.string() }))
    .mutation(({ ctx, input }) => saveTerm(ctx.db, ctx.viewer, input, "create")),
  updateTerm: procedureFor("organisation.write")
    .input(term)
    .output(z.object({ code: z.string() }))
    .mutation(({ ctx, input }) => saveTerm(ctx.db, ctx.viewer, input, "update")),
  setRetired: procedureFor("organisation.write")
    .input(z.object({ target, retired: z.boolean() }))
    .output(z.object({ retired: z.boolean() }))
    .mutation(({ ctx, input }) => setRetired(ctx.db, ctx.viewer, input.target.entity, keyOf(input.target), input.retired)),
  delete: procedureFor("organisation.write")
    .input(z.object({ target }))
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      await deleteRecord(ctx.db, ctx.viewer, input.target.entity, keyOf(input.target));
      return { ok: true as const };
    }),
  /** The organisation sheet (.xlsx/.csv as base64): `dryRun` says what would change; then the same file confirmed. */
  import: procedureFor("organisation.write")
    .input(z.object({ fileName: textInput(200, 1), base64: z.string().max(MAX_UPLOAD_BASE64), dryRun: z.boolean() }))
    .output(orgImportReportOutput)
    .mutation(({ ctx, input }) =>
      importOrganisation({
        db: ctx.db,
        viewer: ctx.viewer,
        file: { name: input.fileName, bytes: Buffer.from(input.base64, "base64") },
        dryRun: input.dryRun,
      }),
    ),
});
