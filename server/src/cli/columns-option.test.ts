import { AppError } from "@xueji/shared";
import { describe, expect, it } from "vitest";
import { parseColumnsOption } from "./columns-option";

function refusal(text: string, locale: "zh-CN" | "en" = "zh-CN"): string {
  try {
    parseColumnsOption(text, locale);
  } catch (error) {
    if (error instanceof AppError) return error.userMessage(locale);
    throw error;
  }
  throw new Error(`accepted: ${text}`);
}

describe("--columns", () => {
  it("takes a field's Chinese header, a header spelling the reader knows, or its key; - and 不检查 for not checked", () => {
    expect(parseColumnsOption("F=身份证号,G=-", "zh-CN")).toEqual({ F: "idNumber", G: null });
    expect(parseColumnsOption(" f = idNumber ，h=不检查, I=学生姓名", "zh-CN")).toEqual({ F: "idNumber", H: null, I: "name" });
    expect(parseColumnsOption("AA=none", "en")).toEqual({ AA: null });
  });

  it("refuses what the server refuses, in the same words, naming the entry as typed", () => {
    expect(refusal("F=籍贯")).toBe("用法错误：“F=籍贯”所选的字段不存在");
    expect(refusal("1=姓名")).toBe("用法错误：“1=姓名”不是工作表中的列（列应写作 A、B … 这样的列字母）");
    expect(refusal("F=身份证号,G=idNumber")).toBe("用法错误：“G=idNumber”所选的字段已指定给另一列，一个字段只能对应一列");
    expect(refusal("F=籍贯", "en")).toBe("Usage error: “F=籍贯” names a field that does not exist");
    expect(refusal("F身份证号")).toContain("应写作“列字母=字段”");
    expect(refusal("F=姓名,f=学号")).toContain("给了 F 列两次");
  });
});
