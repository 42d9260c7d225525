import { describe, expect, it } from "vitest";
import { auditKeyFile, checkpointDir, pgliteDir } from "./data-paths";

// Each case gives its environment explicitly: the worker's own (shared by the files it runs) stays untouched.
describe("where Xueji keeps its files outside the database", () => {
  it("keeps the audit key and the checkpoints beside a moved data folder, not in the checkout", () => {
    const env = { XUEJI_DATA_DIR: "/elsewhere/xueji-db" };
    expect(pgliteDir(env)).toBe("/elsewhere/xueji-db");
    expect(auditKeyFile(env)).toBe("/elsewhere/xueji-db-audit.key");
    expect(checkpointDir(env)).toBe("/elsewhere/xueji-db-checkpoints");
  });

  it("obeys their own settings first", () => {
    const env = {
      XUEJI_DATA_DIR: "/elsewhere/xueji-db",
      XUEJI_AUDIT_KEY_FILE: "/etc/xueji/audit.key",
      XUEJI_CHECKPOINT_DIR: "/srv/checkpoints",
    };
    expect(auditKeyFile(env)).toBe("/etc/xueji/audit.key");
    expect(checkpointDir(env)).toBe("/srv/checkpoints");
  });

  it("keeps the checkout's .data/ for the embedded default", () => {
    expect(pgliteDir({})).toMatch(/\/\.data\/pglite$/);
    expect(auditKeyFile({})).toMatch(/\/\.data\/audit\.key$/);
    expect(checkpointDir({})).toMatch(/\/\.data\/checkpoints$/);
  });
});
