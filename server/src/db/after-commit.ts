import type { Db, Executor, Tx } from "./client";

/** Work that may run only once a transaction's writes are visible to every other session. */
export type CommitTask = (db: Db) => Promise<void>;

const tasksOf = new WeakMap<object, Set<CommitTask>>();
const roots = new WeakSet<object>();

/**
 * Runs `task` once the transaction `executor` belongs to has committed, after the caller's `db.transaction(...)` has
 * ended and before it returns; never if it rolls back. Outside a transaction (the database itself), at once. A task
 * given twice to one transaction runs once. Only executors of a database from `openDatabase` know when they commit.
 */
export async function afterCommit(executor: Executor, task: CommitTask): Promise<void> {
  const tasks = tasksOf.get(executor);
  if (tasks) {
    tasks.add(task);
    return;
  }
  if (roots.has(executor)) return task(executor as Db);
  throw new Error("afterCommit: this executor does not belong to a database opened by openDatabase");
}

/**
 * Gives `db.transaction` (and a savepoint's `tx.transaction` within it) its commit tasks: run in order after the
 * outermost transaction commits. The database object itself is kept (code tells the engines apart by it).
 */
export function withCommitTasks(db: Db): Db {
  roots.add(db);
  const begin = db.transaction.bind(db);
  const transaction = async <T>(work: (tx: Tx) => Promise<T>, config?: Parameters<Db["transaction"]>[1]): Promise<T> => {
    const tasks = new Set<CommitTask>();
    const result = await begin((tx) => {
      follow(tx, tasks);
      return work(tx);
    }, config);
    for (const task of tasks) await task(db);
    return result;
  };
  db.transaction = transaction as Db["transaction"];
  return db;
}

/** A savepoint's tasks are its outer transaction's: they wait for the one commit that makes them visible. */
function follow(tx: Tx, tasks: Set<CommitTask>): void {
  tasksOf.set(tx, tasks);
  const savepoint = tx.transaction.bind(tx);
  tx.transaction = (<T>(work: (inner: Tx) => Promise<T>) =>
    savepoint((inner) => {
      follow(inner, tasks);
      return work(inner);
    })) as Tx["transaction"];
}
