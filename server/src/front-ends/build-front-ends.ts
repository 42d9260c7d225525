import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
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
  /** Where the server serves it. */
  prefix: "/" | "/addin/";
  /** Folders whose changes make the build stale (its own sources, and the packages it imports). */
  sources: string[];
}

const ROOT = join(import.meta.dirname, "../../..");
const SHARED_SOURCES = [join(ROOT, "shared/src"), join(ROOT, "theme/src")];

function frontEnd(folder: string, prefix: FrontEnd["prefix"], pages: string[]): FrontEnd {
  const dir = join(ROOT, folder);
  return { name: `@xueji/${folder}`, dir, prefix, sources: [join(dir, "src"), ...pages.map((page) => join(dir, page)), ...SHARED_SOURCES] };
}

/** The two front-ends the server serves: the task pane at /addin/ and the dashboard at /. */
export const FRONT_ENDS = {
  addin: frontEnd("addin", "/addin/", [
    "index.html",
    "taskpane.html",
    "commands.html",
    "help.html",
    "wps",
    "assets/wps",
    "vite.wps.config.ts",
  ]),
  dashboard: frontEnd("dashboard", "/", ["index.html"]),
} as const;

/**
 * Builds a front-end with Vite when its `dist/` is missing or older than any of its sources, so that
 * README's `pnpm start` does all the set-up on a fresh clone. Returns the folder to serve, or null
 * (with the reason printed) when there is nothing to serve and the build failed.
 *
 * One caller at a time: `pnpm start`, the bench, or the test run's global setup (test/global-setup.ts),
 * which builds both before any test worker starts — so no two Vite runs write one `dist/`.
 */
export function buildIfStale(frontEnd: FrontEnd, log: (line: string) => void): string | null {
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
}

/** The built `dist/` of a front-end, for tests: the global setup made it; a missing build is a clear failure. */
export function builtFrontEnd(which: keyof typeof FRONT_ENDS): string {
  const dist = join(FRONT_ENDS[which].dir, "dist");
  if (!existsSync(join(dist, "index.html")))
    throw new Error(
      `${FRONT_ENDS[which].name} is not built: run the test through vitest (its global setup builds it) or \`pnpm --filter ${FRONT_ENDS[which].name} build\``,
    );
  return dist;
}
