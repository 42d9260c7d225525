import {
  AppError,
  type ColumnOverride,
  checkAgainstRecord,
  createSheetReader,
  type GridRow,
  type Issue,
  mayBeSubmitted,
  mergeIssues,
  type RecordStudent,
  type SheetKind,
  type SheetReaderOptions,
  type SheetResult,
} from "@xueji/shared";
import type { Receipt } from "@xueji/shared/wire/receipt";
import { and, eq, max, sql } from "drizzle-orm";
import type { Db, Executor } from "../../db/client";
import { sheetSubmissions, terms } from "../../db/schema";
import { canonicalArraySteps } from "../audit-log/canonical-hash";
import { type Actor, recordEvent } from "../audit-log/record-event";
import { loadRecordFor, mustBeReadable, readerSettings } from "./check-sheet";
import { insertSheetRows, type SheetRowInsert } from "./insert-sheet-rows";
import { addRecordIssues, storedIssuesByRow } from "./record-issues";
import { hasSecondConnection } from "./second-connection";
import { inSlot, type SheetSlot } from "./sheet-slot";
import { type IssueSummary, summarise, summaryColumns } from "./summarise";

export interface SubmitSheetOptions {
  actor: Actor & { userId: number };
  clientId: string;
  kind?: SheetKind;
  /** The secretary's column mapping; part of what a client id stands for. */
  columns?: ColumnOverride;
  termCode: string;
  collegeId: number;
  fileName?: string | null;
  grid: readonly GridRow[];
  today: string;
  /** Bench seam: milliseconds spent in each phase are added here. */
  phases?: SubmitPhases;
  /** Test seam: runs inside the transaction just before it commits. */
  beforeCommit?: () => Promise<void> | void;
}

/** Where a submission's time goes (`pnpm bench`). */
export interface SubmitPhases {
  lookup?: number;
  read?: number;
  hash?: number;
  record?: number;
  check?: number;
  lock?: number;
  insert?: number;
  audit?: number;
  commit?: number;
}

/** Grid rows hashed per step, read rows checked against the record per step, grid rows read per step: a few milliseconds each. */
const HASH_SLICE = 1000;
const CHECK_SLICE = 5000;
const READ_SLICE = 5000;
/** Held by a submission's row only inside its own transaction, until the hash is finished. */
const HASH_PENDING = "pending";

/** Runs `step` between turns of the event loop until `pending` settles or `step` says it is done. */
async function whileWaiting(pending: Promise<unknown>, step: () => boolean): Promise<void> {
  let settled = false;
  const settle = () => {
    settled = true;
  };
  pending.then(settle, settle);
  do await new Promise((resolve) => setImmediate(resolve));
  while (!settled && step());
}

/** `query` (started once: a drizzle query runs again on each `then`), with `step` run while it is on its way. */
async function alongside<T>(query: PromiseLike<T>, step: () => boolean): Promise<T> {
  const started = Promise.resolve(query);
  await whileWaiting(started, step);
  return started;
}

/**
 * The grid read by the shared reader a slice at a time, with a turn of the event loop between slices: a
 * 50,000-row sheet is some 120 ms of reading, which other requests need not wait behind in one piece.
 *
 * Read here, not on a pool thread: copying the grid to a thread and its reading back cost more than the
 * reading (a 50,000-row sheet took 600–1,700 ms that way against 120–250 ms here), and twenty 2,000-row
 * sheets at once were no faster (docs/operations.md, “Where each goal stands”).
 */
async function readInSlices(grid: readonly GridRow[], options: SheetReaderOptions): Promise<SheetResult> {
  const reader = createSheetReader(options);
  for (let i = 0; i < grid.length; i++) {
    if (i > 0 && i % READ_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
    reader.push(grid[i] as GridRow);
  }
  return reader.finish();
}

const NO_ISSUES: never[] = [];

export type { Receipt };

type SubmissionRow = typeof sheetSubmissions.$inferSelect;

function receiptOf(s: SubmissionRow, duplicate: boolean): Receipt {
  return {
    submissionId: s.id,
    clientId: s.clientId,
    kind: s.kind,
    termCode: s.termCode,
    collegeId: s.collegeId,
    version: s.version,
    state: s.state,
    rows: s.rowCount,
    rowsAccepted: s.rowCount - s.rowsWithErrors,
    rowsWithErrors: s.rowsWithErrors,
    errors: s.errorCount,
    warnings: s.warningCount,
    infos: s.infoCount,
    byCode: s.issueCounts,
    duplicate,
  };
}

/** What a client id stands for: who sent which content, for which term and kind. */
interface Sent {
  collegeId: number;
  submittedBy: number;
  clientId: string;
  /** The content's hash, worked out when first asked for. */
  contentHash: () => string;
  termCode: string;
  kind?: SheetKind | undefined;
}

/**
 * The submission this client id already made, if any. The key is (college, submitter, client id);
 * the same key for other content is refused (409), never answered with the first receipt, so a
 * sheet is never silently not stored.
 */
async function existing(db: Executor, sent: Sent): Promise<Receipt | null> {
  const [found] = await db
    .select()
    .from(sheetSubmissions)
    .where(
      and(
        eq(sheetSubmissions.collegeId, sent.collegeId),
        eq(sheetSubmissions.submittedBy, sent.submittedBy),
        eq(sheetSubmissions.clientId, sent.clientId),
      ),
    )
    .limit(1);
  if (!found) return null;
  const same = found.contentHash === sent.contentHash() && found.termCode === sent.termCode && (!sent.kind || found.kind === sent.kind);
  if (!same) throw new AppError("sheet.client-id-reused", { clientId: sent.clientId, version: found.version });
  return receiptOf(found, true);
}

/** Applies the lock for a key for the rest of the transaction (hashtext gives the advisory key). */
async function lockKey(tx: Executor, key: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
}

/**
 * Stores a college's version of a check sheet, its normalised rows and issues, and the audit event,
 * in one transaction. The same client id sent again returns the first receipt and writes nothing,
 * also when both arrive at once. A newer version supersedes the older one that was still waiting.
 */
export async function submitSheet(db: Db, options: SubmitSheetOptions): Promise<Receipt> {
  const phases = options.phases;
  let mark = performance.now();
  const lap = (phase: keyof SubmitPhases) => {
    if (!phases) return;
    const now = performance.now();
    phases[phase] = (phases[phase] ?? 0) + (now - mark);
    mark = now;
  };
  // The same grid read with another column mapping is other content (its rows are read differently);
  // without a mapping the hash is the grid's alone, as before.
  const columns = options.columns && Object.keys(options.columns).length ? options.columns : null;
  // Hashed a slice at a time while the database answers (the record, the rows' chunks), or at once when
  // asked for.
  let contentHash = "";
  const hashing = columns
    ? canonicalArraySteps(options.grid, HASH_SLICE, { key: "grid", around: { columns } })
    : canonicalArraySteps(options.grid, HASH_SLICE);
  const hashStep = () => !contentHash && hashing.step();
  const sent: Sent = {
    collegeId: options.collegeId,
    submittedBy: options.actor.userId,
    clientId: options.clientId,
    contentHash: () => {
      contentHash ||= hashing.digest();
      return contentHash;
    },
    termCode: options.termCode,
    kind: options.kind,
  };
  // A client id seen before is answered from its first receipt (or refused when the content differs)
  // before any reading: only then is the hash needed up front.
  const [seen] = await db
    .select({ id: sheetSubmissions.id })
    .from(sheetSubmissions)
    .where(
      and(
        eq(sheetSubmissions.collegeId, sent.collegeId),
        eq(sheetSubmissions.submittedBy, sent.submittedBy),
        eq(sheetSubmissions.clientId, sent.clientId),
      ),
    )
    .limit(1);
  if (seen) {
    const before = await existing(db, sent);
    if (before) return before;
  }

  // Each statement's round trip, from here to the rows, is a few slices of the hash.
  const [term] = await alongside(db.select().from(terms).where(eq(terms.code, options.termCode)).limit(1), hashStep);
  if (!term) throw new AppError("term.unknown", { term: options.termCode });
  lap("lookup");

  const { templates, ageLimits } = await alongside(readerSettings(db, options.termCode), hashStep);
  const readerOptions: SheetReaderOptions = {
    today: options.today,
    templates,
    ageLimits,
    ...(options.kind ? { kind: options.kind } : {}),
    ...(columns ? { columns } : {}),
  };
  let read = await readInSlices(options.grid, readerOptions);
  lap("read");
  mustBeReadable(read);
  const kind = read.kind as SheetKind;
  const template = templates[kind];
  // Put in the pool's queue before the transaction asks for a connection (one statement: check-sheet).
  const loading = loadRecordFor(db, options.collegeId, read);
  let record: Map<string, RecordStudent> | null = null;
  loading.then(
    (found) => {
      record = found;
    },
    () => {}, // thrown where it is awaited
  );
  const recordIssues = (found: Map<string, RecordStudent>) => checkAgainstRecord(read, found, options.collegeId);
  /** Refuses a sheet whose errors its template does not allow (the pane asks the same: shared, mayBeSubmitted). */
  const mustBeAllowed = (summary: IssueSummary) => {
    if (!mayBeSubmitted(template, summary.errors)) {
      throw new AppError("sheet.has-errors", { errors: summary.errors, rows: summary.rowsWithErrors });
    }
  };
  // PostgreSQL: the record is checked on a second connection of the pool while the rows are stored
  // with the reader's issues; the record's few issues are added to their rows afterwards. PGlite has
  // one connection, held by the transaction: the record is checked first (alongside would deadlock).
  const recordAlongside = hasSecondConnection(db);
  let readerSummary = summarise(read);
  let checked: Issue[] | null = null;
  if (!recordAlongside || !mayBeSubmitted(template, readerSummary.errors)) {
    // The record's students are fetched while this thread hashes the grid.
    await whileWaiting(loading, hashStep);
    lap("hash");
    checked = recordIssues(await loading);
    lap("record");
    read = mergeIssues(read, checked);
    readerSummary = summarise(read);
    mustBeAllowed(readerSummary);
    lap("check");
  }
  const stored = read;
  const issuesByRow = storedIssuesByRow(stored.issues);
  // Work that needs no database, a slice at a time while it answers: the grid's hash, then (alongside)
  // the record's checks once its students have come. Checked a slice of rows at a time, in row order,
  // they are the issues checkAgainstRecord finds in the whole sheet (it looks at each row on its own).
  const recordFound: Issue[] = [];
  let recordChecked = 0;
  const spare = (): boolean => {
    if (hashStep()) return true;
    if (checked || !record) return false;
    const end = Math.min(stored.rows.length, recordChecked + CHECK_SLICE);
    const slice = { ...stored, rows: stored.rows.slice(recordChecked, end) };
    for (const issue of checkAgainstRecord(slice, record, options.collegeId)) recordFound.push(issue);
    recordChecked = end;
    if (end === stored.rows.length) checked = recordFound;
    return true;
  };
  const receipt = await db.transaction(async (tx) => {
    await alongside(lockKey(tx, `submission:${options.collegeId}|${options.actor.userId}|${options.clientId}`), spare);
    const raced = await existing(tx, sent);
    if (raced) return raced;
    const slot: SheetSlot = { kind, collegeId: options.collegeId, termCode: options.termCode };
    await alongside(lockKey(tx, `sheet:${kind}|${options.collegeId}|${options.termCode}`), spare);
    const [{ latest } = { latest: 0 }] = await alongside(
      tx
        .select({ latest: max(sheetSubmissions.version) })
        .from(sheetSubmissions)
        .where(inSlot(slot)),
      spare,
    );
    const version = (latest ?? 0) + 1;
    await alongside(
      tx
        .update(sheetSubmissions)
        .set({ state: "superseded" })
        .where(inSlot(slot, eq(sheetSubmissions.state, "submitted"))),
      spare,
    );
    const [submission] = await tx
      .insert(sheetSubmissions)
      .values({
        clientId: options.clientId,
        kind,
        collegeId: options.collegeId,
        termCode: options.termCode,
        version,
        fileName: options.fileName ?? null,
        // The hash is finished while the rows are stored, and written in before the audit event.
        contentHash: contentHash || HASH_PENDING,
        templateVersion: template.version,
        ...summaryColumns(readerSummary),
        state: "submitted",
        submittedBy: options.actor.userId,
      })
      .returning();
    const saved = submission as SubmissionRow;
    const rows: SheetRowInsert[] = new Array(stored.rows.length);
    for (let i = 0; i < rows.length; i++) {
      const r = stored.rows[i] as SheetResult["rows"][number];
      rows[i] = {
        submission_id: saved.id,
        row_number: r.row,
        student_no: r.values.studentNo ?? null,
        values: r.values,
        issues: issuesByRow.get(r.row) ?? NO_ISSUES,
        error_count: r.errors,
      };
    }
    lap("lock");
    // The rest of the hash and the record's checks, while the server stores each chunk.
    await insertSheetRows(tx, rows, spare);
    lap("insert");
    const changed: Partial<typeof sheetSubmissions.$inferInsert> = {};
    if (recordAlongside) {
      record = await loading;
      while (!checked) spare();
      lap("record");
      if (checked.length) {
        const summary = summarise(mergeIssues(read, checked));
        // Refused here, the transaction rolls back: the rows stored above are not kept.
        mustBeAllowed(summary);
        await addRecordIssues(tx, saved.id, checked);
        Object.assign(changed, summaryColumns(summary));
        readerSummary = summary;
      }
      lap("check");
    }
    if (saved.contentHash === HASH_PENDING) changed.contentHash = sent.contentHash();
    lap("hash");
    if (Object.keys(changed).length) {
      Object.assign(saved, changed);
      await tx.update(sheetSubmissions).set(changed).where(eq(sheetSubmissions.id, saved.id));
    }
    const summary = readerSummary;
    await recordEvent(tx, options.actor, {
      action: "sheet.submit",
      entity: "sheet_submission",
      entityId: saved.id,
      after: {
        kind,
        collegeId: options.collegeId,
        termCode: options.termCode,
        version,
        rows: summary.rows,
        errors: summary.errors,
        contentHash: saved.contentHash,
        ...(columns ? { columns } : {}),
      },
    });
    lap("audit");
    await options.beforeCommit?.();
    return receiptOf(saved, false);
  });
  lap("commit");
  return receipt;
}
