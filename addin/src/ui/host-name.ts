import type { TFunction } from "i18next";
import type { SheetHost } from "../host/sheet-host";

/**
 * The spreadsheet the pane runs in, as its messages name it: WPS 表格 inside WPS, Excel inside
 * Excel, and in file mode the software the file came from, which the pane cannot know.
 */
export function hostName(host: Pick<SheetHost, "mode"> | null, t: TFunction): string {
  if (host?.mode === "wps") return t("app.wpsMode");
  if (host?.mode === "excel") return t("app.excelMode");
  return t("app.anySpreadsheet");
}
