/**
 * Where the pane sends a campus sign-on (统一身份认证): the portal's pages cannot run inside the pane
 * itself, so in Excel they open in an Office dialog window (DialogApi 1.1), which hands back a one-time
 * code; in file mode the pane's own page goes to the portal and comes back with the code in its address.
 */
export interface SignOnWindow {
  readonly kind: "dialog" | "redirect";
  /** Which `client` the server's sign-on route is told (it decides where the portal's return lands). */
  readonly client: "pane" | "pane-dialog";
  /**
   * Opens `url` (the server's sign-on route) and resolves with what the sign-on's last page said: the
   * one-time code, or the refusal (an error code and its words' parameters); null when the reader
   * closed the window. A redirect never resolves: the page leaves.
   */
  open(url: string): Promise<SignOnOutcome | null>;
  /**
   * Sends the reader to the portal's logout (RP-initiated, `url` carries the id_token_hint) after an OIDC
   * session ended, so that the portal's session ends too: the page itself in file mode; in Excel a dialog
   * window, as the portal's pages cannot run in the pane.
   */
  leave(url: string): void;
}

export type SignOnOutcome = { code: string } | { error: string; params: Record<string, string> };

/** File mode: the page itself goes; `main.tsx` reads the return (`readSignOnReturn`). */
export function redirectWindow(go: (url: string) => void = (url) => window.location.assign(url)): SignOnWindow {
  return {
    kind: "redirect",
    client: "pane",
    open(url) {
      go(url);
      return new Promise(() => {});
    },
    leave: go,
  };
}

/** The part of Office.context.ui this needs (typed here, so the file stays testable without Office.js). */
export interface DialogUi {
  displayDialogAsync(
    url: string,
    options: { height: number; width: number; promptBeforeOpen?: boolean },
    callback: (result: { status: string; value: DialogHandle; error?: { code: number; message: string } }) => void,
  ): void;
}
export interface DialogHandle {
  addEventHandler(event: string, handler: (arg: { message?: string; error?: number }) => void): void;
  close(): void;
}

/** Excel: the sign-on runs in an Office dialog; its last page (`/addin/?dialog=1`) messages the outcome to the pane. */
export function officeDialogWindow(
  ui: DialogUi,
  events: { messageReceived: string; eventReceived: string },
  absolute: (path: string) => string = (path) => new URL(path, window.location.href).toString(),
): SignOnWindow {
  return {
    kind: "dialog",
    client: "pane-dialog",
    open(url) {
      return new Promise((resolve, reject) => {
        ui.displayDialogAsync(absolute(url), { height: 70, width: 40, promptBeforeOpen: false }, (result) => {
          if (result.status !== "succeeded") return reject(new Error(result.error?.message ?? "dialog failed"));
          const dialog = result.value;
          dialog.addEventHandler(events.messageReceived, (arg) => {
            dialog.close();
            resolve(parseOutcome(arg.message ?? ""));
          });
          // 12006: the reader closed the window.
          dialog.addEventHandler(events.eventReceived, () => resolve(null));
        });
      });
    },
    leave(url) {
      // The portal's logout page ends on Xueji's sign-in page; the reader closes the window (nothing to hand back).
      ui.displayDialogAsync(url, { height: 50, width: 30, promptBeforeOpen: false }, () => {});
    },
  };
}

export function parseOutcome(message: string): SignOnOutcome | null {
  try {
    const parsed = JSON.parse(message) as { code?: unknown; error?: unknown; params?: unknown };
    if (typeof parsed.code === "string") return { code: parsed.code };
    if (typeof parsed.error === "string")
      return { error: parsed.error, params: (parsed.params as Record<string, string> | undefined) ?? {} };
  } catch {
    // not ours
  }
  return null;
}

/**
 * What the server's sign-on return put in this page's address (`/addin/?sign-on=…` or
 * `?sign-on-error=…`, with `dialog=1` when it is Excel's dialog window), or null.
 */
export function readSignOnReturn(search: string): { outcome: SignOnOutcome; dialog: boolean } | null {
  const query = new URLSearchParams(search);
  const dialog = query.get("dialog") === "1";
  const code = query.get("sign-on");
  if (code) return { outcome: { code }, dialog };
  const error = query.get("sign-on-error");
  if (error) return { outcome: { error, params: { id: query.get("id") ?? "", claim: query.get("claim") ?? "" } }, dialog };
  return null;
}
