import { describe, expect, it } from "vitest";
import { auditActionName, auditEntitiesFor, auditEntityName } from "./audit-vocabulary";
import { describeAuditChange } from "./describe-change";

describe("the audit log in the reader's words", () => {
  it("names actions and kinds instead of showing their keys", () => {
    expect(auditActionName("sheet.reject", "zh-CN")).toBe("退回核对表");
    expect(auditEntityName("graduation_cohort", "zh-CN")).toBe("毕业审核（届次）");
    expect(auditActionName("graduation.execute", "en")).toBe("Carried out the graduation list");
    // An action not named yet still says what it was about.
    expect(auditActionName("application.archive", "zh-CN")).toBe("学籍异动 · application.archive");
  });

  it("shows before/after as named fields with code values by name", () => {
    const rows = describeAuditChange(
      { stage: "execution", version: 4 },
      { stage: "reported", version: 5, noticeNo: "2026-0001", changes: [{ field: "status", before: "enrolled", after: "suspended" }] },
      "zh-CN",
    );
    expect(rows).toContainEqual({ field: "学籍状态", before: "在读", after: "休学" });
    expect(rows).toContainEqual({ field: "环节", before: "办理", after: "上报" });
    expect(rows).toContainEqual({ field: "通知单编号", before: "", after: "2026-0001" });
    expect(describeAuditChange({ state: "submitted" }, { state: "rejected", reason: null }, "zh-CN")).toEqual([
      { field: "状态", before: "待审核", after: "已退回" },
      { field: "原因", before: "", after: "—" },
    ]);
    expect(describeAuditChange(null, { disabled: true }, "zh-CN")).toEqual([{ field: "已停用", before: "", after: "是" }]);
  });

  it("opens the registrar's own events to its staff and keeps account administration from them", () => {
    expect(auditEntitiesFor("registrar-leader")).toBeNull();
    expect(auditEntitiesFor("admin")).toBeNull();
    const staff = auditEntitiesFor("registrar-staff") ?? [];
    expect(staff).toEqual(expect.arrayContaining(["application", "sheet_submission", "registration", "graduation_cohort"]));
    expect(staff).not.toContain("user");
    expect(staff).not.toContain("setting");
    expect(auditEntitiesFor("secretary")).toEqual([]);
  });
});
