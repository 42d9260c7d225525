import { Button, Divider, Field, Input, MessageBar, MessageBarBody, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type ErrorCode, errorCatalogue, formatError, type Locale } from "@xueji/shared";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Api, errorMessage } from "../api/client";
import { redeemSignOn, type Session, signIn } from "../api/session";
import type { SignOnOutcome, SignOnWindow } from "../host/sign-on-window";

const PROTOCOLS = ["cas", "oidc"] as const;
/** With both portals configured, each button says which it is. */
const NAMED = { cas: "signIn.campusCas", oidc: "signIn.campusOidc" } as const;

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
});

export function SignIn({
  api,
  locale,
  onSignedIn,
  signOnWindow,
  signOnReturn,
}: {
  api: Api;
  locale: Locale;
  onSignedIn: (session: Session) => void;
  signOnWindow: SignOnWindow;
  signOnReturn: SignOnOutcome | null;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const options = useQuery({ queryKey: ["signOnOptions"], queryFn: () => api.auth.signOnOptions.query(), staleTime: Infinity });
  // Campus sign-on: the one-time code the portal's return brought becomes the pane's session.
  const redeem = useMutation({
    mutationFn: (code: string) => redeemSignOn(api, code),
    onSuccess: onSignedIn,
  });
  const [outcome, setOutcome] = useState<SignOnOutcome | null>(signOnReturn);
  const redeemed = useRef<string | null>(null);
  useEffect(() => {
    // Once per code (a code is good once; a second render must not spend it again).
    if (outcome && "code" in outcome && redeemed.current !== outcome.code) {
      redeemed.current = outcome.code;
      redeem.mutate(outcome.code);
    }
  }, [outcome, redeem]);
  const refusal = outcome && "error" in outcome ? outcome : null;
  const refusalText =
    refusal?.error.startsWith("auth.") && refusal.error in errorCatalogue
      ? formatError(refusal.error as ErrorCode, { ...refusal.params, contact: options.data?.contact ?? "" }, locale)
      : null;
  const campus = async (protocol: (typeof PROTOCOLS)[number]) => {
    const back = await signOnWindow.open(`/api/auth/${protocol}/login?client=${signOnWindow.client}`);
    if (back) setOutcome(back);
  };
  const both = options.data?.cas && options.data?.oidc;
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const attempt = useMutation({
    mutationFn: () => signIn(api, username, password),
    onSuccess: onSignedIn,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    attempt.mutate();
  };
  return (
    <main>
      <form className={styles.form} onSubmit={submit} aria-labelledby="sign-in-title">
        <Text as="h1" size={500} weight="semibold" id="sign-in-title">
          {t("signIn.title")}
        </Text>
        <Text>{t("signIn.intro")}</Text>
        {refusalText ? (
          <MessageBar intent="error" data-testid="sign-on-problem">
            <MessageBarBody>{refusalText}</MessageBarBody>
          </MessageBar>
        ) : null}
        {redeem.error ? (
          <MessageBar intent="error">
            <MessageBarBody>{errorMessage(redeem.error, t)}</MessageBarBody>
          </MessageBar>
        ) : null}
        {PROTOCOLS.filter((protocol) => options.data?.[protocol]).map((protocol) => (
          <Button key={protocol} appearance="primary" onClick={() => void campus(protocol)} disabled={redeem.isPending}>
            {both ? t(NAMED[protocol]) : t("signIn.campus")}
          </Button>
        ))}
        {options.data?.cas || options.data?.oidc ? (
          <Divider>{options.data.passwords === "administrators" ? t("signIn.adminsOnly") : t("signIn.orPassword")}</Divider>
        ) : null}
        <Field label={t("signIn.username")} required>
          <Input name="username" autoComplete="username" value={username} onChange={(_, d) => setUsername(d.value)} />
        </Field>
        <Field label={t("signIn.password")} required>
          <Input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(_, d) => setPassword(d.value)}
          />
        </Field>
        {attempt.error ? (
          <MessageBar intent="error">
            <MessageBarBody>{errorMessage(attempt.error, t)}</MessageBarBody>
          </MessageBar>
        ) : null}
        <Button appearance="primary" type="submit" disabled={attempt.isPending || !username || !password}>
          {attempt.isPending ? t("signIn.working") : t("signIn.submit")}
        </Button>
      </form>
    </main>
  );
}
