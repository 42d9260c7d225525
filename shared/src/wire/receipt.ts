import { z } from "zod";
import { SHEET_KINDS, SUBMISSION_STATES } from "../sheets/templates";
import { issueSummaryShape } from "./issue";

/** What `sheets.submit` answers: the submission it made (or the first one, for a repeated `clientId`) and its counts. */
export const receiptSchema = z.object({
  submissionId: z.string(),
  clientId: z.string(),
  kind: z.enum(SHEET_KINDS),
  termCode: z.string(),
  collegeId: z.number(),
  version: z.number(),
  state: z.enum(SUBMISSION_STATES),
  /** Rows stored without errors. */
  rowsAccepted: z.number(),
  /** True when this client id had been submitted before: nothing was written this time. */
  duplicate: z.boolean(),
  ...issueSummaryShape,
});
export type Receipt = z.infer<typeof receiptSchema>;
