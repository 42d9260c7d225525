import { FluentProvider } from "@fluentui/react-components";
import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { xuejiLightTheme } from "@xueji/theme";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { i18n, showLocale } from "./i18n";
import { currentLocale } from "./i18n/locale";
import { queryClient, router } from "./routes";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");
// A reader who chose English waits for its words (fetched once) rather than seeing Chinese flash first; if they
// cannot be fetched, the dashboard opens in Chinese rather than not at all.
await showLocale(currentLocale()).catch(() => showLocale("zh-CN"));
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={xuejiLightTheme} style={{ minHeight: "100vh" }}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </FluentProvider>
    </I18nextProvider>
  </StrictMode>,
);
