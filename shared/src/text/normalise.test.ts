import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compactText, matchKey, tidyText, toHalfWidth } from "./normalise";

// The clean-ups as three plain passes each, without the shortcut that returns untouched text at once.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const ANY_SPACE = /[\s\u00A0\u3000\u2000-\u200A\u202F\u205F]+/g;
function halfWidthByHand(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    out += code >= 0xff01 && code <= 0xff5e ? String.fromCodePoint(code - 0xfee0) : code === 0x3000 ? " " : ch;
  }
  return out;
}
const compactByHand = (t: string) => halfWidthByHand(t).replace(INVISIBLE, "").replace(ANY_SPACE, "");
const tidyByHand = (t: string) => halfWidthByHand(t).replace(INVISIBLE, "").replace(ANY_SPACE, " ").trim();

// Cells as typed: CJK, ASCII, full-width forms, every kind of space and invisible character, lone surrogates.
const piece = fc.oneof(
  fc.constantFrom(
    "张",
    "三",
    "·",
    "汉族",
    "2026",
    "Ｘ",
    "１２",
    "\u3000",
    "\u00A0",
    "\u200B",
    "\uFEFF",
    "\u00AD",
    "\t",
    "\n",
    " ",
    "\u2009",
  ),
  fc.constantFrom("\u202F", "\u205F", "\u0007", "\u0085", "\u1680", "\u2028", "\uD800", "\uFF5E", "\uFF5F", "\uFF00", "a", "Z"),
  fc.string({ unit: "binary", maxLength: 4 }),
);
const cellText = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(""));

describe("text clean-up", () => {
  it("gives what the three passes give, whether or not the text needed cleaning", () => {
    fc.assert(
      fc.property(cellText, (text) => {
        expect(toHalfWidth(text)).toBe(halfWidthByHand(text));
        expect(compactText(text)).toBe(compactByHand(text));
        expect(tidyText(text)).toBe(tidyByHand(text));
        expect(matchKey(text)).toBe(compactByHand(text).toLowerCase());
      }),
      { numRuns: 5000 },
    );
  });

  it("returns text that needs nothing as it is, and cleans the rest", () => {
    expect(compactText("计算机科学与技术")).toBe("计算机科学与技术");
    expect(tidyText("  张\u3000三\u200B ")).toBe("张 三");
    expect(compactText("４３０１０３\u00A02006 0101")).toBe("43010320060101");
  });
});
