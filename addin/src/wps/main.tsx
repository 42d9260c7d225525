import { SEVERITY_FILL } from "@xueji/theme/severity";
import { createRoot } from "react-dom/client";
import { paneLocale, startI18n } from "../i18n/i18n";
import { App } from "../ui/App";
import { wpsSpreadsheet } from "./detect";
import { installPolyfills } from "./polyfills";
import { WpsHost } from "./wps-host";

/**
 * The pane inside WPS 表格 (wps/pane.html, opened by the ribbon's 学籍核对 button): no office.js. When
 * WPS's `Application` answers with a worksheet the pane works on the open sheet through WpsHost;
 * otherwise (a browser, WPS 文字, a personal build) it runs in file mode, as index.html does.
 */
async function start() {
  installPolyfills();
  const locale = paneLocale();
  const app = wpsSpreadsheet(globalThis as { Application?: unknown; wps?: unknown });
  const host = app ? new WpsHost(app, { fills: SEVERITY_FILL, notePrefix: locale === "en" ? "Xueji check" : "学籍核对" }) : null;
  await startI18n(locale);
  createRoot(document.getElementById("root") as HTMLElement).render(<App excel={host} locale={locale} />);
}

void start();
