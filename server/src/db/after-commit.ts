/**
 * What this needs of a drizzle database or transaction: `transaction(work, config)`. Written out here rather than
 * imported from client.ts, which opens databases with these commit tasks (an import each way would be a circle).
 */
interface Transactional {
  transaction(work: (tx: unknown) => Promise<unknown>, config?: unknown): Promise<unknown>;
}

/** Work that may run only once a transaction's writes are visible to every other session. */
export type CommitTask<Db> = (db: Db) => Promise<void>;

const tasksOf = new WeakMap<object, Set<CommitTask<never>>>();
const roots = new WeakSet<object>();

/**
 * Runs `task` once the transaction `executor` belongs to has committed, after the caller's `db.transaction(...)` has
 * ended and before it returns; never if it rolls back. Outside a transaction (the database itself), at once. A task
 * given twice to one transaction runs once. Only executors of a database from `openDatabase` know when they commit.
 */
export async function afterCommit<Db>(executor: object, task: CommitTask<Db>): Promise<void> {
  const tasks = tasksOf.get(executor);
  if (tasks) {
    tasks.add(task as CommitTask<never>);
    return;
  }
  if (roots.has(executor)) return task(executor as Db);
  throw new Error("afterCommit: this executor does not belong to a database opened by openDatabase");
}

/**
 * Gives `db.transaction` (and a savepoint's `tx.transaction` within it) its commit tasks: run in order after the
 * outermost transaction commits. The database object itself is kept (code tells the engines apart by it).
 */
export function withCommitTasks<Db extends Transactional>(db: Db): Db {
  roots.add(db);
  const begin = db.transaction.bind(db);
  db.transaction = async (work, config) => {
    const tasks = new Set<CommitTask<never>>();
    const result = await begin((tx) => {
      follow(tx as Transactional, tasks);
      return work(tx);
    }, config);
    for (const task of tasks) await (task as CommitTask<Db>)(db);
    return result;
  };
  return db;
}

/** A savepoint's tasks are its outer transaction's: they wait for the one commit that makes them visible. */
function follow(tx: Transactional, tasks: Set<CommitTask<never>>): void {
  tasksOf.set(tx, tasks);
  const savepoint = tx.transaction.bind(tx);
  tx.transaction = (work, config) =>
    savepoint((inner) => {
      follow(inner as Transactional, tasks);
      return work(inner);
    }, config);
}
