import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type BrowserContextOptions, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { openChromium, releaseChromium } from "../../test/chromium";
import { serveDashboard } from "./serve-dashboard";
import { type SignInOptions, userWindows } from "./user-windows";

/** Where the e2e files save their screenshots (a reader's check of what the assertions cannot see). */
export const ARTIFACTS = join(import.meta.dirname, "artifacts");

type Served = Awaited<ReturnType<typeof serveDashboard>>;

/**
 * The browser's language, as at a Chinese registrar's desk: what the page is told (navigator.language,
 * Accept-Language). A file about an English browser says so in its options. (A date field's mm/dd/yyyy in the
 * screenshots is headless Chromium's own interface language, which neither this nor `--lang` changes.)
 */
const LOCALE = "zh-CN";

export interface DashboardOptions extends NonNullable<Parameters<typeof serveDashboard>[0]> {
  /** The window of every page opened (1440×1000 unless the file's screenshots need another). */
  viewport?: { width: number; height: number };
  /** Whether its pages keep what they download (a 公示 list, a template) for the test to read. */
  acceptDownloads?: boolean;
  /** The file's own set-up on the served demo, before its first test: the rows its story starts from. */
  setUp?: (served: Served) => Promise<void>;
}

export type PageOptions = Pick<BrowserContextOptions, "viewport" | "acceptDownloads">;

/**
 * The dashboard in Chromium for one e2e file: registers the file's `beforeAll` (the demo served, the browser
 * launched, the file's own set-up) and `afterAll` (both closed). Call it inside `describeInChromium`; its
 * fields are there once the tests run.
 */
export function dashboardInChromium(options: DashboardOptions = {}) {
  const { viewport = { width: 1440, height: 1000 }, acceptDownloads = false, setUp, ...serve } = options;
  let served: Served | undefined;
  let browser: Browser | undefined;
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the dashboard is served in beforeAll: use it inside a test");
    return value;
  };
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    served = await serveDashboard(serve);
    browser = await openChromium(chromium);
    await setUp?.(served);
  }, 300_000);
  afterAll(async () => {
    await releaseChromium(browser);
    await served?.close();
  });

  const windows = userWindows(
    () => harness.browser,
    () => harness.base,
    (page) => page.on("pageerror", (e) => harness.problems.push(e.message)),
  );
  const harness = {
    get served(): Served {
      return ready(served);
    },
    get base(): string {
      return ready(served).base;
    },
    get db(): Served["db"] {
      return ready(served).db;
    },
    get browser(): Browser {
      return ready(browser);
    },
    /** What went wrong in a page's scripts, on every page opened here: a test ends by expecting none. */
    problems: [] as string[],
    /** A new page, its script errors collected in `problems`. */
    async newPage(page: PageOptions = {}): Promise<Page> {
      const opened = await harness.browser.newPage({ viewport, acceptDownloads, locale: LOCALE, ...page });
      opened.on("pageerror", (e) => harness.problems.push(e.message));
      return opened;
    },
    /**
     * A new page of the demo account's own window at `path` (the first page by default), signed in: through the
     * form the first time, or where a `password` is given; by the session the window keeps after that.
     */
    signIn(username: string, options: SignInOptions = {}): Promise<Page> {
      return windows.signIn(username, { viewport, acceptDownloads, locale: LOCALE, ...options });
    },
    /** The student's card, found by 学号 on the students page. */
    async openStudent(page: Page, studentNo: string): Promise<void> {
      await page.goto(`${harness.base}/students?q=${studentNo}&open=${studentNo}`);
    },
  };
  return harness;
}
