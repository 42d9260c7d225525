import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { openScratchDatabase } from "../../server/src/db/test-database";
import { seedDemo } from "../../server/src/demo/seed-demo";
import { buildIfStale } from "../../server/src/front-ends/build-if-stale";
import { createHttpServer } from "../../server/src/http/server";

const root = join(import.meta.dirname, "../..");

/**
 * The real thing for end-to-end tests: the demo university (made through the real services) on a scratch
 * PGlite database, the dashboard built by Vite when stale, both served by the real HTTP server on a free
 * loopback port.
 */
export async function serveDashboard() {
  const dashboard = join(root, "dashboard");
  const dist = buildIfStale(
    {
      name: "@xueji/dashboard",
      dir: dashboard,
      sources: [join(dashboard, "src"), join(dashboard, "index.html"), join(root, "shared/src"), join(root, "theme/src")],
    },
    (line) => console.log(line),
  );
  if (!dist) throw new Error("the dashboard did not build");
  const database = await openScratchDatabase("pglite");
  await seedDemo(database.db);
  const server = createHttpServer(database, { sites: [{ prefix: "/", root: dist, fallback: "index.html" }] });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    database,
    db: database.db,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}
