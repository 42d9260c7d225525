import { join } from "node:path";
import { buildIfStale } from "../../server/src/front-ends/build-if-stale";

const DASHBOARD = join(import.meta.dirname, "..");
const ROOT = join(DASHBOARD, "..");

/**
 * The dashboard's Vite build, made when missing or stale (as `pnpm start` does), once for every test file
 * and the bench that needs it: parallel workers wait on buildIfStale's lock, then find it fresh.
 */
export function buildDashboard(log: (line: string) => void = () => {}): string {
  const dist = buildIfStale(
    {
      name: "@xueji/dashboard",
      dir: DASHBOARD,
      sources: [join(DASHBOARD, "src"), join(DASHBOARD, "index.html"), join(ROOT, "shared/src"), join(ROOT, "theme/src")],
    },
    log,
  );
  if (!dist) throw new Error("the dashboard did not build");
  return dist;
}
