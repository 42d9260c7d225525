import { Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useLocation } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { signIn } from "../api/auth";
import { problemOf } from "../api/client";
import { ErrorBar } from "../components/page-state";
import { CampusSignOn, useSignOnProblem } from "./campus-sign-on";
import { CardPage } from "./card-page";
import { markSignedIn } from "./landing";
import { LanguageSwitch } from "./language-switch";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  hint: { color: tokens.colorNeutralForeground3 },
});

/**
 * Cookie session: `auth.signIn` sets an HttpOnly SameSite=Lax cookie; the token is never kept in script.
 * `reason` is the answer that sent the reader here: when the session ended (password reset, account
 * disabled, ended by the administrator, expired) the server's words for it are shown above the form.
 */
export function SignIn({ reason }: { reason?: unknown }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const queryClient = useQueryClient();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const location = useLocation();
  const problem = reason === undefined ? null : problemOf(reason);
  const ended = problem && problem.appCode !== "auth.required" ? problem : null;
  const signOnProblem = useSignOnProblem();
  const mutation = useMutation({
    mutationFn: signIn,
    onSuccess: async () => {
      setPassword("");
      // Landing here now: a page this role may not use opens the role's first page instead.
      markSignedIn(location.href);
      // Everything fetched while signed out (or as someone else) is stale.
      await queryClient.resetQueries();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({ username, password });
  };
  return (
    <CardPage title={t("signIn.title")} width={360}>
      <Text className={styles.hint}>{t("signIn.hint")}</Text>
      {ended && !signOnProblem && !mutation.isSuccess ? (
        <MessageBar intent="warning" layout="multiline" data-testid="session-ended">
          <MessageBarBody>
            <MessageBarTitle>{t("frame.signInAgain")}</MessageBarTitle>
            {ended.message}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {signOnProblem && !mutation.isSuccess ? (
        <MessageBar intent="error" layout="multiline" data-testid="sign-on-problem">
          <MessageBarBody>{signOnProblem}</MessageBarBody>
        </MessageBar>
      ) : null}
      <CampusSignOn />
      <form className={styles.form} onSubmit={submit}>
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
        {mutation.error ? <ErrorBar error={mutation.error} /> : null}
        <Button appearance="primary" type="submit" disabled={mutation.isPending || !username || !password}>
          {mutation.isPending ? t("signIn.signingIn") : t("signIn.submit")}
        </Button>
        <LanguageSwitch />
      </form>
    </CardPage>
  );
}
