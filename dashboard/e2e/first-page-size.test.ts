// @vitest-environment node
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildDashboard } from "./build-dashboard";
import { FIRST_PAGE_JS_LIMIT, firstPageJs } from "./first-page-js";

/**
 * The first page's JavaScript is at most 250 KB gzip (a registrar on a slow campus line sees the overview
 * quickly). Measured on the build the Chromium tests serve, made once by the global setup; a size, not a timing,
 * so it needs no browser.
 */
describe("the dashboard's first page", () => {
  let dist = "";
  let first: ReturnType<typeof firstPageJs>;
  beforeAll(() => {
    dist = buildDashboard();
    first = firstPageJs(dist);
  }, 240_000);

  it("loads at most 250 KB of gzipped JavaScript before the overview, or the sign-in form, is drawn", () => {
    for (const [page, sizes] of Object.entries(first.pages))
      expect(sizes.total, `${page}:\n${sizes.files.map((f) => `${f.file} ${f.gzip}`).join("\n")}`).toBeLessThanOrEqual(FIRST_PAGE_JS_LIMIT);
  });

  it("has index.html preload all the overview needs, so nothing waits for the entry to run", () => {
    expect(first.html.files.map((f) => f.file).sort()).toEqual(first.pages.overview.files.map((f) => f.file).sort());
  });

  it("leaves the other pages, the tables, the charts, English, the filters' dropdown and the sign-in form out of the overview's load", () => {
    const manifest = JSON.parse(readFileSync(join(dist, ".vite/manifest.json"), "utf8")) as Record<string, { file: string }>;
    const loaded = first.pages.overview.files.map((f) => f.file);
    for (const later of [
      "src/pages/applications/applications-page.tsx",
      "src/pages/settings/settings-page.tsx",
      "src/i18n/en.ts",
      "src/components/dropdown-field.tsx",
      "src/shell/sign-in.tsx",
      "src/pages/overview/leader-charts.tsx",
    ]) {
      const file = manifest[later]?.file;
      expect(file, later).toBeDefined();
      expect(loaded, later).not.toContain(file);
    }
    // TanStack Table and Virtual come with the shared table component, in a chunk of its own.
    expect(loaded.filter((file) => file.startsWith("assets/virtual-table-"))).toEqual([]);
    expect(Object.values(manifest).some((chunk) => chunk.file.startsWith("assets/virtual-table-"))).toBe(true);
  });
});
