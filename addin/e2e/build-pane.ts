import { mkdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { buildIfStale } from "../../server/src/front-ends/build-if-stale";

const ADDIN = join(import.meta.dirname, "..");
const ROOT = join(ADDIN, "..");
// A build left locked by a killed run is taken over after this long.
const STALE_LOCK_MS = 180_000;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * The pane's Vite build, made when missing or stale (as `pnpm start` does). Test files run in
 * parallel workers, so one builds while the others wait on a lock folder instead of writing
 * `dist/` at the same time.
 */
export function buildPane(): string {
  const lock = join(ADDIN, ".build-lock");
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      try {
        if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      } catch {}
      sleep(250);
    }
  }
  try {
    const dist = buildIfStale(
      {
        name: "@xueji/addin",
        dir: ADDIN,
        sources: [
          join(ADDIN, "src"),
          join(ADDIN, "index.html"),
          join(ADDIN, "taskpane.html"),
          join(ROOT, "shared/src"),
          join(ROOT, "theme/src"),
        ],
      },
      () => {},
    );
    if (!dist) throw new Error("the add-in build failed");
    return dist;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
