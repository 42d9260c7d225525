/// <reference types="office-js" />
import i18next from "i18next";
import { createRoot } from "react-dom/client";
import { connect } from "./host/connect";
import { readSignOnReturn } from "./host/sign-on-window";
import { paneLocale, startI18n } from "./i18n/i18n";
import { App } from "./ui/App";

/**
 * The pane starts here: find out whether it runs inside Excel (office.js loaded and Office gives an
 * Excel host) or in a plain browser (file mode), take the language (Chinese unless chosen otherwise in the pane), and render.
 */
async function start() {
  const locale = paneLocale();
  const back = readSignOnReturn(window.location.search);
  const root = document.getElementById("root") as HTMLElement;
  if (back?.dialog) {
    // Excel's sign-on dialog window, at the end of the campus sign-on: hand the outcome to the pane.
    await startI18n(locale);
    await (globalThis as { Office?: typeof Office }).Office?.onReady();
    Office.context.ui.messageParent(JSON.stringify(back.outcome));
    root.textContent = i18next.t("signIn.dialogDone");
    return;
  }
  // The code is used once; it leaves the address so a reload does not show it again.
  if (back) window.history.replaceState(null, "", window.location.pathname);
  const connection = await connect(locale === "en" ? "Xueji check" : "学籍核对");
  await startI18n(locale);
  createRoot(root).render(
    <App excel={connection.excel} locale={locale} signOnWindow={connection.signOnWindow} signOnReturn={back?.outcome ?? null} />,
  );
}

void start();
