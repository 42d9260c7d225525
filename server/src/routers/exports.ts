import { z } from "zod";
import { academicYearInput, textInput } from "../inputs/inputs";
import { decisionListDownload, registrationDownload } from "../services/exports/download-export";
import { idInput } from "../services/ids";
import { procedureFor, router } from "../trpc";

/** A 公示 or 发文 list names at most this many applications (a whole school's term is a few thousand). */
export const MAX_DECISION_IDS = 20_000;

const download = z.object({ fileName: z.string(), base64: z.string() });

/**
 * The registrar's downloads that open in Excel, through the same permission, input check and error
 * formatter as every procedure. The whole record (`/api/export/record.xlsx`) stays a streamed download:
 * at a school's size it is tens of megabytes, which no JSON answer should carry.
 */
export const exportsRouter = router({
  /** The 学信网 upload of the year (registered students), one college's when `collegeId` is given (the 注册 page's filter). */
  registrationXlsx: procedureFor("exports.read")
    .input(z.object({ academicYear: academicYearInput, collegeId: idInput.optional() }))
    .output(download)
    .query(({ ctx, input }) => registrationDownload(ctx.db, ctx.viewer, input)),
  /** A 公示 or 发文 list from the chosen applications. A mutation: thousands of ids travel in the body, not a URL. */
  decisionListXlsx: procedureFor("exports.read")
    .input(z.object({ ids: z.array(idInput).min(1).max(MAX_DECISION_IDS), title: textInput(100, 1).default("学籍异动名单") }))
    .output(download)
    .mutation(({ ctx, input }) => decisionListDownload(ctx.db, ctx.viewer, { applicationIds: input.ids, title: input.title })),
});
