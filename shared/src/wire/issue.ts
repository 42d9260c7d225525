import { z } from "zod";

/**
 * An issue as it crosses the wire (shared `Issue`): the code stays a string here, because rows checked
 * under an older catalogue keep the codes they were stored with. Not exported from the package's index,
 * so that a client importing the domain does not carry zod unless it asks for these shapes.
 */
export const issueSchema = z.object({
  code: z.string(),
  severity: z.enum(["error", "warning", "info"]),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  suggestion: z.string().optional(),
  row: z.number().nullable(),
  column: z.string().nullable(),
  field: z.string().nullable(),
});

/** An issue with its message in the reader's language, as `sheets.validate` answers it. */
export const checkedIssueSchema = issueSchema.extend({ message: z.string() });

/**
 * An issue of `xueji validate --json`, which `files.check` answers too: the same, its parameters
 * only where the answer carries them (the file document, read by scripts, keeps its shape without them).
 */
export const reportIssueSchema = checkedIssueSchema.partial({ params: true });
export type ReportIssue = z.infer<typeof reportIssueSchema>;

/** How many of each: a check's or a submission's summary. */
export const issueSummaryShape = {
  rows: z.number(),
  rowsWithErrors: z.number(),
  errors: z.number(),
  warnings: z.number(),
  infos: z.number(),
  byCode: z.record(z.string(), z.number()),
};
