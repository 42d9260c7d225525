import type { WpsApplication } from "./wps-host";

/**
 * The runtime host check: the WPS entry page is meant for WPS 表格, but the same URL may be opened in
 * WPS 文字, in a browser, or in a personal WPS build without JS API plugins. Only an `Application`
 * that answers with an active worksheet is WPS 表格; anything else runs the pane in file mode.
 */
export function wpsSpreadsheet(scope: { Application?: unknown; wps?: unknown }): WpsApplication | null {
  const app = (scope.Application ?? scope.wps) as WpsApplication | undefined;
  if (!app || typeof app !== "object") return null;
  try {
    const sheet = app.ActiveSheet;
    return sheet && typeof sheet === "object" && "UsedRange" in sheet && app.ActiveWorkbook ? app : null;
  } catch {
    return null;
  }
}
