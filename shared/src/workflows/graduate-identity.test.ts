import { describe, expect, it } from "vitest";
import { mayChangeIdentity } from "./graduate-identity";

describe("seed 000 八 学历（学位）勘误: the only change to a graduate's identity data", () => {
  it("lets a graduate's identity change only through 学历勘误, and 学历勘误 only for a graduate", () => {
    expect(mayChangeIdentity("record-correction", "graduated")).toBe(true);
    expect(mayChangeIdentity("identity-change", "graduated")).toBe(false);
    expect(mayChangeIdentity("record-correction", "enrolled")).toBe(false);
    expect(mayChangeIdentity("identity-change", "enrolled")).toBe(true);
  });
});
