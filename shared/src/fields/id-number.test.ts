import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { numberCell, textCell } from "../cell";
import { checkCharacter, parseIdNumber, upgradeLegacyId } from "./id-number";

const codes = (r: { issues: Array<{ code: string }> }) => r.issues.map((i) => i.code);

/** Random valid 17-digit prefixes: a real province, a real date, any sequence. */
const first17 = fc
  .record({
    province: fc.constantFrom("11", "31", "43", "44", "51", "65"),
    rest: fc.integer({ min: 0, max: 9999 }),
    date: fc.date({ min: new Date("1930-01-01T00:00:00Z"), max: new Date("2015-12-31T00:00:00Z"), noInvalidDate: true }),
    seq: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ province, rest, date, seq }) => {
    const ymd = date.toISOString().slice(0, 10).replace(/-/g, "");
    return `${province}${String(rest).padStart(4, "0")}${ymd}${String(seq).padStart(3, "0")}`;
  });

describe("身份证号 (GB 11643-1999)", () => {
  it("accepts the standard's own example", () => {
    const r = parseIdNumber(textCell("11010519491231002X"));
    expect(r.issues).toEqual([]);
    expect(r.value).toMatchObject({ kind: "resident", birthDate: "1949-12-31", gender: "2" });
  });

  it("property: a number with its MOD 11-2 check character is valid, and derives date and gender", () => {
    fc.assert(
      fc.property(first17, (f) => {
        const r = parseIdNumber(textCell(f + checkCharacter(f)));
        expect(r.issues).toEqual([]);
        expect(r.value?.birthDate?.replace(/-/g, "")).toBe(f.slice(6, 14));
        expect(r.value?.gender).toBe(Number(f[16]) % 2 === 1 ? "1" : "2");
      }),
    );
  });

  it("property: any single wrong character is caught by the check character", () => {
    fc.assert(
      fc.property(first17, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 9 }), (f, pos, delta) => {
        const good = f + checkCharacter(f);
        const alphabet = pos === 17 ? "0123456789X" : "0123456789";
        const at = alphabet.indexOf(good[pos] as string);
        const bad = good.slice(0, pos) + alphabet[(at + delta) % alphabet.length] + good.slice(pos + 1);
        const r = parseIdNumber(textCell(bad));
        expect(r.issues.some((i) => i.severity === "error")).toBe(true);
      }),
    );
  });

  it("says in plain words that a number cell past 15 digits lost its tail", () => {
    // biome-ignore lint/correctness/noPrecisionLoss: what Excel stores when an ID is typed as a number
    const r = parseIdNumber(numberCell(430103200405011234));
    expect(r.value).toBeNull();
    expect(r.issues).toMatchObject([{ code: "id.precision-lost", severity: "error", params: { shown: "4.30103E+17" } }]);
  });

  it("treats the scientific-notation text of a CSV as the same damage", () => {
    expect(codes(parseIdNumber(textCell("4.30103E+17")))).toEqual(["id.precision-lost"]);
  });

  it("normalises full-width digits, spaces, zero-width characters and a lower-case x, with a warning", () => {
    const r = parseIdNumber(textCell(" １１０１０５ 19491231002x\u200B"));
    expect(r.value?.id).toBe("11010519491231002X");
    expect(r.issues).toMatchObject([{ code: "id.normalised", severity: "warning", suggestion: "11010519491231002X" }]);
  });

  it("flags a legacy 15-digit number and offers its 18-digit form", () => {
    const r = parseIdNumber(textCell("110105491231002"));
    expect(r.value).toMatchObject({ kind: "legacy-15", birthDate: "1949-12-31", gender: "2" });
    expect(r.issues).toMatchObject([{ code: "id.legacy-15", suggestion: "11010519491231002X" }]);
    expect(upgradeLegacyId("110105491231002")).toBe("11010519491231002X");
  });

  it("reports a bad region, an impossible birth date and a wrong check digit", () => {
    const badRegion = "990105194912310021";
    expect(codes(parseIdNumber(textCell(badRegion)))).toContain("id.checksum");
    const f = "00010519491231002";
    expect(codes(parseIdNumber(textCell(f + checkCharacter(f))))).toEqual(["id.region"]);
    const g = "11010519490231002";
    expect(codes(parseIdNumber(textCell(g + checkCharacter(g))))).toEqual(["id.birth-date"]);
    expect(parseIdNumber(textCell("110105194912310021")).issues).toMatchObject([
      { code: "id.checksum", params: { expected: "X", actual: "1" } },
    ]);
  });

  it("knows residence permits of Hong Kong, Macau and Taiwan residents", () => {
    const f = "83000019900101123";
    const r = parseIdNumber(textCell(f + checkCharacter(f)));
    expect(r.value).toMatchObject({ kind: "permit-hkmotw", birthDate: "1990-01-01", gender: "1" });
    expect(r.issues).toMatchObject([{ code: "id.permit-hkmotw", severity: "info", params: { region: "台湾" } }]);
  });

  it("knows both versions of the foreigners' permanent-residence ID", () => {
    const f = "93184019900101123";
    expect(parseIdNumber(textCell(f + checkCharacter(f))).value).toMatchObject({ kind: "foreign-permanent", birthDate: "1990-01-01" });
    expect(parseIdNumber(textCell("USA110090010112")).value).toMatchObject({ kind: "foreign-permanent" });
  });

  it("accepts a passport only where the row says the document is a passport", () => {
    expect(codes(parseIdNumber(textCell("E12345678")))).toEqual(["id.format"]);
    expect(parseIdNumber(textCell("E12345678"), { documentType: "护照" }).value).toMatchObject({ kind: "passport" });
  });

  it("warns that a short number in a number cell is fragile", () => {
    expect(codes(parseIdNumber(numberCell(110105491231002)))).toEqual(["id.stored-as-number", "id.legacy-15"]);
  });
});
