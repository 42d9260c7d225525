import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DependencyTree, parseCircular, parseDependencyTree } from "dpdm";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");

/**
 * Each package's layer: a package may import only from a lower layer, never its own or one above it. shared is
 * the pure domain; the theme colours shared's words (severities); the server builds on shared; the pane and the
 * dashboard are the server's clients, and neither imports the other (docs/architecture.md).
 */
const LAYER = { shared: 0, theme: 1, server: 2, addin: 3, dashboard: 3 } as const;
type Package = keyof typeof LAYER;
const PACKAGES = Object.keys(LAYER) as Package[];

/**
 * The graph of every package's source, tests included, as TypeScript resolves it (a workspace package to its
 * source, through the symlinks; no package's tsconfig changes how a module is found). A type-only import counts,
 * and so does a lazy `import()`: a circle through either still ties its modules together (the route tree loads a
 * page lazily, so a page that imported the route tree would close a circle).
 */
let graph: Promise<DependencyTree> | undefined;
function wholeGraph(): Promise<DependencyTree> {
  graph ??= parseDependencyTree(
    PACKAGES.map((pkg) => `${pkg}/src/**/*.{ts,tsx}`),
    { cwd: ROOT, context: ROOT, tsconfig: join(ROOT, "tsconfig.json"), transform: false, skipDynamicImports: false },
  );
  return graph;
}

// Reading some 800 modules takes seconds of CPU, and longer on a shared, loaded machine: once, for every check.
beforeAll(() => wholeGraph(), 300_000);

const packageOf = (file: string): Package | undefined => PACKAGES.find((pkg) => file.startsWith(`${pkg}/`));
const isTest = (file: string) => /\.test\.tsx?$/.test(file);

describe.each(PACKAGES)("%s's imports", (pkg) => {
  it("form no circle, static, type-only or lazy", async () => {
    const circles = parseCircular(await wholeGraph(), false)
      .filter((circle) => circle.some((file) => packageOf(file) === pkg))
      .map((circle) => circle.join(" > "));
    expect(circles).toEqual([]);
  });

  // A test may reach across (a server test of TLS builds the pane it serves); the source may not.
  it("reach no package above it, outside tests", async () => {
    const upward: string[] = [];
    for (const [file, dependencies] of Object.entries(await wholeGraph())) {
      if (packageOf(file) !== pkg || isTest(file) || !dependencies) continue;
      for (const { id } of dependencies) {
        const to = id ? packageOf(id) : undefined;
        if (to && to !== pkg && LAYER[to] >= LAYER[pkg]) upward.push(`${file} → ${id}`);
      }
    }
    expect(upward).toEqual([]);
  });
});

describe("the graph these checks read", () => {
  // A resolver that lost the workspace links would see no edge between packages, and every check above would pass.
  it("follows an import of a workspace package to that package's source", async () => {
    const client = (await wholeGraph())["dashboard/src/api/client.ts"];
    expect(client?.map((d) => d.id)).toContain("server/src/router.ts");
  });

  it("finds a circle closed by a lazy import and a type-only one", async () => {
    const dir = mkdtempSync(join(tmpdir(), "xueji-import-graph-"));
    writeFileSync(join(dir, "route.ts"), 'export type Search = { q?: string };\nexport const load = () => import("./page");\n');
    writeFileSync(join(dir, "page.ts"), 'import type { Search } from "./route";\nexport const read = (s: Search) => s.q;\n');
    const tree = await parseDependencyTree("*.ts", { cwd: dir, context: dir, transform: false, skipDynamicImports: false });
    expect(parseCircular(tree, false).map((circle) => [...circle].sort())).toEqual([["page.ts", "route.ts"]]);
  });
});
