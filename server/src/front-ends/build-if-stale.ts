import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";

/** The newest modification time under a folder (node_modules and build output left out). */
function newest(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let latest = info.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules" || entry === "dist" || entry.startsWith(".")) continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

export interface FrontEnd {
  /** The workspace package, e.g. "@xueji/dashboard". */
  name: string;
  /** Its folder; Vite writes `dist/` inside it. */
  dir: string;
  /** Folders whose changes make the build stale (its own sources, and the packages it imports). */
  sources: string[];
}

// A build left locked by a killed process is taken over after this long.
const STALE_LOCK_MS = 180_000;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Runs `fn` holding a lock folder beside `dist/`: test files run in parallel workers (and a bench or
 * `pnpm start` may run beside them), so one process builds while the others wait, then find the build fresh,
 * instead of two Vite runs writing `dist/` at the same time.
 */
function withBuildLock<T>(dir: string, fn: () => T): T {
  const lock = join(dir, ".build-lock");
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
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Builds a front-end with Vite when its `dist/` is missing or older than any of its sources, so that
 * README's `pnpm start` does all the set-up on a fresh clone. Returns the folder to serve, or null
 * (with the reason printed) when there is nothing to serve and the build failed.
 */
export function buildIfStale(frontEnd: FrontEnd, log: (line: string) => void): string | null {
  return withBuildLock(frontEnd.dir, () => {
    const dist = join(frontEnd.dir, "dist");
    const index = join(dist, "index.html");
    const built = existsSync(index) ? statSync(index).mtimeMs : 0;
    const changed = Math.max(...frontEnd.sources.filter(existsSync).map(newest));
    if (built > changed) return dist;
    log(`正在构建 ${frontEnd.name}（首次启动或源码已更新）……`);
    const result = spawnSync("pnpm", ["--filter", frontEnd.name, "build"], { cwd: frontEnd.dir, stdio: "inherit" });
    if (result.status === 0 && existsSync(index)) return dist;
    log(`构建 ${frontEnd.name} 失败${existsSync(index) ? "，继续使用上一次的构建" : ""}。`);
    return existsSync(index) ? dist : null;
  });
}
