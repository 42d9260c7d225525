import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalArraySteps, canonicalSha256 } from "./canonical-hash";
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
      // Keys JavaScript puts first whatever their order (array indexes), which canonical JSON sorts as text.
      { b: 1, 10: "ten", 2: "two", a: [{ 1: null, "01": true, "": 0 }] },
      [new Date(0), new Uint8Array([3, 4]), [undefined, 1]],
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
    // A row the native path cannot write (an index-like key) among thousands it can: that slice is walked.
    const odd = grid.map((row, i) => (i === 1_234 ? { ...row, extra: { 7: "x", 3: "y" } } : row));
    expect(canonicalSha256(odd)).toBe(sha(canonicalJson(odd)));
    expect(canonicalArraySteps(odd, 700).digest()).toBe(sha(canonicalJson(odd)));
  });

  it("gives the same digest a slice at a time, bare or inside an object with keys on either side", () => {
    const rows = Array.from({ length: 2_500 }, (_, i) => ({ row: i, cells: [{ value: `学生${i}`, type: "string" }] }));
    for (const slice of [1, 7, 1000, 5000]) {
      const bare = canonicalArraySteps(rows, slice);
      let steps = 0;
      while (bare.step()) steps++;
      expect(steps).toBe(Math.ceil(rows.length / slice) - 1);
      expect(bare.digest()).toBe(canonicalSha256(rows));
      const around = { columns: { 学号: "B" }, zed: [1, null] };
      expect(canonicalArraySteps(rows, slice, { key: "grid", around }).digest()).toBe(canonicalSha256({ grid: rows, ...around }));
    }
    expect(canonicalArraySteps([], 10).digest()).toBe(canonicalSha256([]));
    expect(canonicalArraySteps([], 10, { key: "grid", around: {} }).digest()).toBe(canonicalSha256({ grid: [] }));
  });
});
