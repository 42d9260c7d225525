import { Badge, Button, FluentProvider, makeStyles, Spinner, Tab, TabList, Text, tokens } from "@fluentui/react-components";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { Locale } from "@xueji/shared";
import { xuejiLightTheme } from "@xueji/theme";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { MemoryRouter, Route, Routes, useLocation, useNavigate } from "react-router";
import { createApi, isAuthError } from "../api/client";
import { currentSession, type Session, signOut } from "../api/session";
import { todayInChina } from "../check/term";
import type { SheetHost } from "../host/sheet-host";
import { redirectWindow, type SignOnOutcome, type SignOnWindow } from "../host/sign-on-window";
import { chooseLocale } from "../i18n/i18n";
import { AppContext, type AppServices } from "./app-context";
import { CheckPage } from "./CheckPage";
import { CheckProvider } from "./check-store";
import { HistoryPage } from "./HistoryPage";
import { NewSheetPage } from "./NewSheetPage";
import { SignIn } from "./SignIn";

const useStyles = makeStyles({
  root: { height: "100vh", display: "flex", flexDirection: "column", backgroundColor: tokens.colorNeutralBackground1 },
  // At the pane's narrowest (320 px) the header wraps onto a second line rather than squeezing each item into a
  // column of single characters (学/籍/核/对, 退出/登录).
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  title: { flexGrow: 1, whiteSpace: "nowrap" },
  item: { whiteSpace: "nowrap", flexShrink: 0 },
  user: { whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis", maxWidth: "12em" },
  main: {
    flex: 1,
    minHeight: 0,
    // A tall page (an open column mapping above the list) scrolls inside the pane.
    overflowY: "auto",
    display: "flex",
    flexDirection: "column",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  },
});

function Shell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const styles = useStyles();
  return (
    <>
      <nav aria-label={t("app.title")}>
        <TabList selectedValue={location.pathname} onTabSelect={(_, d) => navigate(String(d.value))} size="small">
          <Tab value="/">{t("nav.check")}</Tab>
          <Tab value="/history">{t("nav.history")}</Tab>
          <Tab value="/new">{t("nav.newSheet")}</Tab>
        </TabList>
      </nav>
      <main className={styles.main}>
        <Routes>
          <Route path="/" element={<CheckPage />} />
          <Route path="/history" element={<HistoryPage />} />
          <Route path="/new" element={<NewSheetPage />} />
        </Routes>
      </main>
    </>
  );
}

/** The pane: sign in, then 检查 / 历史 / 新建核对表 behind a memory router (Office nulls history.pushState). */
export function App({
  excel,
  locale: initial,
  signOnWindow = redirectWindow(),
  signOnReturn = null,
}: {
  excel: SheetHost | null;
  locale: Locale;
  /** Where a campus sign-on opens (Office dialog in Excel, this page in file mode). */
  signOnWindow?: SignOnWindow;
  /** What a campus sign-on that came back to this page brought (file mode). */
  signOnReturn?: SignOnOutcome | null;
}) {
  const { t } = useTranslation();
  const [locale, setLocale] = useState<Locale>(initial);
  const switchLocale = () => {
    const next: Locale = locale === "en" ? "zh-CN" : "en";
    void chooseLocale(next).then(() => setLocale(next));
  };
  const styles = useStyles();
  // undefined while the server is asked whether the session cookie is still good (a pane opened again).
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const api = useMemo(() => createApi(() => ({ locale })), [locale]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: asked once, when the pane opens (a language switch is not a new session)
  useEffect(() => {
    let current = true;
    void currentSession(api).then((found) => {
      if (current) setSession((s) => (s === undefined ? found : s));
    });
    return () => {
      current = false;
    };
  }, []);
  const leave = () => {
    // An OIDC session also ends at the portal (its logout address carries the ID token as id_token_hint).
    signOut(api)
      .then((answer) => {
        if (answer.logoutUrl) signOnWindow.leave(answer.logoutUrl);
      })
      .catch(() => {});
    setSession(null);
  };
  const queryClient = useMemo(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: { retry: (n, error) => !isAuthError(error) && n < 2, refetchOnWindowFocus: false },
        },
      }),
    [],
  );
  const services: AppServices | null = session ? { api, locale, session, signOut: leave, excel, today: todayInChina() } : null;
  return (
    <FluentProvider theme={xuejiLightTheme} className={styles.root} lang={locale}>
      <QueryClientProvider client={queryClient}>
        <header className={styles.header}>
          <Text as="h1" weight="semibold" size={400} className={styles.title}>
            {t("app.title")}
          </Text>
          <Badge appearance="tint" color={excel ? "brand" : "informative"} data-testid="mode" className={styles.item}>
            {excel ? t(excel.mode === "wps" ? "app.wpsMode" : "app.excelMode") : t("app.fileMode")}
          </Badge>
          {/* Each language named in itself, so a reader who cannot read the other finds her own. */}
          <Button
            size="small"
            appearance="subtle"
            onClick={switchLocale}
            lang={locale === "en" ? "zh-CN" : "en"}
            data-testid="language"
            className={styles.item}
          >
            {locale === "en" ? "中文" : "English"}
          </Button>
          {session ? (
            <>
              <Text size={200} className={styles.user} title={session.user.displayName}>
                {session.user.displayName}
              </Text>
              <Button size="small" appearance="subtle" onClick={leave} className={styles.item}>
                {t("app.signOut")}
              </Button>
            </>
          ) : null}
        </header>
        {services ? (
          <AppContext.Provider value={services}>
            <CheckProvider>
              <MemoryRouter>
                <Shell />
              </MemoryRouter>
            </CheckProvider>
          </AppContext.Provider>
        ) : session === null ? (
          <SignIn api={api} locale={locale} signOnWindow={signOnWindow} signOnReturn={signOnReturn} onSignedIn={setSession} />
        ) : (
          <Spinner className={styles.main} label={t("signIn.resuming")} />
        )}
      </QueryClientProvider>
    </FluentProvider>
  );
}
