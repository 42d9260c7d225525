import { describe, expect, it } from "vitest";
import { isReceiptCode, receiptCode } from "./receipt-code";

describe("a receipt read out", () => {
  it("is the submission id's first eight characters in capitals", () => {
    expect(receiptCode("2352cac2-7f1e-423b-b190-7effaef8f213")).toBe("2352CAC2");
    expect(receiptCode("0a74-46e9")).toBe("0A7446E9");
    expect(["2352CAC2", "2352cac2"].map(isReceiptCode)).toEqual([true, true]);
    expect(["2352CAC", "2352%CAC", "2352CAC2X", "GGGGGGGG"].map(isReceiptCode)).toEqual([false, false, false, false]);
  });
});
