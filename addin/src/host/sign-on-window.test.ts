import { describe, expect, it } from "vitest";
import { type DialogHandle, type DialogUi, officeDialogWindow, readSignOnReturn } from "./sign-on-window";

const EVENTS = { messageReceived: "dialogMessageReceived", eventReceived: "dialogEventReceived" };

/** Office.context.ui as Excel drives it: the dialog opens, then its page messages or the reader closes it. */
function excelUi(then: (fire: (event: string, arg: { message?: string; error?: number }) => void) => void) {
  const opened: string[] = [];
  let closed = 0;
  const ui: DialogUi = {
    displayDialogAsync(url, _options, callback) {
      opened.push(url);
      const handlers = new Map<string, (arg: { message?: string; error?: number }) => void>();
      const dialog: DialogHandle = {
        addEventHandler: (event, handler) => handlers.set(event, handler),
        close: () => {
          closed += 1;
        },
      };
      callback({ status: "succeeded", value: dialog });
      then((event, arg) => handlers.get(event)?.(arg));
    },
  };
  return { ui, opened, closed: () => closed };
}

describe("the pane's sign-on window in Excel (Office dialog API)", () => {
  it("opens the server's sign-on route as an absolute URL and resolves with the code the last page sent", async () => {
    const excel = excelUi((fire) => fire(EVENTS.messageReceived, { message: JSON.stringify({ code: "abc" }) }));
    const window = officeDialogWindow(excel.ui, EVENTS, (path) => `https://xueji.example.edu.cn${path}`);
    expect(window.client).toBe("pane-dialog");
    await expect(window.open("/api/auth/cas/login?client=pane-dialog")).resolves.toEqual({ code: "abc" });
    expect(excel.opened).toEqual(["https://xueji.example.edu.cn/api/auth/cas/login?client=pane-dialog"]);
    expect(excel.closed()).toBe(1);
  });

  it("resolves with a refusal, or null when the reader closes the window", async () => {
    const refusal = { error: "auth.sign-on-unknown-admin", params: { id: "T1" } };
    const refused = excelUi((fire) => fire(EVENTS.messageReceived, { message: JSON.stringify(refusal) }));
    await expect(officeDialogWindow(refused.ui, EVENTS, (p) => p).open("/x")).resolves.toEqual(refusal);
    const closed = excelUi((fire) => fire(EVENTS.eventReceived, { error: 12006 }));
    await expect(officeDialogWindow(closed.ui, EVENTS, (p) => p).open("/x")).resolves.toBeNull();
  });

  it("rejects when Office cannot open the dialog", async () => {
    const ui: DialogUi = {
      displayDialogAsync: (_url, _options, callback) =>
        callback({ status: "failed", value: null as never, error: { code: 12007, message: "a dialog is already open" } }),
    };
    await expect(officeDialogWindow(ui, EVENTS, (p) => p).open("/x")).rejects.toThrow("a dialog is already open");
  });

  it("sends the reader to the portal's logout in a dialog window, as the portal's pages cannot run in the pane", () => {
    const excel = excelUi(() => {});
    const logout = "https://portal.example.edu.cn/session/end?id_token_hint=a.b.c";
    officeDialogWindow(excel.ui, EVENTS, (p) => p).leave(logout);
    expect(excel.opened).toEqual([logout]);
  });

  it("reads the portal's return from the page address", () => {
    expect(readSignOnReturn("?sign-on=xyz&dialog=1")).toEqual({ outcome: { code: "xyz" }, dialog: true });
    expect(readSignOnReturn("?sign-on-error=auth.sign-on-unknown&id=T9")).toEqual({
      outcome: { error: "auth.sign-on-unknown", params: { id: "T9", claim: "" } },
      dialog: false,
    });
    expect(readSignOnReturn("?other=1")).toBeNull();
  });
});
