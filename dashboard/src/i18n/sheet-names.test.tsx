import { sheetNames } from "@xueji/shared";
import { describe, expect, it } from "vitest";
import { en } from "./en";
import { zhCN } from "./zh-CN";

/**
 * One name per sheet on every screen: the dashboard's list and review say what the pane and the server's messages
 * say (shared's SHEET_LABELS, the seeds' names: seed 004 不及格课程信息核对表 …). Written out in the dashboard's
 * words so that the first page does not load shared's labels; held to them here.
 */
describe("the dashboard's names of the check sheets", () => {
  it("are shared's, in both languages", () => {
    expect(zhCN.sheetKind).toEqual(sheetNames("zh-CN"));
    expect(en.sheetKind).toEqual(sheetNames("en"));
  });
});
