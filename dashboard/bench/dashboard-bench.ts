/**
 * `BENCH_ONLY=dashboard pnpm bench`: the registrar's dashboard's speed, as sizes, counts and ratios.
 *
 * 1. The first page's JavaScript, gzipped, from the build: what index.html loads, and what the overview (signed
 *    in) and the sign-in form (signed out) need before they are drawn, against the 250 KB target.
 * 2. The overview on the demo university in headless Chromium, cold cache, signed in: time until it is
 *    interactive (heat map and every section drawn, the filters usable), the API requests it took, and every
 *    script Chromium fetched by then; divided by the sign-in page's load (the same entry, no data), beside a
 *    bare `/api/health` round trip, both in the same run.
 * 3. 100,000 applications in 学籍异动 (PostgreSQL when reachable): scrolled page after page (BENCH_LIST_PAGES,
 *    default 50), then to the middle; the most rows ever in the DOM (goal < 100), the pages fetched, the
 *    server's answer and a page's cost at the start and at the end.
 */
import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { openBrowser } from "../../addin/e2e/harness";
import { insertApplications } from "../../server/bench/applications-bench";
import { freshDatabase, seedColleges } from "../../server/bench/setup";
import { median, time } from "../../server/bench/timing";
import { insertUser } from "../../server/src/db/seed-basics";
import { DEMO_PASSWORD } from "../../server/src/demo/seed-demo";
import { buildIfStale, FRONT_ENDS } from "../../server/src/front-ends/build-front-ends";
import { createHttpServer } from "../../server/src/http/server";
import { hashPassword } from "../../server/src/services/auth/password";
import { CHROMIUM } from "../../test/chromium";
import { FIRST_PAGE_JS_LIMIT, firstPageJs, gzipSize } from "../e2e/first-page-js";
import { serveDashboard } from "../e2e/serve-dashboard";

const LIST_SIZE = Number(process.env.BENCH_APPLICATIONS ?? 100_000);
// Every page is fetched by scrolling to the bottom: 50 pages of 200 (10,000 rows) show whether the DOM stays small
// and each page stays fast; BENCH_LIST_PAGES=1000 goes to the end (long: the page's cost grows with the rows loaded).
const LIST_PAGES = Number(process.env.BENCH_LIST_PAGES ?? 50);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

type Served = Awaited<ReturnType<typeof serveDashboard>>;

/** What one page load asked the server for: scripts (gzip bytes of the built file) and API requests. */
function watch(page: Page, dist: string) {
  const seen = { scripts: new Set<string>(), api: [] as string[] };
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith("/api/")) seen.api.push(url.pathname);
    else if (url.pathname.endsWith(".js")) seen.scripts.add(url.pathname);
  });
  return {
    ...seen,
    scriptBytes: () => [...seen.scripts].reduce((sum, path) => sum + gzipSize(join(dist, path)), 0),
  };
}

async function signedIn(browser: Browser, base: string, username: string): Promise<Awaited<ReturnType<BrowserContext["storageState"]>>> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await page.getByTestId("signed-in-as").waitFor();
  const state = await context.storageState();
  await context.close();
  return state;
}

/** The overview interactive: the heat map there, no section still loading, the college filter usable. */
async function overviewDrawn(page: Page): Promise<void> {
  await page.getByRole("table", { name: "异动流程热力图" }).waitFor();
  await page.waitForFunction(() => !document.querySelector("main [role=status]"));
  await page.getByRole("combobox", { name: "学院" }).waitFor();
}

async function benchOverview(served: Served, browser: Browser, dist: string, rounds: number): Promise<void> {
  const health: number[] = [];
  const signInPage: number[] = [];
  {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${served.base}/api/health`);
    for (let i = 0; i < 10; i++)
      health.push(await page.evaluate(async () => ((t) => fetch("/api/health").then(() => performance.now() - t))(performance.now())));
    await context.close();
  }
  for (let i = 0; i < rounds; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    signInPage.push(
      await time(async () => {
        await page.goto(`${served.base}/`);
        await page.getByRole("button", { name: "登录" }).waitFor();
      }),
    );
    await context.close();
  }
  const baseline = median(signInPage);
  console.log(`\n## the dashboard's overview on the demo university, headless Chromium, cold cache (median of ${rounds})`);
  console.log(`  /api/health round trip          : ${median(health).toFixed(1)} ms`);
  console.log(`  sign-in page drawn (baseline)   : ${baseline.toFixed(0)} ms`);
  for (const username of ["registrar", "registrar-leader"]) {
    const state = await signedIn(browser, served.base, username);
    const times: number[] = [];
    let requests: string[] = [];
    let scripts = 0;
    let scriptCount = 0;
    for (let i = 0; i < rounds; i++) {
      const context = await browser.newContext({ storageState: state, viewport: { width: 1440, height: 1000 } });
      const page = await context.newPage();
      const seen = watch(page, dist);
      times.push(
        await time(async () => {
          await page.goto(`${served.base}/`);
          await overviewDrawn(page);
        }),
      );
      requests = seen.api;
      scripts = seen.scriptBytes();
      scriptCount = seen.scripts.size;
      await context.close();
    }
    const t = median(times);
    console.log(
      `  overview as ${username.padEnd(16)}  : ${t.toFixed(0)} ms → ${(t / baseline).toFixed(2)}× the sign-in page; ` +
        `${requests.length} API request${requests.length === 1 ? "" : "s"} (goal 1 batch) ${requests.length === 1 ? "✓" : "✗"}; ` +
        `${scriptCount} scripts fetched by then, ${kb(scripts)} gzip`,
    );
  }
}

/**
 * A registrar's office with `count` applications: PostgreSQL when reachable (what such an office runs),
 * else PGlite; 20 colleges of 1,000 students and the applications in one insert (server/bench), served
 * with the built dashboard.
 */
async function serveLongList(dist: string, count: number) {
  const database = (await freshDatabase("postgres")) ?? (await freshDatabase("pglite"));
  if (!database) throw new Error("no database for the list bench");
  const [first] = await seedColleges(database, 20, 1000);
  await insertUser(database.db, {
    username: "registrar",
    displayName: "学籍中心",
    role: "registrar-staff",
    collegeId: null,
    passwordHash: await hashPassword(DEMO_PASSWORD),
  });
  const seeded = await time(() => insertApplications(database.db, { total: count, open: 1000, filedBy: first?.userId ?? 1 }));
  const server = createHttpServer(database, { sites: [{ prefix: "/", root: dist, fallback: "index.html" }] });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    engine: database.engine,
    seeded,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}

async function benchLongList(browser: Browser, dist: string): Promise<void> {
  const served = await serveLongList(dist, LIST_SIZE);
  try {
    await scrollLongList(browser, served);
  } finally {
    await served.close();
  }
}

async function scrollLongList(browser: Browser, served: Awaited<ReturnType<typeof serveLongList>>): Promise<void> {
  const state = await signedIn(browser, served.base, "registrar");
  const context = await browser.newContext({ storageState: state, viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  const answers: number[] = [];
  page.on("requestfinished", (request) => {
    if (request.url().includes("applications.list")) answers.push(request.timing().responseEnd - request.timing().requestStart);
  });
  await page.goto(`${served.base}/applications`);
  const scroller = page.getByTestId("virtual-scroller");
  await scroller.locator("tr[data-index]").first().waitFor();
  // Every change of the table counted, not only the moments we look. (A string: the bench runs under tsx,
  // whose helpers must not leak into the page.)
  await page.evaluate(`(() => {
    const box = document.querySelector("[data-testid=virtual-scroller]");
    const count = () => { window.maxRows = Math.max(window.maxRows || 0, box.querySelectorAll("tr[data-index]").length); };
    count();
    new MutationObserver(count).observe(box, { childList: true, subtree: true });
  })()`);
  // Scrolled in the page, not step by step from here: each step is "to the bottom, until the next page is in".
  const times = (await page.evaluate(`(async (maxPages) => {
    const box = document.querySelector("[data-testid=virtual-scroller]");
    const footer = () => [...document.querySelectorAll("[aria-live=polite]")].map((e) => e.textContent).find((t) => /已全部加载|已加载|正在加载更多/.test(t)) || "";
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const times = [];
    while (times.length < maxPages && !footer().startsWith("已全部加载")) {
      const before = footer();
      const start = performance.now();
      box.scrollTop = box.scrollHeight;
      for (;;) {
        await frame();
        const now = footer();
        if (now !== before && !now.startsWith("正在加载")) break;
        if (performance.now() - start > 60000) throw new Error("no next page: " + now);
      }
      times.push(performance.now() - start);
    }
    box.scrollTop = box.scrollHeight / 2;
    await frame();
    await frame();
    return times;
  })(${LIST_PAGES})`)) as number[];
  const scrolled = times.reduce((a, b) => a + b, 0);
  const maxRows = Number(await page.evaluate("window.maxRows"));
  const middle = await scroller.locator("tr[data-index]").count();
  const loaded = await page.getByText(/已全部加载|已加载/).textContent();
  await context.close();
  console.log(`\n## 学籍异动 with ${LIST_SIZE.toLocaleString("en")} applications on ${served.engine}, headless Chromium (registrar)`);
  console.log(`  bulk insert                     : ${served.seeded.toFixed(0)} ms`);
  console.log(`  ${`${times.length} pages down, then the middle`.padEnd(32)}: ${(scrolled / 1000).toFixed(1)} s; ${loaded}`);
  console.log(
    `  a page, first ten / last ten    : ${median(times.slice(0, 10)).toFixed(0)} ms / ${median(times.slice(-10)).toFixed(0)} ms`,
  );
  console.log(`  pages fetched                   : ${answers.length}; the server's answer, median ${median(answers).toFixed(0)} ms`);
  console.log(`  rows in the DOM                 : at most ${maxRows}, ${middle} in the middle  (goal < 100) ${maxRows < 100 ? "✓" : "✗"}`);
}

export async function benchDashboard(rounds: number): Promise<void> {
  const dist = buildIfStale(FRONT_ENDS.dashboard, (line) => console.log(line));
  if (!dist) throw new Error("the dashboard did not build");
  const { html, pages } = firstPageJs(dist);
  console.log("\n## the dashboard's first page: JavaScript before it is drawn, gzip");
  for (const f of pages.overview.files)
    console.log(`  ${f.file.padEnd(44)} ${kb(f.gzip).padStart(9)}${html.files.some((h) => h.file === f.file) ? "  (index.html)" : ""}`);
  console.log(`  index.html's entry and preloads       : ${kb(html.total)}`);
  for (const [name, sizes] of Object.entries(pages))
    console.log(
      `  ${`${name}, with its lazily loaded parts`.padEnd(38)}: ${kb(sizes.total)} in ${sizes.files.length} files  (goal ≤ ${kb(FIRST_PAGE_JS_LIMIT)}) ${sizes.total <= FIRST_PAGE_JS_LIMIT ? "✓" : "✗"}`,
    );
  if (!existsSync(CHROMIUM)) {
    console.log(`\n## the dashboard in Chromium: skipped (no browser at ${CHROMIUM})`);
    return;
  }
  const served = await serveDashboard();
  const browser = await openBrowser();
  try {
    await benchOverview(served, browser, dist, rounds);
  } finally {
    await served.close();
  }
  try {
    await benchLongList(browser, dist);
  } finally {
    await browser.close();
  }
}
