import { afterEach, describe, expect, it } from "vitest";
import { auditKeyFile, checkpointDir, pgliteDir } from "./data-paths";

const saved = { ...process.env };

describe("where Xueji keeps its files outside the database", () => {
  afterEach(() => {
    for (const name of ["XUEJI_DATA_DIR", "XUEJI_AUDIT_KEY_FILE", "XUEJI_CHECKPOINT_DIR"]) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  it("keeps the audit key and the checkpoints beside a moved data folder, not in the checkout", () => {
    delete process.env.XUEJI_AUDIT_KEY_FILE;
    delete process.env.XUEJI_CHECKPOINT_DIR;
    process.env.XUEJI_DATA_DIR = "/elsewhere/xueji-db";
    expect(pgliteDir()).toBe("/elsewhere/xueji-db");
    expect(auditKeyFile()).toBe("/elsewhere/xueji-db-audit.key");
    expect(checkpointDir()).toBe("/elsewhere/xueji-db-checkpoints");
  });

  it("obeys their own settings first", () => {
    process.env.XUEJI_DATA_DIR = "/elsewhere/xueji-db";
    process.env.XUEJI_AUDIT_KEY_FILE = "/etc/xueji/audit.key";
    process.env.XUEJI_CHECKPOINT_DIR = "/srv/checkpoints";
    expect(auditKeyFile()).toBe("/etc/xueji/audit.key");
    expect(checkpointDir()).toBe("/srv/checkpoints");
  });

  it("keeps the checkout's .data/ for the embedded default", () => {
    delete process.env.XUEJI_DATA_DIR;
    delete process.env.XUEJI_AUDIT_KEY_FILE;
    delete process.env.XUEJI_CHECKPOINT_DIR;
    expect(auditKeyFile()).toMatch(/\/\.data\/audit\.key$/);
    expect(checkpointDir()).toMatch(/\/\.data\/checkpoints$/);
  });
});
