import { basename, dirname, join } from "node:path";

/**
 * Where Xueji keeps files outside the database. `.data/` at the repository root by default; each
 * can be moved by an environment variable (docs/operations.md says which to move in production).
 */
const root = join(import.meta.dirname, "../..");

/** The embedded PGlite database folder (XUEJI_DATA_DIR), used when DATABASE_URL is not set. */
export const DEFAULT_PGLITE_DIR = join(root, ".data/pglite");

export function pgliteDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.XUEJI_DATA_DIR || DEFAULT_PGLITE_DIR;
}

/** Whether the server runs on the embedded default database (the only place the demo belongs). */
export function isEmbeddedDefault(): boolean {
  return !process.env.DATABASE_URL && !process.env.XUEJI_DATA_DIR;
}

/**
 * A file or folder kept beside the database folder, never inside it (a copy of the database folder
 * must not carry the key). Beside `.data/pglite` by default; beside XUEJI_DATA_DIR when that is set,
 * named after it (`/srv/xueji-db` → `/srv/xueji-db-audit.key`), so that two databases never share
 * a key or checkpoints and a server moved elsewhere does not write into the checkout.
 */
function besideData(name: string, env: NodeJS.ProcessEnv): string {
  const dataDir = env.XUEJI_DATA_DIR;
  if (!dataDir) return join(root, ".data", name);
  return join(dirname(dataDir), `${basename(dataDir)}-${name}`);
}

/** The audit key file (XUEJI_AUDIT_KEY_FILE), next to the database folder, never inside it. */
export function auditKeyFile(env: NodeJS.ProcessEnv = process.env): string {
  return env.XUEJI_AUDIT_KEY_FILE || besideData("audit.key", env);
}

/** Signed checkpoints of the audit log's head (XUEJI_CHECKPOINT_DIR): a folder the registrar keeps and backs up apart. */
export function checkpointDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.XUEJI_CHECKPOINT_DIR || besideData("checkpoints", env);
}
