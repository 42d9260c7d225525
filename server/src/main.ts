/**
 * `pnpm start`: the Xueji server on an embedded PGlite database (or PostgreSQL with DATABASE_URL),
 * migrated at start. The demo university (with its published password) is loaded only into the
 * embedded default database, or when asked for (`--demo`, XUEJI_DEMO=1); any other empty database
 * gets the schema only, and `xueji admin create` makes its first administrator (docs/operations.md,
 * “First start on PostgreSQL”).
 */
import { ROLE_LABELS, ROLES } from "@xueji/shared";
import { count, eq } from "drizzle-orm";
import { todayInChina } from "./clock";
import { auditKeyFile, isEmbeddedDefault, pgliteDir } from "./data-paths";
import { openDatabase } from "./db/client";
import { users } from "./db/schema";
import { DEMO_PASSWORD, isEmpty, seedDemo } from "./demo/seed-demo";
import { warmFilePool } from "./files/off-thread";
import { buildIfStale, FRONT_ENDS } from "./front-ends/build-front-ends";
import { OFFICE_FRAME_HOSTS, type StaticSite } from "./front-ends/static-files";
import { logStartWarnings } from "./http/health-warnings";
import { createHttpServer } from "./http/server";
import { findCertificate, listenable } from "./http/tls";
import { createLogger } from "./logger";
import { loadAuditKey } from "./services/audit-log/audit-key";
import { linkPendingEvents } from "./services/audit-log/link-events";
import { forgetStaleDryRuns } from "./services/imports/run-import";
import { serverJobs } from "./services/scheduler/jobs";
import { logJobRun } from "./services/scheduler/log-job-run";
import { startScheduler } from "./services/scheduler/scheduler";

const port = Number(process.env.PORT ?? 3000);
const url = process.env.DATABASE_URL;
const dataDir = pgliteDir();
const demo = isEmbeddedDefault() || process.argv.includes("--demo") || process.env.XUEJI_DEMO === "1";
const logger = createLogger();

const started = Date.now();
if (loadAuditKey(auditKeyFile(), true) === "created")
  console.log(`已生成审计密钥 ${auditKeyFile()}（仅本用户可读）。请把它与数据库分开备份：没有它就无法核验审计日志。`);
const database = await openDatabase(url ? { url } : { dataDir });
const where = url ? `PostgreSQL（${new URL(url).host}${new URL(url).pathname}）` : `PGlite（${dataDir}）`;
if (demo && (await isEmpty(database.db))) {
  console.log("首次启动：正在生成演示数据（学院、专业、学生、核对表）……");
  await seedDemo(database.db, console.log);
}
const [{ n: userCount } = { n: 0 }] = await database.db.select({ n: count() }).from(users);
// Dry runs nobody confirmed in time go, with their files (the next import would remove them too).
await forgetStaleDryRuns(database.db);
// Audit events a process committed but did not live to link (killed between its commit and the chainer's pass).
await linkPendingEvents(database.db);
// The audit checkpoint, the housekeeping and the reminders (企业微信, 钉钉, mail), once per period across every
// process on this database.
const scheduler = startScheduler(database.db, serverJobs(), { onRun: (r) => logJobRun(r, logger) });
// The file procedures' threads, loaded before the first secretary's file arrives.
void warmFilePool().catch((error: unknown) => logger.error({ err: error }, "file threads did not start"));

const certificate = findCertificate();
const scheme = certificate ? "https" : "http";
const server = listenable(createHttpServer(database, { sites: frontEnds(), logger, scheduler }), certificate);
server.listen(port, () => {
  console.log(`\n学籍 Xueji 已启动：${scheme}://localhost:${port}   （${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
  console.log(`  数据库：${where}`);
  console.log(`  健康检查：${scheme}://localhost:${port}/api/health`);
  console.log(`  API：${scheme}://localhost:${port}/api/trpc`);
  console.log(`  Excel 任务窗格：${scheme}://localhost:${port}/addin/taskpane.html${certificate ? "" : "（Excel 需要 HTTPS，见 README）"}`);
  if (userCount === 0) printFirstAdministrator();
  else if (demo) void printAccounts();
  else console.log("  按 Ctrl+C 停止。");
  void logStartWarnings(database.db, todayInChina(), console.warn);
});

/** The task pane at /addin/ and the dashboard at /, each built by Vite when missing or stale. */
function frontEnds(): StaticSite[] {
  if (process.env.XUEJI_FRONT_ENDS === "0") return []; // API only (tests, a separate web server)
  const sites: StaticSite[] = [];
  for (const frontEnd of [FRONT_ENDS.addin, FRONT_ENDS.dashboard]) {
    const dist = buildIfStale(frontEnd, console.log);
    // The pane is framed by Office and WPS on the web; the dashboard by nobody but itself.
    if (dist)
      sites.push({
        prefix: frontEnd.prefix,
        root: dist,
        ...(frontEnd.prefix === "/" ? { fallback: "index.html" } : { frameAncestors: OFFICE_FRAME_HOSTS }),
      });
  }
  return sites;
}

function printFirstAdministrator(): void {
  const env = url ? "DATABASE_URL=… " : process.env.XUEJI_DATA_DIR ? `XUEJI_DATA_DIR=${dataDir} ` : "";
  console.log("  数据库是空的：已建立表结构，还没有任何账号。先按 Ctrl+C 停止（PGlite 只允许一个进程），再创建第一个管理员：");
  console.log(`    ${env}pnpm -s xueji admin create --user admin --name 系统管理员   （密码在终端输入，或取自 XUEJI_PASSWORD）`);
  console.log("  The database is empty: schema created, no accounts yet. Create the first administrator with the command above.");
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
  await scheduler.stop();
  await database.close();
  process.exit(0);
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
