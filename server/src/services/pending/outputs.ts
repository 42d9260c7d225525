import { createSelectSchema } from "drizzle-zod";
import { z } from "zod";
import { pendingItems } from "../../db/schema";
import { PENDING_KINDS, PENDING_STATES } from "../../db/schema/enums";
import { openJson, when } from "../wire-values";

/** A pending item's figures (services/sheets/failed-records.ts figuresOf; open: see wire-values.ts). */
export const figures = openJson;

export const pendingItemOutput = createSelectSchema(pendingItems, { figures }).pick({
  id: true,
  studentId: true,
  collegeId: true,
  kind: true,
  academicYear: true,
  termCode: true,
  figures: true,
  state: true,
  liftedBy: true,
  liftedAt: true,
  liftReason: true,
  sourceSubmissionId: true,
  createdAt: true,
});

export const pendingListItem = z.object({
  id: z.number(),
  kind: z.enum(PENDING_KINDS),
  academicYear: z.string(),
  termCode: z.string(),
  figures,
  state: z.enum(PENDING_STATES),
  studentNo: z.string(),
  name: z.string(),
  collegeId: z.number(),
  collegeName: z.string(),
  createdAt: when,
});
