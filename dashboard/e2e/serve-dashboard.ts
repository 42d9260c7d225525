import type { AddressInfo } from "node:net";
import { createHttpServer, type HttpOptions } from "../../server/src/http/server";
import { openDemoDatabase, runDay } from "../../server/test/demo-database";
import { buildDashboard } from "./build-dashboard";

/**
 * The real thing for end-to-end tests: the demo university (made through the real services) on a scratch
 * PGlite database, the dashboard built by Vite when stale, both served by the real HTTP server on a free
 * loopback port.
 */
export async function serveDashboard(options: { signOn?: HttpOptions["signOn"] | "stored"; today?: string } = {}) {
  const dist = buildDashboard();
  // The demo as of the server's day: the run's (runDay) unless the test sets its clock, held for the whole file.
  const today = options.today ?? runDay();
  const database = await openDemoDatabase(today);
  // No campus sign-on unless a test configures one (the server's environment is not read), or
  // `stored`: as the administrator saves it on the settings page, read per request as in production.
  const signOn = options.signOn === "stored" ? {} : { signOn: options.signOn ?? { passwords: "all" as const } };
  const server = createHttpServer(database, {
    sites: [{ prefix: "/", root: dist, fallback: "index.html" }],
    ...signOn,
    today: () => today,
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    /** The server's day (China time), as the demo was opened for. */
    today,
    database,
    db: database.db,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}
