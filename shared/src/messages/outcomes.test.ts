import { describe, expect, it } from "vitest";
import { graduationReasonText, standingPreviewSummary } from "./outcomes";

describe("standing outcomes and graduation reasons in the reader's language", () => {
  const changes = [
    { from: "none", to: "warning-1", count: 1 },
    { from: "repeat", to: "dismissal", count: 2 },
  ] as const;

  it("summarises a standing-rules preview in Chinese and in English", () => {
    expect(standingPreviewSummary(changes, "zh-CN")).toBe("1 名学生新增一级学业警示；2 名学生由留级变为退学");
    expect(standingPreviewSummary(changes, "en")).toBe(
      "1 student newly gets level-1 academic warning; 2 students move from repeating the year to dismissal",
    );
    expect(standingPreviewSummary([], "en")).toBe("No change");
  });

  it("gives every graduation reason a sentence in each language, with its figures", () => {
    const reason = { code: "credits-short", earned: 150.5, required: 160 } as const;
    expect(graduationReasonText(reason, "zh-CN")).toBe("已获学分 150.5，未达到毕业要求的 160 学分");
    expect(graduationReasonText(reason, "en")).toBe("150.5 credits earned, short of the 160 required");
    expect(graduationReasonText({ code: "photo-missing" }, "en")).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
