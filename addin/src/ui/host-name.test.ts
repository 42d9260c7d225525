import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
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
});
