import { join } from "node:path";
import type { Locator } from "playwright-core";
import { expect, it } from "vitest";
import { describeInChromium, settled } from "../../test/chromium";
import { ARTIFACTS, dashboardInChromium } from "./harness";
import { fillSignIn } from "./user-windows";

// On a 1024-px office screen the 学籍异动 list is wider than the window: scrolled sideways, who the row is about
// (编号, 学号, 姓名) and what is due (办理期限, with 逾期) must stay in view.
describeInChromium("学籍异动 at 1024 px, in Chromium against the demo", () => {
  const dashboard = dashboardInChromium();

  /** Whether the element lies wholly inside the box that scrolls (not scrolled out of it). */
  async function inside(element: Locator, box: Locator): Promise<boolean> {
    const [e, b] = [await element.boundingBox(), await box.boundingBox()];
    return !!e && !!b && e.x >= b.x - 1 && e.x + e.width <= b.x + b.width + 1;
  }

  it("keeps 学号, 姓名 and 办理期限 in view when the list is scrolled to either side", async () => {
    const page = await dashboard.newPage({ viewport: { width: 1024, height: 768 } });
    await page.goto(`${dashboard.base}/applications?cols=id,studentNo,name,college,type,stage,state,filed,due,noticeNo,reason`);
    await fillSignIn(page, "registrar");
    const scroller = page.getByTestId("virtual-scroller");
    await scroller.locator("tbody tr[data-index]").first().waitFor();
    const header = (name: string) => scroller.getByRole("columnheader", { name, exact: true });
    // Wider than its box: there is something to scroll.
    expect(await scroller.evaluate((box) => box.scrollWidth > box.clientWidth)).toBe(true);
    for (const end of ["right", "left"] as const) {
      await scroller.evaluate((box, to) => box.scrollTo({ left: to === "right" ? box.scrollWidth : 0 }), end);
      await settled(page);
      for (const name of ["学号", "姓名", "办理期限"]) expect(await inside(header(name), scroller), `${name} at the ${end}`).toBe(true);
    }
    await scroller.evaluate((box) => box.scrollTo({ left: box.scrollWidth }));
    await page.screenshot({ path: join(ARTIFACTS, "applications-1024-scrolled.png") });
    await page.close();
  }, 120_000);
});
