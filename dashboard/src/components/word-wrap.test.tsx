// @vitest-environment happy-dom
import { cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { WordWrap, wordsOf } from "./word-wrap";

afterEach(cleanup);

describe("a label wrapped between words", () => {
  it("offers a line break between the words of a Chinese stage name, never inside one", () => {
    expect(wordsOf("转入学院审核", "zh-CN")).toEqual(["转入", "学院", "审核"]);
    expect(wordsOf("招生就业工作处签署意见", "zh-CN")).toEqual(["招生就业工作处", "签署", "意见"]);
    const { container } = render(<WordWrap text="二级学院审核" locale="zh-CN" />);
    const label = container.firstElementChild as HTMLElement;
    expect(label.innerHTML).toBe("二级学院<wbr>审核");
    expect(label.textContent).toBe("二级学院审核");
  });

  it("keeps the offices a stage is named after whole (教务处分管 is not 教务·处分·管)", () => {
    expect(wordsOf("教务处分管领导审批", "zh-CN")).toEqual(["教务处", "分管", "领导", "审批"]);
    expect(wordsOf("教务处处长签字", "zh-CN")).toEqual(["教务处", "处长", "签字"]);
    expect(wordsOf("财务处学费科交费", "zh-CN").slice(0, 2)).toEqual(["财务处", "学费科"]);
  });

  it("breaks English between words as it always did", () => {
    const { container } = render(<WordWrap text="College review" locale="en" />);
    expect((container.firstElementChild as HTMLElement).innerHTML).toBe("College<wbr> <wbr>review");
  });
});

describe("a browser without Intl.Segmenter", () => {
  it("keeps the whole label and the browser's own breaks", () => {
    const segmenter = Intl.Segmenter;
    // Chromium before 87 (some campus browsers) has none.
    (Intl as { Segmenter?: unknown }).Segmenter = undefined;
    try {
      expect(wordsOf("二级学院审核", "zh-CN")).toEqual(["二级学院审核"]);
      const { container } = render(<WordWrap text="二级学院审核" locale="zh-CN" />);
      expect(container.innerHTML).toBe("<span>二级学院审核</span>");
    } finally {
      (Intl as { Segmenter?: unknown }).Segmenter = segmenter;
    }
  });
});
