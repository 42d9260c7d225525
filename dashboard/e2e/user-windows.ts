import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { DEMO_PASSWORD } from "../../server/src/demo/seed-demo";

export type WindowOptions = Pick<BrowserContextOptions, "viewport" | "acceptDownloads" | "locale">;

export interface SignInOptions extends WindowOptions {
  /** The address opened (the dashboard's first page by default): the sign-in form shows in place, the page after it. */
  path?: string;
  /** Another password than the demo's: then the form is always filled, in a window of its own. */
  password?: string;
}

/**
 * Each demo user's own browser window (a browser context, its cookies and cache) for one e2e file, as people at
 * their own desks have: a user signs in through the form the first time, and when they come back later in the
 * story their session is still there, as it would be in their browser. A new context cost Chromium ~0.8 CPU-s
 * and the page ~1.9 s before the form was filled; a page in a context already signed in, ~0.4 CPU-s and 0.6 s.
 * A session that ended (signed out, password reset) shows the form again, which is then filled.
 */
export function userWindows(browser: () => Browser, base: () => string, onPage: (page: Page) => void = () => {}) {
  const contexts = new Map<string, Promise<BrowserContext>>();
  /** Each window's tab that an earlier test left open: the user's next page opens in it, by the app's own links. */
  const tabs = new Map<string, Page>();
  const contextOf = (key: string, options: WindowOptions): Promise<BrowserContext> => {
    const known = contexts.get(key);
    if (known) return known;
    const opened = browser().newContext(options);
    contexts.set(key, opened);
    // A test that closes the window (to sign that user out of everything) gets a new one next time.
    void opened.then((context) => context.on("close", () => contexts.delete(key)));
    return opened;
  };
  return {
    /**
     * `username`'s window at `path`, signed in (through the form unless the session still holds): in the tab an
     * earlier test left open there, by the app's own link, or else in a new tab opened at that address.
     */
    async signIn(username: string, options: SignInOptions = {}): Promise<Page> {
      const { path = "/", password, ...windowOptions } = options;
      const key = JSON.stringify([username, windowOptions]);
      const open = password ? undefined : tabs.get(key);
      let page: Page;
      // The tab an earlier test left on the dashboard (not closed, not away at a sign-on portal) takes the next page.
      if (open && !open.isClosed() && open.url().startsWith(`${base()}/`)) {
        page = open;
        await followInApp(page, path);
      } else {
        const context = password ? await browser().newContext(windowOptions) : await contextOf(key, windowOptions);
        page = await context.newPage();
        if (!password) tabs.set(key, page);
        onPage(page);
        await page.goto(`${base()}${path}`);
      }
      const shell = page.getByTestId("signed-in-as");
      await shell
        .or(page.getByRole("button", { name: "登录", exact: true }))
        .first()
        .waitFor();
      if (await shell.isVisible()) return page;
      await fillSignIn(page, username, password);
      return page;
    },
  };
}

/**
 * Goes to `path` inside the dashboard, as a link in it does: the app's router takes the address (TanStack Router
 * follows `history.pushState` from outside it, @tanstack/history's browser history), with no page load. A page
 * loaded again cost Chromium ~0.8 CPU-s and the server its first queries again; a link followed, ~0.2.
 * Deep links are still what each window's first page is opened by.
 */
export async function followInApp(page: Page, path: string): Promise<void> {
  const target = new URL(path, page.url());
  if (target.href === page.url()) return;
  await page.evaluate((to) => {
    const index = ((history.state as { __TSR_index?: number } | null)?.__TSR_index ?? 0) + 1;
    const key = Math.random().toString(36).slice(2, 10);
    history.pushState({ __TSR_index: index, key, __TSR_key: key }, "", to);
  }, `${target.pathname}${target.search}${target.hash}`);
}

/** Signs in through the form the page shows, as a user types it, and waits for the dashboard to name them. */
export async function fillSignIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await page.getByTestId("signed-in-as").waitFor();
}
