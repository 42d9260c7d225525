import { describe, expect, it } from "vitest";
import { auditEntityIdLabel } from "./audit-vocabulary";

describe("an audited object as a reader knows it", () => {
  it("names a setting by its kind, and its key where the kind has several", () => {
    expect(auditEntityIdLabel("setting", "standing-rules/default", "zh-CN")).toBe("学业预警规则");
    expect(auditEntityIdLabel("setting", "workflow/suspension", "zh-CN")).toBe("学籍异动流程 · 休学");
    expect(auditEntityIdLabel("setting", "sheet-template/roster-new", "en")).toMatch(/^Check-sheet templates · /);
    expect(auditEntityIdLabel("setting", "unknown-kind/x", "zh-CN")).toBe("unknown-kind/x");
    expect(auditEntityIdLabel("application", "12", "zh-CN")).toBe("12");
    expect(auditEntityIdLabel("sheet_submission", "2352cac2-7f1e-423b-b190-7effaef8f213", "zh-CN")).toBe("2352CAC2");
  });
});
