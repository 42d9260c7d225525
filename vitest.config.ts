import { mkdtempSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "vitest/config";

/**
 * One `pnpm test` in four layers, each runnable alone for a fast inner loop:
 * - unit: the pure domain (shared), the pane's and the dashboard's pure parts — no database, no server;
 * - data: the server's services and routers on PGlite (and PostgreSQL when TEST_DATABASE_URL is set), and the
 *   dashboard's pages rendered against that real server;
 * - cli: the `xueji` command, run in the test's process through `runXueji` (server/test/run-xueji.ts), and the
 *   few tests where only a process shows it (exit status, a piped stdin, peak memory, the server's first start);
 * - e2e: Debian's Chromium against the real server and the real Vite builds, made once by the global setup.
 */
const CLI = [
  "server/src/cli/**/*.test.ts",
  "server/src/backup-restore.test.ts",
  "server/src/first-start.test.ts",
  "server/src/multi-process.test.ts",
  "server/src/files/annotate-xlsx.test.ts",
  "server/src/files/bounded-memory.test.ts",
  "server/src/files/bounded-reading.test.ts",
  "server/src/files/fix-xlsx.test.ts",
];
/** With them, the demo's own story: it reads the demo day the e2e project's global setup builds, as the e2e files do. */
const E2E = ["addin/e2e/**/*.test.ts", "dashboard/e2e/**/*.test.ts", "server/src/http/tls.test.ts", "server/src/demo/demo-story.test.ts"];
const SERVER_PAGES = ["dashboard/src/pages/**/*.test.tsx", "dashboard/src/schema-form/**/*.test.tsx"];
/** The pane's parts that run against the real server (file mode's host). */
const PANE_ON_SERVER = ["addin/src/**/*.server.test.ts"];
/** Migrates the test databases' templates once (server/test/database-template.ts), for the projects that open any. */
const DATABASE_SETUP = "test/database-setup.ts";

export default defineConfig({
  test: {
    // Dashboard component tests are .tsx and pick their DOM with a `// @vitest-environment` comment.
    exclude: ["**/node_modules/**"],
    testTimeout: 60_000,
    // Vitest's default is one worker fewer than the cores: one worker on a 2-core machine, which leaves the second
    // core idle while a test waits on PostgreSQL, a child process or Chromium. An e2e file waits most of its time
    // (on Chromium, on the server, on Playwright's next look), so a third worker on two cores fills what two left
    // idle: the whole suite 564 → 484 s on a 2-core machine, the idle cores' time 87 → 18 CPU-s (docs/operations.md).
    // `VITEST_MAX_WORKERS` overrides it.
    maxWorkers: Number(process.env.VITEST_MAX_WORKERS) || Math.max(3, availableParallelism()),
    // auditLog.verify compares a test's scratch database with the newest checkpoint: never with the
    // checkout's .data/checkpoints of a server someone ran by hand.
    env: {
      XUEJI_CHECKPOINT_DIR: mkdtempSync(join(tmpdir(), "xueji-test-checkpoints-")),
    },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          // One module graph per worker and DOM (vitest gives files of another environment a worker of their own),
          // instead of one per file: importing React and Fluent UI again for every file was half the project's time.
          // These files keep no state between them (mocks restored, globals put back).
          isolate: false,
          include: ["shared/**/*.test.ts", "addin/src/**/*.test.{ts,tsx}", "dashboard/src/**/*.test.tsx", "test/**/*.test.ts"],
          exclude: ["**/node_modules/**", ...SERVER_PAGES, ...PANE_ON_SERVER],
        },
      },
      {
        extends: true,
        test: {
          name: "data",
          include: ["server/**/*.test.ts", ...SERVER_PAGES, ...PANE_ON_SERVER],
          exclude: ["**/node_modules/**", ...CLI, ...E2E],
          globalSetup: [DATABASE_SETUP],
          // One worker runs file after file, importing the server (drizzle, tRPC, ExcelJS, PGlite) once instead of
          // once per file: vitest's import time went from 133 s to 33 s, the project's CPU from 434 s to 345 s on
          // both engines. Still a fresh database per file; a file leaves nothing behind for the next: variables
          // through vi.stubEnv, put back after each test; no vi.mock of a module another file imports (sign-in's
          // password check is a parameter instead); globals through vi.stubGlobal. Checked with the files in a
          // shuffled order (`--sequence.shuffle.files`) on PGlite and PostgreSQL.
          // (V8's `--liftoff-only` helped while each file was a process of its own that compiled PostgreSQL's
          // WebAssembly again; with the workers reused it made no difference — 237 vs 235 CPU-s on PGlite — and is gone.)
          isolate: false,
        },
      },
      // Isolated still: `xueji admin` and `xueji audit`, run in the test's process, load the audit key into the
      // process (services/audit-log/audit-key.ts), and a later file in the same worker would chain with it.
      { extends: true, test: { name: "cli", include: CLI, globalSetup: [DATABASE_SETUP] } },
      {
        extends: true,
        test: {
          name: "e2e",
          include: E2E,
          globalSetup: [DATABASE_SETUP, "test/global-setup.ts"],
          testTimeout: 120_000,
          // As for data: the server and Playwright imported once per worker, not once per file (vitest's import
          // time 118 s → 12 s). Each file still serves its own copy of the demo and launches its own Chromium.
          isolate: false,
        },
      },
    ],
  },
});
