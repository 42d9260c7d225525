import { describe, expect, it } from "vitest";
import { displayValue } from "./values";

describe("a value as the cell reads", () => {
  it("says yes and no in the reader's language, 是/否 on a sheet", () => {
    expect([displayValue(true), displayValue(false)]).toEqual(["是", "否"]);
    expect([displayValue(true, "en"), displayValue(false, "en")]).toEqual(["Yes", "No"]);
    expect(displayValue("计算机学院", "en")).toBe("计算机学院");
  });
});
