import { Button, makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import { SignOutRegular } from "@fluentui/react-icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, Outlet } from "@tanstack/react-router";
import { ROLE_LABELS } from "@xueji/shared/src/auth/roles";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { meQuery, signOut } from "../api/auth";
import { isUnauthenticated } from "../api/client";
import { ErrorBar, Loading } from "../components/page-state";
import { useLocale } from "../i18n/use-locale";
import { pagesOf } from "./landing";
import { LanguageSwitch } from "./language-switch";
import { SavedViewsNav } from "./saved-views-nav";

// Signed-in readers (most page loads) never need the sign-in form's fields: it is fetched when shown.
const SignIn = lazy(() => import("./sign-in").then((m) => ({ default: m.SignIn })));

const useStyles = makeStyles({
  frame: {
    display: "grid",
    gridTemplateColumns: "208px 1fr",
    gridTemplateRows: "48px 1fr",
    height: "100vh",
    backgroundColor: tokens.colorNeutralBackground2,
  },
  header: {
    gridColumn: "1 / 3",
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    padding: `0 ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  brand: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  subtitle: { opacity: 0.85 },
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
  const out = useMutation({ mutationFn: () => signOut(undefined), onSettled: () => queryClient.resetQueries() });

  if (me.isPending) return <Loading />;
  if (me.error)
    return isUnauthenticated(me.error) ? (
      <Suspense fallback={<Loading />}>
        <SignIn />
      </Suspense>
    ) : (
      <ErrorBar error={me.error} onRetry={() => void me.refetch()} />
    );
  const user = me.data;
  const entries = pagesOf(user.role);

  return (
    <div className={styles.frame}>
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
        <Button appearance="primary" icon={<SignOutRegular />} onClick={() => out.mutate()}>
          {t("shell.signOut")}
        </Button>
      </header>
      <nav className={styles.nav} aria-label={t("nav.label")}>
        <ul className={styles.list}>
          {entries.map((entry) => (
            <li key={entry.to}>
              <Link
                to={entry.to}
                className={styles.link}
                activeProps={{ className: mergeClasses(styles.link, styles.active), "aria-current": "page" }}
                activeOptions={{ exact: entry.to === "/", includeSearch: false }}
              >
                <entry.icon fontSize={20} aria-hidden />
                {t(`nav.${entry.label}`)}
              </Link>
              {entry.to === "/applications" ? <SavedViewsNav linkClass={styles.link} /> : null}
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className={styles.main} tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
