import { describe, expect, it } from "vitest";
import { createWpsDouble } from "../../test/wps-double";
import { wpsSpreadsheet } from "./detect";
import { installPolyfills } from "./polyfills";

describe("the WPS entry's runtime checks", () => {
  it("takes WPS 表格's Application, and falls back to file mode for a browser or WPS 文字", () => {
    const wps = createWpsDouble({ sheets: [{ name: "Sheet1", cells: {} }] });
    expect(wpsSpreadsheet({ Application: wps.application })).toBe(wps.application);
    expect(wpsSpreadsheet({ wps: wps.application })).toBe(wps.application);
    expect(wpsSpreadsheet({})).toBeNull();
    // WPS 文字: an Application with documents, no worksheet.
    expect(wpsSpreadsheet({ Application: { ActiveDocument: {}, ActiveSheet: undefined } })).toBeNull();
    expect(
      wpsSpreadsheet({
        Application: {
          get ActiveSheet() {
            throw new Error("没有活动工作表");
          },
        },
      }),
    ).toBeNull();
  });

  it("gives an older Chromium crypto.randomUUID (version 4 UUIDs), and leaves a present one alone", () => {
    const crypto = { getRandomValues: (a: Uint8Array) => globalThis.crypto.getRandomValues(a) } as unknown as Crypto;
    installPolyfills({ crypto });
    const ids = new Set(Array.from({ length: 100 }, () => crypto.randomUUID()));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const native = globalThis.crypto.randomUUID;
    installPolyfills({ crypto: globalThis.crypto });
    expect(globalThis.crypto.randomUUID).toBe(native);
  });
});
