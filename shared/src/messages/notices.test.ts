import { describe, expect, it } from "vitest";
import { errorCatalogue } from "./errors";
import { formatNotice, type NoticeCode, noticeCatalogue } from "./notices";

const params = (text: string) => new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));

describe("notices and errors in both languages", () => {
  it.each(Object.keys(noticeCatalogue) as NoticeCode[])("%s has Chinese and English with the same parameters", (code) => {
    expect(noticeCatalogue[code]["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
    expect(params(noticeCatalogue[code]["zh-CN"])).toEqual(params(noticeCatalogue[code].en));
  });

  it.each(Object.keys(errorCatalogue) as Array<keyof typeof errorCatalogue>)(
    "error %s has the same parameters in both languages",
    (code) => {
      expect(params(errorCatalogue[code]["zh-CN"])).toEqual(params(errorCatalogue[code].en));
    },
  );

  it("fills a notice", () => {
    expect(formatNotice("calendar.holidays-missing", { academicYear: "2026-2027", years: "2027" })).toMatch(
      /^2026-2027 学年跨越的 2027 年/,
    );
  });
});
