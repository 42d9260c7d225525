// @vitest-environment happy-dom
import { FluentProvider } from "@fluentui/react-components";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { xuejiLightTheme } from "@xueji/theme";
import { I18nextProvider } from "react-i18next";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { i18n } from "../i18n";
import { ReasonDialog, type ReasonDialogProps } from "./reason-dialog";

afterEach(cleanup);

// happy-dom's Web Animations reject with an AbortError when a dialog unmounts mid-motion; without them Fluent
// takes its own path for test environments (its motion ends on the next render).
const animate = Element.prototype.animate;
beforeAll(() => Object.defineProperty(Element.prototype, "animate", { value: undefined, configurable: true, writable: true }));
afterAll(() => Object.defineProperty(Element.prototype, "animate", { value: animate, configurable: true, writable: true }));

function renderDialog(props: Partial<ReasonDialogProps<string>> & Pick<ReasonDialogProps<string>, "submit">) {
  const events: string[] = [];
  render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={new QueryClient()}>
        <FluentProvider theme={xuejiLightTheme}>
          <ReasonDialog
            title="为该生解除冻结"
            explain="解除后可提交学籍信息修改。"
            label="解除理由"
            confirm="解除冻结"
            maxLength={500}
            onDone={(result, text) => {
              events.push(`done ${result} ${text}`);
            }}
            onClose={() => events.push("closed")}
            {...props}
          />
        </FluentProvider>
      </QueryClientProvider>
    </I18nextProvider>,
  );
  return events;
}

describe("the reason dialog", () => {
  it("shows its title, explanation and label, focuses the field, and waits for a non-blank reason", async () => {
    const sent: string[] = [];
    const events = renderDialog({
      submit: async (text) => {
        sent.push(text);
        return "ok";
      },
    });
    const dialog = await screen.findByRole("dialog");
    expect(dialog.textContent).toContain("为该生解除冻结");
    expect(dialog.textContent).toContain("解除后可提交学籍信息修改。");
    const field = screen.getByLabelText(/解除理由/);
    await waitFor(() => expect(document.activeElement).toBe(field));
    const confirm = screen.getByRole("button", { name: "解除冻结" });
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    await userEvent.type(field, "   ");
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    await userEvent.type(field, "证明四月前已出具  ");
    await userEvent.click(confirm);
    await waitFor(() => expect(events).toEqual(["done ok 证明四月前已出具"]));
    expect(sent).toEqual(["证明四月前已出具"]);
  });

  it("sends a paragraph with Ctrl+Enter (Enter is a new line) and closes on Escape", async () => {
    const sent: string[] = [];
    const events = renderDialog({
      submit: async (text) => {
        sent.push(text);
        return "ok";
      },
    });
    const field = await screen.findByLabelText(/解除理由/);
    await userEvent.type(field, "第一行{Enter}第二行");
    expect(sent).toEqual([]);
    await userEvent.keyboard("{Control>}{Enter}{/Control}");
    await waitFor(() => expect(sent).toEqual(["第一行\n第二行"]));
    await userEvent.keyboard("{Escape}");
    await waitFor(() => expect(events).toContain("closed"));
  });

  it("sends one line with Enter, starting from what it is given, and says so where it stays open", async () => {
    const sent: string[] = [];
    renderDialog({
      label: "名单标题",
      confirm: "下载名单",
      singleLine: true,
      initial: "2026年学籍异动名单",
      hint: "按公示批次命名",
      onDone: undefined,
      submit: async (text) => {
        sent.push(text);
        return "ok";
      },
      done: (text) => `已下载“${text}”。`,
    });
    const field = (await screen.findByLabelText(/名单标题/)) as HTMLInputElement;
    expect(field.value).toBe("2026年学籍异动名单");
    expect(screen.getByText("按公示批次命名")).toBeTruthy();
    await userEvent.clear(field);
    expect((screen.getByRole("button", { name: "下载名单" }) as HTMLButtonElement).disabled).toBe(true);
    await userEvent.type(field, "第3批公示名单{Enter}");
    expect((await screen.findByRole("status")).textContent).toBe("已下载“第3批公示名单”。");
    expect(sent).toEqual(["第3批公示名单"]);
  });

  it("shows the server's refusal, keeps the text to try again, and does not go on", async () => {
    let refuse = true;
    const events = renderDialog({
      submit: async (text) => {
        if (refuse) throw new Error("该生不是应届毕业生，无须解除冻结。");
        return text;
      },
    });
    const field = (await screen.findByLabelText(/解除理由/)) as HTMLTextAreaElement;
    await userEvent.type(field, "理由");
    await userEvent.click(screen.getByRole("button", { name: "解除冻结" }));
    await screen.findByText("该生不是应届毕业生，无须解除冻结。");
    expect(field.value).toBe("理由");
    expect(events).toEqual([]);
    refuse = false;
    await userEvent.click(screen.getByRole("button", { name: "解除冻结" }));
    await waitFor(() => expect(events).toEqual(["done 理由 理由"]));
  });

  it("closes with 取消", async () => {
    const events = renderDialog({ submit: async () => "ok" });
    await userEvent.click(await screen.findByRole("button", { name: "取消" }));
    expect(events).toEqual(["closed"]);
  });
});
