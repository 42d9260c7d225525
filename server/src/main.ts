/**
 * `pnpm start`: the Xueji server on an embedded PGlite database (or PostgreSQL with DATABASE_URL),
 * migrated at start, with a demo university loaded on first run.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROLE_LABELS, ROLES } from "@xueji/shared";
import { eq } from "drizzle-orm";
import { openDatabase } from "./db/client";
import { users } from "./db/schema";
import { DEMO_PASSWORD, isEmpty, seedDemo } from "./demo/seed-demo";
import { buildIfStale } from "./front-ends/build-if-stale";
import type { StaticSite } from "./front-ends/static-files";
import { createHttpServer } from "./http/server";
import { findCertificate, listenable } from "./http/tls";

const port = Number(process.env.PORT ?? 3000);
const url = process.env.DATABASE_URL;
const dataDir = process.env.XUEJI_DATA_DIR ?? join(import.meta.dirname, "../../.data/pglite");

const started = Date.now();
const database = await openDatabase(url ? { url } : { dataDir });
const where = url ? `PostgreSQL（${new URL(url).host}${new URL(url).pathname}）` : `PGlite（${dataDir}）`;
if (await isEmpty(database.db)) {
  console.log("首次启动：正在生成演示数据（学院、专业、学生、核对表）……");
  await seedDemo(database.db, console.log);
}

const certificate = findCertificate();
const scheme = certificate ? "https" : "http";
const server = listenable(createHttpServer(database, { sites: frontEnds() }), certificate);
server.listen(port, () => {
  console.log(`\n学籍 Xueji 已启动：${scheme}://localhost:${port}   （${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
  console.log(`  数据库：${where}`);
  console.log(`  健康检查：${scheme}://localhost:${port}/api/health`);
  console.log(`  API：${scheme}://localhost:${port}/api/trpc`);
  console.log(`  Excel 任务窗格：${scheme}://localhost:${port}/addin/taskpane.html${certificate ? "" : "（Excel 需要 HTTPS，见 README）"}`);
  void printAccounts();
});

/** The task pane at /addin/ and the dashboard at /, each built by Vite when missing or stale. */
function frontEnds(): StaticSite[] {
  const root = join(import.meta.dirname, "../..");
  const shared = [join(root, "shared/src"), join(root, "theme/src")];
  const sites: StaticSite[] = [];
  for (const [folder, prefix] of [
    ["addin", "/addin/"],
    ["dashboard", "/"],
  ] as const) {
    const dir = join(root, folder);
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name: string; scripts?: Record<string, string> };
    if (!pkg.scripts?.build) continue;
    const dist = buildIfStale({ name: pkg.name, dir, sources: [join(dir, "src"), join(dir, "index.html"), ...shared] }, console.log);
    if (dist) sites.push({ prefix, root: dist, ...(folder === "dashboard" ? { fallback: "index.html" } : {}) });
  }
  return sites;
}

async function printAccounts(): Promise<void> {
  const rows = await database.db
    .select({ username: users.username, role: users.role, displayName: users.displayName })
    .from(users)
    .where(eq(users.disabled, false));
  console.log(`  演示账号（密码均为 ${DEMO_PASSWORD}，登录：xueji login 或 POST /api/trpc/auth.signIn）：`);
  for (const role of ROLES) {
    const names = rows.filter((r) => r.role === role).map((r) => r.username);
    if (names.length)
      console.log(
        `    ${ROLE_LABELS[role]["zh-CN"].padEnd(10, "　")} ${names.slice(0, 4).join("、")}${names.length > 4 ? ` 等 ${names.length} 个` : ""}`,
      );
  }
  console.log("  按 Ctrl+C 停止（数据会保留）。");
}

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  server.close();
  await database.close();
  process.exit(0);
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
