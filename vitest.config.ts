import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Dashboard component tests are .tsx and pick their DOM with a `// @vitest-environment` comment.
    include: ["{shared,server,addin,dashboard}/**/*.test.{ts,tsx}", "test/**/*.test.ts"],
    exclude: ["**/node_modules/**"],
    testTimeout: 60_000,
    // auditLog.verify compares a test's scratch database with the newest checkpoint: never with the
    // checkout's .data/checkpoints of a server someone ran by hand.
    env: { XUEJI_CHECKPOINT_DIR: mkdtempSync(join(tmpdir(), "xueji-test-checkpoints-")) },
  },
});
