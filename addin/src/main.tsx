import { createRoot } from "react-dom/client";
import { connect } from "./host/connect";
import { localeFor, startI18n } from "./i18n/i18n";
import { App } from "./ui/App";

/**
 * The pane starts here: find out whether it runs inside Excel (office.js loaded and Office gives an
 * Excel host) or in a plain browser (file mode), pick the language, and render.
 */
async function start() {
  const guess = localeFor(navigator.language);
  const connection = await connect(guess === "en" ? "Xueji check" : "学籍核对");
  const locale = localeFor(connection.displayLanguage ?? navigator.language);
  await startI18n(locale);
  const root = document.getElementById("root") as HTMLElement;
  createRoot(root).render(<App excel={connection.excel} locale={locale} />);
}

void start();
