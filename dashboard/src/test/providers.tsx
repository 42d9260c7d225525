import { FluentProvider } from "@fluentui/react-components";
import { xuejiLightTheme } from "@xueji/theme";
import type { ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { i18n } from "../i18n";

/** What main.tsx puts around every page: the dashboard's i18next and Fluent's theme. */
export function Providers({ children }: { children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={xuejiLightTheme}>{children}</FluentProvider>
    </I18nextProvider>
  );
}
