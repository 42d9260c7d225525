import { describe, expect, it } from "vitest";
import { statusGuard } from "../status/guards";

describe("seed 000 八 学历（学位）勘误: the only change to a graduate's identity data", () => {
  it("lets a graduate's identity change only through 学历勘误, and 学历勘误 only for a graduate", () => {
    expect(statusGuard("record-correction", "graduated")).toBeNull();
    expect(statusGuard("identity-change", "graduated")?.code).toBe("application.identity-closed");
    expect(statusGuard("record-correction", "enrolled")?.code).toBe("application.correction-graduates-only");
    expect(statusGuard("identity-change", "enrolled")).toBeNull();
  });
});
