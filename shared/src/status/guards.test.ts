import { describe, expect, it } from "vitest";
import { identityChangeAllowed, identityChangeRefusal, statusGuard } from "./guards";

describe("status guards", () => {
  it("seed 000 八: 学籍信息修改 only while the 学籍 is live; 学历勘误 only for a graduate", () => {
    for (const status of ["admitted", "reported", "enrolled", "suspended", "admission-kept"] as const)
      expect(identityChangeAllowed(status, "学籍信息修改")).toBe(true);
    for (const status of ["graduated", "completed", "withdrawn", "expelled", "status-cancelled", "deceased"] as const)
      expect(identityChangeAllowed(status, "学籍信息修改")).toBe(false);
    expect(identityChangeAllowed("graduated", "学历勘误")).toBe(true);
    expect(identityChangeAllowed("enrolled", "学历勘误")).toBe(false);
    expect(identityChangeAllowed("withdrawn", "学历勘误")).toBe(false);
    expect(identityChangeRefusal("graduated", "学籍信息修改")).toEqual({
      code: "application.identity-closed",
      params: { status: "graduated" },
    });
    expect(identityChangeRefusal("enrolled", "学历勘误")?.code).toBe("application.correction-graduates-only");
  });

  it("seed 004 5 放弃入学资格, 7 复学: the transition 办理 would refuse is known before it", () => {
    expect(statusGuard("resumption", "enrolled")?.code).toBe("application.transition-refused");
    expect(statusGuard("resumption", "suspended")).toBeNull();
    expect(statusGuard("give-up-admission", "enrolled")?.code).toBe("application.transition-refused");
    expect(statusGuard("give-up-admission", "reported")).toBeNull();
    // 退学处理 of a 休学 student is 休学期满未复学.
    expect(statusGuard("dismissal", "suspended")).toBeNull();
    expect(statusGuard("identity-change", "deceased")?.code).toBe("application.identity-closed");
  });
});
