import { AppError, SHEET_KINDS } from "@xueji/shared";
import { z } from "zod";
import { columnOverrideInput, termInput } from "../inputs/inputs";
import { findHostileText } from "../services/hostile-text";
import { inputProblemOf } from "../services/input-problem";
import { cellWritesInput } from "./fix-xlsx";

/**
 * A file procedure's body: the largest upload the file procedures take. A 50,000-row roster is about
 * 4 MB as .xlsx and 8 MB as CSV; nothing a college sends is near this. server.ts refuses a larger
 * declared body before tRPC reads a byte of it.
 */
export const MAX_UPLOAD = 25 * 1024 * 1024;

/** The procedures whose input is a multipart form (the secretary's file and what to do with it). */
export const FORM_PROCEDURES = ["files.check", "files.grid", "files.annotate", "files.fix"] as const;

/** Every file procedure: each is held to MAX_UPLOAD, the form ones and the new sheet's JSON alike. */
export const FILE_PROCEDURES: readonly string[] = [...FORM_PROCEDURES, "files.newSheet"];

/** The form's text fields, as they arrive (every one optional but the file). */
const fields = z
  .object({
    kind: z.enum(SHEET_KINDS).optional(),
    /** The secretary's own column mapping, as JSON (letter → field or null), checked as sheets.validate checks it. */
    columns: z
      .string()
      .max(1024 * 1024)
      .optional(),
    /** The term the pane checks for: its rules, and the record's checks for her college. */
    term: termInput.optional(),
    /** The fixes the pane showed (files.fix), as JSON. */
    fixes: z.string().max(MAX_UPLOAD).optional(),
  })
  .strict();

export interface UploadForm {
  /** Her file, as the form held it (read into memory by the procedure, once). */
  file: File;
  /** Her file's name, as the browser sent it (the reader picks .xlsx or .csv by it; reports name it). */
  fileName: string;
  kind?: (typeof SHEET_KINDS)[number] | undefined;
  columns?: z.infer<typeof columnOverrideInput> | undefined;
  term?: string | undefined;
  fixes?: z.infer<typeof cellWritesInput> | undefined;
}

/**
 * The input of the form procedures (the client's type: FormData): a `file` part and text fields, every text (the file's name
 * too) swept for what no field may hold as the JSON procedures' inputs are, and the JSON fields parsed
 * with the schemas the routes used. Any problem is an `input.invalid` in the reader's language.
 */
export const uploadFormInput = z.instanceof(FormData).transform(parseUploadForm);

// Synchronous on purpose: tRPC tries zod's sync parse first and runs an async transform a second time.
function parseUploadForm(raw: FormData): UploadForm {
  const file = raw.get("file");
  if (!file || typeof file === "string") throw new AppError("input.invalid", { problem: "request", path: "file" });
  const text: Record<string, string> = {};
  for (const [key, value] of raw.entries()) if (key !== "file") text[key] = typeof value === "string" ? value : "";
  const fileName = file.name.slice(0, 255);
  const hostile = findHostileText({ ...text, name: fileName });
  if (hostile) throw new AppError("input.invalid", { problem: hostile.problem, path: hostile.path });
  const parsed = parse(fields, text);
  return {
    file,
    fileName,
    kind: parsed.kind,
    term: parsed.term,
    columns: parsed.columns === undefined ? undefined : parse(columnOverrideInput, jsonOf(parsed.columns), ["columns"]),
    fixes: parsed.fixes === undefined ? undefined : parse(cellWritesInput, jsonOf(parsed.fixes), ["fixes"]),
  };
}

function jsonOf(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("input.invalid", { problem: "not-json" });
  }
}

function parse<T>(schema: z.ZodType<T>, value: unknown, prefix: string[] = []): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError("input.invalid", inputProblemOf(parsed.error, prefix));
  return parsed.data;
}
