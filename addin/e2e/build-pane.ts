import { join } from "node:path";
import { buildIfStale } from "../../server/src/front-ends/build-if-stale";

const ADDIN = join(import.meta.dirname, "..");
const ROOT = join(ADDIN, "..");

/**
 * The pane's Vite build, made when missing or stale (as `pnpm start` does); parallel test workers
 * wait on buildIfStale's lock instead of writing `dist/` at the same time.
 */
export function buildPane(): string {
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
}
