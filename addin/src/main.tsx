import { createRoot } from "react-dom/client";
import { connect } from "./host/connect";
import { paneLocale, startI18n } from "./i18n/i18n";
import { App } from "./ui/App";

/**
 * The pane starts here: find out whether it runs inside Excel (office.js loaded and Office gives an
 * Excel host) or in a plain browser (file mode), take the language (Chinese unless chosen otherwise in the pane), and render.
 */
async function start() {
  const locale = paneLocale();
  const connection = await connect(locale === "en" ? "Xueji check" : "学籍核对");
  await startI18n(locale);
  const root = document.getElementById("root") as HTMLElement;
  createRoot(root).render(<App excel={connection.excel} locale={locale} />);
}

void start();
