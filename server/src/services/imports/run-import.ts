import { createHash } from "node:crypto";
import { AppError, type ImportKind, isStudentNoPattern } from "@xueji/shared";
import { and, eq, sql } from "drizzle-orm";
import type { Db, Executor } from "../../db/client";
import { imports, users } from "../../db/schema";
import { type Actor, recordEvent } from "../audit-log/record-event";
import { temporaryFields, temporaryPassword } from "../auth/manage-users";
import { hashPassword } from "../auth/password";
import { afterCursor, type Keyset, keyColumns, keysetOrder, type PageOptions, toPage } from "../paging";
import { frozenStudentIds } from "../students/graduate-freeze";
import { applyStudentPlan } from "./apply-students";
import { emptyReport, type ImportReport } from "./import-report";
import { createResultsPlanner } from "./plan-results";
import { createStudentPlanner, loadRecord } from "./plan-students";
import { createUserPlanner, type UserPlan } from "./plan-users";
import { readImportRows, withTemporaryFile } from "./read-import-file";

// One import writes at a time, across processes: two confirmations of the same file cannot both write.
const IMPORT_LOCK = 727_017;

export interface ImportOptions {
  /** Admitted freshmen without a 学号: the pattern that numbers them ({year}{college}{serial:4}). */
  pattern?: string | null;
}

interface Planned {
  report: ImportReport;
  apply: (
    tx: Executor,
    importId: number,
    passwordHash?: string,
  ) => Promise<Array<{ username: string; displayName: string; password: string }>>;
}

/** Reads the file against the record. With `write`, a results file is written batch by batch as it is read (inside the caller's transaction). */
async function planImport(
  db: Executor,
  input: { kind: ImportKind; fileName: string; bytes: Buffer; options: ImportOptions; today: string },
  write: { importId: number } | null,
): Promise<Planned> {
  const report = emptyReport(input.kind, input.fileName);
  if (input.options.pattern && !isStudentNoPattern(input.options.pattern))
    throw new AppError("import.bad-pattern", { pattern: input.options.pattern });
  return withTemporaryFile(input.bytes, input.fileName, async (path) => {
    if (input.kind === "results") {
      const planner = await createResultsPlanner(db, report, { write: write !== null, importId: write?.importId ?? null });
      const read = await readImportRows(path, {
        kind: "results",
        today: input.today,
        onRow: (row) => planner.onRow(row),
        onColumns: planner.setColumns,
      });
      finishRead(report, read);
      // With errors nothing may be written: the caller's transaction rolls back what the batches wrote.
      if (write && report.errors > 0) throw new AppError("import.has-errors", { count: report.errors });
      await planner.finish();
      return { report, apply: async () => [] };
    }
    if (input.kind === "users") {
      const planner = await createUserPlanner(db, report);
      finishRead(
        report,
        await readImportRows(path, {
          kind: "users",
          today: input.today,
          onRow: (row) => planner.onRow(row),
          onColumns: planner.setColumns,
        }),
      );
      return { report, apply: (tx, _id, passwordHash) => applyUsers(tx, planner.plan, passwordHash) };
    }
    const record = await loadRecord(db);
    // seed 000 六.1: the year's graduates frozen today keep their identity and certificate fields whatever the file says.
    const frozen = await frozenStudentIds(db, input.today);
    const planner = createStudentPlanner(record, report, {
      mode: input.kind,
      pattern: input.options.pattern ?? null,
      today: input.today,
      frozen,
    });
    finishRead(
      report,
      await readImportRows(path, {
        kind: input.kind,
        today: input.today,
        onRow: (row) => planner.onRow(row),
        onColumns: planner.setColumns,
      }),
    );
    return {
      report,
      apply: async (tx, importId) => {
        await applyStudentPlan(tx, planner.plan, importId);
        return [];
      },
    };
  });
}

function finishRead(report: ImportReport, read: { sheet: string | null; issues: ImportReport["issues"] }): void {
  report.sheet = read.sheet;
  for (const issue of read.issues) {
    report.issuesTotal++;
    if (issue.severity === "error") report.errors++;
    report.issues.unshift(issue);
  }
}

async function applyUsers(tx: Executor, plan: UserPlan, sharedHash?: string) {
  // Temporary passwords are returned once to the administrator who imports, never stored or logged in the clear.
  // The demo's accounts share its published password instead, hashed once by the caller (not one scrypt per account).
  const made = plan.creates.map((u) => ({ ...u, password: sharedHash ? "" : temporaryPassword() }));
  const hashes = sharedHash ? made.map(() => sharedHash) : await Promise.all(made.map((u) => hashPassword(u.password)));
  for (let i = 0; i < made.length; i += 500) {
    await tx.insert(users).values(
      made.slice(i, i + 500).map((u, j) => ({
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        collegeId: u.collegeId,
        passwordHash: hashes[i + j] as string,
        ...temporaryFields(!sharedHash),
      })),
    );
  }
  if (plan.updates.length) {
    const json = JSON.stringify(
      plan.updates.map((u) => ({ id: u.id, displayName: u.target.displayName, role: u.target.role, collegeId: u.target.collegeId })),
    );
    await tx.execute(sql`
      update users u set display_name = x."displayName", role = x.role, college_id = x."collegeId"
      from jsonb_to_recordset(${json}::jsonb) as x(id int, "displayName" text, role text, "collegeId" int) where u.id = x.id`);
  }
  return sharedHash ? [] : made.map((u) => ({ username: u.username, displayName: u.displayName, password: u.password }));
}

/**
 * How long a dry run waits to be confirmed. Its file (up to 160 MB of the school's record) is kept
 * only that long: an unconfirmed dry run is then removed, file and report, at the next import or the
 * next start. A confirmed import keeps its file for good — the history offers it.
 */
export const DRY_RUN_HOURS = 24;

/** Removes the dry runs older than DRY_RUN_HOURS that nobody confirmed; returns how many. */
export async function forgetStaleDryRuns(db: Executor): Promise<number> {
  const removed = await db
    .delete(imports)
    .where(and(eq(imports.status, "previewed"), sql`${imports.previewedAt} < now() - make_interval(hours => ${DRY_RUN_HOURS})`))
    .returning({ id: imports.id });
  return removed.length;
}

/** The dry run: the file is kept (for DRY_RUN_HOURS), read and checked against the record; nothing of the record is written. */
export async function previewImport(
  db: Db,
  actor: Actor & { userId: number },
  input: { kind: ImportKind; fileName: string; bytes: Buffer; options: ImportOptions; today: string },
) {
  const { report } = await planImport(db, input, null);
  await forgetStaleDryRuns(db);
  const [row] = await db
    .insert(imports)
    .values({
      kind: input.kind,
      status: "previewed",
      fileName: input.fileName,
      file: input.bytes,
      fileSha256: createHash("sha256").update(input.bytes).digest("hex"),
      options: input.options,
      previewedBy: actor.userId,
      report,
    })
    .returning({ id: imports.id });
  return { id: (row as { id: number }).id, report };
}

/**
 * The confirmation: the kept file is read again against the record as it is now and everything is
 * written in one transaction with one audit event. A file with errors writes nothing; the same
 * import confirmed twice (or two at once) writes once.
 */
export async function commitImport(db: Db, actor: Actor & { userId: number }, input: { id: number; today: string }) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK})`);
    const [found] = await tx
      .select({ record: imports, stale: sql<boolean>`${imports.previewedAt} < now() - make_interval(hours => ${DRY_RUN_HOURS})` })
      .from(imports)
      .where(eq(imports.id, input.id))
      .for("update");
    if (!found) throw new AppError("import.not-found", { hours: DRY_RUN_HOURS });
    const row = found.record;
    if (row.status !== "previewed") throw new AppError("import.already-committed");
    // Past its time the dry run's file is gone (at the next import or start, if not yet): nothing is confirmed from it.
    if (found.stale) throw new AppError("import.expired", { hours: DRY_RUN_HOURS });
    return writePlanned(tx, actor, row, input.today);
  });
}

/**
 * Dry run and confirm at once, the file read a single time: what the demo of `pnpm start` makes its
 * record with (the same planners and writers as the 导入 page, with the same audit event). A file with
 * errors writes nothing. `passwordHash` gives an accounts file's new users that password (not a temporary one).
 */
export async function importAtOnce(
  db: Db,
  actor: Actor & { userId: number },
  input: { kind: ImportKind; fileName: string; bytes: Buffer; options: ImportOptions; today: string; passwordHash?: string },
) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK})`);
    const [row] = await tx
      .insert(imports)
      .values({
        kind: input.kind,
        status: "previewed",
        fileName: input.fileName,
        file: input.bytes,
        fileSha256: createHash("sha256").update(input.bytes).digest("hex"),
        options: input.options,
        previewedBy: actor.userId,
        report: emptyReport(input.kind, input.fileName),
      })
      .returning();
    return writePlanned(tx, actor, row as typeof imports.$inferSelect, input.today, input.passwordHash);
  });
}

async function writePlanned(
  tx: Executor,
  actor: Actor & { userId: number },
  row: typeof imports.$inferSelect,
  today: string,
  passwordHash?: string,
) {
  const kind = row.kind as ImportKind;
  const planned = await planImport(
    tx,
    { kind, fileName: row.fileName, bytes: row.file, options: row.options as ImportOptions, today },
    { importId: row.id },
  );
  const { report } = planned;
  if (report.errors > 0) throw new AppError("import.has-errors", { count: report.errors });
  const passwords = await planned.apply(tx, row.id, passwordHash);
  await tx
    .update(imports)
    .set({ status: "committed", committedBy: actor.userId, committedAt: new Date(), report })
    .where(eq(imports.id, row.id));
  await recordEvent(tx, actor, {
    action: "import.commit",
    entity: "import",
    entityId: String(row.id),
    after: {
      kind,
      fileName: row.fileName,
      fileSha256: row.fileSha256,
      rows: report.rows,
      create: report.create,
      update: report.update,
      unchanged: report.unchanged,
      newClasses: report.newClasses.length,
    },
  });
  return { id: row.id, report, passwords };
}

const NEWEST_FIRST: Keyset = { name: "imports/id", parts: [{ expr: imports.id, type: "int8" }], direction: "desc" };

/** The history of imports, newest first, a page at a time: who, when, counts (the report and file stay with each). */
export async function listImports(db: Executor, options: PageOptions) {
  const rows = await db
    .select({
      id: imports.id,
      kind: imports.kind,
      status: imports.status,
      fileName: imports.fileName,
      previewedAt: imports.previewedAt,
      committedAt: imports.committedAt,
      by: users.displayName,
      report: imports.report,
      ...keyColumns(NEWEST_FIRST),
    })
    .from(imports)
    .leftJoin(users, sql`${users.id} = coalesce(${imports.committedBy}, ${imports.previewedBy})`)
    .where(afterCursor(NEWEST_FIRST, options.cursor))
    .orderBy(...keysetOrder(NEWEST_FIRST))
    .limit(options.limit + 1);
  return toPage(NEWEST_FIRST, rows, options.limit, (r) => {
    const report = r.report as ImportReport;
    return {
      id: r.id,
      kind: r.kind as ImportKind,
      status: r.status as "previewed" | "committed",
      fileName: r.fileName,
      previewedAt: r.previewedAt.toISOString(),
      committedAt: r.committedAt?.toISOString() ?? null,
      by: r.by ?? "",
      rows: report.rows,
      create: report.create,
      update: report.update,
      unchanged: report.unchanged,
      errors: report.errors,
    };
  });
}

export async function getImport(db: Executor, id: number) {
  const [row] = await db.select({ id: imports.id, status: imports.status, report: imports.report }).from(imports).where(eq(imports.id, id));
  if (!row) throw new AppError("import.not-found", { hours: DRY_RUN_HOURS });
  return { id: row.id, status: row.status as "previewed" | "committed", report: row.report as ImportReport };
}

export async function importFile(db: Executor, id: number) {
  const [row] = await db.select({ fileName: imports.fileName, file: imports.file }).from(imports).where(eq(imports.id, id));
  if (!row) throw new AppError("import.not-found", { hours: DRY_RUN_HOURS });
  return row;
}
