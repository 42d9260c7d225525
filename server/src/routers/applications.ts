import { APPLICATION_TYPES, MATERIALS, type Material } from "@xueji/shared";
import { z } from "zod";
import { dateInput, idInput, noteInput, studentNoInput, textInput } from "../inputs/inputs";
import { applicationTimeline, studentHistory } from "../services/applications/application-timeline";
import { bulkDecide } from "../services/applications/bulk-decide";
import { APPLICATION_GROUPINGS, countApplicationGroups } from "../services/applications/count-application-groups";
import { decideApplication } from "../services/applications/decide-application";
import { deleteDraft } from "../services/applications/delete-draft";
import { editDraft } from "../services/applications/edit-draft";
import { fileApplication } from "../services/applications/file-application";
import { listApplications } from "../services/applications/list-applications";
import { attachScan, readScan } from "../services/applications/material-scans";
import {
  applicationGroupsOutput,
  applicationListItem,
  applicationOutput,
  bulkResultOutput,
  decisionOutput,
  statusChangeOutput,
  timelineOutput,
} from "../services/applications/outputs";
import { recordSignOff, signOffsOf } from "../services/applications/record-sign-off";
import { takeUpPendingItem } from "../services/applications/take-up-pending-item";
import { takeUpRepeatItem } from "../services/applications/take-up-repeat-item";
import { withdrawApplication } from "../services/applications/withdraw-application";
import { pageInput, pageOutput } from "../services/paging";
import { collegeFilter, procedureFor, router } from "../trpc";

const decision = z.object({
  action: z.enum(["submit", "advance", "return", "reject"]),
  opinion: noteInput.optional(),
  returnTo: z.enum(["previous", "college"]).optional(),
});
const versioned = z.object({ applicationId: idInput, expectedVersion: idInput });
const listFilters = z.object({
  collegeId: idInput.optional(),
  type: z.enum(APPLICATION_TYPES).optional(),
  stage: textInput(30).optional(),
  state: z.enum(["open", "done", "rejected"]).optional(),
  overdue: z.boolean().optional(),
});
const materialInput = z.enum(Object.keys(MATERIALS) as [Material, ...Material[]]);
/** What a draft holds beyond its student and type: filed, then edited, with the same checks. */
const draftFields = z.object({
  reasonCode: textInput(20, 1),
  materials: z.array(materialInput).max(30),
  changes: z.record(textInput(40), z.union([textInput(100), z.number().finite()])).optional(),
  note: noteInput.optional(),
  periodStartsOn: dateInput.optional(),
  periodEndsOn: dateInput.optional(),
});
/** A scan as the browser sends it: JPG, PNG or PDF, base64 (2 MB of bytes at most, checked in checkScan). */
const scanInput = z.object({ type: z.enum(["image/jpeg", "image/png", "application/pdf"]), base64: z.string().max(3_000_000) });
const takenUp = z.object({
  id: z.number(),
  type: z.string(),
  stage: z.string(),
  version: z.number(),
  dueOn: z.string().nullable(),
  /** The 办理期限 counted through a year whose holidays are not published yet. */
  provisional: z.boolean(),
});

export const applicationsRouter = router({
  file: procedureFor("applications.file")
    .input(draftFields.extend({ studentNo: studentNoInput, type: z.enum(APPLICATION_TYPES) }))
    .output(applicationOutput)
    .mutation(({ ctx, input }) =>
      fileApplication(ctx.db, {
        actor: ctx.viewer,
        scopeCollegeId: ctx.scope.collegeId,
        studentNo: input.studentNo,
        type: input.type,
        reasonCode: input.reasonCode,
        materials: input.materials,
        ...(input.changes ? { changes: input.changes } : {}),
        note: input.note ?? null,
        periodStartsOn: input.periodStartsOn ?? null,
        periodEndsOn: input.periodEndsOn ?? null,
        today: ctx.today(),
      }),
    ),
  /** The filer corrects a draft before 报送. */
  editDraft: procedureFor("applications.file")
    .input(draftFields.extend(versioned.shape))
    .output(applicationOutput)
    .mutation(({ ctx, input }) =>
      editDraft(ctx.db, {
        viewer: ctx.viewer,
        applicationId: input.applicationId,
        expectedVersion: input.expectedVersion,
        reasonCode: input.reasonCode,
        materials: input.materials,
        ...(input.changes ? { changes: input.changes } : {}),
        note: input.note ?? null,
        periodStartsOn: input.periodStartsOn ?? null,
        periodEndsOn: input.periodEndsOn ?? null,
        today: ctx.today(),
      }),
    ),
  /** 撤回: the filer takes a submitted application back to the draft before anyone decided it. */
  withdraw: procedureFor("applications.file")
    .input(versioned)
    .output(applicationOutput)
    .mutation(({ ctx, input }) => withdrawApplication(ctx.db, { viewer: ctx.viewer, ...input })),
  /** The filer deletes a draft; the audit log keeps what it was. */
  deleteDraft: procedureFor("applications.file")
    .input(versioned)
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input }) => deleteDraft(ctx.db, { viewer: ctx.viewer, ...input })),
  /** A material's scanned page, uploaded while the application is the college's draft. */
  attachScan: procedureFor("applications.file")
    .input(z.object({ applicationId: idInput, material: materialInput, fileName: textInput(200, 1), scan: scanInput }))
    .output(z.object({ id: z.number(), version: z.number() }))
    .mutation(({ ctx, input }) => attachScan(ctx.db, { viewer: ctx.viewer, ...input })),
  /** A scan's content (a material's or a paper signature's), to view. */
  scan: procedureFor("applications.read")
    .input(z.object({ kind: z.enum(["material", "sign-off"]), id: idInput }))
    .output(z.object({ type: z.string(), base64: z.string() }))
    .query(({ ctx, input }) => readScan(ctx.db, ctx.viewer, input)),
  /** 报送: the college's secretary sends a complete draft on to the first stage. */
  submit: procedureFor("applications.file")
    .input(versioned)
    .output(decisionOutput)
    .mutation(({ ctx, input }) => decideApplication(ctx.db, { actor: ctx.viewer, ...input, action: "submit", today: ctx.today() })),
  /** A decision at the current stage by its deciding role (and 报送 by the registrar on a college's behalf). */
  decide: procedureFor("applications.decide")
    .input(decision.extend(versioned.shape))
    .output(decisionOutput)
    .mutation(({ ctx, input }) =>
      decideApplication(ctx.db, {
        actor: ctx.viewer,
        applicationId: input.applicationId,
        expectedVersion: input.expectedVersion,
        action: input.action,
        opinion: input.opinion ?? null,
        ...(input.returnTo ? { returnTo: input.returnTo } : {}),
        today: ctx.today(),
      }),
    ),
  bulkDecide: procedureFor("applications.decide")
    .input(decision.extend({ items: z.array(versioned).min(1).max(500) }))
    .output(bulkResultOutput)
    .mutation(({ ctx, input }) =>
      bulkDecide(
        ctx.db,
        input.items,
        {
          actor: ctx.viewer,
          action: input.action,
          opinion: input.opinion ?? null,
          ...(input.returnTo ? { returnTo: input.returnTo } : {}),
          today: ctx.today(),
        },
        ctx.locale,
      ),
    ),
  /** 退学处理 from a 退学 outcome of the standing rules. */
  fromPending: procedureFor("pending.take-up")
    .input(z.object({ itemId: idInput }))
    .output(decisionOutput)
    .mutation(({ ctx, input }) =>
      takeUpPendingItem(ctx.db, { actor: ctx.viewer, itemId: input.itemId, today: ctx.today(), locale: ctx.locale }),
    ),
  list: procedureFor("applications.read")
    .input(
      pageInput.extend({
        ...listFilters.shape,
        sort: z.enum(["filed", "due"]).default("filed"),
        direction: z.enum(["asc", "desc"]).default("desc"),
      }),
    )
    .output(pageOutput(applicationListItem))
    .query(({ ctx, input }) =>
      listApplications(ctx.db, { ...input, collegeId: collegeFilter(ctx.scope, input.collegeId), today: ctx.today() }),
    ),
  /** The list's groups (by type, stage, college or state) with their counts over the whole filtered list. */
  groupCounts: procedureFor("applications.read")
    .input(listFilters.extend({ by: z.enum(APPLICATION_GROUPINGS) }))
    .output(applicationGroupsOutput)
    .query(({ ctx, input }) =>
      countApplicationGroups(ctx.db, { ...input, collegeId: collegeFilter(ctx.scope, input.collegeId), today: ctx.today() }),
    ),
  timeline: procedureFor("applications.read")
    .input(z.object({ applicationId: idInput }))
    .output(timelineOutput)
    .query(({ ctx, input }) => applicationTimeline(ctx.db, ctx.viewer, input.applicationId)),
  studentHistory: procedureFor("students.read")
    .input(pageInput.extend({ studentNo: studentNoInput }))
    .output(pageOutput(statusChangeOutput))
    .query(({ ctx, input }) => studentHistory(ctx.db, ctx.viewer, input)),
  /** 降级（学业原因） from a 留级 outcome of the standing rules (seed 000 九, docs/domain.md §3). */
  demotionFromPending: procedureFor("pending.take-up")
    .input(z.object({ itemId: idInput, classId: idInput.optional() }))
    .output(takenUp)
    .mutation(async ({ ctx, input }) => {
      const created = await takeUpRepeatItem(ctx.db, {
        actor: ctx.viewer,
        itemId: input.itemId,
        classId: input.classId,
        today: ctx.today(),
        locale: ctx.locale,
      });
      return {
        id: created.id,
        type: created.type,
        stage: created.stage,
        version: created.version,
        dueOn: created.dueOn,
        provisional: created.provisional,
      };
    }),
  /** The college secretary records a paper signature of an office without an account; the stage passes. */
  recordSignOff: procedureFor("applications.file")
    .input(
      versioned.extend({
        signer: textInput(60, 1),
        signedOn: dateInput,
        scan: scanInput.optional(),
      }),
    )
    .output(z.object({ id: z.number(), stage: z.string(), version: z.number() }))
    .mutation(async ({ ctx, input }) => {
      const updated = await recordSignOff(ctx.db, { actor: ctx.viewer, ...input, signer: input.signer.trim(), today: ctx.today() });
      return { id: updated.id, stage: updated.stage, version: updated.version };
    }),
  /** The paper signatures recorded on an application (without the scans). */
  signOffs: procedureFor("applications.read")
    .input(z.object({ applicationId: idInput }))
    .output(
      z.array(
        z.object({
          id: z.number(),
          stage: z.string(),
          signer: z.string(),
          signedOn: z.string(),
          scanType: z.string().nullable(),
          recordedBy: z.number(),
          recordedAt: z.string(),
        }),
      ),
    )
    .query(async ({ ctx, input }) => {
      // Reaching the application (its college or the receiving one) is checked where the timeline is.
      await applicationTimeline(ctx.db, ctx.viewer, input.applicationId);
      return signOffsOf(ctx.db, input.applicationId);
    }),
});
