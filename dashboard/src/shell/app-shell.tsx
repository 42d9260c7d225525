import { Button, makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import { KeyRegular, PanelLeftContractRegular, PanelLeftExpandRegular, SignOutRegular } from "@fluentui/react-icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, Outlet } from "@tanstack/react-router";
import { ROLE_LABELS } from "@xueji/shared";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { meQuery, signOut } from "../api/auth";
import { isUnauthenticated } from "../api/client";
import { ErrorBar, Loading } from "../components/page-state";
import { useLocale } from "../i18n/use-locale";
import { pagesOf } from "./landing";
import { LanguageSwitch } from "./language-switch";
import { SavedViewsNav } from "./saved-views-nav";
import "./shell-words";
import { SystemWarnings } from "./system-warnings";

// Signed-in readers (most page loads) never need the sign-in form's fields: it is fetched when shown.
const SignIn = lazy(() => import("./sign-in").then((m) => ({ default: m.SignIn })));
const AccountDialog = lazy(() => import("./account-dialog").then((m) => ({ default: m.AccountDialog })));
const ForcedPasswordChange = lazy(() => import("./account-dialog").then((m) => ({ default: m.ForcedPasswordChange })));

/** The menu's state is the reader's: kept in this browser, so a narrow screen stays collapsed. */
const NAV_KEY = "xueji.nav.collapsed";
function storedCollapsed(): boolean {
  try {
    const stored = localStorage.getItem(NAV_KEY);
    // A phone (企业微信's browser, a reminder's link) starts with the menu folded: the page needs the width.
    return stored === null ? window.innerWidth < 600 : stored === "1";
  } catch {
    return false;
  }
}

const useStyles = makeStyles({
  frame: {
    display: "grid",
    gridTemplateColumns: "208px minmax(0, 1fr)",
    gridTemplateRows: "48px 1fr",
    height: "100vh",
    backgroundColor: tokens.colorNeutralBackground2,
  },
  header: {
    gridColumn: "1 / 3",
    minWidth: 0,
    overflowX: "hidden",
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    padding: `0 ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  brand: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  subtitle: { opacity: 0.85, "@media (max-width: 600px)": { display: "none" } },
  spacer: { flexGrow: 1 },
  onBrand: { color: tokens.colorNeutralForegroundOnBrand },
  nav: {
    overflowY: "auto",
    backgroundColor: tokens.colorNeutralBackground1,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalS} 0`,
  },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  link: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    color: tokens.colorNeutralForeground1,
    textDecorationLine: "none",
    fontSize: tokens.fontSizeBase300,
    borderLeft: "3px solid transparent",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  active: {
    borderLeftColor: tokens.colorBrandStroke1,
    backgroundColor: tokens.colorBrandBackground2,
    fontWeight: tokens.fontWeightSemibold,
  },
  collapsed: { gridTemplateColumns: "48px minmax(0, 1fr)" },
  iconOnly: { justifyContent: "center", padding: `${tokens.spacingVerticalS} 0` },
  toggle: { display: "flex", justifyContent: "flex-end", padding: `0 ${tokens.spacingHorizontalXS}` },
  main: { overflow: "auto", padding: tokens.spacingHorizontalXL, minWidth: 0 },
  skip: { position: "absolute", left: "-9999px", ":focus": { left: tokens.spacingHorizontalM, top: tokens.spacingVerticalM, zIndex: 10 } },
});

/** The frame of every page: header (who is signed in, language, sign out), the role's menu, the page. */
export function AppShell() {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const queryClient = useQueryClient();
  const me = useQuery(meQuery());
  const out = useMutation({
    mutationFn: () => signOut(undefined),
    // A campus (OIDC) session also ends at the portal: its logout page brings the reader back to sign-in.
    onSuccess: (answer) => {
      if (answer.logoutUrl) window.location.assign(answer.logoutUrl);
    },
    onSettled: (answer) => {
      if (!answer?.logoutUrl) void queryClient.resetQueries();
    },
  });
  const [collapsed, setCollapsed] = useState(storedCollapsed);
  const [account, setAccount] = useState(false);
  const toggle = () => {
    setCollapsed((was) => {
      try {
        localStorage.setItem(NAV_KEY, was ? "0" : "1");
      } catch {
        // A browser that keeps nothing still collapses for this visit.
      }
      return !was;
    });
  };

  if (me.isPending) return <Loading />;
  // The session may have ended while the reader worked: the server's answer says why (reset, disabled …).
  if (me.error)
    return isUnauthenticated(me.error) ? (
      <Suspense fallback={<Loading />}>
        <SignIn reason={me.error} />
      </Suspense>
    ) : (
      <ErrorBar error={me.error} onRetry={() => void me.refetch()} />
    );
  const user = me.data;
  if (user.mustChangePassword)
    return (
      <Suspense fallback={<Loading />}>
        <ForcedPasswordChange username={user.username} onSignOut={() => out.mutate()} />
      </Suspense>
    );
  const entries = pagesOf(user.role);

  return (
    <div className={mergeClasses(styles.frame, collapsed && styles.collapsed)}>
      <a className={styles.skip} href="#main">
        {t("app.skip")}
      </a>
      <header className={styles.header}>
        <Text className={styles.brand}>{t("app.title")}</Text>
        <Text className={styles.subtitle}>{t("app.subtitle")}</Text>
        <span className={styles.spacer} />
        <Text data-testid="signed-in-as">{t("shell.signedInAs", { name: user.displayName, role: ROLE_LABELS[user.role][locale] })}</Text>
        <span className={styles.onBrand}>
          <LanguageSwitch onBrand />
        </span>
        <Button appearance="primary" icon={<KeyRegular />} onClick={() => setAccount(true)}>
          {t("frame.account")}
        </Button>
        <Button appearance="primary" icon={<SignOutRegular />} onClick={() => out.mutate()}>
          {t("shell.signOut")}
        </Button>
      </header>
      <nav className={styles.nav} aria-label={t("nav.label")}>
        <div className={styles.toggle}>
          <Button
            appearance="subtle"
            size="small"
            icon={collapsed ? <PanelLeftExpandRegular /> : <PanelLeftContractRegular />}
            aria-label={collapsed ? t("frame.expandNav") : t("frame.collapseNav")}
            title={collapsed ? t("frame.expandNav") : t("frame.collapseNav")}
            aria-expanded={!collapsed}
            onClick={toggle}
          />
        </div>
        <ul className={styles.list}>
          {entries.map((entry) => {
            const label = t(`nav.${entry.label}`);
            const link = collapsed ? mergeClasses(styles.link, styles.iconOnly) : styles.link;
            return (
              <li key={entry.to}>
                <Link
                  to={entry.to}
                  className={link}
                  activeProps={{ className: mergeClasses(link, styles.active), "aria-current": "page" }}
                  activeOptions={{ exact: entry.to === "/", includeSearch: false }}
                  {...(collapsed ? { "aria-label": label, title: label } : {})}
                >
                  <entry.icon fontSize={20} aria-hidden />
                  {collapsed ? null : label}
                </Link>
                {entry.to === "/applications" && !collapsed ? <SavedViewsNav linkClass={styles.link} /> : null}
              </li>
            );
          })}
        </ul>
      </nav>
      <main id="main" className={styles.main} tabIndex={-1}>
        <SystemWarnings />
        <Outlet />
      </main>
      {account ? (
        <Suspense fallback={null}>
          <AccountDialog username={user.username} open={account} onClose={() => setAccount(false)} />
        </Suspense>
      ) : null}
    </div>
  );
}
