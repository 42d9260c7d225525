import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { toPaneIssues } from "../check/check-result";
import type { SheetHost } from "../host/sheet-host";
import { en } from "../i18n/en";
import { zhCN } from "../i18n/zh-CN";
import { hostName } from "./host-name";

const host = (mode: SheetHost["mode"]): Pick<SheetHost, "mode"> => ({ mode });

describe("the pane's messages name the spreadsheet it runs in", () => {
  beforeAll(() =>
    i18next.init({
      lng: "zh-CN",
      resources: { "zh-CN": { translation: zhCN }, en: { translation: en } },
      interpolation: { escapeValue: false },
    }),
  );

  it("says WPS 表格 inside WPS, Excel inside Excel, and both in file mode, in Chinese and English", async () => {
    const t = i18next.t.bind(i18next);
    const restored = (mode: SheetHost["mode"] | null) => t("fix.fromRecordIntro", { host: hostName(mode ? host(mode) : null, t) });
    expect(restored("wps")).toMatch(/^以下身份证号被 WPS 表格 存成数字后丢失了末几位/);
    expect(restored("wps")).not.toMatch(/Excel/);
    expect(restored("excel")).toMatch(/^以下身份证号被 Excel 存成数字/);
    expect(restored(null)).toMatch(/^以下身份证号被 Excel 或 WPS 表格 存成数字/);
    await i18next.changeLanguage("en");
    expect(restored("wps")).toMatch(/^WPS Spreadsheets stored these ID numbers as numbers/);
    await i18next.changeLanguage("zh-CN");
  });

  it("words the sheet's issues for the host, not as the server worded them", () => {
    // The server's answer says Excel (it cannot know the host); the pane words it again.
    const fromServer = {
      row: 5,
      column: "C",
      field: "idNumber",
      code: "id.precision-lost",
      severity: "error" as const,
      params: { shown: "4.30103E+17" },
      message: "身份证号被 Excel 存成了数字（显示为 4.30103E+17）……",
    };
    const [wps] = toPaneIssues([fromServer], "zh-CN", "wps");
    expect(wps?.message).toMatch(/^身份证号被 WPS 表格 存成了数字（显示为 4\.30103E\+17），WPS 表格 只保留 15 位有效数字/);
    expect(toPaneIssues([fromServer], "zh-CN", "excel")[0]?.message).toMatch(/^身份证号被 Excel 存成了数字/);
    expect(toPaneIssues([fromServer], "en", "file")[0]?.message).toMatch(/^The ID number was stored by Excel or WPS Spreadsheets/);
    // A code this pane does not know keeps the server's words.
    expect(toPaneIssues([{ ...fromServer, code: "record.newer" }], "zh-CN", "wps")[0]?.message).toBe(fromServer.message);
  });
});
