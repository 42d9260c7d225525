import { Button, Divider, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { signOnOptionsQuery } from "../api/auth";
import { useLocale } from "../i18n/use-locale";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalM },
  hint: { color: tokens.colorNeutralForeground3 },
});

const PROTOCOLS = ["cas", "oidc"] as const;
/** With both portals configured, each button says which it is. */
const NAMED = { cas: "signIn.campusCas", oidc: "signIn.campusOidc" } as const;

/**
 * The campus sign-on (统一身份认证) buttons, when the server has a portal configured: each is a plain
 * link to the server's sign-on route, which sends the browser to the portal and back with a session.
 */
export function CampusSignOn() {
  const { t } = useTranslation();
  const styles = useStyles();
  const { data } = useQuery(signOnOptionsQuery());
  if (!data || (!data.cas && !data.oidc)) return null;
  const both = data.cas && data.oidc;
  // The page asked for (a reminder's link to an application) is where the portal's return lands.
  const here = `${window.location.pathname}${window.location.search}`;
  const back = here === "/" || window.location.search.includes("sign-on-error") ? "" : `?return=${encodeURIComponent(here)}`;
  return (
    <div className={styles.box}>
      {PROTOCOLS.filter((protocol) => data[protocol]).map((protocol) => (
        <Button
          key={protocol}
          as="a"
          appearance="primary"
          href={`/api/auth/${protocol}/login${back}`}
          data-testid={`campus-sign-on-${protocol}`}
        >
          {both ? t(NAMED[protocol]) : t("signIn.campus")}
        </Button>
      ))}
      <Divider>{data.passwords === "administrators" ? t("signIn.adminsOnly") : t("signIn.orPassword")}</Divider>
      {data.passwords === "administrators" ? <Text className={styles.hint}>{t("signIn.adminsOnlyHint")}</Text> : null}
    </div>
  );
}

/**
 * Why the portal's return was refused: the server sends the reader back here with the error's code
 * (and its 工号 or claim) in the address; said in the reader's language, with whom to ask. The error
 * catalogue is loaded only then: it would otherwise weigh on every sign-in page (the first page's
 * 250 KB of JavaScript, dashboard/e2e/first-page-size.test.ts).
 */
export function useSignOnProblem(): string | null {
  const locale = useLocale();
  const { data } = useQuery(signOnOptionsQuery());
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    const query = new URLSearchParams(window.location.search);
    const code = query.get("sign-on-error");
    if (!code?.startsWith("auth.")) return;
    let current = true;
    void import("@xueji/shared").then(({ errorCatalogue, formatError }) => {
      if (!current || !(code in errorCatalogue)) return;
      const params: Record<string, string> = { id: query.get("id") ?? "", claim: query.get("claim") ?? "" };
      if (code === "auth.sign-on-unknown" && !data?.contact) return; // said once whom to ask is known
      if (data?.contact) params.contact = data.contact;
      setProblem(formatError(code as keyof typeof errorCatalogue, params, locale));
    });
    return () => {
      current = false;
    };
  }, [locale, data?.contact]);
  return problem;
}
