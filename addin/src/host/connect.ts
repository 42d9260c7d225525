/// <reference types="office-js" />
import { SEVERITY_FILL } from "@xueji/theme/severity";
import { OfficeHost } from "./office-host";
import { officeDialogWindow, redirectWindow, type SignOnWindow } from "./sign-on-window";

export interface Connection {
  /** The Office.js host when the pane runs inside Excel; null means file mode. */
  excel: OfficeHost | null;
  /** Office's display language (e.g. "en-US"), when Office told us. */
  displayLanguage: string | null;
  /** Where a campus sign-on opens: Office's dialog window in Excel (DialogApi 1.1), else this page. */
  signOnWindow: SignOnWindow;
}

// Office.onReady answers within a second inside Excel; in a plain browser it may never be called.
const READY_TIMEOUT_MS = 4_000;

/**
 * Decides where the pane runs. office.js is loaded by taskpane.html from Microsoft's CDN; when it
 * failed to load (a campus intranet), or Office gives no Excel host (a plain browser, WPS), the
 * pane runs in file mode. This is the only file besides the hosts that touches Office.js.
 */
export async function connect(notePrefix: string): Promise<Connection> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office?.onReady) return { excel: null, displayLanguage: null, signOnWindow: redirectWindow() };
  const info = await Promise.race([
    office.onReady(),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), READY_TIMEOUT_MS)),
  ]).catch(() => null);
  const displayLanguage = office.context?.displayLanguage ?? null;
  if (!info || info.host !== office.HostType.Excel || typeof Excel === "undefined")
    return { excel: null, displayLanguage, signOnWindow: redirectWindow() };
  const excel = new OfficeHost(
    {
      run: (batch) => Excel.run(batch),
      isSetSupported: (name, version) => office.context.requirements.isSetSupported(name, version),
    },
    { fills: SEVERITY_FILL, notePrefix },
  );
  const signOnWindow = office.context.requirements.isSetSupported("DialogApi", "1.1")
    ? officeDialogWindow(office.context.ui as never, {
        messageReceived: String(office.EventType.DialogMessageReceived),
        eventReceived: String(office.EventType.DialogEventReceived),
      })
    : redirectWindow();
  return { excel, displayLanguage, signOnWindow };
}
