import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalSha256 } from "./canonical-hash";
import { canonicalJson } from "./canonical-json";

const sha = (s: string) => createHash("sha256").update(s).digest("hex");

describe("canonicalSha256", () => {
  it("is the SHA-256 of canonicalJson, for odd values too", () => {
    const values: unknown[] = [
      null,
      undefined,
      0,
      -1.5e300,
      Number.NaN,
      '学籍 \u2028 "quoted" \\ \ud83d\ude00',
      true,
      [],
      {},
      { b: 1, a: [undefined, null, { z: undefined, y: "x" }], c: { "": 2, 键: [1, "2"] } },
      [
        { value: null, type: "empty" },
        { type: "string", value: "2025010001", format: "@" },
      ],
    ];
    for (const v of values) expect(canonicalSha256(v)).toBe(sha(canonicalJson(v)));
  });

  it("matches over a grid far past one flush, with characters outside the BMP at the pieces' edges", () => {
    const grid = Array.from({ length: 20_000 }, (_, i) => ({
      row: i + 3,
      cells: [
        { value: `2025${String(i).padStart(6, "0")}`, type: "string" },
        { value: i % 7 ? `学生${"𠀀".repeat(i % 5)}` : null, type: i % 7 ? "string" : "empty" },
        { type: "number", value: i * 1.25, format: "0.00" },
      ],
    }));
    expect(canonicalSha256(grid)).toBe(sha(canonicalJson(grid)));
  });
});
