/**
 * What an organisation's WPS Office needs to load the pane as a WPS 加载项 (docs/operations.md, “WPS
 * 表格”): the plugin list `jsplugins.xml`, with one online plugin of type `et` (WPS 表格) whose folder
 * is the pane's /addin/wps/ (ribbon.xml and main.js, served by this server), and the `oem.ini` lines
 * that point WPS at that list. Enterprise builds of WPS read oem.ini; personal builds do not (they
 * keep file mode).
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";

/** The plugin's name in jsplugins.xml (WPS keys its cache by it). */
export const WPS_PLUGIN_NAME = "xueji";
/** Where the plugin folder and its list are served, under the pane. */
export const WPS_PLUGIN_PATH = "/addin/wps/";

export function wpsPluginsXml(origin: string, version: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- 学籍核对 · WPS 表格加载项列表。WPS reads this through oem.ini's JSPluginsServer. -->
<jsplugins>
  <jspluginonline name="${WPS_PLUGIN_NAME}" type="et" url="${origin}${WPS_PLUGIN_PATH}" version="${version}" enable="enable" />
</jsplugins>
`;
}

/** Where oem.ini lives, by system: the school's IT adds the lines to its [Support] and [Server] sections. */
export const OEM_INI_PATHS = [
  { system: "Windows", path: String.raw`C:\Program Files (x86)\Kingsoft\WPS Office\<版本>\office6\cfgs\oem.ini` },
  { system: "Windows (per user)", path: String.raw`%LOCALAPPDATA%\Kingsoft\WPS Office\<版本>\office6\cfgs\oem.ini` },
  { system: "UOS", path: "/opt/kingsoft/wps-office/office6/cfgs/oem.ini" },
  { system: "Kylin (银河麒麟)", path: "/opt/kingsoft/wps-office/office6/cfgs/oem.ini" },
];

export function wpsOemIni(origin: string): string {
  const where = OEM_INI_PATHS.map(({ system, path }) => `;   ${system}: ${path}`).join("\n");
  return `; 学籍核对 · WPS 表格加载项：把下面两节并入 WPS 的 oem.ini（需要企业版 WPS；个人版不读取 oem.ini，只能用文件模式）。
; Add these sections to WPS's oem.ini (enterprise WPS builds only; personal builds ignore it and keep file mode).
; oem.ini:
${where}
[Support]
JsApiPlugin=true
[Server]
JSPluginsServer=${origin}${WPS_PLUGIN_PATH}jsplugins.xml
`;
}

/** The add-in's version in manifest.xml, which the plugin list carries too (WPS reloads a plugin whose version changed). */
export async function addinVersion(): Promise<string> {
  const xml = await readFile(join(import.meta.dirname, "../../../manifest.xml"), "utf8");
  return /<Version>([^<]+)<\/Version>/.exec(xml)?.[1] ?? "1.0.0.0";
}
